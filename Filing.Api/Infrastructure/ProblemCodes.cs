namespace Filing.Api.Infrastructure;

/// <summary>Stable machine-readable error codes carried in every problem response as <c>code</c>.</summary>
public static class ProblemCodes
{
    public const string BadRequest = "bad-request";
    public const string ValidationFailed = "validation-failed";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string Conflict = "conflict";
    public const string TooLarge = "too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string Unprocessable = "unprocessable";
    public const string TooManyRequests = "too-many-requests";
    public const string InternalError = "internal-error";

    // Word uploads (Filing.Api/Documents/DocumentProblems.cs)
    public const string MissingFile = "missing-file";
    public const string EmptyDocument = "empty-document";
    public const string LegacyDocFormat = "legacy-doc-format";
    public const string EncryptedDocument = "encrypted-document";
    public const string CorruptPackage = "corrupt-package";

    // The register (Filing.Api/Register/RegisterProblems.cs)
    /// <summary>409: the issuing authority has already registered a document under this 发文字号 (统一登记: one number, one document).</summary>
    public const string DuplicateDocumentNumber = "duplicate-document-number";

    /// <summary>422: the 发文字号's 机关代字 is not one of the issuing authority's (统一编号: the number must point at its issuer).</summary>
    public const string DocumentNumberIssuerCode = Core.Register.Requirements.DocumentNumberIssuerCodeCode;

    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        409 => Conflict,
        413 => TooLarge,
        415 => UnsupportedMediaType,
        422 => Unprocessable,
        429 => TooManyRequests,
        _ when status >= 500 => InternalError,
        _ => "error",
    };
}
