using System.Globalization;
using Filing.Core.Calendar;
using Filing.Core.Register;

namespace Filing.Core.Participation;

/// <summary>
/// A public comment period (公开征求意见) on one version of a draft: the days it runs, the comments it collected (stored
/// apart, see <see cref="ConsultationComment"/>), the drafting department's answers and the feedback report
/// (意见采纳情况) it publishes at the end.
/// </summary>
/// <remarks>
/// <para>
/// <b>Days.</b> A period runs from <see cref="Start"/> to <see cref="End"/>, <b>both days included</b>, and takes comments
/// until 24:00 Beijing time on the last day. The minimum is counted by <see cref="PublicCommentPolicy"/> the same way:
/// the start day is the first of the 7 working days when it is a working day (a period announced 2024-09-30 counts
/// 09-30, then skips 国庆 10-01..10-07 and ends no earlier than 10-14); a business-related period is at least 30
/// calendar days including the start day. The start cannot lie in the past: nobody could have commented on those days.
/// </para>
/// <para>
/// <b>Order.</b> Open → (comments) → the last day passes → the drafting department closes it → answers every comment
/// that is still visible (alone or in groups) → publishes the feedback report. The collective decision on the document
/// waits for that report (<see cref="NormativeDocumentRecord.RecordCollectiveDecision"/>).
/// </para>
/// </remarks>
public sealed class Consultation
{
    private Consultation()
    {
        Title = "";
        IssuingAuthorityName = "";
        DraftingDepartmentName = "";
        MinimumRule = "";
        OpenedBy = "";
    }

    /// <summary>Stable id (the public handle of the period).</summary>
    public Guid Id { get; private set; }

    /// <summary>The draft's record.</summary>
    public Guid DocumentId { get; private set; }

    /// <summary>The draft version put out for comment; anchors refer to its text.</summary>
    public int VersionNumber { get; private set; }

    /// <summary>The draft's title when the period opened.</summary>
    public string Title { get; private set; }

    /// <summary>制定机关.</summary>
    public Guid IssuingAuthorityId { get; private set; }

    /// <summary>制定机关 name.</summary>
    public string IssuingAuthorityName { get; private set; }

    /// <summary>起草单位: opens, moderates, closes and answers.</summary>
    public Guid DraftingDepartmentId { get; private set; }

    /// <summary>起草单位 name.</summary>
    public string DraftingDepartmentName { get; private set; }

    /// <summary>The government the draft belongs to.</summary>
    public Guid JurisdictionId { get; private set; }

    /// <summary>First day comments are taken.</summary>
    public DateOnly Start { get; private set; }

    /// <summary>Last day comments are taken (until 24:00 Beijing time).</summary>
    public DateOnly End { get; private set; }

    /// <summary>The earliest last day the rules allowed for this start.</summary>
    public DateOnly EarliestAllowedEnd { get; private set; }

    /// <summary>Closely related to market entities' business (30 days).</summary>
    public bool BusinessRelated { get; private set; }

    /// <summary>The minimum applied, in words (7个工作日; 30日且不少于7个工作日).</summary>
    public string MinimumRule { get; private set; }

    /// <summary>When it was opened.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>Who opened it.</summary>
    public string OpenedBy { get; private set; }

    /// <summary>When the drafting department closed it.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The day it was closed.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>How many comments arrived (the last number handed out).</summary>
    public int CommentCount { get; private set; }

    /// <summary>Day the feedback report was published.</summary>
    public DateOnly? FeedbackPublishedOn { get; private set; }

    /// <summary>When the feedback report was published.</summary>
    public DateTimeOffset? FeedbackPublishedAt { get; private set; }

    /// <summary>The department's summary at the head of the feedback report.</summary>
    public string? FeedbackSummary { get; private set; }

    /// <summary>Optimistic-concurrency stamp, bumped on every change (comment numbers never collide).</summary>
    public long ConcurrencyStamp { get; private set; }

