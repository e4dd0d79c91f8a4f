using System.Globalization;
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
/// What a captured delivery is worth to someone replaying it: the receiver that checks the timestamped signature as the
/// README says accepts the genuine delivery, and refuses it once older than the tolerance, or with its timestamp, id or
/// body changed. Also the secrets issued before the timestamped signature, and the switch for the deprecated header.
/// </summary>
public sealed class WebhookReplayScenarios : IClassFixture<FeedsApiFactory>
{
    private static readonly DateTimeOffset Start = new(2024, 9, 6, 2, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public WebhookReplayScenarios(FeedsApiFactory factory)
    {
        Steps = new WebhookSteps(factory);
        factory.Clock.Set(Start);
    }

    private WebhookSteps Steps { get; }

    [Fact]
    public async Task ReceiverAcceptsThenRefusesAsTooOld_GivenCapturedDeliveryReplayedLater()
    {
        var hook = await Steps.CreateWebhookAsync();
        var delivery = await Steps.DeliveryAsync(hook.Url);

        delivery.Timestamp.Should().Be(Start, "the timestamp is the send time");
        delivery.VerifiesAsReadmeSays(hook.Secret, Start).Should().BeTrue();
        delivery.VerifiesAsReadmeSays(hook.Secret, Start.AddMinutes(5)).Should().BeTrue("within the 5-minute tolerance; de-duplication on webhook-id drops a replay there");
        delivery.VerifiesAsReadmeSays(hook.Secret, Start.AddMinutes(5).AddSeconds(1)).Should().BeFalse("older than the tolerance");
        delivery.VerifiesAsReadmeSays(hook.Secret, Start.AddDays(30)).Should().BeFalse("a delivery from a proxy log a month later");
        delivery.VerifiesAsReadmeSays(hook.Secret, Start.AddMinutes(-6)).Should().BeFalse("a timestamp far in the receiver's future is refused too");
        Verify(delivery, hook.Secret, Start.AddMinutes(6)).Should().Be(WebhookVerificationResult.TimestampOutsideTolerance);
        Verify(delivery, hook.Secret, Start).Should().Be(WebhookVerificationResult.Verified);
    }

    [Fact]
    public async Task ReceiverRefuses_GivenCapturedDeliveryWithTimestampIdOrBodyChanged()
    {
        var hook = await Steps.CreateWebhookAsync();
        var delivery = await Steps.DeliveryAsync(hook.Url);
        var later = Start.AddHours(1);

        // The replayer re-stamps the capture with the current time: the signature no longer matches.
        var restamped = delivery with { Headers = With(delivery, "webhook-timestamp", later.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)) };
        restamped.VerifiesAsReadmeSays(hook.Secret, later).Should().BeFalse();
        Verify(restamped, hook.Secret, later).Should().Be(WebhookVerificationResult.SignatureMismatch);

        var otherId = delivery with { Headers = With(delivery, "webhook-id", Guid.NewGuid().ToString("D")) };
        otherId.VerifiesAsReadmeSays(hook.Secret, Start).Should().BeFalse("a new id to get past de-duplication breaks the signature");
        Verify(otherId, hook.Secret, Start).Should().Be(WebhookVerificationResult.SignatureMismatch);

        var edited = delivery with { Body = Encoding.UTF8.GetBytes(delivery.Text.Replace("document.published", "document.repealed", StringComparison.Ordinal)) };
        edited.Text.Should().Contain("document.repealed");
        edited.VerifiesAsReadmeSays(hook.Secret, Start).Should().BeFalse();
        Verify(edited, hook.Secret, Start).Should().Be(WebhookVerificationResult.SignatureMismatch);

        var reserialised = delivery with { Body = JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(delivery.Body).RootElement, Indented) };
        reserialised.VerifiesAsReadmeSays(hook.Secret, Start).Should().BeFalse("the signature covers the raw bytes, not the parsed JSON");

