namespace Filing.Core.Participation;

/// <summary>A step on an objection's timeline. Values are stored: append only.</summary>
public enum ObjectionEventKind
{
    /// <summary>收到.</summary>
    Received = 0,

    /// <summary>受理.</summary>
    Accepted = 1,

    /// <summary>不予受理.</summary>
    NotAccepted = 2,

    /// <summary>移送.</summary>
    Transferred = 3,

    /// <summary>审查.</summary>
    ReviewStarted = 4,

    /// <summary>审查结论.</summary>
    Concluded = 5,

    /// <summary>书面答复.</summary>
    Replied = 6,
}
