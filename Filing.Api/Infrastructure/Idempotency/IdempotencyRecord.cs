namespace Filing.Api.Infrastructure.Idempotency;

/// <summary>
/// The first answer to a request carrying an <c>Idempotency-Key</c>, replayed when the same caller retries it.
/// A record without a status is a request still in progress.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
        Scope = "";
        Key = "";
        Fingerprint = "";
    }

    public IdempotencyRecord(string scope, string key, string fingerprint, DateTimeOffset createdAt)
    {
        Scope = scope;
        Key = key;
        Fingerprint = fingerprint;
        CreatedAt = createdAt;
    }

    /// <summary>Whose key it is (the API key id), so callers cannot collide.</summary>
    public string Scope { get; private set; }

    public string Key { get; private set; }

    /// <summary>Method, path and body hash of the first request: reusing a key for another request is refused.</summary>
    public string Fingerprint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public byte[]? Body { get; private set; }

    public void Complete(int statusCode, string? contentType, string? location, byte[] body)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Location = location;
        Body = body;
    }
}
