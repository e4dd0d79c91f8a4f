using Filing.Api.Feeds;
using Filing.Core.Webhooks;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Filing.Api.Webhooks;

/// <summary>Marks the endpoint whose OpenAPI operation documents the webhook delivery (the subscription endpoint).</summary>
internal sealed class WebhookDeliveryCallbackMetadata;

/// <summary>
/// Documents what a subscription's URL receives as an OpenAPI callback of <c>CreateWebhook</c> (OpenAPI 3.0 has no
/// top-level <c>webhooks</c>): the POST, its body and every header, the timestamped signature and the deprecated one.
/// </summary>
internal sealed class WebhookDeliveryOperationFilter : IOperationFilter
{
    public const string CallbackName = "delivery";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<WebhookDeliveryCallbackMetadata>().Any())
        {
            return;
        }

        var delivery = new OpenApiOperation
        {
            Summary = "A delivery to the subscription's url: one event, signed",
            Description =
                "Verify before trusting it: the signed content is `{webhook-id}.{webhook-timestamp}.{raw body}`; the key is the secret's part after " +
                "`whsec_`, base64-decoded; `webhook-signature` lists `v1,<base64 HMAC-SHA256>` per signing secret, space-separated — accept when any " +
                "matches (constant-time comparison). Reject a `webhook-timestamp` more than 5 minutes from your clock, and process each `webhook-id` " +
                "once. This is Standard Webhooks (https://www.standardwebhooks.com): its libraries verify it. At least once, in no particular order; " +
                "answer 2xx within the timeout (10 s by default), anything else is retried with backoff. Notifications addressed to one organisation " +
                "(non-public types) carry `{ id, type, recordedAt, organisationId, data }` instead of a register event.",
            Parameters =
            [
                Header(StandardWebhookSignature.IdHeader, true, "The event id: the same on every retry and for every subscriber. De-duplicate on it.",
                    new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }),
                Header(StandardWebhookSignature.TimestampHeader, true,
                    "When this attempt was sent, in whole seconds since 1970-01-01T00:00:00Z (each retry has its own). Signed: reject deliveries " +
                    "more than 5 minutes from your clock.",
                    new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]{1,12}$" }),
                Header(StandardWebhookSignature.Header, true,
                    "`v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the base64-decoded secret after `whsec_`; " +
                    "during a secret rotation's overlap one per secret, space-separated, the new secret's first (`v1,<new> v1,<old>`).",
                    new OpenApiSchema { Type = JsonSchemaType.String }),
                Header(WebhookSignature.Header, false,
                    "Deprecated (signs no time, so a captured delivery verifies forever): `sha256=` + lowercase hex HMAC-SHA256 of the body keyed " +
                    "with the whole secret string's UTF-8 bytes; comma-separated during a rotation's overlap. Sent while Webhooks:SendLegacySignature " +
                    "is on (the default for now); verify `webhook-signature` instead.",
                    new OpenApiSchema { Type = JsonSchemaType.String }, deprecated: true),
                Header(WebhookSender.EventIdHeader, true, "The event id again (the same as `webhook-id`).",
                    new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }),
                Header(WebhookSender.EventTypeHeader, true, "The event type, e.g. `document.published`.",
                    new OpenApiSchema { Type = JsonSchemaType.String }),
                Header(WebhookSender.DeliveryIdHeader, true, "This delivery (the event to this subscription), as listed under /deliveries.",
                    new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }),
                Header(WebhookSender.AttemptHeader, true, "1 for the first attempt, then 2, 3… (starts again at 1 when a dead letter is retried).",
                    new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[1-9][0-9]*$" }),
            ],
            RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "The event, the same object as a change-log item. Verify the signature over these exact bytes before parsing them.",
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/json"] = new OpenApiMediaType
                    {
                        Schema = context.SchemaGenerator.GenerateSchema(typeof(RegisterEventDto), context.SchemaRepository),
                    },
                },
            },
            Responses = new OpenApiResponses
            {
                ["2XX"] = new OpenApiResponse { Description = "Delivered. Anything else, a timeout or a refused connection is retried (Retry-After is honoured)." },
            },
        };

        var pathItem = new OpenApiPathItem { Operations = new() { [HttpMethod.Post] = delivery } };
        var callback = new OpenApiCallback();
        callback.AddPathItem(RuntimeExpression.Build("{$request.body#/url}"), pathItem);
        operation.Callbacks ??= new Dictionary<string, IOpenApiCallback>();
        operation.Callbacks[CallbackName] = callback;
    }

    private static OpenApiParameter Header(string name, bool required, string description, OpenApiSchema schema, bool deprecated = false) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Deprecated = deprecated,
        Description = description,
        Schema = schema,
    };
}
