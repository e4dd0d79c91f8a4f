using Filing.Api.Documents;
using Filing.Api.Register;
using Filing.Core.Participation;

namespace Filing.Api.Participation;

// Request and response shapes of public participation. Nothing in a public shape carries a name, phone number,
// e-mail address or ID number: those appear only in the Desk*/Case* shapes, returned to the handling office.

/// <summary>A comment period in a list.</summary>
/// <param name="Id">Consultation id.</param>
/// <param name="DocumentId">The draft's record (not public until the document is published).</param>
/// <param name="Title">The draft's title.</param>
/// <param name="IssuingAuthority">制定机关.</param>
/// <param name="DraftingDepartment">起草单位 that runs the period.</param>
/// <param name="Start">First day comments are taken.</param>
/// <param name="End">Last day comments are taken (until 24:00 Beijing time).</param>
/// <param name="Status">scheduled, open, ended, closed or feedback-published.</param>
/// <param name="BusinessRelated">Closely related to market entities' business (at least 30 days).</param>
/// <param name="Comments">Comments shown publicly.</param>
/// <param name="FeedbackPublishedOn">When the feedback report (意见采纳情况) was published.</param>
public sealed record ConsultationSummary(
    Guid Id,
    Guid DocumentId,
    string Title,
    OrganisationRef IssuingAuthority,
    OrganisationRef DraftingDepartment,
    DateOnly Start,
    DateOnly End,
    ConsultationStatus Status,
    bool BusinessRelated,
    int Comments,
    DateOnly? FeedbackPublishedOn);

/// <summary>A comment period with the draft's text as structure and how to comment.</summary>
/// <param name="Id">Consultation id.</param>
/// <param name="DocumentId">The draft's record.</param>
/// <param name="Title">The draft's title.</param>
/// <param name="IssuingAuthority">制定机关.</param>
/// <param name="DraftingDepartment">起草单位.</param>
/// <param name="Status">scheduled, open, ended, closed or feedback-published.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Last day.</param>
/// <param name="Deadline">The last moment a comment is taken: 24:00 Beijing time on the last day.</param>
/// <param name="BusinessRelated">At least 30 days because closely related to business.</param>
/// <param name="MinimumRule">The minimum that applied (7个工作日 or 30日且不少于7个工作日).</param>
/// <param name="EarliestAllowedEnd">The earliest last day the rules allowed for this start.</param>
/// <param name="Comments">Comments shown publicly.</param>
/// <param name="ClosedOn">When the drafting department closed it.</param>
/// <param name="FeedbackPublishedOn">When the feedback report was published.</param>
/// <param name="HowToComment">Where and how to send a comment.</param>
/// <param name="Draft">The draft's text as the reader found it: paragraphs with their structure paths, outline and articles.</param>
public sealed record ConsultationDetail(
    Guid Id,
    Guid DocumentId,
    string Title,
    OrganisationRef IssuingAuthority,
    OrganisationRef DraftingDepartment,
    ConsultationStatus Status,
    DateOnly Start,
    DateOnly End,
    DateTimeOffset Deadline,
    bool BusinessRelated,
    string MinimumRule,
    DateOnly EarliestAllowedEnd,
    int Comments,
    DateOnly? ClosedOn,
    DateOnly? FeedbackPublishedOn,
    HowToCommentDto HowToComment,
    DraftTextDto? Draft);

/// <summary>How to send a comment.</summary>
/// <param name="Url">POST a comment here (JSON), no key needed.</param>
/// <param name="Accepting">Whether comments are taken today.</param>
/// <param name="Deadline">Last moment, Beijing time.</param>
/// <param name="MaxLength">Longest comment, in characters.</param>
/// <param name="Fields">What the body may hold.</param>
/// <param name="Privacy">Who sees names and contact details.</param>
/// <param name="CommentsUrl">The comments shown publicly.</param>
/// <param name="FeedbackReportUrl">The feedback report (意见采纳情况), once published.</param>
public sealed record HowToCommentDto(string Url, bool Accepting, DateTimeOffset Deadline, int MaxLength, string Fields, string Privacy, string CommentsUrl, string? FeedbackReportUrl);

