using Filing.Core.Webhooks;

namespace Filing.Api.Webhooks;

// Shapes of the webhook API.

/// <summary>Body of <c>POST /api/v1/webhooks</c>.</summary>
/// <param name="Url">Absolute https:// URL that receives a POST per event (http:// only where Webhooks:AllowHttp permits, by default in Development).</param>
/// <param name="EventTypes">Event types to receive: public register events (see <c>GET /api/v1/webhooks/event-types</c>) and notifications addressed to your organisation.</param>
/// <param name="IssuingAuthorityId">Only events about this issuing authority's documents; omit for all.</param>
/// <param name="Description">What it is for (e.g. 备案审查平台对接).</param>
public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? EventTypes, Guid? IssuingAuthorityId, string? Description);

/// <summary>A webhook subscription (the secret is shown once, at creation or rotation).</summary>
/// <param name="Id">Subscription id.</param>
/// <param name="OrganisationId">The owning organisation.</param>
/// <param name="Url">Where deliveries go.</param>
/// <param name="EventTypes">Subscribed types.</param>
/// <param name="IssuingAuthorityId">Only this issuing authority's events, or null for all.</param>
/// <param name="Description">What it is for.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Deliveries">Deliveries by status.</param>
/// <param name="SecretRotatedAt">When the signing secret was last rotated, or null if never.</param>
/// <param name="PreviousSecretExpiresAt">While the secret before the last rotation still signs deliveries (next to the current one): when it stops; otherwise null.</param>
public sealed record WebhookDto(
    Guid Id,
    Guid OrganisationId,
    string Url,
    IReadOnlyList<string> EventTypes,
    Guid? IssuingAuthorityId,
    string? Description,
    DateTimeOffset CreatedAt,
    DeliveryCountsDto Deliveries,
    DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? PreviousSecretExpiresAt)
{
    public static WebhookDto From(WebhookSubscription s, DeliveryCountsDto counts, DateTimeOffset now) =>
        new(s.Id, s.OrganisationId, s.Url, s.Types, s.IssuingAuthorityId, s.Description, s.CreatedAt, counts,
            s.SecretRotatedAt, s.PreviousSecretActiveUntil(now));
}

/// <summary>How many deliveries of a subscription are in each state.</summary>
/// <param name="Pending">Waiting for an attempt or a retry.</param>
/// <param name="Delivered">Answered 2xx.</param>
/// <param name="Dead">Dead letters: every attempt failed; see the deliveries list and retry them.</param>
/// <param name="Cancelled">Not sent because the subscription was deleted.</param>
public sealed record DeliveryCountsDto(int Pending, int Delivered, int Dead, int Cancelled);

/// <summary>Answer of <c>POST /api/v1/webhooks</c>: the subscription and its signing secret, which is never shown again.</summary>
/// <param name="Webhook">The subscription.</param>
/// <param name="Secret">The signing secret, <c>whsec_</c> + base64 of the HMAC-SHA256 key that signs <c>webhook-signature</c> (Standard Webhooks libraries take it as is). Store it now: it is not shown again.</param>
public sealed record CreatedWebhookDto(WebhookDto Webhook, string Secret);

/// <summary>Body of <c>POST /api/v1/webhooks/{id}/secret</c> (optional).</summary>
/// <param name="ExpireCurrentInHours">
/// How long the current secret keeps signing deliveries next to the new one, in whole hours from 0 (stop now, e.g. when
/// it leaked) to 168; omit for the configured overlap (Webhooks:SecretOverlap, 24 hours by default).
/// </param>
public sealed record RotateWebhookSecretRequest(int? ExpireCurrentInHours);

/// <summary>Answer of <c>POST /api/v1/webhooks/{id}/secret</c>: the new signing secret, which is never shown again.</summary>
/// <param name="Webhook">The subscription (its <c>previousSecretExpiresAt</c> says until when the old secret also signs).</param>
/// <param name="Secret">The new signing secret, <c>whsec_</c> + base64 of the HMAC-SHA256 key that signs <c>webhook-signature</c>. Store it now: it is not shown again.</param>
public sealed record RotatedWebhookSecretDto(WebhookDto Webhook, string Secret);

/// <summary>One delivery (an event to a subscription) and its attempts so far.</summary>
/// <param name="Id">Delivery id (header <c>X-Filing-Delivery-Id</c>).</param>
/// <param name="EventId">Event id (header <c>X-Filing-Event-Id</c>), the same on every retry.</param>
/// <param name="EventType">Event type.</param>
/// <param name="Status">pending, delivered, dead or cancelled.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="NextAttemptAt">When the next attempt is due (pending only).</param>
/// <param name="LastAttemptAt">When it was last tried.</param>
/// <param name="LastStatusCode">The receiver's last HTTP status, if it answered.</param>
/// <param name="LastError">Why the last attempt failed.</param>
/// <param name="DeliveredAt">When it was delivered.</param>
/// <param name="CreatedAt">When the event was queued.</param>
public sealed record WebhookDeliveryDto(
    Guid Id,
    Guid EventId,
    string EventType,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset CreatedAt)
{
    public static WebhookDeliveryDto From(OutboxMessage m) => new(
        m.Id, m.EventId, m.EventType, m.Status, m.Attempts, m.Status == OutboxStatus.Pending ? m.NextAttemptAt : null,
        m.LastAttemptAt, m.LastStatusCode, m.LastError, m.DeliveredAt, m.CreatedAt);
}

/// <summary>An event type a webhook can subscribe to.</summary>
/// <param name="Type">The name.</param>
/// <param name="Description">What it means.</param>
/// <param name="Public">True for public register events (also in the change log and feed); false for notifications addressed to one organisation.</param>
public sealed record EventTypeDto(string Type, string Description, bool Public);

/// <summary>Query of the deliveries list.</summary>
public sealed class DeliveryListQuery
{
    /// <summary>pending, delivered, dead or cancelled.</summary>
    public string? Status { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>nextCursor of the previous page.</summary>
    public string? Cursor { get; set; }
}
