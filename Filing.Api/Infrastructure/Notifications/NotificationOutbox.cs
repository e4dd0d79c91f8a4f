using Filing.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Infrastructure.Notifications;

/// <summary>
/// Writes notifications into the caller's unit of work: they commit with the change they announce, or not at all.
/// A dedup key makes every notice and reminder at-most-once.
/// </summary>
public sealed class NotificationOutbox(FilingDbContext db, TimeProvider clock)
{
    /// <summary>Adds a notification unless one with the same <paramref name="dedupKey"/> exists.</summary>
    public async Task<bool> EnqueueAsync(string kind, NotificationChannel channel, Guid organisationId, string? recipientAddress,
        string subject, string body, string reference, string dedupKey, CancellationToken ct)
    {
        if (db.Notifications.Local.Any(n => n.DedupKey == dedupKey) || await db.Notifications.AnyAsync(n => n.DedupKey == dedupKey, ct))
        {
            return false;
        }

        db.Notifications.Add(new Notification(Guid.CreateVersion7(clock.GetUtcNow()), kind, channel, organisationId, recipientAddress,
            subject, body, reference, dedupKey, clock.GetUtcNow()));
        return true;
    }
}