/// <summary>The draft's text.</summary>
/// <param name="Version">The draft version put out for comment.</param>
/// <param name="Title">标题.</param>
/// <param name="DocumentNumber">发文字号, if the draft has one.</param>
/// <param name="Form">articles (第X条) or outline (一、（一）).</param>
/// <param name="Outline">Headings with their paths.</param>
/// <param name="Articles">Articles with their 款, 项 and paths.</param>
/// <param name="Paragraphs">Every paragraph with its index and structure path; quote from these.</param>
public sealed record DraftTextDto(int Version, string? Title, string? DocumentNumber, string Form, IReadOnlyList<OutlineNodeDto> Outline,
    IReadOnlyList<ArticleDto> Articles, IReadOnlyList<DraftParagraphDto> Paragraphs);

/// <summary>A paragraph of the draft.</summary>
/// <param name="Index">Paragraph index (anchors point here).</param>
/// <param name="Text">Text.</param>
/// <param name="Path">Structure path, if inside the normative text.</param>
/// <param name="Role">title, heading, body….</param>
public sealed record DraftParagraphDto(int Index, string Text, string? Path, string Role);

/// <summary>Body of <c>POST /api/v1/consultations/{id}/comments</c>.</summary>
/// <param name="Text">The comment (required).</param>
/// <param name="Name">Your name, optional; seen only by the drafting department.</param>
/// <param name="Organisation">Company or association you speak for, optional; seen only by the drafting department.</param>
/// <param name="Contact">How to reach you, optional; seen only by the drafting department.</param>
/// <param name="Anchor">What the comment is about: a structure path (第三条, 二、（一）) and/or a quoted passage.</param>
public sealed record SubmitCommentRequest(string? Text, string? Name, string? Organisation, CommentContactRequest? Contact, CommentAnchorRequest? Anchor);

/// <summary>Contact details of a commenter.</summary>
/// <param name="Phone">Phone number.</param>
/// <param name="Email">E-mail address.</param>
public sealed record CommentContactRequest(string? Phone, string? Email);

/// <summary>Where a comment points.</summary>
/// <param name="Path">Structure path of the draft (第三条, 第三条第二款, 二、（一）); 第3条 and half-width brackets are accepted.</param>
/// <param name="Quote">A passage copied from one paragraph of the draft; it must occur exactly once (within the path, if one is given).</param>
public sealed record CommentAnchorRequest(string? Path, string? Quote);

/// <summary>Where a comment points, as placed in the draft.</summary>
/// <param name="Path">Structure path.</param>
/// <param name="Quote">Quoted passage.</param>
/// <param name="Paragraph">Paragraph index.</param>
/// <param name="Start">Offset of the quote in the paragraph.</param>
/// <param name="Length">Length of the quote.</param>
public sealed record CommentAnchorDto(string? Path, string? Quote, int? Paragraph, int? Start, int? Length);

/// <summary>The answer of <c>POST /api/v1/consultations/{id}/comments</c>.</summary>
/// <param name="Id">Comment id.</param>
/// <param name="Number">Its number in the period (意见 #n).</param>
/// <param name="ConsultationId">The period.</param>
/// <param name="SubmittedAt">When it was received.</param>
/// <param name="Anchor">Where it points.</param>
/// <param name="DuplicateOf">Number of an earlier comment with the same text, to which it is linked.</param>
/// <param name="Message">Receipt text.</param>
public sealed record CommentReceipt(Guid Id, int Number, Guid ConsultationId, DateTimeOffset SubmittedAt, CommentAnchorDto? Anchor, int? DuplicateOf, string Message);

/// <summary>An answer to comments.</summary>
/// <param name="Outcome">adopted, partly-adopted or not-adopted.</param>
/// <param name="Reason">Why.</param>
/// <param name="AnsweredAt">When.</param>
public sealed record CommentAnswerDto(AnswerOutcome Outcome, string? Reason, DateTimeOffset AnsweredAt);

