using Filing.Api.Infrastructure;
using Filing.Api.Infrastructure.Outbox;
using Filing.Api.Participation;
using Filing.Core.Documents;
using Filing.Core.Feeds;
using Filing.Api.Infrastructure.Data.Search;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Filing.Api.Register;

/// <summary>
/// One endpoint per procedure step. Each loads the record the caller may see (404 otherwise), checks the caller may
/// take the step (403), lets the domain enforce the order (409 naming what is missing), records the step in the
/// audit trail and answers the updated record.
/// </summary>
internal static class StepsEndpoints
{
    // As at upload (the documentNumber form field).
    private const int MaxDocumentNumberLength = 100;

    public static RouteGroupBuilder MapRegisterSteps(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/documents/{id:guid}").WithTags("Register: procedure steps").RequireAuthorization();

        Step(group.MapPost("/consultation", Consultation), "RecordPublicComment",
            "公开征求意见: open a comment period, or record why none is held",
            "`{ \"waiverReason\": \"…\" }` records that no public comment is held and why. `{ \"start\", \"end\", \"businessRelated\" }` " +
            "opens a period (at least 7 working days, 30 days when closely related to business; 422 names the earliest allowed end).").WithRequestExample(RegisterExamples.Waiver);
        Step(group.MapPost("/fair-competition-review", FairCompetition), "RecordFairCompetitionReview",
            "公平竞争审查: the drafting department's 初审, or the market-regulation bureau's 会同审查",
            "The caller decides which: the drafting department records its own review; the market-regulation bureau records 会同审查, " +
            "required after a passed 初审 for documents the government issues itself.").WithRequestExample(RegisterExamples.FairCompetition);
        Step(group.MapPost("/gender-equality-assessment", GenderEquality), "RecordGenderEqualityAssessment",
            "性别平等评估 (or not-applicable), after the fair-competition review", null).WithRequestExample(RegisterExamples.NotApplicable);
        Step(group.MapPost("/health-screening", Health), "RecordHealthScreening",
            "健康影响评价 screening (or not-applicable), after the fair-competition review", null).WithRequestExample(RegisterExamples.NotApplicable);
        Step(group.MapPost("/legality-review", Legality), "RecordLegalityReview",
            "合法性审核 by the legal office: passed or returned",
            "Needs public comment, the fair-competition review, the gender-equality assessment and the health screening. " +
            "It cannot pass while an error finding of the current version is unanswered; it cannot be not-applicable.").WithRequestExample(RegisterExamples.Legality);
        Step(group.MapPost("/collective-decision", CollectiveDecision), "RecordCollectiveDecision",
            "集体审议决定, after the legality review passed on the current version", null).WithRequestExample(RegisterExamples.Decision);
        Step(group.MapPost("/registration", Registration), "RegisterDocument",
            "统一登记: assigns the next unified number of the issuing authority's prefix, and the 发文字号 when sent",
            "No body (or `{}`) registers the document under the 发文字号 it has; `{ \"documentNumber\": \"桐政发〔2026〕5号\" }` sets or " +
            "corrects it first — the office often assigns the number at issuance, after the collective decision, when no new version can " +
            "be uploaded. The number is read as the public register's `documentNumber=` look-up reads it and stored in its canonical form " +
            "(桐政发[2026]5号 becomes 桐政发〔2026〕5号); a blank value or one that is not a 发文字号 is a 400 `validation-failed` naming " +
            "`documentNumber`, and unknown fields are refused (400) rather than ignored. The registration step notes the change " +
            "(发文字号更正为…) and the audit entry shows the number before and after. Answers `{ unifiedNumber, documentId, registeredAt, documentNumber }`. " +
            "409 `lifecycle-violation` names what is missing before registration; " +
            "409 `duplicate-document-number` when the issuing authority has already registered a document under the same 发文字号 " +
            "(compared as the public register's `documentNumber=` look-up does: 桐政发[2024]12号 is 桐政发〔2024〕12号), naming it in " +
            "`existingDocument { id, unifiedNumber, documentNumber, title }`; register again with the right `documentNumber` to go on. " +
            "422 `document-number-issuer-code` when the issuing authority lists its 机关代字 (`issuerCodes` on the organisation) and the " +
            "发文字号's code is not one of them (桐庐县人民政府 lists 桐政发: 青政发〔2024〕8号 or 桐教发〔2024〕3号 point at another body), naming " +
            "`issuerCode` and `issuingAuthority { id, name, issuerCodes }`; register again with the right `documentNumber`, or have an administrator " +
            "add the code. An authority that lists no codes is not checked. " +
            "A refused registration changes nothing — not even the 发文字号 — and uses no number.")
            .WithRequestExample(RegisterExamples.RegistrationWithNumber)
            .WithResponseExample(StatusCodes.Status200OK, RegisterExamples.Registration)
            .WithResponseExample(StatusCodes.Status409Conflict, RegisterExamples.DuplicateDocumentNumber)
            .WithResponseExample(StatusCodes.Status422UnprocessableEntity, RegisterExamples.ForeignIssuerCode);
        Step(group.MapPost("/publication", Publication).DisableAntiforgery()
                .WithMetadata(new OpenApiRequestBodies([(typeof(PublicationRequest), "application/json"), (typeof(PublicationForm), "multipart/form-data")])),
            "PublishDocument",
            "统一发布: records publication and opens a filing with each required oversight body, with its due date",
            "JSON `{ \"date\", \"channel\", \"policyInterpretation\"?, \"effectiveDate\"?, \"validUntil\"? }`, or multipart/form-data with the same " +
            "fields and the 政策解读 as a Word file in `policyInterpretationFile` (read by the document reader; its text becomes the interpretation and " +
            "the file is kept for download). The 政策解读 is public with the document.").WithRequestExample(RegisterExamples.Publication);
        Step(group.MapPost("/repeal", Repeal), "RepealDocument",
            "废止 / 宣布失效 / 修改: ends a published document from a date", null).WithRequestExample(RegisterExamples.Repeal);
        return group;
    }

