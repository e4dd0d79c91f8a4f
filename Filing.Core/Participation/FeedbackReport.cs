namespace Filing.Core.Participation;

/// <summary>
/// 意见采纳情况: how many comments came in and what became of them, answer by answer. Built from the stored comments
/// and answers; hidden comments are counted but not listed, duplicates count with the answer they follow.
/// </summary>
/// <param name="ConsultationId">The comment period.</param>
/// <param name="PublishedOn">Publication day, or null while it is a draft report.</param>
/// <param name="Summary">The department's summary.</param>
/// <param name="Received">Comments received.</param>
/// <param name="Hidden">Comments hidden by moderation (not listed).</param>
/// <param name="Duplicates">Visible comments repeating an earlier one.</param>
/// <param name="Adopted">Visible comments adopted.</param>
/// <param name="PartlyAdopted">Visible comments partly adopted.</param>
/// <param name="NotAdopted">Visible comments not adopted.</param>
/// <param name="Unanswered">Visible comments without an answer (zero once published).</param>
/// <param name="Entries">Each answer with the numbers of the comments it covers, in order of the first comment.</param>
public sealed record FeedbackReport(
    Guid ConsultationId,
    DateOnly? PublishedOn,
    string? Summary,
    int Received,
    int Hidden,
    int Duplicates,
    int Adopted,
    int PartlyAdopted,
    int NotAdopted,
    int Unanswered,
    IReadOnlyList<FeedbackReportEntry> Entries)
{
    /// <summary>Builds the report of <paramref name="consultation"/>.</summary>
    public static FeedbackReport Build(Consultation consultation, IReadOnlyList<ConsultationComment> comments, IReadOnlyList<CommentAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(answers);
        var byId = comments.ToDictionary(c => c.Id);
        var answersById = answers.ToDictionary(a => a.Id);
        var visible = comments.Where(c => !c.Hidden).OrderBy(c => c.Number).ToList();
        var covered = new Dictionary<Guid, List<int>>();
        int adopted = 0, partly = 0, not = 0, unanswered = 0;
        foreach (var comment in visible)
        {
            if (Consultation.EffectiveAnswer(comment, byId) is not { } answerId || !answersById.TryGetValue(answerId, out var answer))
            {
                unanswered++;
                continue;
            }

            switch (answer.Outcome)
            {
                case AnswerOutcome.Adopted:
                    adopted++;
                    break;
                case AnswerOutcome.PartlyAdopted:
                    partly++;
                    break;
                default:
                    not++;
                    break;
            }

            if (!covered.TryGetValue(answerId, out var numbers))
            {
                covered[answerId] = numbers = [];
            }

            numbers.Add(comment.Number);
        }

        var entries = covered
            .Select(kv => new FeedbackReportEntry(kv.Key, answersById[kv.Key].Outcome, answersById[kv.Key].Reason, kv.Value))
            .OrderBy(e => e.CommentNumbers[0])
            .ToList();
        return new FeedbackReport(
            consultation.Id,
            consultation.FeedbackPublishedOn,
            consultation.FeedbackSummary,
            comments.Count,
            comments.Count(c => c.Hidden),
            visible.Count(c => c.DuplicateOfId is not null),
            adopted,
            partly,
            not,
            unanswered,
            entries);
    }
}

/// <summary>One answer in the feedback report.</summary>
/// <param name="AnswerId">The answer.</param>
/// <param name="Outcome">Adopted, partly adopted or not adopted.</param>
/// <param name="Reason">Why.</param>
/// <param name="CommentNumbers">The visible comments it covers, ascending.</param>
public sealed record FeedbackReportEntry(Guid AnswerId, AnswerOutcome Outcome, string? Reason, IReadOnlyList<int> CommentNumbers);