/// <summary>A comment as shown publicly: no name, no contact, personal data in the text masked.</summary>
/// <param name="Number">意见 #n.</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="Text">The comment, with phone numbers, e-mail addresses and ID numbers masked.</param>
/// <param name="Anchor">Where it points.</param>
/// <param name="DuplicateOf">The earlier comment it repeats.</param>
/// <param name="Answer">The answer, once the feedback report is published.</param>
public sealed record PublicCommentView(int Number, DateTimeOffset SubmittedAt, string Text, CommentAnchorDto? Anchor, int? DuplicateOf, CommentAnswerDto? Answer);

/// <summary>A comment on the drafting department's desk, with everything.</summary>
/// <param name="Id">Comment id.</param>
/// <param name="Number">意见 #n.</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="Text">As sent.</param>
/// <param name="Anchor">Where it points.</param>
/// <param name="DuplicateOf">The earlier comment it repeats.</param>
/// <param name="Submitter">Name, organisation and contact, when given.</param>
/// <param name="Hidden">Hidden from public views.</param>
/// <param name="HiddenReason">Why.</param>
/// <param name="HiddenAt">When.</param>
/// <param name="HiddenBy">By whom.</param>
/// <param name="Answer">Its answer (own or followed).</param>
/// <param name="AnswerFollowed">True when the answer is the earlier comment's, which this one repeats.</param>
public sealed record DeskCommentView(Guid Id, int Number, DateTimeOffset SubmittedAt, string Text, CommentAnchorDto? Anchor, int? DuplicateOf,
    CommentSubmitterDto? Submitter, bool Hidden, string? HiddenReason, DateTimeOffset? HiddenAt, string? HiddenBy, CommentAnswerDto? Answer, bool AnswerFollowed);

/// <summary>Who sent a comment (drafting department only).</summary>
/// <param name="Name">Name.</param>
/// <param name="Organisation">Organisation.</param>
/// <param name="Phone">Phone.</param>
/// <param name="Email">E-mail.</param>
public sealed record CommentSubmitterDto(string? Name, string? Organisation, string? Phone, string? Email);

/// <summary>Body of a comment's <c>hide</c>.</summary>
/// <param name="Reason">Why it leaves public view (spam, abuse, personal data, off topic…).</param>
public sealed record HideCommentRequest(string? Reason);

/// <summary>Body of <c>POST /api/v1/consultations/{id}/answers</c>: one answer for one comment or a group on the same point.</summary>
/// <param name="Comments">Numbers of the comments answered.</param>
/// <param name="Outcome">adopted, partly-adopted or not-adopted.</param>
/// <param name="Reason">Why (required unless adopted).</param>
public sealed record AnswerCommentsRequest(IReadOnlyList<int>? Comments, AnswerOutcome? Outcome, string? Reason);

/// <summary>A recorded answer.</summary>
/// <param name="Id">Answer id.</param>
/// <param name="Outcome">Outcome.</param>
/// <param name="Reason">Reason.</param>
/// <param name="Comments">The comments it answers.</param>
/// <param name="Unanswered">Visible comments still without an answer.</param>
public sealed record AnswerResponse(Guid Id, AnswerOutcome Outcome, string? Reason, IReadOnlyList<int> Comments, int Unanswered);

/// <summary>Where a period stands after closing it.</summary>
/// <param name="Id">Consultation id.</param>
/// <param name="Status">closed.</param>
/// <param name="ClosedOn">Day closed.</param>
/// <param name="Comments">Comments received.</param>
/// <param name="Unanswered">Visible comments to answer before the feedback report can be published.</param>
public sealed record ConsultationClosed(Guid Id, ConsultationStatus Status, DateOnly ClosedOn, int Comments, int Unanswered);

/// <summary>Body of <c>POST /api/v1/consultations/{id}/feedback-report</c>.</summary>
/// <param name="Summary">The department's summary (e.g. 共收到意见12条，采纳5条…).</param>
public sealed record PublishFeedbackRequest(string? Summary);

