using BenchmarkDotNet.Attributes;
using Filing.Core.Documents;
using Filing.Core.Documents.Reading;

namespace Filing.Benchmarks.Documents;

/// <summary>
/// Structure analysis (what runs after the OOXML layer) on the reader benchmark's documents (<see cref="BenchmarkDocuments"/>:
/// <c>typical</c> ~50 KB .docx, <c>large</c> ~5 MB .docx with ~112,000 paragraphs), against the OOXML layer reading
/// the same file in the same run. The paragraph limit is raised so that the large document is read at all.
/// <code>dotnet run -c Release --project Filing.Benchmarks -- --filter '*StructureAnalysis*'</code>
/// </summary>
[MemoryDiagnoser]
public class StructureAnalysisBenchmarks
{
    private static readonly DocumentReaderOptions Options = new() { MaxParagraphs = 1_000_000 };
    private byte[] _docx = [];
    private RawDocument _raw = null!;

    [Params("typical", "large")]
    public string Document { get; set; } = "typical";

    [GlobalSetup]
    public void Setup()
    {
        _docx = File.ReadAllBytes(BenchmarkDocuments.Ensure(Document));
        _raw = NormativeDocumentReader.ReadRaw(new MemoryStream(_docx, writable: false), Options);
    }

    [Benchmark(Baseline = true)]
    public int OoxmlLayer() => NormativeDocumentReader.ReadRaw(new MemoryStream(_docx, writable: false), Options).Paragraphs.Count;

    [Benchmark]
    public int StructureAnalysis() => StructureAnalyzer.Analyze(_raw).Paragraphs.Count;
}
