using Filing.Api.Infrastructure;
using Filing.Api.Infrastructure.Notifications;
using Filing.Api.Register;
using Filing.Core.Feeds;
using Filing.Core.Participation;
using Filing.Core.Participation.Specifications;
using Filing.Core.Register;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Participation;

/// <summary>
/// Public comment periods (公开征求意见): the public lists, reads and comments without a key; the drafting department
/// moderates, closes, answers and publishes the feedback report (意见采纳情况). A period is opened through the register's
/// <c>POST /api/v1/documents/{id}/consultation</c>.
/// </summary>
internal static class ConsultationsEndpoints
{
    public static RouteGroupBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/consultations").WithTags("Participation: comment periods");

        group.MapGet("/", List).WithName("ListConsultations")
            .WithSummary("Comment periods open now, starting soon or recently ended (public)")
            .WithDescription("`state`: current (default: open, scheduled, or ended within the last `Participation:RecentDays` days), open, scheduled, closed or all.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get).WithName("GetConsultation")
            .WithSummary("A comment period: the draft's text as structure, the deadline and how to comment (public)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/comments", Submit).WithName("SubmitComment")
            .WithSummary("Send a comment on the draft, anonymously or named, optionally about one article or a quoted passage (public)")
            .WithDescription("No key needed. Names and contact details are seen by the drafting department only. A comment repeating an earlier one " +
                "word for word (ignoring spaces, punctuation and width) is kept and linked to it. Rate-limited per client (429 with Retry-After); " +
                "bodies over `Participation:MaxPublicRequestBytes` are refused with 413.")
            .WithRequestExample(new SubmitCommentRequest("建议将第三条中的“五个工作日”改为“三个工作日”，方便企业办事。", null, null, null, new CommentAnchorRequest("第三条", "五个工作日")))
            .WithMetadata(new PublicSubmissionAttribute())
            .RequireRateLimiting(ParticipationSetup.SubmissionPolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/{id:guid}/comments", PublicComments).WithName("ListPublicComments")
            .WithSummary("The comments shown publicly, by number: no names or contacts; answers once the feedback report is published (public)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}/feedback-report", GetFeedbackReport).WithName("GetFeedbackReport")
            .WithSummary("意见采纳情况: what became of the comments (public once published; the drafting department can preview it)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/desk/comments", Desk).WithName("ListDeskComments")
            .WithSummary("The drafting department's desk: every comment with hidden ones, submitters and contacts, and answers")
            .WithDescription("Filters: `hidden`, `answered` (own or followed answer), `duplicates`.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        Office(group.MapPost("/{id:guid}/comments/{number:int}/hide", Hide), "HideComment",
            "Hide a comment from public views, with the reason (it stays stored and in the audit trail)");
        Office(group.MapPost("/{id:guid}/comments/{number:int}/restore", Restore), "RestoreComment", "Show a hidden comment again");
        Office(group.MapPost("/{id:guid}/close", Close), "CloseConsultation", "Close the period after its last day (it cannot be cut short)");
        Office(group.MapPost("/{id:guid}/answers", Answer), "AnswerComments",
            "Answer one comment or a group on the same point: adopted, partly-adopted or not-adopted with the reason (after closing)")
            .WithRequestExample(new AnswerCommentsRequest([1, 3], AnswerOutcome.PartlyAdopted, "办理时限已压缩至四个工作日，三个工作日暂无法实现。"));
        Office(group.MapPost("/{id:guid}/feedback-report", PublishFeedback), "PublishFeedbackReport",
            "Publish the feedback report once every visible comment is answered; named commenters with contact details are notified");
        return group;
    }

    private static RouteHandlerBuilder Office(RouteHandlerBuilder builder, string name, string summary) =>
        builder.WithName(name).WithSummary(summary).RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<PagedList<ConsultationSummary>>, ValidationProblem>> List(
        [AsParameters] ConsultationListQuery query, ParticipationContext p, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var limit = Paging.Limit(query.Limit, p.Register.Options.MaxPageSize, errors);
        var state = KebabEnum.Filter<ConsultationListState>(query.State, "state", errors) ?? ConsultationListState.Current;
        var cursor = Cursor.ReadDateAndId(query.Cursor, "c", errors);
        var (afterStart, afterId) = (cursor?.Date, cursor?.Id);

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var today = p.Today;
        var filter = new ConsultationListFilter(state, p.Options.RecentDays, query.IssuingAuthorityId, query.DocumentId);
        var total = await p.Db.Consultations.WithSpecification(new ConsultationListSpec(filter, today, null, null, limit), criteriaOnly: true).CountAsync(ct);
        var page = await p.Db.Consultations.AsNoTracking().WithSpecification(new ConsultationListSpec(filter, today, afterStart, afterId, limit + 1)).ToListAsync(ct);
        var shown = page.Take(limit).ToList();
        var counts = await VisibleCountsAsync(p, [.. shown.Select(c => c.Id)], ct);
        var next = page.Count > limit ? Cursor.Encode("c", Cursor.Date(shown[^1].Start), shown[^1].Id.ToString("D")) : null;
        return TypedResults.Ok(new PagedList<ConsultationSummary>(
            [.. shown.Select(c => ParticipationViews.Summary(c, counts.GetValueOrDefault(c.Id), today))], total, next));
    }

    private static async Task<Results<Ok<ConsultationDetail>, ProblemHttpResult>> Get(Guid id, ParticipationContext p, CancellationToken ct)
    {
        var consultation = await p.Db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null)
        {
            return RegisterProblems.NotFound("comment period");
        }

        var draft = await p.ParsedVersionAsync(consultation.DocumentId, consultation.VersionNumber, ct);
        var counts = await VisibleCountsAsync(p, [id], ct);
        return TypedResults.Ok(ParticipationViews.Detail(consultation, counts.GetValueOrDefault(id), draft, p));
    }

