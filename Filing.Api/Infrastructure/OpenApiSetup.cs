using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Filing.Api.Infrastructure.Auth;
using Filing.Api.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Filing.Api.Infrastructure;

internal static class OpenApiSetup
{
    public static IServiceCollection AddFilingOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new()
            {
                Title = "Filing API",
                Version = "v1",
                Description = "Filing and review of administrative normative documents (行政规范性文件): " +
                    "Word draft reading, review checks, the 三统一 register, filing with oversight bodies, " +
                    "public comment and citizen objections. Send the organisation's API key as `X-Api-Key`; " +
                    "POSTs that create something accept `Idempotency-Key`. Every list answers `{ items, total, nextCursor }`.",
            });
            o.AddSecurityDefinition(CallerClaims.Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = CallerClaims.HeaderName,
                Description = "The organisation's API key. Without it only published documents are visible.",
            });
            o.OperationFilter<FilingOperationFilter>();
            var xml = Path.Combine(AppContext.BaseDirectory, "Filing.Api.xml");
            if (File.Exists(xml))
            {
                o.IncludeXmlComments(xml);
            }
        });
        return services;
    }

    /// <summary>Attaches a request body example to an endpoint's OpenAPI operation.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, object example) =>
        builder.WithMetadata(new OpenApiExample(null, example));

    /// <summary>Attaches a response example for <paramref name="status"/>.</summary>
    public static RouteHandlerBuilder WithResponseExample(this RouteHandlerBuilder builder, int status, object example) =>
        builder.WithMetadata(new OpenApiExample(status, example));
}

/// <summary>An example value for a request body (Status null) or a response.</summary>
internal sealed record OpenApiExample(int? Status, object Value);

/// <summary>Request bodies of an endpoint that reads the request itself and accepts several media types.</summary>
internal sealed record OpenApiRequestBodies(IReadOnlyList<(Type Type, string ContentType)> Bodies);

/// <summary>Documents the API key, the Idempotency-Key header and the examples attached to endpoints.</summary>
internal sealed class FilingOperationFilter : IOperationFilter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var keyRequirement = new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(CallerClaims.Scheme, context.Document)] = [],
        };
        operation.Security ??= [];
        if (metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security.Add(keyRequirement);
        }
        else if (context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
        {
            // Public, but a key widens what the caller sees (an empty requirement means anonymous is allowed).
            operation.Security.Add(new OpenApiSecurityRequirement());
            operation.Security.Add(keyRequirement);
        }

        var method = context.ApiDescription.HttpMethod;
        if ((metadata.OfType<IdempotentAttribute>().Any() || metadata.OfType<OwnIdempotencyAttribute>().Any()) && (method == "POST" || method == "PUT"))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Optional. A retry with the same key and request returns the first answer instead of doing it again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
        }

        if (metadata.OfType<OpenApiRequestBodies>().LastOrDefault() is { } bodies)
        {
            var content = new Dictionary<string, IOpenApiMediaType>();
            foreach (var (type, contentType) in bodies.Bodies)
            {
                content[contentType] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository) };
            }

            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        }

        foreach (var example in metadata.OfType<OpenApiExample>())
        {
            var node = JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), Json);
            if (example.Status is null)
            {
                if (operation.RequestBody?.Content is { } content)
                {
                    foreach (var media in content.Values.OfType<OpenApiMediaType>())
                    {
                        media.Example = node;
                    }
                }
            }
            else if (operation.Responses is { } responses && responses.TryGetValue(example.Status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response)
                     && response.Content is { } responseContent)
            {
                foreach (var media in responseContent.Values.OfType<OpenApiMediaType>())
                {
                    media.Example = node is null ? null : JsonNode.Parse(node.ToJsonString());
                }
            }
        }
    }
}
