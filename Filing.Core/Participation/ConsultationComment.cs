namespace Filing.Core.Participation;

/// <summary>
/// One comment on a draft put out for public comment: the text, optionally anchored on a structure path or a quoted
/// passage, and — visible to the drafting department only — who sent it and how to reach them. Hidden comments stay
/// stored (and in the audit trail) but leave every public view. An obvious duplicate (the same normalised text) is
/// linked to the first comment and follows its answer unless answered itself.
/// </summary>
public sealed class ConsultationComment
{
    private ConsultationComment()
    {
        Text = "";
        Fingerprint = "";
    }

    internal ConsultationComment(
        Guid id,
        Guid consultationId,
        int number,
        string text,
        string fingerprint,
        AnchorResolution? anchor,
        CommentSubmitter submitter,
        ConsultationComment? duplicateOf,
        DateTimeOffset at)
    {
        Id = id;
        ConsultationId = consultationId;
        Number = number;
        Text = text;
        Fingerprint = fingerprint;
        AnchorPath = anchor?.Path;
        AnchorQuote = anchor?.Quote;
        AnchorParagraph = anchor?.Paragraph;
        AnchorStart = anchor?.Start;
        AnchorLength = anchor?.Length;
        SubmitterName = submitter.Name;
        SubmitterOrganisation = submitter.Organisation;
        SubmitterPhone = submitter.Phone;
        SubmitterEmail = submitter.Email;
        DuplicateOfId = duplicateOf is null ? null : duplicateOf.DuplicateOfId ?? duplicateOf.Id;
        DuplicateOfNumber = duplicateOf is null ? null : duplicateOf.DuplicateOfNumber ?? duplicateOf.Number;
        SubmittedAt = at;
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The comment period.</summary>
    public Guid ConsultationId { get; private set; }

    /// <summary>1-based number within the period, in order of arrival (意见 #12).</summary>
    public int Number { get; private set; }

    /// <summary>When it arrived.</summary>
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>The comment as sent (public views show it with personal data masked).</summary>
    public string Text { get; private set; }

    /// <summary><see cref="TextFingerprint"/> of the text: duplicates share it.</summary>
    public string Fingerprint { get; private set; }

    /// <summary>The first comment with the same text, when this one repeats it.</summary>
    public Guid? DuplicateOfId { get; private set; }

    /// <summary>Number of that first comment.</summary>
    public int? DuplicateOfNumber { get; private set; }

    /// <summary>Structure path the comment is about (第三条, 二、（一）), if given.</summary>
    public string? AnchorPath { get; private set; }

    /// <summary>Quoted passage the comment is about, if given.</summary>
    public string? AnchorQuote { get; private set; }

    /// <summary>Paragraph index of the anchor in the draft version.</summary>
    public int? AnchorParagraph { get; private set; }

    /// <summary>Offset of the quote in that paragraph.</summary>
    public int? AnchorStart { get; private set; }

    /// <summary>Length of the quote.</summary>
    public int? AnchorLength { get; private set; }

    /// <summary>Name given by the sender (handling office only).</summary>
    public string? SubmitterName { get; private set; }

    /// <summary>Organisation the sender speaks for (handling office only).</summary>
    public string? SubmitterOrganisation { get; private set; }

    /// <summary>Phone given by the sender (handling office only).</summary>
    public string? SubmitterPhone { get; private set; }

    /// <summary>E-mail given by the sender (handling office only).</summary>
    public string? SubmitterEmail { get; private set; }

    /// <summary>Removed from public views by moderation.</summary>
    public bool Hidden { get; private set; }

    /// <summary>Why it was hidden.</summary>
    public string? HiddenReason { get; private set; }

    /// <summary>When it was hidden.</summary>
    public DateTimeOffset? HiddenAt { get; private set; }

    /// <summary>Who hid it.</summary>
    public string? HiddenBy { get; private set; }

    /// <summary>The answer given to this comment itself, if any.</summary>
    public Guid? AnswerId { get; private set; }

    /// <summary>Whether the sender gave a name or an organisation.</summary>
    public bool IsNamed => SubmitterName is not null || SubmitterOrganisation is not null;

    /// <summary>Whether the sender left a way to reach them.</summary>
    public bool HasContact => SubmitterPhone is not null || SubmitterEmail is not null;

    /// <summary>The text as shown publicly: phone numbers, e-mail addresses and ID numbers masked.</summary>
    public string PublicText => PersonalDataRedactor.Redact(Text);

    internal void Hide(string reason, string by, DateTimeOffset at)
    {
        Hidden = true;
        HiddenReason = reason;
        HiddenBy = by;
        HiddenAt = at;
    }

    internal void Restore()
    {
        Hidden = false;
        HiddenReason = null;
        HiddenBy = null;
        HiddenAt = null;
    }

    internal void AnswerWith(Guid answerId) => AnswerId = answerId;
}