    /// <summary>
    /// Opens a period on <paramref name="document"/>'s current version and records the step on the document.
    /// </summary>
    /// <exception cref="RegisterValidationException">The start is in the past, or the period is shorter than the policy allows.</exception>
    /// <exception cref="LifecycleViolationException">Public comment was already opened or waived.</exception>
    public static (Consultation Consultation, ProcedureStep Step) Open(
        Guid id,
        NormativeDocumentRecord document,
        DateOnly start,
        DateOnly end,
        bool businessRelated,
        PublicCommentPolicy policy,
        WorkingCalendar calendar,
        DateOnly today,
        Actor actor,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(actor);
        if (start < today)
        {
            throw new RegisterValidationException("start", "start-in-past",
                $"征求意见开始日期 {Iso(start)} 早于今天 {Iso(today)}：公众无法在已过去的日子提出意见 / The period cannot start before today ({Iso(today)}).");
        }

        var business = businessRelated || document.BusinessRelated;
        var step = document.OpenPublicComment(start, end, businessRelated, policy, calendar, actor, at);
        var consultation = new Consultation
        {
            Id = id,
            DocumentId = document.Id,
            VersionNumber = document.CurrentVersion.Number,
            Title = document.Title,
            IssuingAuthorityId = document.IssuingAuthorityId,
            IssuingAuthorityName = document.IssuingAuthorityName,
            DraftingDepartmentId = document.DraftingDepartmentId,
            DraftingDepartmentName = document.DraftingDepartmentName,
            JurisdictionId = document.JurisdictionId,
            Start = start,
            End = end,
            EarliestAllowedEnd = policy.EarliestEnd(calendar, start, business).Date,
            BusinessRelated = business,
            MinimumRule = business
                ? $"{policy.BusinessRelatedMinimumDays}日且不少于{policy.MinimumWorkingDays}个工作日"
                : $"{policy.MinimumWorkingDays}个工作日",
            OpenedAt = at,
            OpenedBy = actor.Name,
        };
        return (consultation, step);
    }

    /// <summary>The status on <paramref name="today"/>.</summary>
    public ConsultationStatus StatusOn(DateOnly today) =>
        FeedbackPublishedOn is not null ? ConsultationStatus.FeedbackPublished
        : ClosedAt is not null ? ConsultationStatus.Closed
        : today < Start ? ConsultationStatus.Scheduled
        : today <= End ? ConsultationStatus.Open
        : ConsultationStatus.Ended;

    /// <summary>Whether a comment sent on <paramref name="today"/> is taken.</summary>
    public bool AcceptsCommentsOn(DateOnly today) => StatusOn(today) == ConsultationStatus.Open;

    /// <summary>Takes a comment and gives it the next number.</summary>
    /// <param name="id">Id for the comment.</param>
    /// <param name="text">The comment (already validated for length).</param>
    /// <param name="anchor">Where it points, placed by <see cref="DraftStructure"/>, or null.</param>
    /// <param name="submitter">Who sent it (may be anonymous).</param>
    /// <param name="duplicateOf">An earlier comment with the same normalised text, if any.</param>
    /// <param name="today">Today in Beijing.</param>
    /// <param name="at">Now.</param>
    /// <exception cref="ParticipationConflictException">The period is not taking comments today.</exception>
    public ConsultationComment Submit(
        Guid id,
        string text,
        AnchorResolution? anchor,
        CommentSubmitter submitter,
        ConsultationComment? duplicateOf,
        DateOnly today,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(submitter);
        if (anchor is { IsPlaced: false })
        {
            throw new ArgumentException("The anchor was not placed.", nameof(anchor));
        }

        EnsureAcceptsComments(today);
        if (duplicateOf is not null && duplicateOf.ConsultationId != Id)
        {
            throw new ArgumentException("The duplicate belongs to another period.", nameof(duplicateOf));
        }

        CommentCount++;
        ConcurrencyStamp++;
        return new ConsultationComment(id, Id, CommentCount, text, TextFingerprint.Of(text), anchor, submitter, duplicateOf, at);
    }

