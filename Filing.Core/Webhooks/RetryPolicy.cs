namespace Filing.Core.Webhooks;

/// <summary>
/// Exponential backoff with jitter: after the n-th failed attempt the next one waits
/// <c>min(MaxDelay, BaseDelay × 2^(n−1))</c>, scaled by a random factor in [0.5, 1] ("equal jitter", so that receivers
/// that failed together are not retried together), and never less than a receiver's <c>Retry-After</c> (capped at
/// MaxDelay). After <see cref="MaxAttempts"/> failed attempts the message is a dead letter.
/// </summary>
/// <param name="MaxAttempts">Attempts before dead-lettering (≥ 1).</param>
/// <param name="BaseDelay">Wait after the first failure.</param>
/// <param name="MaxDelay">Longest wait.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>The default: 10 attempts, 30 s doubling to at most 6 h (about 17 h in all).</summary>
    public static RetryPolicy Default { get; } = new(10, TimeSpan.FromSeconds(30), TimeSpan.FromHours(6));

    /// <summary>The wait before the attempt after failed attempt number <paramref name="failedAttempts"/>.</summary>
    /// <param name="failedAttempts">How many attempts have failed so far (≥ 1).</param>
    /// <param name="jitter">A random number in [0, 1).</param>
    /// <param name="retryAfter">What the receiver asked for, if anything.</param>
    public TimeSpan DelayAfter(int failedAttempts, double jitter, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var exponent = Math.Min(failedAttempts - 1, 40);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var delay = TimeSpan.FromMilliseconds(ceiling * (0.5 + (0.5 * Math.Clamp(jitter, 0, 1))));
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < MaxDelay ? asked : MaxDelay;
        }

        return delay;
    }
}
