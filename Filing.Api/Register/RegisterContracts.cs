using Filing.Api.Review;
using Filing.Api.Infrastructure;
using Filing.Core.Register;

namespace Filing.Api.Register;

// Request and response shapes of the register API. Wire names are camelCase; enum values kebab-case.

/// <summary>Every list in the API: a page of items, the total matching the filters, and the cursor of the next page.</summary>
/// <param name="Items">This page.</param>
/// <param name="Total">How many items match the filters (all pages).</param>
/// <param name="NextCursor">Pass as <c>cursor</c> to get the next page; null on the last page.</param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, string? NextCursor);

/// <summary>An organisation as shown in records.</summary>
/// <param name="Id">Organisation id.</param>
/// <param name="Name">Official name.</param>
public sealed record OrganisationRef(Guid Id, string Name);

/// <summary>Outcome of a review step.</summary>
public enum ReviewOutcomeDto
{
    /// <summary>通过.</summary>
    Passed,

    /// <summary>退回 with opinions.</summary>
    Returned,

    /// <summary>不适用.</summary>
    NotApplicable,
}

/// <summary>Body of <c>fair-competition-review</c>, <c>gender-equality-assessment</c>, <c>health-screening</c> and <c>legality-review</c>.</summary>
/// <param name="Outcome">passed, returned or not-applicable (the legality review cannot be not-applicable).</param>
/// <param name="Opinion">The written opinion (审查意见).</param>
public sealed record ReviewStepRequest(ReviewOutcomeDto? Outcome, string? Opinion);

/// <summary>Body of <c>consultation</c>: either a waiver reason, or (opening a real comment period) start and end.</summary>
/// <param name="WaiverReason">Why no public comment is held (e.g. 涉及国家秘密, 紧急情况).</param>
/// <param name="Start">First day of the comment period (yyyy-MM-dd).</param>
/// <param name="End">Last day of the comment period (yyyy-MM-dd).</param>
/// <param name="BusinessRelated">Closely related to market entities' business: at least 30 days.</param>
public sealed record ConsultationRequest(string? WaiverReason, DateOnly? Start, DateOnly? End, bool? BusinessRelated);

/// <summary>The recorded public-comment step.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Waived">True when waived.</param>
/// <param name="WaiverReason">The reason, when waived.</param>
/// <param name="Start">First day, when opened.</param>
/// <param name="End">Last day, when opened.</param>
/// <param name="EarliestAllowedEnd">The shortest allowed period's last day, when opened.</param>
/// <param name="Step">The recorded step.</param>
/// <param name="Id">The comment period's id (public: <c>GET /api/v1/consultations/{id}</c>), when one was opened.</param>
public sealed record ConsultationResponse(Guid DocumentId, bool Waived, string? WaiverReason, DateOnly? Start, DateOnly? End, DateOnly? EarliestAllowedEnd, StepDto Step, Guid? Id = null);

/// <summary>Body of <c>collective-decision</c>.</summary>
/// <param name="Meeting">The meeting, e.g. 县政府第12次常务会议.</param>
/// <param name="Date">Meeting date (yyyy-MM-dd).</param>
public sealed record CollectiveDecisionRequest(string? Meeting, DateOnly? Date);

// Registration is final: a misspelt field must not register the document under its old number unnoticed.
/// <summary>Optional body of <c>registration</c>; without one the document keeps its 发文字号.</summary>
/// <param name="DocumentNumber">
/// The 发文字号 to register the document under, when the office assigns it at issuance or the draft's is wrong
/// (e.g. 桐政发〔2026〕5号; 桐政发[2026]5号 and full-width digits are read too and stored in the canonical form).
/// </param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record RegistrationRequest(string? DocumentNumber);

