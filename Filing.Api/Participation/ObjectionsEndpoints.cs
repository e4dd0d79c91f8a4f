using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Filing.Api.Infrastructure;
using Filing.Api.Infrastructure.Idempotency;
using Filing.Api.Infrastructure.Notifications;
using Filing.Api.Register;
using Filing.Core.Feeds;
using Filing.Core.Participation;
using Filing.Core.Participation.Specifications;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Participation;

/// <summary>
/// Citizens' objections to published documents (审查建议): filing one and following it with the tracking code and
/// secret (public), the legal office's queue and steps (triage, review, conclusion, written reply), and the published
/// aggregates.
/// </summary>
internal static class ObjectionsEndpoints
{
    public const string SecretHeader = "X-Objection-Secret";

    public static RouteGroupBuilder MapObjections(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/objections").WithTags("Participation: objections");

        group.MapPost("/", Submit).WithName("SubmitObjection")
            .WithSummary("Object to a published document (审查建议): answers a tracking code and a secret (public, no key)")
            .WithDescription("Keep both values: the secret is shown once and stored only as a hash. Contact details are seen by the office handling " +
                "the objection only. `Idempotency-Key` is honoured: a retry returns the same tracking code and secret. Rate-limited per client (429 " +
                "with Retry-After); bodies over `Participation:MaxPublicRequestBytes` are refused with 413.")
            .WithRequestExample(new SubmitObjectionRequest(Guid.Parse("0192a000-0000-7000-8000-0000000000ff"), ["二、（三）"],
                "该项要求企业提交无法定依据的证明材料，违反国办发〔2018〕37号关于不得规定出具循环证明、重复证明、无谓证明的要求。",
                new ObjectionContactRequest("张三", "13800000000", "zhangsan@example.com", null)))
            .WithMetadata(new PublicSubmissionAttribute(), new OwnIdempotencyAttribute())
            .RequireRateLimiting(ParticipationSetup.SubmissionPolicy)
            .Produces<ObjectionReceipt>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/statistics", Statistics).WithName("GetObjectionStatistics")
            .WithSummary("Published aggregates: objections by outcome per year of receipt and per document (public, no personal data)");
        group.MapGet("/{trackingCode}", Track).WithName("TrackObjection")
            .WithSummary("Follow an objection: status timeline and the written reply (public; the secret goes in X-Objection-Secret)")
            .WithDescription("A wrong or missing secret answers 404, exactly as an unknown tracking code does.")
            .RequireRateLimiting(ParticipationSetup.LookupPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/", Queue).WithName("ListObjections")
            .WithSummary("The legal office's queue of objections (and those transferred to the caller), earliest due first")
            .WithDescription("`overdue=true`: no written reply and the due date has passed (derived today). Contact details appear for the handling office only.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();
        group.MapGet("/{trackingCode}/case", Case).WithName("GetObjectionCase")
            .WithSummary("One objection with the office's notes (handling office, transferee, administrator)")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound);
        Step(group.MapPost("/{trackingCode}/triage", Triage), "TriageObjection",
            "Triage: accepted, not-accepted (with the reason) or transferred to the competent body (e.g. the 人大常委会 filing office)");
        Step(group.MapPost("/{trackingCode}/review", Review), "ReviewObjection", "Record that the review is under way (accepted objections)");
        Step(group.MapPost("/{trackingCode}/conclusion", Conclude), "ConcludeObjection",
            "Record the review's conclusion: no-problem, correction-requested or revocation-proposed, with the findings");
        Step(group.MapPost("/{trackingCode}/reply", Reply), "ReplyToObjection",
            "Give the written reply to the submitter (after a conclusion, non-acceptance or transfer); they are notified where they left a contact");
        return group;
    }

    private static void Step(RouteHandlerBuilder builder, string name, string summary) =>
        builder.WithName(name).WithSummary(summary).RequireAuthorization().WithMetadata(new IdempotentAttribute())
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<ObjectionReceipt>, ProblemHttpResult, ValidationProblem>> Submit(
        SubmitObjectionRequest request, HttpContext http, ParticipationContext p, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.DocumentId is null)
        {
            errors["documentId"] = ["documentId is required: the id of the published document."];
        }

        var grounds = InputRules.Text(request.Grounds, "grounds", p.Options.MaxGroundsLength, required: true, errors);
        var articles = new List<string>();
        if (request.Articles is { } requested)
        {
            if (requested.Count > 50)
            {
                errors["articles"] = ["最多列出 50 个条款 / At most 50 articles."];
            }
            else
            {
                foreach (var (article, i) in requested.Select((a, i) => (a, i)))
                {
                    if (InputRules.Text(article, $"articles[{i}]", 100, required: true, errors) is { } a)
                    {
                        articles.Add(a);
                    }
                }
            }
        }

        var contact = new ObjectionContact(
            InputRules.Text(request.Contact?.Name, "contact.name", 100, required: false, errors),
            InputRules.Phone(request.Contact?.Phone, "contact.phone", errors),
            InputRules.Email(request.Contact?.Email, "contact.email", errors),
            InputRules.IdNumber(request.Contact?.IdNumber, "contact.idNumber", errors));

        string? idempotencyKey = null;
        if (http.Request.Headers.TryGetValue(IdempotencyMiddleware.Header, out var keyValues))
        {
            idempotencyKey = keyValues.ToString().Trim();
            if (idempotencyKey.Length is 0 or > 200 || idempotencyKey.Any(char.IsControl))
            {
                return RegisterProblems.Problem(StatusCodes.Status400BadRequest, "idempotency-key-invalid", "Idempotency-Key",
                    "Idempotency-Key must be 1–200 printable characters (a UUID is a good choice).");
            }
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        // The secret must not be stored, so this endpoint keeps its own idempotency record: the key only as a hash, the
        // secret re-derived from it on a retry (see ObjectionSecret).
        var scope = p.Caller.KeyId?.ToString("D") ?? "anon:" + http.Connection.RemoteIpAddress;
        var keyHash = idempotencyKey is null ? null : Sha256($"{scope}|{idempotencyKey}");
        var fingerprint = Sha256(JsonSerializer.Serialize(new { request.DocumentId, articles, grounds, contact }));
        return await ConcurrencyRetry.RunAsync<Results<Created<ObjectionReceipt>, ProblemHttpResult, ValidationProblem>>(p.Db, async ct =>
        {
            if (keyHash is not null && await p.Db.Objections.AsNoTracking().SingleOrDefaultAsync(o => o.IdempotencyKeyHash == keyHash, ct) is { } earlier)
            {
                if (earlier.RequestFingerprint != fingerprint || earlier.SecretSalt is null)
                {
                    return RegisterProblems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency-Key",
                        "This Idempotency-Key was already used for a different request.");
                }

                http.Response.Headers["Idempotency-Replayed"] = "true";
                return Receipt(earlier, ObjectionSecret.Derive(earlier.SecretSalt, idempotencyKey!));
            }

            var document = await p.Db.Documents.WithSpecification(new DocumentByIdSpec(request.DocumentId!.Value, Caller.Anonymous)).SingleOrDefaultAsync(ct);
            if (document is null)
            {
                return RegisterProblems.Problem(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found",
                    "没有该已公布文件：只能对已公布的行政规范性文件提出审查建议 / No published document with this id; objections are made to published documents.");
            }

            var paths = new List<string>();
            if (articles.Count > 0)
            {
                var parsed = await p.ParsedVersionAsync(document.Id, document.CurrentVersion.Number, ct);
                var structure = parsed is null ? null : new DraftStructure(parsed);
                var unknown = new List<string>();
                foreach (var article in articles)
                {
                    if (structure?.FindPath(article) is { } path)
                    {
                        paths.Add(path);
                    }
                    else if (structure is null)
                    {
                        paths.Add(StructurePath.Normalise(article));
                    }
                    else
                    {
                        unknown.Add(article);
                    }
                }

                if (unknown.Count > 0)
                {
                    var known = string.Join("、", structure!.Paths.Order(StringComparer.Ordinal).Take(12));
                    return RegisterProblems.Invalid("articles",
                        $"文件中没有：{string.Join("、", unknown)}。请使用文件中的条款路径，如 {known} / Not in the document: {string.Join(", ", unknown)}.");
                }
            }

            var today = p.Today;
            var groundsFingerprint = TextFingerprint.Of(grounds!);
            var first = await p.Db.Objections.AsNoTracking()
                .Where(o => o.DocumentId == document.Id && o.Fingerprint == groundsFingerprint)
                .OrderBy(o => o.ReceivedAt).FirstOrDefaultAsync(ct);
            var code = TrackingCode.New(today.Year);
            for (var i = 0; i < 5 && await p.Db.Objections.AnyAsync(o => o.TrackingCode == code, ct); i++)
            {
                code = TrackingCode.New(today.Year);
            }

            var salt = keyHash is null ? null : ObjectionSecret.NewSalt();
            var secret = salt is null ? ObjectionSecret.New() : ObjectionSecret.Derive(salt, idempotencyKey!);
            var objection = Objection.Receive(Guid.CreateVersion7(p.Now), code, ObjectionSecret.Hash(secret), document, [.. paths.Distinct()], grounds!,
                contact, first, p.Options.ObjectionPolicy, p.Calendar, today, p.Now);
            if (salt is not null)
            {
                objection.RememberIdempotency(salt, keyHash!, fingerprint);
            }

            p.Db.Objections.Add(objection);
            await p.AuditAsync(document.Id, ParticipationContext.Public, "objection.received", null, ParticipationViews.AuditRecord(objection),
                $"objection:{objection.TrackingCode}", ct);

            // The handling office's webhooks hear of it in the same transaction (no grounds, no contact details).
            var notice = ObjectionNotice.Of(objection, today,
                $"收到对《{objection.DocumentTitle}》的审查建议 {objection.TrackingCode}，答复期限 {ObjectionNotice.Iso(objection.DueDate)}。");
            foreach (var office in await p.HandlingOfficesAsync(objection.JurisdictionId, ct))
            {
                await p.Feeds.NotifyOrganisationAsync(office, "objection.received", notice, ct);
            }

            await p.Db.SaveChangesAsync(ct);
            return Receipt(objection, secret);
        }, ct);
    }

