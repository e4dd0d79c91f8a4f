namespace Filing.Core.Review;

/// <summary>The kebab-case names of review steps and severities, as used in rule files and on the wire.</summary>
public static class ReviewStepNames
{
    private static readonly (ReviewStep Step, string Name, string Chinese)[] Steps =
    [
        (ReviewStep.FairCompetition, "fair-competition", "公平竞争审查"),
        (ReviewStep.GenderEquality, "gender-equality", "性别平等咨询评估"),
        (ReviewStep.Health, "health", "健康审查"),
        (ReviewStep.Legality, "legality", "合法性审查"),
        (ReviewStep.Drafting, "drafting", "公文规范"),
    ];

    /// <summary>Every step in review order.</summary>
    public static IReadOnlyList<ReviewStep> All { get; } = Steps.Select(s => s.Step).ToList();

    /// <summary>fair-competition, gender-equality, health, legality or drafting.</summary>
    public static string Name(ReviewStep step) => Steps.First(s => s.Step == step).Name;

    /// <summary>公平竞争审查, 性别平等咨询评估, 健康审查, 合法性审查 or 公文规范.</summary>
    public static string Chinese(ReviewStep step) => Steps.First(s => s.Step == step).Chinese;

    /// <summary>Parses a kebab-case step name (case-insensitive).</summary>
    public static bool TryParse(string? name, out ReviewStep step)
    {
        foreach (var s in Steps)
        {
            if (string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                step = s.Step;
                return true;
            }
        }

        step = default;
        return false;
    }

    /// <summary>error, warning or info.</summary>
    public static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Parses error, warning or info (case-insensitive).</summary>
    public static bool TryParseSeverity(string? name, out Severity severity)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "error":
                severity = Severity.Error;
                return true;
            case "warning":
                severity = Severity.Warning;
                return true;
            case "info":
                severity = Severity.Info;
                return true;
            default:
                severity = default;
                return false;
        }
    }
}
