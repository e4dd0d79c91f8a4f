using Filing.Core.Documents;
using Filing.Core.Register;

namespace Filing.Api.Register.Drafts;

/// <summary>
/// The seam to the review engine: the report attached to an uploaded version. Until the engine is wired in, the
/// default says the review is unavailable, and the legal office reviews by hand.
/// </summary>
public interface IDraftReviewer
{
    ReviewOutcome Review(NormativeDocument document);
}

/// <summary>Used while no review engine is installed.</summary>
internal sealed class UnavailableDraftReviewer : IDraftReviewer
{
    public ReviewOutcome Review(NormativeDocument document) =>
        ReviewOutcome.Unavailable("审查引擎尚未安装，由法制机构人工审查 / The review engine is not installed; the legal office reviews by hand.");
}
