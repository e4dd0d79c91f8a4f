using System.Net;
using System.Xml.Linq;
using Filing.Api.Infrastructure.Data;
using Filing.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.ForwardedHeaders;

/// <summary>
/// Behind configured load balancers (<see cref="TrustedProxyApiFactory"/>): the client address the balancer appends to
/// <c>X-Forwarded-For</c> partitions the public rate limits and scopes anonymous idempotency keys; the scheme it
/// forwards makes the links; a peer that is not a configured balancer cannot choose its address.
/// </summary>
public sealed class TrustedProxyTests(TrustedProxyApiFactory factory) : IClassFixture<TrustedProxyApiFactory>
{
    private const string Balancer = "10.0.0.10";
    private readonly ProxiedClient _client = new(factory);

    [Fact]
    public async Task SeparatesRateLimitBuckets_GivenDifferentForwardedClients()
    {
        var busy = ProxiedClient.NewAddress();
        var other = ProxiedClient.NewAddress();

        await _client.ExhaustAsync(Balancer, _ => busy);

        (await _client.SubmitAsync(Balancer, other)).Should().Be(HttpStatusCode.NotFound, "another citizen behind the same balancer has a bucket of their own");
        (await _client.SubmitAsync("10.0.0.11", other)).Should().Be(HttpStatusCode.NotFound, "the second balancer forwards the same citizens");
        (await _client.SubmitAsync("10.0.0.11", busy)).Should().Be(HttpStatusCode.TooManyRequests, "the busy citizen stays limited whichever balancer they come through");
    }

    [Fact]
    public async Task BelievesBalancerInKnownNetwork_GivenPeerInsideCidrOrIpv4MappedAddress()
    {
        var busy = ProxiedClient.NewAddress();

        await _client.ExhaustAsync("10.20.3.4", _ => busy);

        (await _client.SubmitAsync("10.20.200.1", ProxiedClient.NewAddress())).Should().Be(HttpStatusCode.NotFound);
        (await _client.SubmitAsync("::ffff:10.0.0.10", busy)).Should().Be(HttpStatusCode.TooManyRequests,
            "a dual-stack listener sees the balancer as an IPv4-mapped IPv6 address, and it is still the balancer");
    }

    [Fact]
    public async Task IgnoresEntriesTheClientWrote_GivenForwardedForChain()
    {
        var citizen = ProxiedClient.NewAddress();

        // The balancer appends the address it saw; whatever the client put before it is the client's own claim.
        await _client.ExhaustAsync(Balancer, i => $"{ProxiedClient.NewAddress()}, {citizen}");

        (await _client.SubmitAsync(Balancer, $"{ProxiedClient.NewAddress()}, {citizen}")).Should().Be(HttpStatusCode.TooManyRequests,
            "a made-up address in front of the balancer's entry does not give a fresh bucket");
    }

    [Fact]
    public async Task IgnoresForwardedFor_GivenPeerThatIsNotABalancer()
    {
        var direct = ProxiedClient.NewAddress();

        await _client.ExhaustAsync(direct, _ => ProxiedClient.NewAddress());

        (await _client.SubmitAsync(direct, ProxiedClient.NewAddress())).Should().Be(HttpStatusCode.TooManyRequests,
            "a client connecting directly is limited by its own address whatever X-Forwarded-For says");
        (await _client.SubmitAsync(Balancer, direct)).Should().Be(HttpStatusCode.TooManyRequests, "it is the same client when it comes through the balancer");
    }

    [Fact]
    public async Task ScopesAnonymousIdempotencyKeysPerClient_GivenForwardedClients()
    {
        factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        var registerClient = new RegisterClient(factory);
        var draft = await registerClient.UploadAsync(ParticipationDraft());
        var consultation = (await registerClient.PostOkAsync(Drafter, $"/api/v1/documents/{draft}/consultation",
            new { start = "2024-09-09", end = "2024-09-18", businessRelated = false })).GetProperty("id").GetGuid();
        factory.Clock.Set(new DateTimeOffset(2024, 9, 9, 2, 0, 0, TimeSpan.Zero));
        var path = $"/api/v1/consultations/{consultation}/comments";
        var comment = new { text = "建议将五个工作日缩短为三个工作日。" };
        var key = Guid.NewGuid().ToString();
        var first = ProxiedClient.NewAddress();
        var second = ProxiedClient.NewAddress();

        var a = await _client.SendAsync(HttpMethod.Post, path, Balancer, first, body: comment, idempotencyKey: key);
        var aRetry = await _client.SendAsync(HttpMethod.Post, path, Balancer, first, body: comment, idempotencyKey: key);
        var b = await _client.SendAsync(HttpMethod.Post, path, Balancer, second, body: comment, idempotencyKey: key);

        await Expect(a, HttpStatusCode.Created);
        await Expect(b, HttpStatusCode.Created);
        aRetry.Headers.GetValues("Idempotency-Replayed").Should().Equal("true");
        (await Json(aRetry)).GetProperty("number").GetInt32().Should().Be((await Json(a)).GetProperty("number").GetInt32());
        b.Headers.Contains("Idempotency-Replayed").Should().BeFalse("another citizen who happens to send the same key gets a comment of their own");
        (await Json(b)).GetProperty("number").GetInt32().Should().NotBe((await Json(a)).GetProperty("number").GetInt32());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        (await db.IdempotencyRecords.AsNoTracking().Where(r => r.Key == key).Select(r => r.Scope).ToListAsync())
            .Should().BeEquivalentTo([$"anon:{first}", $"anon:{second}"]);
    }

    [Fact]
    public async Task ScopesObjectionIdempotencyKeysPerClient_GivenForwardedClients()
    {
        factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        var registerClient = new RegisterClient(factory);
        var document = await registerClient.UploadAsync();
        await registerClient.TakeToAsync(document, "published");
        var objection = new { documentId = document, grounds = "该项要求企业提交无法定依据的证明材料。" };
        var key = Guid.NewGuid().ToString();

        var a = await _client.SendAsync(HttpMethod.Post, "/api/v1/objections", Balancer, ProxiedClient.NewAddress(), body: objection, idempotencyKey: key);
        var b = await _client.SendAsync(HttpMethod.Post, "/api/v1/objections", Balancer, ProxiedClient.NewAddress(), body: objection, idempotencyKey: key);

        await Expect(a, HttpStatusCode.Created);
        await Expect(b, HttpStatusCode.Created);
        b.Headers.Contains("Idempotency-Replayed").Should().BeFalse("the key is scoped by the citizen's address, not the balancer's");
        (await Json(b)).GetProperty("trackingCode").GetString().Should().NotBe((await Json(a)).GetProperty("trackingCode").GetString());
    }

    [Theory]
    [InlineData(Balancer, "https", "https://")]
    [InlineData(Balancer, null, "http://")]
    [InlineData("198.51.100.9", "https", "http://")]
    public async Task LinksUseTheForwardedScheme_GivenProtoFromBalancerOnly(string peer, string? proto, string expected)
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/api/v1/feeds/register.atom", peer, ProxiedClient.NewAddress(), proto);

        await Expect(response, HttpStatusCode.OK);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var self = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        self.Attribute("href")!.Value.Should().StartWith(expected + "localhost/api/v1/feeds/register.atom");
    }

    private static byte[] ParticipationDraft() => TestDocx.Draft("桐庐县城市道路临时占用管理办法（征求意见稿）",
        "第一条　为了规范城市道路临时占用管理，制定本办法。",
        "第二条　县住房和城乡建设局应当自受理之日起五个工作日内作出决定。",
        "第三条　本办法自2025年1月1日起施行。");
}
