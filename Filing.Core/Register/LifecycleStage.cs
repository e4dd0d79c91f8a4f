namespace Filing.Core.Register;

/// <summary>How far a document has come. Stored so lists can filter on it; values are ordered.</summary>
public enum LifecycleStage
{
    /// <summary>Uploaded; public comment not yet opened or waived.</summary>
    Drafting = 0,

    /// <summary>Public comment opened or waived; reviews under way.</summary>
    InReview = 10,

    /// <summary>Legality review passed on the current version.</summary>
    Approved = 20,

    /// <summary>集体审议决定 taken.</summary>
    Decided = 30,

    /// <summary>统一登记: unified number assigned.</summary>
    Registered = 40,

    /// <summary>统一发布: public from now on.</summary>
    Published = 50,

    /// <summary>Repealed, declared invalid, amended or revoked; still public.</summary>
    Terminated = 60,
}
