using Filing.Api.Register.Drafts;
using Filing.Core.Documents;
using Filing.Core.Review;
using Filing.Core.Register;

namespace Filing.Tests.TestSupport;

/// <summary>Stands in for the review engine: an error finding for every paragraph containing 罚款, a warning for 本地企业.</summary>
public sealed class TestDraftReviewer : IDraftReviewer
{
    public ReviewOutcome Review(NormativeDocument document)
    {
        var findings = new List<Finding>();
        foreach (var p in document.Paragraphs)
        {
            if (p.Text.IndexOf("罚款", StringComparison.Ordinal) is var i and >= 0)
            {
                findings.Add(new Finding("LEG-PENALTY", ReviewStep.Legality, Severity.Error, "行政规范性文件不得设定行政处罚", "罚款",
                    new FindingLocation(p.Path, p.Index, i, 2), [new LegalBasis("行政处罚法", "第十六条")], "删除罚款规定"));
            }

            if (p.Text.IndexOf("本地企业", StringComparison.Ordinal) is var j and >= 0)
            {
                findings.Add(new Finding("FC-LOCAL", ReviewStep.FairCompetition, Severity.Warning, "疑似限定本地经营者", "本地企业",
                    new FindingLocation(p.Path, p.Index, j, 4), [new LegalBasis("公平竞争审查条例", "第九条")], null));
            }
        }

        return ReviewOutcome.Completed(findings);
    }
}
