namespace Filing.Core.Calendar;

/// <summary>One date as the calendar sees it.</summary>
/// <param name="Date">The date (Asia/Shanghai).</param>
/// <param name="IsWorkingDay">Whether it is a working day (工作日).</param>
/// <param name="Kind">Workday, weekend, holiday or make-up workday.</param>
/// <param name="HolidayName">The holiday block's name (春节, 国庆节…) for holidays and make-up days, else null.</param>
/// <param name="Covered">
/// False when no State Council notice for the date's year is loaded: the answer then only knows weekends.
/// </param>
public sealed record CalendarDay(DateOnly Date, bool IsWorkingDay, DayKind Kind, string? HolidayName, bool Covered);
