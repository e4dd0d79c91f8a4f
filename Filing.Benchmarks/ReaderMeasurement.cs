using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Filing.Core.Documents;

namespace Filing.Benchmarks;

/// <summary>
/// What BenchmarkDotNet does not report: throughput in MB/s of <c>document.xml</c> and the process's peak memory
/// (peak working set, VmHWM) while reading one document. Each document is measured in a fresh child process so
/// that one measurement's heap does not inflate the next.
/// </summary>
internal static partial class ReaderMeasurement
{
    /// <summary>Reads per document: many for the small one, whose runs a busy machine disturbs most.</summary>
    private static int Runs(string name) => name == "large" ? 20 : 200;

    public static void Run(string[] args)
    {
        if (args is ["child", var only])
        {
            Child(only);
            return;
        }

        if (args is ["child-layer", var layerOnly])
        {
            LayerPeak(layerOnly);
            return;
        }

        Console.WriteLine("| document | .docx | document.xml | paragraphs | clock | full read | OOXML layer | lower bound | full / lower bound | layer / lower bound | full read MB/s | lower bound MB/s | peak working set, one read |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var notes = new List<string>();
        foreach (var name in args.Length > 0 ? args : ["typical", "large"])
        {
            BenchmarkDocuments.Ensure(name);
            var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["measure", "child", name]) { RedirectStandardOutput = true })!;
            Console.WriteLine(child.StandardOutput.ReadToEnd().TrimEnd());
            child.WaitForExit();
            var layer = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["measure", "child-layer", name]) { RedirectStandardOutput = true })!;
            notes.Add(layer.StandardOutput.ReadToEnd().TrimEnd());
            layer.WaitForExit();
        }

        Console.WriteLine();
        foreach (var note in notes)
        {
            Console.WriteLine(note);
        }
    }

    /// <summary>Peak working set of one read that stops after the OOXML layer (no structure analysis, no NormativeDocument).</summary>
    private static void LayerPeak(string name)
    {
        NormativeDocumentReader.ReadRaw(new MemoryStream(File.ReadAllBytes(BenchmarkDocuments.Path("typical")), writable: false), DocumentReaderOptions.Default);
        var docx = File.ReadAllBytes(BenchmarkDocuments.Path(name));
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var raw = NormativeDocumentReader.ReadRaw(new MemoryStream(docx, writable: false), DocumentReaderOptions.Default);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"- {name}, OOXML layer only: peak working set {peak / 1048576.0:N0} MiB ({before / 1048576.0:N0} MiB before the read), {raw.Paragraphs.Count:N0} paragraphs");
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

        if (Environment.GetEnvironmentVariable("FILING_MEASURE_LOOP") is { } loops)
        {
            // Diagnostics: many interleaved runs of the OOXML layer and the lower bound, minima only.
            var (fullMin, layerMin, lowerMin) = (double.MaxValue, double.MaxValue, double.MaxValue);
            for (var i = 0; i < int.Parse(loops, System.Globalization.CultureInfo.InvariantCulture); i++)
            {
                var start = ThreadCpuMilliseconds();
                NormativeDocumentReader.Read(new MemoryStream(docx, writable: false));
                fullMin = Math.Min(fullMin, ThreadCpuMilliseconds() - start);
                start = ThreadCpuMilliseconds();
                NormativeDocumentReader.ReadRaw(new MemoryStream(docx, writable: false), DocumentReaderOptions.Default);
                layerMin = Math.Min(layerMin, ThreadCpuMilliseconds() - start);
                start = ThreadCpuMilliseconds();
                ReaderBenchmarks.LowerBoundRead(docx);
                lowerMin = Math.Min(lowerMin, ThreadCpuMilliseconds() - start);
            }

            Console.WriteLine($"{name}: thread CPU minima: full read {fullMin:N3} ms ({fullMin / lowerMin:N2}×), OOXML layer {layerMin:N3} ms ({layerMin / lowerMin:N2}×), lower bound {lowerMin:N3} ms");
            return;
        }

        // Peak memory of reading this one document: JIT warmed up on the small document first, then a single read in
        // a process that has read nothing else, so the figure is not inflated by earlier garbage.
        NormativeDocumentReader.Read(new MemoryStream(File.ReadAllBytes(BenchmarkDocuments.Path("typical")), writable: false));
        var beforeRead = Process.GetCurrentProcess().PeakWorkingSet64;
        var paragraphs = NormativeDocumentReader.Read(new MemoryStream(docx, writable: false)).Paragraphs.Count;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        // Interleaved, so that the machine's load (shared, noisy) hits all three alike. Wall time is what a caller
        // waits; this thread's CPU time is the work done, which other processes on a busy machine do not inflate.
        var wall = new List<double>[] { [], [], [] };
        var cpu = new List<double>[] { [], [], [] };
        Action[] reads =
        [
            () => NormativeDocumentReader.Read(new MemoryStream(docx, writable: false)),
            () => NormativeDocumentReader.ReadRaw(new MemoryStream(docx, writable: false), DocumentReaderOptions.Default),
            () => ReaderBenchmarks.LowerBoundRead(docx),
        ];
        for (var i = 0; i < Runs(name); i++)
        {
            for (var k = 0; k < reads.Length; k++)
            {
                var cpuStart = ThreadCpuMilliseconds();
                var clock = Stopwatch.StartNew();
                reads[k]();
                wall[k].Add(clock.Elapsed.TotalMilliseconds);
                cpu[k].Add(ThreadCpuMilliseconds() - cpuStart);
            }
        }

        // The first runs include JIT; the median of the rest is the steady state.
        // On a busy machine the fastest run is the least disturbed one: minima are reported next to the medians.
        foreach (var (label, times, statistic) in new (string, List<double>[], Func<IEnumerable<double>, double>)[]
                 { ("wall median", wall, Median), ("wall min", wall, Enumerable.Min), ("thread CPU median", cpu, Median), ("thread CPU min", cpu, Enumerable.Min) })
        {
            var (full, layer, lower) = (statistic(times[0].Skip(3)), statistic(times[1].Skip(3)), statistic(times[2].Skip(3)));
            Console.WriteLine(
                $"| {name} | {docx.Length / 1024.0:N0} KiB | {xmlBytes / 1048576.0:N2} MiB | {paragraphs:N0} | {label} | {full:N2} ms | {layer:N2} ms | {lower:N2} ms | " +
                $"{full / lower:N2} | {layer / lower:N2} | {xmlBytes / 1e6 / (full / 1000):N0} | {xmlBytes / 1e6 / (lower / 1000):N0} | " +
                $"{peak / 1048576.0:N0} MiB ({beforeRead / 1048576.0:N0} MiB before the read) |");
        }
    }

    internal static double ThreadCpuMilliseconds()
    {
        const int threadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID
        return ClockGetTime(threadCpuClock, out var time) == 0 ? (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6) : double.NaN;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
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
        for (var i = 0; i < 2; i++)
        {
            var before0 = GC.GetAllocatedBytesForCurrentThread();
            using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx, writable: false)))
            using (var reader = System.Xml.XmlReader.Create(zip.GetEntry("word/document.xml")!.Open(), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null }))
            {
                while (reader.Read())
                {
                }
            }

            Console.WriteLine($"bare XmlReader pass allocates {(GC.GetAllocatedBytesForCurrentThread() - before0) / 1048576.0:N1} MiB");
        }

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
