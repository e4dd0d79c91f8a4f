using Filing.Core.Documents;
using Filing.Core.Documents.Comparison;

namespace Filing.Tests.Documents.Comparison;

public class DocumentComparerTests
{
    private const string Measures = """
        桐庐县城市道路临时占用管理办法
        第一章 总则
        第一条 为了加强城市道路临时占用管理，制定本办法。
        第二条 本办法适用于本县城市规划区内城市道路的临时占用。
        第三条 县住房和城乡建设局是本县城市道路临时占用的主管部门。
        第二章 审批
        第四条 临时占用城市道路的，应当向县住建局提出申请。
        第五条 对违反本办法的，依法予以处理。
        第六条 本办法自2019年1月1日起施行。
        """;

    [Fact]
    public void FindsNothing_GivenSameText()
    {
        var doc = NormativeDocumentReader.FromText(Measures);

        var result = DocumentComparer.Compare(doc, doc);

        result.Basis.Should().Be(ComparisonBasis.Articles);
        result.Changes.Should().BeEmpty();
        result.Unchanged.Should().BeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public void ReportsAddedChangedAndRenumbered_GivenInsertedArticle()
    {
        var older = NormativeDocumentReader.FromText(Measures);
        var newer = NormativeDocumentReader.FromText(Measures
            .Replace("第四条 临时占用城市道路的，应当向县住建局提出申请。",
                "第四条 临时占用城市道路的，应当通过浙江政务服务网向县住建局提出申请。\n第五条 县住建局应当在五个工作日内作出决定。", StringComparison.Ordinal)
            .Replace("第五条 对违反本办法的", "第六条 对违反本办法的", StringComparison.Ordinal)
            .Replace("第六条 本办法自2019年1月1日起施行。", "第七条 本办法自2025年1月1日起施行。", StringComparison.Ordinal));

        var result = DocumentComparer.Compare(older, newer);

        result.Changes.Select(c => (c.Kind, c.FromPath, c.ToPath)).Should().Equal(
            (ProvisionChangeKind.Changed, "第四条", "第四条"),
            (ProvisionChangeKind.Added, null, "第五条"),
            (ProvisionChangeKind.Renumbered, "第五条", "第六条"),
            (ProvisionChangeKind.Changed, "第六条", "第七条"));
        var changed = result.Changes[0];
        changed.Segments.Should().ContainEquivalentOf(new DiffSegment(DiffOperation.Insert, "通过浙江政务服务网"));
        changed.Heading.Should().Be("第二章");
        result.Changes[1].NewText.Should().Be("县住建局应当在五个工作日内作出决定。");
        result.Unchanged.Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void ReportsRemovedArticle_GivenDeletion()
    {
        var older = NormativeDocumentReader.FromText(Measures);
        var newer = NormativeDocumentReader.FromText(Measures
            .Replace("第三条 县住房和城乡建设局是本县城市道路临时占用的主管部门。\n", "", StringComparison.Ordinal)
            .Replace("第四条", "第三条", StringComparison.Ordinal).Replace("第五条", "第四条", StringComparison.Ordinal)
            .Replace("第六条", "第五条", StringComparison.Ordinal));

        var result = DocumentComparer.Compare(older, newer);

        result.Changes.Where(c => c.Kind != ProvisionChangeKind.Renumbered).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Kind = ProvisionChangeKind.Removed, FromPath = "第三条", ToPath = (string?)null });
        result.Count(ProvisionChangeKind.Renumbered).Should().Be(3);
    }

    [Fact]
    public void ComparesByStructurePath_GivenOutlineDocuments()
    {
        const string notice = """
            桐庐县人民政府关于开展规范性文件清理工作的通知
            各乡镇人民政府，县政府各部门：
            一、清理范围
            （一）清理对象。县政府及其部门制定的行政规范性文件。
            （二）清理重点。与上位法不一致的文件。
            二、工作要求
            各部门要在9月30日前完成清理。
            """;
        var older = NormativeDocumentReader.FromText(notice);
        var newer = NormativeDocumentReader.FromText(notice.Replace("9月30日", "10月31日", StringComparison.Ordinal)
            .Replace("（二）清理重点。与上位法不一致的文件。", "（二）清理重点。与上位法不一致的文件。\n（三）清理方式。逐件审查。", StringComparison.Ordinal));

        var result = DocumentComparer.Compare(older, newer);

        result.Basis.Should().Be(ComparisonBasis.StructurePaths);
        result.Changes.Select(c => (c.Kind, c.ToPath)).Should().Equal(
            (ProvisionChangeKind.Added, "一、（三）"),
            (ProvisionChangeKind.Changed, "二、"));
    }

    [Fact]
    public void RatesSimilarity_GivenTexts()
    {
        DocumentComparer.Similarity("对违反本办法的，依法处理。", "对违反本办法的，依法处理。").Should().Be(1);
        DocumentComparer.Similarity("对违反本办法的，依法处理。", "对违反本办法的，依法予以处理。").Should().BeGreaterThan(DocumentComparer.ChangedThreshold);
        DocumentComparer.Similarity("本办法自公布之日起施行。", "县住建局应当在五个工作日内作出决定。").Should().BeLessThan(0.2);
    }

    [Fact]
    public void FindsRevisedArticles_GivenRealWordFilesOfARevision()
    {
        using var older = File.OpenRead(Filing.Tests.TestSupport.RepoRoot.Path("corpus", "samples", "auto-numbering.docx"));
        using var newer = File.OpenRead(Filing.Tests.TestSupport.RepoRoot.Path("corpus", "demo", "register", "qingxi-2024-8.docx"));

        var result = DocumentComparer.Compare(NormativeDocumentReader.Read(older), NormativeDocumentReader.Read(newer));

        result.Changes.Select(c => $"{c.Kind}:{c.FromPath}>{c.ToPath}").Should().Equal(
            "Changed:第三条>第三条", "Changed:第四条>第四条", "Added:>第七条", "Renumbered:第七条>第八条", "Changed:第八条>第九条");
        result.Changes[1].Segments.Should().Equal(
            new DiffSegment(DiffOperation.Equal, "行政执法机关应当自作出行政执法决定之日起"),
            new DiffSegment(DiffOperation.Delete, "七"),
            new DiffSegment(DiffOperation.Insert, "五"),
            new DiffSegment(DiffOperation.Equal, result.Changes[1].NewText![21..]));
    }
}
