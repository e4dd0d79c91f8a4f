using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Filing.Core.Documents;
using Filing.Core.Review;
using Filing.Core.Review.Rules;
using Filing.Core.Text;

namespace Filing.Benchmarks;

/// <summary>
/// The review engine after warm-up: parse + all steps on a typical ~50 KB Word file (goal: median ≤ 10 ms), the
/// same review without parsing, and the text endpoint's path on a 200-character clause.
/// <code>dotnet run -c Release --project Filing.Benchmarks -- --filter '*ReviewBenchmarks*'</code>
/// </summary>
[MemoryDiagnoser]
public class ReviewBenchmarks
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private byte[] _docx = [];
    private NormativeDocument _document = new();
    private Reviewer _reviewer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = RuleSet.Load(Path.Combine(BenchmarkData.RepoRoot(), "corpus", "rules"));
        rules.WarmUp();
        JiebaTokenizer.Shared.Warm();
        _reviewer = new Reviewer(rules, JiebaTokenizer.Shared);
        _docx = BenchmarkData.TypicalDocx();
        _document = NormativeDocumentReader.Read(new MemoryStream(_docx));
        var report = _reviewer.Review(_document);
        Console.WriteLine($"// document: {_docx.Length / 1024.0:0.0} KB .docx, {_document.Paragraphs.Count} paragraphs, " +
            $"{_document.Text.Length} characters, {report.Findings.Count} findings; " +
            $"working set after warm-up {Environment.WorkingSet / (1024 * 1024)} MiB");
    }

    [Benchmark(Description = "parse + review all steps, ~50 KB .docx")]
    public ReviewReport ParseAndReview() => _reviewer.Review(NormativeDocumentReader.Read(new MemoryStream(_docx)));

    [Benchmark(Description = "review all steps, ~50 KB (already parsed)")]
    public ReviewReport ReviewOnly() => _reviewer.Review(_document);

    [Benchmark(Description = "text endpoint path, 200-character clause")]
    public string ReviewClause() =>
        JsonSerializer.Serialize(_reviewer.ReviewText(BenchmarkData.Clause200).Findings, Json);
}

/// <summary>
/// jieba's cold start in a fresh process: loading the 17 MB of dictionaries plus the legal user dictionary and the
/// first segmentation. Each launch is a new process, so every measurement is cold.
/// <code>dotnet run -c Release --project Filing.Benchmarks -- --filter '*JiebaColdStart*'</code>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class JiebaColdStartBenchmarks
{
    [Benchmark(Description = "jieba initialise + first segmentation (cold)")]
    public int ColdStart() => JiebaTokenizer.Shared.Tokenize(BenchmarkData.Clause200).Count;
}
