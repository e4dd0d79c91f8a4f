namespace Filing.Api.Infrastructure;

/// <summary>Parses enum values as they appear on the wire (kebab-case, e.g. <c>not-yet-in-force</c>).</summary>
public static class KebabEnum
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(JsonNaming.Kebab(candidate.ToString()), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string Values<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => JsonNaming.Kebab(v.ToString())));

    /// <summary>Parses an optional filter, adding an error that lists the allowed values when it is not one of them.</summary>
    public static T? Filter<T>(string? text, string field, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryParse<T>(text, out var value))
        {
            return value;
        }

        errors[field] = [$"'{text}' is not one of: {Values<T>()}."];
        return null;
    }
}
