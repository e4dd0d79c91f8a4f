namespace Filing.Core.Calendar;

/// <summary>The holiday data could not be loaded: names the file and the entry at fault.</summary>
public sealed class CalendarDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CalendarDataException() : base("The holiday calendar data is invalid.") { }

    /// <summary>Creates the exception.</summary>
    public CalendarDataException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public CalendarDataException(string message, Exception inner) : base(message, inner) { }
}
