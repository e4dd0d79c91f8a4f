using Filing.Core.Calendar;

namespace Filing.Core.Register;

/// <summary>
/// Minimum public-comment periods (公开征求意见): at least 7 working days, and at least 30 days for documents closely
/// related to market entities' business (法治政府建设示范指标 item 24; 优化营商环境条例 art 62). Both are
/// configuration (rules.md §2.3; the Zhejiang figure is unconfirmed). Periods run from the first to the last day of
/// comment, both included.
/// </summary>
/// <param name="MinimumWorkingDays">Minimum working days.</param>
/// <param name="BusinessRelatedMinimumDays">Minimum calendar days when business-related.</param>
public sealed record PublicCommentPolicy(int MinimumWorkingDays = 7, int BusinessRelatedMinimumDays = 30)
{
    /// <summary>The earliest allowed last day for a period starting on <paramref name="start"/>.</summary>
    public CalendarResult EarliestEnd(WorkingCalendar calendar, DateOnly start, bool businessRelated)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var byWorkingDays = calendar.AddWorkingDays(start.AddDays(-1), MinimumWorkingDays);
        if (!businessRelated)
        {
            return byWorkingDays;
        }

        var byDays = start.AddDays(BusinessRelatedMinimumDays - 1);
        return byDays > byWorkingDays.Date
            ? new CalendarResult(byDays, calendar.IsCovered(byDays) ? [] : [byDays.Year])
            : byWorkingDays;
    }
}
