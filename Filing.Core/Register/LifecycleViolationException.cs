namespace Filing.Core.Register;

/// <summary>
/// A step was attempted out of order (e.g. a collective decision before the legality review passed). Names what is
/// missing; the API answers 409 with these requirements.
/// </summary>
public sealed class LifecycleViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LifecycleViolationException(string step, IReadOnlyList<MissingRequirement> missing)
        : base(BuildMessage(step, missing))
    {
        Step = step;
        Missing = missing;
    }

    /// <summary>Creates the exception with one missing requirement.</summary>
    public LifecycleViolationException(string step, string code, string message)
        : this(step, [new MissingRequirement(code, message)])
    {
    }

    /// <summary>Creates the exception.</summary>
    public LifecycleViolationException() : this("step", []) { }

    /// <summary>Creates the exception.</summary>
    public LifecycleViolationException(string message) : base(message)
    {
        Step = "step";
        Missing = [];
    }

    /// <summary>Creates the exception.</summary>
    public LifecycleViolationException(string message, Exception inner) : base(message, inner)
    {
        Step = "step";
        Missing = [];
    }

    /// <summary>The step that was refused (kebab-case, as in the API route).</summary>
    public string Step { get; }

    /// <summary>What has to happen first.</summary>
    public IReadOnlyList<MissingRequirement> Missing { get; }

    private static string BuildMessage(string step, IReadOnlyList<MissingRequirement> missing) =>
        missing.Count == 0
            ? $"'{step}' is not allowed now."
            : $"'{step}' is not allowed yet: " + string.Join("; ", missing.Select(m => m.Message));
}