    private static async Task<Results<Created<CommentReceipt>, ProblemHttpResult, ValidationProblem>> Submit(
        Guid id, SubmitCommentRequest request, ParticipationContext p, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var text = InputRules.Text(request.Text, "text", p.Options.MaxCommentLength, required: true, errors);
        var submitter = new CommentSubmitter(
            InputRules.Text(request.Name, "name", 100, required: false, errors),
            InputRules.Text(request.Organisation, "organisation", 200, required: false, errors),
            InputRules.Phone(request.Contact?.Phone, "contact.phone", errors),
            InputRules.Email(request.Contact?.Email, "contact.email", errors));
        var path = InputRules.Text(request.Anchor?.Path, "anchor.path", 200, required: false, errors);
        var quote = request.Anchor?.Quote is { Length: > 0 } q && !string.IsNullOrWhiteSpace(q) && q.Length <= 1000 ? q.Trim() : null;
        if (request.Anchor?.Quote is { Length: > 1000 })
        {
            errors["anchor.quote"] = ["quote 最多 1000 个字符 / A quote is at most 1000 characters."];
        }
        else if (request.Anchor?.Quote is { } rawQuote && string.IsNullOrWhiteSpace(rawQuote))
        {
            errors["anchor.quote"] = ["quote 不能为空白 / The quote cannot be blank."];
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        return await ConcurrencyRetry.RunAsync<Results<Created<CommentReceipt>, ProblemHttpResult, ValidationProblem>>(p.Db, async ct =>
        {
            await using var transaction = await p.LockConsultationAsync(id, ct);
            var consultation = await p.Db.Consultations.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (consultation is null)
            {
                return RegisterProblems.NotFound("comment period");
            }

            var today = p.Today;
            consultation.EnsureAcceptsComments(today);
            AnchorResolution? anchor = null;
            if (path is not null || quote is not null)
            {
                var draft = await p.ParsedVersionAsync(consultation.DocumentId, consultation.VersionNumber, ct);
                if (draft is null)
                {
                    return RegisterProblems.Invalid("anchor", "草案文本不可用，无法定位条款：请不带 anchor 提交 / The draft's text is unavailable; send the comment without an anchor.");
                }

                anchor = new DraftStructure(draft).Resolve(path, quote);
                if (!anchor.IsPlaced)
                {
                    return RegisterProblems.Invalid("anchor." + anchor.Field, anchor.Error!);
                }
            }

            var fingerprint = TextFingerprint.Of(text!);
            var first = await p.Db.ConsultationComments.Where(c => c.ConsultationId == id && c.Fingerprint == fingerprint)
                .OrderBy(c => c.Number).FirstOrDefaultAsync(ct);
            var comment = consultation.Submit(Guid.CreateVersion7(p.Now), text!, anchor, submitter, first, today, p.Now);
            p.Db.ConsultationComments.Add(comment);
            await p.AuditAsync(consultation.DocumentId, ParticipationContext.Public, "comment.submitted", null,
                ParticipationViews.AuditRecord(comment), $"consultation:{id}", ct);
            await p.Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            var message = comment.DuplicateOfNumber is { } dup
                ? $"已收到您的意见（#{comment.Number}），与意见 #{dup} 内容相同，已合并处理 / Received as #{comment.Number}; it repeats #{dup} and is linked to it."
                : $"已收到您的意见（#{comment.Number}）。征求意见截止后，起草单位将公布意见采纳情况 / Received as #{comment.Number}. After the period the drafting department publishes what became of the comments.";
            return TypedResults.Created($"/api/v1/consultations/{id}/comments",
                new CommentReceipt(comment.Id, comment.Number, id, comment.SubmittedAt, ParticipationViews.Anchor(comment), comment.DuplicateOfNumber, message));
        }, ct);
    }

    private static async Task<Results<Ok<PagedList<PublicCommentView>>, ProblemHttpResult, ValidationProblem>> PublicComments(
        Guid id, int? limit, string? cursor, ParticipationContext p, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var take = Paging.Limit(limit, p.Register.Options.MaxPageSize, errors);
        var after = Cursor.ReadNumber(cursor, "n", errors);

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var consultation = await p.Db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null)
        {
            return RegisterProblems.NotFound("comment period");
        }

        var visible = p.Db.ConsultationComments.AsNoTracking().Where(c => c.ConsultationId == id && !c.Hidden);
        var total = await visible.CountAsync(ct);
        var page = await visible.Where(c => c.Number > after).OrderBy(c => c.Number).Take(take + 1).ToListAsync(ct);
        var shown = page.Take(take).ToList();
        var answers = consultation.FeedbackPublishedOn is null
            ? new Dictionary<Guid, CommentAnswer>()
            : await AnswersForAsync(p, consultation.Id, shown, ct);
        var next = page.Count > take ? Cursor.Encode("n", shown[^1].Number.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new PagedList<PublicCommentView>(
            [.. shown.Select(c => ParticipationViews.Public(c, AnswerOf(c, answers)))], total, next));
    }

