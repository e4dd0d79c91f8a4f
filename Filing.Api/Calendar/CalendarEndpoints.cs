using Filing.Api.Infrastructure;
using Filing.Api.Register;
using Filing.Core.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Filing.Api.Calendar;

/// <summary>The working-day calendar every deadline uses, open to clients that want to show or check a date.</summary>
internal static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendar").WithTags("Calendar");
        group.MapGet("/days/{date}", Day)
            .WithName("GetCalendarDay")
            .WithSummary("Whether a date is a working day (工作日), a weekend, a holiday or a make-up workday (调休上班)")
            .WithResponseExample(StatusCodes.Status200OK, new CalendarDayDto(new DateOnly(2024, 9, 29), true, DayKind.MakeupWorkday, "国庆节", true));
        group.MapGet("/deadline", Deadline)
            .WithName("GetDeadline")
            .WithSummary("The last day of a period: calendar days per 民法典 arts 201–203 (start day not counted, a last day off moves " +
                "to the next working day), working days, months or years")
            .WithResponseExample(StatusCodes.Status200OK, new DeadlineDto(new DateOnly(2024, 9, 6), "30日", new DateOnly(2024, 10, 8), false, []));
        return group;
    }

    private static Results<Ok<CalendarDayDto>, ValidationProblem> Day(string date, WorkingCalendar calendar)
    {
        var errors = new Dictionary<string, string[]>();
        if (Paging.Date(date, "date", errors) is not { } day)
        {
            return RegisterProblems.Invalid(errors.Count > 0 ? errors : new() { ["date"] = ["date is required (yyyy-MM-dd)."] });
        }

        var d = calendar.Describe(day);
        return TypedResults.Ok(new CalendarDayDto(d.Date, d.IsWorkingDay, d.Kind, d.HolidayName, d.Covered));
    }

    private static Results<Ok<DeadlineDto>, ValidationProblem> Deadline(string? start, int? length, string? unit, WorkingCalendar calendar)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Paging.Date(start, "start", errors);
        if (from is null && !errors.ContainsKey("start"))
        {
            errors["start"] = ["start is required (yyyy-MM-dd)."];
        }

        if (length is not (>= 0 and <= 3650))
        {
            errors["length"] = ["length is required, 0–3650."];
        }

        var periodUnit = KebabEnum.Filter<PeriodUnit>(unit ?? "calendar-days", "unit", errors);
        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var period = new Period(length!.Value, periodUnit!.Value);
        var end = calendar.End(from!.Value, period);
        return TypedResults.Ok(new DeadlineDto(from.Value, period.ToString(), end.Date, end.UsedWeekendFallback, end.YearsWithoutData));
    }
}

/// <summary>One day of the calendar.</summary>
/// <param name="Date">The date.</param>
/// <param name="IsWorkingDay">Whether it is a working day.</param>
/// <param name="Kind">workday, weekend, holiday or makeup-workday.</param>
/// <param name="HolidayName">The holiday (春节, 国庆节…) for holidays and make-up days.</param>
/// <param name="Covered">False when no State Council notice for that year is loaded: weekends only.</param>
public sealed record CalendarDayDto(DateOnly Date, bool IsWorkingDay, DayKind Kind, string? HolidayName, bool Covered);

/// <summary>The end of a period.</summary>
/// <param name="Start">The day the period runs from (not counted).</param>
/// <param name="Period">The period, e.g. 30日 or 15个工作日.</param>
/// <param name="End">Its last day.</param>
/// <param name="UsedWeekendFallback">True when part of it fell in a year without a holiday notice.</param>
/// <param name="YearsWithoutData">Those years.</param>
public sealed record DeadlineDto(DateOnly Start, string Period, DateOnly End, bool UsedWeekendFallback, IReadOnlyList<int> YearsWithoutData);
