using Filing.Core.Documents.Comparison;

namespace Filing.Tests.Documents.Comparison;

public class TextDiffTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("本办法自公布之日起施行。", "本办法自公布之日起施行。")]
    [InlineData("本办法自公布之日起施行。", "本办法自2025年1月1日起施行。")]
    [InlineData("有效期三年。", "")]
    [InlineData("", "有效期五年。")]
    [InlineData("甲乙丙丁戊己庚辛", "乙丙甲丁己戊辛庚")]
    [InlineData("对违反本办法的，处以罚款。", "对违反本办法的，依法处理。")]
    public void RebuildsBothTexts_GivenAnyPair(string oldText, string newText)
    {
        var segments = TextDiff.Diff(oldText, newText);

        string.Concat(segments.Where(s => s.Operation != DiffOperation.Insert).Select(s => s.Text)).Should().Be(oldText);
        string.Concat(segments.Where(s => s.Operation != DiffOperation.Delete).Select(s => s.Text)).Should().Be(newText);
        segments.Should().NotContain(s => s.Text.Length == 0);
    }

    [Fact]
    public void ShowsReplacedWords_GivenChangedDate()
    {
        var segments = TextDiff.Diff("本办法自公布之日起施行。", "本办法自2025年1月1日起施行。");

        segments.Should().Equal(
            new DiffSegment(DiffOperation.Equal, "本办法自"),
            new DiffSegment(DiffOperation.Delete, "公布之"),
            new DiffSegment(DiffOperation.Insert, "2025年1月1"),
            new DiffSegment(DiffOperation.Equal, "日起施行。"));
    }

    [Fact]
    public void FoldsSingleCommonCharacters_GivenRewrittenClause()
    {
        var segments = TextDiff.Diff("处以一万元罚款", "给予警告处分");

        segments.Should().Equal(new DiffSegment(DiffOperation.Delete, "处以一万元罚款"), new DiffSegment(DiffOperation.Insert, "给予警告处分"));
    }

    [Fact]
    public void FallsBackToReplacement_GivenTooManyEdits()
    {
        var random = new Random(7);
        var a = new string([.. Enumerable.Range(0, 3000).Select(_ => (char)('一' + random.Next(2000)))]);
        var b = new string([.. Enumerable.Range(0, 3000).Select(_ => (char)('一' + random.Next(2000)))]);

        var segments = TextDiff.Diff(a, b);

        string.Concat(segments.Where(s => s.Operation != DiffOperation.Insert).Select(s => s.Text)).Should().Be(a);
        string.Concat(segments.Where(s => s.Operation != DiffOperation.Delete).Select(s => s.Text)).Should().Be(b);
    }
}