    private static Created<ObjectionReceipt> Receipt(Objection o, string secret) =>
        TypedResults.Created($"/api/v1/objections/{o.TrackingCode}", new ObjectionReceipt(o.TrackingCode, secret, o.ReceivedOn, o.DueDate, o.HandlingPeriod,
            $"/api/v1/objections/{o.TrackingCode}",
            $"已收到您的审查建议，跟踪码 {o.TrackingCode}。请妥善保存跟踪码和密钥（密钥仅显示这一次），凭二者查询办理进度。法定答复期限至 {o.DueDate:yyyy-MM-dd}。" +
            $" / Received as {o.TrackingCode}. Keep the tracking code and the secret (shown only now) to follow it; the reply is due by {o.DueDate:yyyy-MM-dd}."));

    private static async Task<Results<Ok<ObjectionStatusView>, ProblemHttpResult>> Track(
        string trackingCode, [FromHeader(Name = SecretHeader)] string? secret, ParticipationContext p, CancellationToken ct)
    {
        var code = TrackingCode.Normalise(trackingCode);
        var objection = code is null ? null : await p.Db.Objections.AsNoTracking().SingleOrDefaultAsync(o => o.TrackingCode == code, ct);

        // The same answer, after the same work, for an unknown code, a missing secret and a wrong one.
        return ObjectionSecret.Matches(secret, objection?.SecretHash)
            ? TypedResults.Ok(ParticipationViews.Status(objection!, p.Today))
            : RegisterProblems.Problem(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found",
                $"没有与该跟踪码和密钥匹配的审查建议（密钥放在 {SecretHeader} 请求头中）/ No objection matches this tracking code and secret (send the secret in {SecretHeader}).");
    }

