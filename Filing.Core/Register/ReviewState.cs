namespace Filing.Core.Register;

/// <summary>Whether the review engine ran on a version.</summary>
public enum ReviewState
{
    /// <summary>The engine ran; <see cref="DocumentVersion.Findings"/> is its report.</summary>
    Completed,

    /// <summary>No review engine is available (or it failed); the legal office reviews by hand.</summary>
    Unavailable,
}
