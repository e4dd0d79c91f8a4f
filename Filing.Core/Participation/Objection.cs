using System.Globalization;
using Filing.Core.Calendar;
using Filing.Core.Register;

namespace Filing.Core.Participation;

/// <summary>
/// A citizen's or company's objection to a published normative document (审查建议, 公民异议审查): the grounds, the
/// articles it names, the legal office's handling — triage (accept, not accept with a reason, or transfer to the
/// competent body such as the 人大常委会 filing office), review, conclusion — and the written reply, with a due date
/// counted by the calendar and overdue derived on read.
/// </summary>
/// <remarks>
/// Order: Received → Accepted → UnderReview → Concluded → Replied; or Received → NotAccepted → Replied; or
/// Received → Transferred → Replied. Every objection ends with a written reply to the submitter, so "answered" always
/// means <see cref="RepliedOn"/> is set, and the deadline is met when that day is no later than <see cref="DueDate"/>.
/// The contact details are the handling office's only; <see cref="ObjectionEvent.Detail"/> is what the submitter sees.
/// </remarks>
public sealed class Objection
{
    private readonly List<ObjectionEvent> _events = [];

    private Objection()
    {
        TrackingCode = "";
        SecretHash = "";
        DocumentTitle = "";
        IssuingAuthorityName = "";
        Grounds = "";
        Fingerprint = "";
        HandlingPeriod = "";
        Articles = [];
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>Human-friendly handle given to the submitter (see <see cref="Participation.TrackingCode"/>).</summary>
    public string TrackingCode { get; private set; }

    /// <summary>SHA-256 of the submitter's secret.</summary>
    public string SecretHash { get; private set; }

    /// <summary>Salt the secret was derived with when the submission carried an Idempotency-Key.</summary>
    public byte[]? SecretSalt { get; private set; }

    /// <summary>SHA-256 of the submission's idempotency scope and key, when it had one.</summary>
    public string? IdempotencyKeyHash { get; private set; }

    /// <summary>SHA-256 of the submission's content, to tell a retry from a different request with the same key.</summary>
    public string? RequestFingerprint { get; private set; }

    /// <summary>The document objected to.</summary>
    public Guid DocumentId { get; private set; }

    /// <summary>Its title.</summary>
    public string DocumentTitle { get; private set; }

    /// <summary>Its 发文字号.</summary>
    public string? DocumentNumber { get; private set; }

    /// <summary>Its 统一编号.</summary>
    public string? UnifiedNumber { get; private set; }

    /// <summary>制定机关.</summary>
    public Guid IssuingAuthorityId { get; private set; }

    /// <summary>制定机关 name.</summary>
    public string IssuingAuthorityName { get; private set; }

    /// <summary>The government whose legal office handles the objection.</summary>
    public Guid JurisdictionId { get; private set; }

    /// <summary>The articles objected to, as structure paths (empty: the whole document).</summary>
    public IReadOnlyList<string> Articles { get; private set; }

    /// <summary>理由: why the submitter thinks the document is unlawful.</summary>
    public string Grounds { get; private set; }

    /// <summary><see cref="TextFingerprint"/> of the grounds.</summary>
    public string Fingerprint { get; private set; }

    /// <summary>The first objection with the same grounds against the same document, when this one repeats it.</summary>
    public Guid? DuplicateOfId { get; private set; }

    /// <summary>Tracking code of that first objection.</summary>
    public string? DuplicateOfTrackingCode { get; private set; }

    /// <summary>Submitter's name (handling office only).</summary>
    public string? ContactName { get; private set; }

    /// <summary>Submitter's phone (handling office only).</summary>
    public string? ContactPhone { get; private set; }

    /// <summary>Submitter's e-mail (handling office only).</summary>
    public string? ContactEmail { get; private set; }

    /// <summary>Submitter's ID number (handling office only).</summary>
    public string? ContactIdNumber { get; private set; }

    /// <summary>When it arrived.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The day it arrived (Beijing time): the handling period runs from here.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>The handling period applied, in words (60日).</summary>
    public string HandlingPeriod { get; private set; }

    /// <summary>Last day for the written reply.</summary>
    public DateOnly DueDate { get; private set; }

    /// <summary>True when no holiday notice covered the due date's year yet (weekends only).</summary>
    public bool DueDateEstimated { get; private set; }

    /// <summary>Where the handling stands.</summary>
    public ObjectionStatus Status { get; private set; }

    /// <summary>Why it was not accepted.</summary>
    public NonAcceptanceReason? NonAcceptance { get; private set; }

    /// <summary>The body it was transferred to.</summary>
    public Guid? TransferredToId { get; private set; }

    /// <summary>That body's name.</summary>
    public string? TransferredToName { get; private set; }

    /// <summary>The triage decision's stated reason (not accepted / transferred).</summary>
    public string? TriageReason { get; private set; }

    /// <summary>What the review found.</summary>
    public ObjectionConclusion? Conclusion { get; private set; }

    /// <summary>The review's findings in words.</summary>
    public string? ConclusionText { get; private set; }

    /// <summary>The written reply to the submitter.</summary>
    public string? ReplyText { get; private set; }

    /// <summary>When the reply was given.</summary>
    public DateTimeOffset? RepliedAt { get; private set; }

    /// <summary>The day the reply was given.</summary>
    public DateOnly? RepliedOn { get; private set; }

    /// <summary>Optimistic-concurrency stamp.</summary>
    public long ConcurrencyStamp { get; private set; }

    /// <summary>The timeline, oldest first.</summary>
    public IReadOnlyList<ObjectionEvent> Events => [.. _events.OrderBy(e => e.Sequence)];

    /// <summary>The outcome as counted in the statistics.</summary>
    public ObjectionOutcome Outcome => OutcomeOf(NonAcceptance, TransferredToId, Conclusion);

    /// <summary>Whether the submitter left a way to reach them.</summary>
    public bool HasContact => ContactPhone is not null || ContactEmail is not null;

    /// <summary>The outcome from stored facts (also for rows projected in SQL).</summary>
    public static ObjectionOutcome OutcomeOf(NonAcceptanceReason? nonAcceptance, Guid? transferredTo, ObjectionConclusion? conclusion) =>
        nonAcceptance is not null ? ObjectionOutcome.NotAccepted
        : transferredTo is not null ? ObjectionOutcome.Transferred
        : conclusion switch
        {
            ObjectionConclusion.NoProblem => ObjectionOutcome.NoProblem,
            ObjectionConclusion.CorrectionRequested => ObjectionOutcome.CorrectionRequested,
            ObjectionConclusion.RevocationProposed => ObjectionOutcome.RevocationProposed,
            _ => ObjectionOutcome.Pending,
        };

    /// <summary>Receives an objection against a published document and sets its due date.</summary>
    /// <exception cref="ParticipationConflictException">The document is not published.</exception>
    public static Objection Receive(
        Guid id,
        string trackingCode,
        string secretHash,
        NormativeDocumentRecord document,
        IReadOnlyList<string> articles,
        string grounds,
        ObjectionContact contact,
        Objection? duplicateOf,
        ObjectionPolicy policy,
        WorkingCalendar calendar,
        DateOnly today,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(grounds);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!document.IsPublic)
        {
            throw new ParticipationConflictException("document-not-published", "只能对已公布的文件提出审查建议 / Objections can be made to published documents only.");
        }

        var due = calendar.End(today, policy.HandlingPeriod);
        var objection = new Objection
        {
            Id = id,
            TrackingCode = trackingCode,
            SecretHash = secretHash,
            DocumentId = document.Id,
            DocumentTitle = document.Title,
            DocumentNumber = document.DocumentNumber,
            UnifiedNumber = document.UnifiedNumber,
            IssuingAuthorityId = document.IssuingAuthorityId,
            IssuingAuthorityName = document.IssuingAuthorityName,
            JurisdictionId = document.JurisdictionId,
            Articles = [.. articles],
            Grounds = grounds,
            Fingerprint = TextFingerprint.Of(grounds),
            DuplicateOfId = duplicateOf is null ? null : duplicateOf.DuplicateOfId ?? duplicateOf.Id,
            DuplicateOfTrackingCode = duplicateOf is null ? null : duplicateOf.DuplicateOfTrackingCode ?? duplicateOf.TrackingCode,
            ContactName = contact.Name,
            ContactPhone = contact.Phone,
            ContactEmail = contact.Email,
            ContactIdNumber = contact.IdNumber,
            ReceivedAt = at,
            ReceivedOn = today,
            HandlingPeriod = policy.HandlingPeriod.ToString(),
            DueDate = due.Date,
            DueDateEstimated = due.UsedWeekendFallback,
            Status = ObjectionStatus.Received,
        };
        objection.Add(ObjectionEventKind.Received, today, at, "提交人 / submitter", null, null);
        return objection;
    }

