using Filing.Api.Infrastructure;
using Filing.Api.Infrastructure.Audit;
using Filing.Api.Register;
using Filing.Core.Feeds;
using Filing.Core.Register;
using Filing.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Filing.Api.Webhooks;

/// <summary>
/// Webhook subscriptions of the caller's organisation, their deliveries and dead letters. Deliveries are POSTs of JSON
/// signed as Standard Webhooks defines (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature: v1,&lt;base64
/// HMAC-SHA256 of "{id}.{timestamp}.{body}"&gt;</c>, see <see cref="StandardWebhookSignature"/>; during a secret rotation's
/// overlap <c>v1,&lt;new&gt; v1,&lt;old&gt;</c>), with the deprecated body-only <c>X-Filing-Signature</c> while
/// Webhooks:SendLegacySignature is on, and <c>X-Filing-Event-Id</c> (for de-duplication), <c>X-Filing-Event-Type</c>,
/// <c>X-Filing-Delivery-Id</c> and <c>X-Filing-Delivery-Attempt</c>; 2xx counts as delivered, anything else is retried
/// with exponential backoff and jitter, then dead-lettered.
/// </summary>
internal static class WebhooksEndpoints
{
    public static RouteGroupBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks");

        group.MapGet("/event-types", EventTypes)
            .WithName("ListWebhookEventTypes")
            .WithSummary("The event types a webhook can subscribe to");

