using System.Net;
using System.Xml.Linq;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Api.ForwardedHeaders;

/// <summary>Without <c>ForwardedHeaders</c> settings (the default) no forwarded header is believed, from anyone.</summary>
public sealed class UnconfiguredProxyTests(UnconfiguredProxyApiFactory factory) : IClassFixture<UnconfiguredProxyApiFactory>
{
    private readonly ProxiedClient _client = new(factory);

    [Theory]
    [InlineData("10.0.0.10")]
    [InlineData("127.0.0.1")] // ASP.NET Core's own defaults would trust loopback
    [InlineData("::1")]
    public async Task KeepsOneBucket_GivenANewForwardedForOnEveryRequest(string peer)
    {
        await _client.ExhaustAsync(peer, _ => ProxiedClient.NewAddress());

        (await _client.SubmitAsync(peer, ProxiedClient.NewAddress())).Should().Be(HttpStatusCode.TooManyRequests,
            "a client cannot get a fresh bucket by writing X-Forwarded-For itself");
    }

    [Fact]
    public async Task IgnoresForwardedProto_GivenNoConfiguredBalancer()
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/api/v1/feeds/register.atom", ProxiedClient.NewAddress(), ProxiedClient.NewAddress(), "https");

        await RegisterClient.Expect(response, HttpStatusCode.OK);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self")
            .Attribute("href")!.Value.Should().StartWith("http://localhost/");
    }
}
