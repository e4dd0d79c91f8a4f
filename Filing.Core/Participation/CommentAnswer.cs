namespace Filing.Core.Participation;

/// <summary>
/// The drafting department's answer to one comment or a group of comments on the same point: adopted, partly adopted
/// or not adopted, with the reason. Comments point to their answer; an answer can be replaced until the feedback
/// report is published.
/// </summary>
public sealed class CommentAnswer
{
    private CommentAnswer()
    {
        AnsweredBy = "";
    }

    internal CommentAnswer(Guid id, Guid consultationId, AnswerOutcome outcome, string? reason, Guid answeredById, string answeredBy, DateTimeOffset at)
    {
        Id = id;
        ConsultationId = consultationId;
        Outcome = outcome;
        Reason = reason;
        AnsweredById = answeredById;
        AnsweredBy = answeredBy;
        AnsweredAt = at;
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The comment period.</summary>
    public Guid ConsultationId { get; private set; }

    /// <summary>Adopted, partly adopted or not adopted.</summary>
    public AnswerOutcome Outcome { get; private set; }

    /// <summary>Why (required unless adopted).</summary>
    public string? Reason { get; private set; }

    /// <summary>The answering organisation.</summary>
    public Guid AnsweredById { get; private set; }

    /// <summary>Readable name of who answered.</summary>
    public string AnsweredBy { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset AnsweredAt { get; private set; }
}
