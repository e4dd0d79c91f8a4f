using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Filing.Tests.TestSupport;

/// <summary>
/// Stands in for the TCP connection, which TestServer does not have (it leaves <c>RemoteIpAddress</c> null): the
/// address in <see cref="Header"/> becomes the peer's, before the app's pipeline, so that the app's real
/// forwarded-headers middleware decides what to believe.
/// </summary>
public sealed class PeerAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                context.Request.Headers.Remove(Header);
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>
/// A host whose requests come from a peer address set per request (<see cref="PeerAddressStartupFilter"/>), with a
/// public submission limit of 2 per client in an hour-long window (so a test exhausts a bucket without racing the
/// window), and the given <c>ForwardedHeaders</c> settings.
/// </summary>
public abstract class ProxiedApiFactory(IReadOnlyDictionary<string, string> settings) : FilingApiFactory
{
    public const int Limit = 2;

    public override int SubmissionPermitLimit => Limit;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Participation:SubmissionRateLimit:WindowSeconds", "3600");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressStartupFilter>());
    }
}

/// <summary>Behind load balancers 10.0.0.10 and 10.0.0.11 (one comma-separated setting) and any in 10.20.0.0/16 (a list).</summary>
public sealed class TrustedProxyApiFactory() : ProxiedApiFactory(new Dictionary<string, string>
{
    ["ForwardedHeaders:KnownProxies"] = "10.0.0.10, 10.0.0.11",
    ["ForwardedHeaders:KnownNetworks:0"] = "10.20.0.0/16",
});

/// <summary>No <c>ForwardedHeaders</c> settings: the default, which believes no forwarded header.</summary>
public sealed class UnconfiguredProxyApiFactory() : ProxiedApiFactory(new Dictionary<string, string>());

/// <summary>Any settings, for start-up checks.</summary>
public sealed class CustomProxyApiFactory(IReadOnlyDictionary<string, string> settings) : ProxiedApiFactory(settings);
