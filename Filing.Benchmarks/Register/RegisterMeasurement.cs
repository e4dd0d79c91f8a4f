using System.Diagnostics;
using System.Globalization;
using Filing.Api.Infrastructure.Data.Search;
using Filing.Api.Register;
using Filing.Api.Register.Public;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Filing.Core.Search;
using Filing.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Filing.Benchmarks.Register;

/// <summary>
/// <c>register-measure</c>: latency of the public register's list and search, and the memory of a full export, over a
/// seeded database. Each request does what <c>GET /api/v1/register</c> does after binding: a fresh DbContext (one per
/// request), <see cref="PublicRegisterQuery.ListAsync"/> for the honest total and one page of 50 (+1 to know whether
/// there is a next page), and for searches the indexed texts of the page and the highlighted snippets. Each question is
/// measured with the result cache off, on an empty cache (<c>cold</c>: asked for the first time in this register state)
/// and on a warm one (<c>warm</c>: asked again); <c>state</c> is a cold question in a register state this instance has not
/// seen yet (it loads the register snapshot first); <c>--cache off,state,cold,warm</c> picks. HTTP and JSON are not included (measured separately:
/// ~57k requests/s for a minimal endpoint on this machine kind, platform-notes.md). Sequential, single client; each
/// query runs <c>--warmup</c> times unmeasured, then <c>--runs</c> times.
/// </summary>
internal static class RegisterMeasurement
{
    private static readonly HashSet<RegisterResultCache> Shared = [];
    private static readonly Dictionary<string, RegisterResultCache> SharedByMode = new(StringComparer.Ordinal);

    private static readonly DateOnly Today = new(2026, 6, 30);

    public static async Task RunAsync(string[] args)
    {
        var bench = BenchDatabase.Parse(args);
        var runs = bench.Int("runs", 25);
        var warmup = bench.Int("warmup", 3);
        var only = bench.Text("only")?.ToLowerInvariant() ?? "all";
        if (only is not ("all" or "list" or "search" or "snapshot"))
        {
            throw new ArgumentException($"--only {only}: all, list, search or snapshot (the snapshot's load and update only).");
        }

        var modes = (bench.Text("cache") ?? "off,state,cold,warm").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => m.ToLowerInvariant()).ToList();
        if (modes.Count == 0 || modes.Any(m => m is not ("off" or "state" or "cold" or "warm" or "changed" or "refined")))
        {
            throw new ArgumentException("--cache: a comma-separated list of off, state, cold, warm, changed and refined (the last two searches only).");
        }