    private static RouteHandlerBuilder Step(RouteHandlerBuilder builder, string name, string summary, string? description)
    {
        builder.WithName(name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        if (description is not null)
        {
            builder.WithDescription(description);
        }

        return builder;
    }

    private static async Task<Results<Ok<ConsultationResponse>, Created<ConsultationResponse>, ProblemHttpResult, ValidationProblem>> Consultation(
        Guid id, ConsultationRequest request, RegisterContext ctx, INotificationOutbox outbox, CancellationToken ct)
    {
        var waiver = !string.IsNullOrWhiteSpace(request.WaiverReason);
        var period = request.Start is not null || request.End is not null;
        if (waiver == period)
        {
            return RegisterProblems.Invalid(waiver ? "waiverReason" : "start",
                waiver ? "Send either waiverReason or start and end, not both." : "Send waiverReason, or start and end of the comment period.");
        }

        if (period && (request.Start is null || request.End is null))
        {
            return RegisterProblems.Invalid(request.Start is null ? "start" : "end", "A comment period needs both start and end (yyyy-MM-dd).");
        }

        var (document, problem) = await LoadAsync(id, DocumentAction.PublicComment, ctx, ct);
        if (problem is not null)
        {
            return problem;
        }

        var doc = document!;
        var before = DocumentViews.Snapshot(doc);
        ProcedureStep step;
        DateOnly? earliest = null;
        Core.Participation.Consultation? consultation = null;
        if (waiver)
        {
            step = doc.WaivePublicComment(request.WaiverReason!, ctx.Caller.AsActor(), ctx.Now);
        }
        else
        {
            // The period is a public object of its own (comments, answers, feedback report): see Participation/.
            var opened = Core.Participation.Consultation.Open(Guid.CreateVersion7(ctx.Now), doc, request.Start!.Value, request.End!.Value,
                request.BusinessRelated ?? false, ctx.Options.PublicCommentPolicy, ctx.Calendar, ctx.Today, ctx.Caller.AsActor(), ctx.Now);
            (consultation, step) = opened;
            earliest = opened.Consultation.EarliestAllowedEnd;
            ctx.Db.Consultations.Add(opened.Consultation);
            outbox.RecordPublicEvent(RegisterEvents.ConsultationOpened(opened.Consultation, ctx.Now));
        }

        await ctx.AuditDocumentAsync(doc, "step.public-comment", before,
            new { document = DocumentViews.Snapshot(doc), step = DocumentViews.StepRecord(step), consultation = consultation?.Id }, null, ct);
        await ctx.Db.SaveChangesAsync(ct);
        var response = new ConsultationResponse(doc.Id, waiver, doc.CommentWaiverReason, doc.CommentPeriodStart,
            doc.CommentPeriodEnd, earliest, DocumentViews.Step(step), consultation?.Id);
        return waiver ? TypedResults.Ok(response) : TypedResults.Created($"/api/v1/consultations/{consultation!.Id}", response);
    }

    private static async Task<Results<Ok<DocumentDetail>, ProblemHttpResult, ValidationProblem>> FairCompetition(
        Guid id, ReviewStepRequest request, RegisterContext ctx, CancellationToken ct)
    {
        if (Outcome(request) is not { } outcome)
        {
            return OutcomeRequired();
        }

        var document = await ctx.FindDocumentAsync(id, ct);
        if (document is null)
        {
            return RegisterProblems.NotFound("document");
        }

        var caller = ctx.Caller;
        var self = RegisterPermissions.CanAct(caller, document, DocumentAction.FairCompetitionSelfReview);
        if (!self && !RegisterPermissions.CanAct(caller, document, DocumentAction.FairCompetitionJointReview))
        {
            return RegisterProblems.Forbidden("The drafting department records its 初审; the market-regulation bureau of the government records 会同审查.");
        }

        var before = DocumentViews.Snapshot(document);
        var step = self
            ? document.RecordFairCompetitionSelfReview(outcome, request.Opinion, caller.AsActor(), ctx.Now)
            : document.RecordFairCompetitionJointReview(outcome, request.Opinion, caller.AsActor(), ctx.Now);
        await SaveStepAsync(document, step, self ? "step.fair-competition-self-review" : "step.fair-competition-joint-review", before, ctx, ct);
        return TypedResults.Ok(await ctx.DetailAsync(document, ct));
    }

    private static Task<Results<Ok<DocumentDetail>, ProblemHttpResult, ValidationProblem>> GenderEquality(
        Guid id, ReviewStepRequest request, RegisterContext ctx, CancellationToken ct) =>
        ReviewAsync(id, request, DocumentAction.GenderEqualityAssessment, "step.gender-equality-assessment", ctx,
            (d, o) => d.RecordGenderEqualityAssessment(o, request.Opinion, ctx.Caller.AsActor(), ctx.Now), ct);

    private static Task<Results<Ok<DocumentDetail>, ProblemHttpResult, ValidationProblem>> Health(
        Guid id, ReviewStepRequest request, RegisterContext ctx, CancellationToken ct) =>
        ReviewAsync(id, request, DocumentAction.HealthScreening, "step.health-screening", ctx,
            (d, o) => d.RecordHealthScreening(o, request.Opinion, ctx.Caller.AsActor(), ctx.Now), ct);

    private static Task<Results<Ok<DocumentDetail>, ProblemHttpResult, ValidationProblem>> Legality(
        Guid id, ReviewStepRequest request, RegisterContext ctx, CancellationToken ct) =>
        ReviewAsync(id, request, DocumentAction.LegalityReview, "step.legality-review", ctx,
            (d, o) => d.RecordLegalityReview(o, request.Opinion, ctx.Today, ctx.Caller.AsActor(), ctx.Now), ct);

    private static async Task<Results<Ok<DocumentDetail>, ProblemHttpResult, ValidationProblem>> CollectiveDecision(
        Guid id, CollectiveDecisionRequest request, RegisterContext ctx, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Meeting))
        {
            errors["meeting"] = ["meeting is required, e.g. 县政府第12次常务会议."];
        }

