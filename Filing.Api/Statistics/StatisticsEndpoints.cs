using Filing.Api.Infrastructure.Data;
using Filing.Api.Register;
using Filing.Core.Register;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Statistics;

/// <summary>Public register statistics (aggregates only, no personal data), as JSON or CSV.</summary>
internal static class StatisticsEndpoints
{
    public static RouteHandlerBuilder MapStatistics(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/statistics", Get)
            .WithTags("Statistics")
            .WithName("GetStatistics")
            .WithSummary("Documents published; filings due, filed and filed on time (报备率, 报备及时率); review outcomes (纠错率); corrections; objections; public comments")
            .WithDescription("`authority` (organisation id or code) and `year` narrow the figures; `recipient` limits the filing figures to one oversight body. " +
                "Filing figures are a cohort: the filings of the documents published in the period, one per document and required oversight body. " +
                "报备率 = filed ÷ due; 报备及时率 = filedOnTime ÷ due; 纠错率 = (correctionRequired + revoked) ÷ reviewed; 纠正完成率 = completed ÷ required; " +
                "按期答复率 = answeredWithinDeadline ÷ received; 采纳率 = (adopted + partlyAdopted) ÷ answered. Ratios have 4 decimals and are null when " +
                "the denominator is 0. `format=csv` answers the same figures as CSV (metric, label, value, definition; UTF-8 with BOM for Excel).")
            .ProducesValidationProblem(); // 200: StatisticsDto as JSON (from the handler's type), or text/csv with format=csv

    private static async Task<Results<Ok<StatisticsDto>, FileContentHttpResult, ValidationProblem>> Get(
        [AsParameters] StatisticsQuery query, FilingDbContext db, StatisticsService statistics, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var authority = await OrganisationAsync(db, query.Authority, "authority", errors, ct);
        if (authority is not null && !authority.IsIssuingAuthority)
        {
            errors["authority"] = [$"{authority.Name} is not an issuing authority (it has no unified-number prefix)."];
        }

        var recipient = await OrganisationAsync(db, query.Recipient, "recipient", errors, ct);
        if (query.Year is < 1949 or > 2200)
        {
            errors["year"] = ["year must be a calendar year such as 2024."];
        }

        var csv = query.Format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "json" => false,
            "csv" => true,
            _ => Invalid(errors),
        };
        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var figures = await statistics.ComputeAsync(authority, recipient, query.Year, ct);
        if (!csv)
        {
            return TypedResults.Ok(figures);
        }

        var name = $"filing-statistics-{authority?.Code ?? "all"}-{query.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}.csv";
        return TypedResults.File(StatisticsService.ToCsv(figures), "text/csv; charset=utf-8", name);
    }

    private static bool Invalid(Dictionary<string, string[]> errors)
    {
        errors["format"] = ["format is json or csv."];
        return false;
    }

    private static async Task<Organisation?> OrganisationAsync(FilingDbContext db, string? text, string field, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = text.Trim();
        var organisation = Guid.TryParse(key, out var id)
            ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct)
            : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == key, ct);
        if (organisation is null)
        {
            errors[field] = [$"No organisation with id or code '{key}'."];
        }

        return organisation;
    }
}
