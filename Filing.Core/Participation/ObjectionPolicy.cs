using Filing.Core.Calendar;

namespace Filing.Core.Participation;

/// <summary>
/// How long the legal office has to answer an objection and when it is reminded. The default handling period is
/// 60 days from receipt, counted by the calendar (民法典 arts 201/203: the day of receipt is not counted; a last day
/// off moves to the next working day). The Zhejiang figure is unconfirmed (rules.md §2.4): configuration, not a
/// constant. The 60 days mirror the transferee's period in 行政复议法 art 60.
/// </summary>
/// <param name="HandlingPeriod">The one handling period, from receipt to the written reply.</param>
/// <param name="ReminderDaysBefore">Calendar days before the due date on which the office is reminded (e.g. 7 and 1).</param>
public sealed record ObjectionPolicy(Period HandlingPeriod, IReadOnlyList<int> ReminderDaysBefore)
{
    /// <summary>60 days; reminders 7 days and 1 day before.</summary>
    public static ObjectionPolicy Default { get; } = new(Period.Days(60), [7, 1]);
}