        if (request.Date is null)
        {
            errors["date"] = ["date is required (yyyy-MM-dd)."];
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var (document, problem) = await LoadAsync(id, DocumentAction.CollectiveDecision, ctx, ct);
        if (problem is not null)
        {
            return problem;
        }

        var before = DocumentViews.Snapshot(document!);
        var step = document!.RecordCollectiveDecision(request.Meeting!, request.Date!.Value, ctx.Today, ctx.Caller.AsActor(), ctx.Now);
        await SaveStepAsync(document, step, "step.collective-decision", before, ctx, ct);
        return TypedResults.Ok(await ctx.DetailAsync(document, ct));
    }

    private static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult, ValidationProblem>> Registration(
        Guid id, RegistrationRequest? request, RegistrationService registration, RegisterContext ctx, CancellationToken ct)
    {
        // No body, {} and { "documentNumber": null } keep the document's number; a number sent is checked before anything is loaded.
        var documentNumber = request?.DocumentNumber;
        if (documentNumber is not null)
        {
            if (string.IsNullOrWhiteSpace(documentNumber))
            {
                return RegisterProblems.Invalid("documentNumber",
                    "documentNumber is empty: send the 发文字号 to register the document under, or no body to keep the one it has.");
            }

            if (documentNumber.Trim().Length > MaxDocumentNumberLength || !NormativeDocumentRecord.TryNormalizeDocumentNumber(documentNumber, out _))
            {
                return RegisterProblems.Invalid("documentNumber", NormativeDocumentRecord.InvalidDocumentNumberMessage);
            }
        }

        var result = await registration.RegisterAsync(id, ctx.Caller, documentNumber, ct);
        return result.Outcome switch
        {
            RegistrationOutcome.NotFound => RegisterProblems.NotFound("document"),
            RegistrationOutcome.Forbidden => RegisterProblems.Forbidden("Only the legal office of the government registers documents."),
            RegistrationOutcome.DuplicateDocumentNumber => RegisterProblems.DuplicateDocumentNumber(result.Document!, result.RefusedDocumentNumber!, result.Holder!),
            RegistrationOutcome.ForeignIssuerCode => RegisterProblems.ForeignIssuerCode(result.Document!, result.RefusedDocumentNumber!, result.IssuerCode!,
                result.AuthorityIssuerCodes!),
            _ => TypedResults.Ok(new RegistrationResponse(result.Document!.UnifiedNumber!, result.Document.Id, result.Document.RegisteredAt!.Value,
                result.Document.DocumentNumber)),
        };
    }

