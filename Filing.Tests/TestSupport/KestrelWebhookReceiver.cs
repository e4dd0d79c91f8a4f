using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Filing.Tests.TestSupport;

/// <summary>
/// A real HTTP receiver: Kestrel on a random loopback port, failing the first N requests with 503. Given a
/// <see cref="Verifier"/>, it checks every request first and answers 401 to one that fails, as a real receiver would.
/// </summary>
public sealed class KestrelWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _rejected = new();
    private int _failuresLeft;

    private KestrelWebhookReceiver(int failFirst)
    {
        _failuresLeft = failFirst;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var received = new ReceivedWebhook(context.Request.Path, headers, buffer.ToArray());
            if (Verifier is { } verify && !verify(received))
            {
                _rejected.Enqueue(received);
                return Results.StatusCode(401);
            }

            _received.Enqueue(received);
            return Interlocked.Decrement(ref _failuresLeft) >= 0 ? Results.StatusCode(503) : Results.Ok();
        });
    }

    public string Url { get; private set; } = "";

    /// <summary>Requests that passed <see cref="Verifier"/> (all of them when there is none).</summary>
    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>Requests that <see cref="Verifier"/> refused (answered 401).</summary>
    public IReadOnlyList<ReceivedWebhook> Rejected => [.. _rejected];

    /// <summary>Checks each request before anything else; null accepts all.</summary>
    public Func<ReceivedWebhook, bool>? Verifier { get; set; }

    public static async Task<KestrelWebhookReceiver> StartAsync(int failFirst = 0)
    {
        var receiver = new KestrelWebhookReceiver(failFirst);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>Waits until <paramref name="done"/> holds for what was received, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!done(Received))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The receiver got {Received.Count} requests within {timeout.TotalSeconds} s, not what the test waits for.");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