    private static async Task<Results<Ok<PagedList<ObjectionCaseView>>, ProblemHttpResult, ValidationProblem>> Queue(
        [AsParameters] ObjectionQueueQuery query, ParticipationContext p, CancellationToken ct)
    {
        var caller = p.Caller;
        if (!caller.Has(CallerRoles.LegalOffice | CallerRoles.Oversight | CallerRoles.Admin))
        {
            return RegisterProblems.Forbidden("The objection queue is the legal office's (and of bodies objections are transferred to).");
        }

        var errors = new Dictionary<string, string[]>();
        var limit = Paging.Limit(query.Limit, p.Register.Options.MaxPageSize, errors);
        var status = KebabEnum.Filter<ObjectionStatus>(query.Status, "status", errors);
        var cursor = Cursor.ReadDateAndId(query.Cursor, "o", errors);
        var (afterDue, afterId) = (cursor?.Date, cursor?.Id);

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var today = p.Today;
        var filter = new ObjectionQueueFilter(status, query.Overdue, query.DocumentId);
        var total = await p.Db.Objections.WithSpecification(new ObjectionQueueSpec(caller, filter, today, null, null, limit), criteriaOnly: true).CountAsync(ct);
        var page = await p.Db.Objections.AsNoTracking().WithSpecification(new ObjectionQueueSpec(caller, filter, today, afterDue, afterId, limit + 1)).ToListAsync(ct);
        var shown = page.Take(limit).ToList();
        var next = page.Count > limit ? Cursor.Encode("o", Cursor.Date(shown[^1].DueDate), shown[^1].Id.ToString("D")) : null;
        return TypedResults.Ok(new PagedList<ObjectionCaseView>(
            [.. shown.Select(o => ParticipationViews.Case(o, ParticipationPermissions.SeesObjectionContact(caller, o), today))], total, next));
    }

