using System.IO.Compression;
using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml.Packaging;
using Filing.Core.Documents;

namespace Filing.Benchmarks;

/// <summary>
/// The Word reader against the lower bound of reading a .docx at all: <see cref="ZipArchive"/> + <see cref="XmlReader"/>
/// collecting only the <c>w:t</c> text of <c>word/document.xml</c> (no numbering, revisions, structure…).
/// <see cref="FullRead"/> is the public entry point (sniff, limits, OOXML layer, structure analysis);
/// <see cref="OoxmlLayer"/> stops before structure analysis; <see cref="SdkOpen"/> is what opening the package with the
/// Open XML SDK alone costs (why the reader reads the zip itself).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReaderBenchmarks
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private byte[] _docx = [];

    [Params("typical", "large")]
    public string Document { get; set; } = "typical";

    [GlobalSetup]
    public void Setup() => _docx = File.ReadAllBytes(BenchmarkDocuments.Ensure(Document));

    [Benchmark(Baseline = true)]
    public int LowerBound() => LowerBoundRead(_docx);

    [Benchmark]
    public int FullRead() => NormativeDocumentReader.Read(new MemoryStream(_docx, writable: false)).Paragraphs.Count;

    [Benchmark]
    public int OoxmlLayer() => NormativeDocumentReader.ReadRaw(new MemoryStream(_docx, writable: false), DocumentReaderOptions.Default).Paragraphs.Count;

    [Benchmark]
    public int SdkOpen()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(_docx, writable: false), isEditable: false);
        var main = document.MainDocumentPart!;
        _ = main.NumberingDefinitionsPart?.Numbering;
        _ = main.StyleDefinitionsPart?.Styles;
        using var reader = XmlReader.Create(main.GetStream());
        return CollectText(reader).Length;
    }

    /// <summary>ZipArchive + XmlReader, w:t text only: no reader of .docx text can do less.</summary>
    internal static int LowerBoundRead(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        using var reader = XmlReader.Create(zip.GetEntry("word/document.xml")!.Open());
        return CollectText(reader).Length;
    }

    private static StringBuilder CollectText(XmlReader reader)
    {
        var text = new StringBuilder();
        var t = reader.NameTable.Add("t");
        var w = reader.NameTable.Add(W);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, t) && ReferenceEquals(reader.NamespaceURI, w) && !reader.IsEmptyElement)
            {
                reader.Read();
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
                {
                    text.Append(reader.Value);
                }
            }
        }

        return text;
    }
}
