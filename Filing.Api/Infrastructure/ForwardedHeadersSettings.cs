using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Filing.Api.Infrastructure;

/// <summary>
/// The proxies (load balancers) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed, from the
/// <c>ForwardedHeaders</c> section: <c>KnownProxies</c> (IP addresses), <c>KnownNetworks</c> (CIDR, e.g. <c>10.0.0.0/16</c>)
/// and <c>ForwardLimit</c> (trusted hops in front of the service, default 1). Each list is a JSON array or one
/// comma-separated string (handy in environment variables).
/// </summary>
/// <param name="KnownProxies">Addresses of trusted proxies.</param>
/// <param name="KnownNetworks">Networks of trusted proxies.</param>
/// <param name="ForwardLimit">How many <c>X-Forwarded-For</c> entries, from the right, are taken.</param>
public sealed partial record ForwardedHeadersSettings(IReadOnlyList<IPAddress> KnownProxies, IReadOnlyList<IPNetwork> KnownNetworks, int ForwardLimit)
{
    public const string Section = "ForwardedHeaders";
    private const int MaxForwardLimit = 10;

    /// <summary>Whether any proxy is trusted; with none the forwarded headers are ignored altogether.</summary>
    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>Reads and checks the settings; an entry that is not an address or a network fails with a message naming it.</summary>
    public static ForwardedHeadersSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Entries(section, "KnownProxies").Select(e => ParseAddress(e.Name, e.Value)).ToList();
        var networks = Entries(section, "KnownNetworks").Select(e => ParseNetwork(e.Name, e.Value)).ToList();

        var limit = 1;
        if (section["ForwardLimit"] is { } text
            && !(int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxForwardLimit))
        {
            throw new InvalidOperationException(
                $"{Section}:ForwardLimit '{text}' is not a whole number from 1 to {MaxForwardLimit}: the number of trusted proxies in front of the service (one load balancer: 1).");
        }

        return new ForwardedHeadersSettings(proxies, networks, limit);
    }

    /// <summary>The middleware options: only the listed proxies are believed (ASP.NET Core's loopback defaults are removed).</summary>
    public ForwardedHeadersOptions ToOptions()
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = ForwardLimit,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(proxy);
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(network);
        }

        return options;
    }

    private static IEnumerable<(string Name, string Value)> Entries(IConfigurationSection section, string key)
    {
        var list = section.GetSection(key);
        var name = $"{Section}:{key}";
        if (list.Value is { } single)
        {
            // One string (an environment variable): comma-separated.
            foreach (var part in single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return (name, part);
            }
        }

        foreach (var child in list.GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(child.Value))
            {
                yield return ($"{name}:{child.Key}", child.Value.Trim());
            }
            else if (child.GetChildren().Any())
            {
                throw new InvalidOperationException($"{name}:{child.Key} must be a string, not an object or a list.");
            }
        }
    }

    private static IPAddress ParseAddress(string name, string text)
    {
        // IPAddress.TryParse also takes shorthand such as "10.1" (10.0.0.1); a setting that decides whom to trust must say what it means.
        if ((text.Contains(':') || DottedQuad().IsMatch(text)) && IPAddress.TryParse(text, out var address))
        {
            return address;
        }

        var hint = text.Contains('/') ? " (a network in CIDR notation belongs in ForwardedHeaders:KnownNetworks)" : "";
        throw new InvalidOperationException(
            $"{name} '{text}' is not an IP address{hint}: list the load balancer's addresses, e.g. 10.0.0.5 or fd00::5.");
    }

    private static IPNetwork ParseNetwork(string name, string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        // TryParse clears host bits silently ("10.0.0.5/8" becomes 10.0.0.0/8); a typo in whom to trust must not widen it.
        if (slash > 0 && (text.Contains(':') || DottedQuad().IsMatch(text[..slash])) && IPNetwork.TryParse(text, out var network)
            && IPAddress.TryParse(text[..slash], out var written) && network.BaseAddress.Equals(written))
        {
            return network;
        }

        throw new InvalidOperationException(
            $"{name} '{text}' is not a network in CIDR notation, e.g. 10.0.0.0/16 or fd00::/64 (the address must have no bits set after the prefix length).");
    }

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex DottedQuad();
}