        delivery.VerifiesAsReadmeSays(hook.Secret, Start).Should().BeTrue("the capture itself is genuine");
    }

    [Fact]
    public async Task SignsVerifiably_GivenSecretIssuedInTheEarlierBase64UrlForm()
    {
        var hook = await Steps.CreateWebhookAsync();
        var key = Enumerable.Range(0, 32).Select(i => (byte)(250 - i)).ToArray();
        var earlier = "whsec_" + Convert.ToBase64String(key).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using (var scope = Steps.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
            (await db.Database.ExecuteSqlRawAsync("UPDATE \"WebhookSubscriptions\" SET \"Secret\" = {0} WHERE \"Id\" = {1}", earlier, hook.Id)).Should().Be(1);
        }

        var delivery = await Steps.DeliveryAsync(hook.Url);

        delivery.VerifiesAsReadmeSays(earlier, Start).Should().BeTrue("the README verifier normalises base64url");
        delivery.VerifiesAsReadmeSays("whsec_" + Convert.ToBase64String(key), Start).Should().BeTrue("the same key written in standard base64, as libraries want it");
        WebhookSignature.Verify(earlier, delivery.Body, delivery.Header(WebhookSignature.Header)).Should().BeTrue("the deprecated header is unchanged for it");
    }

    private static WebhookVerificationResult Verify(ReceivedWebhook delivery, string secret, DateTimeOffset now) => StandardWebhookSignature.Verify(
        secret, delivery.HeaderOrNull("webhook-id"), delivery.HeaderOrNull("webhook-timestamp"), delivery.HeaderOrNull("webhook-signature"), delivery.Body, now);

    private static Dictionary<string, string> With(ReceivedWebhook delivery, string header, string value) =>
        new(delivery.Headers, StringComparer.OrdinalIgnoreCase) { [header] = value };
}

/// <summary>Webhooks:SendLegacySignature=false: only the timestamped signature is sent.</summary>
public sealed class WebhookLegacySignatureOffScenarios(LegacySignatureOffFeedsApiFactory factory) : IClassFixture<LegacySignatureOffFeedsApiFactory>
{
    [Fact]
    public async Task SendsOnlyTheTimestampedSignature_GivenLegacySignatureTurnedOff()
    {
        var steps = new WebhookSteps(factory);
        var hook = await steps.CreateWebhookAsync();

        var delivery = await steps.DeliveryAsync(hook.Url);

        delivery.Headers.Should().NotContainKey(WebhookSignature.Header);
        delivery.VerifiesAsReadmeSays(hook.Secret, factory.Clock.GetUtcNow()).Should().BeTrue();
        delivery.Header("X-Filing-Event-Id").Should().Be(delivery.Header("webhook-id"));
    }
}

/// <summary>Creating a webhook, publishing, and delivering step by step on a feeds host.</summary>
internal sealed class WebhookSteps(FilingApiFactory factory)
{
    public FilingApiFactory Factory => factory;

    private RegisterClient Client { get; } = new(factory);

    private WebhookReceiver Receiver => ((IFeedsHost)factory).Receiver;

    public async Task<(Guid Id, string Url, string Secret)> CreateWebhookAsync()
    {
        var url = $"https://receiver.example/{Guid.NewGuid():N}";
        var created = await Client.PostOkAsync(Npc, "/api/v1/webhooks", new { url, eventTypes = new[] { "document.published" }, issuingAuthorityId = TongluGovernment });
        return (created.GetProperty("webhook").GetProperty("id").GetGuid(), url, created.GetProperty("secret").GetString()!);
    }

    /// <summary>Publishes a document and delivers the webhooks; returns what the receiver at <paramref name="url"/> got for it.</summary>
    public async Task<ReceivedWebhook> DeliveryAsync(string url)
    {
        var before = Receiver.For(url).Count;
        var id = await Client.UploadAsync();
        var today = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Client.TakeToAsync(id, "published", today);
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 50 && await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0; round++)
        {
        }

        var received = Receiver.For(url).Skip(before).ToList();
        return received.Should().ContainSingle(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("document").GetProperty("id").GetGuid() == id).Subject;
    }
}
