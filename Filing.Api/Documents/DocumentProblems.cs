using Filing.Api.Infrastructure;
using Filing.Core.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Filing.Api.Documents;

/// <summary>
/// Maps every way a Word upload can be refused to an RFC 9457 problem with a stable <c>code</c>. Any endpoint that
/// accepts Word files (parse, review, register uploads) uses this, so clients see one vocabulary.
/// </summary>
public static class DocumentProblems
{
    /// <summary>The problem for a file the reader refused: status, code, title, and the reader's detail (what to do).</summary>
    public static ProblemHttpResult From(DocumentReadException exception)
    {
        var (status, code, title) = exception.Code switch
        {
            DocumentErrorCode.Empty => (StatusCodes.Status422UnprocessableEntity, ProblemCodes.EmptyDocument, "Empty upload"),
            DocumentErrorCode.LegacyDocFormat => (StatusCodes.Status415UnsupportedMediaType, ProblemCodes.LegacyDocFormat, "Legacy Word format (.doc)"),
            DocumentErrorCode.EncryptedDocument => (StatusCodes.Status422UnprocessableEntity, ProblemCodes.EncryptedDocument, "Password-protected document"),
            DocumentErrorCode.UnsupportedMediaType => (StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "Not a Word document"),
            DocumentErrorCode.TooLarge => (StatusCodes.Status413PayloadTooLarge, ProblemCodes.TooLarge, "Document too large"),
            _ => (StatusCodes.Status422UnprocessableEntity, ProblemCodes.CorruptPackage, "Damaged Word file"),
        };

        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (exception.DetectedType is { } detected)
        {
            extensions["detectedType"] = detected;
        }

        return TypedResults.Problem(exception.Message, statusCode: status, title: title, extensions: extensions);
    }

    /// <summary>413 before the body is read: the declared or received size is over the limit.</summary>
    public static ProblemHttpResult TooLarge(long limitBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, ProblemCodes.TooLarge, "Document too large",
            $"上传的文件超过大小上限 {FormatBytes(limitBytes)}。请压缩文件中的图片或拆分文件后再上传。",
            new() { ["maxFileBytes"] = limitBytes });

    /// <summary>400 when the request carries no file in the expected multipart field.</summary>
    public static ProblemHttpResult MissingFile(string fieldName) =>
        Problem(StatusCodes.Status400BadRequest, ProblemCodes.MissingFile, "No file uploaded",
            $"请求中没有文件。请以 multipart/form-data 上传，文件放在字段“{fieldName}”中（例如 curl -F {fieldName}=@文件.docx）。");

    /// <summary>400 when the multipart body itself is malformed or was cut off.</summary>
    public static ProblemHttpResult MalformedUpload() =>
        Problem(StatusCodes.Status400BadRequest, ProblemCodes.BadRequest, "Malformed upload",
            "上传的 multipart/form-data 请求不完整或格式错误（上传可能被中断）。请重新上传。");

    private static ProblemHttpResult Problem(int status, string code, string title, string detail, Dictionary<string, object?>? extra = null)
    {
        var extensions = extra ?? [];
        extensions["code"] = code;
        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
    }

    private static string FormatBytes(long bytes) =>
        bytes >= 1L << 20 ? $"{bytes / (double)(1L << 20):0.#} MiB" : $"{bytes / 1024.0:0.#} KiB";
}
