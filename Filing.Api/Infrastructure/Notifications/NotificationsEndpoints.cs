using Filing.Api.Register;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Infrastructure.Notifications;

/// <summary>An organisation's notifications: reminders addressed to it, and notices it sent to citizens with their delivery state.</summary>
internal static class NotificationsEndpoints
{
    public static RouteGroupBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", List).WithName("ListNotifications")
            .WithSummary("The caller's organisation's notifications, newest first: reminders to it and notices to citizens it sent (with delivery state)")
            .WithDescription("E-mail and SMS notices stay `pending` until a sender is configured (INotificationSender); internal ones are delivered on creation.")
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Results<Ok<PagedList<NotificationDto>>, ValidationProblem>> List(
        string? status, string? channel, string? kind, int? limit, string? cursor, RegisterContext ctx, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var take = Paging.Limit(limit, ctx.Options.MaxPageSize, errors);
        var statusFilter = KebabEnum.Filter<NotificationStatus>(status, "status", errors);
        var channelFilter = KebabEnum.Filter<NotificationChannel>(channel, "channel", errors);
        var after = Cursor.ReadId(cursor, "nt", errors);

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var org = ctx.Caller.OrganisationId;
        var query = ctx.Db.Notifications.AsNoTracking().Where(n => n.OrganisationId == org);
        if (statusFilter is { } s)
        {
            query = query.Where(n => n.Status == s);
        }

        if (channelFilter is { } c)
        {
            query = query.Where(n => n.Channel == c);
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            query = query.Where(n => n.Kind == kind);
        }

        var total = await query.CountAsync(ct);
        if (after is { } id)
        {
            query = query.Where(n => n.Id.CompareTo(id) < 0);
        }

        // Ids are time-ordered (UUIDv7): newest first by id.
        var page = await query.OrderByDescending(n => n.Id).Take(take + 1).ToListAsync(ct);
        var shown = page.Take(take).ToList();
        return TypedResults.Ok(new PagedList<NotificationDto>([.. shown.Select(NotificationDto.From)], total,
            page.Count > take ? Cursor.Encode("nt", shown[^1].Id.ToString("D")) : null));
    }
}

/// <summary>A notification as its organisation sees it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Kind">objection-reminder, objection-replied or comments-fed-back.</param>
/// <param name="Channel">internal, email or sms.</param>
/// <param name="Status">pending, delivered or failed.</param>
/// <param name="Recipient">The citizen's address (e-mail or phone), for notices to citizens.</param>
/// <param name="Subject">Subject.</param>
/// <param name="Body">Text.</param>
/// <param name="Reference">What it is about.</param>
/// <param name="CreatedAt">When written.</param>
/// <param name="Attempts">Delivery attempts.</param>
/// <param name="DeliveredAt">When delivered.</param>
/// <param name="LastError">Last delivery error.</param>
public sealed record NotificationDto(Guid Id, string Kind, NotificationChannel Channel, NotificationStatus Status, string? Recipient, string Subject,
    string Body, string Reference, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? DeliveredAt, string? LastError)
{
    public static NotificationDto From(Notification n) => new(n.Id, n.Kind, n.Channel, n.Status, n.RecipientAddress, n.Subject, n.Body, n.Reference,
        n.CreatedAt, n.Attempts, n.DeliveredAt, n.LastError);
}
