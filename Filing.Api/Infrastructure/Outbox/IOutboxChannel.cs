using Filing.Core.Webhooks;

namespace Filing.Api.Infrastructure.Outbox;

/// <summary>
/// A way to deliver outbox messages other than webhooks (e-mail, SMS…). Register an implementation with
/// <c>services.AddSingleton&lt;IOutboxChannel, MyEmailChannel&gt;()</c>; the dispatcher then claims messages of its
/// <see cref="Name"/>. Implementations must be thread-safe (messages of a batch are sent in parallel) and must not
/// log message bodies or destinations (they may hold personal data).
/// </summary>
public interface IOutboxChannel
{
    /// <summary>The channel name used in <see cref="OutboxMessage.Channel"/> (lowercase letters and dashes).</summary>
    string Name { get; }

    /// <summary>Makes one attempt.</summary>
    Task<OutboxAttempt> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>The result of one delivery attempt.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="StatusCode">The receiver's HTTP status, if any.</param>
/// <param name="Error">Why it failed (no personal data).</param>
/// <param name="RetryAfter">How long the receiver asked us to wait.</param>
public sealed record OutboxAttempt(OutboxAttemptOutcome Outcome, int? StatusCode, string? Error, TimeSpan? RetryAfter)
{
    public static OutboxAttempt Delivered(int? statusCode) => new(OutboxAttemptOutcome.Delivered, statusCode, null, null);

    public static OutboxAttempt Failed(int? statusCode, string error, TimeSpan? retryAfter = null) => new(OutboxAttemptOutcome.Failed, statusCode, error, retryAfter);

    public static OutboxAttempt Cancelled(string why) => new(OutboxAttemptOutcome.Cancelled, null, why, null);
}

/// <summary>What an attempt came to.</summary>
public enum OutboxAttemptOutcome
{
    Delivered,
    Failed,
    Cancelled,
}