/// <summary>Answer of <c>registration</c>.</summary>
/// <param name="UnifiedNumber">统一编号, e.g. ATLD00-2026-0001.</param>
/// <param name="DocumentId">The document.</param>
/// <param name="RegisteredAt">When.</param>
/// <param name="DocumentNumber">The 发文字号 it is registered under (null for a document without one).</param>
public sealed record RegistrationResponse(string UnifiedNumber, Guid DocumentId, DateTimeOffset RegisteredAt, string? DocumentNumber = null);

/// <summary>Body of <c>publication</c>.</summary>
/// <param name="Date">公布日期 (yyyy-MM-dd).</param>
/// <param name="Channel">Where: 桐庐县人民政府网站, 政府公报….</param>
/// <param name="PolicyInterpretation">政策解读 text.</param>
/// <param name="EffectiveDate">施行日期; defaults to what the document states, else the publication date.</param>
/// <param name="ValidUntil">Last day of validity; defaults to what the document states, else none.</param>
public sealed record PublicationRequest(DateOnly? Date, string? Channel, string? PolicyInterpretation, DateOnly? EffectiveDate, DateOnly? ValidUntil);

/// <summary>Answer of <c>publication</c>: the document and the filings opened with each oversight body.</summary>
/// <param name="Document">The document after publication.</param>
/// <param name="Filings">One filing per required oversight body, with its due date.</param>
public sealed record PublicationResponse(DocumentDetail Document, IReadOnlyList<FilingDto> Filings);

/// <summary>How a document ends.</summary>
public enum TerminationKindDto
{
    /// <summary>废止.</summary>
    Repealed,

    /// <summary>宣布失效.</summary>
    DeclaredInvalid,

    /// <summary>Replaced by an amended document (<c>replacedBy</c>).</summary>
    Amended,
}

/// <summary>Body of <c>repeal</c>.</summary>
/// <param name="Date">The day it stops applying (may be in the future).</param>
/// <param name="Kind">repealed (default), declared-invalid or amended.</param>
/// <param name="Reason">Why.</param>
/// <param name="ReplacedBy">The amending document, for amended.</param>
public sealed record RepealRequest(DateOnly? Date, TerminationKindDto? Kind, string? Reason, Guid? ReplacedBy);

/// <summary>How the drafter answers a finding.</summary>
public enum FindingAnswerDto
{
    /// <summary>已修改 in the next version.</summary>
    Fixed,

    /// <summary>已说明: kept, with an explanation.</summary>
    Explained,
}

/// <summary>Body of a finding answer.</summary>
/// <param name="Answer">fixed or explained.</param>
/// <param name="Note">The explanation (required for explained) or what was changed.</param>
public sealed record AnswerFindingRequest(FindingAnswerDto? Answer, string? Note);

/// <summary>A record in the register, as the caller may see it.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Title">标题.</param>
/// <param name="DocumentType">文种.</param>
/// <param name="DocumentNumber">发文字号.</param>
/// <param name="UnifiedNumber">统一编号, once registered.</param>
/// <param name="Status">Derived status today: draft, in-review, approved, decided, registered, not-yet-in-force, in-force, expired, amended, repealed, declared-invalid, revoked.</param>
/// <param name="IssuingAuthority">制定机关.</param>
/// <param name="DraftingDepartment">起草单位.</param>
/// <param name="BusinessRelated">Closely related to market entities' business.</param>
/// <param name="CreatedAt">When the first draft was uploaded.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="PublicComment">Public comment period or waiver, once recorded.</param>
/// <param name="LegalityReview">The legal office's deadline while the legality review is due (insiders only), else null.</param>
/// <param name="Decision">Collective decision, once taken.</param>
/// <param name="RegisteredAt">When the unified number was assigned.</param>
/// <param name="Publication">Publication, once published.</param>
/// <param name="EffectiveDate">施行日期.</param>
/// <param name="ValidUntil">Last day of validity, or null when none is stated.</param>
/// <param name="Termination">How it ended, if it did.</param>
/// <param name="AmendmentPlanned">A cleanup decided to amend it.</param>
/// <param name="Missing">What the next stage still needs (empty once published).</param>
/// <param name="Versions">Uploaded versions with their review reports (only the current one for public viewers).</param>
/// <param name="Steps">Recorded steps (only the public milestones for public viewers).</param>
/// <param name="Filings">Filings the caller may see.</param>
/// <param name="Participation">Public participation: comment period, feedback report, 政策解读 and objection counts, with links.</param>
public sealed record DocumentDetail(
    Guid Id,
    string Title,
    string? DocumentType,
    string? DocumentNumber,
    string? UnifiedNumber,
    DocumentStatus Status,
    OrganisationRef IssuingAuthority,
    OrganisationRef DraftingDepartment,
    bool BusinessRelated,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    PublicCommentDto? PublicComment,
    LegalityReviewDueDto? LegalityReview,
    DecisionDto? Decision,
    DateTimeOffset? RegisteredAt,
    PublicationDto? Publication,
    DateOnly? EffectiveDate,
    DateOnly? ValidUntil,
    TerminationDto? Termination,
    bool AmendmentPlanned,
    IReadOnlyList<MissingRequirement> Missing,
    IReadOnlyList<VersionDto> Versions,
    IReadOnlyList<StepDto> Steps,
    IReadOnlyList<FilingDto> Filings,
    Participation.ParticipationSummaryDto? Participation = null);

