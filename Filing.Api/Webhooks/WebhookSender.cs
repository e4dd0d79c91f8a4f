using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Filing.Api.Infrastructure.Outbox;
using Filing.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Filing.Api.Webhooks;

/// <summary>
/// One webhook attempt: POST the stored body with the signature and delivery headers; 2xx is success, anything else
/// (another status, a timeout, a refused connection) is a failure to retry. Redirects are not followed. The signatures
/// are made at send time: every attempt carries its own <c>webhook-timestamp</c> (so a retry is freshly signed and
/// passes a receiver's freshness check), and a retry after a rotation carries the signatures of the secrets in use then.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock, IOptions<WebhookOptions> options)
{
    public const string ClientName = "filing-webhooks";
    public const string EventIdHeader = "X-Filing-Event-Id";
    public const string EventTypeHeader = "X-Filing-Event-Type";
    public const string DeliveryIdHeader = "X-Filing-Delivery-Id";
    public const string AttemptHeader = "X-Filing-Delivery-Attempt";

    public async Task<OutboxAttempt> SendAsync(OutboxMessage message, WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(message.Body);
        var now = clock.GetUtcNow();
        var secrets = subscription.SigningSecrets(now);
        var eventId = message.EventId.ToString("D");
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(StandardWebhookSignature.IdHeader, eventId);
        request.Headers.Add(StandardWebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhookSignature.Header, StandardWebhookSignature.Sign(secrets, eventId, timestamp, body));
        if (options.Value.SendLegacySignature)
        {
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secrets, body));
        }

        request.Headers.Add(EventIdHeader, eventId);
        request.Headers.Add(EventTypeHeader, message.EventType);
        request.Headers.Add(DeliveryIdHeader, message.Id.ToString("D"));
        request.Headers.Add(AttemptHeader, (message.Attempts + 1).ToString(CultureInfo.InvariantCulture));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Filing-Webhooks", "1.0"));

        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return OutboxAttempt.Delivered(status);
            }

            return OutboxAttempt.Failed(status, $"The receiver answered {status} {response.ReasonPhrase}.", RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return OutboxAttempt.Failed(null, $"No answer within {client.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            return OutboxAttempt.Failed(null, $"The request failed: {e.Message}");
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retry)
        {
            return null;
        }

        if (retry.Delta is { } delta)
        {
            return delta;
        }

        return retry.Date is { } date && date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : null;
    }
}