    private static async Task<Results<Ok<PublicationResponse>, ProblemHttpResult, ValidationProblem>> Publication(
        Guid id, HttpRequest http, RegisterContext ctx, RegisterSearchIndex search, IOptions<DocumentReaderOptions> reader,
        IOptions<ParticipationOptions> participation, IOptions<JsonOptions> json, ILoggerFactory loggers, CancellationToken ct)
    {
        var (request, interpretationFile, refused, invalid) = await PublicationInput.ReadAsync(http, reader.Value, participation.Value, json.Value,
            loggers.CreateLogger(typeof(StepsEndpoints)), ct);
        if (refused is not null)
        {
            return refused;
        }

        if (invalid is not null)
        {
            return invalid;
        }

        var errors = new Dictionary<string, string[]>();
        if (request!.Date is null)
        {
            errors["date"] = ["date is required (yyyy-MM-dd)."];
        }

        if (string.IsNullOrWhiteSpace(request.Channel))
        {
            errors["channel"] = ["channel is required, e.g. 桐庐县人民政府网站 or 政府公报."];
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var (document, problem) = await LoadAsync(id, DocumentAction.Publication, ctx, ct);
        if (problem is not null)
        {
            return problem;
        }

        var requirements = await ctx.Db.FilingRequirements.WithSpecification(new FilingRequirementsSpec(document!.IssuingAuthorityId)).ToListAsync(ct);
        var recipientIds = requirements.Select(r => r.RecipientId).ToList();
        var recipients = await ctx.Db.Organisations.Where(o => recipientIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var routes = requirements.Select(r => new FilingRoute(recipients[r.RecipientId], r.Period)).ToList();

        var before = DocumentViews.Snapshot(document);
        var publication = new Publication(request.Date!.Value, request.Channel!, request.PolicyInterpretation, request.EffectiveDate, request.ValidUntil);
        var filings = document.Publish(publication, routes, ctx.Calendar, ctx.Today, ctx.Caller.AsActor(), ctx.Now);
        ctx.Db.Filings.AddRange(filings);
        if (interpretationFile is not null)
        {
            ctx.Db.PolicyInterpretationFiles.Add(new PolicyInterpretationFile(document.Id, interpretationFile.FileName, interpretationFile.ContentType,
                interpretationFile.Bytes, interpretationFile.Sha256, interpretationFile.Title, ctx.Now));
        }

        await ctx.AuditDocumentAsync(document, "step.publication", before, new
        {
            document = DocumentViews.Snapshot(document),
            step = DocumentViews.StepRecord(document.Steps[^1]),
            channel = document.PublicationChannel,
            policyInterpretation = document.PolicyInterpretation,
            policyInterpretationFile = interpretationFile is null ? null : new { interpretationFile.FileName, interpretationFile.Sha256, size = interpretationFile.Bytes.Length },
        }, null, ct);
        foreach (var filing in filings)
        {
            await ctx.AuditDocumentAsync(document, "filing.submitted", null, DocumentViews.FilingRecord(filing), $"filing:{filing.Id}", ct);
        }

        // The full-text index entry commits with the publication: a published document is searchable at once.
        await search.IndexAsync(document, ct);
        await ctx.Db.SaveChangesAsync(ct);
        var today = ctx.Today;
        return TypedResults.Ok(new PublicationResponse(await ctx.DetailAsync(document, ct), [.. filings.Select(f => FilingDto.From(f, today))]));
    }

    private static async Task<Results<Ok<DocumentDetail>, ProblemHttpResult, ValidationProblem>> Repeal(
        Guid id, RepealRequest request, RegisterContext ctx, CancellationToken ct)
    {
        if (request.Date is null)
        {
            return RegisterProblems.Invalid("date", "date is required: the day the document stops applying (yyyy-MM-dd).");
        }

        var (document, problem) = await LoadAsync(id, DocumentAction.Termination, ctx, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (request.ReplacedBy is { } replacement && !await ctx.Db.Documents.AnyAsync(d => d.Id == replacement, ct))
        {
            return RegisterProblems.Invalid("replacedBy", "No document with this id.");
        }

        var kind = request.Kind switch
        {
            TerminationKindDto.DeclaredInvalid => TerminationKind.DeclaredInvalid,
            TerminationKindDto.Amended => TerminationKind.Amended,
            _ => TerminationKind.Repealed,
        };
        var before = DocumentViews.Snapshot(document!);
        var step = document!.Terminate(kind, request.Date.Value, request.Reason, request.ReplacedBy, ctx.Caller.AsActor(), ctx.Now);
        await SaveStepAsync(document, step, "step.termination", before, ctx, ct);
        return TypedResults.Ok(await ctx.DetailAsync(document, ct));
    }

    private static async Task<Results<Ok<DocumentDetail>, ProblemHttpResult, ValidationProblem>> ReviewAsync(
        Guid id, ReviewStepRequest request, DocumentAction action, string auditAction, RegisterContext ctx,
        Func<NormativeDocumentRecord, StepOutcome, ProcedureStep> apply, CancellationToken ct)
    {
        if (Outcome(request) is not { } outcome)
        {
            return OutcomeRequired();
        }

        var (document, problem) = await LoadAsync(id, action, ctx, ct);
        if (problem is not null)
        {
            return problem;
        }

        var before = DocumentViews.Snapshot(document!);
        var step = apply(document!, outcome);
        await SaveStepAsync(document!, step, auditAction, before, ctx, ct);
        return TypedResults.Ok(await ctx.DetailAsync(document!, ct));
    }

    private static async Task<(NormativeDocumentRecord? Document, ProblemHttpResult? Problem)> LoadAsync(
        Guid id, DocumentAction action, RegisterContext ctx, CancellationToken ct)
    {
        var document = await ctx.FindDocumentAsync(id, ct);
        if (document is null)
        {
            return (null, RegisterProblems.NotFound("document"));
        }

        return RegisterPermissions.CanAct(ctx.Caller, document, action)
            ? (document, null)
            : (null, RegisterProblems.Forbidden($"This key may not record '{JsonNaming.Kebab(action.ToString())}' on this document."));
    }

    private static async Task SaveStepAsync(NormativeDocumentRecord document, ProcedureStep step, string action, object before, RegisterContext ctx, CancellationToken ct)
    {
        await ctx.AuditDocumentAsync(document, action, before,
            new { document = DocumentViews.Snapshot(document), step = DocumentViews.StepRecord(step) }, null, ct);
        await ctx.Db.SaveChangesAsync(ct);
    }

    private static StepOutcome? Outcome(ReviewStepRequest request) => request.Outcome switch
    {
        ReviewOutcomeDto.Passed => StepOutcome.Passed,
        ReviewOutcomeDto.Returned => StepOutcome.Returned,
        ReviewOutcomeDto.NotApplicable => StepOutcome.NotApplicable,
        _ => null,
    };

    private static ValidationProblem OutcomeRequired() =>
        RegisterProblems.Invalid("outcome", "outcome is required: passed, returned or not-applicable.");
}