    /// <summary>Throws unless a comment sent on <paramref name="today"/> is taken (before start: not started; after end: closed).</summary>
    /// <exception cref="ParticipationConflictException">The period is not taking comments today.</exception>
    public void EnsureAcceptsComments(DateOnly today)
    {
        switch (StatusOn(today))
        {
            case ConsultationStatus.Scheduled:
                throw new ParticipationConflictException("consultation-not-started",
                    $"征求意见期自 {Iso(Start)} 开始，届时再提交意见 / The comment period starts on {Iso(Start)}; comments are taken from then until {Iso(End)}.");
            case ConsultationStatus.Open:
                return;
            default:
                throw new ParticipationConflictException("consultation-closed",
                    $"征求意见已于 {Iso(End)} 截止，不再接收意见 / The comment period ended on {Iso(End)}; no more comments are taken.");
        }
    }

    /// <summary>Hides a comment from public views (moderation); it stays stored and audited.</summary>
    /// <exception cref="RegisterValidationException">No reason given.</exception>
    public void Hide(ConsultationComment comment, string reason, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureOwn(comment);
        var why = Clean(reason) ?? throw new RegisterValidationException("reason", "reason-missing",
            "请说明隐藏理由 / Give the reason for hiding the comment.");
        if (comment.Hidden)
        {
            throw new ParticipationConflictException("comment-already-hidden", $"意见 #{comment.Number} 已隐藏 / Comment #{comment.Number} is already hidden.");
        }

        comment.Hide(why, actor.Name, at);
        ConcurrencyStamp++;
    }

    /// <summary>Shows a hidden comment again (a moderation mistake).</summary>
    public void Restore(ConsultationComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        EnsureOwn(comment);
        if (!comment.Hidden)
        {
            throw new ParticipationConflictException("comment-not-hidden", $"意见 #{comment.Number} 未被隐藏 / Comment #{comment.Number} is not hidden.");
        }

        comment.Restore();
        ConcurrencyStamp++;
    }

    /// <summary>Closes the period after its last day and records the step on the document.</summary>
    /// <exception cref="ParticipationConflictException">Already closed, or the last day has not passed.</exception>
    public ProcedureStep Close(NormativeDocumentRecord document, int comments, DateOnly today, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (ClosedAt is not null)
        {
            throw new ParticipationConflictException("consultation-already-closed", $"征求意见已于 {Iso(ClosedOn!.Value)} 关闭 / The period was already closed.");
        }

        if (today <= End)
        {
            throw new ParticipationConflictException("consultation-running",
                $"征求意见期至 {Iso(End)} 结束，{Iso(End.AddDays(1))} 起方可关闭：不得缩短征求意见期 / The period runs until {Iso(End)}; it can be closed from {Iso(End.AddDays(1))} on. It cannot be cut short.");
        }

        ClosedAt = at;
        ClosedOn = today;
        ConcurrencyStamp++;
        return document.ClosePublicComment(today, comments, actor, at);
    }

