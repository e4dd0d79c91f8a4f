using System.Globalization;

namespace Filing.Core.Calendar;

/// <summary>A legal period such as 30 日, 15 个工作日, 2 个月 or 5 年.</summary>
/// <param name="Length">How many units; zero or more.</param>
/// <param name="Unit">How the units are counted.</param>
public readonly record struct Period(int Length, PeriodUnit Unit)
{
    /// <summary>A period of calendar days.</summary>
    public static Period Days(int length) => new(length, PeriodUnit.CalendarDays);

    /// <summary>A period of working days.</summary>
    public static Period WorkingDays(int length) => new(length, PeriodUnit.WorkingDays);

    /// <summary>A period of months.</summary>
    public static Period Months(int length) => new(length, PeriodUnit.Months);

    /// <summary>A period of years.</summary>
    public static Period Years(int length) => new(length, PeriodUnit.Years);

    /// <summary>Chinese wording, e.g. 30日, 15个工作日.</summary>
    public override string ToString() => Unit switch
    {
        PeriodUnit.CalendarDays => Length.ToString(CultureInfo.InvariantCulture) + "日",
        PeriodUnit.WorkingDays => Length.ToString(CultureInfo.InvariantCulture) + "个工作日",
        PeriodUnit.Months => Length.ToString(CultureInfo.InvariantCulture) + "个月",
        _ => Length.ToString(CultureInfo.InvariantCulture) + "年",
    };
}
