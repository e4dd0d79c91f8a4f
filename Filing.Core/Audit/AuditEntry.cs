namespace Filing.Core.Audit;

/// <summary>
/// One append-only audit record (过程留痕): who did what, when, and the old and new values, chained to the previous
/// entry of the same stream by <see cref="PreviousHash"/> so that an edited or deleted row is detected.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Stream = "";
        ActorName = "";
        Action = "";
        PreviousHash = "";
        Hash = "";
    }

    /// <summary>Creates an entry and computes its hash.</summary>
    public AuditEntry(
        string stream,
        int sequence,
        DateTimeOffset at,
        Guid? actorOrganisationId,
        Guid? actorKeyId,
        string actorName,
        string action,
        string? subject,
        string? oldValue,
        string? newValue,
        string previousHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        Stream = stream;
        Sequence = sequence;
        At = AuditChain.Truncate(at);
        ActorOrganisationId = actorOrganisationId;
        ActorKeyId = actorKeyId;
        ActorName = actorName;
        Action = action;
        Subject = subject;
        OldValue = oldValue;
        NewValue = newValue;
        PreviousHash = previousHash;
        Hash = AuditChain.ComputeHash(this);
    }

    /// <summary>Storage id.</summary>
    public long Id { get; private set; }

    /// <summary>The chain it belongs to, e.g. <c>document:{id}</c>.</summary>
    public string Stream { get; private set; }

    /// <summary>1-based position in the stream.</summary>
    public int Sequence { get; private set; }

    /// <summary>When (UTC, whole microseconds so every database round-trips it exactly).</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Acting organisation, null for the system.</summary>
    public Guid? ActorOrganisationId { get; private set; }

    /// <summary>API key used.</summary>
    public Guid? ActorKeyId { get; private set; }

    /// <summary>Readable actor.</summary>
    public string ActorName { get; private set; }

    /// <summary>What happened, e.g. <c>step.legality-review</c>.</summary>
    public string Action { get; private set; }

    /// <summary>What inside the stream it concerns (a filing id, a finding id), if anything.</summary>
    public string? Subject { get; private set; }

    /// <summary>The value before, as JSON.</summary>
    public string? OldValue { get; private set; }

    /// <summary>The value after, as JSON.</summary>
    public string? NewValue { get; private set; }

    /// <summary>Hash of the previous entry in the stream ("" for the first).</summary>
    public string PreviousHash { get; private set; }

    /// <summary>SHA-256 (hex) over every field above and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; private set; }
}