    private static async Task<Results<Ok<ObjectionCaseView>, ProblemHttpResult>> Case(string trackingCode, ParticipationContext p, CancellationToken ct)
    {
        var objection = await FindVisibleAsync(trackingCode, p, tracked: false, ct);
        return objection is null
            ? RegisterProblems.NotFound("objection")
            : TypedResults.Ok(ParticipationViews.Case(objection, ParticipationPermissions.SeesObjectionContact(p.Caller, objection), p.Today));
    }

    private static async Task<Results<Ok<ObjectionCaseView>, ProblemHttpResult, ValidationProblem>> Triage(
        string trackingCode, TriageRequest request, ParticipationContext p, CancellationToken ct)
    {
        if (request.Decision is not { } decision)
        {
            return RegisterProblems.Invalid("decision", "decision is required: accepted, not-accepted or transferred.");
        }

        var errors = new Dictionary<string, string[]>();
        if (decision == TriageDecision.NotAccepted && request.ReasonKind is null)
        {
            errors["reasonKind"] = ["reasonKind is required for not-accepted: not-normative-document, duplicate, outside-remit or other."];
        }

        if (decision == TriageDecision.Transferred && request.TransferTo is null)
        {
            errors["transferTo"] = ["transferTo is required for transferred: the organisation id of the competent body."];
        }

        foreach (var (name, value) in new[] { ("reason", request.Reason), ("note", request.Note) })
        {
            if (value is { Length: > 5000 })
            {
                errors[name] = [$"{name} is at most 5000 characters."];
            }
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        Organisation? target = null;
        if (decision == TriageDecision.Transferred)
        {
            target = await p.Db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.TransferTo, ct);
            if (target is null)
            {
                return RegisterProblems.Invalid("transferTo", "No organisation with this id (see GET /api/v1/organisations).");
            }
        }

        return await StepAsync(trackingCode, p, "objection.triaged", (o, today, actor, at) =>
        {
            switch (decision)
            {
                case TriageDecision.Accepted:
                    o.Accept(request.Note, today, actor, at);
                    break;
                case TriageDecision.NotAccepted:
                    o.Decline(request.ReasonKind!.Value, request.Reason, today, actor, at);
                    break;
                default:
                    o.Transfer(target!, request.Reason, today, actor, at);
                    return p.Feeds.NotifyOrganisationAsync(target!.Id, "objection.transferred", ObjectionNotice.Of(o, today,
                        $"对《{o.DocumentTitle}》的审查建议 {o.TrackingCode} 已移送{target.Name}，答复期限 {ObjectionNotice.Iso(o.DueDate)}。"), ct);
            }

            return Task.CompletedTask;
        }, ct);
    }

