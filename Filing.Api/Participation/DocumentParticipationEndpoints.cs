using Filing.Api.Infrastructure;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Register;
using Filing.Core.Participation;
using Filing.Core.Register;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Participation;

/// <summary>
/// Participation as part of a document: its comment period and feedback report, its 政策解读, the counts of objections
/// and the dated events for its timeline. Visible to whoever may see the document (the public once it is published).
/// </summary>
internal static class DocumentParticipationEndpoints
{
    public static RouteGroupBuilder MapDocumentParticipation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/documents/{id:guid}").WithTags("Participation: documents");
        group.MapGet("/participation", Get).WithName("GetDocumentParticipation")
            .WithSummary("A document's comment period, feedback report, 政策解读, objection counts and participation events (no personal data)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/policy-interpretation", GetInterpretation).WithName("GetPolicyInterpretation")
            .WithSummary("The 政策解读 published with the document")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/policy-interpretation/file", GetInterpretationFile).WithName("DownloadPolicyInterpretation")
            .WithSummary("The Word file the 政策解读 was read from, when it was attached as one")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<DocumentParticipationDto>, ProblemHttpResult>> Get(Guid id, ParticipationContext p, CancellationToken ct)
    {
        var document = await p.Register.FindDocumentAsync(id, ct);
        if (document is null)
        {
            return RegisterProblems.NotFound("document");
        }

        var today = p.Today;
        var consultation = await p.Db.Consultations.AsNoTracking().Where(c => c.DocumentId == id).OrderByDescending(c => c.Start).FirstOrDefaultAsync(ct);
        var visibleComments = consultation is null ? 0 : await p.Db.ConsultationComments.CountAsync(c => c.ConsultationId == consultation.Id && !c.Hidden, ct);
        var rows = await ObjectionRowsAsync(p.Db, id, ct);
        var interpretation = await InterpretationAsync(document, p, ct);
        return TypedResults.Ok(new DocumentParticipationDto(
            id,
            consultation is null ? null : ParticipationViews.Summary(consultation, visibleComments, today),
            consultation?.FeedbackPublishedOn is null ? null : $"/api/v1/consultations/{consultation.Id}/feedback-report",
            interpretation,
            ObjectionCountsDto.From(ObjectionStatistics.Counts(rows, today)),
            await EventsAsync(p.Db, document, ct)));
    }

    /// <summary>
    /// The document's dated participation events, oldest first, for its timeline (the register's public timeline
    /// merges them in): comment period opened and closed, feedback report published, 政策解读 published, and each step
    /// of each objection — received, accepted or not accepted (the reason kind), transferred (to which body), review
    /// started, concluded (the conclusion kind), answered (the outcome). Public facts only: objections are numbered by
    /// order of receipt; no tracking codes, grounds, reasons or reply texts, names or contacts.
    /// </summary>
    public static async Task<IReadOnlyList<ParticipationEventDto>> EventsAsync(FilingDbContext db, NormativeDocumentRecord document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        var events = new List<ParticipationEventDto>();
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.DocumentId == document.Id)
            .Select(c => new
            {
                c.Id,
                c.Start,
                c.End,
                c.ClosedOn,
                c.FeedbackPublishedOn,
                c.DraftingDepartmentId,
                c.DraftingDepartmentName,
                Visible = db.ConsultationComments.Count(x => x.ConsultationId == c.Id && !x.Hidden),
            })
            .ToListAsync(ct);
        foreach (var consultation in consultations)
        {
            var by = new OrganisationRef(consultation.DraftingDepartmentId, consultation.DraftingDepartmentName);
            events.Add(new ParticipationEventDto(consultation.Start, "comment-period-opened", $"公开征求意见：{consultation.Start:yyyy-MM-dd} 至 {consultation.End:yyyy-MM-dd}", By: by));
            if (consultation.ClosedOn is { } closed)
            {
                events.Add(new ParticipationEventDto(closed, "comment-period-closed", $"征求意见结束，公开意见 {consultation.Visible} 条", By: by));
            }

            if (consultation.FeedbackPublishedOn is { } fed)
            {
                events.Add(new ParticipationEventDto(fed, "feedback-report-published", "公布意见采纳情况", By: by));
            }
        }