        await using (var db = bench.Create())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.MigrateAsync(); // a database seeded before the latest migrations (e.g. RegisterVersion)
        }

        await bench.EnsureTermSetsAsync();

        var parser = new SearchQueryParser(new SearchAnalyzer(JiebaTokenizer.Shared));
        JiebaTokenizer.Shared.Warm();

        Guid government;
        string number;
        string unified;
        int documents;
        await using (var db = bench.Create())
        {
            documents = await db.Documents.CountAsync();
            government = await db.Organisations.Where(o => o.Code == "bench-tl-gov").Select(o => o.Id).SingleAsync();
            var sample = await db.Documents.Where(d => d.IssuingAuthorityId == government && d.PublishedOn!.Value.Year == 2020)
                .OrderBy(d => d.Id).Select(d => new { d.DocumentNumber, d.UnifiedNumber }).FirstAsync();
            number = sample.DocumentNumber!;
            unified = sample.UnifiedNumber!;
        }

        var f = new PublicRegisterFilter();
        var lists = new (string Name, PublicRegisterFilter Filter, string? Number, RegisterSort Sort, int Page)[]
        {
            ("newest first, no filter", f, null, RegisterSort.PublishedDescending, 1),
            ("status=in-force", f with { Statuses = [DocumentStatus.InForce] }, null, RegisterSort.PublishedDescending, 1),
            ("issuingAuthorityId (one of 10)", f with { IssuingAuthorityIds = [government] }, null, RegisterSort.PublishedDescending, 1),
            ("year=2020", f with { Year = 2020 }, null, RegisterSort.PublishedDescending, 1),
            ("inForceOn=2020-06-30", f with { InForceOn = new DateOnly(2020, 6, 30) }, null, RegisterSort.PublishedDescending, 1),
            ("type=办法", f with { DocumentTypes = ["办法"] }, null, RegisterSort.PublishedDescending, 1),
            ("status=expired + authority", f with { Statuses = [DocumentStatus.Expired], IssuingAuthorityIds = [government] }, null, RegisterSort.PublishedDescending, 1),
            ("oldest first (sort=publishedOn)", f, null, RegisterSort.PublishedAscending, 1),
            ("sort=-effectiveDate", f, null, RegisterSort.EffectiveDescending, 1),
            ("page 20 via cursor", f, null, RegisterSort.PublishedDescending, 20),
            ($"documentNumber={number}", f, DocumentNumberKey.Of(number), RegisterSort.PublishedDescending, 1),
            ($"unifiedNumber={unified}", f with { UnifiedNumber = unified }, null, RegisterSort.PublishedDescending, 1),
        };

        var searches = new (string Q, bool TitleOnly, PublicRegisterFilter Filter, RegisterSort Sort)[]
        {
            ("招商引资", false, f, RegisterSort.Relevance),
            ("行政处罚", false, f, RegisterSort.Relevance),
            ("公平竞争审查", false, f, RegisterSort.Relevance),
            ("政府信息公开", false, f, RegisterSort.Relevance),
            ("\"行政许可\"", false, f, RegisterSort.Relevance),
            ("补贴 OR 奖励", false, f, RegisterSort.Relevance),
            ("优化营商环境 -细则", false, f, RegisterSort.Relevance),
            ("临时占用", false, f, RegisterSort.Relevance),
            ("农村生活污水", false, f, RegisterSort.Relevance),
            ("茶产业发展 民宿经济", false, f, RegisterSort.Relevance),
            ("管理办法", true, f, RegisterSort.Relevance),
            ("政府采购", false, f with { Statuses = [DocumentStatus.InForce], Year = 2021 }, RegisterSort.Relevance),
            ("\"依法给予处分\"", false, f, RegisterSort.Relevance),
            ("招商引资", false, f, RegisterSort.PublishedDescending),
            ("就业", false, f, RegisterSort.Relevance),
            ("政府", false, f, RegisterSort.Relevance),
        };

        Console.WriteLine($"register-measure: {bench.Provider}, {documents:N0} documents, {await bench.SizeAsync()}, {runs} runs per query after {warmup} warm-up runs, result cache {string.Join("/", modes)}");
        Console.WriteLine("(off: no result cache, count + page in SQL; state: an empty cache for every request, i.e. the first request after the");
        Console.WriteLine(" register changed, which loads the register snapshot; cold: the snapshot of this state held, the question asked for the");
        Console.WriteLine(" first time; warm: the same question again, e.g. its next page or another client asking it; changed: the question");
        Console.WriteLine(" asked before one document changed, with the snapshot already updated by the refresher; refined: the same words");
        Console.WriteLine(" asked before in another order or without the filters, e.g. a list and then its facets or a facet clicked)");
        Console.WriteLine();
        string? snapshotMemory = null;
        Console.WriteLine("| query | cache | matches | median ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        if (modes.Contains("state") || modes.Contains("cold") || only == "snapshot")
        {
            var (loads, held) = await TimeAsync(runs, warmup, Caches("state", bench), async cache =>
            {
                await using var db = bench.Create();
                await new PublicRegisterQuery(db, cache).PrepareAsync(CancellationToken.None);
                return documents;
            });
            Row("register snapshot load (an instance's first, or when far behind)", "state", held, loads);

            // After one document changes: the held snapshot brought up to date from the change rows (what every instance
            // does after each publication, amendment or repeal). Each run changes one more document first, untimed.
            var live = new RegisterResultCache(Options.Create(new RegisterOptions()));
            await using (var db = bench.Create())
            {
                await new PublicRegisterQuery(db, live).PrepareAsync(CancellationToken.None);
            }

            var touched = await SampleIdsAsync(bench, warmup + runs);
            var updates = new List<double>(runs);
            for (var i = 0; i < touched.Count; i++)
            {
                await TouchAsync(bench, touched[i]);
                var watch = Stopwatch.StartNew();
                await using (var db = bench.Create())
                {
                    await new PublicRegisterQuery(db, live).PrepareAsync(CancellationToken.None);
                }

                if (i >= warmup)
                {
                    updates.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            live.Dispose();
            Row("register snapshot update after one document changed", "state", held, updates);

            // What one snapshot holds on the managed heap: the heap with it held, less the heap once it is dropped (measured
            // that way round because database drivers can keep the previous load's buffers alive for a while).
            var holder = new RegisterResultCache(Options.Create(new RegisterOptions()));
            await using (var db = bench.Create())
            {
                await new PublicRegisterQuery(db, holder).PrepareAsync(CancellationToken.None);
            }

            // On a fresh stack: when the load's last read completed asynchronously (PostgreSQL), this code runs as a
            // continuation inside the completing methods' frames, whose state machines still hold the snapshot, so it
            // could not be dropped here and the figure came out as ~0 MiB.
            await Task.Yield();
            var withSnapshot = GC.GetTotalMemory(forceFullCollection: true);
            holder.Dispose();
            var dropped = GC.GetTotalMemory(forceFullCollection: true);
            snapshotMemory = string.Create(CultureInfo.InvariantCulture, $"One register snapshot of {documents:N0} documents: {(withSnapshot - dropped) / 1024.0 / 1024.0:0.0} MiB on the managed heap.");
        }

        var listTimes = modes.ToDictionary(m => m, _ => new List<double>());
        foreach (var (name, filter, key, sort, page) in only is "search" or "snapshot" ? [] : lists)
        {
            var question = new RegisterQuestion(filter, null, key, Today);
            var after = page > 1 ? await CursorOfPageAsync(bench, question, sort, page) : null;
            foreach (var mode in modes.Where(m => m is not ("changed" or "refined")))
            {
                var (times, total) = await TimeAsync(runs, warmup, Caches(mode, bench), cache => RequestAsync(bench, question, sort, after, cache));
                listTimes[mode].AddRange(times);
                Row("list: " + name, mode, total, times);
            }
        }

        var searchTimes = modes.ToDictionary(m => m, _ => new List<double>());
        var containing = bench.Text("questions"); // e.g. --questions 行政许可: only the searches whose q contains it
        foreach (var (q, titleOnly, filter, sort) in only is "list" or "snapshot" ? [] : searches.Where(s => containing is null || s.Q.Contains(containing, StringComparison.Ordinal)))
        {
            var question = new RegisterQuestion(filter, parser.Parse(q, titleOnly), null, Today);
            foreach (var mode in modes)
            {
                var (times, total) = mode switch
                {
                    "changed" => await AfterChangeAsync(bench, runs, warmup, question, sort),
                    "refined" => await TimeAsync(runs, warmup, Refined(bench, question, sort), cache => RequestAsync(bench, question, sort, null, cache)),
                    _ => await TimeAsync(runs, warmup, Caches(mode, bench), cache => RequestAsync(bench, question, sort, null, cache)),
                };
                searchTimes[mode].AddRange(times);
                Row($"search: q={q}{(titleOnly ? " titleOnly" : "")}{(filter == f ? "" : " +filters")}{(sort == RegisterSort.Relevance ? "" : " sort=-publishedOn")}", mode, total, times);
            }
        }

        foreach (var mode in modes.Where(m => listTimes[m].Count > 0))
        {
            Row("**all list requests**", mode, null, listTimes[mode]);
        }

        foreach (var mode in modes.Where(m => searchTimes[m].Count > 0))
        {
            Row("**all search requests**", mode, null, searchTimes[mode]);
        }

        Console.WriteLine();
        if (snapshotMemory is not null)
        {
            Console.WriteLine(snapshotMemory);
            Console.WriteLine();
        }

        if (only != "all")
        {
            return;
        }


        Console.WriteLine("| export | rows | bytes | seconds | rows/s | peak managed heap above baseline | peak working set above baseline |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        await ExportAsync(bench, "csv, year=2020", new PublicRegisterFilter(Year: 2020), csv: true);
        await ExportAsync(bench, "csv, whole register", new PublicRegisterFilter(), csv: true);
        await ExportAsync(bench, "jsonl, whole register", new PublicRegisterFilter(), csv: false);
    }

    /// <summary>
    /// The cache each request of a mode gets, made before the clock starts: none; a new empty one (state); a new one
    /// holding this register state's snapshot, loaded untimed (cold); or one shared by all its requests (warm).
    /// </summary>
    private static Func<Task<RegisterResultCache?>> Caches(string mode, BenchDatabase bench)
    {
        // One per mode for the whole run: each holds a register snapshot (~800 MiB with the bodies at 100,000 documents),
        // so one per question ran the process out of memory.
        if (!SharedByMode.TryGetValue(mode, out var shared))
        {
            SharedByMode[mode] = shared = new RegisterResultCache(Options.Create(new RegisterOptions()));
            Shared.Add(shared);
        }

        return mode switch
        {
            "off" => () => Task.FromResult<RegisterResultCache?>(null),
            "state" => () => Task.FromResult<RegisterResultCache?>(new RegisterResultCache(Options.Create(new RegisterOptions()))),
            "cold" => async () =>
            {
                // The snapshot of this register state, loaded once (untimed) and handed to each new cache: what an
                // instance holds after the refresher has loaded it.
                // Brought up to date as an instance's refresher does (the changed mode moves the register on).
                await using (var db = bench.Create())
                {
                    await new PublicRegisterQuery(db, shared).PrepareAsync(CancellationToken.None);
                }

                var version = await VersionAsync(bench);
                var snapshot = await shared.SnapshotAsync(version, _ => throw new InvalidOperationException("The snapshot was prepared just before."));
                var cache = new RegisterResultCache(Options.Create(new RegisterOptions()));
                await cache.SnapshotAsync(version, _ => Task.FromResult(snapshot));
                return cache;
            },
            _ => () => Task.FromResult<RegisterResultCache?>(shared),
        };
    }

    /// <summary>
    /// A question asked again after the register changed: one instance (cache) asks it once, then per run one more
    /// document changes, the instance's snapshot is brought up to date (untimed: the refresher does it in the background)
    /// and the question is asked again, timed. What every question costs on a live register, where publications move the
    /// register state on between its askings.
    /// </summary>
    private static async Task<(List<double> Times, int Total)> AfterChangeAsync(BenchDatabase bench, int runs, int warmup, RegisterQuestion question, RegisterSort sort)
    {
        using var live = new RegisterResultCache(Options.Create(new RegisterOptions()));
        var total = await RequestAsync(bench, question, sort, null, live);
        var touched = await SampleIdsAsync(bench, warmup + runs, ChangedRound++);
        var times = new List<double>(runs);
        for (var i = 0; i < touched.Count; i++)
        {
            await TouchAsync(bench, touched[i]);
            await using (var db = bench.Create())
            {
                await new PublicRegisterQuery(db, live).PrepareAsync(CancellationToken.None);
            }

            var watch = Stopwatch.StartNew();
            total = await RequestAsync(bench, question, sort, null, live);
            if (i >= warmup)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (times, total);
    }

    private static int ChangedRound;

    /// <summary>
    /// The cold mode's cache after one untimed question with the same words: without filters in relevance order, or
    /// newest first when that is the question itself.
    /// </summary>
    private static Func<Task<RegisterResultCache?>> Refined(BenchDatabase bench, RegisterQuestion question, RegisterSort sort)
    {
        var cold = Caches("cold", bench);
        var sibling = question with { Filter = new PublicRegisterFilter() };
        var siblingSort = sibling == question && sort == RegisterSort.Relevance ? RegisterSort.PublishedDescending : RegisterSort.Relevance;
        return async () =>
        {
            var cache = await cold();
            await RequestAsync(bench, sibling, siblingSort, null, cache);
            return cache;
        };
    }

    /// <summary>Published documents spread over the register, to change one at a time.</summary>
    private static async Task<List<Guid>> SampleIdsAsync(BenchDatabase bench, int count, int round = 0)
    {
        await using var db = bench.Create();
        var ids = await db.Documents.AsNoTracking().Where(d => d.Stage >= LifecycleStage.Published).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        return [.. Enumerable.Range(0, count).Select(i => ids[((int)((long)i * ids.Count / count) + (round * 7919)) % ids.Count])];
    }

    /// <summary>
    /// What the service's save interceptor writes when a published document changes (the benchmark's contexts have no
    /// interceptor): the register version moved on and a change row naming the document, in one transaction. The
    /// document's content stays as seeded.
    /// </summary>
    private static async Task TouchAsync(BenchDatabase bench, Guid id)
    {
        await using var db = bench.Create();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var version = (await db.Database.SqlQuery<long>($"""
            UPDATE "EventLogState" SET "RegisterVersion" = "RegisterVersion" + 1 WHERE "Id" = 1 RETURNING "RegisterVersion" AS "Value"
            """).ToListAsync()).Single();
        db.RegisterChanges.Add(new Filing.Api.Feeds.RegisterChange(version, id));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static async Task<long> VersionAsync(BenchDatabase bench)
    {
        await using var db = bench.Create();
        return await db.EventLogState.AsNoTracking().Where(e => e.Id == 1).Select(e => e.RegisterVersion).SingleAsync();
    }

    private static async Task<int> RequestAsync(BenchDatabase bench, RegisterQuestion question, RegisterSort sort, RegisterCursor? after, RegisterResultCache? cache)
    {
        await using var db = bench.Create();
        var query = new PublicRegisterQuery(db, cache);
        var (total, rows) = await query.ListAsync(question, sort, after, 51, CancellationToken.None);
        if (question.Search is { } search)
        {
            var page = rows.Take(50).ToList();
            var texts = await query.TextsAsync([.. page.Select(r => r.Id)], CancellationToken.None);
            foreach (var row in page)
            {
                _ = Highlighter.Find(row.Title, search);
                _ = Highlighter.Snippet(texts[row.Id].Body, search);
            }
        }

        return total;
    }

    private static async Task<RegisterCursor?> CursorOfPageAsync(BenchDatabase bench, RegisterQuestion question, RegisterSort sort, int page)
    {
        RegisterCursor? after = null;
        for (var p = 1; p < page; p++)
        {
            await using var db = bench.Create();
            var rows = await new PublicRegisterQuery(db).PageAsync(question, sort, after, 50, CancellationToken.None);
            var last = rows[^1];
            after = new RegisterCursor(last.Score, PublicRegisterSpec.SortDate(sort, last.PublishedOn, last.EffectiveDate), last.Id);
        }

        return after;
    }

    private static async Task<(List<double> Times, int Total)> TimeAsync(int runs, int warmup, Func<Task<RegisterResultCache?>> caches, Func<RegisterResultCache?, Task<int>> request)
    {
        var total = 0;
        for (var i = 0; i < warmup; i++)
        {
            var cache = await caches();
            total = await request(cache);
            Release(cache);
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var cache = await caches(); // made before the clock starts
            var watch = Stopwatch.StartNew();
            total = await request(cache);
            times.Add(watch.Elapsed.TotalMilliseconds);
            Release(cache);
        }

        return (times, total);

        // A cache made for one request (state, cold) is disposed with it; the warm mode's shared one is kept.
        void Release(RegisterResultCache? cache)
        {
            if (cache is not null && !Shared.Contains(cache))
            {
                cache.Dispose();
            }
        }
    }

    private static void Row(string name, string mode, int? total, List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {mode} | {(total is { } t ? t.ToString("N0", CultureInfo.InvariantCulture) : "")} | {At(0.5):0.0} | {At(0.95):0.0} | {sorted[^1]:0.0} |"));
    }

    private static async Task ExportAsync(BenchDatabase bench, string name, PublicRegisterFilter filter, bool csv)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heap0 = GC.GetTotalMemory(true);
        var ws0 = Environment.WorkingSet;
        long peakHeap = heap0, peakWs = ws0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                peakWs = Math.Max(peakWs, Environment.WorkingSet);
                await Task.Delay(5);
            }
        });

        var watch = Stopwatch.StartNew();
        var output = new CountingStream();
        var rows = 0;
        await using (var db = bench.Create())
        {
            var source = Count(new PublicRegisterQuery(db).StreamAsync(new RegisterQuestion(filter, null, null, Today)), () => rows++);
            if (csv)
            {
                await RegisterExport.WriteCsvAsync(output, source, Today);
            }
            else
            {
                await RegisterExport.WriteJsonLinesAsync(output, source, Today);
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {rows:N0} | {output.Length / 1024.0 / 1024.0:0.0} MiB | {seconds:0.0} | {rows / seconds:N0} | {(peakHeap - heap0) / 1024.0 / 1024.0:0.0} MiB | {(peakWs - ws0) / 1024.0 / 1024.0:0.0} MiB |"));
    }

    private static async IAsyncEnumerable<T> Count<T>(IAsyncEnumerable<T> source, Action each)
    {
        await foreach (var item in source)
        {
            each();
            yield return item;
        }
    }

    /// <summary>Discards what is written and counts it (the export's network side).</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
