using System.Net;
using Filing.Api.Infrastructure;
using Filing.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Filing.Tests.Api.ForwardedHeaders;

public class ForwardedHeadersSettingsTests
{
    private static ForwardedHeadersSettings Read(params (string Key, string Value)[] settings) =>
        ForwardedHeadersSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void TrustsNobody_GivenNoSettings()
    {
        var settings = Read();

        settings.TrustsAnyProxy.Should().BeFalse();
        settings.ForwardLimit.Should().Be(1);
    }

    [Fact]
    public void ReadsListsAndCommaSeparatedStrings_GivenBothForms()
    {
        var settings = Read(
            ("ForwardedHeaders:KnownProxies", "10.0.0.5, fd00::5"),
            ("ForwardedHeaders:KnownNetworks:0", "10.1.0.0/16"),
            ("ForwardedHeaders:KnownNetworks:1", "fd00:1::/64"),
            ("ForwardedHeaders:ForwardLimit", "2"));

        settings.KnownProxies.Should().Equal(IPAddress.Parse("10.0.0.5"), IPAddress.Parse("fd00::5"));
        settings.KnownNetworks.Select(n => n.ToString()).Should().Equal("10.1.0.0/16", "fd00:1::/64");
        settings.ForwardLimit.Should().Be(2);
        settings.TrustsAnyProxy.Should().BeTrue();
    }

    [Fact]
    public void TrustsOnlyTheListedProxies_GivenOptions()
    {
        var options = Read(("ForwardedHeaders:KnownProxies:0", "10.0.0.5")).ToOptions();

        options.KnownProxies.Should().Equal(IPAddress.Parse("10.0.0.5"));
        options.KnownIPNetworks.Should().BeEmpty("ASP.NET Core's default loopback network is removed");
        options.ForwardedHeaders.Should().Be(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            "not X-Forwarded-Host: links come from Feeds:PublicBaseUrl or the Host header");
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0.300", "ForwardedHeaders:KnownProxies:0 '10.0.0.300' is not an IP address")]
    [InlineData("ForwardedHeaders:KnownProxies:1", "10.1", "ForwardedHeaders:KnownProxies:1 '10.1' is not an IP address")]
    [InlineData("ForwardedHeaders:KnownProxies", "10.0.0.5,balancer.internal", "ForwardedHeaders:KnownProxies 'balancer.internal' is not an IP address")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0.0/8", "belongs in ForwardedHeaders:KnownNetworks")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks:0 '10.0.0.0/33' is not a network in CIDR notation")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.1/8", "no bits set after the prefix length")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0", "is not a network in CIDR notation")]
    [InlineData("ForwardedHeaders:ForwardLimit", "0", "ForwardedHeaders:ForwardLimit '0' is not a whole number from 1 to 10")]
    [InlineData("ForwardedHeaders:ForwardLimit", "one", "ForwardedHeaders:ForwardLimit 'one'")]
    public void FailsNamingTheSetting_GivenUnparsableEntry(string key, string value, string message) =>
        FluentActions.Invoking(() => Read((key, value))).Should().Throw<InvalidOperationException>().WithMessage($"*{message}*");

    [Fact]
    public void ServiceFailsToStart_GivenUnparsableNetwork()
    {
        using var factory = new CustomProxyApiFactory(new Dictionary<string, string> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/33" });

        FluentActions.Invoking(() => factory.CreateClient()).Should().Throw<InvalidOperationException>()
            .WithMessage("*ForwardedHeaders:KnownNetworks:0 '10.0.0.0/33'*");
    }
}
