using Filing.Core.Documents;
using Filing.Core.Review;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Review;

/// <summary>The README's review snippet, kept compiling and true: only the public surface of Filing.Core.</summary>
public class ReviewUsageTests
{
    [Fact]
    public async Task ReviewsSeedDocumentAndPassage_GivenReadmeSnippet()
    {
        var reviewer = Reviewer.CreateDefault();
        await using var file = File.OpenRead(RepoRoot.Path("corpus", "samples", "seed-tonglu-2018-47.docx"));
        ReviewReport report = reviewer.Review(NormativeDocumentReader.Read(file));

        report.Findings.Should().NotContain(f => f.Severity == Severity.Error, "the seed implementation opinion sets no penalties, licences or local preferences");

        var passage = reviewer.ReviewText("对违反本办法的，处以五千元罚款。");
        passage.Findings.Should().ContainSingle(f => f.Step == ReviewStep.Legality && f.Severity == Severity.Error)
            .Which.Basis.Should().Contain(b => b.Law == "行政处罚法");
    }
}
