namespace Filing.Api.Infrastructure.Notifications;

/// <summary>How a notification reaches its recipient.</summary>
public enum NotificationChannel
{
    /// <summary>An organisation's inbox in Filing (<c>GET /api/v1/notifications</c>): delivered when written.</summary>
    Internal,

    /// <summary>E-mail to a citizen; needs an <see cref="INotificationSender"/>.</summary>
    Email,

    /// <summary>SMS to a citizen; needs an <see cref="INotificationSender"/>.</summary>
    Sms,
}
