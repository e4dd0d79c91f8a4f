using System.Net;
using System.Text;
using System.Text.Json;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Outbox;
using Filing.Core.Webhooks;
using Filing.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Feeds;

/// <summary>
/// Rotating a webhook's signing secret over HTTP: during the overlap every delivery carries signatures a receiver can
/// check with the old and with the new secret, afterwards only the new one; on SQLite and on PostgreSQL.
/// </summary>
public abstract class WebhookSecretRotationScenarios
{
    private static readonly DateTimeOffset Start = new(2024, 9, 6, 2, 0, 0, TimeSpan.Zero);

    protected WebhookSecretRotationScenarios(FilingApiFactory factory)
    {
        Factory = factory;
        Factory.Clock.Set(Start);
        Client = new RegisterClient(factory);
        Receiver = ((IFeedsHost)factory).Receiver;
    }

    private FilingApiFactory Factory { get; }

    private RegisterClient Client { get; }

    private WebhookReceiver Receiver { get; }

    [Fact]
    public async Task SignsWithBothSecretsDuringOverlapThenOnlyTheNew_GivenDefaultOverlap()
    {
        var hook = await CreateWebhookAsync(Npc);

        var response = await Client.PostAsync(Npc, $"/api/v1/webhooks/{hook.Id}/secret");

        await Expect(response, HttpStatusCode.OK);
        var rotated = await Json(response);
        var secret = rotated.GetProperty("secret").GetString()!;
        secret.Should().MatchRegex("^whsec_[A-Za-z0-9+/]{43}=$").And.NotBe(hook.Secret);
        var webhook = rotated.GetProperty("webhook");
        webhook.GetProperty("id").GetGuid().Should().Be(hook.Id);
        webhook.GetProperty("secretRotatedAt").GetDateTimeOffset().Should().Be(Start);
        webhook.GetProperty("previousSecretExpiresAt").GetDateTimeOffset().Should().Be(Start.AddHours(24), "Webhooks:SecretOverlap defaults to 24 hours");

        var during = await DeliveryAsync(hook.Url);
        var header = during.Header(WebhookSignature.Header);
        header.Should().MatchRegex("^sha256=[0-9a-f]{64},sha256=[0-9a-f]{64}$", "one signature per secret, comma-separated");
        header.Split(',')[0].Should().Be(WebhookSignature.Sign(secret, during.Body), "the new secret's signature comes first");
        WebhookSignature.Verify(secret, during.Body, header).Should().BeTrue("a receiver that switched already accepts it");
        WebhookSignature.Verify(hook.Secret, during.Body, header).Should().BeTrue("a receiver that has not switched yet accepts it");
        WebhookSignature.Verify(WebhookSignature.NewSecret(), during.Body, header).Should().BeFalse();
        VerifyAsReadmeSays(secret, during.Body, header).Should().BeTrue();
        VerifyAsReadmeSays(hook.Secret, during.Body, header).Should().BeTrue();
        var timestamped = during.Header(StandardWebhookSignature.Header);
        timestamped.Should().MatchRegex("^v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=$", "one v1 signature per secret, space-separated");
        timestamped.Split(' ')[0].Should().Be(StandardWebhookSignature.Sign(secret, during.Header("webhook-id"), during.Timestamp.ToUnixTimeSeconds(), during.Body),
            "the new secret's signature comes first");
        during.VerifiesAsReadmeSays(secret, Factory.Clock.GetUtcNow()).Should().BeTrue("a receiver that switched already accepts it");
        during.VerifiesAsReadmeSays(hook.Secret, Factory.Clock.GetUtcNow()).Should().BeTrue("a receiver that has not switched yet accepts it");
        during.VerifiesAsReadmeSays(WebhookSignature.NewSecret(), Factory.Clock.GetUtcNow()).Should().BeFalse();

        Factory.Clock.Set(Start.AddHours(24).AddSeconds(1));
        var after = await DeliveryAsync(hook.Url);
        after.Header(WebhookSignature.Header).Should().Be(WebhookSignature.Sign(secret, after.Body), "only the new secret signs after the overlap");
        WebhookSignature.Verify(hook.Secret, after.Body, after.Header(WebhookSignature.Header)).Should().BeFalse();
        after.Header(StandardWebhookSignature.Header).Should().NotContain(" ", "one secret, one signature");
        after.VerifiesAsReadmeSays(secret, Factory.Clock.GetUtcNow()).Should().BeTrue();
        after.VerifiesAsReadmeSays(hook.Secret, Factory.Clock.GetUtcNow()).Should().BeFalse("the old secret signs nothing after the overlap");
        (await Client.GetOkAsync(Npc, $"/api/v1/webhooks/{hook.Id}")).GetProperty("previousSecretExpiresAt").ValueKind.Should().Be(JsonValueKind.Null);

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Stream == $"organisation:{NpcOffice:D}" && e.Action == "webhook.secret-rotated")
            .ToListAsync();
        audit.Should().ContainSingle(e => e.Subject == $"webhook:{hook.Id}");
        audit.Should().OnlyContain(e => (e.NewValue ?? "").Contains("previousSecretExpiresAt") && !(e.NewValue ?? "").Contains("whsec_")
            && !(e.OldValue ?? "").Contains("whsec_"), "the audit trail records the rotation, never a secret");
    }

    [Fact]
    public async Task EndsTheOldSecretAtOnce_GivenExpireCurrentInHoursZero()
    {
        var hook = await CreateWebhookAsync(Npc);

        var rotated = await Client.PostOkAsync(Npc, $"/api/v1/webhooks/{hook.Id}/secret", new { expireCurrentInHours = 0 });

        var secret = rotated.GetProperty("secret").GetString()!;
        rotated.GetProperty("webhook").GetProperty("previousSecretExpiresAt").ValueKind.Should().Be(JsonValueKind.Null);
        var delivery = await DeliveryAsync(hook.Url);
        delivery.Header(WebhookSignature.Header).Should().Be(WebhookSignature.Sign(secret, delivery.Body));
        WebhookSignature.Verify(hook.Secret, delivery.Body, delivery.Header(WebhookSignature.Header)).Should().BeFalse("the leaked secret signs nothing any more");
        delivery.VerifiesAsReadmeSays(secret, Factory.Clock.GetUtcNow()).Should().BeTrue();
        delivery.VerifiesAsReadmeSays(hook.Secret, Factory.Clock.GetUtcNow()).Should().BeFalse("the leaked secret signs nothing any more");
    }

    [Fact]
    public async Task KeepsTheRequestedOverlap_GivenExpireCurrentInHours()
    {
        var hook = await CreateWebhookAsync(Npc);

        var rotated = await Client.PostOkAsync(Npc, $"/api/v1/webhooks/{hook.Id}/secret", new { expireCurrentInHours = 2 });

        var secret = rotated.GetProperty("secret").GetString()!;
        rotated.GetProperty("webhook").GetProperty("previousSecretExpiresAt").GetDateTimeOffset().Should().Be(Start.AddHours(2));
        Factory.Clock.Set(Start.AddHours(2).AddSeconds(-1));
        var last = await DeliveryAsync(hook.Url);
        WebhookSignature.Verify(hook.Secret, last.Body, last.Header(WebhookSignature.Header)).Should().BeTrue("one second before the end of the overlap");
        Factory.Clock.Set(Start.AddHours(2));
        var ended = await DeliveryAsync(hook.Url);
        WebhookSignature.Verify(hook.Secret, ended.Body, ended.Header(WebhookSignature.Header)).Should().BeFalse("the overlap has ended");
        WebhookSignature.Verify(secret, ended.Body, ended.Header(WebhookSignature.Header)).Should().BeTrue();
    }

    [Fact]
    public async Task RetriesAFailedDeliveryWithTheSecretsInUseThen_GivenRotationBetweenAttempts()
    {
        var hook = await CreateWebhookAsync(Npc);
        Receiver.Fail(hook.Url, 1);
        var id = await PublishAsync();
        await DispatchAllAsync();
        var first = Receiver.For(hook.Url).Single();
        first.Header(WebhookSignature.Header).Should().Be(WebhookSignature.Sign(hook.Secret, first.Body));

        var secret = (await Client.PostOkAsync(Npc, $"/api/v1/webhooks/{hook.Id}/secret")).GetProperty("secret").GetString()!;
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await DispatchAllAsync();

        var retry = Receiver.For(hook.Url).Should().HaveCount(2).And.Subject.Last();
        retry.Header("X-Filing-Delivery-Attempt").Should().Be("2");
        JsonDocument.Parse(retry.Body).RootElement.GetProperty("document").GetProperty("id").GetGuid().Should().Be(id);
        WebhookSignature.Verify(secret, retry.Body, retry.Header(WebhookSignature.Header)).Should().BeTrue("the retry is signed when it is sent");
        WebhookSignature.Verify(hook.Secret, retry.Body, retry.Header(WebhookSignature.Header)).Should().BeTrue();
        retry.Header("webhook-id").Should().Be(first.Header("webhook-id"), "the same message: receivers de-duplicate on it");
        retry.Timestamp.Should().Be(first.Timestamp.AddMinutes(2), "the retry carries its own send time");
        retry.VerifiesAsReadmeSays(secret, Factory.Clock.GetUtcNow()).Should().BeTrue();
        retry.VerifiesAsReadmeSays(hook.Secret, Factory.Clock.GetUtcNow()).Should().BeTrue();
    }

    [Fact]
    public async Task EndsTheOldestSecret_GivenSecondRotationDuringOverlap()
    {
        var hook = await CreateWebhookAsync(Npc);
        var second = (await Client.PostOkAsync(Npc, $"/api/v1/webhooks/{hook.Id}/secret")).GetProperty("secret").GetString()!;
        Factory.Clock.Advance(TimeSpan.FromHours(1));

        var third = await Client.PostOkAsync(Npc, $"/api/v1/webhooks/{hook.Id}/secret");

        var secret = third.GetProperty("secret").GetString()!;
        third.GetProperty("webhook").GetProperty("previousSecretExpiresAt").GetDateTimeOffset().Should().Be(Start.AddHours(25));
        var delivery = await DeliveryAsync(hook.Url);
        var header = delivery.Header(WebhookSignature.Header);
        header.Split(',').Should().HaveCount(2, "at most two secrets sign");
        WebhookSignature.Verify(secret, delivery.Body, header).Should().BeTrue();
        WebhookSignature.Verify(second, delivery.Body, header).Should().BeTrue();
        WebhookSignature.Verify(hook.Secret, delivery.Body, header).Should().BeFalse();
        delivery.Header(StandardWebhookSignature.Header).Split(' ').Should().HaveCount(2);
        delivery.VerifiesAsReadmeSays(secret, Factory.Clock.GetUtcNow()).Should().BeTrue();
        delivery.VerifiesAsReadmeSays(second, Factory.Clock.GetUtcNow()).Should().BeTrue();
        delivery.VerifiesAsReadmeSays(hook.Secret, Factory.Clock.GetUtcNow()).Should().BeFalse();
    }

    [Fact]
    public async Task ReturnsTheSameSecret_GivenRetryWithIdempotencyKey()
    {
        var hook = await CreateWebhookAsync(Npc);
        var key = Guid.NewGuid().ToString();

        var first = await Client.PostAsync(Npc, $"/api/v1/webhooks/{hook.Id}/secret", new { expireCurrentInHours = 24 }, key);
        var retry = await Client.PostAsync(Npc, $"/api/v1/webhooks/{hook.Id}/secret", new { expireCurrentInHours = 24 }, key);

        await Expect(first, HttpStatusCode.OK);
        await Expect(retry, HttpStatusCode.OK);
        retry.Headers.GetValues("Idempotency-Replayed").Should().Equal("true");
        var secret = (await Json(first)).GetProperty("secret").GetString();
        (await Json(retry)).GetProperty("secret").GetString().Should().Be(secret);
        var delivery = await DeliveryAsync(hook.Url);
        WebhookSignature.Verify(hook.Secret, delivery.Body, delivery.Header(WebhookSignature.Header)).Should().BeTrue("the retry did not rotate a second time");
    }

    [Fact]
    public async Task IsOwnedByTheOrganisation_GivenOtherCallers()
    {
        var hook = await CreateWebhookAsync(Npc);
        var path = $"/api/v1/webhooks/{hook.Id}/secret";

        (await Client.PostAsync(Anonymous, path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var other = await Client.PostAsync(Party, path);
        other.StatusCode.Should().Be(HttpStatusCode.NotFound, "as for the organisation's other webhook endpoints");
        (await Json(other)).GetProperty("code").GetString().Should().Be("not-found");
        var admin = await Client.PostAsync(Admin, path);
        admin.StatusCode.Should().Be(HttpStatusCode.Forbidden, "an administrator sees the webhook, but the secret is for its organisation alone");
        var adminProblem = await Json(admin);
        adminProblem.GetProperty("code").GetString().Should().Be("forbidden");
        adminProblem.TryGetProperty("secret", out _).Should().BeFalse();
        (await Client.PostAsync(Npc, $"/api/v1/webhooks/{Guid.NewGuid()}/secret")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.GetOkAsync(Npc, $"/api/v1/webhooks/{hook.Id}")).GetProperty("secretRotatedAt").ValueKind.Should().Be(JsonValueKind.Null, "nothing was rotated");

        (await Client.As(Npc).DeleteAsync($"/api/v1/webhooks/{hook.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Client.PostAsync(Npc, path)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a deleted webhook has no secret to rotate");
    }

    [Theory]
    [InlineData("{\"expireCurrentInHours\":-1}", "validation-failed")]
    [InlineData("{\"expireCurrentInHours\":169}", "validation-failed")]
    [InlineData("{\"expireCurrentInHours\":1.5}", "bad-request")]
    [InlineData("{\"expireCurrentInHours\":\"soon\"}", "bad-request")]
    [InlineData("{\"expireCurrentInHours\":", "bad-request")]
    public async Task RefusesAndChangesNothing_GivenInvalidBody(string json, string code)
    {
        var hook = await CreateWebhookAsync(Npc);

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await Client.As(Npc).PostAsync($"/api/v1/webhooks/{hook.Id}/secret", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await Json(response);
        problem.GetProperty("code").GetString().Should().Be(code);
        if (code == "validation-failed")
        {
            problem.GetProperty("errors").GetProperty("expireCurrentInHours")[0].GetString().Should().Contain("0").And.Contain("168");
        }

        (await Client.GetOkAsync(Npc, $"/api/v1/webhooks/{hook.Id}")).GetProperty("secretRotatedAt").ValueKind.Should().Be(JsonValueKind.Null);
        var delivery = await DeliveryAsync(hook.Url);
        delivery.Header(WebhookSignature.Header).Should().Be(WebhookSignature.Sign(hook.Secret, delivery.Body), "the secret is unchanged");
    }

    // What the README tells receivers to do: split on commas, accept when any signature matches.
    private static bool VerifyAsReadmeSays(string secret, byte[] body, string header)
    {
        var expected = Encoding.ASCII.GetBytes("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        return header.Split(',').Any(s => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s.Trim())));
    }

    /// <summary>Publishes a document and delivers the webhooks; returns what the receiver at <paramref name="url"/> got for it.</summary>
    private async Task<ReceivedWebhook> DeliveryAsync(string url)
    {
        var before = Receiver.For(url).Count;
        var id = await PublishAsync();
        await DispatchAllAsync();
        var received = Receiver.For(url).Skip(before).ToList();
        return received.Should().ContainSingle(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("document").GetProperty("id").GetGuid() == id).Subject;
    }

    private async Task<Guid> PublishAsync()
    {
        var id = await Client.UploadAsync();
        var today = Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Client.TakeToAsync(id, "published", today);
        return id;
    }

    private async Task DispatchAllAsync()
    {
        var dispatcher = Factory.Services.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 50 && await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0; round++)
        {
        }
    }

    private async Task<(Guid Id, string Url, string Secret)> CreateWebhookAsync(string key)
    {
        var url = $"https://receiver.example/{Guid.NewGuid():N}";
        var created = await Client.PostOkAsync(key, "/api/v1/webhooks", new { url, eventTypes = new[] { "document.published" }, issuingAuthorityId = TongluGovernment });
        return (created.GetProperty("webhook").GetProperty("id").GetGuid(), url, created.GetProperty("secret").GetString()!);
    }
}

public sealed class SqliteWebhookSecretRotationScenarios(FeedsApiFactory factory) : WebhookSecretRotationScenarios(factory), IClassFixture<FeedsApiFactory>;

public sealed class PostgresWebhookSecretRotationScenarios(PostgresFeedsApiFactory factory) : WebhookSecretRotationScenarios(factory), IClassFixture<PostgresFeedsApiFactory>;
