using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Filing.Tests.TestSupport;

/// <summary>Real Word packages built in memory, one paragraph per string.</summary>
public static class TestDocx
{
    public static byte[] FromParagraphs(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(p) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })))));
        }

        return stream.ToArray();
    }

    private static int _lastNumber = 99;

    /// <summary>
    /// A small draft: document number, title and a few clauses. Each call carries a 发文字号 of its own
    /// (桐政发〔2024〕100号, 101号…), as real drafts do: registration refuses a number the authority already holds.
    /// </summary>
    public static byte[] Draft(string title = "桐庐县人民政府关于进一步规范行政规范性文件管理的通知", params string[] clauses) =>
        FromParagraphs([
            "桐庐县人民政府文件",
            NextDocumentNumber(),
            title,
            "各乡镇人民政府、街道办事处，县政府各部门、各直属单位：",
            .. clauses.Length == 0 ? ["一、严格执行公开征求意见、合法性审核、集体讨论决定制度。", "二、本通知自印发之日起施行。"] : clauses,
            "桐庐县人民政府",
            "2024年9月1日",
        ]);

    /// <summary>A 发文字号 of the demo county no other call has returned in this test run.</summary>
    public static string NextDocumentNumber() => $"桐政发〔2024〕{Interlocked.Increment(ref _lastNumber)}号";

    public static byte[] Seed() => File.ReadAllBytes(RepoRoot.Path("corpus", "samples", "seed-tonglu-2018-47.docx"));
}