/// <summary>意见采纳情况: what became of the comments.</summary>
/// <param name="ConsultationId">The period.</param>
/// <param name="DocumentId">The document.</param>
/// <param name="Title">The draft's title.</param>
/// <param name="Start">First day of the period.</param>
/// <param name="End">Last day.</param>
/// <param name="PublishedOn">When the report was published (null: a preview for the drafting department).</param>
/// <param name="Summary">The department's summary.</param>
/// <param name="Received">Comments received.</param>
/// <param name="Hidden">Hidden by moderation (not listed).</param>
/// <param name="Duplicates">Visible comments repeating an earlier one.</param>
/// <param name="Adopted">Adopted.</param>
/// <param name="PartlyAdopted">Partly adopted.</param>
/// <param name="NotAdopted">Not adopted.</param>
/// <param name="Unanswered">Still unanswered (zero once published).</param>
/// <param name="Entries">Each answer with the comments it covers.</param>
public sealed record FeedbackReportDto(Guid ConsultationId, Guid DocumentId, string Title, DateOnly Start, DateOnly End, DateOnly? PublishedOn, string? Summary,
    int Received, int Hidden, int Duplicates, int Adopted, int PartlyAdopted, int NotAdopted, int Unanswered, IReadOnlyList<FeedbackEntryDto> Entries);

/// <summary>One answer in the feedback report.</summary>
/// <param name="Outcome">Outcome.</param>
/// <param name="Reason">Reason.</param>
/// <param name="Comments">The comments it covers (personal data masked).</param>
public sealed record FeedbackEntryDto(AnswerOutcome Outcome, string? Reason, IReadOnlyList<FeedbackCommentDto> Comments);

/// <summary>A comment in the feedback report.</summary>
/// <param name="Number">意见 #n.</param>
/// <param name="Text">Text, personal data masked.</param>
/// <param name="Anchor">Where it points.</param>
/// <param name="DuplicateOf">The earlier comment it repeats.</param>
public sealed record FeedbackCommentDto(int Number, string Text, CommentAnchorDto? Anchor, int? DuplicateOf);

/// <summary>Body of <c>POST /api/v1/objections</c> (审查建议).</summary>
/// <param name="DocumentId">The published document objected to.</param>
/// <param name="Articles">The articles objected to, as structure paths (第三条, 二、（一）); omit for the whole document.</param>
/// <param name="Grounds">Why it is unlawful or inappropriate (required).</param>
/// <param name="Contact">How to reach you, optional; seen only by the office handling the objection.</param>
public sealed record SubmitObjectionRequest(Guid? DocumentId, IReadOnlyList<string>? Articles, string? Grounds, ObjectionContactRequest? Contact);

/// <summary>Contact details of the person objecting (handling office only).</summary>
/// <param name="Name">Name.</param>
/// <param name="Phone">Phone.</param>
/// <param name="Email">E-mail; the reply notice goes here.</param>
/// <param name="IdNumber">居民身份证号码, if you want to give it.</param>
public sealed record ObjectionContactRequest(string? Name, string? Phone, string? Email, string? IdNumber);

/// <summary>The answer of <c>POST /api/v1/objections</c>: keep both values, the secret is shown only now.</summary>
/// <param name="TrackingCode">Human-friendly handle, e.g. 2024-7K3M-9QX2.</param>
/// <param name="Secret">Send it as <c>X-Objection-Secret</c> to follow the objection; it is stored only as a hash and cannot be shown again.</param>
/// <param name="ReceivedOn">Day of receipt (Beijing).</param>
/// <param name="DueDate">Last day for the written reply.</param>
/// <param name="HandlingPeriod">The handling period applied (60日).</param>
/// <param name="StatusUrl">Where to follow it.</param>
/// <param name="Message">Receipt text.</param>
public sealed record ObjectionReceipt(string TrackingCode, string Secret, DateOnly ReceivedOn, DateOnly DueDate, string HandlingPeriod, string StatusUrl, string Message);

