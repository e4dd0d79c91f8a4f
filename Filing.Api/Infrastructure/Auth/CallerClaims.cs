using System.Globalization;
using System.Security.Claims;
using Filing.Core.Register;

namespace Filing.Api.Infrastructure.Auth;

/// <summary>How a <see cref="Caller"/> travels in the authenticated principal.</summary>
internal static class CallerClaims
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string Organisation = "filing:org";
    private const string Kind = "filing:kind";
    private const string Jurisdiction = "filing:jurisdiction";
    private const string Roles = "filing:roles";
    private const string Key = "filing:key";

    public static ClaimsPrincipal ToPrincipal(Caller caller)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, caller.Name),
            new(Organisation, caller.OrganisationId!.Value.ToString("D")),
            new(Roles, ((int)caller.Roles).ToString(CultureInfo.InvariantCulture)),
        };
        if (caller.Kind is { } kind)
        {
            claims.Add(new Claim(Kind, kind.ToString()));
        }

        if (caller.JurisdictionId is { } jurisdiction)
        {
            claims.Add(new Claim(Jurisdiction, jurisdiction.ToString("D")));
        }

        if (caller.KeyId is { } key)
        {
            claims.Add(new Claim(Key, key.ToString("D")));
        }

        foreach (var role in Enum.GetValues<CallerRoles>().Where(r => r != CallerRoles.None && caller.Has(r)))
        {
            claims.Add(new Claim(ClaimTypes.Role, role.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static Caller FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || principal.FindFirst(Organisation) is not { } org)
        {
            return Caller.Anonymous;
        }

        return new Caller(
            Guid.Parse(org.Value),
            principal.FindFirst(Kind) is { } k ? Enum.Parse<OrganisationKind>(k.Value) : null,
            principal.FindFirst(Jurisdiction) is { } j ? Guid.Parse(j.Value) : null,
            (CallerRoles)int.Parse(principal.FindFirst(Roles)!.Value, CultureInfo.InvariantCulture),
            principal.FindFirst(Key) is { } key ? Guid.Parse(key.Value) : null,
            principal.Identity.Name ?? "");
    }
}
