using System.Text.Json;
using Filing.Api.Register;

namespace Filing.Api.Feeds;

// Shapes of the change log, also the body of webhook deliveries of public events.

/// <summary>A public register event, as the change log lists it and as a webhook receives it.</summary>
/// <param name="Id">Stable event id: the Atom entry id is <c>urn:uuid:{id}</c> and webhooks send it as <c>X-Filing-Event-Id</c>. Use it to de-duplicate.</param>
/// <param name="Sequence">Position in commit order: strictly increasing without gaps; an event never appears later with a lower sequence.</param>
/// <param name="Type">document.published, document.amended, document.repealed, document.declared-invalid, document.revoked, document.expired, document.amendment-planned, filing.received, filing.reviewed, filing.corrected, cleanup.published.</param>
/// <param name="RecordedAt">When the event was recorded (UTC).</param>
/// <param name="EffectiveOn">The legal date it refers to (yyyy-MM-dd): publication date, the first day a repeal or expiry applies, the day of a filing outcome.</param>
/// <param name="Summary">One Chinese sentence saying what happened.</param>
/// <param name="Document">The document concerned (a snapshot at the time), or null (cleanup events).</param>
/// <param name="IssuingAuthority">The issuing authority (制定机关) concerned.</param>
/// <param name="Data">Type-specific public facts, e.g. for document.published: publishedOn, channel, effectiveDate, validUntil, documentType, hasPolicyInterpretation; for document.repealed etc.: kind, effectiveOn, reason, replacedBy; for document.expired: validUntil, expiredOn; for filing.*: filingId, recipient, dueDate, submittedOn, submittedOnTime, outcome (no-problem, correction-required, revocation), correctionDueDate; for cleanup.published: cleanupId, title, publishedOn, lists. Never personal data, never review opinions, return reasons or correction notes.</param>
public sealed record RegisterEventDto(
    Guid Id,
    long Sequence,
    string Type,
    DateTimeOffset RecordedAt,
    DateOnly? EffectiveOn,
    string Summary,
    EventDocumentDto? Document,
    OrganisationRef? IssuingAuthority,
    JsonElement Data);

/// <summary>The document an event is about.</summary>
/// <param name="Id">Document id.</param>
/// <param name="Title">标题 at the time of the event.</param>
/// <param name="DocumentNumber">发文字号.</param>
/// <param name="UnifiedNumber">统一编号.</param>
/// <param name="Href">The public register entry (<c>/api/v1/register/{id}</c>), absolute when Feeds:PublicBaseUrl is set.</param>
public sealed record EventDocumentDto(Guid Id, string? Title, string? DocumentNumber, string? UnifiedNumber, string Href);

/// <summary>A page of the change log.</summary>
/// <param name="Items">Events in commit order, oldest first.</param>
/// <param name="Total">How many events after <c>since</c> match the filters (this page included).</param>
/// <param name="NextCursor">Pass as <c>since</c> for the next page; null when this page reaches the end of the log.</param>
/// <param name="ResumeCursor">Always set: store it and pass it as <c>since</c> at the next sync to get only what happened after this page.</param>
public sealed record ChangeLogPage(IReadOnlyList<RegisterEventDto> Items, int Total, string? NextCursor, string ResumeCursor);

/// <summary>Query of <c>GET /api/v1/changes</c>.</summary>
public sealed class ChangeLogQuery
{
    /// <summary>resumeCursor or nextCursor of an earlier call; omit to start at the beginning of the log.</summary>
    public string? Since { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>Only these event types, comma-separated (e.g. <c>document.published,document.repealed</c>).</summary>
    public string? Types { get; set; }

    /// <summary>Only events about this issuing authority (organisation id).</summary>
    public Guid? IssuingAuthorityId { get; set; }

    /// <summary>Only events about this document.</summary>
    public Guid? DocumentId { get; set; }
}

/// <summary>Query of <c>GET /api/v1/feeds/register.atom</c>.</summary>
public sealed class FeedQuery
{
    /// <summary>From a <c>rel="next"</c> link: the older page.</summary>
    public string? Cursor { get; set; }

    /// <summary>Entries per page, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>Only this issuing authority's documents (organisation id).</summary>
    public Guid? IssuingAuthorityId { get; set; }
}
