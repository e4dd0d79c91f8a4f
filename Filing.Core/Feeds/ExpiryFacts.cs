using System.Linq.Expressions;
using Filing.Core.Register;

namespace Filing.Core.Feeds;

/// <summary>What an expiry event needs to know about a document (projected in SQL, so sweeps load no versions or steps).</summary>
/// <param name="Id">Document id.</param>
/// <param name="Title">标题.</param>
/// <param name="DocumentNumber">发文字号.</param>
/// <param name="UnifiedNumber">统一编号.</param>
/// <param name="IssuingAuthorityId">制定机关.</param>
/// <param name="IssuingAuthorityName">Its name.</param>
/// <param name="Stage">Lifecycle stage.</param>
/// <param name="ValidUntil">Last day of validity.</param>
/// <param name="Termination">How it ended, if it did.</param>
/// <param name="TerminatedOn">From when.</param>
public sealed record ExpiryFacts(
    Guid Id,
    string Title,
    string? DocumentNumber,
    string? UnifiedNumber,
    Guid IssuingAuthorityId,
    string IssuingAuthorityName,
    LifecycleStage Stage,
    DateOnly? ValidUntil,
    TerminationKind? Termination,
    DateOnly? TerminatedOn)
{
    /// <summary>The SQL projection.</summary>
    public static Expression<Func<NormativeDocumentRecord, ExpiryFacts>> Projection { get; } = d => new ExpiryFacts(
        d.Id, d.Title, d.DocumentNumber, d.UnifiedNumber, d.IssuingAuthorityId, d.IssuingAuthorityName, d.Stage, d.ValidUntil, d.Termination, d.TerminatedOn);

    /// <summary>The facts of a loaded record.</summary>
    public static ExpiryFacts Of(NormativeDocumentRecord d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Title, d.DocumentNumber, d.UnifiedNumber, d.IssuingAuthorityId, d.IssuingAuthorityName, d.Stage, d.ValidUntil, d.Termination, d.TerminatedOn);
    }
}