    /// <summary>Remembers the Idempotency-Key the submission came with, so that a retry gets the same answer.</summary>
    public void RememberIdempotency(byte[] secretSalt, string idempotencyKeyHash, string requestFingerprint)
    {
        SecretSalt = secretSalt;
        IdempotencyKeyHash = idempotencyKeyHash;
        RequestFingerprint = requestFingerprint;
    }

    /// <summary>Whether the written reply is still missing after the due date.</summary>
    public bool IsOverdueOn(DateOnly today) => RepliedOn is null && today > DueDate;

    /// <summary>Whether the written reply came on or before the due date.</summary>
    public bool AnsweredWithinDeadline => RepliedOn <= DueDate;

    /// <summary>Accepts the objection for review (受理).</summary>
    public void Accept(string? note, DateOnly today, Actor actor, DateTimeOffset at)
    {
        EnsureStatus("triage", ObjectionStatus.Received);
        Status = ObjectionStatus.Accepted;
        Add(ObjectionEventKind.Accepted, today, at, Name(actor), "已受理 / accepted for review", Clean(note));
    }

    /// <summary>Does not accept the objection (不予受理), giving the reason the submitter will read.</summary>
    public void Decline(NonAcceptanceReason reason, string? explanation, DateOnly today, Actor actor, DateTimeOffset at)
    {
        var why = Clean(explanation) ?? throw new RegisterValidationException("reason", "reason-missing",
            "不予受理的，应当说明理由 / Say why the objection is not accepted.");
        EnsureStatus("triage", ObjectionStatus.Received);
        Status = ObjectionStatus.NotAccepted;
        NonAcceptance = reason;
        TriageReason = why;
        Add(ObjectionEventKind.NotAccepted, today, at, Name(actor), why, null);
    }

