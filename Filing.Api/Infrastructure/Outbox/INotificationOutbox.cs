using Filing.Core.Feeds;

namespace Filing.Api.Infrastructure.Outbox;

/// <summary>
/// The transactional outbox as other features use it. Everything is added to the caller's <c>FilingDbContext</c> unit
/// of work and written by the caller's own <c>SaveChangesAsync</c>, in the same transaction as the change it announces:
/// if that change rolls back, nothing is sent; once it commits, delivery is retried until it succeeds (at least once).
/// </summary>
public interface INotificationOutbox
{
    /// <summary>
    /// Records a public register event (it gets its commit-order sequence, appears in the change log and goes to every
    /// webhook subscribed to its type). Build it with <see cref="RegisterEvents"/>; public facts only.
    /// </summary>
    void RecordPublicEvent(RegisterEvent registerEvent);

    /// <summary>
    /// Sends a non-public notification (a <see cref="NotificationTypes"/> type, e.g. <c>objection.reminder</c>) to the
    /// webhooks of one organisation that subscribed to that type. Returns how many deliveries were queued (0 when the
    /// organisation has no such subscription).
    /// </summary>
    Task<int> NotifyOrganisationAsync(Guid organisationId, string type, object data, CancellationToken cancellationToken);

    /// <summary>
    /// Queues a message for another channel (e.g. <c>email</c> or <c>sms</c> to a citizen who left a contact). It is
    /// delivered by the <see cref="IOutboxChannel"/> registered under that name; until one is registered it waits as
    /// pending (it is never dropped, and never sent anywhere else).
    /// </summary>
    void Enqueue(string channel, string destination, Guid? organisationId, string type, object data);
}