    /// <summary>Answers one comment or a group of comments on the same point; replaces their earlier answer.</summary>
    /// <exception cref="ParticipationConflictException">The period is not closed, or the report is already published, or a comment is hidden.</exception>
    /// <exception cref="RegisterValidationException">No comments, or no reason for a (partly) rejected comment.</exception>
    public CommentAnswer Answer(Guid answerId, IReadOnlyList<ConsultationComment> comments, AnswerOutcome outcome, string? reason, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureAnswering("answers");
        if (comments.Count == 0)
        {
            throw new RegisterValidationException("commentIds", "comments-missing", "请指明答复哪些意见 / Name the comments this answer is for.");
        }

        var why = Clean(reason);
        if (outcome != AnswerOutcome.Adopted && why is null)
        {
            throw new RegisterValidationException("reason", "reason-missing",
                "部分采纳或未采纳的，应当说明理由 / A reason is required when a comment is not, or only partly, adopted.");
        }

        foreach (var comment in comments)
        {
            EnsureOwn(comment);
            if (comment.Hidden)
            {
                throw new ParticipationConflictException("comment-hidden", $"意见 #{comment.Number} 已隐藏，无需答复 / Comment #{comment.Number} is hidden; restore it to answer it.");
            }
        }

        var answer = new CommentAnswer(answerId, Id, outcome, why, actor.OrganisationId, actor.Name, at);
        foreach (var comment in comments)
        {
            comment.AnswerWith(answer.Id);
        }

        ConcurrencyStamp++;
        return answer;
    }

    /// <summary>The visible comments that still need an answer (a duplicate follows its first comment's answer).</summary>
    public static IReadOnlyList<ConsultationComment> Unanswered(IReadOnlyList<ConsultationComment> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var byId = comments.ToDictionary(c => c.Id);
        return [.. comments.Where(c => !c.Hidden && EffectiveAnswer(c, byId) is null).OrderBy(c => c.Number)];
    }

    /// <summary>The answer that applies to <paramref name="comment"/>: its own, else its visible first comment's.</summary>
    public static Guid? EffectiveAnswer(ConsultationComment comment, IReadOnlyDictionary<Guid, ConsultationComment> byId)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(byId);
        if (comment.AnswerId is { } own)
        {
            return own;
        }

        return comment.DuplicateOfId is { } first && byId.TryGetValue(first, out var original) && !original.Hidden ? original.AnswerId : null;
    }

    /// <summary>Publishes the feedback report once every visible comment is answered, and records it on the document.</summary>
    /// <exception cref="ParticipationConflictException">Not closed, already published, or comments still unanswered.</exception>
    public ProcedureStep PublishFeedback(
        NormativeDocumentRecord document,
        IReadOnlyList<ConsultationComment> comments,
        string? summary,
        DateOnly today,
        Actor actor,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(comments);
        EnsureAnswering("feedback-report");
        var unanswered = Unanswered(comments);
        if (unanswered.Count > 0)
        {
            var numbers = string.Join("、", unanswered.Take(20).Select(c => "#" + c.Number.ToString(CultureInfo.InvariantCulture)));
            throw new ParticipationConflictException("comments-unanswered",
                $"还有 {unanswered.Count} 条意见未答复（{numbers}{(unanswered.Count > 20 ? "…" : "")}）/ {unanswered.Count} comment(s) still need an answer: {numbers}.");
        }

        FeedbackPublishedOn = today;
        FeedbackPublishedAt = at;
        FeedbackSummary = Clean(summary);
        ConcurrencyStamp++;
        return document.RecordPublicCommentFeedback(today, comments.Count(c => !c.Hidden), actor, at);
    }

    private void EnsureAnswering(string step)
    {
        if (FeedbackPublishedOn is not null)
        {
            throw new ParticipationConflictException("feedback-already-published",
                $"意见采纳情况已于 {Iso(FeedbackPublishedOn.Value)} 公布，不能再修改 / The feedback report was published on {Iso(FeedbackPublishedOn.Value)}; answers are final.");
        }

        if (ClosedAt is null)
        {
            throw new ParticipationConflictException("consultation-not-closed",
                $"请在征求意见期结束（{Iso(End)}）并关闭后再{(step == "answers" ? "答复意见" : "公布采纳情况")} / Close the period (after {Iso(End)}) before {(step == "answers" ? "answering comments" : "publishing the feedback report")}.");
        }
    }

    private void EnsureOwn(ConsultationComment comment)
    {
        if (comment.ConsultationId != Id)
        {
            throw new ArgumentException($"Comment {comment.Id} belongs to another period.", nameof(comment));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
