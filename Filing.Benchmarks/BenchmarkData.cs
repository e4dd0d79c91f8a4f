using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Filing.Benchmarks;

/// <summary>Test data for the benchmarks, built from the repository's corpus.</summary>
internal static class BenchmarkData
{
    /// <summary>A 200-character clause with two problems, as pasted into the text endpoint.</summary>
    public const string Clause200 =
        "为加快培育本地建筑业龙头企业，本县政府投资项目必须使用本地企业生产的建材，外地施工企业承接本县工程的，须在本县设立分公司；" +
        "对年纳税额超过500万元的企业，按其地方财政贡献的50%给予奖励，奖励资金由县财政局会同县税务局核定后于次年第一季度兑现，" +
        "具体办法由县发展和改革局另行制定并报县人民政府同意后实施，各乡镇、街道和县级有关部门应当按照职责分工抓好落实。";

    private static readonly string[] Problems =
    [
        "本县政府投资项目必须使用本地企业生产的建材。",
        "外地施工企业承接本县工程的，须在本县设立分公司。",
        "对年纳税额超过500万元的企业，按其地方财政贡献的50%给予奖励。",
        "招聘岗位：综合执法辅助人员5名，限男性，年龄35周岁以下。",
        "对违反本办法乱倒建筑垃圾的，由县综合执法局处以500元以上2000元以下罚款。",
        "公务接待用酒统一使用本县生产的白酒。",
    ];

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Filing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Filing.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// A GB/T 9704-style notice with as much text as <c>Data/typical.docx</c> (~34 k characters): the seed document's
    /// real body text, repeated, with a problem clause every tenth paragraph. (The .docx is smaller than typical.docx:
    /// repeated text compresses well and there is no styling.)
    /// </summary>
    public static byte[] TypicalDocx(int targetCharacters = 34_000)
    {
        var body = File.ReadAllLines(Path.Combine(RepoRoot(), "corpus", "samples", "src", "seed-tonglu-2018-47.body.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var paragraphs = new List<string>
        {
            "桐庐县人民政府文件",
            "桐政发〔2018〕47号",
            "桐庐县人民政府关于印发《桐庐县深化法治政府建设实施意见(2018-2020年)》的通知",
            "各乡镇人民政府、街道办事处，县政府各部门、各直属单位：",
            "现将《桐庐县深化法治政府建设实施意见(2018-2020年)》印发给你们，请认真贯彻执行。",
            "桐庐县人民政府",
            "2018年8月6日",
            "桐庐县深化法治政府建设实施意见(2018-2020年)",
        };

        var characters = paragraphs.Sum(p => p.Length);
        for (var i = 0; characters < targetCharacters; i++)
        {
            var next = paragraphs.Count % 10 == 0 ? Problems[(paragraphs.Count / 10) % Problems.Length] : body[i % body.Count];
            paragraphs.Add(next);
            characters += next.Length;
        }

        paragraphs.Add("本意见自印发之日起30日后施行，有效期五年。");
        return Build(paragraphs);
    }

    private static byte[] Build(IEnumerable<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(t =>
                new Paragraph(new Run(new Text(t) { Space = SpaceProcessingModeValues.Preserve })))));
        }

        return stream.ToArray();
    }
}
