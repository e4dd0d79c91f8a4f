using System.Text.Json;
using Filing.Api.Infrastructure.Auth;
using Filing.Api.Infrastructure.Idempotency;
using Filing.Core.Audit;
using Filing.Core.Register;
using Filing.Core.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Filing.Api.Infrastructure.Data;

/// <summary>
/// The register's database. One model for both providers; <see cref="SqliteFilingDbContext"/> and
/// <see cref="PostgresFilingDbContext"/> exist only so that each provider keeps its own migration set.
/// </summary>
public abstract class FilingDbContext(DbContextOptions options) : DbContext(options)
{
    private static readonly JsonSerializerOptions BasisJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<NormativeDocumentRecord> Documents => Set<NormativeDocumentRecord>();

    public DbSet<VersionContent> VersionContents => Set<VersionContent>();

    public DbSet<OversightFiling> Filings => Set<OversightFiling>();

    public DbSet<FilingRequirement> FilingRequirements => Set<FilingRequirement>();

    public DbSet<CleanupCampaign> Cleanups => Set<CleanupCampaign>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditStreamHead> AuditHeads => Set<AuditStreamHead>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>Which provider this context talks to.</summary>
    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organisation>(o =>
        {
            o.HasKey(x => x.Id);
            o.Property(x => x.Code).HasMaxLength(64);
            o.Property(x => x.Name).HasMaxLength(200);
            o.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            o.Property(x => x.UnifiedNumberPrefix).HasMaxLength(6);
            o.HasIndex(x => x.Code).IsUnique();
            o.Ignore(x => x.IsIssuingAuthority);
            o.Ignore(x => x.JurisdictionId);
        });

        modelBuilder.Entity<ApiKey>(k =>
        {
            k.HasKey(x => x.Id);
            k.Property(x => x.Hash).HasMaxLength(64);
            k.Property(x => x.Label).HasMaxLength(200);
            k.HasIndex(x => x.Hash).IsUnique();
            k.HasIndex(x => x.OrganisationId);
            k.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            k.Ignore(x => x.IsActive);
        });

        modelBuilder.Entity<NormativeDocumentRecord>(d =>
        {
            d.ToTable("Documents");
            d.HasKey(x => x.Id);
            d.Property(x => x.Title).HasMaxLength(500);
            d.Property(x => x.IssuingAuthorityName).HasMaxLength(200);
            d.Property(x => x.DraftingDepartmentName).HasMaxLength(200);
            d.Property(x => x.DocumentType).HasMaxLength(50);
            d.Property(x => x.DocumentNumber).HasMaxLength(100);
            d.Property(x => x.UnifiedNumber).HasMaxLength(32);
            d.Property(x => x.DecisionMeeting).HasMaxLength(500);
            d.Property(x => x.PublicationChannel).HasMaxLength(500);
            d.Property(x => x.Termination).HasConversion<string>().HasMaxLength(32);
            d.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            d.HasIndex(x => x.UnifiedNumber).IsUnique();
            d.HasIndex(x => new { x.IssuingAuthorityId, x.Stage });
            d.HasIndex(x => new { x.DraftingDepartmentId, x.Stage });
            d.HasIndex(x => new { x.JurisdictionId, x.Stage });
            d.HasIndex(x => new { x.Stage, x.PublishedOn });
            d.HasOne<Organisation>().WithMany().HasForeignKey(x => x.IssuingAuthorityId).OnDelete(DeleteBehavior.Restrict);
            d.HasOne<Organisation>().WithMany().HasForeignKey(x => x.DraftingDepartmentId).OnDelete(DeleteBehavior.Restrict);
            d.Ignore(x => x.CurrentVersion);
            d.Ignore(x => x.RequiresJointFairCompetitionReview);
            d.Ignore(x => x.IsPublic);
            d.Ignore(x => x.FairCompetitionComplete);

            d.OwnsMany(x => x.Versions, v =>
            {
                v.ToTable("DocumentVersions");
                v.WithOwner().HasForeignKey("DocumentId");
                v.HasKey("DocumentId", nameof(DocumentVersion.Number));
                v.Property(x => x.Number).ValueGeneratedNever();
                v.Property(x => x.FileName).HasMaxLength(260);
                v.Property(x => x.FileSha256).HasMaxLength(64);
                v.Property(x => x.Title).HasMaxLength(500);
                v.Property(x => x.DocumentType).HasMaxLength(50);
                v.Property(x => x.DocumentNumber).HasMaxLength(100);
                v.Property(x => x.ReviewState).HasConversion<string>().HasMaxLength(32);
                v.Property(x => x.UploadedByName).HasMaxLength(300);
                v.Ignore(x => x.BlockingFindings);
                v.OwnsMany(x => x.Findings, f =>
                {
                    f.ToTable("VersionFindings");
                    f.WithOwner().HasForeignKey("DocumentId", "VersionNumber");
                    f.HasKey(x => x.Id);
                    f.Property(x => x.Id).ValueGeneratedNever();
                    f.Property(x => x.RuleId).HasMaxLength(64);
                    f.Property(x => x.Step).HasConversion<string>().HasMaxLength(32);
                    f.Property(x => x.Severity).HasConversion<string>().HasMaxLength(16);
                    f.Property(x => x.Answer).HasConversion<string>().HasMaxLength(16);
                    f.Property(x => x.Basis).HasConversion(BasisConverter(), BasisComparer());
                    f.Ignore(x => x.Blocks);
                });
                v.Navigation(x => x.Findings).HasField("_findings");
            });
            d.Navigation(x => x.Versions).HasField("_versions");

            d.OwnsMany(x => x.Steps, s =>
            {
                s.ToTable("ProcedureSteps");
                s.WithOwner().HasForeignKey("DocumentId");
                s.HasKey(x => x.Id);
                s.Property(x => x.Id).ValueGeneratedNever();
                s.Property(x => x.ActorName).HasMaxLength(300);
                s.HasIndex("DocumentId", nameof(ProcedureStep.Sequence)).IsUnique();
            });
            d.Navigation(x => x.Steps).HasField("_steps");
        });

