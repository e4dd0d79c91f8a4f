using System.Globalization;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Notifications;
using Filing.Core.Calendar;
using Filing.Core.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Filing.Api.Participation;

/// <summary>
/// Reminds the legal office, through the notification outbox, that an objection's written reply is nearly due (on
/// each configured number of days before the due date) or overdue. The reminder for the nearest threshold reached is
/// written once (dedup key), so a scan that runs late sends one reminder, not a burst. Overdue itself is never stored:
/// the queue derives it on read.
/// </summary>
public sealed class ObjectionReminders(IServiceScopeFactory scopes, TimeProvider clock, WorkingCalendar calendar, IOptions<ParticipationOptions> options)
{
    /// <summary>Writes the reminders due today; returns how many were written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<NotificationOutbox>();
        var today = calendar.Today(clock);
        var offsets = options.Value.ObjectionReminderDaysBefore.Where(d => d >= 0).Distinct().Order().ToList();
        var horizon = today.AddDays(offsets.Count == 0 ? 0 : offsets[^1]);
        var open = await db.Objections.AsNoTracking()
            .Where(o => o.RepliedOn == null && o.DueDate <= horizon)
            .Select(o => new { o.TrackingCode, o.DocumentTitle, o.JurisdictionId, o.DueDate, o.Status })
            .ToListAsync(ct);
        var offices = new Dictionary<Guid, List<Guid>>();
        var written = 0;
        foreach (var o in open)
        {
            if (!offices.TryGetValue(o.JurisdictionId, out var recipients))
            {
                recipients = await db.Organisations.AsNoTracking()
                    .Where(x => x.Kind == OrganisationKind.LegalOffice && x.ParentId == o.JurisdictionId)
                    .Select(x => x.Id).ToListAsync(ct);
                offices[o.JurisdictionId] = recipients;
            }

            var due = o.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string key, subject;
            if (today > o.DueDate)
            {
                key = "overdue";
                subject = $"审查建议 {o.TrackingCode} 已逾期（答复期限 {due}）";
            }
            else
            {
                // The nearest threshold reached: 1 day before beats 7 days before when both have passed.
                var daysLeft = o.DueDate.DayNumber - today.DayNumber;
                var reached = offsets.Where(d => daysLeft <= d).ToList();
                if (reached.Count == 0)
                {
                    continue;
                }

                key = "before-" + reached[0].ToString(CultureInfo.InvariantCulture);
                subject = $"审查建议 {o.TrackingCode} 将于 {due} 到期（还剩 {daysLeft} 日）";
            }

            var body = $"对《{o.DocumentTitle}》的审查建议 {o.TrackingCode}（当前状态：{o.Status}）须在 {due} 前书面答复。";
            foreach (var office in recipients)
            {
                if (await outbox.EnqueueAsync("objection-reminder", NotificationChannel.Internal, office, null, subject, body,
                        $"objection:{o.TrackingCode}", $"objection:{o.TrackingCode}:reminder:{due}:{key}:{office:N}", ct))
                {
                    written++;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return written;
    }
}

/// <summary>Runs <see cref="ObjectionReminders"/> at start and then every <c>Participation:ReminderIntervalMinutes</c>.</summary>
internal sealed class ObjectionReminderService(ObjectionReminders reminders, IOptions<ParticipationOptions> options, ILogger<ObjectionReminderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RemindersEnabled || options.Value.ReminderIntervalMinutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.ReminderIntervalMinutes));
        do
        {
            try
            {
                var written = await reminders.RunOnceAsync(stoppingToken);
                if (written > 0)
                {
                    logger.LogInformation("Wrote {Count} objection reminders", written);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The objection reminder scan failed; it runs again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
