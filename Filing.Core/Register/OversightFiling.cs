using Filing.Core.Calendar;

namespace Filing.Core.Register;

/// <summary>
/// A filing (备案) of a published document with one oversight body: due date counted from publication by the
/// <see cref="WorkingCalendar"/>, formal check (receipt or return with reasons), review opinion (no problem, correction
/// with a deadline, or revocation) and the issuing side's correction. Overdue is derived when read, never by a timer.
/// </summary>
public sealed class OversightFiling
{
    private OversightFiling()
    {
        DocumentTitle = "";
        RecipientName = "";
        IssuingAuthorityName = "";
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The filed document.</summary>
    public Guid DocumentId { get; private set; }

    /// <summary>Its title, kept for inbox lists.</summary>
    public string DocumentTitle { get; private set; }

    /// <summary>Its unified number.</summary>
    public string? UnifiedNumber { get; private set; }

    /// <summary>The issuing authority.</summary>
    public Guid IssuingAuthorityId { get; private set; }

    /// <summary>The issuing authority's name.</summary>
    public string IssuingAuthorityName { get; private set; }

    /// <summary>The drafting department (which may record corrections).</summary>
    public Guid DraftingDepartmentId { get; private set; }

    /// <summary>The government whose legal office coordinates filings.</summary>
    public Guid JurisdictionId { get; private set; }

    /// <summary>The oversight body.</summary>
    public Guid RecipientId { get; private set; }

    /// <summary>The oversight body's name.</summary>
    public string RecipientName { get; private set; }

    /// <summary>Filing period length.</summary>
    public int PeriodLength { get; private set; }

    /// <summary>Filing period unit.</summary>
    public PeriodUnit PeriodUnit { get; private set; }

    /// <summary>Publication date the period runs from.</summary>
    public DateOnly PublishedOn { get; private set; }

    /// <summary>Last day for a complete filing (民法典 arts 201, 203 or working days, per the period).</summary>
    public DateOnly DueDate { get; private set; }

    /// <summary>True when the due date used the weekend-only fallback (no holiday notice for that year yet).</summary>
    public bool DueDateEstimated { get; private set; }

    /// <summary>Where it stands.</summary>
    public FilingStatus Status { get; private set; }

    /// <summary>Date of the latest submission.</summary>
    public DateOnly SubmittedOn { get; private set; }

    /// <summary>Date of the first submission.</summary>
    public DateOnly FirstSubmittedOn { get; private set; }

    /// <summary>How many times it was submitted (1 + resubmissions after returns).</summary>
    public int Submissions { get; private set; }

    /// <summary>When the formal check passed.</summary>
    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>When it was last returned.</summary>
    public DateTimeOffset? ReturnedAt { get; private set; }

    /// <summary>Why it was last returned.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>The review opinion, once given.</summary>
    public FilingOpinion? Opinion { get; private set; }

    /// <summary>The opinion's text.</summary>
    public string? OpinionText { get; private set; }

    /// <summary>When the opinion was given.</summary>
    public DateTimeOffset? OpinionAt { get; private set; }

    /// <summary>Deadline for the correction, when one is required.</summary>
    public DateOnly? CorrectionDueDate { get; private set; }

    /// <summary>When the correction was recorded.</summary>
    public DateTimeOffset? CorrectedAt { get; private set; }

    /// <summary>What was corrected.</summary>
    public string? CorrectionNote { get; private set; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic-concurrency stamp.</summary>
    public long ConcurrencyStamp { get; private set; }

    /// <summary>The filing period.</summary>
    public Period Period => new(PeriodLength, PeriodUnit);

    /// <summary>Whether the latest (conforming) submission came after the due date (for 报备及时率).</summary>
    public bool SubmittedLate => SubmittedOn > DueDate;

    /// <summary>Whether it is closed (no problem, corrected or revoked).</summary>
    public bool IsClosed => Status is FilingStatus.NoIssues or FilingStatus.Corrected or FilingStatus.Revoked;

    /// <summary>
    /// Whether an obligation of the issuing side is past its deadline on <paramref name="today"/>: a returned filing
    /// not resubmitted by the due date, or a required correction not made by its deadline.
    /// </summary>
    public bool IsOverdueOn(DateOnly today) =>
        (Status == FilingStatus.Returned && today > DueDate)
        || (Status == FilingStatus.CorrectionRequired && today > CorrectionDueDate);

    /// <summary>Opens (submits) the filing of a just-published document.</summary>
    public static OversightFiling Open(NormativeDocumentRecord document, FilingRoute route, WorkingCalendar calendar, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(calendar);
        var publishedOn = document.PublishedOn ?? throw new InvalidOperationException("Only published documents are filed.");
        var due = calendar.End(publishedOn, route.Period);
        return new OversightFiling
        {
            Id = Guid.CreateVersion7(at),
            DocumentId = document.Id,
            DocumentTitle = document.Title,
            UnifiedNumber = document.UnifiedNumber,
            IssuingAuthorityId = document.IssuingAuthorityId,
            IssuingAuthorityName = document.IssuingAuthorityName,
            DraftingDepartmentId = document.DraftingDepartmentId,
            JurisdictionId = document.JurisdictionId,
            RecipientId = route.Recipient.Id,
            RecipientName = route.Recipient.Name,
            PeriodLength = route.Period.Length,
            PeriodUnit = route.Period.Unit,
            PublishedOn = publishedOn,
            DueDate = due.Date,
            DueDateEstimated = due.UsedWeekendFallback,
            Status = FilingStatus.Submitted,
            SubmittedOn = today,
            FirstSubmittedOn = today,
            Submissions = 1,
            UpdatedAt = at,
        };
    }

    /// <summary>Records that the formal check passed (接收).</summary>
    public void Receive(DateTimeOffset at)
    {
        EnsureStatus("receipt", FilingStatus.Submitted);
        Status = FilingStatus.Received;
        ReceivedAt = at;
        Touch(at);
    }

    /// <summary>Returns the filing with reasons (退回); the issuing side resubmits.</summary>
    public void Return(string reason, DateTimeOffset at)
    {
        var why = Clean(reason) ?? throw new RegisterValidationException("reason", "reason-missing", "退回须说明理由 / A return needs its reasons.");
        EnsureStatus("return", FilingStatus.Submitted);
        Status = FilingStatus.Returned;
        ReturnReason = why;
        ReturnedAt = at;
        Touch(at);
    }

    /// <summary>Resubmits a returned filing.</summary>
    public void Resubmit(DateOnly today, DateTimeOffset at)
    {
        EnsureStatus("resubmission", FilingStatus.Returned);
        Status = FilingStatus.Submitted;
        SubmittedOn = today;
        Submissions++;
        Touch(at);
    }

    /// <summary>
    /// Records the review opinion. A correction gets a deadline: the one given, else <paramref name="defaultCorrectionPeriod"/>
    /// from today (立法法 art 112 gives drafters two months to respond; configurable).
    /// </summary>
    public void RecordOpinion(
        FilingOpinion opinion,
        string? text,
        DateOnly? correctionDueDate,
        Period defaultCorrectionPeriod,
        WorkingCalendar calendar,
        DateOnly today,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        EnsureStatus("opinion", FilingStatus.Received);
        var body = Clean(text);
        if (opinion != FilingOpinion.NoProblem && body is null)
        {
            throw new RegisterValidationException("opinion", "opinion-missing", "纠正或撤销须附审查意见 / A correction or revocation needs the written opinion.");
        }

        if (opinion == FilingOpinion.CorrectionRequired)
        {
            if (correctionDueDate <= today)
            {
                throw new RegisterValidationException("correctionDueDate", "deadline-not-in-future", "纠正期限须晚于今天 / The correction deadline must be after today.");
            }

            CorrectionDueDate = correctionDueDate ?? calendar.End(today, defaultCorrectionPeriod).Date;
        }
        else if (correctionDueDate is not null)
        {
            throw new RegisterValidationException("correctionDueDate", "deadline-not-applicable", "仅要求纠正时可设定纠正期限 / A deadline applies only to a correction.");
        }

        Opinion = opinion;
        OpinionText = body;
        OpinionAt = at;
        Status = opinion switch
        {
            FilingOpinion.NoProblem => FilingStatus.NoIssues,
            FilingOpinion.CorrectionRequired => FilingStatus.CorrectionRequired,
            _ => FilingStatus.Revoked,
        };
        Touch(at);
    }

    /// <summary>Records the issuing side's correction, which closes the filing (有错必纠).</summary>
    public void RecordCorrection(string note, DateTimeOffset at)
    {
        var what = Clean(note) ?? throw new RegisterValidationException("note", "note-missing", "请说明纠正情况 / Describe the correction.");
        EnsureStatus("correction", FilingStatus.CorrectionRequired);
        Status = FilingStatus.Corrected;
        CorrectionNote = what;
        CorrectedAt = at;
        Touch(at);
    }

    private void EnsureStatus(string step, FilingStatus required)
    {
        if (Status != required)
        {
            throw new LifecycleViolationException(step, "filing-" + StatusCode(required),
                $"备案当前状态为 {StatusCode(Status)}，此操作需要 {StatusCode(required)} / The filing is '{StatusCode(Status)}'; '{step}' needs '{StatusCode(required)}'.");
        }
    }

    private static string StatusCode(FilingStatus status) => status switch
    {
        FilingStatus.Submitted => "submitted",
        FilingStatus.Returned => "returned",
        FilingStatus.Received => "received",
        FilingStatus.NoIssues => "no-issues",
        FilingStatus.CorrectionRequired => "correction-required",
        FilingStatus.Corrected => "corrected",
        _ => "revoked",
    };

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        ConcurrencyStamp++;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
