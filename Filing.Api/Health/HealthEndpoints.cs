using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Filing.Api.Health;

internal static class HealthEndpoints
{
    public static IServiceCollection AddFilingHealth(this IServiceCollection services)
    {
        services.AddHealthChecks();
        return services;
    }

    public static RouteHandlerBuilder MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", GetHealth)
            .WithName("GetHealth")
            .WithTags("Health")
            .WithSummary("200 when the service is ready to take requests, 503 while it is not")
            .Produces<HealthReportDto>(StatusCodes.Status200OK)
            .Produces<HealthReportDto>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<HealthReportDto>, JsonHttpResult<HealthReportDto>>> GetHealth(
        HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        var dto = new HealthReportDto(
            report.Status.ToString().ToLowerInvariant(),
            report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString().ToLowerInvariant()));
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(dto, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(dto);
    }
}

/// <summary>Overall status and the status of each readiness check.</summary>
public sealed record HealthReportDto(string Status, IReadOnlyDictionary<string, string> Checks);
