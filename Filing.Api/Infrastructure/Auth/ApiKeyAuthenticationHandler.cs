using System.Text.Encodings.Web;
using Filing.Api.Infrastructure.Data;
using Filing.Core.Register;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Filing.Api.Infrastructure.Auth;

/// <summary>
/// Authenticates <c>X-Api-Key</c>: hashes the key and looks up an active key of an existing organisation. No header
/// means anonymous; a header that matches nothing fails, and <see cref="AuthSetup"/> answers 401 for it on every
/// endpoint, so a client with a mistyped key is told rather than silently treated as anonymous.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    FilingDbContext db,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(CallerClaims.HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.ToString().Trim();
        if (key.Length is 0 or > 512)
        {
            return AuthenticateResult.Fail("The API key is empty or too long.");
        }

        var hash = ApiKey.HashOf(key);
        var match = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Join(db.Organisations.AsNoTracking(), k => k.OrganisationId, o => o.Id, (k, o) => new { Key = k, Organisation = o })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (match is null)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var caller = Caller.For(match.Organisation, match.Key.Roles, match.Key.Id, match.Key.Label);
        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller), CallerClaims.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "API key required",
            Request.Headers.ContainsKey(CallerClaims.HeaderName)
                ? "The X-Api-Key header does not hold a valid key."
                : "Send an API key in the X-Api-Key header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Forbidden", "The key's roles do not allow this.");

    private async Task WriteProblem(int status, string code, string title, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = $"{CallerClaims.Scheme} header=\"{CallerClaims.HeaderName}\"";
        }

        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }
}
