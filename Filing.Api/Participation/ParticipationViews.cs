using Filing.Api.Documents;
using Filing.Api.Infrastructure;
using Filing.Api.Register;
using Filing.Core.Documents;
using Filing.Core.Participation;

namespace Filing.Api.Participation;

/// <summary>
/// Maps participation records to responses. Public shapes are built from <see cref="ConsultationComment.PublicText"/>
/// and never touch a submitter or contact field; only the desk and case shapes do, for the handling office.
/// </summary>
internal static class ParticipationViews
{
    public static ConsultationSummary Summary(Consultation c, int comments, DateOnly today) => new(
        c.Id, c.DocumentId, c.Title, new OrganisationRef(c.IssuingAuthorityId, c.IssuingAuthorityName),
        new OrganisationRef(c.DraftingDepartmentId, c.DraftingDepartmentName), c.Start, c.End, c.StatusOn(today), c.BusinessRelated, comments, c.FeedbackPublishedOn);

    public static ConsultationDetail Detail(Consultation c, int comments, NormativeDocument? draft, ParticipationContext p)
    {
        var today = p.Today;
        var deadline = p.EndOfDay(c.End);
        var how = new HowToCommentDto(
            $"/api/v1/consultations/{c.Id}/comments",
            c.AcceptsCommentsOn(today),
            deadline,
            p.Options.MaxCommentLength,
            "POST JSON { \"text\": \"…\", \"anchor\": { \"path\": \"第三条\", \"quote\": \"…\" }?, \"name\": \"…\"?, \"organisation\": \"…\"?, " +
            "\"contact\": { \"phone\": \"…\", \"email\": \"…\" }? }. 可匿名；可针对某一条款（结构路径）或引用原文。/ Anonymous or named; optionally about one article (structure path) or a quoted passage.",
            "姓名、单位和联系方式仅起草单位可见，不会公开；意见正文中的电话、邮箱和身份证号码公开时自动隐去。/ Names, organisations and contact details are seen by the drafting department only and are never published; phone numbers, e-mail addresses and ID numbers in the text are masked in public views.",
            $"/api/v1/consultations/{c.Id}/comments",
            c.FeedbackPublishedOn is null ? null : $"/api/v1/consultations/{c.Id}/feedback-report");
        return new ConsultationDetail(
            c.Id, c.DocumentId, c.Title, new OrganisationRef(c.IssuingAuthorityId, c.IssuingAuthorityName),
            new OrganisationRef(c.DraftingDepartmentId, c.DraftingDepartmentName), c.StatusOn(today), c.Start, c.End, deadline, c.BusinessRelated,
            c.MinimumRule, c.EarliestAllowedEnd, comments, c.ClosedOn, c.FeedbackPublishedOn, how, draft is null ? null : Draft(c.VersionNumber, draft));
    }

    public static DraftTextDto Draft(int version, NormativeDocument d) => new(
        version,
        d.Title,
        d.DocumentNumber?.Text,
        d.Form == DocumentForm.Articles ? "articles" : "outline",
        [.. d.Outline.Select(OutlineNodeDto.From)],
        [.. d.Articles.Select(ArticleDto.From)],
        [.. d.Paragraphs.Select(p => new DraftParagraphDto(p.Index, p.Text, p.Path, JsonNaming.Kebab(p.Role.ToString())))]);

    public static CommentAnchorDto? Anchor(ConsultationComment c) =>
        c.AnchorPath is null && c.AnchorQuote is null ? null : new CommentAnchorDto(c.AnchorPath, c.AnchorQuote, c.AnchorParagraph, c.AnchorStart, c.AnchorLength);

    public static CommentAnswerDto Answer(CommentAnswer a) => new(a.Outcome, a.Reason, a.AnsweredAt);

    public static PublicCommentView Public(ConsultationComment c, CommentAnswer? answer) =>
        new(c.Number, c.SubmittedAt, c.PublicText, Anchor(c), c.DuplicateOfNumber, answer is null ? null : Answer(answer));

