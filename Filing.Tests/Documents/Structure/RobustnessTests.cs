using System.Text;
using Filing.Core.Documents;
using Filing.Core.Documents.Reading;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Documents.Structure;

/// <summary>
/// Structure analysis must accept anything the OOXML layer hands over: random mixes of real document lines, labels
/// out of order, garbage and control characters never throw, and the located paragraphs always mirror the input.
/// </summary>
public class RobustnessTests
{
    private static readonly string[] Vocabulary =
    [
        "", "　", "────────", "000023", "秘密★1年", "特急", "桐庐县人民政府文件", "桐政发〔2018〕47号　　签发人：张三",
        "桐政发[18]第047号", "桐庐县人民政府关于印发《桐庐县某某管理办法》的通知", "桐庐县某某管理办法", "（试行）",
        "各乡镇人民政府、街道办事处，县政府各部门：", "现将《桐庐县某某管理办法》印发给你们，请认真贯彻执行。",
        "第一章　总则", "第二章", "第一节　起草", "第一条　为了规范管理，制定本办法。", "第三条", "第一百二十三条　甲。",
        "第12条 乙。", "第一条规定的情形除外。", "（一）开展调查研究；", "(二)", "（三）指导思想。高举旗帜。", "1.公开征求意见；",
        "2、", "1.5倍以上", "（1）现行有效的；", "①", "一、总体要求", "二、", "十一、其他", "本办法自2019年1月1日起施行，有效期5年。",
        "本意见自印发之日起施行，有效期为三年。", "有效期至2021年4月30日", "自公布之日起30日后施行", "附件：1.甲表", "2.乙表",
        "附件：", "附件", "附件1", "附件二：某某名单", "桐庐县人民政府", "2018年8月6日", "二〇一八年八月六日", "2018.8.6",
        "（此件公开发布）", "抄送：县委办，县人大办。", "抄送：", "桐庐县人民政府办公室　2018年8月7日印发", "2018年8月7日印发",
        "附件：《桐庐县某某管理办法》", "\n", "第一条\n第二条", "（", "）", "第", "第条", "第十百条", "〔2018〕", "号",
        "\t\t", "\u200B", "\uFEFF", "\u0000", "\uD800", "a", "Word 2007", "的通知", "关于", "2018年2月30日", "第九十九章",
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 150)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void KeepsInvariants_GivenRandomDocument(int seed)
    {
        var random = new Random(seed);
        var paragraphs = new List<RawParagraph>();
        var count = random.Next(0, 60);
        for (var i = 0; i < count; i++)
        {
            var text = random.Next(10) == 0 ? Garbage(random) : Vocabulary[random.Next(Vocabulary.Length)];
            if (random.Next(6) == 0)
            {
                text += Vocabulary[random.Next(Vocabulary.Length)];
            }

            var source = (ParagraphSource)random.Next(0, 5) switch { ParagraphSource.TableCell => ParagraphSource.TableCell, ParagraphSource.TextBox => ParagraphSource.TextBox, _ => ParagraphSource.Body };
            paragraphs.Add(new RawParagraph(text, 0, source, i,
                Alignment: random.Next(4) switch { 0 => "center", 1 => "right", _ => null },
                FontSizeHalfPoints: random.Next(3) == 0 ? random.Next(10, 80) : null,
                PageBreakBefore: random.Next(8) == 0));
        }

        var raw = new RawDocument(paragraphs, random.Next(3) == 0 ? ["桐政办发[2019]3号"] : [], [], [], new RevisionInfo(false, false), []);

        var d = StructureAnalyzer.Analyze(raw);

        AssertInvariants(d, paragraphs.Select(p => p.Text).ToList());
    }

    [Fact]
    public void KeepsInvariants_GivenSeedAndEveryPrefixOfIt()
    {
        var lines = File.ReadAllLines(RepoRoot.Path("Filing.Tests", "Documents", "Fixtures", "tonglu-2018-47-web-copy.txt"));
        for (var n = 0; n <= lines.Length; n++)
        {
            var text = string.Join('\n', lines.Take(n));
            AssertInvariants(NormativeDocumentReader.FromText(text), [.. text.Split('\n')]);
        }
    }

    [Fact]
    public void ReadsEmptyText()
    {
        var d = NormativeDocumentReader.FromText("");

        d.Paragraphs.Should().ContainSingle().Which.Role.Should().Be(ParagraphRole.Empty);
        d.Title.Should().BeNull();
        d.Warnings.Should().BeEmpty();
    }

    private static void AssertInvariants(NormativeDocument d, List<string> texts)
    {
        d.Paragraphs.Select(p => p.Text).Should().Equal(texts);
        d.Text.Should().Be(string.Join('\n', texts));
        foreach (var p in d.Paragraphs)
        {
            d.Paragraphs[p.Index].Should().BeSameAs(p);
            d.Text.Substring(p.Offset, p.Text.Length).Should().Be(p.Text);
            (p.Role == ParagraphRole.Empty).Should().Be(string.IsNullOrWhiteSpace(p.Text.Replace("\u200B", "").Replace("\uFEFF", "")) || IsLayoutOnly(p.Text),
                $"paragraph {p.Index} “{p.Text}” has role {p.Role}");
        }

        foreach (var w in d.Warnings.Where(w => w.Path?.StartsWith("paragraphs[", StringComparison.Ordinal) == true))
        {
            int.Parse(w.Path!["paragraphs[".Length..^1], System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(0, d.Paragraphs.Count - 1);
        }

        foreach (var a in d.Articles)
        {
            a.ParagraphIndexes.Should().NotBeEmpty().And.BeInAscendingOrder();
            a.ParagraphIndexes.Should().OnlyContain(i => i >= 0 && i < d.Paragraphs.Count);
        }

        foreach (var node in Flatten(d.Outline))
        {
            d.Paragraphs[node.Paragraph].Role.Should().Be(ParagraphRole.Heading);
            d.Paragraphs[node.Paragraph].Path.Should().Be(node.Path);
        }

        foreach (var a in d.Attachments)
        {
            (a.BodyParagraph ?? 0).Should().BeInRange(0, Math.Max(0, d.Paragraphs.Count - 1));
        }
    }

    private static bool IsLayoutOnly(string text) => text.All(c => char.IsWhiteSpace(c) || "─━—-－_＿=＝*★☆·….‧\u200B\uFEFF\u2060".Contains(c));

    private static IEnumerable<OutlineNode> Flatten(IEnumerable<OutlineNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    private const string Marks = "第一二三十百千〇（）()、.．：:，。；年月日号〔〕[]【】";

    private static string Garbage(Random random)
    {
        var sb = new StringBuilder();
        var length = random.Next(1, 40);
        for (var i = 0; i < length; i++)
        {
            sb.Append(random.Next(5) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0x4E00, 0x9FFF),
                2 => Marks[random.Next(Marks.Length)],
                3 => (char)random.Next(0, 0x20),
                _ => (char)random.Next(0x3000, 0x303F),
            });
        }

        return sb.ToString();
    }
}
