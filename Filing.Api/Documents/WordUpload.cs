using Filing.Core.Documents;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Filing.Api.Documents;

/// <summary>
/// Receives a Word file from a multipart/form-data request and reads it into a <see cref="NormativeDocument"/>,
/// turning every refusal into a problem response. Memory stays bounded: a declared Content-Length over the limit is
/// refused before the body is read, the body is capped while it streams, and the form buffers files over 64 KiB to
/// disk. Endpoints that take Word uploads (parse, review, register) call <see cref="ReadAsync"/> and return its problem.
/// </summary>
public static class WordUpload
{
    /// <summary>The multipart field that carries the file.</summary>
    public const string DefaultField = "file";

    /// <summary>Room for the multipart envelope and a few small form fields on top of the file itself.</summary>
    public const long EnvelopeAllowance = 1L << 20;

    /// <summary>Reads the upload in field <paramref name="field"/> of <paramref name="request"/>.</summary>
    public static async Task<WordUploadResult> ReadAsync(HttpRequest request, DocumentReaderOptions options, ILogger logger,
        CancellationToken cancellationToken, string field = DefaultField)
    {
        var bodyLimit = options.MaxFileBytes + EnvelopeAllowance;
        if (request.ContentLength > bodyLimit)
        {
            return WordUploadResult.Refused(DocumentProblems.TooLarge(options.MaxFileBytes));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = bodyLimit;
        }

        if (!request.HasFormContentType)
        {
            return WordUploadResult.Refused(DocumentProblems.MissingFile(field));
        }

        IFormCollection form;
        try
        {
            if (request.HttpContext.Features.Get<IFormFeature>() is not { Form: not null })
            {
                request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
                {
                    MultipartBodyLengthLimit = bodyLimit,
                    BufferBodyLengthLimit = bodyLimit,
                    ValueCountLimit = 64,
                }));
            }

            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return WordUploadResult.Refused(DocumentProblems.TooLarge(options.MaxFileBytes));
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return WordUploadResult.Refused(DocumentProblems.TooLarge(options.MaxFileBytes));
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            logger.LogInformation(e, "Malformed or interrupted upload to {Path}", request.Path);
            return WordUploadResult.Refused(DocumentProblems.MalformedUpload());
        }

        var file = form.Files.GetFile(field);
        if (file is null)
        {
            return WordUploadResult.Refused(DocumentProblems.MissingFile(field));
        }

        if (file.Length > options.MaxFileBytes)
        {
            return WordUploadResult.Refused(DocumentProblems.TooLarge(options.MaxFileBytes));
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var document = NormativeDocumentReader.Read(stream, options, cancellationToken);
            return new WordUploadResult(document, form, null);
        }
        catch (DocumentReadException e)
        {
            if (e.InnerException is { } inner && !IsExpectedFault(inner))
            {
                // Not a bad file we anticipated but something our reader did not expect: worth a look.
                logger.LogError(e, "Unexpected failure reading upload {FileName} ({Length} bytes)", file.FileName, file.Length);
            }
            else
            {
                logger.LogInformation("Refused upload {FileName} ({Length} bytes): {Code}", file.FileName, file.Length, e.Code);
            }

            return WordUploadResult.Refused(DocumentProblems.From(e));
        }
    }

    private static bool IsExpectedFault(Exception e) =>
        e is InvalidDataException or System.Xml.XmlException or IOException or EndOfStreamException;
}

/// <summary>The outcome of <see cref="WordUpload.ReadAsync"/>: the document and the form, or the problem to return.</summary>
/// <param name="Document">The document read, when the upload was accepted.</param>
/// <param name="Form">The whole form, for endpoints that take more fields than the file.</param>
/// <param name="Problem">Why the upload was refused, ready to return.</param>
public sealed record WordUploadResult(NormativeDocument? Document, IFormCollection? Form, ProblemHttpResult? Problem)
{
    internal static WordUploadResult Refused(ProblemHttpResult problem) => new(null, null, problem);
}
