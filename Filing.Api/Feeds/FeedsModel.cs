using Filing.Core.Feeds;
using Filing.Core.Register;
using Filing.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Feeds;

/// <summary>Tables of the public event log, webhook subscriptions and the outbox.</summary>
internal static class FeedsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RegisterEvent>(e =>
        {
            e.ToTable("RegisterEvents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Type).HasMaxLength(64);
            e.Property(x => x.DocumentTitle).HasMaxLength(500);
            e.Property(x => x.DocumentNumber).HasMaxLength(100);
            e.Property(x => x.UnifiedNumber).HasMaxLength(32);
            e.Property(x => x.IssuingAuthorityName).HasMaxLength(200);
            e.Property(x => x.Summary).HasMaxLength(2000);
            e.Property(x => x.DedupeKey).HasMaxLength(200);
            e.Ignore(x => x.LocalOrder);
            e.HasIndex(x => x.Sequence).IsUnique();
            e.HasIndex(x => x.DedupeKey).IsUnique();
            e.HasIndex(x => new { x.Type, x.Sequence });
            e.HasIndex(x => new { x.IssuingAuthorityId, x.Sequence });
            e.HasIndex(x => new { x.DocumentId, x.Sequence });
        });

        modelBuilder.Entity<EventLogState>(s =>
        {
            s.ToTable("EventLogState");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.HasData(new { Id = 1, LastSequence = 0L, RegisterVersion = 0L });
        });

        modelBuilder.Entity<RegisterChange>(c =>
        {
            c.ToTable("RegisterChanges");
            c.HasKey(x => new { x.Version, x.DocumentId });
        });

        modelBuilder.Entity<WebhookSubscription>(w =>
        {
            w.ToTable("WebhookSubscriptions");
            w.HasKey(x => x.Id);
            w.Property(x => x.Id).ValueGeneratedNever();
            w.Property(x => x.Url).HasMaxLength(2000);
            w.Property(x => x.EventTypes).HasMaxLength(2000);
            w.Property(x => x.Description).HasMaxLength(500);
            // A concurrency token: of two rotations at the same time one fails (409) instead of returning a secret that never signs.
            w.Property(x => x.Secret).HasMaxLength(100).IsConcurrencyToken();
            w.Property(x => x.PreviousSecret).HasMaxLength(100);
            w.Ignore(x => x.IsActive);
            w.Ignore(x => x.Types);
            w.HasIndex(x => x.OrganisationId);
            w.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OutboxMessage>(o =>
        {
            o.ToTable("OutboxMessages");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedNever();
            o.Property(x => x.Channel).HasMaxLength(32);
            o.Property(x => x.Destination).HasMaxLength(500);
            o.Property(x => x.EventType).HasMaxLength(64);
            o.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            o.Property(x => x.LeaseOwner).HasMaxLength(200).IsConcurrencyToken();
            o.Property(x => x.LastError).HasMaxLength(500);
            o.HasIndex(x => new { x.Status, x.NextAttemptAt });
            o.HasIndex(x => new { x.SubscriptionId, x.Status, x.CreatedAt });
            o.HasIndex(x => x.EventId);
            o.HasOne<WebhookSubscription>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
