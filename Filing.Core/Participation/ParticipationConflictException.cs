namespace Filing.Core.Participation;

/// <summary>
/// A participation action does not fit the current state: a comment on a closed period, an answer before the period
/// is closed, a reply to an objection that was never triaged. The API answers 409 with <see cref="Code"/>.
/// </summary>
public sealed class ParticipationConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ParticipationConflictException(string code, string message) : base(message)
    {
        Code = code;
    }

    /// <summary>Creates the exception.</summary>
    public ParticipationConflictException() : this("conflict", "The action does not fit the current state.") { }

    /// <summary>Creates the exception.</summary>
    public ParticipationConflictException(string message) : this("conflict", message) { }

    /// <summary>Creates the exception.</summary>
    public ParticipationConflictException(string message, Exception inner) : base(message, inner)
    {
        Code = "conflict";
    }

    /// <summary>Stable code, e.g. <c>consultation-closed</c>.</summary>
    public string Code { get; }
}