/// <summary>A line of the document list.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Title">标题.</param>
/// <param name="DocumentType">文种.</param>
/// <param name="DocumentNumber">发文字号.</param>
/// <param name="UnifiedNumber">统一编号.</param>
/// <param name="Status">Derived status today.</param>
/// <param name="IssuingAuthorityId">制定机关.</param>
/// <param name="DraftingDepartmentId">起草单位.</param>
/// <param name="PublishedOn">公布日期.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record DocumentSummary(
    Guid Id,
    string Title,
    string? DocumentType,
    string? DocumentNumber,
    string? UnifiedNumber,
    DocumentStatus Status,
    Guid IssuingAuthorityId,
    Guid DraftingDepartmentId,
    DateOnly? PublishedOn,
    DateTimeOffset UpdatedAt);

/// <summary>Public comment: an opened period or a waiver.</summary>
/// <param name="Start">First day.</param>
/// <param name="End">Last day.</param>
/// <param name="WaiverReason">Why none was held.</param>
public sealed record PublicCommentDto(DateOnly? Start, DateOnly? End, string? WaiverReason);

/// <summary>When the legality review is due: counted in working days from the day it could start.</summary>
/// <param name="RequestedOn">The day every earlier review was complete (or the drafter answered a return).</param>
/// <param name="DueDate">The last day for the review (RequestedOn + the configured working days, 15 by default).</param>
/// <param name="DueDateEstimated">True when the count used the weekend-only fallback.</param>
/// <param name="Overdue">Past the due date today.</param>
public sealed record LegalityReviewDueDto(DateOnly RequestedOn, DateOnly DueDate, bool DueDateEstimated, bool Overdue);

/// <summary>集体审议决定.</summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="Date">Its date.</param>
public sealed record DecisionDto(string Meeting, DateOnly Date);

/// <summary>统一发布.</summary>
/// <param name="Date">公布日期.</param>
/// <param name="Channel">Where.</param>
/// <param name="PolicyInterpretation">政策解读.</param>
public sealed record PublicationDto(DateOnly Date, string Channel, string? PolicyInterpretation);

/// <summary>How and when the document ended.</summary>
/// <param name="Kind">repealed, declared-invalid, amended or revoked.</param>
/// <param name="Date">From when.</param>
/// <param name="Reason">Why.</param>
/// <param name="ReplacedBy">The amending document.</param>
public sealed record TerminationDto(TerminationKind Kind, DateOnly Date, string? Reason, Guid? ReplacedBy);