/// <summary>What the person who sent an objection sees with the tracking code and secret.</summary>
/// <param name="TrackingCode">Tracking code.</param>
/// <param name="DocumentId">The document.</param>
/// <param name="DocumentTitle">Its title.</param>
/// <param name="DocumentNumber">Its 发文字号.</param>
/// <param name="Articles">The articles objected to.</param>
/// <param name="Grounds">The grounds as sent.</param>
/// <param name="Status">received, accepted, not-accepted, transferred, under-review, concluded or replied.</param>
/// <param name="Outcome">pending, not-accepted, transferred, no-problem, correction-requested or revocation-proposed.</param>
/// <param name="ReceivedOn">Day of receipt.</param>
/// <param name="DueDate">Last day for the reply.</param>
/// <param name="Overdue">No reply and the due date has passed.</param>
/// <param name="TransferredTo">The body it was transferred to.</param>
/// <param name="Timeline">Each step with its date and what you are told.</param>
/// <param name="Reply">The written reply, once given.</param>
public sealed record ObjectionStatusView(string TrackingCode, Guid DocumentId, string DocumentTitle, string? DocumentNumber, IReadOnlyList<string> Articles,
    string Grounds, ObjectionStatus Status, ObjectionOutcome Outcome, DateOnly ReceivedOn, DateOnly DueDate, bool Overdue, string? TransferredTo,
    IReadOnlyList<ObjectionTimelineEntry> Timeline, ObjectionReplyDto? Reply);

/// <summary>A step on the submitter's timeline.</summary>
/// <param name="Kind">received, accepted, not-accepted, transferred, review-started, concluded or replied.</param>
/// <param name="On">Day.</param>
/// <param name="Detail">What the submitter is told.</param>
public sealed record ObjectionTimelineEntry(ObjectionEventKind Kind, DateOnly On, string? Detail);

/// <summary>The written reply.</summary>
/// <param name="Text">The reply.</param>
/// <param name="RepliedOn">Day.</param>
/// <param name="WithinDeadline">Whether it came on or before the due date.</param>
public sealed record ObjectionReplyDto(string Text, DateOnly RepliedOn, bool WithinDeadline);

/// <summary>An objection in the handling office's queue, with everything.</summary>
/// <param name="Id">Id.</param>
/// <param name="TrackingCode">Tracking code.</param>
/// <param name="DocumentId">The document.</param>
/// <param name="DocumentTitle">Title.</param>
/// <param name="DocumentNumber">发文字号.</param>
/// <param name="UnifiedNumber">统一编号.</param>
/// <param name="Articles">Articles objected to.</param>
/// <param name="Grounds">Grounds.</param>
/// <param name="Contact">Contact details (handling office only; null for others and when none was given).</param>
/// <param name="Status">Status.</param>
/// <param name="Outcome">Outcome.</param>
/// <param name="ReceivedOn">Day of receipt.</param>
/// <param name="DueDate">Last day for the reply.</param>
/// <param name="DueDateEstimated">True when no holiday notice covers the due date's year yet.</param>
/// <param name="HandlingPeriod">Period applied.</param>
/// <param name="Overdue">Unanswered past the due date (derived today).</param>
/// <param name="DuplicateOf">Tracking code of an earlier objection with the same grounds against the same document.</param>
/// <param name="NonAcceptance">Why not accepted.</param>
/// <param name="TransferredTo">Body it was transferred to.</param>
/// <param name="TriageReason">Stated reason of the triage decision.</param>
/// <param name="Conclusion">Review conclusion.</param>
/// <param name="ConclusionText">Findings.</param>
/// <param name="ReplyText">The written reply.</param>
/// <param name="RepliedOn">Day of the reply.</param>
/// <param name="Events">Every step with internal notes.</param>
public sealed record ObjectionCaseView(Guid Id, string TrackingCode, Guid DocumentId, string DocumentTitle, string? DocumentNumber, string? UnifiedNumber,
    IReadOnlyList<string> Articles, string Grounds, ObjectionContactDto? Contact, ObjectionStatus Status, ObjectionOutcome Outcome, DateOnly ReceivedOn,
    DateOnly DueDate, bool DueDateEstimated, string HandlingPeriod, bool Overdue, string? DuplicateOf, NonAcceptanceReason? NonAcceptance,
    OrganisationRef? TransferredTo, string? TriageReason, ObjectionConclusion? Conclusion, string? ConclusionText, string? ReplyText, DateOnly? RepliedOn,
    IReadOnlyList<ObjectionCaseEvent> Events);

