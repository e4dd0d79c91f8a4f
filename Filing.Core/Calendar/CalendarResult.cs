namespace Filing.Core.Calendar;

/// <summary>
/// A date computed by <see cref="WorkingCalendar"/>, saying whether it rests on holiday data or on the weekend-only
/// fallback for years the data does not cover.
/// </summary>
/// <param name="Date">The computed date.</param>
/// <param name="YearsWithoutData">
/// Calendar years the computation looked at for which no State Council notice is loaded (empty when fully covered).
/// For those years only Saturdays and Sundays were treated as days off, so the date may move once the notice is out.
/// </param>
public sealed record CalendarResult(DateOnly Date, IReadOnlyList<int> YearsWithoutData)
{
    /// <summary>True when part of the computation used the weekend-only fallback.</summary>
    public bool UsedWeekendFallback => YearsWithoutData.Count > 0;
}