/// <summary>An uploaded version with what the reader found and the review report.</summary>
/// <param name="Number">1-based.</param>
/// <param name="UploadedAt">When.</param>
/// <param name="UploadedBy">Who.</param>
/// <param name="FileName">As uploaded.</param>
/// <param name="FileSha256">SHA-256 of the file.</param>
/// <param name="FileSize">Bytes.</param>
/// <param name="Title">Title the reader found.</param>
/// <param name="DocumentNumber">发文字号 the reader found.</param>
/// <param name="ParseWarnings">Reader warnings.</param>
/// <param name="Review">Review state and counts.</param>
/// <param name="Findings">The findings with the drafter's answers.</param>
public sealed record VersionDto(
    int Number,
    DateTimeOffset UploadedAt,
    string UploadedBy,
    string FileName,
    string FileSha256,
    long FileSize,
    string? Title,
    string? DocumentNumber,
    int ParseWarnings,
    VersionReviewDto Review,
    IReadOnlyList<VersionFindingDto> Findings);

/// <summary>Whether the review engine ran, and the counts by severity.</summary>
/// <param name="State">completed or unavailable.</param>
/// <param name="Note">Why it is unavailable.</param>
/// <param name="Errors">Error findings.</param>
/// <param name="Warnings">Warning findings.</param>
/// <param name="Infos">Info findings.</param>
/// <param name="UnansweredErrors">Error findings without an answer (they block the legality review).</param>
public sealed record VersionReviewDto(ReviewState State, string? Note, int Errors, int Warnings, int Infos, int UnansweredErrors);

/// <summary>A review finding and the drafter's answer.</summary>
/// <param name="Id">Finding id (answer it at <c>/findings/{id}/answer</c>).</param>
/// <param name="RuleId">Stable rule id.</param>
/// <param name="Step">fair-competition, gender-equality, health, legality or drafting.</param>
/// <param name="Severity">error, warning or info.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Excerpt">The flagged text.</param>
/// <param name="Location">Where.</param>
/// <param name="Basis">Legal basis.</param>
/// <param name="Suggestion">What to do.</param>
/// <param name="Answer">fixed or explained, or null.</param>
/// <param name="AnswerNote">The drafter's note.</param>
/// <param name="AnsweredAt">When answered.</param>
public sealed record VersionFindingDto(
    Guid Id,
    string RuleId,
    Core.Review.ReviewStep Step,
    Core.Review.Severity Severity,
    string Message,
    string Excerpt,
    FindingLocationDto Location,
    IReadOnlyList<Core.Review.LegalBasis> Basis,
    string? Suggestion,
    FindingAnswerKind? Answer,
    string? AnswerNote,
    DateTimeOffset? AnsweredAt);

/// <summary>A recorded step.</summary>
/// <param name="Sequence">Order.</param>
/// <param name="Kind">What was done.</param>
/// <param name="Outcome">recorded, passed, returned or not-applicable.</param>
/// <param name="Opinion">Attached opinion.</param>
/// <param name="Detail">Meeting, channel, waiver reason, unified number….</param>
/// <param name="Date">Date the step refers to.</param>
/// <param name="Version">Version it was taken on.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When recorded.</param>
public sealed record StepDto(
    int Sequence,
    StepKind Kind,
    StepOutcome Outcome,
    string? Opinion,
    string? Detail,
    DateOnly? Date,
    int Version,
    OrganisationRef Actor,
    DateTimeOffset At);

