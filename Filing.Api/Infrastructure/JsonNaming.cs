using System.Text.Json;

namespace Filing.Api.Infrastructure;

/// <summary>One naming policy for enum values on the wire: kebab-case (FairCompetition → fair-competition).</summary>
public static class JsonNaming
{
    public static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
