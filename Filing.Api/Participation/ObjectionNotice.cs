using System.Globalization;
using Filing.Api.Infrastructure;
using Filing.Core.Participation;

namespace Filing.Api.Participation;

/// <summary>
/// The <c>data</c> of a webhook notification about one objection to the office that handles it (<c>objection.received</c>,
/// <c>objection.transferred</c>, <c>objection.reminder</c>, <c>objection.overdue</c>). It names the case so the office can
/// open it (<see cref="CaseUrl"/>, with its key) and never carries what the submitter wrote or who they are: no grounds,
/// no name, phone, e-mail or ID number.
/// </summary>
/// <param name="TrackingCode">The case's tracking code (useless without the submitter's secret outside the office).</param>
/// <param name="DocumentId">The document objected to.</param>
/// <param name="DocumentTitle">Its title.</param>
/// <param name="UnifiedNumber">Its 统一编号.</param>
/// <param name="Status">Where the handling stands (received, accepted, …).</param>
/// <param name="ReceivedOn">Day of receipt.</param>
/// <param name="DueDate">Last day for the written reply.</param>
/// <param name="DaysLeft">Calendar days from today to the due date (negative once overdue).</param>
/// <param name="CaseUrl">The case for the handling office (<c>GET</c> with its API key).</param>
/// <param name="Summary">One Chinese sentence.</param>
public sealed record ObjectionNotice(
    string TrackingCode,
    Guid DocumentId,
    string DocumentTitle,
    string? UnifiedNumber,
    string Status,
    DateOnly ReceivedOn,
    DateOnly DueDate,
    int DaysLeft,
    string CaseUrl,
    string Summary)
{
    /// <summary>The notice for <paramref name="objection"/> as of <paramref name="today"/>.</summary>
    public static ObjectionNotice Of(Objection objection, DateOnly today, string summary)
    {
        ArgumentNullException.ThrowIfNull(objection);
        return Of(objection.TrackingCode, objection.DocumentId, objection.DocumentTitle, objection.UnifiedNumber, objection.Status, objection.ReceivedOn,
            objection.DueDate, today, summary);
    }

    /// <summary>The notice from projected columns.</summary>
    public static ObjectionNotice Of(string trackingCode, Guid documentId, string documentTitle, string? unifiedNumber, ObjectionStatus status,
        DateOnly receivedOn, DateOnly dueDate, DateOnly today, string summary) =>
        new(trackingCode, documentId, documentTitle, unifiedNumber, JsonNaming.Kebab(status.ToString()), receivedOn, dueDate,
            dueDate.DayNumber - today.DayNumber, $"/api/v1/objections/{trackingCode}/case", summary);

    /// <summary>yyyy-MM-dd.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
