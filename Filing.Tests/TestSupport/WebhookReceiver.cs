using System.Collections.Concurrent;
using System.Net;

namespace Filing.Tests.TestSupport;

/// <summary>A request a webhook receiver got: headers and the exact body bytes.</summary>
public sealed record ReceivedWebhook(string Url, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No header {name}.");

    /// <summary>The header, or null when it was not sent.</summary>
    public string? HeaderOrNull(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Checks the delivery with the receiver-side verifier the README shows, as a receiver whose clock reads <paramref name="now"/>.</summary>
    public bool VerifiesAsReadmeSays(string secret, DateTimeOffset now) =>
        FilingWebhook.Verify(secret, HeaderOrNull("webhook-id"), HeaderOrNull("webhook-timestamp"), HeaderOrNull("webhook-signature"), Body, now);

    /// <summary>The <c>webhook-timestamp</c> header as an instant.</summary>
    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeSeconds(long.Parse(Header("webhook-timestamp"), System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// Stands in for webhook receivers at any URL, inside the test process (the service's webhook HttpClient is pointed at
/// it). Answers 200 unless told to fail a URL a number of times, or always.
/// </summary>
public sealed class WebhookReceiver : HttpMessageHandler
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public IReadOnlyList<ReceivedWebhook> For(string url) => [.. _received.Where(r => r.Url == url)];

    /// <summary>The next <paramref name="times"/> requests to <paramref name="url"/> get a 500 (int.MaxValue: always).</summary>
    public void Fail(string url, int times) => _failuresLeft[url] = times;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var url = request.RequestUri!.ToString();
        _received.Enqueue(new ReceivedWebhook(url, headers, body));
        var fail = false;
        _failuresLeft.AddOrUpdate(url, 0, (_, left) =>
        {
            fail = left > 0;
            return left == int.MaxValue ? left : Math.Max(0, left - 1);
        });
        return new HttpResponseMessage(fail ? HttpStatusCode.InternalServerError : HttpStatusCode.OK) { RequestMessage = request };
    }
}
