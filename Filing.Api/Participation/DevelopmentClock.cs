using Filing.Api.Infrastructure.Auth;
using Filing.Core.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Filing.Api.Participation;

/// <summary>
/// The Development environment's clock: system time plus an offset an administrator can move, so that a README
/// walkthrough can let a 7-working-day comment period pass. Never registered outside Development.
/// </summary>
public sealed class DevelopmentClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void MoveTo(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}

/// <summary>The clock as seen by the service.</summary>
/// <param name="Now">Now (UTC).</param>
/// <param name="Today">Today in Beijing.</param>
/// <param name="Adjustable">Whether it can be moved (Development only).</param>
public sealed record ClockDto(DateTimeOffset Now, DateOnly Today, bool Adjustable);

/// <summary>Body of <c>POST /api/v1/dev/clock</c>: a date to jump to (Beijing, 10:00), or days to move forward, or reset.</summary>
/// <param name="Today">Jump to 10:00 Beijing time on this day.</param>
/// <param name="AdvanceDays">Move forward by this many days.</param>
/// <param name="Reset">Back to real time.</param>
public sealed record SetClockRequest(DateOnly? Today, int? AdvanceDays, bool? Reset);

internal static class DevelopmentClockEndpoints
{
    public static void MapDevelopmentClock(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dev/clock").WithTags("Development").ExcludeFromDescription().RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapGet("/", (TimeProvider clock, WorkingCalendar calendar) =>
            TypedResults.Ok(new ClockDto(clock.GetUtcNow(), calendar.Today(clock), clock is DevelopmentClock)));
        group.MapPost("/", Results<Ok<ClockDto>, ProblemHttpResult> (SetClockRequest request, TimeProvider clock, WorkingCalendar calendar) =>
        {
            if (clock is not DevelopmentClock dev)
            {
                return Register.RegisterProblems.Problem(StatusCodes.Status409Conflict, "clock-fixed", "Clock fixed", "This host's clock cannot be moved.");
            }

            if (request.Reset == true)
            {
                dev.Reset();
            }
            else if (request.Today is { } day)
            {
                dev.MoveTo(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)));
            }
            else if (request.AdvanceDays is { } days)
            {
                dev.MoveTo(dev.GetUtcNow().AddDays(days));
            }

            return TypedResults.Ok(new ClockDto(dev.GetUtcNow(), calendar.Today(dev), true));
        });
    }
}
