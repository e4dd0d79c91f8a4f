using Filing.Core.Webhooks;

namespace Filing.Api.Webhooks;

/// <summary>Webhook and outbox settings (<c>Webhooks</c> section).</summary>
public sealed class WebhookOptions
{
    /// <summary>Whether this instance runs the background dispatcher (any number of instances may).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due messages when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages claimed per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Messages of a round sent at the same time.</summary>
    public int MaxParallelSends { get; set; } = 4;

    /// <summary>Attempts before a message becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = RetryPolicy.Default.MaxAttempts;

    /// <summary>Wait after the first failure; doubles with each further failure (with jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = RetryPolicy.Default.BaseDelay;

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = RetryPolicy.Default.MaxDelay;

    /// <summary>How long a receiver may take to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed message stays with the instance that claimed it (longer than <see cref="Timeout"/>).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether plain http:// URLs may be registered; null means only in the Development environment.</summary>
    public bool? AllowHttp { get; set; }

    /// <summary>Most active subscriptions one organisation may have.</summary>
    public int MaxSubscriptionsPerOrganisation { get; set; } = 20;

    /// <summary>
    /// How long a rotated secret keeps signing deliveries next to its successor, unless the rotation request says
    /// otherwise (0 to <see cref="MaxSecretOverlapHours"/> hours).
    /// </summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Whether deliveries still carry the deprecated body-only <c>X-Filing-Signature</c> next to the timestamped
    /// <c>webhook-signature</c>. On by default so that receivers built on it keep working; it signs no time, so a
    /// captured delivery verifies against it forever. Turn it off once every receiver checks <c>webhook-signature</c>;
    /// it will be off by default in the next major version.
    /// </summary>
    public bool SendLegacySignature { get; set; } = true;

    /// <summary>Longest overlap a rotation may ask for (7 days, as long as a receiver may reasonably need to redeploy).</summary>
    public const int MaxSecretOverlapHours = 168;

    public RetryPolicy RetryPolicy => new(MaxAttempts, BaseDelay, MaxDelay);
}
