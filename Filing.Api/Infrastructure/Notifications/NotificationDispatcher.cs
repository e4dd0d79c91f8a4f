using Filing.Api.Infrastructure.Data;
using Filing.Api.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Filing.Api.Infrastructure.Notifications;

/// <summary>
/// Delivers pending e-mail and SMS notifications through the registered <see cref="INotificationSender"/>, oldest first,
/// retrying failures with exponential backoff. Runs only when a sender is registered; without one the notifications
/// stay pending and visible to the handling office.
/// </summary>
public sealed class NotificationDispatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NotificationDispatcher> logger)
{
    public const int MaxAttempts = 8;

    /// <summary>Delivers what is due now; returns how many were delivered.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetService<INotificationSender>();
        if (sender is null)
        {
            return 0;
        }

        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Notifications
            .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now)
            .OrderBy(n => n.CreatedAt)
            .Take(100)
            .ToListAsync(ct);
        var delivered = 0;
        foreach (var notification in due)
        {
            try
            {
                if (await sender.SendAsync(notification, ct))
                {
                    notification.Delivered(clock.GetUtcNow());
                    delivered++;
                }
                else
                {
                    notification.AttemptFailed("The sender did not accept the notification.", clock.GetUtcNow(), MaxAttempts);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The id and kind only: the address and body are personal data and stay out of logs.
                logger.LogWarning("Notification {Id} ({Kind}) failed on attempt {Attempt}: {Error}", notification.Id, notification.Kind,
                    notification.Attempts + 1, e.GetType().Name);
                notification.AttemptFailed(e.GetType().Name + ": " + e.Message, clock.GetUtcNow(), MaxAttempts);
            }
        }

        await db.SaveChangesAsync(ct);
        return delivered;
    }
}

/// <summary>Runs <see cref="NotificationDispatcher"/> every <c>Participation:NotificationDispatchIntervalSeconds</c> when a sender is registered.</summary>
internal sealed class NotificationDispatchService(NotificationDispatcher dispatcher, IServiceProvider services, IOptions<ParticipationOptions> options,
    ILogger<NotificationDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.NotificationDispatchIntervalSeconds <= 0)
        {
            return;
        }

        using (var scope = services.CreateScope())
        {
            if (scope.ServiceProvider.GetService<INotificationSender>() is null)
            {
                logger.LogInformation("No notification sender is registered: e-mail and SMS notifications stay pending in the outbox.");
                return;
            }
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.NotificationDispatchIntervalSeconds));
        do
        {
            try
            {
                await dispatcher.DispatchOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Notification dispatch failed; retrying in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