    /// <summary>Transfers the objection to the competent body (移送), which can then see it.</summary>
    public void Transfer(Organisation to, string? explanation, DateOnly today, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(actor);
        var why = Clean(explanation) ?? throw new RegisterValidationException("reason", "reason-missing",
            "移送的，应当说明理由 / Say why the objection is transferred.");
        if (to.Id == actor.OrganisationId)
        {
            throw new RegisterValidationException("transferTo", "transfer-to-self", "不能移送给本机关 / An objection cannot be transferred to the office handling it.");
        }

        EnsureStatus("triage", ObjectionStatus.Received);
        Status = ObjectionStatus.Transferred;
        TransferredToId = to.Id;
        TransferredToName = to.Name;
        TriageReason = why;
        Add(ObjectionEventKind.Transferred, today, at, Name(actor), $"已移送{to.Name}：{why}", null);
    }

    /// <summary>Records that the review is under way (e.g. the issuing authority was asked to explain).</summary>
    public void StartReview(string? note, DateOnly today, Actor actor, DateTimeOffset at)
    {
        EnsureStatus("review", ObjectionStatus.Accepted);
        Status = ObjectionStatus.UnderReview;
        Add(ObjectionEventKind.ReviewStarted, today, at, Name(actor), "审查中 / under review", Clean(note));
    }

    /// <summary>Records what the review found.</summary>
    public void Conclude(ObjectionConclusion conclusion, string? text, DateOnly today, Actor actor, DateTimeOffset at)
    {
        var findings = Clean(text) ?? throw new RegisterValidationException("text", "text-missing",
            "请写明审查结论的理由 / State the review's findings.");
        EnsureStatus("conclusion", ObjectionStatus.UnderReview);
        Status = ObjectionStatus.Concluded;
        Conclusion = conclusion;
        ConclusionText = findings;
        Add(ObjectionEventKind.Concluded, today, at, Name(actor), findings, null);
    }

    /// <summary>Gives the written reply (书面答复): after a conclusion, a non-acceptance or a transfer.</summary>
    public void Reply(string? text, DateOnly today, Actor actor, DateTimeOffset at)
    {
        var reply = Clean(text) ?? throw new RegisterValidationException("text", "text-missing", "答复内容不能为空 / The reply cannot be empty.");
        EnsureStatus("reply", ObjectionStatus.Concluded, ObjectionStatus.NotAccepted, ObjectionStatus.Transferred);
        Status = ObjectionStatus.Replied;
        ReplyText = reply;
        RepliedAt = at;
        RepliedOn = today;
        Add(ObjectionEventKind.Replied, today, at, Name(actor), reply, null);
    }

    private void EnsureStatus(string step, params ObjectionStatus[] allowed)
    {
        if (allowed.Contains(Status))
        {
            return;
        }

        var expected = string.Join(" / ", allowed.Select(a => a.ToString()));
        throw new ParticipationConflictException("objection-step-not-allowed", Status switch
        {
            ObjectionStatus.Replied => $"审查建议 {TrackingCode} 已答复，办理已结束 / Objection {TrackingCode} has been replied to; its handling is complete.",
            _ => $"审查建议 {TrackingCode} 当前状态为 {Status}，不能进行“{step}” / Objection {TrackingCode} is {Status}; '{step}' needs it to be {expected}.",
        });
    }

    private void Add(ObjectionEventKind kind, DateOnly on, DateTimeOffset at, string actor, string? detail, string? note)
    {
        _events.Add(new ObjectionEvent(_events.Count + 1, kind, on, at, actor, detail, note));
        ConcurrencyStamp++;
    }

    private static string Name(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Name;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Tracking code, status and due date (no personal data: safe for logs).</summary>
    public override string ToString() => $"{TrackingCode} ({Status}, due {DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
}