/// <summary>A filing (备案) with an oversight body.</summary>
/// <param name="Id">Filing id.</param>
/// <param name="DocumentId">The filed document.</param>
/// <param name="DocumentTitle">Its title.</param>
/// <param name="UnifiedNumber">Its unified number.</param>
/// <param name="IssuingAuthority">制定机关.</param>
/// <param name="Recipient">The oversight body.</param>
/// <param name="Status">submitted, returned, received, no-issues, correction-required, corrected or revoked.</param>
/// <param name="PublishedOn">Publication date the period runs from.</param>
/// <param name="Period">The filing period, e.g. 30日.</param>
/// <param name="DueDate">Last day for a complete filing (yyyy-MM-dd), counted over the holiday calendar.</param>
/// <param name="DueDateEstimated">True when no holiday notice covers the due date's year yet (weekends only).</param>
/// <param name="Overdue">Derived now: returned and not resubmitted by the due date, or correction past its deadline.</param>
/// <param name="SubmittedOn">Latest submission.</param>
/// <param name="SubmittedLate">Whether that submission came after the due date.</param>
/// <param name="Submissions">Number of submissions.</param>
/// <param name="ReceivedAt">Formal check passed.</param>
/// <param name="ReturnReason">Why it was last returned.</param>
/// <param name="Opinion">Review opinion.</param>
/// <param name="OpinionText">Its text.</param>
/// <param name="CorrectionDueDate">Correction deadline.</param>
/// <param name="CorrectionNote">The recorded correction.</param>
/// <param name="CorrectedAt">When corrected.</param>
public sealed record FilingDto(
    Guid Id,
    Guid DocumentId,
    string DocumentTitle,
    string? UnifiedNumber,
    OrganisationRef IssuingAuthority,
    OrganisationRef Recipient,
    FilingStatus Status,
    DateOnly PublishedOn,
    string Period,
    DateOnly DueDate,
    bool DueDateEstimated,
    bool Overdue,
    DateOnly SubmittedOn,
    bool SubmittedLate,
    int Submissions,
    DateTimeOffset? ReceivedAt,
    string? ReturnReason,
    FilingOpinion? Opinion,
    string? OpinionText,
    DateOnly? CorrectionDueDate,
    string? CorrectionNote,
    DateTimeOffset? CorrectedAt)
{
    public static FilingDto From(OversightFiling f, DateOnly today) => new(
        f.Id, f.DocumentId, f.DocumentTitle, f.UnifiedNumber,
        new OrganisationRef(f.IssuingAuthorityId, f.IssuingAuthorityName),
        new OrganisationRef(f.RecipientId, f.RecipientName),
        f.Status, f.PublishedOn, f.Period.ToString(), f.DueDate, f.DueDateEstimated, f.IsOverdueOn(today),
        f.SubmittedOn, f.SubmittedLate, f.Submissions, f.ReceivedAt, f.ReturnReason, f.Opinion, f.OpinionText,
        f.CorrectionDueDate, f.CorrectionNote, f.CorrectedAt);
}

/// <summary>Body of a filing's <c>return</c>.</summary>
/// <param name="Reason">What is missing or wrong (formal check).</param>
public sealed record FilingReturnRequest(string? Reason);

/// <summary>Body of a filing's <c>resubmission</c>.</summary>
/// <param name="Note">What was added or fixed.</param>
public sealed record FilingResubmissionRequest(string? Note);

/// <summary>Body of a filing's <c>opinion</c>.</summary>
/// <param name="Opinion">no-problem, correction-required or revocation.</param>
/// <param name="Text">The written opinion (required unless no-problem).</param>
/// <param name="CorrectionDueDate">Correction deadline; defaults to the configured period (two months) from today.</param>
public sealed record FilingOpinionRequest(FilingOpinion? Opinion, string? Text, DateOnly? CorrectionDueDate);

/// <summary>Body of a filing's <c>correction</c>.</summary>
/// <param name="Note">What the issuing authority corrected.</param>
public sealed record FilingCorrectionRequest(string? Note);

/// <summary>Body of <c>POST /api/v1/cleanups</c>.</summary>
/// <param name="IssuingAuthorityId">The authority whose documents are cleaned up; defaults to the caller's government.</param>
/// <param name="Title">Campaign title.</param>
public sealed record CreateCleanupRequest(Guid? IssuingAuthorityId, string? Title);

/// <summary>One decision of a cleanup.</summary>
/// <param name="DocumentId">A listed document.</param>
/// <param name="Decision">continue, amend, repeal or declare-invalid.</param>
/// <param name="Reason">Why (required unless continue).</param>
public sealed record CleanupDecisionRequest(Guid? DocumentId, CleanupDecision? Decision, string? Reason);