        group.MapPost("/", Create)
            .WithName("CreateWebhook")
            .WithSummary("Register a URL for the events the organisation wants; the signing secret is returned once")
            .WithDescription("Each event is POSTed to `url` as the `delivery` callback below documents: signed as Standard Webhooks " +
                "(https://www.standardwebhooks.com) defines, so its libraries can verify it — `webhook-id` (the event id), `webhook-timestamp` " +
                "(unix seconds at send time, fresh on every retry) and `webhook-signature: v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\">` " +
                "keyed with the secret's base64-decoded part after `whsec_`. Receivers reject timestamps more than 5 minutes from their clock and " +
                "process each `webhook-id` once, so a captured delivery cannot be replayed. The body-only `X-Filing-Signature` is deprecated and " +
                "still sent while Webhooks:SendLegacySignature is on. Delivery semantics: at least once (de-duplicate on `webhook-id`, the same as " +
                "`X-Filing-Event-Id`); order not guaranteed (use `sequence` in the body, or re-read the change log); retried with exponential backoff " +
                "and jitter on any non-2xx answer or timeout, then a dead letter visible under `/deliveries?status=dead`. Messages are written in the " +
                "same transaction as the change, so a restart loses nothing.")
            .WithMetadata(new WebhookDeliveryCallbackMetadata())
            .RequireAuthorization()
            .WithRequestExample(new { url = "https://npc.example.gov.cn/filing-hook", eventTypes = new[] { "document.published", "document.repealed" }, description = "县人大备案审查平台" })
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new Infrastructure.Idempotency.IdempotentAttribute());

        group.MapGet("/", List)
            .WithName("ListWebhooks")
            .WithSummary("The organisation's webhook subscriptions (an administrator sees all)")
            .RequireAuthorization();

        group.MapGet("/{id:guid}", Get)
            .WithName("GetWebhook")
            .WithSummary("One subscription with its delivery counts")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteWebhook")
            .WithSummary("Stop a subscription; its pending deliveries are cancelled")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/secret", RotateSecret)
            .WithName("RotateWebhookSecret")
            .WithSummary("Replace the signing secret; the new one is returned once, and the old one keeps signing for an overlap period")
            .WithDescription("For the overlap (`expireCurrentInHours`, 0–168; by default Webhooks:SecretOverlap, 24 hours) every delivery is signed " +
                "with both secrets: `webhook-signature: v1,<new> v1,<old>` (and the deprecated `X-Filing-Signature: sha256=<new>,sha256=<old>`). " +
                "Receivers accept a delivery when any listed signature matches, " +
                "so they can switch to the new secret at any time within the overlap without missing an event; afterwards only the new secret signs. " +
                "`expireCurrentInHours: 0` ends the old secret at once (it leaked). Rotating again during an overlap ends the oldest secret at once " +
                "(at most two sign). Only the owning organisation's keys may rotate (the new secret is shown to the caller). Send an `Idempotency-Key` " +
                "so that a retry after a lost answer returns the same secret instead of rotating twice.")
            .RequireAuthorization()
            .WithRequestExample(new { expireCurrentInHours = 24 })
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new Infrastructure.Idempotency.IdempotentAttribute());

        group.MapGet("/{id:guid}/deliveries", Deliveries)
            .WithName("ListWebhookDeliveries")
            .WithSummary("Deliveries of a subscription, newest first; status=dead lists the dead letters")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/retry", Retry)
            .WithName("RetryWebhookDelivery")
            .WithSummary("Put a dead letter back in the queue for a new round of attempts")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    private static Ok<IReadOnlyList<EventTypeDto>> EventTypes() => TypedResults.Ok<IReadOnlyList<EventTypeDto>>(
    [
        .. RegisterEventTypes.All.Select(t => new EventTypeDto(t.Key, t.Value, true)),
        .. NotificationTypes.All.Select(t => new EventTypeDto(t.Key, t.Value, false)),
    ]);

    private static async Task<Results<Created<CreatedWebhookDto>, ProblemHttpResult, ValidationProblem>> Create(
        CreateWebhookRequest request, RegisterContext ctx, IOptions<WebhookOptions> options, IHostEnvironment environment, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var allowHttp = options.Value.AllowHttp ?? environment.IsDevelopment();
        Uri? url = null;
        if (string.IsNullOrWhiteSpace(request.Url))
        {
            errors["url"] = ["url is required: the absolute https:// address that receives the POSTs."];
        }
        else if (request.Url.Length > 2000 || !Uri.TryCreate(request.Url.Trim(), UriKind.Absolute, out url)
                 || !(url.Scheme == Uri.UriSchemeHttps || (allowHttp && url.Scheme == Uri.UriSchemeHttp))
                 || !string.IsNullOrEmpty(url.UserInfo) || string.IsNullOrEmpty(url.Host))
        {
            errors["url"] = [allowHttp
                ? "url must be an absolute http:// or https:// address without user name or password, at most 2000 characters."
                : "url must be an absolute https:// address without user name or password, at most 2000 characters."];
        }

        var types = request.EventTypes?.Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct().ToList() ?? [];
        if (types.Count == 0)
        {
            errors["eventTypes"] = ["eventTypes is required: at least one type from GET /api/v1/webhooks/event-types."];
        }
        else if (types.Where(t => !RegisterEventTypes.IsKnown(t) && !NotificationTypes.IsKnown(t)).ToList() is { Count: > 0 } unknown)
        {
            errors["eventTypes"] = [$"Unknown event types: {string.Join(", ", unknown)}. See GET /api/v1/webhooks/event-types."];
        }

        if (request.Description is { Length: > 500 })
        {
            errors["description"] = ["description is at most 500 characters."];
        }

        if (request.IssuingAuthorityId is { } authority
            && !await ctx.Db.Organisations.AnyAsync(o => o.Id == authority && o.UnifiedNumberPrefix != null, ct))
        {
            errors["issuingAuthorityId"] = ["No issuing authority with this id."];
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var organisation = ctx.Caller.OrganisationId!.Value;
        var active = await ctx.Db.WebhookSubscriptions.CountAsync(s => s.OrganisationId == organisation && s.DeletedAt == null, ct);
        if (active >= options.Value.MaxSubscriptionsPerOrganisation)
        {
            return RegisterProblems.Problem(StatusCodes.Status409Conflict, "webhook-limit", "Too many webhooks",
                $"An organisation may have at most {options.Value.MaxSubscriptionsPerOrganisation} active webhooks; delete one first.");
        }

        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription(Guid.CreateVersion7(ctx.Now), organisation, url!, types, request.IssuingAuthorityId,
            request.Description, secret, ctx.Now);
        ctx.Db.WebhookSubscriptions.Add(subscription);
        await ctx.Audit.AppendAsync(AuditTrail.OrganisationStream(organisation), ctx.Caller, "webhook.created", null,
            new { id = subscription.Id, url = subscription.Url, eventTypes = subscription.Types, subscription.IssuingAuthorityId }, $"webhook:{subscription.Id}", ct);
        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/webhooks/{subscription.Id}",
            new CreatedWebhookDto(WebhookDto.From(subscription, new DeliveryCountsDto(0, 0, 0, 0), ctx.Now), secret));
    }

    private static async Task<Results<Ok<PagedList<WebhookDto>>, ValidationProblem>> List(int? limit, string? cursor, RegisterContext ctx, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var take = Paging.Limit(limit, ctx.Options.MaxPageSize, errors);
        var after = Cursor.ReadId(cursor, "w", errors);

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var visible = Visible(ctx).Where(s => s.DeletedAt == null);
        var total = await visible.CountAsync(ct);
        var page = await (after is { } a ? visible.Where(s => s.Id.CompareTo(a) < 0) : visible)
            .OrderByDescending(s => s.Id).Take(take + 1).ToListAsync(ct);
        var items = new List<WebhookDto>();
        foreach (var s in page.Take(take))
        {
            items.Add(WebhookDto.From(s, await CountsAsync(ctx, s.Id, ct), ctx.Now));
        }

        return TypedResults.Ok(new PagedList<WebhookDto>(items, total, page.Count > take ? Cursor.Encode("w", page[take - 1].Id.ToString("D")) : null));
    }

    private static async Task<Results<Ok<WebhookDto>, ProblemHttpResult>> Get(Guid id, RegisterContext ctx, CancellationToken ct) =>
        await Visible(ctx).SingleOrDefaultAsync(s => s.Id == id && s.DeletedAt == null, ct) is { } s
            ? TypedResults.Ok(WebhookDto.From(s, await CountsAsync(ctx, s.Id, ct), ctx.Now))
            : RegisterProblems.NotFound("webhook");

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, RegisterContext ctx, CancellationToken ct)
    {
        var subscription = await ctx.Db.WebhookSubscriptions.Where(Owned(ctx.Caller)).SingleOrDefaultAsync(s => s.Id == id && s.DeletedAt == null, ct);
        if (subscription is null)
        {
            return RegisterProblems.NotFound("webhook");
        }

        var now = ctx.Now;
        subscription.Delete(now);
        var pending = await ctx.Db.OutboxMessages.Where(m => m.SubscriptionId == id && m.Status == OutboxStatus.Pending).ToListAsync(ct);
        foreach (var message in pending)
        {
            message.Cancel(now);
        }

        await ctx.Audit.AppendAsync(AuditTrail.OrganisationStream(subscription.OrganisationId), ctx.Caller, "webhook.deleted", null,
            new { id = subscription.Id, url = subscription.Url, cancelledDeliveries = pending.Count }, $"webhook:{subscription.Id}", ct);
        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<RotatedWebhookSecretDto>, ProblemHttpResult, ValidationProblem>> RotateSecret(
        Guid id, RotateWebhookSecretRequest? request, RegisterContext ctx, IOptions<WebhookOptions> options, CancellationToken ct)
    {
        var overlap = options.Value.SecretOverlap;
        if (request?.ExpireCurrentInHours is { } hours)
        {
            if (hours is < 0 or > WebhookOptions.MaxSecretOverlapHours)
            {
                return RegisterProblems.Invalid("expireCurrentInHours",
                    $"expireCurrentInHours is a whole number of hours from 0 (the current secret stops signing now) to {WebhookOptions.MaxSecretOverlapHours}.");
            }

            overlap = TimeSpan.FromHours(hours);
        }

        var subscription = await ctx.Db.WebhookSubscriptions.Where(Owned(ctx.Caller)).SingleOrDefaultAsync(s => s.Id == id && s.DeletedAt == null, ct);
        if (subscription is null)
        {
            return RegisterProblems.NotFound("webhook");
        }

        if (subscription.OrganisationId != ctx.Caller.OrganisationId)
        {
            // An administrator sees every webhook, but the secret is for the receiving organisation alone.
            return RegisterProblems.Forbidden("Only a key of the organisation that owns the webhook may rotate its secret: the new secret is shown to the caller.");
        }

        var now = ctx.Now;
        var before = new { rotatedAt = subscription.SecretRotatedAt, previousSecretExpiresAt = subscription.PreviousSecretActiveUntil(now) };
        var secret = WebhookSignature.NewSecret();
        subscription.RotateSecret(secret, now, overlap);
        await ctx.Audit.AppendAsync(AuditTrail.OrganisationStream(subscription.OrganisationId), ctx.Caller, "webhook.secret-rotated", before,
            new { id = subscription.Id, rotatedAt = now, previousSecretExpiresAt = subscription.PreviousSecretActiveUntil(now) }, $"webhook:{subscription.Id}", ct);
        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RotatedWebhookSecretDto(WebhookDto.From(subscription, await CountsAsync(ctx, subscription.Id, ct), now), secret));
    }

    private static async Task<Results<Ok<PagedList<WebhookDeliveryDto>>, ProblemHttpResult, ValidationProblem>> Deliveries(
        Guid id, [AsParameters] DeliveryListQuery query, RegisterContext ctx, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var take = Paging.Limit(query.Limit, ctx.Options.MaxPageSize, errors);
        var status = KebabEnum.Filter<OutboxStatus>(query.Status, "status", errors);
        var after = Cursor.ReadId(query.Cursor, "wd", errors);

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        if (!await Visible(ctx).AnyAsync(s => s.Id == id, ct))
        {
            return RegisterProblems.NotFound("webhook");
        }

        var deliveries = ctx.Db.OutboxMessages.AsNoTracking().Where(m => m.SubscriptionId == id);
        if (status is { } wanted)
        {
            deliveries = deliveries.Where(m => m.Status == wanted);
        }

        var total = await deliveries.CountAsync(ct);
        var page = await (after is { } a ? deliveries.Where(m => m.Id.CompareTo(a) < 0) : deliveries)
            .OrderByDescending(m => m.Id).Take(take + 1).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<WebhookDeliveryDto>([.. page.Take(take).Select(WebhookDeliveryDto.From)], total,
            page.Count > take ? Cursor.Encode("wd", page[take - 1].Id.ToString("D")) : null));
    }

    private static async Task<Results<Ok<WebhookDeliveryDto>, ProblemHttpResult>> Retry(
        Guid id, Guid deliveryId, RegisterContext ctx, Infrastructure.Outbox.OutboxSignal signal, CancellationToken ct)
    {
        if (!await ctx.Db.WebhookSubscriptions.Where(Owned(ctx.Caller)).AnyAsync(s => s.Id == id && s.DeletedAt == null, ct))
        {
            return RegisterProblems.NotFound("webhook");
        }

        var message = await ctx.Db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == deliveryId && m.SubscriptionId == id, ct);
        if (message is null)
        {
            return RegisterProblems.NotFound("delivery");
        }

        if (message.Status != OutboxStatus.Dead)
        {
            return RegisterProblems.Problem(StatusCodes.Status409Conflict, "delivery-not-dead", "Not a dead letter",
                $"The delivery is '{JsonNaming.Kebab(message.Status.ToString())}'; only dead letters can be retried.");
        }

        message.Requeue(ctx.Now);
        await ctx.Db.SaveChangesAsync(ct);
        signal.Notify();
        return TypedResults.Ok(WebhookDeliveryDto.From(message));
    }

    private static IQueryable<WebhookSubscription> Visible(RegisterContext ctx) =>
        ctx.Db.WebhookSubscriptions.AsNoTracking().Where(Owned(ctx.Caller));

    private static System.Linq.Expressions.Expression<Func<WebhookSubscription, bool>> Owned(Caller caller)
    {
        if (caller.Has(CallerRoles.Admin))
        {
            return s => true;
        }

        var organisation = caller.OrganisationId;
        return s => s.OrganisationId == organisation;
    }

    private static async Task<DeliveryCountsDto> CountsAsync(RegisterContext ctx, Guid id, CancellationToken ct)
    {
        var counts = await ctx.Db.OutboxMessages.AsNoTracking().Where(m => m.SubscriptionId == id)
            .GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OutboxStatus s) => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0;
        return new DeliveryCountsDto(Of(OutboxStatus.Pending), Of(OutboxStatus.Delivered), Of(OutboxStatus.Dead), Of(OutboxStatus.Cancelled));
    }
}
