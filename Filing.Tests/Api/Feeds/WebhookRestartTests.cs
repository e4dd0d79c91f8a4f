using System.Text.Json;
using Filing.Core.Webhooks;
using Filing.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Feeds;

/// <summary>
/// The done-when of the webhooks: a real receiver (Kestrel on a loopback port) that fails twice gets the signed event of
/// a publication, although the host that recorded it was stopped before sending and a new host started on the same
/// database. On SQLite and on PostgreSQL.
/// </summary>
public abstract class WebhookRestartTests
{
    protected abstract Task<(string Provider, string Connection, Action Cleanup)> DatabaseAsync();

    [Fact]
    public async Task DeliversSignedPublicationAfterRestart_GivenReceiverThatFailsTwice()
    {
        await using var receiver = await KestrelWebhookReceiver.StartAsync(failFirst: 2);
        var (provider, connection, cleanup) = await DatabaseAsync();
        try
        {
            Guid hookId;
            Guid documentId;
            string secret;
            string eventId;
            using (var first = new RestartableApiFactory(provider, connection, dispatcher: false))
            {
                var client = new RegisterClient(first);
                var created = await client.PostOkAsync(Npc, "/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "document.published" } });
                hookId = created.GetProperty("webhook").GetProperty("id").GetGuid();
                secret = created.GetProperty("secret").GetString()!;
                documentId = await client.UploadAsync(TestDocx.Seed());
                await client.TakeToAsync(documentId, "published");
                eventId = (await client.GetOkAsync(Anonymous, $"/api/v1/changes?documentId={documentId}")).GetProperty("items")[0].GetProperty("id").GetString()!;
                (await client.GetOkAsync(Npc, $"/api/v1/webhooks/{hookId}")).GetProperty("deliveries").GetProperty("pending").GetInt32().Should().Be(1);
            }

            receiver.Received.Should().BeEmpty("the first host never sent it");

            using var second = new RestartableApiFactory(provider, connection, dispatcher: true);
            _ = second.Server; // starts the host, and with it the dispatcher
            var secondClient = new RegisterClient(second);
            await receiver.WaitUntilAsync(r => r.Count >= 3, TimeSpan.FromSeconds(60));

            var received = receiver.Received;
            received.Should().HaveCount(3, "two 503s, then the 200 ends the retries");
            received.Select(r => r.Header("X-Filing-Delivery-Attempt")).Should().Equal("1", "2", "3");
            received.Select(r => r.Header("X-Filing-Event-Id")).Should().OnlyContain(id => id == eventId);
            foreach (var request in received)
            {
                WebhookSignature.Verify(secret, request.Body, request.Header("X-Filing-Signature")).Should().BeTrue();
            }

            var body = JsonDocument.Parse(received[^1].Body).RootElement;
            body.GetProperty("type").GetString().Should().Be("document.published");
            body.GetProperty("document").GetProperty("id").GetGuid().Should().Be(documentId);
            body.GetProperty("document").GetProperty("documentNumber").GetString().Should().Be("桐政发〔2018〕47号");

            var until = DateTime.UtcNow.AddSeconds(30);
            JsonElement counts;
            do
            {
                counts = (await secondClient.GetOkAsync(Npc, $"/api/v1/webhooks/{hookId}")).GetProperty("deliveries");
                await Task.Delay(100);
            }
            while (counts.GetProperty("delivered").GetInt32() == 0 && DateTime.UtcNow < until);

            counts.GetProperty("delivered").GetInt32().Should().Be(1);
            counts.GetProperty("pending").GetInt32().Should().Be(0);
        }
        finally
        {
            cleanup();
        }
    }
}

public sealed class SqliteWebhookRestartTests : WebhookRestartTests
{
    protected override Task<(string Provider, string Connection, Action Cleanup)> DatabaseAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"filing-restart-{Guid.NewGuid():N}.db");
        return Task.FromResult<(string, string, Action)>(("Sqlite", $"Data Source={file}", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }));
    }
}

public sealed class PostgresWebhookRestartTests : WebhookRestartTests
{
    protected override async Task<(string Provider, string Connection, Action Cleanup)> DatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        return ("PostgreSQL", await server.CreateDatabaseAsync("restart"), () => { });
    }
}
