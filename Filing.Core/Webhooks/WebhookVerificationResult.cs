namespace Filing.Core.Webhooks;

/// <summary>What checking a delivery with <see cref="StandardWebhookSignature.Verify"/> found. Only <see cref="Verified"/> accepts it.</summary>
public enum WebhookVerificationResult
{
    /// <summary>A listed signature matches, and the timestamp is within the tolerance: process the delivery (once per <c>webhook-id</c>).</summary>
    Verified,

    /// <summary><c>webhook-id</c>, <c>webhook-timestamp</c> or <c>webhook-signature</c> is missing or empty.</summary>
    MissingHeader,

    /// <summary><c>webhook-timestamp</c> is not a whole number of seconds since 1970-01-01T00:00:00Z.</summary>
    MalformedTimestamp,

    /// <summary>The timestamp is further from the receiver's clock than the tolerance (an old delivery replayed, or a clock far off).</summary>
    TimestampOutsideTolerance,

    /// <summary>No listed signature was made with this secret over this id, timestamp and body (tampered, or the wrong secret).</summary>
    SignatureMismatch,
}
