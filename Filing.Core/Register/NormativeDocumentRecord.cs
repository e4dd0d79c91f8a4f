using System.Diagnostics.CodeAnalysis;
using Filing.Core.Calendar;
using Filing.Core.Documents;

namespace Filing.Core.Register;

/// <summary>
/// One 行政规范性文件 in the register (统一登记): its dated draft versions, every procedure step with who, when, outcome
/// and opinion, its unified number, publication, validity and end. The procedure order is enforced here:
/// 起草 → 公开征求意见 (or a recorded reason why not) → 公平竞争审查 (初审, plus 会同审查 by the market-regulation bureau for
/// documents the government issues itself) → 性别平等评估 and 健康影响评价 (or not applicable) → 合法性审核 → 集体审议 →
/// 统一登记 (unified number) → 统一发布 → 备案 → in force → expired / amended / repealed / declared invalid / revoked.
/// A step out of order throws <see cref="LifecycleViolationException"/> naming what is missing.
/// </summary>
public sealed class NormativeDocumentRecord
{
    private readonly List<DocumentVersion> _versions = [];
    private readonly List<ProcedureStep> _steps = [];

    private NormativeDocumentRecord()
    {
        Title = "";
        IssuingAuthorityName = "";
        DraftingDepartmentName = "";
    }

    /// <summary>Stable id (a time-ordered GUID).</summary>
    public Guid Id { get; private set; }

    /// <summary>制定机关.</summary>
    public Guid IssuingAuthorityId { get; private set; }

    /// <summary>制定机关 name.</summary>
    public string IssuingAuthorityName { get; private set; }

    /// <summary>Whether the issuing authority is a government (人民政府), which calls for 会同审查.</summary>
    public bool IssuedByGovernment { get; private set; }

    /// <summary>The government whose legal office and reviewing bodies work on the document.</summary>
    public Guid JurisdictionId { get; private set; }

    /// <summary>起草单位: the organisation that uploaded the draft and owns it until publication.</summary>
    public Guid DraftingDepartmentId { get; private set; }

    /// <summary>起草单位 name.</summary>
    public string DraftingDepartmentName { get; private set; }

    /// <summary>标题.</summary>
    public string Title { get; private set; }

    /// <summary>文种 (办法, 意见, 通知…), if known.</summary>
    public string? DocumentType { get; private set; }

    /// <summary>发文字号, if known.</summary>
    public string? DocumentNumber { get; private set; }

    /// <summary>
    /// The 发文字号's look-up key (<see cref="DocumentNumberParser.LookupKey"/>: <c>桐政发[2018]47号</c>, <c>桐政发 〔2018〕 47 号</c>
    /// and <c>桐政发〔2018〕47号</c> share one), kept beside <see cref="DocumentNumber"/> so that registration finds by index
    /// whether the issuing authority has already registered a document under the number. Null without a 发文字号.
    /// </summary>
    public string? DocumentNumberKey { get; private set; }

    /// <summary>Closely related to market entities' business (longer comment period).</summary>
    public bool BusinessRelated { get; private set; }

    /// <summary>How far the procedure has come.</summary>
    public LifecycleStage Stage { get; private set; }

    /// <summary>When the record was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the record last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>First day of the public comment period, if one was opened.</summary>
    public DateOnly? CommentPeriodStart { get; private set; }

    /// <summary>Last day of the public comment period, if one was opened.</summary>
    public DateOnly? CommentPeriodEnd { get; private set; }

    /// <summary>Why no public comment was held, if waived.</summary>
    public string? CommentWaiverReason { get; private set; }

    /// <summary>
    /// The day the legality review became due to start: every earlier review complete on the current version, and not
    /// returned on it. Null while the drafter still has work to do. The review's deadline is counted from here.
    /// </summary>
    public DateOnly? LegalityReviewRequestedOn { get; private set; }
    /// <summary>The day the comment period was closed, once it was.</summary>
    public DateOnly? CommentPeriodClosedOn { get; private set; }

    /// <summary>The day the feedback report on the comments (意见采纳情况) was published, once it was.</summary>
    public DateOnly? CommentFeedbackPublishedOn { get; private set; }

    /// <summary>The version on which the legality review last passed.</summary>
    public int? LegalityPassedVersion { get; private set; }

    /// <summary>Date the legality review last passed.</summary>
    public DateOnly? LegalityPassedOn { get; private set; }

    /// <summary>The meeting that took the collective decision (e.g. 县政府第12次常务会议).</summary>
    public string? DecisionMeeting { get; private set; }

    /// <summary>Date of the collective decision.</summary>
    public DateOnly? DecidedOn { get; private set; }

    /// <summary>统一编号, assigned at registration.</summary>
    public string? UnifiedNumber { get; private set; }

    /// <summary>When it was registered.</summary>
    public DateTimeOffset? RegisteredAt { get; private set; }

