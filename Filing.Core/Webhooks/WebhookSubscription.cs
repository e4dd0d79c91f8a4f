using Filing.Core.Feeds;

namespace Filing.Core.Webhooks;

/// <summary>
/// An organisation's webhook: a URL that receives the events it chose, signed with a secret only the organisation and
/// the service know. Deleting keeps the row (deliveries refer to it) and stops further deliveries.
/// </summary>
public sealed class WebhookSubscription
{
    private WebhookSubscription()
    {
        Url = "";
        EventTypes = "";
        Secret = "";
    }

    /// <summary>Creates a subscription.</summary>
    /// <param name="id">Stable id.</param>
    /// <param name="organisationId">The owning organisation.</param>
    /// <param name="url">Absolute http(s) URL that receives POSTs.</param>
    /// <param name="eventTypes">Public event types (<see cref="RegisterEventTypes"/>) and/or notification types (<see cref="NotificationTypes"/>).</param>
    /// <param name="issuingAuthorityId">Only events about this issuing authority's documents, or all when null.</param>
    /// <param name="description">What it is for.</param>
    /// <param name="secret">The signing secret (<see cref="WebhookSignature.NewSecret"/>; see <see cref="StandardWebhookSignature.IsValidSecret"/>).</param>
    /// <param name="at">When.</param>
    public WebhookSubscription(Guid id, Guid organisationId, Uri url, IReadOnlyCollection<string> eventTypes, Guid? issuingAuthorityId,
        string? description, string secret, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(eventTypes);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        RequireValidSecret(secret);
        if (eventTypes.Count == 0 || eventTypes.Any(t => !RegisterEventTypes.IsKnown(t) && !NotificationTypes.IsKnown(t)))
        {
            throw new ArgumentException("Every event type must be a known public event or notification type.", nameof(eventTypes));
        }

        Id = id;
        OrganisationId = organisationId;
        Url = url.AbsoluteUri;
        EventTypes = string.Join(' ', eventTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        IssuingAuthorityId = issuingAuthorityId;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Secret = secret;
        CreatedAt = at;
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The owning organisation: only it sees the subscription and its deliveries.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>Where deliveries go.</summary>
    public string Url { get; private set; }

    /// <summary>Subscribed types, space-separated, sorted.</summary>
    public string EventTypes { get; private set; }

    /// <summary>Only events about this issuing authority, or all when null.</summary>
    public Guid? IssuingAuthorityId { get; private set; }

    /// <summary>What it is for.</summary>
    public string? Description { get; private set; }

    /// <summary>HMAC-SHA256 key; shown to the organisation once, when created or rotated.</summary>
    public string Secret { get; private set; }

    /// <summary>
    /// The secret before the last rotation, still signing deliveries (next to <see cref="Secret"/>) until
    /// <see cref="PreviousSecretExpiresAt"/>, so that receivers can switch without missing an event.
    /// </summary>
    public string? PreviousSecret { get; private set; }

    /// <summary>When <see cref="PreviousSecret"/> stops signing deliveries.</summary>
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    /// <summary>When the secret was last rotated, if ever.</summary>
    public DateTimeOffset? SecretRotatedAt { get; private set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was deleted, if it was.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Whether deliveries are still made.</summary>
    public bool IsActive => DeletedAt is null;

    /// <summary>The subscribed types as a list.</summary>
    public IReadOnlyList<string> Types => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether an event of <paramref name="type"/> about <paramref name="issuingAuthorityId"/> goes to this subscription.</summary>
    public bool Wants(string type, Guid? issuingAuthorityId) =>
        IsActive
        && Types.Contains(type, StringComparer.Ordinal)
        && (IssuingAuthorityId is null || IssuingAuthorityId == issuingAuthorityId);

    /// <summary>Stops deliveries.</summary>
    public void Delete(DateTimeOffset at) => DeletedAt ??= at;

    /// <summary>
    /// Replaces the signing secret. The current one keeps signing next to the new one for <paramref name="overlap"/>
    /// (zero ends it at once); a secret still overlapping from an earlier rotation ends now, so at most two sign.
    /// </summary>
    /// <param name="secret">The new secret (<see cref="WebhookSignature.NewSecret"/>).</param>
    /// <param name="at">When.</param>
    /// <param name="overlap">How long the current secret keeps signing.</param>
    public void RotateSecret(string secret, DateTimeOffset at, TimeSpan overlap)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        RequireValidSecret(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(overlap, TimeSpan.Zero);
        if (!IsActive)
        {
            throw new InvalidOperationException("A deleted webhook has no secret to rotate.");
        }

        if (secret == Secret || secret == PreviousSecret)
        {
            throw new ArgumentException("The new secret must differ from the ones in use.", nameof(secret));
        }

        PreviousSecret = overlap > TimeSpan.Zero ? Secret : null;
        PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? at + overlap : null;
        Secret = secret;
        SecretRotatedAt = at;
    }

    /// <summary>When the previous secret stops signing, or null when only the current one signs at <paramref name="at"/>.</summary>
    public DateTimeOffset? PreviousSecretActiveUntil(DateTimeOffset at) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > at ? PreviousSecretExpiresAt : null;

    // A secret the timestamped signature cannot use would fail every delivery; refuse it when it is set instead.
    private static void RequireValidSecret(string secret)
    {
        if (!StandardWebhookSignature.IsValidSecret(secret))
        {
            throw new ArgumentException(
                $"A webhook secret is '{StandardWebhookSignature.SecretPrefix}' followed by base64 of {StandardWebhookSignature.MinKeyBytes} to " +
                $"{StandardWebhookSignature.MaxKeyBytes} bytes (WebhookSignature.NewSecret).", nameof(secret));
        }
    }

    /// <summary>The secrets that sign a delivery made at <paramref name="at"/>: the current one first, then the previous one during its overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset at) =>
        PreviousSecretActiveUntil(at) is not null ? [Secret, PreviousSecret!] : [Secret];
}
