namespace Filing.Core.Webhooks;

/// <summary>Where an outbox message stands. Stored as text; add values, never rename.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed (dead letter); the owner can look at it and retry it.</summary>
    Dead,

    /// <summary>Not sent: its subscription was deleted before delivery.</summary>
    Cancelled,
}
