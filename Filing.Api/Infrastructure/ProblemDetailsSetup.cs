using Filing.Core.Register;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Filing.Api.Infrastructure;

internal static class ProblemDetailsSetup
{
    /// <summary>
    /// RFC 9457 problem details everywhere: every problem carries a stable <c>code</c> extension so that
    /// clients branch on it rather than on English titles; stack traces never reach the client.
    /// </summary>
    public static IServiceCollection AddFilingProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            problem.Instance ??= ctx.HttpContext.Request.Path;
            problem.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
            if (problem.Status == StatusCodes.Status415UnsupportedMediaType && problem.Detail is null)
            {
                // Raised by routing when the request's Content-Type is not one the endpoint accepts.
                problem.Detail = "The request's Content-Type is not accepted here; file uploads use multipart/form-data.";
            }

            if (!problem.Extensions.ContainsKey("code"))
            {
                problem.Extensions["code"] = ProblemCodes.ForStatus(problem.Status ?? StatusCodes.Status500InternalServerError);
            }
        });
        services.AddExceptionHandler<FilingExceptionHandler>();
        return services;
    }
}

/// <summary>Maps exceptions that escape an endpoint to problem details; anything unknown is a 500 without details.</summary>
internal sealed class FilingExceptionHandler(IProblemDetailsService problems, ILogger<FilingExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var extensions = new Dictionary<string, object?>();
        var (status, code, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, ProblemCodes.ForStatus(bad.StatusCode), "Bad request", bad.Message),
            LifecycleViolationException step => Lifecycle(step, extensions),
            RegisterValidationException invalid => Invalid(invalid, extensions),
            Core.Participation.ParticipationConflictException conflict => (StatusCodes.Status409Conflict, conflict.Code, "Not possible now", conflict.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "concurrent-update", "Changed meanwhile",
                "Someone else changed this record at the same time. Reload it and try again."),
            DbUpdateException { InnerException: var inner } when IsUniqueViolation(inner) => (StatusCodes.Status409Conflict, "concurrent-update",
                "Changed meanwhile", "Someone else changed this record at the same time. Reload it and try again."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                (499, "client-closed-request", "Client closed request", null),
            _ => (StatusCodes.Status500InternalServerError, ProblemCodes.InternalError, "Internal server error",
                "The server could not complete the request. The error has been logged."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static (int, string, string, string?) Lifecycle(LifecycleViolationException e, Dictionary<string, object?> extensions)
    {
        extensions["step"] = e.Step;
        extensions["missing"] = e.Missing.Select(m => new { code = m.Code, message = m.Message }).ToList();
        return (StatusCodes.Status409Conflict, "lifecycle-violation", "Step not allowed now", e.Message);
    }

    private static (int, string, string, string?) Invalid(RegisterValidationException e, Dictionary<string, object?> extensions)
    {
        extensions["field"] = e.Field;
        extensions["errors"] = new Dictionary<string, string[]> { [e.Field] = [e.Message] };
        return (StatusCodes.Status422UnprocessableEntity, e.Code, "The values break a register rule", e.Message);
    }

    private static bool IsUniqueViolation(Exception? e) => e switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
