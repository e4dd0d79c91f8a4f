namespace Filing.Api.Infrastructure.Notifications;

/// <summary>
/// Delivers e-mail and SMS notifications to citizens. Filing ships none (delivery is the deployment's choice of
/// gateway): register one in DI and <see cref="NotificationDispatcher"/> starts delivering the pending outbox, with
/// retries. Implementations must not log the recipient address or the body.
/// </summary>
public interface INotificationSender
{
    /// <summary>Sends one notification; throw (or return false) when it could not be delivered, so it is retried.</summary>
    Task<bool> SendAsync(Notification notification, CancellationToken cancellationToken);
}
