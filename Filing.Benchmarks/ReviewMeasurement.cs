using System.Diagnostics;
using System.Globalization;
using Filing.Core.Documents;
using Filing.Core.Review;
using Filing.Core.Review.Rules;
using Filing.Core.Text;

namespace Filing.Benchmarks;

/// <summary>
/// Review figures that resist a busy shared machine (<c>review-measure</c>): parse + review, parse, review and the
/// 200-character clause interleaved for many rounds after warm-up, each timed by wall clock and by the thread's own
/// CPU time, reported as median and minimum. And the cold start (<c>review-coldstart</c>):
/// cold start of the review engine, each run in a fresh process (jieba keeps its dictionaries in process-wide statics,
/// so a second measurement in the same process would be warm): jieba's first segmentation (dictionary load with the
/// legal user dictionary), then loading, compiling and warming the rules, then the first review of the 200-character
/// clause, with the working set after each stage.
/// <code>
/// dotnet run -c Release --project Filing.Benchmarks -- review-measure [--rounds 200]
/// dotnet run -c Release --project Filing.Benchmarks -- review-coldstart [--runs 5]
/// </code>
/// </summary>
internal static class ReviewMeasurement
{
    public static void ColdStart(string[] args)
    {
        var runs = args is ["--runs", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 5;
        var self = Environment.GetCommandLineArgs()[0];
        var rows = new List<double[]>();
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            // Under `dotnet x.dll` the host needs the assembly; the apphost (Filing.Benchmarks) does not.
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                start.ArgumentList.Add(self);
            }

            start.ArgumentList.Add("review-coldstart-once");
            using var child = Process.Start(start)!;
            var line = child.StandardOutput.ReadToEnd().Trim();
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                throw new InvalidOperationException($"run {i + 1} failed: {line}");
            }

            rows.Add([.. line.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture))]);
            Console.WriteLine($"run {i + 1}: {line}");
        }

        string[] names =
        [
            "jieba first Cut (ms)", "rules load + compile (ms)", "rules warm-up (ms)", "first review, 200-char clause (ms)",
            "working set before (MiB)", "after jieba (MiB)", "after rules (MiB)", "after first review (MiB)", "peak working set (MiB)",
        ];
        Console.WriteLine($"\n{runs} fresh processes, load average {ReviewBenchmarks.LoadAverage()}");
        Console.WriteLine("| stage | median | min | max |\n|---|---:|---:|---:|");
        for (var c = 0; c < names.Length; c++)
        {
            var values = rows.Select(r => r[c]).Order().ToArray();
            Console.WriteLine(FormattableString.Invariant($"| {names[c]} | {values[values.Length / 2]:0} | {values[0]:0} | {values[^1]:0} |"));
        }
    }

    public static void Warm(string[] args)
    {
        var rounds = args is ["--rounds", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 200;
        var rules = RuleSet.Load(Path.Combine(BenchmarkData.RepoRoot(), "corpus", "rules"));
        rules.WarmUp();
        JiebaTokenizer.Shared.Warm();
        var reviewer = new Reviewer(rules, JiebaTokenizer.Shared);
        var docx = File.ReadAllBytes(BenchmarkDocuments.Path("typical"));
        var parsed = NormativeDocumentReader.Read(new MemoryStream(docx, writable: false));
        (string Name, Func<int> Work)[] cases =
        [
            ("parse + review all steps (typical.docx)", () => reviewer.Review(NormativeDocumentReader.Read(new MemoryStream(docx, writable: false))).Findings.Count),
            ("parse only", () => NormativeDocumentReader.Read(new MemoryStream(docx, writable: false)).Paragraphs.Count),
            ("review all steps (parsed)", () => reviewer.Review(parsed).Findings.Count),
            ("text endpoint core, 200-char clause", () => reviewer.ReviewText(BenchmarkData.Clause200).Findings.Count),
        ];

        for (var i = 0; i < 30; i++)
        {
            foreach (var (_, work) in cases)
            {
                _ = work();
            }
        }

        var wall = cases.Select(_ => new List<double>()).ToArray();
        var cpu = cases.Select(_ => new List<double>()).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            for (var k = 0; k < cases.Length; k++)
            {
                var clock = Stopwatch.GetTimestamp();
                var cpuStart = ReaderMeasurement.ThreadCpuMilliseconds();
                _ = cases[k].Work();
                cpu[k].Add(ReaderMeasurement.ThreadCpuMilliseconds() - cpuStart);
                wall[k].Add(Stopwatch.GetElapsedTime(clock).TotalMilliseconds);
            }
        }

        Console.WriteLine($"{rounds} interleaved rounds after 30 warm-up rounds, load average {ReviewBenchmarks.LoadAverage()}");
        Console.WriteLine("| work | wall median | wall min | thread CPU median | thread CPU min |\n|---|---:|---:|---:|---:|");
        for (var k = 0; k < cases.Length; k++)
        {
            static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
            Console.WriteLine(FormattableString.Invariant(
                $"| {cases[k].Name} | {Median(wall[k]):0.00} ms | {wall[k].Min():0.00} ms | {Median(cpu[k]):0.00} ms | {cpu[k].Min():0.00} ms |"));
        }
    }

    /// <summary>One cold run; prints the stage times and working sets on one line.</summary>
    public static void Once()
    {
        static double MiB() => Environment.WorkingSet / (1024.0 * 1024.0);
        var before = MiB();
        var clock = Stopwatch.StartNew();
        _ = JiebaTokenizer.Shared.Tokenize(BenchmarkData.Clause200);
        var jieba = clock.Elapsed.TotalMilliseconds;
        var afterJieba = MiB();

        clock.Restart();
        var rules = RuleSet.Load(Path.Combine(BenchmarkData.RepoRoot(), "corpus", "rules"));
        var load = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        rules.WarmUp();
        var warm = clock.Elapsed.TotalMilliseconds;
        var afterRules = MiB();

        var reviewer = new Reviewer(rules, JiebaTokenizer.Shared);
        clock.Restart();
        var findings = reviewer.ReviewText(BenchmarkData.Clause200).Findings.Count;
        var first = clock.Elapsed.TotalMilliseconds;
        if (findings == 0)
        {
            throw new InvalidOperationException("the clause has problems; the engine found none");
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine(FormattableString.Invariant($"{jieba:0.0} {load:0.0} {warm:0.0} {first:0.0} {before:0.0} {afterJieba:0.0} {afterRules:0.0} {MiB():0.0} {peak:0.0}"));
    }
}
