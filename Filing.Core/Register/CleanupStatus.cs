namespace Filing.Core.Register;

/// <summary>Whether a cleanup campaign is still deciding or has published its lists.</summary>
public enum CleanupStatus
{
    /// <summary>Decisions are being recorded.</summary>
    Open,

    /// <summary>The four lists are published; repeals and declarations of invalidity took effect.</summary>
    Published,
}
