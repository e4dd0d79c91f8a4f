using System.Security.Cryptography;
using System.Text.Json;
using Filing.Api.Documents;
using Filing.Api.Register;
using Filing.Core.Documents;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;

namespace Filing.Api.Participation;

/// <summary>
/// Reads the publication step's body: the register's JSON (<see cref="PublicationRequest"/>, unchanged), or a
/// multipart form with the same fields and the 政策解读 as a Word file in <c>policyInterpretationFile</c>, read by the
/// document reader within its limits.
/// </summary>
internal static class PublicationInput
{
    public const string FileField = "policyInterpretationFile";

    public static async Task<(PublicationRequest? Request, InterpretationFile? File, ProblemHttpResult? Problem, ValidationProblem? Invalid)> ReadAsync(
        HttpRequest http, DocumentReaderOptions reader, ParticipationOptions options, JsonOptions json, ILogger logger, CancellationToken ct)
    {
        PublicationRequest? request;
        InterpretationFile? file = null;
        if (http.HasFormContentType)
        {
            var upload = await WordUpload.ReadAsync(http, reader, logger, ct, FileField);
            var form = upload.Form ?? http.HttpContext.Features.Get<IFormFeature>()?.Form;
            if (upload.Problem is { } refused && (form is null || form.Files.GetFile(FileField) is not null))
            {
                return (null, null, refused, null);
            }

            var errors = new Dictionary<string, string[]>();
            string? Field(string name) => form!.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
            request = new PublicationRequest(
                Paging.Date(Field("date"), "date", errors),
                Field("channel"),
                Field("policyInterpretation"),
                Paging.Date(Field("effectiveDate"), "effectiveDate", errors),
                Paging.Date(Field("validUntil"), "validUntil", errors));
            if (upload.Document is { } document)
            {
                if (request.PolicyInterpretation is not null)
                {
                    errors["policyInterpretation"] = ["Send the 政策解读 either as text or as a Word file, not both."];
                }

                var formFile = form!.Files.GetFile(FileField)!;
                await using var stream = formFile.OpenReadStream();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                var bytes = buffer.ToArray();
                var name = Path.GetFileName(formFile.FileName.Replace('\\', '/'));
                file = new InterpretationFile(
                    string.IsNullOrWhiteSpace(name) ? "政策解读.docx" : name.Length > 200 ? name[..200] : name,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    bytes,
                    Convert.ToHexStringLower(SHA256.HashData(bytes)),
                    document.Title);
                var text = document.Text.Trim();
                if (text.Length == 0)
                {
                    errors[FileField] = ["The Word file holds no text."];
                }

                request = request with { PolicyInterpretation = text };
            }

            if (errors.Count > 0)
            {
                return (null, null, null, RegisterProblems.Invalid(errors));
            }
        }
        else
        {
            try
            {
                request = await http.ReadFromJsonAsync<PublicationRequest>(json.SerializerOptions, ct);
            }
            catch (JsonException e)
            {
                return (null, null, null, RegisterProblems.Invalid("body", $"The body is not valid JSON for this step ({e.Path ?? "$"}): send {{ \"date\", \"channel\" }}."));
            }
            catch (InvalidOperationException)
            {
                return (null, null, RegisterProblems.Problem(StatusCodes.Status415UnsupportedMediaType, Infrastructure.ProblemCodes.UnsupportedMediaType,
                    "Unsupported media type", "Send application/json, or multipart/form-data with the 政策解读 as a Word file."), null);
            }

            if (request is null)
            {
                return (null, null, null, RegisterProblems.Invalid("body", "A body is required: { \"date\", \"channel\" }."));
            }
        }

        if (request.PolicyInterpretation is { } interpretation && interpretation.Length > options.MaxPolicyInterpretationLength)
        {
            return (null, null, null, RegisterProblems.Invalid(file is null ? "policyInterpretation" : FileField,
                $"政策解读最多 {options.MaxPolicyInterpretationLength} 个字符 / The policy interpretation is at most {options.MaxPolicyInterpretationLength} characters."));
        }

        return (request, file, null, null);
    }
}

/// <summary>A 政策解读 Word file as received.</summary>
internal sealed record InterpretationFile(string FileName, string ContentType, byte[] Bytes, string Sha256, string? Title);
