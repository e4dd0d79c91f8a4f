namespace Filing.Api.Infrastructure.Notifications;

/// <summary>
/// One message to one recipient, written to the outbox in the same transaction as the change it announces (so a crash
/// loses nothing): a reminder to the legal office that an objection is nearly due, or a notice to a citizen that their
/// objection was answered or their comments fed back. <see cref="RecipientAddress"/> is personal data: notifications are
/// listed only to <see cref="OrganisationId"/>, the handling office, and are never logged.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
        Kind = "";
        Subject = "";
        Body = "";
        Reference = "";
        DedupKey = "";
    }

    public Notification(Guid id, string kind, NotificationChannel channel, Guid organisationId, string? recipientAddress,
        string subject, string body, string reference, string dedupKey, DateTimeOffset at)
    {
        Id = id;
        Kind = kind;
        Channel = channel;
        OrganisationId = organisationId;
        RecipientAddress = recipientAddress;
        Subject = subject;
        Body = body;
        Reference = reference;
        DedupKey = dedupKey;
        CreatedAt = at;
        NextAttemptAt = at;
        if (channel == NotificationChannel.Internal)
        {
            Status = NotificationStatus.Delivered;
            DeliveredAt = at;
        }
    }

    public Guid Id { get; private set; }

    /// <summary>objection-reminder, objection-replied, comments-fed-back.</summary>
    public string Kind { get; private set; }

    public NotificationChannel Channel { get; private set; }

    /// <summary>The organisation the notification is for (internal) or sent on behalf of (to a citizen).</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>E-mail address or phone number for a citizen; null for internal notifications.</summary>
    public string? RecipientAddress { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    /// <summary>What it is about, e.g. <c>objection:2024-7K3M-9QX2</c> or <c>consultation:{id}</c>.</summary>
    public string Reference { get; private set; }

    /// <summary>Unique: the same reminder or notice is never written twice.</summary>
    public string DedupKey { get; private set; }

    public NotificationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The sender's last error (never contains the message body).</summary>
    public string? LastError { get; private set; }

    public void Delivered(DateTimeOffset at)
    {
        Attempts++;
        Status = NotificationStatus.Delivered;
        DeliveredAt = at;
        LastError = null;
    }

    /// <summary>Records a failed attempt: retried with exponential backoff (1, 2, 4 … minutes, at most a day) until <paramref name="maxAttempts"/>.</summary>
    public void AttemptFailed(string error, DateTimeOffset at, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts >= maxAttempts)
        {
            Status = NotificationStatus.Failed;
            return;
        }

        var delay = TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Attempts - 1), 24 * 60));
        NextAttemptAt = at + delay;
    }
}
