namespace Filing.Core.Register;

/// <summary>
/// One recorded step of a document's procedure: what, on which version, with which outcome and opinion, by whom and
/// when. Steps are appended, never changed; the latest step of a kind is the one that counts.
/// </summary>
public sealed class ProcedureStep
{
    private ProcedureStep()
    {
        ActorName = "";
    }

    internal ProcedureStep(
        int sequence,
        StepKind kind,
        StepOutcome outcome,
        int versionNumber,
        string? opinion,
        string? detail,
        DateOnly? date,
        Actor actor,
        DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        Sequence = sequence;
        Kind = kind;
        Outcome = outcome;
        VersionNumber = versionNumber;
        Opinion = opinion;
        Detail = detail;
        Date = date;
        ActorOrganisationId = actor.OrganisationId;
        ActorKeyId = actor.KeyId;
        ActorName = actor.Name;
        At = at;
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>1-based order within the document.</summary>
    public int Sequence { get; private set; }

    /// <summary>What was done.</summary>
    public StepKind Kind { get; private set; }

    /// <summary>Passed, returned, not applicable, or just recorded.</summary>
    public StepOutcome Outcome { get; private set; }

    /// <summary>The draft version the step was taken on.</summary>
    public int VersionNumber { get; private set; }

    /// <summary>The attached opinion (审查意见), if any.</summary>
    public string? Opinion { get; private set; }

    /// <summary>Step-specific detail: meeting name, publication channel, waiver reason, unified number…</summary>
    public string? Detail { get; private set; }

    /// <summary>The date the step refers to (meeting date, publication date, period start), if any.</summary>
    public DateOnly? Date { get; private set; }

    /// <summary>Who recorded it.</summary>
    public Guid ActorOrganisationId { get; private set; }

    /// <summary>The key used.</summary>
    public Guid? ActorKeyId { get; private set; }

    /// <summary>Readable name of who recorded it.</summary>
    public string ActorName { get; private set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset At { get; private set; }
}
