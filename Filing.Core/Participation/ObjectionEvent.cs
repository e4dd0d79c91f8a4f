namespace Filing.Core.Participation;

/// <summary>
/// One dated step of an objection. <see cref="Detail"/> is what the submitter sees on the tracking page (a reason,
/// the conclusion); <see cref="Note"/> is the office's internal note and never leaves the handling office.
/// </summary>
public sealed class ObjectionEvent
{
    private ObjectionEvent()
    {
        ActorName = "";
    }

    internal ObjectionEvent(int sequence, ObjectionEventKind kind, DateOnly on, DateTimeOffset at, string actorName, string? detail, string? note)
    {
        Sequence = sequence;
        Kind = kind;
        On = on;
        At = at;
        ActorName = actorName;
        Detail = detail;
        Note = note;
    }

    /// <summary>1-based order.</summary>
    public int Sequence { get; private set; }

    /// <summary>What happened.</summary>
    public ObjectionEventKind Kind { get; private set; }

    /// <summary>The day (Beijing time).</summary>
    public DateOnly On { get; private set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Who recorded it (an organisation; 提交人 for the submission itself).</summary>
    public string ActorName { get; private set; }

    /// <summary>What the submitter is told (reason, conclusion, reply).</summary>
    public string? Detail { get; private set; }

    /// <summary>Internal note of the handling office.</summary>
    public string? Note { get; private set; }
}
