namespace Filing.Core.Calendar;

/// <summary>The number of working days in a date range, and whether the fallback was used for part of it.</summary>
/// <param name="Days">Working days counted.</param>
/// <param name="YearsWithoutData">Years counted with the weekend-only fallback.</param>
public sealed record WorkingDayCount(int Days, IReadOnlyList<int> YearsWithoutData)
{
    /// <summary>True when part of the range used the weekend-only fallback.</summary>
    public bool UsedWeekendFallback => YearsWithoutData.Count > 0;
}
