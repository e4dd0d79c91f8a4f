namespace Filing.Core.Feeds.Specifications;

/// <summary>Optional narrowing of the change log and feed.</summary>
/// <param name="Types">Only these event types (null: all).</param>
/// <param name="IssuingAuthorityId">Only events about this issuing authority.</param>
/// <param name="DocumentId">Only events about this document.</param>
public sealed record RegisterEventFilter(IReadOnlyList<string>? Types, Guid? IssuingAuthorityId, Guid? DocumentId)
{
    /// <summary>No narrowing.</summary>
    public static RegisterEventFilter None { get; } = new(null, null, null);
}
