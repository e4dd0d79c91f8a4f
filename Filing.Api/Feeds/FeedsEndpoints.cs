using System.Globalization;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Register;
using Filing.Core.Feeds;
using Filing.Core.Feeds.Specifications;
using Filing.Core.Register;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Filing.Api.Feeds;

/// <summary>The public Atom feed of the register and the JSON change log for incremental sync. Anonymous.</summary>
internal static class FeedsEndpoints
{
    public static RouteGroupBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Feeds and change log");

        group.MapGet("/feeds/register.atom", Atom)
            .WithName("GetRegisterAtomFeed")
            .WithSummary("Atom 1.0 feed of publications, amendments, repeals (also declarations of invalidity and revocations) and expiries, newest first")
            .WithDescription("Any feed reader can follow it. Entry ids are `urn:uuid:{event id}` and never change; each entry links to the public " +
                "register entry of its document. Pages are linked with `rel=\"next\"` (RFC 5005); `issuingAuthorityId` gives one authority's feed. " +
                "Answers `ETag`; send `If-None-Match` to get 304 when nothing changed. Expiries are derived from `validUntil` and appear from the day after it.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

        group.MapGet("/changes", Changes)
            .WithName("ListChanges")
            .WithSummary("The change log: every public register event after a cursor, in commit order, for incremental sync")
            .WithDescription("Start without `since`, then keep `resumeCursor` and pass it as `since` at the next sync. Events are in commit order: " +
                "once an event with sequence n has been returned, no event with a lower sequence can appear later, so a client that follows the cursor " +
                "misses nothing, even while other requests are writing. `total` counts the matching events after `since`; a page size above the " +
                "maximum is a 400 that says the maximum. Event types: " + string.Join(", ", RegisterEventTypes.All.Keys) + ".")
            .ProducesValidationProblem();

        return group;
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem>> Atom(
        [AsParameters] FeedQuery query, HttpContext http, FilingDbContext db, ExpiryRecorder expiry,
        IOptions<RegisterOptions> register, IOptions<FeedsOptions> feeds, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var limit = Paging.Limit(query.Limit, register.Value.MaxPageSize, errors);
        long? before = null;
        if (query.Cursor is not null)
        {
            if (Cursor.TryDecode(query.Cursor, "a", 1, out var parts) && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                before = position;
            }
            else
            {
                errors["cursor"] = ["Not a cursor of this feed: follow the rel=\"next\" link unchanged."];
            }
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        await expiry.RecordDueAsync(ct);
        var newest = await db.RegisterEvents.AsNoTracking().WithSpecification(new FeedEntriesSpec(null, query.IssuingAuthorityId, 1))
            .Select(e => new { e.Sequence, e.RecordedAt }).FirstOrDefaultAsync(ct);
        var etag = $"\"feed-{newest?.Sequence ?? 0}-{before?.ToString(CultureInfo.InvariantCulture) ?? "top"}-{limit}-{query.IssuingAuthorityId:N}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=60";
        if (http.Request.Headers.IfNoneMatch.Any(v => v == etag || v == "*"))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var page = await db.RegisterEvents.AsNoTracking().WithSpecification(new FeedEntriesSpec(before, query.IssuingAuthorityId, limit + 1)).ToListAsync(ct);
        var baseUrl = BaseUrl(http.Request, feeds.Value);
        var path = baseUrl + "/api/v1/feeds/register.atom";
        string Href(string? cursor)
        {
            var parameters = new List<string>();
            if (query.IssuingAuthorityId is { } authority)
            {
                parameters.Add($"issuingAuthorityId={authority:D}");
            }

            if (query.Limit is not null)
            {
                parameters.Add($"limit={limit}");
            }

            if (cursor is not null)
            {
                parameters.Add($"cursor={cursor}");
            }

            return parameters.Count == 0 ? path : path + "?" + string.Join("&", parameters);
        }

        var entries = page.Take(limit).ToList();
        var feed = new AtomFeedPage(
            FeedId(baseUrl, query.IssuingAuthorityId),
            feeds.Value.Title,
            feeds.Value.Author,
            newest?.RecordedAt ?? DateTimeOffset.UnixEpoch,
            Href(query.Cursor),
            Href(null),
            page.Count > limit ? Href(Cursor.Encode("a", entries[^1].Sequence.ToString(CultureInfo.InvariantCulture))) : null,
            baseUrl + "/api/v1/changes" + (query.IssuingAuthorityId is { } a ? $"?issuingAuthorityId={a:D}" : ""),
            baseUrl,
            entries);
        return TypedResults.File(AtomFeedWriter.Write(feed), AtomFeedWriter.ContentType);
    }

    private static async Task<Results<Ok<ChangeLogPage>, ValidationProblem>> Changes(
        [AsParameters] ChangeLogQuery query, FilingDbContext db, ExpiryRecorder expiry,
        IOptions<RegisterOptions> register, IOptions<FeedsOptions> feeds, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var limit = Paging.Limit(query.Limit, register.Value.MaxPageSize, errors);
        long since = 0;
        if (query.Since is not null)
        {
            if (Cursor.TryDecode(query.Since, "e", 1, out var parts) && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                since = position;
            }
            else
            {
                errors["since"] = ["Not a cursor of the change log: pass back resumeCursor or nextCursor unchanged."];
            }
        }

        List<string>? types = null;
        if (!string.IsNullOrWhiteSpace(query.Types))
        {
            types = [.. query.Types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
            var unknown = types.Where(t => !RegisterEventTypes.IsKnown(t)).ToList();
            if (unknown.Count > 0)
            {
                errors["types"] = [$"Unknown event types: {string.Join(", ", unknown)}. Known: {string.Join(", ", RegisterEventTypes.All.Keys)}."];
            }
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        await expiry.RecordDueAsync(ct);

        // Read the head first: everything up to it has committed (sequence order is commit order), so a page that
        // reaches the end of the log can resume from the head even when a filter hid the last events.
        var head = await db.EventLogState.AsNoTracking().Select(s => s.LastSequence).SingleAsync(ct);
        var filter = new RegisterEventFilter(types, query.IssuingAuthorityId, query.DocumentId);
        var total = await db.RegisterEvents.WithSpecification(new ChangesAfterSpec(since, filter, limit), criteriaOnly: true).CountAsync(ct);
        var page = await db.RegisterEvents.AsNoTracking().WithSpecification(new ChangesAfterSpec(since, filter, limit + 1)).ToListAsync(ct);
        var items = page.Take(limit).Select(e => RegisterEventJson.ToDto(e, feeds.Value.PublicBaseUrl)).ToList();
        var last = items.Count > 0 ? items[^1].Sequence : since;
        var more = page.Count > limit;
        var resume = more ? last : Math.Max(last, head);
        return TypedResults.Ok(new ChangeLogPage(
            items,
            total,
            more ? Cursor.Encode("e", last.ToString(CultureInfo.InvariantCulture)) : null,
            Cursor.Encode("e", resume.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>The configured public address, else the request's.</summary>
    public static string BaseUrl(HttpRequest request, FeedsOptions options) =>
        !string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? options.PublicBaseUrl.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');

    /// <summary>
    /// A tag URI (RFC 4151) that stays the same for this register and filter; when the service is reached by an IP
    /// address (no tagging authority), a name-based UUID of the address instead.
    /// </summary>
    private static string FeedId(string baseUrl, Guid? authority)
    {
        var path = "filing/register" + (authority is { } a ? $"/authority/{a:D}" : "");
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.HostNameType == UriHostNameType.Dns)
        {
            return $"tag:{uri.Host},2024:{path}";
        }

        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(baseUrl + "/" + path));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8 (RFC 9562: custom, here name-based on SHA-256)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}
