namespace Filing.Core.Calendar;

/// <summary>What kind of day a date is in the national working-day calendar.</summary>
public enum DayKind
{
    /// <summary>An ordinary Monday–Friday working day.</summary>
    Workday,

    /// <summary>An ordinary Saturday or Sunday (休息日), or a cancelled make-up day.</summary>
    Weekend,

    /// <summary>A day inside a holiday block (节假日, statutory or 调休), whatever the weekday.</summary>
    Holiday,

    /// <summary>调休上班: a Saturday or Sunday declared a working day.</summary>
    MakeupWorkday,
}
