using System.Text.Json;
using Filing.Api.Feeds;
using Filing.Api.Infrastructure.Data;
using Filing.Core.Feeds;
using Filing.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Infrastructure.Outbox;

internal sealed class NotificationOutbox(FilingDbContext db, TimeProvider clock) : INotificationOutbox
{
    public void RecordPublicEvent(RegisterEvent registerEvent)
    {
        ArgumentNullException.ThrowIfNull(registerEvent);
        if (!RegisterEventTypes.IsKnown(registerEvent.Type))
        {
            throw new ArgumentException($"'{registerEvent.Type}' is not a public event type.", nameof(registerEvent));
        }

        db.RegisterEvents.Add(registerEvent);
    }

    public async Task<int> NotifyOrganisationAsync(Guid organisationId, string type, object data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!NotificationTypes.IsKnown(type))
        {
            throw new ArgumentException($"'{type}' is not a notification type; add it to NotificationTypes.All first.", nameof(type));
        }

        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && s.DeletedAt == null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var body = Body(id, type, now, organisationId, data);
        var queued = 0;
        foreach (var subscription in subscriptions.Where(s => s.Types.Contains(type, StringComparer.Ordinal)))
        {
            db.OutboxMessages.Add(OutboxMessage.ForWebhook(subscription, id, type, body, now));
            queued++;
        }

        return queued;
    }

    public void Enqueue(string channel, string destination, Guid? organisationId, string type, object data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        db.OutboxMessages.Add(OutboxMessage.ForChannel(channel, destination, organisationId, id, type, Body(id, type, now, organisationId, data), now));
    }

    private static string Body(Guid id, string type, DateTimeOffset at, Guid? organisationId, object data) =>
        JsonSerializer.Serialize(new { id, type, recordedAt = at, organisationId, data }, RegisterEventJson.Options);
}
