using System.Net;
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
            // The receiver checks every request as the README tells receivers to, against the service's clock.
            receiver.Verifier = r => r.VerifiesAsReadmeSays(secret, second.Clock.GetUtcNow());
            _ = second.Server; // starts the host, and with it the dispatcher
            var secondClient = new RegisterClient(second);
            await receiver.WaitUntilAsync(r => r.Count >= 3, TimeSpan.FromSeconds(60));

            var received = receiver.Received;
            received.Should().HaveCount(3, "two 503s, then the 200 ends the retries");
            received.Select(r => r.Header("X-Filing-Delivery-Attempt")).Should().Equal("1", "2", "3");
            received.Select(r => r.Header("X-Filing-Event-Id")).Should().OnlyContain(id => id == eventId);
            received.Select(r => r.Header("webhook-id")).Should().OnlyContain(id => id == eventId, "receivers de-duplicate on webhook-id");
            receiver.Rejected.Should().BeEmpty("every attempt carries a timestamped signature the receiver accepts");
            foreach (var request in received)
            {
                WebhookSignature.Verify(secret, request.Body, request.Header("X-Filing-Signature")).Should().BeTrue("the deprecated header is still sent");
            }

            // Someone who captured the delivery replays it: accepted within the tolerance (the receiver's de-duplication
            // on webhook-id drops it), refused once it is older than that.
            using var replayer = new HttpClient();
            async Task<HttpStatusCode> ReplayAsync(ReceivedWebhook captured)
            {
                using var replay = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new ByteArrayContent(captured.Body) };
                foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature", "X-Filing-Signature" })
                {
                    replay.Headers.TryAddWithoutValidation(name, captured.Header(name));
                }

                using var answer = await replayer.SendAsync(replay);
                return answer.StatusCode;
            }

            (await ReplayAsync(received[^1])).Should().Be(HttpStatusCode.OK);
            second.Clock.Advance(StandardWebhookSignature.DefaultTolerance + TimeSpan.FromSeconds(1));
            (await ReplayAsync(received[^1])).Should().Be(HttpStatusCode.Unauthorized, "the signed timestamp is now older than 5 minutes");
            receiver.Rejected.Should().ContainSingle();

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