    /// <summary>Publication date (公布日期).</summary>
    public DateOnly? PublishedOn { get; private set; }

    /// <summary>Where it was published (政府公报, 政府网站…).</summary>
    public string? PublicationChannel { get; private set; }

    /// <summary>政策解读 published with it.</summary>
    public string? PolicyInterpretation { get; private set; }

    /// <summary>施行日期.</summary>
    public DateOnly? EffectiveDate { get; private set; }

    /// <summary>Last day of validity (有效期至), or null when the document states none.</summary>
    public DateOnly? ValidUntil { get; private set; }

    /// <summary>How it ended, if it did (or will, on <see cref="TerminatedOn"/>).</summary>
    public TerminationKind? Termination { get; private set; }

    /// <summary>The day it stops applying.</summary>
    public DateOnly? TerminatedOn { get; private set; }

    /// <summary>Why it ended.</summary>
    public string? TerminationReason { get; private set; }

    /// <summary>The document that replaces it, for an amendment.</summary>
    public Guid? ReplacedById { get; private set; }

    /// <summary>A cleanup decided it is to be amended (拟修改); it stays in force meanwhile.</summary>
    public bool AmendmentPlanned { get; private set; }

    /// <summary>Optimistic-concurrency stamp, bumped on every change.</summary>
    public long ConcurrencyStamp { get; private set; }

    /// <summary>Every uploaded version, oldest first.</summary>
    public IReadOnlyList<DocumentVersion> Versions => [.. _versions.OrderBy(v => v.Number)];

    /// <summary>Every recorded step, in order.</summary>
    public IReadOnlyList<ProcedureStep> Steps => [.. _steps.OrderBy(s => s.Sequence)];

    /// <summary>The latest version.</summary>
    public DocumentVersion CurrentVersion => _versions.MaxBy(v => v.Number)
        ?? throw new InvalidOperationException("A document always has a version.");

    /// <summary>Whether the fair-competition review needs 会同审查 by the market-regulation bureau.</summary>
    public bool RequiresJointFairCompetitionReview => IssuedByGovernment;

    /// <summary>Starts a record from the first uploaded draft.</summary>
    /// <exception cref="RegisterValidationException">No title, or the authority cannot issue documents.</exception>
    public static NormativeDocumentRecord StartDraft(
        Guid id,
        Organisation issuingAuthority,
        Organisation draftingDepartment,
        DraftDetails details,
        NewVersion firstVersion,
        Actor actor,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(issuingAuthority);
        ArgumentNullException.ThrowIfNull(draftingDepartment);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(firstVersion);
        if (!issuingAuthority.IsIssuingAuthority)
        {
            throw new RegisterValidationException("issuingAuthorityId", "not-an-issuing-authority",
                $"{issuingAuthority.Name} has no unified-number prefix and cannot issue normative documents.");
        }

        var title = Clean(details.Title) ?? Clean(firstVersion.Parsed.Title)
            ?? throw new RegisterValidationException("title", "title-missing",
                "未能从文件中读出标题：请在 title 字段中提供 / The title could not be read from the file; send it in the 'title' field.");

        var record = new NormativeDocumentRecord
        {
            Id = id,
            IssuingAuthorityId = issuingAuthority.Id,
            IssuingAuthorityName = issuingAuthority.Name,
            IssuedByGovernment = issuingAuthority.Kind == OrganisationKind.Government,
            JurisdictionId = issuingAuthority.JurisdictionId,
            DraftingDepartmentId = draftingDepartment.Id,
            DraftingDepartmentName = draftingDepartment.Name,
            Title = title,
            DocumentType = Clean(details.DocumentType) ?? Clean(firstVersion.Parsed.DocumentType),
            BusinessRelated = details.BusinessRelated ?? false,
            EffectiveDate = details.EffectiveDate ?? firstVersion.Parsed.EffectiveDate,
            ValidUntil = details.ValidUntil ?? firstVersion.Parsed.ValidUntil,
            Stage = LifecycleStage.Drafting,
            CreatedAt = at,
        };
        record.SetDocumentNumber(DraftNumber(details.DocumentNumber) ?? DraftNumber(firstVersion.Parsed.DocumentNumber));
        record.AppendVersion(firstVersion, actor, at);
        return record;
    }

    /// <summary>The document's status on <paramref name="today"/> (derived: expiry needs no timer).</summary>
    public DocumentStatus StatusOn(DateOnly today) =>
        DocumentStatusRules.Derive(Stage, Termination, TerminatedOn, ValidUntil, EffectiveDate, today);

    /// <summary>Whether the public can see it (published, including after it ended).</summary>
    public bool IsPublic => Stage >= LifecycleStage.Published;

