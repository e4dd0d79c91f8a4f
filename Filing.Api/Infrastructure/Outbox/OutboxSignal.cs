namespace Filing.Api.Infrastructure.Outbox;

/// <summary>
/// Wakes this instance's dispatcher as soon as a unit of work has written outbox messages, so deliveries do not wait
/// for the next poll. Other instances find the messages at their next poll.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up is enough.
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Waits for a signal or <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _signal.WaitAsync(timeout, cancellationToken);
}
