namespace Filing.Core.Review.Rules;

/// <summary>
/// A rule file is malformed or a rule is invalid. Raised at start-up so that a broken rule set never reviews
/// anything; the message names the file and, when known, the rule.
/// </summary>
public sealed class RuleLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleLoadException(string file, string? ruleId, string problem, Exception? inner = null)
        : base(Describe(file, ruleId, problem), inner)
    {
        File = file;
        RuleId = ruleId;
        Problem = problem;
    }

    /// <summary>Creates the exception.</summary>
    public RuleLoadException() : this("(unknown)", null, "The rule set could not be loaded.") { }

    /// <summary>Creates the exception.</summary>
    public RuleLoadException(string message) : this("(unknown)", null, message) { }

    /// <summary>Creates the exception.</summary>
    public RuleLoadException(string message, Exception inner) : this("(unknown)", null, message, inner) { }

    /// <summary>The rule file, relative to the rules folder.</summary>
    public string File { get; }

    /// <summary>The offending rule, when the problem is inside one.</summary>
    public string? RuleId { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    private static string Describe(string file, string? ruleId, string problem) =>
        ruleId is null ? $"Rule file '{file}': {problem}" : $"Rule file '{file}', rule '{ruleId}': {problem}";
}