    /// <summary>
    /// <see cref="MissingFor(LifecycleStage)"/>, and for registration also a 发文字号 with one of
    /// <paramref name="issuingAuthority"/>'s 机关代字 when it lists them (<see cref="Organisation.ForeignIssuerCodeOf"/>): an early
    /// word that registration will refuse the number the document carries now.
    /// </summary>
    public IReadOnlyList<MissingRequirement> MissingFor(LifecycleStage stage, Organisation issuingAuthority)
    {
        ArgumentNullException.ThrowIfNull(issuingAuthority);
        var missing = MissingFor(stage);
        if (issuingAuthority.Id != IssuingAuthorityId || stage < LifecycleStage.Registered || Stage >= LifecycleStage.Registered
            || issuingAuthority.ForeignIssuerCodeOf(DocumentNumber) is not { } foreign)
        {
            return missing;
        }

        var number = TryNormalizeDocumentNumber(DocumentNumber, out var canonical) ? canonical : DocumentNumber!;
        var requirement = Requirements.DocumentNumberIssuerCode(number, foreign, issuingAuthority.Name, issuingAuthority.IssuerCodes);
        var list = missing.ToList();
        var at = list.IndexOf(Requirements.Registration);
        list.Insert(at < 0 ? list.Count : at, requirement);
        return list;
    }

    /// <summary>Everything that must happen before the document can reach <paramref name="stage"/>.</summary>
    public IReadOnlyList<MissingRequirement> MissingFor(LifecycleStage stage)
    {
        var missing = new List<MissingRequirement>();
        if (Stage >= stage)
        {
            return missing;
        }

        if (stage >= LifecycleStage.InReview && Stage < LifecycleStage.InReview)
        {
            missing.Add(Requirements.PublicComment);
        }

        if (stage >= LifecycleStage.Approved && Stage < LifecycleStage.Approved)
        {
            missing.AddRange(MissingFairCompetition());
            missing.AddRange(MissingAssessments());
            var blocking = CurrentVersion.BlockingFindings.Count();
            if (blocking > 0)
            {
                missing.Add(Requirements.UnansweredFindings(blocking));
            }

            missing.Add(Requirements.LegalityReview);
        }

        if (stage >= LifecycleStage.Decided && Stage < LifecycleStage.Decided)
        {
            if (CommentFeedbackPending)
            {
                missing.Add(Requirements.PublicCommentFeedback);
            }

            missing.Add(Requirements.CollectiveDecision);
        }

        if (stage >= LifecycleStage.Registered && Stage < LifecycleStage.Registered)
        {
            missing.Add(Requirements.Registration);
        }

        if (stage >= LifecycleStage.Published && Stage < LifecycleStage.Published)
        {
            missing.Add(Requirements.Publication);
        }

        return missing;
    }

    /// <summary>Adds a draft version. Allowed until the collective decision; a new version reopens the legality review.</summary>
    public DocumentVersion AddVersion(NewVersion input, DraftDetails? details, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Stage >= LifecycleStage.Decided)
        {
            throw new LifecycleViolationException("versions", "decided",
                "集体审议后不能再上传新版本 / Versions can only be added before the collective decision.");
        }

        // An explicit value wins, then what the reader found in the new file, then what the record had.
        Title = Clean(details?.Title) ?? Clean(input.Parsed.Title) ?? Title;
        DocumentType = Clean(details?.DocumentType) ?? Clean(input.Parsed.DocumentType) ?? DocumentType;
        SetDocumentNumber(DraftNumber(details?.DocumentNumber) ?? DraftNumber(input.Parsed.DocumentNumber) ?? DocumentNumber);
        BusinessRelated = details?.BusinessRelated ?? BusinessRelated;
        EffectiveDate = details?.EffectiveDate ?? input.Parsed.EffectiveDate ?? EffectiveDate;
        ValidUntil = details?.ValidUntil ?? input.Parsed.ValidUntil ?? ValidUntil;

        if (Stage == LifecycleStage.Approved)
        {
            // The legality review passed on the previous text; the changed text has to be reviewed again.
            Stage = LifecycleStage.InReview;
        }

