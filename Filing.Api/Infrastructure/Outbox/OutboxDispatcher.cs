using System.Text.RegularExpressions;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Webhooks;
using Filing.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Filing.Api.Infrastructure.Outbox;

/// <summary>
/// Delivers outbox messages. Each round claims a batch of due messages with a lease (PostgreSQL:
/// <c>FOR UPDATE SKIP LOCKED</c>, so instances never claim the same row; SQLite: one atomic UPDATE under the database
/// write lock — SQLite is for a single instance), sends them, and records each result only if this instance still holds
/// the lease (the lease owner is an optimistic-concurrency token). Messages of an instance that died are claimed again
/// once their lease has run out. Delivery is at least once; receivers de-duplicate on <c>webhook-id</c> (the event id).
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>This instance's lease-owner name.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Claims one batch of due messages and attempts each once; returns how many it attempted.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<WebhookSender>();
        var channels = scope.ServiceProvider.GetServices<IOutboxChannel>().ToDictionary(c => c.Name, StringComparer.Ordinal);
        var names = channels.Keys.Append(OutboxMessage.WebhookChannel).Distinct().ToList();

        var now = clock.GetUtcNow();
        var claimed = await ClaimAsync(db, InstanceId, names, now, now + settings.Lease, settings.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var messages = await db.OutboxMessages.Where(m => claimed.Contains(m.Id)).ToListAsync(cancellationToken);
        var subscriptionIds = messages.Where(m => m.SubscriptionId is not null).Select(m => m.SubscriptionId!.Value).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);

        var results = new OutboxAttempt[messages.Count];
        await Parallel.ForAsync(0, messages.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.MaxParallelSends), CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await AttemptAsync(messages[i], subscriptions, channels, sender, ct));

        var policy = settings.RetryPolicy;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var result = results[i];
            var at = clock.GetUtcNow();
            switch (result.Outcome)
            {
                case OutboxAttemptOutcome.Delivered:
                    message.Succeeded(at, result.StatusCode);
                    break;
                case OutboxAttemptOutcome.Cancelled:
                    message.Cancel(at);
                    break;
                default:
                    if (message.Failed(at, result.StatusCode, result.Error ?? "Failed.", policy, Random.Shared.NextDouble(), result.RetryAfter))
                    {
                        logger.LogWarning("Outbox message {Id} ({Type}) is a dead letter after {Attempts} attempts: {Error}",
                            message.Id, message.EventType, message.Attempts, message.LastError);
                    }

                    break;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The lease ran out and another instance claimed the message: its result counts, not ours.
                logger.LogWarning("Lost the lease on outbox message {Id}; another instance owns it now", message.Id);
                db.Entry(message).State = EntityState.Detached;
            }
        }

        return messages.Count;
    }

    private static async Task<OutboxAttempt> AttemptAsync(
        OutboxMessage message,
        Dictionary<Guid, WebhookSubscription> subscriptions,
        Dictionary<string, IOutboxChannel> channels,
        WebhookSender sender,
        CancellationToken ct)
    {
        try
        {
            if (message.Channel == OutboxMessage.WebhookChannel)
            {
                return message.SubscriptionId is { } id && subscriptions.TryGetValue(id, out var subscription) && subscription.IsActive
                    ? await sender.SendAsync(message, subscription, ct)
                    : OutboxAttempt.Cancelled("The subscription was deleted.");
            }

            return await channels[message.Channel].SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return OutboxAttempt.Failed(null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static async Task<List<Guid>> ClaimAsync(
        FilingDbContext db, string owner, IReadOnlyList<string> channels, DateTimeOffset now, DateTimeOffset leaseUntil, int batch, CancellationToken ct)
    {
        foreach (var name in channels)
        {
            if (!ChannelName().IsMatch(name))
            {
                throw new InvalidOperationException($"Outbox channel name '{name}' must be lowercase letters, digits and dashes.");
            }
        }

        var inList = string.Join(", ", channels.Select(c => $"'{c}'"));
        var pending = nameof(OutboxStatus.Pending);
        var postgres = db.Provider == DatabaseProvider.PostgreSQL;
        // SQLite stores instants as UTC ticks (see SqliteFilingDbContext); PostgreSQL as timestamptz.
        object At(DateTimeOffset value) => postgres ? value : value.UtcTicks;
        var sql = $$"""
            UPDATE "OutboxMessages" SET "LeaseOwner" = {0}, "LeaseExpiresAt" = {1}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "Status" = '{{pending}}' AND "Channel" IN ({{inList}}) AND "NextAttemptAt" <= {2}
                  AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {2})
                ORDER BY "NextAttemptAt"
                LIMIT {3}{{(postgres ? " FOR UPDATE SKIP LOCKED" : "")}})
            RETURNING "Id" AS "Value"
            """;
        return await db.Database.SqlQueryRaw<Guid>(sql, owner, At(leaseUntil), At(now), batch).ToListAsync(ct);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex ChannelName();
}
