using System.Collections.Concurrent;
using System.Text.Json;
using Filing.Api.Infrastructure.Outbox;
using Filing.Api.Webhooks;
using Filing.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Feeds;

/// <summary>
/// What only a server database shows: several writers committing events at once, and several dispatchers (as on several
/// API instances) claiming the same outbox.
/// </summary>
public sealed class PostgresConcurrencyTests(PostgresFeedsApiFactory factory) : IClassFixture<PostgresFeedsApiFactory>
{
    private readonly RegisterClient _client = new(factory);

    [Fact]
    public async Task ChangeLogReaderMissesNothing_GivenConcurrentPublications()
    {
        factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            var id = await _client.UploadAsync();
            await _client.TakeToAsync(id, "registered");
            ids.Add(id);
        }

        var start = await HeadAsync();
        var seen = new List<JsonElement>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var cursor = start;
            while (true)
            {
                var finished = stop.IsCancellationRequested;
                var page = await _client.GetOkAsync(Anonymous, $"/api/v1/changes?since={cursor}&limit=3");
                seen.AddRange(page.GetProperty("items").EnumerateArray());
                cursor = page.GetProperty("resumeCursor").GetString()!;
                if (finished && page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null)
                {
                    return;
                }
            }
        });

        await Task.WhenAll(ids.Select(id => _client.PostOkAsync(Legal, $"/api/v1/documents/{id}/publication",
            new { date = "2024-09-06", channel = "政府公报", validUntil = "2024-09-06" })));
        await stop.CancelAsync();
        await reader;

        var sequences = seen.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        sequences.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        seen.Where(e => e.GetProperty("type").GetString() == "document.published")
            .Select(e => e.GetProperty("document").GetProperty("id").GetGuid()).Should().BeEquivalentTo(ids);
        var all = (await _client.GetOkAsync(Anonymous, $"/api/v1/changes?since={start}&limit=200")).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        sequences.Should().Equal(all, "the polling reader saw every event the log holds, in order, without gaps");
    }

    [Fact]
    public async Task EachDeliveryIsSentOnce_GivenTwoDispatchersRacing()
    {
        factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        var url = $"https://race.example/{Guid.NewGuid():N}";
        await _client.PostOkAsync(Party, "/api/v1/webhooks", new { url, eventTypes = new[] { "document.published" } });
        for (var i = 0; i < 12; i++)
        {
            var id = await _client.UploadAsync();
            await _client.TakeToAsync(id, "published");
        }

        var services = factory.Services;
        OutboxDispatcher NewInstance() => new(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IOptions<WebhookOptions>>(),
            factory.Clock, services.GetRequiredService<ILogger<OutboxDispatcher>>());
        var instances = new[] { NewInstance(), NewInstance(), NewInstance() };
        var rounds = new ConcurrentBag<int>();
        await Task.WhenAll(instances.Select(dispatcher => Task.Run(async () =>
        {
            while (await dispatcher.DispatchOnceAsync(CancellationToken.None) is var n and > 0)
            {
                rounds.Add(n);
            }
        })));

        var received = factory.Receiver.For(url);
        received.Should().HaveCount(12);
        received.Select(r => r.Header("X-Filing-Event-Id")).Should().OnlyHaveUniqueItems("no two instances sent the same delivery");
        received.Should().OnlyContain(r => r.Header("X-Filing-Delivery-Attempt") == "1");
    }

    private async Task<string> HeadAsync()
    {
        string? cursor = null;
        while (true)
        {
            var page = await _client.GetOkAsync(Anonymous, "/api/v1/changes?limit=200" + (cursor is null ? "" : $"&since={cursor}"));
            cursor = page.GetProperty("resumeCursor").GetString()!;
            if (page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null)
            {
                return cursor;
            }
        }
    }
}
