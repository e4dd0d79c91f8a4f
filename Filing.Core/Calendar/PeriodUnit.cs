namespace Filing.Core.Calendar;

/// <summary>How a legal period is counted.</summary>
public enum PeriodUnit
{
    /// <summary>日: calendar days, start day not counted, a last day off moves to the next working day (民法典 arts 201, 203).</summary>
    CalendarDays,

    /// <summary>工作日: working days, start day not counted (行政许可法 art 82, 行政处罚法 art 85).</summary>
    WorkingDays,

    /// <summary>月: the corresponding day of the final month, else its last day, then art 203 (民法典 arts 201–203).</summary>
    Months,

    /// <summary>年: as months, twelve at a time (民法典 arts 201–203).</summary>
    Years,
}
