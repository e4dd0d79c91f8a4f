using System.Security.Cryptography;
using System.Text;
using Filing.Api.Infrastructure.Auth;
using Filing.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Infrastructure.Idempotency;

/// <summary>Marks endpoints whose POSTs honour <c>Idempotency-Key</c>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class IdempotentAttribute : Attribute;

/// <summary>
/// Marks endpoints that honour <c>Idempotency-Key</c> themselves instead of through the middleware (their answer holds a
/// secret that must not be stored); documented like <see cref="IdempotentAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class OwnIdempotencyAttribute : Attribute;

/// <summary>
/// <c>Idempotency-Key</c> on POST/PUT: the first successful (2xx) answer is stored per caller and key and replayed for a
/// retry of the same request (header <c>Idempotency-Replayed: true</c>), so a retried upload or registration creates
/// nothing twice. The same key on a different request is a 422; a retry while the first is still running is a 409.
/// Failed requests are not stored, so they can be retried with the same key. Anonymous callers are scoped by address.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock, ILogger<IdempotencyMiddleware> logger)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context, IServiceScopeFactory scopes, IProblemDetailsService problems)
    {
        if (!(HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method))
            || !context.Request.Headers.TryGetValue(Header, out var values)
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is null)
        {
            await next(context);
            return;
        }

        var key = values.ToString().Trim();
        if (key.Length is 0 or > 200 || key.Any(char.IsControl))
        {
            await WriteProblemAsync(context, problems, StatusCodes.Status400BadRequest, "idempotency-key-invalid",
                "Idempotency-Key must be 1–200 printable characters (a UUID is a good choice).");
            return;
        }

        var caller = CallerClaims.FromPrincipal(context.User);
        var scope = caller.KeyId?.ToString("D") ?? "anon:" + context.Connection.RemoteIpAddress;
        var fingerprint = await FingerprintAsync(context.Request);

        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<FilingDbContext>();
        var (record, reserved) = await ReserveAsync(db, scope, key, fingerprint, context.RequestAborted);
        if (record.Fingerprint != fingerprint)
        {
            await WriteProblemAsync(context, problems, StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                "This Idempotency-Key was already used for a different request.");
            return;
        }

        if (record.StatusCode is { } status)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = record.ContentType;
            if (record.Location is not null)
            {
                context.Response.Headers.Location = record.Location;
            }

            context.Response.Headers["Idempotency-Replayed"] = "true";
            await context.Response.Body.WriteAsync(record.Body ?? [], context.RequestAborted);
            return;
        }

        if (!reserved && clock.GetUtcNow() - record.CreatedAt < Abandoned)
        {
            context.Response.Headers.RetryAfter = "1";
            await WriteProblemAsync(context, problems, StatusCodes.Status409Conflict, "idempotency-key-in-progress",
                "A request with this Idempotency-Key is still being processed; retry shortly.");
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var succeeded = false;
        try
        {
            await next(context);
            succeeded = context.Response.StatusCode is >= 200 and < 300;
        }
        finally
        {
            context.Response.Body = original;
            try
            {
                if (succeeded)
                {
                    record.Complete(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, buffer.ToArray());
                }
                else
                {
                    db.IdempotencyRecords.Remove(record);
                }

                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException e)
            {
                logger.LogWarning(e, "Could not store the idempotent response for key {Key}", key);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Finds the key's record, or inserts the pending marker; <c>Reserved</c> is true when this request inserted it.</summary>
    private async Task<(IdempotencyRecord Record, bool Reserved)> ReserveAsync(FilingDbContext db, string scope, string key, string fingerprint, CancellationToken ct)
    {
        var existing = await db.IdempotencyRecords.SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
        if (existing is not null)
        {
            return (existing, false);
        }

        var record = new IdempotencyRecord(scope, key, fingerprint, clock.GetUtcNow());
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            return (record, true);
        }
        catch (DbUpdateException)
        {
            // Another request with the same key won the insert.
            db.ChangeTracker.Clear();
            return (await db.IdempotencyRecords.SingleAsync(r => r.Scope == scope && r.Key == key, ct), false);
        }
    }

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        var text = new StringBuilder(request.Method).Append(' ').Append(request.Path).Append(request.QueryString);
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            // JSON bodies are part of the request's identity; multipart bodies are not (clients pick new boundaries on retry).
            request.EnableBuffering();
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk)) > 0)
            {
                sha.AppendData(chunk, 0, read);
            }

            request.Body.Position = 0;
            text.Append(' ').Append(Convert.ToHexStringLower(sha.GetHashAndReset()));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static async Task WriteProblemAsync(HttpContext context, IProblemDetailsService problems, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = "Idempotency-Key", Detail = detail };
        problem.Extensions["code"] = code;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
