using BenchmarkDotNet.Attributes;
using Filing.Core.Documents;
using Filing.Core.Documents.Reading;

namespace Filing.Benchmarks.Documents;

/// <summary>
/// Structure analysis alone (what runs after the OOXML layer), on synthetic GB/T 9704 documents: a 印发 notice
/// enclosing a 办法 with 章/节/条/款/项/目, tables and attachments. <c>Typical</c> holds ~25,000 characters of text
/// (a ~50 KB .docx), <c>Large</c> ~1,500,000 (a ~5 MB document.xml). The baseline only builds the located
/// paragraph list and the joined text, which any reader must do.
/// <code>dotnet run -c Release --project Filing.Benchmarks -- --filter '*StructureAnalysis*'</code>
/// </summary>
[MemoryDiagnoser]
public class StructureAnalysisBenchmarks
{
    private RawDocument _document = null!;

    [Params("Typical", "Large")]
    public string Size { get; set; } = "Typical";

    [GlobalSetup]
    public void Setup() => _document = SyntheticDocument.Build(Size == "Large" ? 1_500_000 : 25_000);

    [Benchmark(Baseline = true)]
    public int ParagraphsAndOffsetsOnly()
    {
        var paragraphs = new List<DocParagraph>(_document.Paragraphs.Count);
        var offset = 0;
        foreach (var p in _document.Paragraphs)
        {
            paragraphs.Add(new DocParagraph(paragraphs.Count, p.Text, ParagraphRole.Body, null, null, offset, p.Source, p.SourceOrdinal));
            offset += p.Text.Length + 1;
        }

        return string.Join('\n', _document.Paragraphs.Select(p => p.Text)).Length + paragraphs.Count;
    }

    [Benchmark]
    public int Analyze() => StructureAnalyzer.Analyze(_document).Paragraphs.Count;
}

/// <summary>Deterministic synthetic documents shaped like real county documents.</summary>
internal static class SyntheticDocument
{
    private const string Clause =
        "县住房和城乡建设局应当会同有关部门加强城市道路临时占用的监督管理，建立健全审批、巡查和执法信息共享机制，"
        + "对违反本办法规定的行为依法予以查处，并将处理结果向社会公开。";

    public static RawDocument Build(int targetCharacters)
    {
        var p = new List<RawParagraph>();
        var chars = 0;
        void Add(string text, ParagraphSource source = ParagraphSource.Body)
        {
            p.Add(new RawParagraph(text, 0, source, p.Count));
            chars += text.Length;
        }

        Add("青溪县人民政府办公室文件");
        Add("青政办发〔2019〕58号");
        Add("青溪县人民政府办公室关于印发《青溪县城市道路临时占用管理办法》的通知");
        Add("各乡镇人民政府、街道办事处，县政府各部门、各直属单位：");
        Add("《青溪县城市道路临时占用管理办法》已经县政府常务会议审议通过，现印发给你们，请认真遵照执行。");
        Add("附件：1.临时占用审批流程图");
        Add("2.临时占用收费标准");
        Add("青溪县人民政府办公室");
        Add("2019年12月2日");
        Add("（此件公开发布）");
        Add("青溪县城市道路临时占用管理办法");

        int article = 0, chapter = 0;
        while (chars < targetCharacters)
        {
            chapter++;
            Add($"第{Cn(chapter)}章　第{Cn(chapter)}部分规定");
            for (var a = 0; a < 8 && chars < targetCharacters; a++)
            {
                article++;
                Add($"第{Cn(article)}条　{Clause}");
                Add("有下列情形之一的，不得临时占用城市道路：");
                for (var i = 1; i <= 3; i++)
                {
                    Add($"（{Cn(i)}）主干道及其交叉口周边五十米范围内的，或者人行道宽度不足三米的；");
                }

                Add("1.建设工程规划许可证或者其他批准文件；");
                Add("2.施工组织方案和安全防护措施。");
                if (article % 5 == 0)
                {
                    foreach (var cell in new[] { "序号", "事项", "期限", "1", "临时占用", "三个月" })
                    {
                        Add(cell, ParagraphSource.TableCell);
                    }
                }

            }
        }

        Add($"第{Cn(article + 1)}条　本办法自2020年1月1日起施行，有效期5年。");
        Add("附件1");
        Add("临时占用审批流程图");
        Add("一、申请");
        Add("附件2");
        Add("临时占用收费标准");
        Add("抄送：县委各部门，县人大常委会办公室，县政协办公室。");
        Add("青溪县人民政府办公室\t2019年12月3日印发");
        return new RawDocument(p, [], [], [], new RevisionInfo(false, false), []);
    }

    private static string Cn(int n) => Filing.Core.Text.ChineseNumerals.Format(n);
}