/// <summary>Body of <c>POST /api/v1/cleanups/{id}/decisions</c>: one or more decisions.</summary>
/// <param name="Decisions">The decisions.</param>
public sealed record CleanupDecisionsRequest(IReadOnlyList<CleanupDecisionRequest>? Decisions);

/// <summary>Body of <c>POST /api/v1/cleanups/{id}/publication</c>.</summary>
/// <param name="Date">Publication date of the lists.</param>
public sealed record CleanupPublicationRequest(DateOnly? Date);

/// <summary>A cleanup campaign with its four lists.</summary>
/// <param name="Id">Campaign id.</param>
/// <param name="Title">Title.</param>
/// <param name="IssuingAuthority">Whose documents.</param>
/// <param name="Status">open or published.</param>
/// <param name="OpenedOn">Opening day.</param>
/// <param name="PublishedOn">Publication day of the lists.</param>
/// <param name="NextCleanupDueOn">When the next campaign is due (interval from configuration; Zhejiang: two years).</param>
/// <param name="Undecided">Listed documents still without a decision.</param>
/// <param name="Items">Every listed document and its decision.</param>
/// <param name="Lists">The four lists: continue (继续有效), amend (拟修改), repeal (废止), declare-invalid (宣布失效).</param>
public sealed record CleanupDto(
    Guid Id,
    string Title,
    OrganisationRef IssuingAuthority,
    CleanupStatus Status,
    DateOnly OpenedOn,
    DateOnly? PublishedOn,
    DateOnly? NextCleanupDueOn,
    int Undecided,
    IReadOnlyList<CleanupItemDto> Items,
    CleanupListsDto Lists);

/// <summary>One listed document.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Title">Title.</param>
/// <param name="UnifiedNumber">统一编号.</param>
/// <param name="DocumentNumber">发文字号.</param>
/// <param name="Decision">The decision, or null.</param>
/// <param name="Reason">Why.</param>
/// <param name="DecidedAt">When.</param>
public sealed record CleanupItemDto(Guid DocumentId, string Title, string? UnifiedNumber, string? DocumentNumber, CleanupDecision? Decision, string? Reason, DateTimeOffset? DecidedAt);

/// <summary>The four published lists (ids of listed documents).</summary>
/// <param name="Continue">继续有效.</param>
/// <param name="Amend">拟修改.</param>
/// <param name="Repeal">废止.</param>
/// <param name="DeclareInvalid">宣布失效.</param>
public sealed record CleanupListsDto(IReadOnlyList<Guid> Continue, IReadOnlyList<Guid> Amend, IReadOnlyList<Guid> Repeal, IReadOnlyList<Guid> DeclareInvalid);

/// <summary>One audit entry.</summary>
/// <param name="Sequence">Position in the document's chain.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="ActorOrganisationId">Acting organisation.</param>
/// <param name="Action">What, e.g. step.legality-review.</param>
/// <param name="Subject">What inside the document (filing, finding), if anything.</param>
/// <param name="OldValue">Before (JSON).</param>
/// <param name="NewValue">After (JSON).</param>
/// <param name="Hash">This entry's hash.</param>
/// <param name="PreviousHash">The previous entry's hash.</param>
public sealed record AuditEntryDto(int Sequence, DateTimeOffset At, string Actor, Guid? ActorOrganisationId, string Action, string? Subject, string? OldValue, string? NewValue, string Hash, string PreviousHash);

/// <summary>The result of verifying a document's audit chain.</summary>
/// <param name="Valid">Whether the chain is intact.</param>
/// <param name="Entries">Entries checked.</param>
/// <param name="FirstInvalidSequence">Where it breaks.</param>
/// <param name="Problem">What is wrong.</param>
public sealed record AuditVerifyResponse(bool Valid, int Entries, int? FirstInvalidSequence, string? Problem);

internal static class Dates
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Kebab<T>(T value) where T : struct, Enum => JsonNaming.Kebab(value.ToString());
}
