using Filing.Core.Review;

namespace Filing.Core.Register;

/// <summary>
/// A review-engine finding stored with the version it came from, and the drafter's answer to it. An unanswered
/// <see cref="Severity.Error"/> finding on the current version blocks the legality review from passing.
/// </summary>
public sealed class VersionFinding
{
    private VersionFinding()
    {
        RuleId = "";
        Message = "";
        Excerpt = "";
        Basis = [];
    }

    internal VersionFinding(Guid id, int ordinal, Finding finding)
    {
        Id = id;
        Ordinal = ordinal;
        RuleId = finding.RuleId;
        Step = finding.Step;
        Severity = finding.Severity;
        Message = finding.Message;
        Excerpt = finding.Excerpt;
        Path = finding.Location.Path;
        Paragraph = finding.Location.Paragraph;
        Start = finding.Location.Start;
        Length = finding.Location.Length;
        Basis = [.. finding.Basis];
        Suggestion = finding.Suggestion;
        Note = finding.Note;
    }

    /// <summary>Stable id, used to answer it.</summary>
    public Guid Id { get; private set; }

    /// <summary>Position in the version's report.</summary>
    public int Ordinal { get; private set; }

    /// <summary>Stable rule id.</summary>
    public string RuleId { get; private set; }

    /// <summary>Review step.</summary>
    public ReviewStep Step { get; private set; }

    /// <summary>error, warning or info.</summary>
    public Severity Severity { get; private set; }

    /// <summary>User-facing message.</summary>
    public string Message { get; private set; }

    /// <summary>The flagged characters.</summary>
    public string Excerpt { get; private set; }

    /// <summary>Structure path of the paragraph, if any.</summary>
    public string? Path { get; private set; }

    /// <summary>Paragraph index.</summary>
    public int Paragraph { get; private set; }

    /// <summary>Offset of the excerpt in the paragraph.</summary>
    public int Start { get; private set; }

    /// <summary>Length of the excerpt.</summary>
    public int Length { get; private set; }

    /// <summary>Legal basis.</summary>
    public IReadOnlyList<LegalBasis> Basis { get; private set; }

    /// <summary>What to do.</summary>
    public string? Suggestion { get; private set; }

    /// <summary>Extra context from the engine.</summary>
    public string? Note { get; private set; }

    /// <summary>The drafter's answer, or null while unanswered.</summary>
    public FindingAnswerKind? Answer { get; private set; }

    /// <summary>The drafter's explanation or description of the fix.</summary>
    public string? AnswerNote { get; private set; }

    /// <summary>When it was answered.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>Who answered.</summary>
    public string? AnsweredBy { get; private set; }

    /// <summary>Whether this finding still blocks the legality review.</summary>
    public bool Blocks => Severity == Severity.Error && Answer is null;

    internal void Answered(FindingAnswerKind kind, string? note, Actor actor, DateTimeOffset at)
    {
        Answer = kind;
        AnswerNote = note;
        AnsweredAt = at;
        AnsweredBy = actor.Name;
    }
}
