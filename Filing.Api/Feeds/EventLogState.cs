namespace Filing.Api.Feeds;

/// <summary>
/// The single row that orders the public event log. Every transaction that records events increments
/// <see cref="LastSequence"/> with one <c>UPDATE … RETURNING</c>: the row stays locked (PostgreSQL) or the database write
/// lock is held (SQLite) until that transaction ends, so sequence numbers are handed out in commit order. A reader that
/// has seen sequence n has therefore seen every event up to n: no event can later commit with a lower number.
/// </summary>
public sealed class EventLogState
{
    private EventLogState()
    {
    }

    /// <summary>Always 1.</summary>
    public int Id { get; private set; }

    /// <summary>The last sequence number handed out.</summary>
    public long LastSequence { get; private set; }

    /// <summary>
    /// <see cref="DateOnly.DayNumber"/> of the day up to which expiries are recorded: every document whose validity ended
    /// before that day has its <c>document.expired</c> event.
    /// </summary>
    public int? ExpiriesRecordedThroughDay { get; private set; }

    /// <summary>
    /// Incremented by every transaction that changes what the public register answers (a published document or its
    /// search entry added, changed or removed). Query results cached under one value are valid while it is unchanged,
    /// on every API instance (<see cref="Register.Public.RegisterResultCache"/>).
    /// </summary>
    public long RegisterVersion { get; private set; }
}
