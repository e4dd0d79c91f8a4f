namespace Filing.Core.Participation;

/// <summary>
/// The published aggregates of objections (审查建议): per year of receipt and per document, how many arrived, how many
/// were answered, within the deadline, the median days to the reply, and the count of each outcome. Nothing about who
/// sent them or what they said.
/// </summary>
public static class ObjectionStatistics
{
    /// <summary>Aggregates <paramref name="rows"/> by year of receipt, as of <paramref name="today"/>.</summary>
    public static IReadOnlyList<ObjectionYearStatistics> ByYear(IEnumerable<ObjectionStatisticsRow> rows, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.GroupBy(r => r.ReceivedOn.Year).OrderBy(g => g.Key).Select(g => new ObjectionYearStatistics(g.Key, Counts(g.ToList(), today)))];
    }

    /// <summary>Aggregates <paramref name="rows"/> by document, as of <paramref name="today"/>.</summary>
    public static IReadOnlyList<ObjectionDocumentStatistics> ByDocument(IEnumerable<ObjectionStatisticsRow> rows, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.GroupBy(r => r.DocumentId)
            .Select(g => new ObjectionDocumentStatistics(g.Key, g.First().DocumentTitle, g.First().UnifiedNumber, Counts(g.ToList(), today)))
            .OrderByDescending(d => d.Counts.Received)
            .ThenBy(d => d.Title, StringComparer.Ordinal)];
    }

    /// <summary>The counts over <paramref name="rows"/>.</summary>
    public static ObjectionCounts Counts(IReadOnlyCollection<ObjectionStatisticsRow> rows, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var answered = rows.Where(r => r.RepliedOn is not null).ToList();
        var days = answered.Select(r => r.RepliedOn!.Value.DayNumber - r.ReceivedOn.DayNumber).Order().ToList();
        double? median = days.Count == 0 ? null
            : days.Count % 2 == 1 ? days[days.Count / 2]
            : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2.0;
        var outcomes = Enum.GetValues<ObjectionOutcome>().ToDictionary(o => o, o => rows.Count(r => r.Outcome == o));
        return new ObjectionCounts(
            rows.Count,
            answered.Count,
            answered.Count(r => r.RepliedOn <= r.DueDate),
            rows.Count(r => r.RepliedOn is null && today > r.DueDate),
            median,
            outcomes);
    }
}

/// <summary>What the statistics need of one objection (no personal data).</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="DocumentTitle">Its title.</param>
/// <param name="UnifiedNumber">Its 统一编号.</param>
/// <param name="ReceivedOn">Day of receipt.</param>
/// <param name="DueDate">Due date of the reply.</param>
/// <param name="RepliedOn">Day of the reply, if given.</param>
/// <param name="Outcome">Outcome.</param>
public sealed record ObjectionStatisticsRow(Guid DocumentId, string DocumentTitle, string? UnifiedNumber, DateOnly ReceivedOn, DateOnly DueDate, DateOnly? RepliedOn, ObjectionOutcome Outcome);

/// <summary>Counts for a set of objections.</summary>
/// <param name="Received">How many arrived.</param>
/// <param name="Answered">How many got their written reply.</param>
/// <param name="AnsweredWithinDeadline">How many got it on or before the due date.</param>
/// <param name="Overdue">How many are unanswered past the due date today.</param>
/// <param name="MedianDaysToReply">Median calendar days from receipt to reply, over the answered ones.</param>
/// <param name="Outcomes">Count per outcome (every outcome listed, zero included).</param>
public sealed record ObjectionCounts(int Received, int Answered, int AnsweredWithinDeadline, int Overdue, double? MedianDaysToReply, IReadOnlyDictionary<ObjectionOutcome, int> Outcomes);

/// <summary>The counts of one year of receipt.</summary>
/// <param name="Year">Year of receipt.</param>
/// <param name="Counts">Counts.</param>
public sealed record ObjectionYearStatistics(int Year, ObjectionCounts Counts);

/// <summary>The counts of one document.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Title">Its title.</param>
/// <param name="UnifiedNumber">Its 统一编号.</param>
/// <param name="Counts">Counts.</param>
public sealed record ObjectionDocumentStatistics(Guid DocumentId, string Title, string? UnifiedNumber, ObjectionCounts Counts);
