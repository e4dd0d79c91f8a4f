namespace Filing.Core.Register;

/// <summary>
/// A value breaks a register rule (a decision dated before the legality review, an empty waiver reason, an effective
/// date before publication…). The API answers 422 naming the field.
/// </summary>
public sealed class RegisterValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RegisterValidationException(string field, string code, string message) : base(message)
    {
        Field = field;
        Code = code;
    }

    /// <summary>Creates the exception.</summary>
    public RegisterValidationException() : this("", "invalid", "The value is not valid.") { }

    /// <summary>Creates the exception.</summary>
    public RegisterValidationException(string message) : this("", "invalid", message) { }

    /// <summary>Creates the exception.</summary>
    public RegisterValidationException(string message, Exception inner) : base(message, inner)
    {
        Field = "";
        Code = "invalid";
    }

    /// <summary>The request field at fault (camelCase).</summary>
    public string Field { get; }

    /// <summary>Stable code, e.g. <c>date-before-legality-review</c>.</summary>
    public string Code { get; }
}
