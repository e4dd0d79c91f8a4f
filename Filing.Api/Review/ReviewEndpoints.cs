using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Filing.Api.Documents;
using Filing.Api.Infrastructure;
using Filing.Core.Documents;
using Filing.Core.Review;
using Filing.Core.Review.Annotation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Filing.Api.Review;

internal static class ReviewEndpoints
{
    /// <summary>The media type that asks <c>POST /api/v1/reviews</c> for the annotated Word file instead of JSON.</summary>
    public const string DocxMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly string[] WordMediaTypes =
    [
        DocxMediaType,
        "application/vnd.ms-word.document.macroEnabled.12",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
        "application/vnd.ms-word.template.macroEnabled.12",
    ];

    public static IServiceCollection AddFilingReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReviewApiOptions>().Bind(configuration.GetSection("Review"));
        services.AddSingleton<ReviewEngine>();
        services.AddHostedService<ReviewStartup>();
        services.AddHealthChecks().AddCheck<ReviewReadinessCheck>("review", tags: ["ready"]);
        services.ConfigureSwaggerGen(o => o.OperationFilter<WordResponseOperationFilter>());
        return services;
    }

    public static RouteGroupBuilder MapReview(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Review");

        group.MapPost("/reviews/text", ReviewText)
            .WithName("ReviewText")
            .WithSummary("Review a pasted passage (or a whole document pasted as text) for fair-competition, gender-equality, health, legality and drafting problems")
            .WithDescription(
                "Body: `{ \"text\": \"…\", \"steps\": [\"fair-competition\", …], \"wholeDocument\": false }`; one paragraph per line. " +
                "With `wholeDocument` false, document-level checks (发文字号, 施行日期, 有效期, 附件, 制定主体) are not run. " +
                "Findings are data: a review with problems is still 200. Refusals: validation-failed (400: no text, unknown step), " +
                "too-large (413).")
            .Accepts<ReviewTextRequest>("application/json")
            .Produces<ReviewResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapPost("/reviews", ReviewDocument)
            .WithName("ReviewDocument")
            .WithSummary("Review a Word draft; JSON report, or the same .docx with one Word comment (批注) per finding")
            .WithDescription(
                "Upload the file as multipart/form-data in the field `file` (optional field `steps`: comma-separated step names). " +
                "The whole document is reviewed, including document-level checks. With `Accept: " + DocxMediaType + "` the response " +
                "is the submitted file with one comment per finding anchored on the flagged text (author \"Filing 审查\"), otherwise " +
                "unchanged. Upload refusals are those of the parse endpoint: legacy-doc-format (415), unsupported-media-type (415), " +
                "encrypted-document (422), corrupt-package (422), empty-document (422), too-large (413), missing-file (400); " +
                "an unknown step is validation-failed (400).")
            .Accepts<ReviewUpload>("multipart/form-data")
            .Produces<ReviewResponse>(StatusCodes.Status200OK)
            .WithMetadata(new ProducesWordFileMetadata())
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();

        group.MapGet("/rules", ListRules)
            .WithName("ListRules")
            .WithSummary("The review rules loaded at start-up: id, step, title, severity and legal basis")
            .WithDescription("Optional query `step` (fair-competition, gender-equality, health, legality, drafting) filters the list.")
            .Produces<RuleListResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem();

        return group;
    }

    private static Results<Ok<ReviewResponse>, ValidationProblem, ProblemHttpResult> ReviewText(ReviewTextRequest request, ReviewEngine engine)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return Invalid("text", "请提供要审查的文本（text 不能为空）。");
        }

        if (request.Text.Length > engine.Options.MaxTextLength)
        {
            return TypedResults.Problem(
                $"文本长度 {request.Text.Length} 个字符，超过上限 {engine.Options.MaxTextLength} 个字符。请分段审查，或上传 Word 文件。",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Text too large",
                extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.TooLarge, ["maxTextLength"] = engine.Options.MaxTextLength });
        }

        if (ParseSteps(request.Steps) is not { } steps)
        {
            return InvalidSteps(request.Steps);
        }

        var report = engine.Reviewer.ReviewText(request.Text, steps, request.WholeDocument);
        return TypedResults.Ok(ReviewResponse.From(report));
    }

    private static async Task<Results<Ok<ReviewResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ReviewDocument(
        HttpRequest request, ReviewEngine engine, IOptions<DocumentReaderOptions> readerOptions, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(ReviewEndpoints));
        var upload = await WordUpload.ReadAsync(request, readerOptions.Value, logger, ct);
        if (upload.Problem is { } problem)
        {
            return problem;
        }

        var stepValues = upload.Form!["steps"].SelectMany(v => (v ?? "").Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (ParseSteps(stepValues) is not { } steps)
        {
            return InvalidSteps(stepValues);
        }

        var document = upload.Document!;
        var report = engine.Reviewer.Review(document, new ReviewOptions { Steps = steps, WholeDocument = true });
        if (!WantsWord(request))
        {
            return TypedResults.Ok(ReviewResponse.From(report));
        }

        var file = upload.Form.Files.GetFile(WordUpload.DefaultField)!;
        await using var source = file.OpenReadStream();
        using var annotated = new MemoryStream();
        var result = ReviewCommentWriter.Annotate(source, annotated, document, report.Findings);
        if (result.AnchoredToParagraph > 0 || result.Unplaced.Count > 0)
        {
            logger.LogWarning("Annotated {FileName}: {Approximate} comment(s) anchored on whole paragraphs, {Unplaced} unplaced",
                file.FileName, result.AnchoredToParagraph, result.Unplaced.Count);
        }

        var (contentType, extension) = PackageType(annotated);
        var name = Path.GetFileNameWithoutExtension(file.FileName);
        return TypedResults.File(
            annotated.ToArray(),
            contentType,
            fileDownloadName: (string.IsNullOrWhiteSpace(name) ? "document" : name) + "-审查意见" + extension);
    }

    private static Ok<RuleListResponse> ListRules(ReviewEngine engine, string? step = null)
    {
        var rules = engine.Reviewer.Rules.Rules.AsEnumerable();
        if (step is not null && ReviewStepNames.TryParse(step, out var only))
        {
            rules = rules.Where(r => r.Step == only);
        }
        else if (step is not null)
        {
            rules = [];
        }

        var list = rules.Select(RuleDto.From).ToList();
        return TypedResults.Ok(new RuleListResponse(
            list.Count,
            list.GroupBy(r => r.Step).ToDictionary(g => g.Key, g => g.Count()),
            list));
    }

    /// <summary>Null when a value is not a step name; empty when none were given (all steps).</summary>
    private static List<ReviewStep>? ParseSteps(IEnumerable<string>? values)
    {
        var steps = new List<ReviewStep>();
        foreach (var value in values ?? [])
        {
            if (!ReviewStepNames.TryParse(value, out var step))
            {
                return null;
            }

            steps.Add(step);
        }

        return steps;
    }

    private static ValidationProblem InvalidSteps(IEnumerable<string>? values)
    {
        var bad = (values ?? []).Where(v => !ReviewStepNames.TryParse(v, out _)).ToList();
        return Invalid("steps",
            $"未知的审查步骤：{string.Join("、", bad)}。可选：{string.Join("、", ReviewStepNames.All.Select(ReviewStepNames.Name))}。");
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: message,
            extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.ValidationFailed });

    /// <summary>Whether the client prefers a Word file over JSON (Accept: the .docx media type).</summary>
    private static bool WantsWord(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double word = 0, json = 0;
        foreach (var media in accept)
        {
            var q = media.Quality ?? 1;
            if (WordMediaTypes.Any(t => media.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase)))
            {
                word = Math.Max(word, q);
            }
            else if (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ? q : q / 2);
            }
        }

        return word > 0 && word >= json;
    }

    /// <summary>
    /// The annotated file keeps its package type, read from the package (file names are not trusted): a .docm stays
    /// macro-enabled, a template stays a template.
    /// </summary>
    private static (string ContentType, string Extension) PackageType(MemoryStream annotated)
    {
        annotated.Position = 0;
        using var word = WordprocessingDocument.Open(annotated, isEditable: false);
        var type = word.DocumentType;
        annotated.Position = 0;
        return type switch
        {
            WordprocessingDocumentType.MacroEnabledDocument => (WordMediaTypes[1], ".docm"),
            WordprocessingDocumentType.Template => (WordMediaTypes[2], ".dotx"),
            WordprocessingDocumentType.MacroEnabledTemplate => (WordMediaTypes[3], ".dotm"),
            _ => (DocxMediaType, ".docx"),
        };
    }
}
