using System.Net;
using System.Net.Http.Json;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Api.ForwardedHeaders;

/// <summary>Requests as they arrive from a peer (a load balancer, or a client connecting directly) with forwarded headers.</summary>
internal sealed class ProxiedClient(FilingApiFactory factory)
{
    private static int _next;

    /// <summary>An address no other test uses (198.18.0.0/15 is reserved for benchmarks, never a real client).</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return $"198.18.{n / 250}.{(n % 250) + 1}";
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string peer, string? forwardedFor = null,
        string? forwardedProto = null, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(PeerAddressStartupFilter.Header, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await factory.CreateClient().SendAsync(request);
    }

    /// <summary>An objection to a document that does not exist: a 404 that still takes a permit of the submission limit.</summary>
    public async Task<HttpStatusCode> SubmitAsync(string peer, string? forwardedFor = null) =>
        (await SendAsync(HttpMethod.Post, "/api/v1/objections", peer, forwardedFor, body: new { documentId = Guid.NewGuid(), grounds = "该项规定缺乏法律依据。" })).StatusCode;

    /// <summary>Uses up a client's submissions: every allowed one is answered (404), the next is refused (429).</summary>
    public async Task ExhaustAsync(string peer, Func<int, string?> forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= ProxiedApiFactory.Limit; i++)
        {
            statuses.Add(await SubmitAsync(peer, forwardedFor(i)));
        }

        statuses.Should().Equal([.. Enumerable.Repeat(HttpStatusCode.NotFound, ProxiedApiFactory.Limit), HttpStatusCode.TooManyRequests],
            "the client's bucket holds {0} submissions", ProxiedApiFactory.Limit);
    }
}
