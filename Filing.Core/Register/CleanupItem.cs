namespace Filing.Core.Register;

/// <summary>One document listed in a cleanup campaign, with its decision once taken.</summary>
public sealed class CleanupItem
{
    private CleanupItem()
    {
        Title = "";
    }

    internal CleanupItem(NormativeDocumentRecord document)
    {
        DocumentId = document.Id;
        Title = document.Title;
        UnifiedNumber = document.UnifiedNumber;
        DocumentNumber = document.DocumentNumber;
    }

    /// <summary>The document.</summary>
    public Guid DocumentId { get; private set; }

    /// <summary>Its title.</summary>
    public string Title { get; private set; }

    /// <summary>Its unified number.</summary>
    public string? UnifiedNumber { get; private set; }

    /// <summary>Its 发文字号.</summary>
    public string? DocumentNumber { get; private set; }

    /// <summary>The decision, or null while undecided.</summary>
    public CleanupDecision? Decision { get; private set; }

    /// <summary>Why.</summary>
    public string? Reason { get; private set; }

    /// <summary>When decided.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Who decided.</summary>
    public string? DecidedBy { get; private set; }

    internal void Decide(CleanupDecision decision, string? reason, Actor actor, DateTimeOffset at)
    {
        Decision = decision;
        Reason = reason;
        DecidedAt = at;
        DecidedBy = actor.Name;
    }
}
