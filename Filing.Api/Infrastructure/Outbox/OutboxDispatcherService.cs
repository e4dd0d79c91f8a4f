using Filing.Api.Webhooks;
using Microsoft.Extensions.Options;

namespace Filing.Api.Infrastructure.Outbox;

/// <summary>
/// Runs <see cref="OutboxDispatcher"/> for the life of the host: a round whenever a unit of work wrote messages, else
/// every poll interval. Pending messages survive restarts in the database and are picked up by the next round.
/// </summary>
internal sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<WebhookOptions> options, ILogger<OutboxDispatcherService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatcherEnabled)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var attempted = 0;
            try
            {
                attempted = await dispatcher.DispatchOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Outbox round failed; retrying in {Interval}", settings.PollInterval);
            }

            if (attempted >= settings.BatchSize)
            {
                continue; // more may be due right now
            }

            try
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
