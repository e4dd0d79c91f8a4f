namespace Filing.Core.Webhooks;

/// <summary>
/// One message waiting in the transactional outbox: written in the same transaction as the change it announces, then
/// delivered at least once by the dispatcher (a webhook POST, or another channel such as e-mail once a sender for it is
/// plugged in). A delivery is claimed with a lease, so that several API instances never send it at the same time, and
/// retried with <see cref="RetryPolicy"/> until it succeeds or becomes a dead letter.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The built-in channel: an HTTP POST to a webhook subscription.</summary>
    public const string WebhookChannel = "webhook";

    private OutboxMessage()
    {
        Channel = "";
        EventType = "";
        Body = "";
    }

    private OutboxMessage(string channel, Guid eventId, string eventType, string body, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentNullException.ThrowIfNull(body);
        Id = Guid.CreateVersion7(at);
        Channel = channel;
        EventId = eventId;
        EventType = eventType;
        Body = body;
        Status = OutboxStatus.Pending;
        NextAttemptAt = at;
        CreatedAt = at;
    }

    /// <summary>Stable id (sent as <c>X-Filing-Delivery-Id</c>).</summary>
    public Guid Id { get; private set; }

    /// <summary><see cref="WebhookChannel"/> or another registered channel (e.g. <c>email</c>, <c>sms</c>).</summary>
    public string Channel { get; private set; }

    /// <summary>The webhook subscription, for the webhook channel.</summary>
    public Guid? SubscriptionId { get; private set; }

    /// <summary>The organisation the message belongs to (the subscription's owner), if any.</summary>
    public Guid? OrganisationId { get; private set; }

    /// <summary>Where other channels deliver (an address); internal, never shown publicly.</summary>
    public string? Destination { get; private set; }

    /// <summary>The event announced; the same for every retry and every subscriber (sent as <c>webhook-id</c>; receivers de-duplicate on it).</summary>
    public Guid EventId { get; private set; }

    /// <summary>The event or notification type.</summary>
    public string EventType { get; private set; }

    /// <summary>The exact body to send (JSON); the signature is computed over these bytes at each attempt.</summary>
    public string Body { get; private set; }

    /// <summary>Where it stands.</summary>
    public OutboxStatus Status { get; private set; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>Not to be attempted before this instant.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>The dispatcher instance holding the lease, if any.</summary>
    public string? LeaseOwner { get; private set; }

    /// <summary>Until when the lease holds; after that another instance may claim the message.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    /// <summary>When it was last attempted.</summary>
    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>HTTP status of the last attempt, if the receiver answered.</summary>
    public int? LastStatusCode { get; private set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? LastError { get; private set; }

    /// <summary>When it was delivered.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A POST of <paramref name="body"/> to <paramref name="subscription"/>.</summary>
    public static OutboxMessage ForWebhook(WebhookSubscription subscription, Guid eventId, string eventType, string body, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new OutboxMessage(WebhookChannel, eventId, eventType, body, at)
        {
            SubscriptionId = subscription.Id,
            OrganisationId = subscription.OrganisationId,
        };
    }

    /// <summary>A message for another channel (e-mail, SMS…) to <paramref name="destination"/>.</summary>
    public static OutboxMessage ForChannel(string channel, string destination, Guid? organisationId, Guid eventId, string eventType, string body, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        if (channel == WebhookChannel)
        {
            throw new ArgumentException("Webhook messages are made with ForWebhook.", nameof(channel));
        }

        return new OutboxMessage(channel, eventId, eventType, body, at) { Destination = destination.Trim(), OrganisationId = organisationId };
    }

    /// <summary>The attempt succeeded.</summary>
    public void Succeeded(DateTimeOffset at, int? statusCode)
    {
        Attempts++;
        LastAttemptAt = at;
        LastStatusCode = statusCode;
        LastError = null;
        Status = OutboxStatus.Delivered;
        DeliveredAt = at;
        ReleaseLease();
    }

    /// <summary>The attempt failed: schedules the next one, or makes a dead letter after the last. Returns true when dead.</summary>
    public bool Failed(DateTimeOffset at, int? statusCode, string error, RetryPolicy policy, double jitter, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Attempts++;
        LastAttemptAt = at;
        LastStatusCode = statusCode;
        LastError = error.Length > 500 ? error[..500] : error;
        ReleaseLease();
        if (Attempts >= policy.MaxAttempts)
        {
            Status = OutboxStatus.Dead;
            return true;
        }

        NextAttemptAt = at + policy.DelayAfter(Attempts, jitter, retryAfter);
        return false;
    }

    /// <summary>Will not be sent (its subscription is gone).</summary>
    public void Cancel(DateTimeOffset at)
    {
        if (Status == OutboxStatus.Pending)
        {
            Status = OutboxStatus.Cancelled;
            LastError ??= "Cancelled: the subscription was deleted.";
            LastAttemptAt ??= at;
        }

        ReleaseLease();
    }

    /// <summary>Puts a dead letter back in the queue for a new round of attempts.</summary>
    /// <exception cref="InvalidOperationException">It is not a dead letter.</exception>
    public void Requeue(DateTimeOffset at)
    {
        if (Status != OutboxStatus.Dead)
        {
            throw new InvalidOperationException("Only dead letters can be retried.");
        }

        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = at;
        ReleaseLease();
    }

    private void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseExpiresAt = null;
    }
}
