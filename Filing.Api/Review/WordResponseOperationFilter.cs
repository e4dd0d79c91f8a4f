using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Filing.Api.Review;

/// <summary>Marks an endpoint whose 200 response can also be the annotated Word file.</summary>
internal sealed class ProducesWordFileMetadata;

/// <summary>
/// Adds the Word media type to the 200 response of endpoints marked with <see cref="ProducesWordFileMetadata"/>, as a
/// binary body next to the JSON report (endpoint metadata cannot give two content types different schemas).
/// </summary>
internal sealed class WordResponseOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ProducesWordFileMetadata>().Any()
            || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response)
        {
            return;
        }

        response.Content ??= new Dictionary<string, IOpenApiMediaType>();
        response.Content[ReviewEndpoints.DocxMediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
        };
        response.Description = "The review report (JSON), or with Accept: " + ReviewEndpoints.DocxMediaType +
            " the submitted Word file with one comment (批注) per finding.";
    }
}