        if (document.PolicyInterpretation is not null && document.PublishedOn is { } published)
        {
            events.Add(new ParticipationEventDto(published, "policy-interpretation-published", "随文件公布政策解读"));
        }

        // The recorded steps of each objection; only the columns that are public facts are read.
        var objections = await db.Objections.AsNoTracking().Where(o => o.DocumentId == document.Id)
            .Select(o => new
            {
                o.Id,
                o.ReceivedAt,
                o.TrackingCode,
                o.NonAcceptance,
                o.TransferredToId,
                o.TransferredToName,
                o.Conclusion,
                Steps = o.Events.Select(e => new { e.Sequence, e.Kind, e.On, e.At }).ToList(),
            })
            .ToListAsync(ct);
        var steps = objections.SelectMany(o => o.Steps.Select(e => new
        {
            o.Id,
            e.Sequence,
            e.Kind,
            e.On,
            e.At,
            o.NonAcceptance,
            o.TransferredToId,
            o.TransferredToName,
            o.Conclusion,
        })).ToList();
        var numbers = ParticipationContext.NumberObjections(objections.Select(o => new ObjectionOrder(o.Id, o.ReceivedAt, o.TrackingCode)));
        foreach (var step in steps.OrderBy(s => s.At).ThenBy(s => numbers[s.Id]).ThenBy(s => s.Sequence))
        {
            var n = numbers[step.Id];
            var which = $"审查建议（第{n}件）";
            var outcome = Objection.OutcomeOf(step.NonAcceptance, step.TransferredToId, step.Conclusion);
            events.Add(step.Kind switch
            {
                ObjectionEventKind.Received => new ParticipationEventDto(step.On, "objection-received", $"收到{which}", Objection: n),
                ObjectionEventKind.Accepted => new ParticipationEventDto(step.On, "objection-accepted", $"{which}已受理", Objection: n),
                ObjectionEventKind.NotAccepted => new ParticipationEventDto(step.On, "objection-not-accepted", $"{which}不予受理",
                    step.NonAcceptance is { } reason ? JsonNaming.Kebab(reason.ToString()) : null, Objection: n),
                ObjectionEventKind.Transferred => new ParticipationEventDto(step.On, "objection-transferred", $"{which}已移送{step.TransferredToName}",
                    By: step.TransferredToId is { } to ? new OrganisationRef(to, step.TransferredToName ?? "") : null, Objection: n),
                ObjectionEventKind.ReviewStarted => new ParticipationEventDto(step.On, "objection-review-started", $"{which}进入审查", Objection: n),
                ObjectionEventKind.Concluded => new ParticipationEventDto(step.On, "objection-concluded", $"{which}审查结论：{OutcomeText(outcome)}",
                    JsonNaming.Kebab(outcome.ToString()), Objection: n),
                _ => new ParticipationEventDto(step.On, "objection-answered", $"{which}已书面答复：{OutcomeText(outcome)}",
                    JsonNaming.Kebab(outcome.ToString()), Objection: n),
            });
        }

