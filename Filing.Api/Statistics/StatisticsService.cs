using System.Globalization;
using System.Text;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Register;
using Filing.Core.Calendar;
using Filing.Core.Register;
using Filing.Core.Statistics;
using Filing.Core.Statistics.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Statistics;

/// <summary>Computes <see cref="StatisticsDto"/> with aggregate queries (no rows are loaded) and writes it as CSV.</summary>
public sealed class StatisticsService(FilingDbContext db, IParticipationStatistics participation, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<StatisticsDto> ComputeAsync(Organisation? authority, Organisation? recipient, int? year, CancellationToken ct)
    {
        var today = calendar.Today(clock);
        DateOnly? from = year is { } y ? new DateOnly(y, 1, 1) : null;
        DateOnly? to = year is { } z ? new DateOnly(z, 12, 31) : null;

        var published = await db.Documents.WithSpecification(new DocumentsPublishedSpec(authority?.Id, from, to)).CountAsync(ct);
        var filings = await FilingCountsAsync(authority?.Id, recipient?.Id, from, to, today, ct);
        var scope = new StatisticsScope(authority?.Id, from, to, today);
        var objections = await participation.ObjectionsAsync(scope, ct);
        var comments = await participation.CommentsAsync(scope, ct);

        return new StatisticsDto(
            authority is null ? null : new OrganisationRef(authority.Id, authority.Name),
            recipient is null ? null : new OrganisationRef(recipient.Id, recipient.Name),
            year,
            from,
            to,
            today,
            new DocumentFiguresDto(published),
            new FilingFiguresDto(filings.Due, filings.Filed, filings.FiledOnTime, filings.Overdue, filings.FilingRate, filings.TimelyFilingRate),
            new FilingReviewFiguresDto(filings.Reviewed, filings.NoProblem, filings.CorrectionRequired, filings.Revoked, filings.CorrectionRate),
            new CorrectionFiguresDto(filings.CorrectionRequired, filings.CorrectionsCompleted, filings.CorrectionsOverdue, filings.CorrectionCompletionRate),
            new ObjectionFiguresDto(objections.Recorded, objections.Received, objections.Answered, objections.AnsweredWithinDeadline,
                Ratio.Of(objections.AnsweredWithinDeadline, objections.Received), Ratio.Median(objections.DaysToAnswer)),
            new CommentFiguresDto(comments.Recorded, comments.Received, comments.Answered, comments.Adopted, comments.PartlyAdopted,
                Ratio.Of(comments.Adopted + comments.PartlyAdopted, comments.Answered)));
    }

    private async Task<FilingCounts> FilingCountsAsync(Guid? authority, Guid? recipient, DateOnly? from, DateOnly? to, DateOnly today, CancellationToken ct)
    {
        var row = await db.Filings.AsNoTracking()
            .WithSpecification(new FilingCohortSpec(authority, recipient, from, to))
            .GroupBy(f => 1)
            .Select(g => new
            {
                Due = g.Count(),
                Filed = g.Count(f => f.Status != FilingStatus.Returned),
                FiledOnTime = g.Count(f => f.Status != FilingStatus.Returned && f.SubmittedOn <= f.DueDate),
                Overdue = g.Count(f => f.Status == FilingStatus.Returned && f.DueDate < today),
                Reviewed = g.Count(f => f.Opinion != null),
                NoProblem = g.Count(f => f.Opinion == FilingOpinion.NoProblem),
                CorrectionRequired = g.Count(f => f.Opinion == FilingOpinion.CorrectionRequired),
                Revoked = g.Count(f => f.Opinion == FilingOpinion.Revocation),
                CorrectionsCompleted = g.Count(f => f.Opinion == FilingOpinion.CorrectionRequired && f.CorrectedAt != null),
                CorrectionsOverdue = g.Count(f => f.Status == FilingStatus.CorrectionRequired && f.CorrectionDueDate < today),
            })
            .SingleOrDefaultAsync(ct);
        return row is null
            ? new FilingCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            : new FilingCounts(row.Due, row.Filed, row.FiledOnTime, row.Overdue, row.Reviewed, row.NoProblem, row.CorrectionRequired, row.Revoked,
                row.CorrectionsCompleted, row.CorrectionsOverdue);
    }

    /// <summary>
    /// CSV with a header row (metric, label, value, definition), one row per figure; UTF-8 with a byte-order mark so
    /// that Excel opens the Chinese labels correctly.
    /// </summary>
    public static byte[] ToCsv(StatisticsDto s)
    {
        var rows = new List<(string Key, string? Value)>
        {
            ("issuingAuthority", s.IssuingAuthority?.Name ?? "全部"),
            ("recipient", s.Recipient?.Name ?? "全部"),
            ("year", s.Year?.ToString(CultureInfo.InvariantCulture) ?? "全部"),
            ("asOf", s.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("documents.published", N(s.Documents.Published)),
            ("filings.due", N(s.Filings.Due)),
            ("filings.filed", N(s.Filings.Filed)),
            ("filings.filedOnTime", N(s.Filings.FiledOnTime)),
            ("filings.overdue", N(s.Filings.Overdue)),
            ("filings.filingRate", D(s.Filings.FilingRate)),
            ("filings.timelyFilingRate", D(s.Filings.TimelyFilingRate)),
            ("filingReview.reviewed", N(s.FilingReview.Reviewed)),
            ("filingReview.noProblem", N(s.FilingReview.NoProblem)),
            ("filingReview.correctionRequired", N(s.FilingReview.CorrectionRequired)),
            ("filingReview.revoked", N(s.FilingReview.Revoked)),
            ("filingReview.correctionRate", D(s.FilingReview.CorrectionRate)),
            ("corrections.required", N(s.Corrections.Required)),
            ("corrections.completed", N(s.Corrections.Completed)),
            ("corrections.overdue", N(s.Corrections.Overdue)),
            ("corrections.completionRate", D(s.Corrections.CompletionRate)),
            ("objections.recorded", s.Objections.Recorded ? "true" : "false"),
            ("objections.received", N(s.Objections.Received)),
            ("objections.answered", N(s.Objections.Answered)),
            ("objections.answeredWithinDeadline", N(s.Objections.AnsweredWithinDeadline)),
            ("objections.answeredWithinDeadlineRate", D(s.Objections.AnsweredWithinDeadlineRate)),
            ("objections.medianDaysToAnswer", s.Objections.MedianDaysToAnswer?.ToString(CultureInfo.InvariantCulture)),
            ("comments.recorded", s.Comments.Recorded ? "true" : "false"),
            ("comments.received", N(s.Comments.Received)),
            ("comments.answered", N(s.Comments.Answered)),
            ("comments.adopted", N(s.Comments.Adopted)),
            ("comments.partlyAdopted", N(s.Comments.PartlyAdopted)),
            ("comments.adoptionRate", D(s.Comments.AdoptionRate)),
        };

        var csv = new StringBuilder("metric,label,value,definition\r\n");
        foreach (var (key, value) in rows)
        {
            var (label, definition) = StatisticsDefinitions.All[key];
            csv.Append(Field(key)).Append(',').Append(Field(label)).Append(',').Append(Field(value ?? "")).Append(',').Append(Field(definition)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];

        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        static string? D(decimal? d) => d?.ToString("0.####", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4180 quoting.</summary>
    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
