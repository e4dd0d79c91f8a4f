namespace Filing.Api.Feeds;

/// <summary>Feed and change-log settings (<c>Feeds</c> section).</summary>
public sealed class FeedsOptions
{
    /// <summary>
    /// The public address of the service (e.g. <c>https://filing.example.gov.cn</c>), used for absolute links in the Atom
    /// feed and webhook bodies. When empty, the feed uses the address of the request and webhook bodies use relative links.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Feed title.</summary>
    public string Title { get; set; } = "行政规范性文件登记簿动态";

    /// <summary>Feed author (the body that keeps the register).</summary>
    public string Author { get; set; } = "行政规范性文件统一登记、统一编号、统一发布平台";

    /// <summary>How often the background sweep records expiries that have become due (readers of the feed and change log trigger it too). Zero turns the background sweep off.</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(10);
}