/// <summary>Contact details of the person objecting.</summary>
/// <param name="Name">Name.</param>
/// <param name="Phone">Phone.</param>
/// <param name="Email">E-mail.</param>
/// <param name="IdNumber">ID number.</param>
public sealed record ObjectionContactDto(string? Name, string? Phone, string? Email, string? IdNumber);

/// <summary>A step of an objection with the office's note.</summary>
/// <param name="Sequence">Order.</param>
/// <param name="Kind">What happened.</param>
/// <param name="On">Day.</param>
/// <param name="At">When recorded.</param>
/// <param name="Actor">Who recorded it.</param>
/// <param name="Detail">What the submitter is told.</param>
/// <param name="Note">Internal note.</param>
public sealed record ObjectionCaseEvent(int Sequence, ObjectionEventKind Kind, DateOnly On, DateTimeOffset At, string Actor, string? Detail, string? Note);

/// <summary>The triage decision.</summary>
public enum TriageDecision
{
    /// <summary>受理.</summary>
    Accepted,

    /// <summary>不予受理 (reasonKind and reason required).</summary>
    NotAccepted,

    /// <summary>移送 to another body (transferTo and reason required).</summary>
    Transferred,
}

/// <summary>Body of <c>triage</c>.</summary>
/// <param name="Decision">accepted, not-accepted or transferred.</param>
/// <param name="ReasonKind">For not-accepted: not-normative-document, duplicate, outside-remit or other.</param>
/// <param name="Reason">The reason the submitter reads (not-accepted, transferred).</param>
/// <param name="TransferTo">For transferred: the organisation id of the competent body (e.g. the 人大常委会 filing office).</param>
/// <param name="Note">Internal note.</param>
public sealed record TriageRequest(TriageDecision? Decision, NonAcceptanceReason? ReasonKind, string? Reason, Guid? TransferTo, string? Note);

/// <summary>Body of <c>review</c>.</summary>
/// <param name="Note">Internal note (e.g. 已函请制定机关说明).</param>
public sealed record ObjectionReviewRequest(string? Note);

/// <summary>Body of <c>conclusion</c>.</summary>
/// <param name="Conclusion">no-problem, correction-requested or revocation-proposed.</param>
/// <param name="Text">The findings (required).</param>
public sealed record ObjectionConclusionRequest(ObjectionConclusion? Conclusion, string? Text);

/// <summary>Body of <c>reply</c>.</summary>
/// <param name="Text">The written reply to the submitter (required).</param>
public sealed record ObjectionReplyRequest(string? Text);

/// <summary>Published aggregates of objections: no personal data, no grounds.</summary>
/// <param name="AsOf">The day the counts are for (overdue depends on it).</param>
/// <param name="ByYear">Per year of receipt.</param>
/// <param name="ByDocument">Per document.</param>
public sealed record ObjectionStatisticsResponse(DateOnly AsOf, IReadOnlyList<ObjectionYearDto> ByYear, IReadOnlyList<ObjectionDocumentDto> ByDocument);

/// <summary>One year's counts.</summary>
/// <param name="Year">Year of receipt.</param>
/// <param name="Counts">Counts.</param>
public sealed record ObjectionYearDto(int Year, ObjectionCountsDto Counts);

/// <summary>One document's counts.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Title">Title.</param>
/// <param name="UnifiedNumber">统一编号.</param>
/// <param name="Counts">Counts.</param>
public sealed record ObjectionDocumentDto(Guid DocumentId, string Title, string? UnifiedNumber, ObjectionCountsDto Counts);

