using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Filing.Core.Documents;
using Filing.Core.Register;

namespace Filing.Api.Register.Drafts;

/// <summary>
/// Reviews a draft the Word reader has read (through <see cref="Documents.WordUpload"/>) behind the review seam, and
/// reduces the result to what the register stores: the version summary, the full parse as JSON and the file itself.
/// A failing review never loses the upload: the version is kept with the review marked unavailable.
/// </summary>
public sealed class DraftIntake(IDraftReviewer reviewer, ILogger<DraftIntake> logger)
{
    private static readonly JsonSerializerOptions ParseJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Reviews <paramref name="document"/>, read from <paramref name="file"/>.</summary>
    public IntakeResult Take(string fileName, byte[] file, NormativeDocument document)
    {
        ReviewOutcome review;
        try
        {
            review = reviewer.Review(document);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The review engine failed on {FileName}", fileName);
            review = ReviewOutcome.Unavailable("审查引擎出错，由法制机构人工审查 / The review engine failed on this file; the legal office reviews by hand.");
        }

        var parsed = new ParsedSummary(
            document.Title,
            document.DocumentType,
            document.DocumentNumber?.Text,
            document.Validity.EffectiveDate,
            document.Validity.ValidUntil,
            document.Warnings.Count);
        var version = new NewVersion(SafeName(fileName), Convert.ToHexStringLower(SHA256.HashData(file)), file.LongLength, parsed, review);
        return new IntakeResult(document, version, JsonSerializer.Serialize(document, ParseJson), ContentTypeOf(fileName), file);
    }

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(name) ? "draft.docx" : name.Length > 200 ? name[..200] : name;
    }

    private static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".docm" => "application/vnd.ms-word.document.macroEnabled.12",
        ".dotx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
        ".dotm" => "application/vnd.ms-word.template.macroEnabled.12",
        _ => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };
}

/// <summary>What the intake produced.</summary>
public sealed record IntakeResult(NormativeDocument Document, NewVersion Version, string ParsedJson, string ContentType, byte[] File);
