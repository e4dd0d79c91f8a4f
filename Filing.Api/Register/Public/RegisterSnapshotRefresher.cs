using Microsoft.Extensions.Options;

namespace Filing.Api.Register.Public;

/// <summary>
/// Keeps this instance's <see cref="RegisterSnapshot"/> current: every <see cref="RegisterOptions.SnapshotRefreshSeconds"/>
/// it reads the register version (one indexed row) and, when the register has changed (on any instance), loads the
/// snapshot of the new state, so that the first question after a publication does not wait for it. A request arriving
/// during the load waits for the same load rather than starting its own.
/// </summary>
internal sealed class RegisterSnapshotRefresher(IServiceScopeFactory scopes, IOptions<RegisterOptions> options, RegisterResultCache cache, ILogger<RegisterSnapshotRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.SnapshotRefreshSeconds;
        if (seconds <= 0 || !cache.Enabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(seconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PublicRegisterQuery>().PrepareAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // E.g. the database is not reachable or not migrated yet: requests load the snapshot themselves meanwhile.
                logger.LogWarning(e, "Loading the public register snapshot failed; trying again in {Interval}", interval);
            }
        }
    }
}
