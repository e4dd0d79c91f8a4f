using System.Diagnostics;
using System.IO.Compression;
using Filing.Core.Documents;

namespace Filing.Benchmarks;

/// <summary>
/// What BenchmarkDotNet does not report: throughput in MB/s of <c>document.xml</c> and the process's peak memory
/// (peak working set, VmHWM) while reading one document. Each document is measured in a fresh child process so
/// that one measurement's heap does not inflate the next.
/// </summary>
internal static class ReaderMeasurement
{
    private const int Runs = 15;

    public static void Run(string[] args)
    {
        if (args is ["child", var only])
        {
            Child(only);
            return;
        }

        Console.WriteLine("| document | .docx | document.xml | paragraphs | full read (median) | lower bound (median) | ratio | full read MB/s | lower bound MB/s | peak working set, one read |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var name in args.Length > 0 ? args : ["typical", "large"])
        {
            BenchmarkDocuments.Ensure(name);
            var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["measure", "child", name]) { RedirectStandardOutput = true })!;
            Console.WriteLine(child.StandardOutput.ReadToEnd().TrimEnd());
            child.WaitForExit();
        }
    }

    private static void Child(string name)
    {
        var path = BenchmarkDocuments.Path(name);
        var docx = File.ReadAllBytes(path);
        long xmlBytes;
        using (var zip = new ZipArchive(new MemoryStream(docx)))
        {
            xmlBytes = zip.GetEntry("word/document.xml")!.Length;
        }

        if (Environment.GetEnvironmentVariable("FILING_MEASURE_PHASES") == "1")
        {
            Phases(docx);
            return;
        }

        // Peak memory of reading this one document: JIT warmed up on the small document first, then a single read in
        // a process that has read nothing else, so the figure is not inflated by earlier garbage.
        NormativeDocumentReader.Read(new MemoryStream(File.ReadAllBytes(BenchmarkDocuments.Path("typical")), writable: false));
        var beforeRead = Process.GetCurrentProcess().PeakWorkingSet64;
        var paragraphs = NormativeDocumentReader.Read(new MemoryStream(docx, writable: false)).Paragraphs.Count;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var full = new List<double>();
        var lower = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            NormativeDocumentReader.Read(new MemoryStream(docx, writable: false));
            full.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            ReaderBenchmarks.LowerBoundRead(docx);
            lower.Add(clock.Elapsed.TotalMilliseconds);
        }

        // The first runs include JIT; the median of the rest is the steady state.
        var fullMedian = Median(full.Skip(3));
        var lowerMedian = Median(lower.Skip(3));
        Console.WriteLine(
            $"| {name} | {docx.Length / 1024.0:N0} KiB | {xmlBytes / 1048576.0:N2} MiB | {paragraphs:N0} | {fullMedian:N2} ms | {lowerMedian:N2} ms | " +
            $"{fullMedian / lowerMedian:N2} | {xmlBytes / 1e6 / (fullMedian / 1000):N0} | {xmlBytes / 1e6 / (lowerMedian / 1000):N0} | {peak / 1048576.0:N0} MiB ({beforeRead / 1048576.0:N0} MiB before the read) |");
    }

    /// <summary>Diagnostics: time and allocation of the OOXML layer alone and of the whole read.</summary>
    private static void Phases(byte[] docx)
    {
        var baseline = GC.GetTotalMemory(true);
        var kept = NormativeDocumentReader.ReadRaw(new MemoryStream(docx, writable: false), DocumentReaderOptions.Default);
        var rawLive = GC.GetTotalMemory(true) - baseline;
        var keptDocument = NormativeDocumentReader.Read(new MemoryStream(docx, writable: false));
        var fullLive = GC.GetTotalMemory(true) - baseline - rawLive;
        Console.WriteLine($"live: raw document {rawLive / 1048576.0:N1} MiB, normative document {fullLive / 1048576.0:N1} MiB; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB; GC {System.Runtime.GCSettings.IsServerGC}/{System.Runtime.GCSettings.LatencyMode}");
        GC.KeepAlive(kept);
        GC.KeepAlive(keptDocument);

        for (var i = 0; i < 6; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var raw = NormativeDocumentReader.ReadRaw(new MemoryStream(docx, writable: false), DocumentReaderOptions.Default);
            var rawMs = clock.Elapsed.TotalMilliseconds;
            var rawAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var rawPeak = Process.GetCurrentProcess().PeakWorkingSet64;
            before = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
            NormativeDocumentReader.Read(new MemoryStream(docx, writable: false));
            Console.WriteLine($"raw {rawMs:N1} ms {rawAllocated / 1048576.0:N1} MiB (peak {rawPeak / 1048576.0:N0} MiB) | full {clock.Elapsed.TotalMilliseconds:N1} ms {(GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0:N1} MiB | {raw.Paragraphs.Count} paragraphs");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
