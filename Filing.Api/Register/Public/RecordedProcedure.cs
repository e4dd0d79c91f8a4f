using Filing.Core.Calendar;
using Filing.Core.Register;

namespace Filing.Api.Register.Public;

/// <summary>The dates of a procedure recorded after the fact (imported stock, demo data, benchmark data).</summary>
/// <param name="DecidedOn">集体审议 (the legality review passes the same day).</param>
/// <param name="Meeting">The meeting that decided.</param>
/// <param name="Publication">Publication (date, channel, effective date, validity).</param>
public sealed record ProcedureDates(DateOnly DecidedOn, string Meeting, Publication Publication);

/// <summary>
/// Takes a draft through the whole procedure with given dates, through the domain model, so every order and date
/// rule still applies: public comment recorded as waived (import), fair-competition 初审 (and 会同审查 for a government's
/// own documents) passed, gender-equality and health screening not applicable, legality review passed, collective
/// decision, registration with the given number, publication with one filing per route. For importing existing
/// documents; live documents go through the step endpoints.
/// </summary>
public static class RecordedProcedure
{
    /// <summary>Records the procedure on <paramref name="document"/> (a fresh draft); returns the filings opened at publication.</summary>
    public static IReadOnlyList<OversightFiling> Complete(
        NormativeDocumentRecord document,
        ProcedureDates dates,
        Actor drafter,
        Actor legalOffice,
        Actor? marketRegulation,
        UnifiedNumber number,
        IReadOnlyList<FilingRoute> routes,
        WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(dates);
        var drafted = calendar.DateOf(document.CreatedAt);
        foreach (var finding in document.CurrentVersion.BlockingFindings.ToList())
        {
            document.AnswerFinding(finding.Id, FindingAnswerKind.Explained, "存量文件补录", drafter, ChinaTime(drafted, 10));
        }

        var review = ChinaTime(drafted, 11);
        document.WaivePublicComment("存量文件补录：征求意见情况见原始档案", drafter, review);
        document.RecordFairCompetitionSelfReview(StepOutcome.Passed, null, drafter, review);
        if (document.RequiresJointFairCompetitionReview)
        {
            document.RecordFairCompetitionJointReview(StepOutcome.Passed, null,
                marketRegulation ?? throw new InvalidOperationException("A government's own document needs the market-regulation bureau's joint review."), review);
        }

        document.RecordGenderEqualityAssessment(StepOutcome.NotApplicable, null, drafter, review);
        document.RecordHealthScreening(StepOutcome.NotApplicable, null, drafter, review);
        document.RecordLegalityReview(StepOutcome.Passed, null, dates.DecidedOn, legalOffice, ChinaTime(dates.DecidedOn, 8));
        document.RecordCollectiveDecision(dates.Meeting, dates.DecidedOn, dates.DecidedOn, legalOffice, ChinaTime(dates.DecidedOn, 15));
        document.Register(number, legalOffice, ChinaTime(dates.DecidedOn, 16));
        return document.Publish(dates.Publication, routes, calendar, dates.Publication.Date, legalOffice, ChinaTime(dates.Publication.Date, 9));
    }

    /// <summary><paramref name="hour"/> o'clock in China on <paramref name="day"/>, as UTC (PostgreSQL's timestamptz takes offset 0 only).</summary>
    public static DateTimeOffset ChinaTime(DateOnly day, int hour) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
}
