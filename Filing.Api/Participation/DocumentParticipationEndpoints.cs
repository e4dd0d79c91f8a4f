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
    /// The document's dated participation events, oldest first, for its timeline: comment period opened and closed,
    /// feedback report published, 政策解读 published, each objection received and answered (with its outcome). Public
    /// facts only: no tracking codes, grounds or names.
    /// </summary>
    public static async Task<IReadOnlyList<ParticipationEventDto>> EventsAsync(FilingDbContext db, NormativeDocumentRecord document, CancellationToken ct)
    {
        var events = new List<ParticipationEventDto>();
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.DocumentId == document.Id).ToListAsync(ct);
        foreach (var consultation in consultations)
        {
            events.Add(new ParticipationEventDto(consultation.Start, "comment-period-opened", $"公开征求意见：{consultation.Start:yyyy-MM-dd} 至 {consultation.End:yyyy-MM-dd}"));
            if (consultation.ClosedOn is { } closed)
            {
                var visible = await db.ConsultationComments.CountAsync(c => c.ConsultationId == consultation.Id && !c.Hidden, ct);
                events.Add(new ParticipationEventDto(closed, "comment-period-closed", $"征求意见结束，公开意见 {visible} 条"));
            }

            if (consultation.FeedbackPublishedOn is { } fed)
            {
                events.Add(new ParticipationEventDto(fed, "feedback-report-published", "公布意见采纳情况"));
            }
        }

        if (document.PolicyInterpretation is not null && document.PublishedOn is { } published)
        {
            events.Add(new ParticipationEventDto(published, "policy-interpretation-published", "随文件公布政策解读"));
        }

        foreach (var o in await ObjectionRowsAsync(db, document.Id, ct))
        {
            events.Add(new ParticipationEventDto(o.ReceivedOn, "objection-received", "收到审查建议"));
            if (o.RepliedOn is { } replied)
            {
                events.Add(new ParticipationEventDto(replied, "objection-answered", $"审查建议已答复：{OutcomeText(o.Outcome)}"));
            }
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
