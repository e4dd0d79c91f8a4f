using Filing.Api.Infrastructure;
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

    public static ProblemHttpResult Problem(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }
}
