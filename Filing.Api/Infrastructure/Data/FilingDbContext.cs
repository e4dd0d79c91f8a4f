using System.Text.Json;
using Filing.Api.Feeds;
using Filing.Api.Infrastructure.Auth;
using Filing.Api.Infrastructure.Data.Search;
using Filing.Api.Infrastructure.Idempotency;
using Filing.Api.Infrastructure.Notifications;
using Filing.Core.Audit;
using Filing.Core.Feeds;
using Filing.Core.Participation;
using Filing.Core.Register;
using Filing.Core.Review;
using Filing.Core.Webhooks;
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

    public DbSet<RegisterEvent> RegisterEvents => Set<RegisterEvent>();

    public DbSet<EventLogState> EventLogState => Set<EventLogState>();

    /// <summary>Which documents each register version touched (incremental snapshot updates).</summary>
    public DbSet<RegisterChange> RegisterChanges => Set<RegisterChange>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<ConsultationComment> ConsultationComments => Set<ConsultationComment>();

    public DbSet<CommentAnswer> CommentAnswers => Set<CommentAnswer>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<PolicyInterpretationFile> PolicyInterpretationFiles => Set<PolicyInterpretationFile>();

    public DbSet<Notification> Notifications => Set<Notification>();
    /// <summary>The full-text index of published documents (public register search).</summary>
    public DbSet<RegisterSearchEntry> RegisterSearch => Set<RegisterSearchEntry>();

    /// <summary>The search terms' numbers (<see cref="RegisterSearchTermSet"/>).</summary>
    public DbSet<RegisterSearchTerm> RegisterSearchTerms => Set<RegisterSearchTerm>();

    /// <summary>Each search entry's terms as numbers (the instances' in-memory word index).</summary>
    public DbSet<RegisterSearchTermSet> RegisterSearchTermSets => Set<RegisterSearchTermSet>();

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
            // A JSON array on SQLite, text[] on PostgreSQL; read whole with the organisation, never queried by element.
            o.PrimitiveCollection(x => x.IssuerCodes).IsRequired();
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
            d.Property(x => x.DocumentNumberKey).HasMaxLength(100);
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
            // Covers the derived-status predicates (DocumentStatusExpressions), so counting "in force" or "expired" for
            // a list's total reads this narrow index instead of the whole table.
            d.HasIndex(x => new { x.Stage, x.EffectiveDate, x.ValidUntil, x.TerminatedOn, x.Termination }).HasDatabaseName("IX_Documents_Status");
            d.HasIndex(x => new { x.DocumentType, x.PublishedOn });
            // Registration asks whether the authority already registered a document under this 发文字号 (RegistrationService).
            d.HasIndex(x => new { x.IssuingAuthorityId, x.DocumentNumberKey });
            d.HasOne<Organisation>().WithMany().HasForeignKey(x => x.IssuingAuthorityId).OnDelete(DeleteBehavior.Restrict);
            d.HasOne<Organisation>().WithMany().HasForeignKey(x => x.DraftingDepartmentId).OnDelete(DeleteBehavior.Restrict);
            d.Ignore(x => x.CurrentVersion);
            d.Ignore(x => x.RequiresJointFairCompetitionReview);
            d.Ignore(x => x.IsPublic);
            d.Ignore(x => x.FairCompetitionComplete);
            d.Ignore(x => x.CommentFeedbackPending);

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

        OnParticipationModelCreating(modelBuilder);

        modelBuilder.Entity<IdempotencyRecord>(i =>
        {
            i.HasKey(x => new { x.Scope, x.Key });
            i.Property(x => x.Scope).HasMaxLength(64);
            i.Property(x => x.Key).HasMaxLength(200);
            i.Property(x => x.Fingerprint).HasMaxLength(64);
            i.Property(x => x.ContentType).HasMaxLength(200);
            i.Property(x => x.Location).HasMaxLength(500);
        });

        FeedsModel.Configure(modelBuilder);
        RegisterSearchSchema.Configure(modelBuilder, Provider);
    }

    private static void OnParticipationModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Consultation>(c =>
        {
            c.HasKey(x => x.Id);
            c.Property(x => x.Title).HasMaxLength(500);
            c.Property(x => x.IssuingAuthorityName).HasMaxLength(200);
            c.Property(x => x.DraftingDepartmentName).HasMaxLength(200);
            c.Property(x => x.MinimumRule).HasMaxLength(100);
            c.Property(x => x.OpenedBy).HasMaxLength(300);
            c.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            c.HasIndex(x => x.DocumentId);
            c.HasIndex(x => new { x.Start, x.Id });
            c.HasIndex(x => x.End);
            c.HasOne<NormativeDocumentRecord>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ConsultationComment>(c =>
        {
            c.HasKey(x => x.Id);
            c.Property(x => x.Fingerprint).HasMaxLength(64);
            c.Property(x => x.AnchorPath).HasMaxLength(200);
            c.Property(x => x.AnchorQuote).HasMaxLength(1000);
            c.Property(x => x.SubmitterName).HasMaxLength(100);
            c.Property(x => x.SubmitterOrganisation).HasMaxLength(200);
            c.Property(x => x.SubmitterPhone).HasMaxLength(40);
            c.Property(x => x.SubmitterEmail).HasMaxLength(254);
            c.Property(x => x.HiddenReason).HasMaxLength(1000);
            c.Property(x => x.HiddenBy).HasMaxLength(300);
            c.HasIndex(x => new { x.ConsultationId, x.Number }).IsUnique();
            c.HasIndex(x => new { x.ConsultationId, x.Fingerprint });
            c.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
            c.Ignore(x => x.IsNamed);
            c.Ignore(x => x.HasContact);
            c.Ignore(x => x.PublicText);
        });

        modelBuilder.Entity<CommentAnswer>(a =>
        {
            a.HasKey(x => x.Id);
            a.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(32);
            a.Property(x => x.AnsweredBy).HasMaxLength(300);
            a.HasIndex(x => x.ConsultationId);
            a.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Objection>(o =>
        {
            o.HasKey(x => x.Id);
            o.Property(x => x.TrackingCode).HasMaxLength(20);
            o.Property(x => x.SecretHash).HasMaxLength(64);
            o.Property(x => x.IdempotencyKeyHash).HasMaxLength(64);
            o.Property(x => x.RequestFingerprint).HasMaxLength(64);
            o.Property(x => x.DocumentTitle).HasMaxLength(500);
            o.Property(x => x.DocumentNumber).HasMaxLength(100);
            o.Property(x => x.UnifiedNumber).HasMaxLength(32);
            o.Property(x => x.IssuingAuthorityName).HasMaxLength(200);
            o.Property(x => x.Fingerprint).HasMaxLength(64);
            o.Property(x => x.DuplicateOfTrackingCode).HasMaxLength(20);
            o.Property(x => x.ContactName).HasMaxLength(100);
            o.Property(x => x.ContactPhone).HasMaxLength(40);
            o.Property(x => x.ContactEmail).HasMaxLength(254);
            o.Property(x => x.ContactIdNumber).HasMaxLength(18);
            o.Property(x => x.HandlingPeriod).HasMaxLength(32);
            o.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            o.Property(x => x.NonAcceptance).HasConversion<string>().HasMaxLength(32);
            o.Property(x => x.Conclusion).HasConversion<string>().HasMaxLength(32);
            o.Property(x => x.TransferredToName).HasMaxLength(200);
            o.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            o.Property(x => x.Articles).HasConversion(ArticlesConverter(), ArticlesComparer());
            o.HasIndex(x => x.TrackingCode).IsUnique();
            o.HasIndex(x => x.IdempotencyKeyHash).IsUnique();
            o.HasIndex(x => new { x.JurisdictionId, x.DueDate });
            o.HasIndex(x => new { x.TransferredToId, x.DueDate });
            o.HasIndex(x => new { x.DocumentId, x.Fingerprint });
            o.HasOne<NormativeDocumentRecord>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
            o.Ignore(x => x.Outcome);
            o.Ignore(x => x.HasContact);
            o.Ignore(x => x.AnsweredWithinDeadline);
            o.OwnsMany(x => x.Events, e =>
            {
                e.ToTable("ObjectionEvents");
                e.WithOwner().HasForeignKey("ObjectionId");
                e.HasKey("ObjectionId", nameof(ObjectionEvent.Sequence));
                e.Property(x => x.Sequence).ValueGeneratedNever();
                e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
                e.Property(x => x.ActorName).HasMaxLength(300);
            });
            o.Navigation(x => x.Events).HasField("_events");
        });

        modelBuilder.Entity<PolicyInterpretationFile>(f =>
        {
            f.HasKey(x => x.DocumentId);
            f.Property(x => x.FileName).HasMaxLength(260);
            f.Property(x => x.ContentType).HasMaxLength(200);
            f.Property(x => x.FileSha256).HasMaxLength(64);
            f.Property(x => x.Title).HasMaxLength(500);
            f.HasOne<NormativeDocumentRecord>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Notification>(n =>
        {
            n.HasKey(x => x.Id);
            n.Property(x => x.Kind).HasMaxLength(64);
            n.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            n.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            n.Property(x => x.RecipientAddress).HasMaxLength(254);
            n.Property(x => x.Subject).HasMaxLength(300);
            n.Property(x => x.Reference).HasMaxLength(100);
            n.Property(x => x.DedupKey).HasMaxLength(200);
            n.Property(x => x.LastError).HasMaxLength(500);
            n.HasIndex(x => x.DedupKey).IsUnique();
            n.HasIndex(x => new { x.Status, x.NextAttemptAt });
            n.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
        });
    }

    private static ValueConverter<IReadOnlyList<string>, string> ArticlesConverter() => new(
        v => JsonSerializer.Serialize(v, BasisJson),
        v => JsonSerializer.Deserialize<List<string>>(v, BasisJson) ?? new List<string>());

    private static ValueComparer<IReadOnlyList<string>> ArticlesComparer() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode(StringComparison.Ordinal))),
        v => v.ToList());

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
