namespace Filing.Core.Participation;

/// <summary>Where a comment period stands on a given day (derived, never stored).</summary>
public enum ConsultationStatus
{
    /// <summary>Opened for a start date still ahead: comments are not taken yet.</summary>
    Scheduled,

    /// <summary>Taking comments (start ≤ today ≤ end, both days included, Beijing time).</summary>
    Open,

    /// <summary>The last day has passed; the drafting department has not closed it yet.</summary>
    Ended,

    /// <summary>Closed by the drafting department; comments are being answered.</summary>
    Closed,

    /// <summary>The feedback report (意见采纳情况) is published.</summary>
    FeedbackPublished,
}