    private static Task<Results<Ok<ObjectionCaseView>, ProblemHttpResult, ValidationProblem>> Review(
        string trackingCode, ObjectionReviewRequest request, ParticipationContext p, CancellationToken ct) =>
        request.Note is { Length: > 5000 }
            ? Task.FromResult<Results<Ok<ObjectionCaseView>, ProblemHttpResult, ValidationProblem>>(RegisterProblems.Invalid("note", "note is at most 5000 characters."))
            : StepAsync(trackingCode, p, "objection.review-started", (o, today, actor, at) =>
            {
                o.StartReview(request.Note, today, actor, at);
                return Task.CompletedTask;
            }, ct);

    private static Task<Results<Ok<ObjectionCaseView>, ProblemHttpResult, ValidationProblem>> Conclude(
        string trackingCode, ObjectionConclusionRequest request, ParticipationContext p, CancellationToken ct)
    {
        if (request.Conclusion is not { } conclusion)
        {
            return Task.FromResult<Results<Ok<ObjectionCaseView>, ProblemHttpResult, ValidationProblem>>(
                RegisterProblems.Invalid("conclusion", "conclusion is required: no-problem, correction-requested or revocation-proposed."));
        }

        return request.Text is { Length: > 20000 }
            ? Task.FromResult<Results<Ok<ObjectionCaseView>, ProblemHttpResult, ValidationProblem>>(RegisterProblems.Invalid("text", "text is at most 20000 characters."))
            : StepAsync(trackingCode, p, "objection.concluded", async (o, today, actor, at) =>
            {
                o.Conclude(conclusion, request.Text, today, actor, at);
                p.Feeds.RecordPublicEvent(RegisterEvents.ObjectionStep(o, await p.ObjectionNumberAsync(o, ct), answered: false, at, today));
            }, ct);
    }

    private static Task<Results<Ok<ObjectionCaseView>, ProblemHttpResult, ValidationProblem>> Reply(
        string trackingCode, ObjectionReplyRequest request, ParticipationContext p, CancellationToken ct) =>
        request.Text is { Length: > 20000 }
            ? Task.FromResult<Results<Ok<ObjectionCaseView>, ProblemHttpResult, ValidationProblem>>(RegisterProblems.Invalid("text", "text is at most 20000 characters."))
            : StepAsync(trackingCode, p, "objection.replied", async (o, today, actor, at) =>
            {
                o.Reply(request.Text, today, actor, at);
                p.Feeds.RecordPublicEvent(RegisterEvents.ObjectionStep(o, await p.ObjectionNumberAsync(o, ct), answered: true, at, today));

                // The notice to the submitter carries their address: it stays in participation's own notifications.
                await NotifySubmitterAsync(p, o, actor.OrganisationId, ct);
            }, ct);

    private static async Task NotifySubmitterAsync(ParticipationContext p, Objection o, Guid office, CancellationToken ct)
    {
        var subject = $"审查建议 {o.TrackingCode} 已答复";
        var body = $"您于 {o.ReceivedOn:yyyy-MM-dd} 对《{o.DocumentTitle}》提出的审查建议（跟踪码 {o.TrackingCode}）已有书面答复：{o.ReplyText}" +
                   $"\n凭跟踪码和提交时获得的密钥可查询办理过程：/api/v1/objections/{o.TrackingCode}";
        foreach (var (channel, address) in new[] { (NotificationChannel.Email, o.ContactEmail), (NotificationChannel.Sms, o.ContactPhone) })
        {
            if (address is not null)
            {
                await p.Outbox.EnqueueAsync("objection-replied", channel, office, address, subject, body, $"objection:{o.TrackingCode}",
                    $"objection:{o.TrackingCode}:replied:{JsonNaming.Kebab(channel.ToString())}", ct);
            }
        }
    }