/// <summary>Counts of objections.</summary>
/// <param name="Received">Received.</param>
/// <param name="Answered">Given their written reply.</param>
/// <param name="AnsweredWithinDeadline">Replied on or before the due date.</param>
/// <param name="Overdue">Unanswered past the due date.</param>
/// <param name="MedianDaysToReply">Median calendar days from receipt to reply.</param>
/// <param name="Pending">Outcome still open.</param>
/// <param name="NotAccepted">Not accepted.</param>
/// <param name="Transferred">Transferred.</param>
/// <param name="NoProblem">No problem found.</param>
/// <param name="CorrectionRequested">Issuing authority asked to correct.</param>
/// <param name="RevocationProposed">Revocation proposed.</param>
public sealed record ObjectionCountsDto(int Received, int Answered, int AnsweredWithinDeadline, int Overdue, double? MedianDaysToReply,
    int Pending, int NotAccepted, int Transferred, int NoProblem, int CorrectionRequested, int RevocationProposed)
{
    public static ObjectionCountsDto From(ObjectionCounts c) => new(c.Received, c.Answered, c.AnsweredWithinDeadline, c.Overdue, c.MedianDaysToReply,
        c.Outcomes[ObjectionOutcome.Pending], c.Outcomes[ObjectionOutcome.NotAccepted], c.Outcomes[ObjectionOutcome.Transferred],
        c.Outcomes[ObjectionOutcome.NoProblem], c.Outcomes[ObjectionOutcome.CorrectionRequested], c.Outcomes[ObjectionOutcome.RevocationProposed]);
}

/// <summary>Public participation around one document: what the register detail links to.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Consultation">Its comment period, if one was held (or the waiver reason, for insiders, is on the document).</param>
/// <param name="FeedbackReportUrl">The feedback report (意见采纳情况), once published.</param>
/// <param name="PolicyInterpretation">The 政策解读 published with it.</param>
/// <param name="Objections">Aggregate counts of objections to it.</param>
/// <param name="Events">Dated participation events for the document's timeline (no personal data).</param>
public sealed record DocumentParticipationDto(Guid DocumentId, ConsultationSummary? Consultation, string? FeedbackReportUrl,
    PolicyInterpretationDto? PolicyInterpretation, ObjectionCountsDto Objections, IReadOnlyList<ParticipationEventDto> Events);

/// <summary>The 政策解读.</summary>
/// <param name="Source">text (typed at publication) or word (read from a Word file).</param>
/// <param name="Title">Title read from the Word file.</param>
/// <param name="Text">The interpretation's text.</param>
/// <param name="FileName">The Word file's name.</param>
/// <param name="FileUrl">Download of the Word file.</param>
public sealed record PolicyInterpretationDto(string Source, string? Title, string Text, string? FileName, string? FileUrl);

/// <summary>A dated participation event.</summary>
/// <param name="On">Day.</param>
/// <param name="Kind">comment-period-opened, comment-period-closed, feedback-report-published, policy-interpretation-published, objection-received, objection-answered.</param>
/// <param name="Description">What happened (Chinese).</param>
public sealed record ParticipationEventDto(DateOnly On, string Kind, string Description);

/// <summary>Participation facts shown on the register detail of a document.</summary>
/// <param name="Url">The full participation view of the document.</param>
/// <param name="ConsultationId">Its comment period, if one was held.</param>
/// <param name="CommentPeriod">Status of that period.</param>
/// <param name="FeedbackReportUrl">The feedback report, once published.</param>
/// <param name="PolicyInterpretationUrl">The 政策解读, once published.</param>
/// <param name="ObjectionsReceived">Objections received.</param>
/// <param name="ObjectionsAnswered">Objections answered.</param>
public sealed record ParticipationSummaryDto(string Url, Guid? ConsultationId, ConsultationStatus? CommentPeriod, string? FeedbackReportUrl,
    string? PolicyInterpretationUrl, int ObjectionsReceived, int ObjectionsAnswered);

/// <summary>The multipart form of <c>publication</c> with a Word 政策解读 (the JSON body <see cref="PublicationRequest"/> keeps working).</summary>
public sealed class PublicationForm
{
    /// <summary>公布日期 (yyyy-MM-dd).</summary>
    public string? Date { get; set; }

    /// <summary>Where: 桐庐县人民政府网站, 政府公报….</summary>
    public string? Channel { get; set; }

    /// <summary>政策解读 as text (or send the Word file instead).</summary>
    public string? PolicyInterpretation { get; set; }

    /// <summary>政策解读 as a Word file (.docx), read by the document reader.</summary>
    public IFormFile? PolicyInterpretationFile { get; set; }

    /// <summary>施行日期 (yyyy-MM-dd).</summary>
    public string? EffectiveDate { get; set; }

    /// <summary>Last day of validity (yyyy-MM-dd).</summary>
    public string? ValidUntil { get; set; }
}
