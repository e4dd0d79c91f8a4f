using Filing.Core.Review;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Review;

/// <summary>A recruitment table's 性别 / 条件 column restricting a post to one sex (pasted rows, cells split by |).</summary>
public class TableGenderCheckTests
{
    private static Reviewer Reviewer => ReviewTestContext.Reviewer;

    [Theory]
    [InlineData("职位代码|职位名称|人数|性别|学历\n201|乡镇水利站技术员|1|男|本科\n202|乡镇会计|1|不限|本科", "男")]
    [InlineData("单位 | 岗位 | 人数 | 岗位要求\n县某公司 | 仓储管理员 | 2 | 男性，45周岁以下", "男性")]
    [InlineData("招聘单位|岗位名称|人数|任职条件\n县图书馆|馆员|1|限女性,大专及以上学历", "限女性")]
    public void FlagsCell_GivenRowRestrictingPostToOneSex(string table, string value)
    {
        var finding = Reviewer.ReviewText(table).Findings.Should().ContainSingle(f => f.Step == ReviewStep.GenderEquality).Subject;

        finding.RuleId.Should().Be("GE-4301-2");
        finding.Excerpt.Should().Be(value);
        finding.Message.Should().Contain(value);
        finding.Basis.Should().Contain(b => b.Law == "妇女权益保障法" && b.Article == "第四十三条" && b.Item == "第（一）项");
        table.Split('\n')[finding.Location.Paragraph].Substring(finding.Location.Start, finding.Location.Length).Should().Be(value);
    }

    [Theory]
    [InlineData("职位代码|职位名称|人数|性别|学历\n201|乡镇水利站技术员|1|不限|本科\n202|乡镇会计|1|男女不限|本科")]
    [InlineData("岗位名称|人数|性别|备注\n煤矿井下采掘工|6|男|矿山井下作业")]
    [InlineData("姓名|性别|单位|荣誉称号\n王某|男|县水利局|先进工作者")]
    [InlineData("职位代码|职位名称|人数|性别比例|学历\n201|综合岗|4|男女各半|本科")]
    public void ReportsNothing_GivenOpenCellsExemptPostsOrNonRecruitmentTables(string table)
    {
        Reviewer.ReviewText(table).Findings.Should().NotContain(f => f.Step == ReviewStep.GenderEquality);
    }
}