    private static Task<Results<Ok<ObjectionCaseView>, ProblemHttpResult, ValidationProblem>> StepAsync(
        string trackingCode, ParticipationContext p, string action, Func<Objection, DateOnly, Actor, DateTimeOffset, Task> change, CancellationToken ct) =>
        ConcurrencyRetry.RunAsync<Results<Ok<ObjectionCaseView>, ProblemHttpResult, ValidationProblem>>(p.Db, async ct =>
        {
            var objection = await FindVisibleAsync(trackingCode, p, tracked: true, ct);
            if (objection is null)
            {
                return RegisterProblems.NotFound("objection");
            }

            if (!ParticipationPermissions.HandlesObjection(p.Caller, objection))
            {
                return RegisterProblems.Forbidden("Only the legal office of the document's government handles this objection; a transferee can read it.");
            }

            var before = ParticipationViews.AuditRecord(objection);
            await change(objection, p.Today, p.Caller.AsActor(), p.Now);
            await p.AuditAsync(objection.DocumentId, p.Caller, action, before, ParticipationViews.AuditRecord(objection), $"objection:{objection.TrackingCode}", ct);
            await p.Db.SaveChangesAsync(ct);
            return TypedResults.Ok(ParticipationViews.Case(objection, withContact: true, p.Today));
        }, ct);

    private static async Task<Objection?> FindVisibleAsync(string trackingCode, ParticipationContext p, bool tracked, CancellationToken ct)
    {
        var code = TrackingCode.Normalise(trackingCode);
        if (code is null)
        {
            return null;
        }

        var query = p.Db.Objections.Where(ObjectionVisibility.For(p.Caller)).Where(o => o.TrackingCode == code);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }

    private static async Task<Ok<ObjectionStatisticsResponse>> Statistics(
        int? year, Guid? documentId, Guid? issuingAuthorityId, ParticipationContext p, CancellationToken ct)
    {
        var query = p.Db.Objections.AsNoTracking();
        if (documentId is { } d)
        {
            query = query.Where(o => o.DocumentId == d);
        }

        if (issuingAuthorityId is { } a)
        {
            query = query.Where(o => o.IssuingAuthorityId == a);
        }

        if (year is { } y)
        {
            var from = new DateOnly(Math.Clamp(y, 1, 9999), 1, 1);
            var to = new DateOnly(Math.Clamp(y, 1, 9999), 12, 31);
            query = query.Where(o => o.ReceivedOn >= from && o.ReceivedOn <= to);
        }

        var rows = await query
            .Select(o => new { o.DocumentId, o.DocumentTitle, o.UnifiedNumber, o.ReceivedOn, o.DueDate, o.RepliedOn, o.NonAcceptance, o.TransferredToId, o.Conclusion })
            .ToListAsync(ct);
        var stats = rows.Select(r => new ObjectionStatisticsRow(r.DocumentId, r.DocumentTitle, r.UnifiedNumber, r.ReceivedOn, r.DueDate, r.RepliedOn,
            Objection.OutcomeOf(r.NonAcceptance, r.TransferredToId, r.Conclusion))).ToList();
        var today = p.Today;
        return TypedResults.Ok(new ObjectionStatisticsResponse(
            today,
            [.. ObjectionStatistics.ByYear(stats, today).Select(s => new ObjectionYearDto(s.Year, ObjectionCountsDto.From(s.Counts)))],
            [.. ObjectionStatistics.ByDocument(stats, today).Select(s => new ObjectionDocumentDto(s.DocumentId, s.Title, s.UnifiedNumber, ObjectionCountsDto.From(s.Counts)))]));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>Query of <c>GET /api/v1/objections</c>.</summary>
public sealed class ObjectionQueueQuery
{
    /// <summary>received, accepted, not-accepted, transferred, under-review, concluded or replied.</summary>
    public string? Status { get; set; }

    /// <summary>true: only unanswered past the due date; false: only the others.</summary>
    public bool? Overdue { get; set; }

    /// <summary>Only objections to this document.</summary>
    public Guid? DocumentId { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>nextCursor of the previous page.</summary>
    public string? Cursor { get; set; }
}
