using Filing.Core.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Filing.Api.Documents;

internal static class DocumentsEndpoints
{
    /// <summary>Reader limits from configuration section <c>Documents:Reader</c> (see README "Limits").</summary>
    public static IServiceCollection AddFilingDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentReaderOptions>().Bind(configuration.GetSection("Documents:Reader"));
        return services;
    }

    public static RouteGroupBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/documents").WithTags("Documents");

        group.MapPost("/parse", Parse)
            .WithName("ParseDocument")
            .WithSummary("Read a Word draft into its GB/T 9704 elements, structure and located paragraphs")
            .WithDescription(
                "Upload the file as multipart/form-data in the field `file` (.docx, .docm, .dotx or .dotm; the content " +
                "is sniffed, the file name is not trusted). Refusals are problem details with a stable `code`: " +
                "legacy-doc-format (415), unsupported-media-type (415, `detectedType` names what it is), " +
                "encrypted-document (422), corrupt-package (422), empty-document (422), too-large (413), missing-file (400). " +
                "The X-Api-Key header is accepted and ignored until authentication exists.")
            .Accepts<DocumentUpload>("multipart/form-data")
            .Produces<ParsedDocumentResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();

        return group;
    }

    private static async Task<Results<Ok<ParsedDocumentResponse>, ProblemHttpResult>> Parse(
        HttpRequest request, IOptions<DocumentReaderOptions> options, ILoggerFactory loggers, CancellationToken ct)
    {
        var upload = await WordUpload.ReadAsync(request, options.Value, loggers.CreateLogger(typeof(DocumentsEndpoints)), ct);
        return upload.Problem is { } problem
            ? problem
            : TypedResults.Ok(ParsedDocumentResponse.From(upload.Document!));
    }
}

/// <summary>The multipart form of a Word upload.</summary>
/// <param name="File">The Word file (.docx, .docm, .dotx, .dotm).</param>
public sealed record DocumentUpload(IFormFile File);