        modelBuilder.Entity<VersionContent>(c =>
        {
            c.HasKey(x => new { x.DocumentId, x.VersionNumber });
            c.Property(x => x.ContentType).HasMaxLength(200);
            c.HasOne<NormativeDocumentRecord>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OversightFiling>(f =>
        {
            f.ToTable("Filings");
            f.HasKey(x => x.Id);
            f.Property(x => x.DocumentTitle).HasMaxLength(500);
            f.Property(x => x.UnifiedNumber).HasMaxLength(32);
            f.Property(x => x.IssuingAuthorityName).HasMaxLength(200);
            f.Property(x => x.RecipientName).HasMaxLength(200);
            f.Property(x => x.PeriodUnit).HasConversion<string>().HasMaxLength(32);
            f.Property(x => x.Opinion).HasConversion<string>().HasMaxLength(32);
            f.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            f.HasIndex(x => new { x.RecipientId, x.DueDate });
            f.HasIndex(x => new { x.JurisdictionId, x.DueDate });
            f.HasIndex(x => new { x.DraftingDepartmentId, x.DueDate });
            f.HasIndex(x => new { x.DocumentId, x.RecipientId }).IsUnique();
            f.HasOne<NormativeDocumentRecord>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
            f.HasOne<Organisation>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Restrict);
            f.Ignore(x => x.Period);
            f.Ignore(x => x.SubmittedLate);
            f.Ignore(x => x.IsClosed);
        });

        modelBuilder.Entity<FilingRequirement>(r =>
        {
            r.HasKey(x => x.Id);
            r.Property(x => x.PeriodUnit).HasConversion<string>().HasMaxLength(32);
            r.HasIndex(x => new { x.IssuingAuthorityId, x.RecipientId }).IsUnique();
            r.HasOne<Organisation>().WithMany().HasForeignKey(x => x.IssuingAuthorityId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<Organisation>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Restrict);
            r.Ignore(x => x.Period);
        });

        modelBuilder.Entity<CleanupCampaign>(c =>
        {
            c.ToTable("Cleanups");
            c.HasKey(x => x.Id);
            c.Property(x => x.Title).HasMaxLength(300);
            c.Property(x => x.IssuingAuthorityName).HasMaxLength(200);
            c.Property(x => x.OpenedBy).HasMaxLength(300);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            c.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            c.HasIndex(x => new { x.IssuingAuthorityId, x.Status });
            c.Ignore(x => x.Undecided);
            c.OwnsMany(x => x.Items, i =>
            {
                i.ToTable("CleanupItems");
                i.WithOwner().HasForeignKey("CampaignId");
                i.HasKey("CampaignId", nameof(CleanupItem.DocumentId));
                i.Property(x => x.Title).HasMaxLength(500);
                i.Property(x => x.Decision).HasConversion<string>().HasMaxLength(32);
            });
            c.Navigation(x => x.Items).HasField("_items");
        });

        modelBuilder.Entity<NumberSequence>(n =>
        {
            n.HasKey(x => new { x.Prefix, x.Year });
            n.Property(x => x.Prefix).HasMaxLength(6);
        });

        modelBuilder.Entity<AuditEntry>(a =>
        {
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedOnAdd();
            a.Property(x => x.Stream).HasMaxLength(100);
            a.Property(x => x.Action).HasMaxLength(100);
            a.Property(x => x.Subject).HasMaxLength(100);
            a.Property(x => x.PreviousHash).HasMaxLength(64);
            a.Property(x => x.Hash).HasMaxLength(64);
            a.HasIndex(x => new { x.Stream, x.Sequence }).IsUnique();
        });

        modelBuilder.Entity<AuditStreamHead>(h =>
        {
            h.HasKey(x => x.Stream);
            h.Property(x => x.Stream).HasMaxLength(100);
            h.Property(x => x.LastHash).HasMaxLength(64);
            h.Property(x => x.Count).IsConcurrencyToken();
        });

        modelBuilder.Entity<IdempotencyRecord>(i =>
        {
            i.HasKey(x => new { x.Scope, x.Key });
            i.Property(x => x.Scope).HasMaxLength(64);
            i.Property(x => x.Key).HasMaxLength(200);
            i.Property(x => x.Fingerprint).HasMaxLength(64);
            i.Property(x => x.ContentType).HasMaxLength(200);
            i.Property(x => x.Location).HasMaxLength(500);
        });
    }

    private static ValueConverter<IReadOnlyList<LegalBasis>, string> BasisConverter() => new(
        v => JsonSerializer.Serialize(v, BasisJson),
        v => JsonSerializer.Deserialize<List<LegalBasis>>(v, BasisJson) ?? new List<LegalBasis>());

    private static ValueComparer<IReadOnlyList<LegalBasis>> BasisComparer() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode())),
        v => v.ToList());
}

/// <summary>The supported database engines.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}