    private static async Task<Results<Ok<FeedbackReportDto>, ProblemHttpResult>> GetFeedbackReport(Guid id, ParticipationContext p, CancellationToken ct)
    {
        var consultation = await p.Db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null)
        {
            return RegisterProblems.NotFound("comment period");
        }

        if (consultation.FeedbackPublishedOn is null && !ParticipationPermissions.RunsConsultation(p.Caller, consultation))
        {
            return RegisterProblems.Problem(StatusCodes.Status404NotFound, "feedback-not-published", "Not published yet",
                "意见采纳情况尚未公布 / The feedback report of this comment period is not published yet.");
        }

        var (comments, answers) = await AllAsync(p, id, ct);
        return TypedResults.Ok(ParticipationViews.Report(consultation, comments, answers));
    }

    private static async Task<Results<Ok<PagedList<DeskCommentView>>, ProblemHttpResult, ValidationProblem>> Desk(
        Guid id, bool? hidden, bool? answered, bool? duplicates, int? limit, string? cursor, ParticipationContext p, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var take = Paging.Limit(limit, p.Register.Options.MaxPageSize, errors);
        var after = Cursor.ReadNumber(cursor, "dn", errors);

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var consultation = await p.Db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null)
        {
            return RegisterProblems.NotFound("comment period");
        }

        if (!ParticipationPermissions.RunsConsultation(p.Caller, consultation))
        {
            return RegisterProblems.Forbidden("The desk of a comment period is the drafting department's.");
        }

        // A county draft gets hundreds of comments, not millions: the desk filters on effective answers in memory.
        var (comments, answerList) = await AllAsync(p, id, ct);
        var answers = answerList.ToDictionary(a => a.Id);
        var byId = comments.ToDictionary(c => c.Id);
        var rows = comments
            .Select(c => (Comment: c, AnswerId: Consultation.EffectiveAnswer(c, byId)))
            .Where(r => hidden is null || r.Comment.Hidden == hidden)
            .Where(r => answered is null || (r.AnswerId is not null) == answered)
            .Where(r => duplicates is null || (r.Comment.DuplicateOfId is not null) == duplicates)
            .OrderBy(r => r.Comment.Number)
            .ToList();
        var page = rows.Where(r => r.Comment.Number > after).Take(take + 1).ToList();
        var shown = page.Take(take).ToList();
        var next = page.Count > take ? Cursor.Encode("dn", shown[^1].Comment.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new PagedList<DeskCommentView>(
            [.. shown.Select(r => ParticipationViews.Desk(r.Comment, r.AnswerId is { } a ? answers.GetValueOrDefault(a) : null, r.AnswerId is not null && r.Comment.AnswerId is null))],
            rows.Count, next));
    }

    private static Task<Results<Ok<DeskCommentView>, ProblemHttpResult, ValidationProblem>> Hide(
        Guid id, int number, HideCommentRequest request, ParticipationContext p, CancellationToken ct) =>
        ModerateAsync(id, number, p, "comment.hidden", (c, comment) => c.Hide(comment, request.Reason ?? "", p.Caller.AsActor(), p.Now), ct);

    private static Task<Results<Ok<DeskCommentView>, ProblemHttpResult, ValidationProblem>> Restore(
        Guid id, int number, ParticipationContext p, CancellationToken ct) =>
        ModerateAsync(id, number, p, "comment.restored", (c, comment) => c.Restore(comment), ct);

    private static Task<Results<Ok<DeskCommentView>, ProblemHttpResult, ValidationProblem>> ModerateAsync(
        Guid id, int number, ParticipationContext p, string action, Action<Consultation, ConsultationComment> change, CancellationToken ct) =>
        ConcurrencyRetry.RunAsync<Results<Ok<DeskCommentView>, ProblemHttpResult, ValidationProblem>>(p.Db, async ct =>
        {
            var (consultation, problem) = await LoadForOfficeAsync(id, p, ct);
            if (problem is not null)
            {
                return problem;
            }

            var comment = await p.Db.ConsultationComments.SingleOrDefaultAsync(c => c.ConsultationId == id && c.Number == number, ct);
            if (comment is null)
            {
                return RegisterProblems.NotFound("comment");
            }

            var before = ParticipationViews.AuditRecord(comment);
            change(consultation!, comment);
            await p.AuditAsync(consultation!.DocumentId, p.Caller, action, before, ParticipationViews.AuditRecord(comment), $"consultation:{id}", ct);
            await p.Db.SaveChangesAsync(ct);
            var answer = comment.AnswerId is { } a ? await p.Db.CommentAnswers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == a, ct) : null;
            return TypedResults.Ok(ParticipationViews.Desk(comment, answer, followed: false));
        }, ct);

    private static Task<Results<Ok<ConsultationClosed>, ProblemHttpResult, ValidationProblem>> Close(Guid id, ParticipationContext p, CancellationToken ct) =>
        ConcurrencyRetry.RunAsync<Results<Ok<ConsultationClosed>, ProblemHttpResult, ValidationProblem>>(p.Db, async ct =>
        {
            var (consultation, problem) = await LoadForOfficeAsync(id, p, ct);
            if (problem is not null)
            {
                return problem;
            }

            var document = await p.Db.Documents.SingleAsync(d => d.Id == consultation!.DocumentId, ct);
            var comments = await p.Db.ConsultationComments.AsNoTracking().Where(c => c.ConsultationId == id).ToListAsync(ct);
            var before = DocumentViews.Snapshot(document);
            var step = consultation!.Close(document, comments.Count, p.Today, p.Caller.AsActor(), p.Now);
            await p.AuditAsync(document.Id, p.Caller, "step.public-comment-closed", before,
                new { document = DocumentViews.Snapshot(document), step = DocumentViews.StepRecord(step), consultation = id, comments = comments.Count }, $"consultation:{id}", ct);
            await p.Db.SaveChangesAsync(ct);
            return TypedResults.Ok(new ConsultationClosed(id, consultation.StatusOn(p.Today), consultation.ClosedOn!.Value, comments.Count,
                Consultation.Unanswered(comments).Count));
        }, ct);

    private static async Task<Results<Ok<AnswerResponse>, ProblemHttpResult, ValidationProblem>> Answer(
        Guid id, AnswerCommentsRequest request, ParticipationContext p, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Comments is not { Count: > 0 } numbers)
        {
            errors["comments"] = ["comments 须列出所答复意见的编号 / List the numbers of the comments this answer is for."];
            numbers = [];
        }
        else if (numbers.Count > 1000)
        {
            errors["comments"] = ["一次最多答复 1000 条意见 / At most 1000 comments per answer."];
        }

        if (request.Outcome is null)
        {
            errors["outcome"] = ["outcome is required: adopted, partly-adopted or not-adopted."];
        }

        if (request.Reason is { Length: > 5000 })
        {
            errors["reason"] = ["reason is at most 5000 characters."];
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        return await ConcurrencyRetry.RunAsync<Results<Ok<AnswerResponse>, ProblemHttpResult, ValidationProblem>>(p.Db, async ct =>
        {
            var (consultation, problem) = await LoadForOfficeAsync(id, p, ct);
            if (problem is not null)
            {
                return problem;
            }

            var comments = await p.Db.ConsultationComments.Where(c => c.ConsultationId == id).ToListAsync(ct);
            var byNumber = comments.ToDictionary(c => c.Number);
            var unknown = numbers.Distinct().Where(n => !byNumber.ContainsKey(n)).ToList();
            if (unknown.Count > 0)
            {
                return RegisterProblems.Invalid("comments", $"没有这些编号的意见 / No comments numbered {string.Join(", ", unknown)} in this period.");
            }

            var answered = numbers.Distinct().Select(n => byNumber[n]).ToList();
            var before = answered.Select(ParticipationViews.AuditRecord).ToList();
            var answer = consultation!.Answer(Guid.CreateVersion7(p.Now), answered, request.Outcome!.Value, request.Reason, p.Caller.AsActor(), p.Now);
            p.Db.CommentAnswers.Add(answer);
            await p.AuditAsync(consultation.DocumentId, p.Caller, "comment.answered", before,
                new { answer = answer.Id, outcome = answer.Outcome, reason = answer.Reason, comments = answered.Select(c => c.Number) }, $"consultation:{id}", ct);
            await p.Db.SaveChangesAsync(ct);
            return TypedResults.Ok(new AnswerResponse(answer.Id, answer.Outcome, answer.Reason, [.. answered.Select(c => c.Number).Order()],
                Consultation.Unanswered(comments).Count));
        }, ct);
    }

    private static Task<Results<Ok<FeedbackReportDto>, ProblemHttpResult, ValidationProblem>> PublishFeedback(
        Guid id, PublishFeedbackRequest request, ParticipationContext p, CancellationToken ct)
    {
        if (request.Summary is { Length: > 20000 })
        {
            return Task.FromResult<Results<Ok<FeedbackReportDto>, ProblemHttpResult, ValidationProblem>>(
                RegisterProblems.Invalid("summary", "summary is at most 20000 characters."));
        }

        return ConcurrencyRetry.RunAsync<Results<Ok<FeedbackReportDto>, ProblemHttpResult, ValidationProblem>>(p.Db, async ct =>
        {
            var (consultation, problem) = await LoadForOfficeAsync(id, p, ct);
            if (problem is not null)
            {
                return problem;
            }

            var document = await p.Db.Documents.SingleAsync(d => d.Id == consultation!.DocumentId, ct);
            var (comments, answers) = await AllAsync(p, id, ct);
            var before = DocumentViews.Snapshot(document);
            var step = consultation!.PublishFeedback(document, comments, request.Summary, p.Today, p.Caller.AsActor(), p.Now);
            var report = ParticipationViews.Report(consultation, comments, answers);
            await p.AuditAsync(document.Id, p.Caller, "step.public-comment-feedback", before, new
            {
                document = DocumentViews.Snapshot(document),
                step = DocumentViews.StepRecord(step),
                consultation = id,
                report = new { report.Received, report.Hidden, report.Duplicates, report.Adopted, report.PartlyAdopted, report.NotAdopted, report.Summary },
            }, $"consultation:{id}", ct);
            await NotifyCommentersAsync(p, consultation, comments, answers, ct);
            p.Feeds.RecordPublicEvent(RegisterEvents.FeedbackPublished(consultation, FeedbackReport.Build(consultation, comments, answers), p.Now));
            await p.Db.SaveChangesAsync(ct);
            return TypedResults.Ok(report);
        }, ct);
    }

    private static async Task NotifyCommentersAsync(ParticipationContext p, Consultation consultation, IReadOnlyList<ConsultationComment> comments,
        IReadOnlyList<CommentAnswer> answers, CancellationToken ct)
    {
        var byId = comments.ToDictionary(c => c.Id);
        var answersById = answers.ToDictionary(a => a.Id);
        var url = $"/api/v1/consultations/{consultation.Id}/feedback-report";
        foreach (var comment in comments.Where(c => !c.Hidden && c.HasContact))
        {
            var answer = Consultation.EffectiveAnswer(comment, byId) is { } a ? answersById.GetValueOrDefault(a) : null;
            var outcome = answer?.Outcome switch
            {
                AnswerOutcome.Adopted => "采纳",
                AnswerOutcome.PartlyAdopted => "部分采纳",
                AnswerOutcome.NotAdopted => "未采纳",
                _ => "已汇总",
            };
            var subject = $"《{consultation.Title}》征求意见采纳情况";
            var body = $"您对《{consultation.Title}》征求意见稿提出的意见（#{comment.Number}）：{outcome}" +
                (answer?.Reason is { } reason ? $"。理由：{reason}" : "") + $"。意见采纳情况见 {url}";
            foreach (var (channel, address) in new[] { (NotificationChannel.Email, comment.SubmitterEmail), (NotificationChannel.Sms, comment.SubmitterPhone) })
            {
                if (address is not null)
                {
                    await p.Outbox.EnqueueAsync("comments-fed-back", channel, consultation.DraftingDepartmentId, address, subject, body,
                        $"consultation:{consultation.Id}", $"consultation:{consultation.Id}:feedback:{comment.Number}:{JsonNaming.Kebab(channel.ToString())}", ct);
                }
            }
        }
    }

    private static async Task<(Consultation? Consultation, ProblemHttpResult? Problem)> LoadForOfficeAsync(Guid id, ParticipationContext p, CancellationToken ct)
    {
        var consultation = await p.Db.Consultations.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null)
        {
            return (null, RegisterProblems.NotFound("comment period"));
        }

        return ParticipationPermissions.RunsConsultation(p.Caller, consultation)
            ? (consultation, null)
            : (null, RegisterProblems.Forbidden("Only the drafting department that opened the comment period moderates, closes and answers it."));
    }

    private static async Task<(List<ConsultationComment> Comments, List<CommentAnswer> Answers)> AllAsync(ParticipationContext p, Guid id, CancellationToken ct)
    {
        var comments = await p.Db.ConsultationComments.Where(c => c.ConsultationId == id).OrderBy(c => c.Number).ToListAsync(ct);
        var answers = await p.Db.CommentAnswers.Where(a => a.ConsultationId == id).ToListAsync(ct);
        return (comments, answers);
    }

    private static async Task<Dictionary<Guid, CommentAnswer>> AnswersForAsync(ParticipationContext p, Guid consultationId, IReadOnlyList<ConsultationComment> shown, CancellationToken ct)
    {
        // Duplicates follow their first comment's answer: fetch the answers of the shown comments and of their originals.
        var originals = shown.Where(c => c.AnswerId is null && c.DuplicateOfId is not null).Select(c => c.DuplicateOfId!.Value).Distinct().ToList();
        var originalAnswers = await p.Db.ConsultationComments.AsNoTracking()
            .Where(c => originals.Contains(c.Id) && !c.Hidden && c.AnswerId != null)
            .Select(c => new { c.Id, c.AnswerId })
            .ToDictionaryAsync(c => c.Id, c => c.AnswerId!.Value, ct);
        var ids = shown.Where(c => c.AnswerId is not null).Select(c => c.AnswerId!.Value).Concat(originalAnswers.Values).Distinct().ToList();
        var answers = await p.Db.CommentAnswers.AsNoTracking().Where(a => a.ConsultationId == consultationId && ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        foreach (var (original, answerId) in originalAnswers)
        {
            if (answers.TryGetValue(answerId, out var answer))
            {
                answers[original] = answer;
            }
        }

        return answers;
    }

    // For a comment: its own answer, else the one its first comment has (keyed by the first comment's id above).
    private static CommentAnswer? AnswerOf(ConsultationComment c, Dictionary<Guid, CommentAnswer> answers) =>
        c.AnswerId is { } own ? answers.GetValueOrDefault(own)
        : c.DuplicateOfId is { } first ? answers.GetValueOrDefault(first)
        : null;

    private static async Task<Dictionary<Guid, int>> VisibleCountsAsync(ParticipationContext p, IReadOnlyList<Guid> ids, CancellationToken ct) =>
        await p.Db.ConsultationComments.AsNoTracking()
            .Where(c => ids.Contains(c.ConsultationId) && !c.Hidden)
            .GroupBy(c => c.ConsultationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}

/// <summary>Query of <c>GET /api/v1/consultations</c>.</summary>
public sealed class ConsultationListQuery
{
    /// <summary>current (default), open, scheduled, closed or all.</summary>
    public string? State { get; set; }

    /// <summary>Only this issuing authority's drafts.</summary>
    public Guid? IssuingAuthorityId { get; set; }

    /// <summary>Only this document's periods.</summary>
    public Guid? DocumentId { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>nextCursor of the previous page.</summary>
    public string? Cursor { get; set; }
}
