using Filing.Api.Review;
using Filing.Core.Calendar;
using Filing.Core.Register;
using Filing.Core.Review;

namespace Filing.Api.Register;

/// <summary>
/// Maps records to responses. Insiders (the owner, the legal office and reviewing bodies of the government, an oversight
/// body it was filed with, an administrator) see every version, finding and step; everybody else sees a published
/// document's public face: its current text version without findings and the public milestones only.
/// </summary>
internal static class DocumentViews
{
    private static readonly HashSet<StepKind> PublicSteps =
        [StepKind.PublicCommentOpened, StepKind.PublicCommentClosed, StepKind.PublicCommentFeedbackPublished, StepKind.CollectiveDecision,
         StepKind.Registration, StepKind.Publication, StepKind.Termination, StepKind.AmendmentPlanned];

    public static bool IsInsider(Caller caller, NormativeDocumentRecord document, IReadOnlyList<OversightFiling> visibleFilings) =>
        caller.Has(CallerRoles.Admin)
        || RegisterPermissions.OwnsDraft(caller, document)
        || (caller.Has(CallerRoles.LegalOffice | CallerRoles.ReviewerBody) && caller.JurisdictionId == document.JurisdictionId)
        || visibleFilings.Any(f => f.RecipientId == caller.OrganisationId);

    public static DocumentDetail Detail(NormativeDocumentRecord d, IReadOnlyList<OversightFiling> filings, bool insider, DateOnly today,
        WorkingCalendar calendar, int legalityReviewWorkingDays, Participation.ParticipationSummaryDto? participation = null,
        Organisation? issuingAuthority = null)
    {
        LegalityReviewDueDto? legality = null;
        if (insider && d.Stage == LifecycleStage.InReview && d.LegalityReviewRequestedOn is { } requested)
        {
            var due = calendar.AddWorkingDays(requested, legalityReviewWorkingDays);
            legality = new LegalityReviewDueDto(requested, due.Date, due.UsedWeekendFallback, today > due.Date);
        }

        var versions = insider
            ? d.Versions.Select(v => Version(v, withFindings: true)).ToList()
            : [Version(d.CurrentVersion, withFindings: false)];
        var steps = d.Steps.Where(s => insider || PublicSteps.Contains(s.Kind)).Select(Step).ToList();
        var next = d.Stage switch
        {
            LifecycleStage.Drafting => LifecycleStage.InReview,
            LifecycleStage.InReview => LifecycleStage.Approved,
            LifecycleStage.Approved => LifecycleStage.Decided,
            LifecycleStage.Decided => LifecycleStage.Registered,
            LifecycleStage.Registered => LifecycleStage.Published,
            _ => d.Stage,
        };
        return new DocumentDetail(
            d.Id,
            d.Title,
            d.DocumentType,
            d.DocumentNumber,
            d.UnifiedNumber,
            d.StatusOn(today),
            new OrganisationRef(d.IssuingAuthorityId, d.IssuingAuthorityName),
            new OrganisationRef(d.DraftingDepartmentId, d.DraftingDepartmentName),
            d.BusinessRelated,
            d.CreatedAt,
            d.UpdatedAt,
            insider && (d.CommentPeriodStart is not null || d.CommentWaiverReason is not null)
                ? new PublicCommentDto(d.CommentPeriodStart, d.CommentPeriodEnd, d.CommentWaiverReason)
                : null,
            legality,
            d.DecisionMeeting is { } meeting && d.DecidedOn is { } decided ? new DecisionDto(meeting, decided) : null,
            d.RegisteredAt,
            d.PublishedOn is { } published ? new PublicationDto(published, d.PublicationChannel ?? "", d.PolicyInterpretation) : null,
            d.EffectiveDate,
            d.ValidUntil,
            d.Termination is { } kind && d.TerminatedOn is { } ended ? new TerminationDto(kind, ended, d.TerminationReason, d.ReplacedById) : null,
            d.AmendmentPlanned,
            !insider ? [] : issuingAuthority is null ? d.MissingFor(next) : d.MissingFor(next, issuingAuthority),
            versions,
            steps,
            [.. filings.Select(f => FilingDto.From(f, today))],
            participation);
    }

    public static DocumentSummary Summary(NormativeDocumentRecord d, DateOnly today) => new(
        d.Id, d.Title, d.DocumentType, d.DocumentNumber, d.UnifiedNumber, d.StatusOn(today),
        d.IssuingAuthorityId, d.DraftingDepartmentId, d.PublishedOn, d.UpdatedAt);

    public static StepDto Step(ProcedureStep s) => new(
        s.Sequence, s.Kind, s.Outcome, s.Opinion, s.Detail, s.Date, s.VersionNumber, new OrganisationRef(s.ActorOrganisationId, s.ActorName), s.At);

    public static VersionFindingDto Finding(VersionFinding f) => new(
        f.Id, f.RuleId, f.Step, f.Severity, f.Message, f.Excerpt, new FindingLocationDto(f.Path, f.Paragraph, f.Start, f.Length),
        f.Basis, f.Suggestion, f.Answer, f.AnswerNote, f.AnsweredAt);

    private static VersionDto Version(DocumentVersion v, bool withFindings) => new(
        v.Number, v.UploadedAt, v.UploadedByName, v.FileName, v.FileSha256, v.FileSize, v.Title, v.DocumentNumber, v.ParseWarningCount,
        new VersionReviewDto(
            v.ReviewState,
            v.ReviewNote,
            withFindings ? v.Findings.Count(f => f.Severity == Severity.Error) : 0,
            withFindings ? v.Findings.Count(f => f.Severity == Severity.Warning) : 0,
            withFindings ? v.Findings.Count(f => f.Severity == Severity.Info) : 0,
            withFindings ? v.Findings.Count(f => f.Blocks) : 0),
        withFindings ? [.. v.Findings.OrderBy(f => f.Ordinal).Select(Finding)] : []);

    /// <summary>What the audit trail records about a document before and after a change.</summary>
    public static object Snapshot(NormativeDocumentRecord d) => new
    {
        stage = d.Stage,
        title = d.Title,
        version = d.Versions.Count,
        documentNumber = d.DocumentNumber,
        unifiedNumber = d.UnifiedNumber,
        publishedOn = d.PublishedOn,
        effectiveDate = d.EffectiveDate,
        validUntil = d.ValidUntil,
        termination = d.Termination,
        terminatedOn = d.TerminatedOn,
        amendmentPlanned = d.AmendmentPlanned,
        commentPeriodClosedOn = d.CommentPeriodClosedOn,
        commentFeedbackPublishedOn = d.CommentFeedbackPublishedOn,
    };

    public static object StepRecord(ProcedureStep s) => new
    {
        sequence = s.Sequence,
        kind = s.Kind,
        outcome = s.Outcome,
        version = s.VersionNumber,
        opinion = s.Opinion,
        detail = s.Detail,
        date = s.Date,
    };

    public static object FilingRecord(OversightFiling f) => new
    {
        id = f.Id,
        recipient = f.RecipientName,
        status = f.Status,
        dueDate = f.DueDate,
        submittedOn = f.SubmittedOn,
        returnReason = f.ReturnReason,
        opinion = f.Opinion,
        opinionText = f.OpinionText,
        correctionDueDate = f.CorrectionDueDate,
        correctionNote = f.CorrectionNote,
    };
}
