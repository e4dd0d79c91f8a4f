namespace Filing.Api.Infrastructure;

/// <summary>Puts the forwarded-headers middleware first in the pipeline when proxies are configured.</summary>
internal static class ForwardedHeadersSetup
{
    /// <summary>
    /// Must run before anything that reads the client address or scheme (rate limits, idempotency scopes, links, logs).
    /// Without configured proxies nothing is added: ASP.NET Core's middleware with empty lists would believe every sender.
    /// </summary>
    public static WebApplication UseFilingForwardedHeaders(this WebApplication app)
    {
        var settings = ForwardedHeadersSettings.Read(app.Configuration);
        if (app.Configuration.GetValue<bool>("FORWARDEDHEADERS_ENABLED"))
        {
            app.Logger.LogWarning("ASPNETCORE_FORWARDEDHEADERS_ENABLED is set: X-Forwarded-For is believed from ANY sender, so clients can choose their "
                + "address (and rate-limit bucket). Unset it and list the load balancers under {Section} instead.", ForwardedHeadersSettings.Section);
        }

        if (!settings.TrustsAnyProxy)
        {
            return app;
        }

        app.Logger.LogInformation("X-Forwarded-For/-Proto believed from {Proxies}, at most {Limit} hop(s)",
            string.Join(", ", settings.KnownProxies.Select(p => p.ToString()).Concat(settings.KnownNetworks.Select(n => n.ToString()))), settings.ForwardLimit);
        app.UseForwardedHeaders(settings.ToOptions());
        return app;
    }
}