    public static DeskCommentView Desk(ConsultationComment c, CommentAnswer? answer, bool followed) => new(
        c.Id, c.Number, c.SubmittedAt, c.Text, Anchor(c), c.DuplicateOfNumber,
        c.IsNamed || c.HasContact ? new CommentSubmitterDto(c.SubmitterName, c.SubmitterOrganisation, c.SubmitterPhone, c.SubmitterEmail) : null,
        c.Hidden, c.HiddenReason, c.HiddenAt, c.HiddenBy, answer is null ? null : Answer(answer), followed);

    public static FeedbackReportDto Report(Consultation c, IReadOnlyList<ConsultationComment> comments, IReadOnlyList<CommentAnswer> answers)
    {
        var report = FeedbackReport.Build(c, comments, answers);
        var byNumber = comments.ToDictionary(x => x.Number);
        var entries = report.Entries.Select(e => new FeedbackEntryDto(e.Outcome, e.Reason,
            [.. e.CommentNumbers.Select(n => byNumber[n]).Select(x => new FeedbackCommentDto(x.Number, x.PublicText, Anchor(x), x.DuplicateOfNumber))])).ToList();
        return new FeedbackReportDto(c.Id, c.DocumentId, c.Title, c.Start, c.End, report.PublishedOn, report.Summary, report.Received, report.Hidden,
            report.Duplicates, report.Adopted, report.PartlyAdopted, report.NotAdopted, report.Unanswered, entries);
    }

    public static ObjectionStatusView Status(Objection o, DateOnly today) => new(
        o.TrackingCode, o.DocumentId, o.DocumentTitle, o.DocumentNumber, o.Articles, o.Grounds, o.Status, o.Outcome, o.ReceivedOn, o.DueDate,
        o.IsOverdueOn(today), o.TransferredToName,
        [.. o.Events.Select(e => new ObjectionTimelineEntry(e.Kind, e.On, e.Detail))],
        o.ReplyText is { } reply && o.RepliedOn is { } on ? new ObjectionReplyDto(reply, on, o.AnsweredWithinDeadline) : null);

    public static ObjectionCaseView Case(Objection o, bool withContact, DateOnly today) => new(
        o.Id, o.TrackingCode, o.DocumentId, o.DocumentTitle, o.DocumentNumber, o.UnifiedNumber, o.Articles, o.Grounds,
        withContact && (o.ContactName ?? o.ContactPhone ?? o.ContactEmail ?? o.ContactIdNumber) is not null
            ? new ObjectionContactDto(o.ContactName, o.ContactPhone, o.ContactEmail, o.ContactIdNumber)
            : null,
        o.Status, o.Outcome, o.ReceivedOn, o.DueDate, o.DueDateEstimated, o.HandlingPeriod, o.IsOverdueOn(today), o.DuplicateOfTrackingCode,
        o.NonAcceptance, o.TransferredToId is { } to ? new OrganisationRef(to, o.TransferredToName ?? "") : null, o.TriageReason, o.Conclusion,
        o.ConclusionText, o.ReplyText, o.RepliedOn,
        [.. o.Events.Select(e => new ObjectionCaseEvent(e.Sequence, e.Kind, e.On, e.At, e.ActorName, e.Detail, e.Note))]);

    /// <summary>What the document's audit trail records about an objection: the handling, never the grounds or the person.</summary>
    public static object AuditRecord(Objection o) => new
    {
        trackingCode = o.TrackingCode,
        status = o.Status,
        outcome = o.Outcome,
        articles = o.Articles,
        receivedOn = o.ReceivedOn,
        dueDate = o.DueDate,
        duplicateOf = o.DuplicateOfTrackingCode,
        nonAcceptance = o.NonAcceptance,
        transferredTo = o.TransferredToName,
        triageReason = o.TriageReason,
        conclusion = o.Conclusion,
        conclusionText = o.ConclusionText,
        replyText = o.ReplyText,
        repliedOn = o.RepliedOn,
        contactGiven = o.HasContact,
    };

    /// <summary>What the audit trail records about a comment: its public facts, never who sent it.</summary>
    public static object AuditRecord(ConsultationComment c) => new
    {
        number = c.Number,
        text = c.PublicText,
        fingerprint = c.Fingerprint,
        anchor = Anchor(c),
        duplicateOf = c.DuplicateOfNumber,
        named = c.IsNamed,
        contactGiven = c.HasContact,
        hidden = c.Hidden,
        hiddenReason = c.HiddenReason,
        answer = c.AnswerId,
    };
}
