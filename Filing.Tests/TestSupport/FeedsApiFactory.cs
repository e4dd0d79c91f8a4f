using Filing.Api.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Filing.Tests.TestSupport;

/// <summary>What the feed and webhook tests need from a host: the in-process receiver behind every webhook URL.</summary>
public interface IFeedsHost
{
    WebhookReceiver Receiver { get; }
}

/// <summary>
/// The API on SQLite with the webhook dispatcher and background expiry sweep off (tests drive them step by step) and
/// every webhook POST answered by <see cref="Receiver"/>.
/// </summary>
public sealed class FeedsApiFactory : FilingApiFactory, IFeedsHost
{
    public WebhookReceiver Receiver { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        FeedsTestHost.Configure(builder, Receiver);
    }
}

/// <summary>The SQLite feeds host with the deprecated body-only signature turned off (Webhooks:SendLegacySignature=false).</summary>
public sealed class LegacySignatureOffFeedsApiFactory : FilingApiFactory, IFeedsHost
{
    public WebhookReceiver Receiver { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        FeedsTestHost.Configure(builder, Receiver);
        builder.UseSetting("Webhooks:SendLegacySignature", "false");
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresFeedsApiFactory : PostgresApiFactory, IFeedsHost
{
    public WebhookReceiver Receiver { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        FeedsTestHost.Configure(builder, Receiver);
    }
}

/// <summary>A host on a database chosen by the test (to stop one host and start another on the same data).</summary>
public sealed class RestartableApiFactory(string provider, string connectionString, bool dispatcher) : FilingApiFactory
{
    public override string Provider => provider;

    public override string ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:DispatcherEnabled", dispatcher ? "true" : "false");
        builder.UseSetting("Webhooks:PollInterval", "00:00:00.200");
        builder.UseSetting("Webhooks:BaseDelay", "00:00:00");
        builder.UseSetting("Webhooks:MaxDelay", "00:00:00");
        builder.UseSetting("Feeds:ExpirySweepInterval", "00:00:00");
    }
}

internal static class FeedsTestHost
{
    public static void Configure(IWebHostBuilder builder, WebhookReceiver receiver)
    {
        builder.UseSetting("Webhooks:DispatcherEnabled", "false");
        builder.UseSetting("Webhooks:MaxAttempts", "4");
        builder.UseSetting("Webhooks:BatchSize", "3");
        builder.UseSetting("Feeds:ExpirySweepInterval", "00:00:00");
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => receiver));
    }
}
