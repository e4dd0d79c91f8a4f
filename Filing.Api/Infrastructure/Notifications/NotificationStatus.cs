namespace Filing.Api.Infrastructure.Notifications;

/// <summary>Where a notification is in delivery.</summary>
public enum NotificationStatus
{
    /// <summary>Waiting for a sender (or for its next attempt).</summary>
    Pending,

    /// <summary>Delivered (internal notifications: on creation).</summary>
    Delivered,

    /// <summary>Given up after the last attempt.</summary>
    Failed,
}