        LegalityReviewRequestedOn = null; // a new text restarts the legal office's clock
        return AppendVersion(input, actor, at);
    }

    /// <summary>Records the drafter's answer to a finding of the current version.</summary>
    public VersionFinding AnswerFinding(Guid findingId, FindingAnswerKind answer, string? note, Actor actor, DateTimeOffset at)
    {
        var finding = CurrentVersion.FindFinding(findingId);
        if (finding is null)
        {
            var older = _versions.Select(v => v.FindFinding(findingId)).FirstOrDefault(f => f is not null);
            if (older is null)
            {
                throw new KeyNotFoundException($"Finding {findingId} is not part of this document.");
            }

            throw new LifecycleViolationException("answer", "older-version",
                "该意见属于旧版本，请回复当前版本的审查意见 / The finding belongs to an older version; answer the current version's findings.");
        }

        if (Stage >= LifecycleStage.Approved)
        {
            throw new LifecycleViolationException("answer", "reviews-closed",
                "合法性审核已通过，审查意见已关闭 / The legality review has passed; findings are closed.");
        }

        if (answer == FindingAnswerKind.Explained && Clean(note) is null)
        {
            throw new RegisterValidationException("note", "explanation-missing",
                "说明理由不能为空 / An explanation is required when the finding is kept.");
        }

        finding.Answered(answer, Clean(note), actor, at);
        AddStep(StepKind.FindingAnswered, StepOutcome.Recorded, Clean(note), $"{finding.RuleId}: {answer}", null, actor, at);
        return finding;
    }

    /// <summary>Records that no public comment is held, and why.</summary>
    public ProcedureStep WaivePublicComment(string reason, Actor actor, DateTimeOffset at)
    {
        var why = Clean(reason) ?? throw new RegisterValidationException("waiverReason", "waiver-reason-missing",
            "不公开征求意见须说明理由 / A reason is required when no public comment is held.");
        EnsurePublicCommentOpen();
        CommentWaiverReason = why;
        Stage = LifecycleStage.InReview;
        return AddStep(StepKind.PublicCommentWaived, StepOutcome.Recorded, null, why, null, actor, at);
    }

    /// <summary>Opens a public comment period from <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    /// <exception cref="RegisterValidationException">The period is shorter than the policy allows.</exception>
    public ProcedureStep OpenPublicComment(
        DateOnly start,
        DateOnly end,
        bool businessRelated,
        PublicCommentPolicy policy,
        WorkingCalendar calendar,
        Actor actor,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        EnsurePublicCommentOpen();
        if (end < start)
        {
            throw new RegisterValidationException("end", "end-before-start", "征求意见截止日期早于开始日期 / The period ends before it starts.");
        }

        var earliest = policy.EarliestEnd(calendar, start, businessRelated || BusinessRelated);
        if (end < earliest.Date)
        {
            var minimum = businessRelated || BusinessRelated
                ? $"{policy.BusinessRelatedMinimumDays}日且不少于{policy.MinimumWorkingDays}个工作日"
                : $"{policy.MinimumWorkingDays}个工作日";
            throw new RegisterValidationException("end", "comment-period-too-short",
                $"征求意见期限不得少于{minimum}，最早截止日期为{earliest.Date:yyyy-MM-dd} / The period must last at least {minimum}; the earliest allowed end is {earliest.Date:yyyy-MM-dd}.");
        }

        BusinessRelated = BusinessRelated || businessRelated;
        CommentPeriodStart = start;
        CommentPeriodEnd = end;
        Stage = LifecycleStage.InReview;
        return AddStep(StepKind.PublicCommentOpened, StepOutcome.Recorded, null, $"{start:yyyy-MM-dd}..{end:yyyy-MM-dd}", start, actor, at);
    }

    /// <summary>Whether a comment period was held and its feedback report is not yet published.</summary>
    public bool CommentFeedbackPending => CommentPeriodStart is not null && CommentFeedbackPublishedOn is null;

    /// <summary>Records that the comment period was closed (after its last day) with <paramref name="comments"/> comments received.</summary>
    public ProcedureStep ClosePublicComment(DateOnly on, int comments, Actor actor, DateTimeOffset at)
    {
        if (CommentPeriodEnd is not { } end || CommentPeriodClosedOn is not null)
        {
            throw new LifecycleViolationException("consultation-close", "no-open-period",
                "没有可关闭的征求意见期 / There is no open comment period to close.");
        }

        if (on <= end)
        {
            throw new LifecycleViolationException("consultation-close", "comment-period-open",
                $"征求意见期至 {end:yyyy-MM-dd} 尚未结束 / The comment period runs until {end:yyyy-MM-dd}.");
        }

        CommentPeriodClosedOn = on;
        return AddStep(StepKind.PublicCommentClosed, StepOutcome.Recorded, null, $"{comments} comments", on, actor, at);
    }

    /// <summary>Records that the feedback report (意见采纳情况) was published, covering <paramref name="comments"/> visible comments.</summary>
    public ProcedureStep RecordPublicCommentFeedback(DateOnly on, int comments, Actor actor, DateTimeOffset at)
    {
        if (CommentPeriodClosedOn is null || CommentFeedbackPublishedOn is not null)
        {
            throw new LifecycleViolationException("feedback-report", "comment-period-not-closed",
                "征求意见期尚未关闭，或采纳情况已公布 / The comment period is not closed, or its feedback report is already published.");
        }

        CommentFeedbackPublishedOn = on;
        return AddStep(StepKind.PublicCommentFeedbackPublished, StepOutcome.Recorded, null, $"{comments} comments", on, actor, at);
    }

    /// <summary>Records the drafting department's own fair-competition review (初审).</summary>
    public ProcedureStep RecordFairCompetitionSelfReview(StepOutcome outcome, string? opinion, Actor actor, DateTimeOffset at)
    {
        EnsureReviewOutcome(outcome, "outcome");
        EnsureReviewsOpen("fair-competition-review", []);
        return AddStep(StepKind.FairCompetitionSelfReview, outcome, Clean(opinion), null, null, actor, at);
    }

    /// <summary>Records 会同审查 by the market-regulation bureau; needs a passed 初审 and a government-issued document.</summary>
    public ProcedureStep RecordFairCompetitionJointReview(StepOutcome outcome, string? opinion, Actor actor, DateTimeOffset at)
    {
        EnsureReviewOutcome(outcome, "outcome");
        if (!RequiresJointFairCompetitionReview)
        {
            throw new LifecycleViolationException("fair-competition-review", "joint-review-not-required",
                "会同审查仅适用于以政府名义制发的文件 / Joint review applies only to documents the government issues itself.");
        }

        var self = Latest(StepKind.FairCompetitionSelfReview);
        var missing = self is { Outcome: StepOutcome.Passed } ? [] : new List<MissingRequirement> { Requirements.FairCompetitionSelfReviewPassed };
        EnsureReviewsOpen("fair-competition-review", missing);
        return AddStep(StepKind.FairCompetitionJointReview, outcome, Clean(opinion), null, null, actor, at);
    }

    /// <summary>Records the gender-equality assessment (or that it does not apply).</summary>
    public ProcedureStep RecordGenderEqualityAssessment(StepOutcome outcome, string? opinion, Actor actor, DateTimeOffset at)
    {
        EnsureReviewOutcome(outcome, "outcome");
        EnsureReviewsOpen("gender-equality-assessment", MissingFairCompetition());
        return AddStep(StepKind.GenderEqualityAssessment, outcome, Clean(opinion), null, null, actor, at);
    }

    /// <summary>Records the health-impact screening (or that it does not apply).</summary>
    public ProcedureStep RecordHealthScreening(StepOutcome outcome, string? opinion, Actor actor, DateTimeOffset at)
    {
        EnsureReviewOutcome(outcome, "outcome");
        EnsureReviewsOpen("health-screening", MissingFairCompetition());
        return AddStep(StepKind.HealthScreening, outcome, Clean(opinion), null, null, actor, at);
    }

    /// <summary>
    /// Records the legality review (合法性审核). It cannot be "not applicable" (应审必审); it can pass only when every
    /// earlier review is complete and no error finding on the current version is unanswered.
    /// </summary>
    public ProcedureStep RecordLegalityReview(StepOutcome outcome, string? opinion, DateOnly today, Actor actor, DateTimeOffset at)
    {
        if (outcome is not (StepOutcome.Passed or StepOutcome.Returned))
        {
            throw new RegisterValidationException("outcome", "legality-review-required",
                "合法性审核不能标记为不适用（应审必审）/ The legality review cannot be 'not-applicable': every normative document is reviewed.");
        }

        var missing = new List<MissingRequirement>();
        missing.AddRange(MissingFairCompetition());
        missing.AddRange(MissingAssessments());
        if (outcome == StepOutcome.Passed && CurrentVersion.BlockingFindings.Count() is var blocking and > 0)
        {
            missing.Add(Requirements.UnansweredFindings(blocking));
        }

        if (Stage == LifecycleStage.Approved)
        {
            throw new LifecycleViolationException("legality-review", "already-passed",
                "当前版本的合法性审核已通过 / The legality review has already passed on the current version.");
        }

        EnsureReviewsOpen("legality-review", missing);
        if (outcome == StepOutcome.Passed)
        {
            Stage = LifecycleStage.Approved;
            LegalityPassedVersion = CurrentVersion.Number;
            LegalityPassedOn = today;
        }

        return AddStep(StepKind.LegalityReview, outcome, Clean(opinion), null, today, actor, at);
    }

    /// <summary>Records the collective decision (集体审议决定); needs the legality review passed on the current version.</summary>
    public ProcedureStep RecordCollectiveDecision(string meeting, DateOnly date, DateOnly today, Actor actor, DateTimeOffset at)
    {
        var name = Clean(meeting) ?? throw new RegisterValidationException("meeting", "meeting-missing",
            "请填写审议会议名称 / Name the meeting that took the decision.");
        EnsureStage("collective-decision", LifecycleStage.Approved, "already-decided", "已作出集体审议决定 / The collective decision is already recorded.");
        if (date > today)
        {
            throw new RegisterValidationException("date", "date-in-future", $"审议日期 {date:yyyy-MM-dd} 晚于今天 / The decision date is in the future.");
        }

        if (date < LegalityPassedOn)
        {
            throw new RegisterValidationException("date", "date-before-legality-review",
                $"审议日期早于合法性审核通过日期 {LegalityPassedOn:yyyy-MM-dd} / The decision cannot predate the legality review.");
        }

        if (CommentPeriodEnd is { } end && date <= end)
        {
            throw new LifecycleViolationException("collective-decision", "comment-period-open",
                $"征求意见期至 {end:yyyy-MM-dd} 尚未结束 / The public comment period runs until {end:yyyy-MM-dd}; decide after it has ended.");
        }

        // 意见采纳情况 goes to the decision-makers with the draft (国办发〔2018〕37号 (三)); the decision waits for it.
        if (CommentFeedbackPending)
        {
            throw new LifecycleViolationException("collective-decision", [Requirements.PublicCommentFeedback]);
        }

        DecisionMeeting = name;
        DecidedOn = date;
        Stage = LifecycleStage.Decided;
        return AddStep(StepKind.CollectiveDecision, StepOutcome.Recorded, null, name, date, actor, at);
    }

    /// <summary>Throws unless the document can be registered now (call before drawing a number).</summary>
    public void EnsureCanRegister() =>
        EnsureStage("registration", LifecycleStage.Decided, "already-registered", $"已登记，统一编号 {UnifiedNumber} / Already registered as {UnifiedNumber}.");

    /// <summary>
    /// Records registration (统一登记) with the unified number drawn for it. The 发文字号 is often assigned by the office at
    /// issuance, after the collective decision (when no new version can be uploaded), so <paramref name="documentNumber"/>,
    /// when given, becomes the document's 发文字号 in its canonical form (桐政发[2026]5号 → 桐政发〔2026〕5号) and the step
    /// notes the change. After registration the number no longer changes.
    /// </summary>
    /// <exception cref="RegisterValidationException"><paramref name="documentNumber"/> is not a 发文字号.</exception>
    public ProcedureStep Register(UnifiedNumber number, Actor actor, DateTimeOffset at, string? documentNumber = null)
    {
        ArgumentNullException.ThrowIfNull(number);
        EnsureCanRegister();
        var assigned = DocumentNumberOnRegistration(documentNumber);
        string? note = null;
        if (!string.Equals(assigned, DocumentNumber, StringComparison.Ordinal))
        {
            note = DocumentNumber is null ? $"发文字号定为{assigned}" : $"发文字号更正为{assigned}（原为{DocumentNumber}）";
            SetDocumentNumber(assigned);
        }

        UnifiedNumber = number.Text;
        RegisteredAt = at;
        Stage = LifecycleStage.Registered;
        return AddStep(StepKind.Registration, StepOutcome.Recorded, note, number.Text, null, actor, at);
    }

    /// <summary>
    /// The 发文字号 the document will carry once registered with <paramref name="documentNumber"/>: its canonical form, or
    /// the current number when none is given. Lets registration check the number before anything changes.
    /// </summary>
    /// <exception cref="RegisterValidationException"><paramref name="documentNumber"/> is not a 发文字号.</exception>
    public string? DocumentNumberOnRegistration(string? documentNumber)
    {
        if (documentNumber is null)
        {
            return DocumentNumber;
        }

        return TryNormalizeDocumentNumber(documentNumber, out var canonical)
            ? canonical
            : throw new RegisterValidationException("documentNumber", "document-number-invalid", InvalidDocumentNumberMessage);
    }

    /// <summary>
    /// The canonical form (桐政发〔2026〕5号) of a 发文字号 typed for registration, read as leniently as the register's
    /// look-up reads one (<see cref="DocumentNumberParser.TryParseLookup"/>: other brackets, spaces, full-width digits,
    /// 第, leading zeros); false for blank text or text that is not one 发文字号 (机关代字〔年份〕序号号).
    /// </summary>
    public static bool TryNormalizeDocumentNumber(string? text, [NotNullWhen(true)] out string? canonical)
    {
        canonical = DocumentNumberParser.TryParseLookup(text, out var parsed) ? parsed.Text : null;
        return canonical is not null;
    }

    /// <summary>The key <see cref="DocumentNumberKey"/> holds for <paramref name="documentNumber"/> (null for none).</summary>
    public static string? DocumentNumberKeyOf(string? documentNumber) => DocumentNumberParser.LookupKey(documentNumber);

    /// <summary>What is wrong with a 发文字号 that <see cref="TryNormalizeDocumentNumber"/> refuses (Chinese and English).</summary>
    public const string InvalidDocumentNumberMessage =
        "发文字号应为“机关代字〔年份〕序号号”，如 桐政发〔2026〕5号 / documentNumber must be a 发文字号 such as 桐政发〔2026〕5号 (issuer code, 〔year〕, sequence, 号).";

    /// <summary>
    /// Records publication (统一发布) and opens a filing (备案) with each required oversight body, due per its period
    /// counted by <paramref name="calendar"/> from the publication date.
    /// </summary>
    public IReadOnlyList<OversightFiling> Publish(
        Publication publication,
        IReadOnlyList<FilingRoute> routes,
        WorkingCalendar calendar,
        DateOnly today,
        Actor actor,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(calendar);
        var channel = Clean(publication.Channel) ?? throw new RegisterValidationException("channel", "channel-missing",
            "请填写发布渠道（如政府公报、政府网站）/ Name the publication channel.");
        EnsureStage("publication", LifecycleStage.Registered, "already-published", "文件已发布 / Already published.");
        if (publication.Date > today)
        {
            throw new RegisterValidationException("date", "date-in-future", "发布日期晚于今天 / Record the publication once it has happened.");
        }

        if (publication.Date < DecidedOn)
        {
            throw new RegisterValidationException("date", "date-before-decision", $"发布日期早于集体审议日期 {DecidedOn:yyyy-MM-dd} / Publication cannot predate the decision.");
        }

        if (publication.EffectiveDate < publication.Date)
        {
            throw new RegisterValidationException("effectiveDate", "effective-before-publication",
                "施行日期早于发布日期：未经公布的文件不得作为行政管理依据 / The effective date cannot precede publication.");
        }

        // A date taken from the text (自印发之日起施行 reads as the 成文日期) cannot apply before publication either:
        // an unpublished document is no basis for administration (国办发〔2018〕37号, 浙江省政府令第372号).
        var effective = publication.EffectiveDate
            ?? (EffectiveDate is { } stated && stated > publication.Date ? stated : publication.Date);

        var validUntil = publication.ValidUntil ?? ValidUntil;
        if (validUntil < effective)
        {
            throw new RegisterValidationException("validUntil", "valid-until-before-effective", "有效期截止日期早于施行日期 / Validity ends before it starts.");
        }

        PublishedOn = publication.Date;
        PublicationChannel = channel;
        PolicyInterpretation = Clean(publication.PolicyInterpretation);
        EffectiveDate = effective;
        ValidUntil = validUntil;
        Stage = LifecycleStage.Published;
        AddStep(StepKind.Publication, StepOutcome.Recorded, null, channel, publication.Date, actor, at);

        return [.. routes.Select(route => OversightFiling.Open(this, route, calendar, today, at))];
    }

    /// <summary>Ends the document: 废止, 宣布失效, 修改 (replaced) or 撤销, from <paramref name="date"/> (may be in the future).</summary>
    public ProcedureStep Terminate(TerminationKind kind, DateOnly date, string? reason, Guid? replacedBy, Actor actor, DateTimeOffset at)
    {
        EnsureStage("repeal", LifecycleStage.Published, "already-ended", $"文件已于 {TerminatedOn:yyyy-MM-dd} {Termination} / The document has already ended.");
        if (date < PublishedOn)
        {
            throw new RegisterValidationException("date", "date-before-publication", "终止日期早于发布日期 / The end date precedes publication.");
        }

        if (kind == TerminationKind.Amended && replacedBy is null)
        {
            throw new RegisterValidationException("replacedBy", "replacement-missing", "修改须指明替代文件 / Name the amending document.");
        }

        if (replacedBy == Id)
        {
            throw new RegisterValidationException("replacedBy", "replaced-by-itself", "不能以自身替代 / A document cannot replace itself.");
        }

        Termination = kind;
        TerminatedOn = date;
        TerminationReason = Clean(reason);
        ReplacedById = replacedBy;
        Stage = LifecycleStage.Terminated;
        return AddStep(StepKind.Termination, StepOutcome.Recorded, Clean(reason), kind.ToString(), date, actor, at);
    }

    /// <summary>Marks the document as to be amended (拟修改) after a cleanup; it stays in force.</summary>
    public ProcedureStep PlanAmendment(string? reason, Actor actor, DateTimeOffset at)
    {
        EnsureStage("cleanup-decision", LifecycleStage.Published, "already-ended", "文件已终止 / The document has already ended.");
        AmendmentPlanned = true;
        return AddStep(StepKind.AmendmentPlanned, StepOutcome.Recorded, Clean(reason), null, null, actor, at);
    }

    /// <summary>The latest step of <paramref name="kind"/>, or null.</summary>
    public ProcedureStep? Latest(StepKind kind) => _steps.Where(s => s.Kind == kind).MaxBy(s => s.Sequence);

    /// <summary>Whether the fair-competition review is complete (初审 not applicable, or passed and, where needed, 会同审查 passed after it).</summary>
    public bool FairCompetitionComplete => !MissingFairCompetition().Any();

    private IEnumerable<MissingRequirement> MissingFairCompetition()
    {
        var self = Latest(StepKind.FairCompetitionSelfReview);
        if (self is null || self.Outcome == StepOutcome.Returned)
        {
            yield return Requirements.FairCompetitionSelfReview;
            yield break;
        }

        if (self.Outcome == StepOutcome.NotApplicable || !RequiresJointFairCompetitionReview)
        {
            yield break;
        }

        var joint = Latest(StepKind.FairCompetitionJointReview);
        if (joint is null || joint.Sequence < self.Sequence || joint.Outcome == StepOutcome.Returned)
        {
            yield return Requirements.FairCompetitionJointReview;
        }
    }

    private IEnumerable<MissingRequirement> MissingAssessments()
    {
        if (Latest(StepKind.GenderEqualityAssessment) is not { Outcome: StepOutcome.Passed or StepOutcome.NotApplicable })
        {
            yield return Requirements.GenderEqualityAssessment;
        }

        if (Latest(StepKind.HealthScreening) is not { Outcome: StepOutcome.Passed or StepOutcome.NotApplicable })
        {
            yield return Requirements.HealthScreening;
        }
    }

    private void EnsurePublicCommentOpen()
    {
        if (Stage != LifecycleStage.Drafting)
        {
            throw new LifecycleViolationException("consultation", "already-recorded",
                "公开征求意见环节已记录 / The public-comment step has already been recorded.");
        }
    }

    private void EnsureReviewsOpen(string step, IEnumerable<MissingRequirement> stepSpecific)
    {
        var missing = MissingFor(LifecycleStage.InReview).Concat(stepSpecific).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new LifecycleViolationException(step, missing);
        }

        if (Stage > LifecycleStage.InReview)
        {
            throw new LifecycleViolationException(step, "reviews-closed",
                "合法性审核已通过，审查环节已关闭；如需修改请上传新版本 / The legality review has passed; upload a new version to reopen the reviews.");
        }
    }

    private void EnsureStage(string step, LifecycleStage required, string doneCode, string doneMessage)
    {
        var missing = MissingFor(required);
        if (missing.Count > 0)
        {
            throw new LifecycleViolationException(step, missing);
        }

        if (Stage > required)
        {
            throw new LifecycleViolationException(step, doneCode, doneMessage);
        }
    }

    private static void EnsureReviewOutcome(StepOutcome outcome, string field)
    {
        if (outcome is not (StepOutcome.Passed or StepOutcome.Returned or StepOutcome.NotApplicable))
        {
            throw new RegisterValidationException(field, "outcome-invalid", "outcome 须为 passed、returned 或 not-applicable.");
        }
    }

    private DocumentVersion AppendVersion(NewVersion input, Actor actor, DateTimeOffset at)
    {
        var version = new DocumentVersion(_versions.Count == 0 ? 1 : _versions.Max(v => v.Number) + 1, input, actor, at);
        _versions.Add(version);
        AddStep(StepKind.DraftUploaded, StepOutcome.Recorded, null, input.FileName, null, actor, at);
        return version;
    }

    private ProcedureStep AddStep(StepKind kind, StepOutcome outcome, string? opinion, string? detail, DateOnly? date, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var sequence = _steps.Count == 0 ? 1 : _steps.Max(s => s.Sequence) + 1;
        var version = _versions.Count == 0 ? 0 : _versions.Max(v => v.Number);
        var step = new ProcedureStep(sequence, kind, outcome, version, opinion, detail, date, actor, at);
        _steps.Add(step);
        UpdatedAt = at;
        ConcurrencyStamp++;
        RefreshLegalityRequest(at);
        return step;
    }

    // The legal office's clock runs from the day everything before it is done, and stops while the draft is back with
    // the drafter (returned on the current version).
    private void RefreshLegalityRequest(DateTimeOffset at)
    {
        if (Stage != LifecycleStage.InReview)
        {
            return; // passed (kept as history) or not yet in review
        }

        // Returned and not yet answered by a new version or an answer to a finding: the draft is with the drafter.
        var lastExchange = _steps.Where(s => s.Kind is StepKind.LegalityReview or StepKind.DraftUploaded or StepKind.FindingAnswered)
            .MaxBy(s => s.Sequence);
        var withDrafter = lastExchange is { Kind: StepKind.LegalityReview, Outcome: StepOutcome.Returned };
        var ready = !withDrafter && !MissingFairCompetition().Any() && !MissingAssessments().Any();
        if (!ready)
        {
            LegalityReviewRequestedOn = null;
        }
        else
        {
            LegalityReviewRequestedOn ??= DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime);
        }
    }

    // Register dates are China dates; China has had no daylight saving since 1991.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    internal void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        ConcurrencyStamp++;
    }

    // The number and its key change together, whichever way the number came in.
    private void SetDocumentNumber(string? number)
    {
        DocumentNumber = number;
        DocumentNumberKey = DocumentNumberKeyOf(number);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// A 发文字号 as a draft carries it: in canonical form when the text is one (桐政发[2026]3号 → 桐政发〔2026〕3号, as
    /// registration stores it), else as typed, trimmed — a draft's number may still be provisional (待定).
    /// </summary>
    private static string? DraftNumber(string? text) =>
        Clean(text) is { } typed ? TryNormalizeDocumentNumber(typed, out var canonical) ? canonical : typed : null;
}
