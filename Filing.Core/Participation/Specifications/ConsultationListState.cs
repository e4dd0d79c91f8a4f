namespace Filing.Core.Participation.Specifications;

/// <summary>Which comment periods a public list shows.</summary>
public enum ConsultationListState
{
    /// <summary>Open, scheduled, or ended within the recent window.</summary>
    Current,

    /// <summary>Taking comments today.</summary>
    Open,

    /// <summary>Starting later.</summary>
    Scheduled,

    /// <summary>Ended or closed (any time).</summary>
    Closed,

    /// <summary>Every period.</summary>
    All,
}
