using Filing.Api.Infrastructure;
using Filing.Core.Register;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Filing.Api.Register;

/// <summary>The problem answers the register endpoints share; every one carries a stable <c>code</c>.</summary>
internal static class RegisterProblems
{
    /// <summary>404, also for objects that exist but the caller may not see (never reveal a draft).</summary>
    public static ProblemHttpResult NotFound(string what) => Problem(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found",
        $"No {what} with this id, or not one you may see.");

    public static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Forbidden", detail);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "The request is not valid.", extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.ValidationFailed });

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.",
            extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.ValidationFailed });

    /// <summary>
    /// 409 <c>duplicate-document-number</c>: the issuing authority has already registered <paramref name="holder"/> under
    /// <paramref name="documentNumber"/>, the 发文字号 <paramref name="document"/> was to be registered under. Names the
    /// holder (unified number, id) in the detail and as <c>existingDocument</c>, so the legal office can open it, and says
    /// how to register the document under the right number.
    /// </summary>
    public static ProblemHttpResult DuplicateDocumentNumber(NormativeDocumentRecord document, string documentNumber, RegisteredDocumentNumber holder) =>
        TypedResults.Problem(DuplicateDocumentNumber(document.Id, documentNumber, document.IssuingAuthorityName, holder));

    /// <summary>The problem body of <see cref="DuplicateDocumentNumber(NormativeDocumentRecord, string, RegisteredDocumentNumber)"/> (also the OpenAPI example).</summary>
    public static ProblemDetails DuplicateDocumentNumber(Guid documentId, string documentNumber, string issuingAuthority, RegisteredDocumentNumber holder)
    {
        var retry = RegisterAgain(documentId);
        var written = holder.DocumentNumber == documentNumber ? "" : $"（登记为“{holder.DocumentNumber}”）";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Document number already registered",
            Detail = $"发文字号“{documentNumber}”已被{issuingAuthority}的文件《{holder.Title}》（统一编号 {holder.UnifiedNumber}，id {holder.Id}）" +
                $"登记使用{written}。同一制定机关的发文字号不得重复：本文件未予登记，未占用统一编号，请核对发文字号。" +
                $"如本文件的发文字号有误或尚未编定，请在登记请求中写明正确的发文字号重新登记：{retry}。" +
                $" / {issuingAuthority} has already registered {holder.UnifiedNumber} (id {holder.Id}) under this 发文字号; " +
                "this document was not registered and no unified number was used. If this document's 发文字号 is wrong or not yet assigned, " +
                $"register it again with the right one in the body: {retry}.",
        };
        problem.Extensions["code"] = ProblemCodes.DuplicateDocumentNumber;
        problem.Extensions["documentNumber"] = documentNumber;
        problem.Extensions["existingDocument"] = new { id = holder.Id, unifiedNumber = holder.UnifiedNumber, documentNumber = holder.DocumentNumber, title = holder.Title };
        return problem;
    }

    /// <summary>How to register again under another 发文字号 (the registration body), for the refusals' messages.</summary>
    private static string RegisterAgain(Guid documentId) => $"POST /api/v1/documents/{documentId}/registration {{\"documentNumber\": \"…\"}}";

    /// <summary>
    /// 422 <c>document-number-issuer-code</c>: <paramref name="documentNumber"/>, the 发文字号 <paramref name="document"/> was
    /// to be registered under, carries the 机关代字 <paramref name="issuerCode"/>, which is not one of the issuing authority's
    /// <paramref name="authorityCodes"/>. Shaped like a register-rule violation (<c>field</c>, <c>errors</c>) and says how to
    /// register under the right number, or who adds a missing code.
    /// </summary>
    public static ProblemHttpResult ForeignIssuerCode(NormativeDocumentRecord document, string documentNumber, string issuerCode, IReadOnlyList<string> authorityCodes) =>
        TypedResults.Problem(ForeignIssuerCode(document.Id, documentNumber, issuerCode, new OrganisationRef(document.IssuingAuthorityId, document.IssuingAuthorityName), authorityCodes));

    /// <summary>The problem body of <see cref="ForeignIssuerCode(NormativeDocumentRecord, string, string, IReadOnlyList{string})"/> (also the OpenAPI example).</summary>
    public static ProblemDetails ForeignIssuerCode(Guid documentId, string documentNumber, string issuerCode, OrganisationRef authority, IReadOnlyList<string> authorityCodes)
    {
        var retry = RegisterAgain(documentId);
        var codes = string.Join("、", authorityCodes);
        var field = $"发文字号“{documentNumber}”的机关代字“{issuerCode}”不是{authority.Name}的机关代字（{codes}）/ " +
            $"The issuer code {issuerCode} is not one of {authority.Name}'s ({string.Join(", ", authorityCodes)}).";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Document number of another issuing authority",
            Detail = $"发文字号“{documentNumber}”的机关代字“{issuerCode}”不是{authority.Name}的机关代字（{codes}），发文字号应使用制定机关自己的机关代字。" +
                $"本文件未予登记，未占用统一编号。请在登记请求中写明正确的发文字号重新登记：{retry}；" +
                $"如“{issuerCode}”确是{authority.Name}的机关代字，请系统管理员将其加入机关代字（PUT /api/v1/organisations/{authority.Id}/issuer-codes）。" +
                $" / The 发文字号's issuer code {issuerCode} is not one of {authority.Name}'s ({string.Join(", ", authorityCodes)}), so the number points " +
                $"at another body. This document was not registered and no unified number was used. Register it again with the right number in the body: {retry}; " +
                $"if {issuerCode} is one of {authority.Name}'s codes, an administrator adds it with PUT /api/v1/organisations/{authority.Id}/issuer-codes.",
        };
        problem.Extensions["code"] = ProblemCodes.DocumentNumberIssuerCode;
        problem.Extensions["field"] = "documentNumber";
        problem.Extensions["errors"] = new Dictionary<string, string[]> { ["documentNumber"] = [field] };
        problem.Extensions["documentNumber"] = documentNumber;
        problem.Extensions["issuerCode"] = issuerCode;
        problem.Extensions["issuingAuthority"] = new { id = authority.Id, name = authority.Name, issuerCodes = authorityCodes };
        return problem;
    }

    public static ProblemHttpResult Problem(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }
}