        return [.. events.OrderBy(e => e.On)];
    }

    private static async Task<List<ObjectionStatisticsRow>> ObjectionRowsAsync(FilingDbContext db, Guid documentId, CancellationToken ct)
    {
        var objections = await db.Objections.AsNoTracking().Where(o => o.DocumentId == documentId)
            .Select(o => new { o.DocumentTitle, o.UnifiedNumber, o.ReceivedOn, o.DueDate, o.RepliedOn, o.NonAcceptance, o.TransferredToId, o.Conclusion })
            .ToListAsync(ct);
        return [.. objections.Select(o => new ObjectionStatisticsRow(documentId, o.DocumentTitle, o.UnifiedNumber, o.ReceivedOn, o.DueDate, o.RepliedOn,
            Objection.OutcomeOf(o.NonAcceptance, o.TransferredToId, o.Conclusion)))];
    }

    private static async Task<Results<Ok<PolicyInterpretationDto>, ProblemHttpResult>> GetInterpretation(Guid id, ParticipationContext p, CancellationToken ct)
    {
        var document = await p.Register.FindDocumentAsync(id, ct);
        var interpretation = document is null ? null : await InterpretationAsync(document, p, ct);
        return interpretation is null ? RegisterProblems.NotFound("policy interpretation") : TypedResults.Ok(interpretation);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetInterpretationFile(Guid id, ParticipationContext p, CancellationToken ct)
    {
        var document = await p.Register.FindDocumentAsync(id, ct);
        var file = document is null ? null : await p.Db.PolicyInterpretationFiles.AsNoTracking().SingleOrDefaultAsync(f => f.DocumentId == id, ct);
        return file is null ? RegisterProblems.NotFound("policy interpretation file") : TypedResults.File(file.File, file.ContentType, file.FileName);
    }

    /// <summary>What the register detail shows about participation.</summary>
    public static async Task<ParticipationSummaryDto> SummaryAsync(RegisterContext ctx, NormativeDocumentRecord document, CancellationToken ct)
    {
        var consultation = await ctx.Db.Consultations.AsNoTracking().Where(c => c.DocumentId == document.Id).OrderByDescending(c => c.Start)
            .Select(c => new { c.Id, c.Start, c.End, c.ClosedAt, c.FeedbackPublishedOn })
            .FirstOrDefaultAsync(ct);
        var received = await ctx.Db.Objections.CountAsync(o => o.DocumentId == document.Id, ct);
        var answered = received == 0 ? 0 : await ctx.Db.Objections.CountAsync(o => o.DocumentId == document.Id && o.RepliedOn != null, ct);
        var today = ctx.Today;
        ConsultationStatus? status = consultation is null ? null
            : consultation.FeedbackPublishedOn is not null ? ConsultationStatus.FeedbackPublished
            : consultation.ClosedAt is not null ? ConsultationStatus.Closed
            : today < consultation.Start ? ConsultationStatus.Scheduled
            : today <= consultation.End ? ConsultationStatus.Open
            : ConsultationStatus.Ended;
        return new ParticipationSummaryDto(
            $"/api/v1/documents/{document.Id}/participation",
            consultation?.Id,
            status,
            consultation?.FeedbackPublishedOn is null ? null : $"/api/v1/consultations/{consultation.Id}/feedback-report",
            document.PolicyInterpretation is null ? null : $"/api/v1/documents/{document.Id}/policy-interpretation",
            received,
            answered);
    }

    private static async Task<PolicyInterpretationDto?> InterpretationAsync(NormativeDocumentRecord document, ParticipationContext p, CancellationToken ct)
    {
        if (document.PolicyInterpretation is not { } text)
        {
            return null;
        }

        var file = await p.Db.PolicyInterpretationFiles.AsNoTracking().Where(f => f.DocumentId == document.Id)
            .Select(f => new { f.FileName, f.Title }).SingleOrDefaultAsync(ct);
        return file is null
            ? new PolicyInterpretationDto("text", null, text, null, null)
            : new PolicyInterpretationDto("word", file.Title, text, file.FileName, $"/api/v1/documents/{document.Id}/policy-interpretation/file");
    }

    private static string OutcomeText(ObjectionOutcome outcome) => outcome switch
    {
        ObjectionOutcome.NotAccepted => "不予受理",
        ObjectionOutcome.Transferred => "已移送有权机关",
        ObjectionOutcome.NoProblem => "未发现问题",
        ObjectionOutcome.CorrectionRequested => "建议制定机关纠正",
        ObjectionOutcome.RevocationProposed => "建议撤销",
        _ => "办理中",
    };
}
