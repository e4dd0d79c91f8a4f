using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Filing.Api.Infrastructure.Data;
using Filing.Core.Calendar;
using Filing.Core.Register;
using Filing.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Filing.Benchmarks.Register;

/// <summary>
/// Register at scale: seeds N documents (default 100,000) through the domain into PostgreSQL and SQLite, then measures
/// through the whole HTTP pipeline (in-process TestServer: auth, specs, EF Core, JSON) the register list query with
/// filters and cursor paging, the document fetch, and registrations per second with concurrent clients.
/// <code>
/// dotnet run -c Release --project Filing.Benchmarks -- register [--documents 100000] [--provider both|postgresql|sqlite]
///     [--postgres "Host=…;Username=…;Password=…"]   (else a durable throwaway cluster from /usr/lib/postgresql/*/bin)
/// </code>
/// A reproducible script, not a BenchmarkDotNet run: what matters is p50/p95 over a large table, not nanoseconds.
/// </summary>
internal static class RegisterLoad
{
    private const int Registrations = 1000;
    private const int Concurrency = 16;
    private static readonly string[] Topics =
    [
        "加强安全生产管理", "推进政务公开", "促进民营经济发展", "规范行政执法行为", "深化法治政府建设", "加强农村宅基地管理",
        "支持科技创新", "优化营商环境", "加强城市管理", "推进垃圾分类", "做好防汛防台工作", "加强食品安全监管",
        "促进旅游业发展", "规范政府合同管理", "推进数字化改革", "加强生态环境保护", "完善社会救助制度", "推进乡村振兴",
    ];

    private static readonly string[] Types = ["通知", "意见", "办法", "规定", "实施细则"];

    public static async Task RunAsync(string[] args)
    {
        var documents = Option(args, "--documents") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 100_000;
        var provider = (Option(args, "--provider") ?? "both").ToLowerInvariant();
        var results = new List<Row>();

        if (provider is "both" or "postgresql")
        {
            var configured = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("FILING_BENCH_POSTGRES");
            var connection = configured ?? await (await PostgresServer.StartDedicatedAsync(durable: true)).CreateDatabaseAsync("bench");

            results.AddRange(await MeasureAsync("PostgreSQL", connection, documents));
        }

        if (provider is "both" or "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"filing-bench-{Guid.NewGuid():N}.db");
            try
            {
                results.AddRange(await MeasureAsync("Sqlite", $"Data Source={file}", documents));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(file + suffix);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Register load, {documents:N0} documents, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine();
        Console.WriteLine("| database | measurement | n | p50 ms | p95 ms | p99 ms | throughput |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Database} | {r.Name} | {r.Count} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} | {r.Throughput} |");
        }
    }

    private static async Task<List<Row>> MeasureAsync(string database, string connection, int count)
    {
        await using var app = new BenchmarkApp(database, connection);
        using var warm = app.CreateClient();
        Console.Error.WriteLine($"[{database}] seeding {count:N0} documents…");
        var seedWatch = Stopwatch.StartNew();
        var seeded = await SeedAsync(app.Services, count, Registrations);
        Console.Error.WriteLine($"[{database}] seeded in {seedWatch.Elapsed.TotalSeconds:0}s");

        var rows = new List<Row>
        {
            new(database, "seed (documents with versions, steps, filings; bulk copy)", count, 0, 0, 0,
                $"{count / seedWatch.Elapsed.TotalSeconds:0} documents/s"),
        };

        var anonymous = app.CreateClient();
        var legal = app.CreateClient();
        legal.DefaultRequestHeaders.Add("X-Api-Key", "dev-legal-office");
        var bench = seeded.BenchAuthority;
        var lists = new (string Name, HttpClient Client, string Query)[]
        {
            ("list: status=in-force", anonymous, "status=in-force&limit=50"),
            ("list: authority + status", anonymous, $"issuingAuthorityId={bench}&status=in-force&limit=50"),
            ("list: type + publication year", anonymous, "type=通知&publishedFrom=2024-01-01&publishedTo=2024-12-31&limit=50"),
            ("list: title contains", anonymous, "title=安全生产&limit=20"),
            ("list: legal office (drafts + published)", legal, "limit=50"),
            ("list: expired", anonymous, "status=expired&limit=50"),
        };

        foreach (var (_, client, query) in lists)
        {
            for (var i = 0; i < 20; i++)
            {
                await GetAsync(client, "/api/v1/documents?" + query);
            }
        }

        var all = new List<double>();
        foreach (var (name, client, query) in lists)
        {
            var times = new List<double>();
            for (var i = 0; i < 100; i++)
            {
                times.Add(await TimeAsync(() => GetAsync(client, "/api/v1/documents?" + query)));
            }

            all.AddRange(times);
            rows.Add(Stats(database, name, times));
        }

        var pages = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            string? cursor = null;
            for (var page = 0; page < 20; page++)
            {
                var url = "/api/v1/documents?status=in-force&limit=50" + (cursor is null ? "" : "&cursor=" + cursor);
                JsonElement body = default;
                pages.Add(await TimeAsync(async () => body = await GetAsync(anonymous, url)));
                cursor = body.GetProperty("nextCursor").GetString();
            }
        }

        all.AddRange(pages);
        rows.Add(Stats(database, "list: cursor pages 1–20 (status=in-force)", pages));
        rows.Add(Stats(database, "list: all of the above", all));

        var random = new Random(7);
        var fetch = new List<double>();
        foreach (var id in seeded.Published.OrderBy(_ => random.Next()).Take(50))
        {
            await GetAsync(anonymous, $"/api/v1/documents/{id}");
        }

        foreach (var id in seeded.Published.OrderBy(_ => random.Next()).Take(500))
        {
            fetch.Add(await TimeAsync(() => GetAsync(anonymous, $"/api/v1/documents/{id}")));
        }

        rows.Add(Stats(database, "fetch: GET /documents/{id} (public view)", fetch));
        var insider = new List<double>();
        foreach (var id in seeded.TongluPublished.OrderBy(_ => random.Next()).Take(500))
        {
            insider.Add(await TimeAsync(() => GetAsync(legal, $"/api/v1/documents/{id}")));
        }

        rows.Add(Stats(database, "fetch: GET /documents/{id} (legal office, full record)", insider));

        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var numbers = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(Concurrency);
        var clients = Enumerable.Range(0, Concurrency).Select(_ =>
        {
            var c = app.CreateClient();
            c.DefaultRequestHeaders.Add("X-Api-Key", "dev-legal-office");
            return c;
        }).ToArray();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(seeded.Decided.Select(async (id, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var watch = Stopwatch.StartNew();
                var response = await clients[i % Concurrency].PostAsync($"/api/v1/documents/{id}/registration", null);
                response.EnsureSuccessStatusCode();
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unifiedNumber").GetString()!);
            }
            finally
            {
                gate.Release();
            }
        }));
        wall.Stop();
        var sequences = numbers.Select(x => UnifiedNumber.Parse(x).Sequence).Order().ToList();
        if (sequences.Distinct().Count() != Registrations || sequences[^1] - sequences[0] + 1 != Registrations)
        {
            throw new InvalidOperationException("Registration numbers are not distinct and consecutive.");
        }

        rows.Add(Stats(database, $"registration, {Concurrency} concurrent clients (numbers checked consecutive)", [.. latencies]) with
        {
            Throughput = $"{Registrations / wall.Elapsed.TotalSeconds:0} registrations/s",
        });
        foreach (var c in clients.Append(anonymous).Append(legal))
        {
            c.Dispose();
        }

        return rows;
    }

    private sealed record Seeded(Guid BenchAuthority, List<Guid> Published, List<Guid> TongluPublished, List<Guid> Decided);

    /// <summary>
    /// Ten more counties beside Tonglu; documents spread over them and over 2018–2026, 80 % published (some expired,
    /// some repealed), the rest at every earlier stage; plus <paramref name="decided"/> Tonglu documents awaiting
    /// registration. Built with the domain methods, saved in batches.
    /// </summary>
    private static async Task<Seeded> SeedAsync(IServiceProvider services, int count, int decided)
    {
        var random = new Random(20240906);
        var calendar = services.GetRequiredService<WorkingCalendar>();
        List<(Organisation Government, Organisation[] Departments, Organisation Legal)> counties;
        Organisation market;
        Organisation[] oversight;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
            var byCode = await db.Organisations.ToDictionaryAsync(o => o.Code);
            counties = [(byCode["tonglu-gov"], [byCode["tonglu-fgj"], byCode["tonglu-jyj"]], byCode["tonglu-sfj"])];
            for (var i = 1; i <= 10; i++)
            {
                var gov = new Organisation(Guid.CreateVersion7(), $"bench-gov-{i:00}", $"示例{i}县人民政府", OrganisationKind.Government, null, $"BNCH{i:00}");
                var dept = new Organisation(Guid.CreateVersion7(), $"bench-dept-{i:00}", $"示例{i}县发展和改革局", OrganisationKind.Department, gov.Id, null);
                var legal = new Organisation(Guid.CreateVersion7(), $"bench-legal-{i:00}", $"示例{i}县司法局", OrganisationKind.LegalOffice, gov.Id, null);
                db.Organisations.AddRange(gov, dept, legal);
                counties.Add((gov, [dept], legal));
            }

            market = byCode["tonglu-scjgj"];
            oversight = [byCode["tonglu-npc"], byCode["hangzhou-gov"], byCode["tonglu-party"]];
            await db.SaveChangesAsync();
        }

        var routes = oversight.Select(o => new FilingRoute(o, Period.Days(30))).ToList();
        var sequences = new Dictionary<(string, int), int>();
        var published = new List<Guid>();
        var tonglu = new List<Guid>();
        var decidedIds = new List<Guid>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = new DateOnly(2018, 1, 2);
        var span = today.DayNumber - start.DayNumber - 10;
        const int Batch = 500;
        for (var offset = 0; offset < count + decided; offset += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
            var batch = new List<object>(Batch * 3);
            for (var i = offset; i < Math.Min(offset + Batch, count + decided); i++)
            {
                var forRegistration = i >= count;
                var county = forRegistration ? counties[0] : counties[i % counties.Count];
                var department = county.Departments[i % county.Departments.Length];
                var day = forRegistration ? today : start.AddDays(random.Next(span));
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
                var drafter = Caller.For(department, CallerRoles.Drafter).AsActor();
                var legal = Caller.For(county.Legal, CallerRoles.LegalOffice).AsActor();
                var type = Types[random.Next(Types.Length)];
                var title = $"{county.Government.Name}关于{Topics[random.Next(Topics.Length)]}的{type}（{i}）";
                var findings = random.Next(10) < 3
                    ? new[] { new Core.Review.Finding("FC-LOCAL", Core.Review.ReviewStep.FairCompetition, Core.Review.Severity.Warning, "疑似限定本地经营者",
                        "本地企业", new Core.Review.FindingLocation("二、（一）", 12, 3, 4), [new Core.Review.LegalBasis("公平竞争审查条例", "第九条")], null) }
                    : [];
                // The documents awaiting registration get 发文字号 of their own: registration refuses one the authority already holds.
                var number = forRegistration ? $"示政登〔{day.Year}〕{i - count + 1}号" : $"示政发〔{day.Year}〕{i % 200 + 1}号";
                var doc = NormativeDocumentRecord.StartDraft(Guid.CreateVersion7(at.AddDays(-20)), county.Government, department,
                    new DraftDetails(DocumentType: type),
                    new NewVersion("draft.docx", Convert.ToHexStringLower(BitConverter.GetBytes(i)).PadLeft(64, '0'), 20_000 + i % 5000,
                        new ParsedSummary(title, type, number, null, null, 0), ReviewOutcome.Completed(findings)),
                    drafter, at.AddDays(-20));
                var roll = forRegistration ? 96 : random.Next(100);
                if (roll >= 5)
                {
                    doc.WaivePublicComment("内部管理事项", drafter, at.AddDays(-15));
                }

                if (roll >= 10)
                {
                    doc.RecordFairCompetitionSelfReview(StepOutcome.Passed, "无排除限制竞争内容", drafter, at.AddDays(-12));
                    doc.RecordFairCompetitionJointReview(StepOutcome.Passed, "同意", Caller.For(market, CallerRoles.ReviewerBody).AsActor(), at.AddDays(-10));
                    doc.RecordGenderEqualityAssessment(StepOutcome.NotApplicable, null, drafter, at.AddDays(-10));
                    doc.RecordHealthScreening(StepOutcome.NotApplicable, null, drafter, at.AddDays(-10));
                }

                if (roll >= 14)
                {
                    doc.RecordLegalityReview(StepOutcome.Passed, "合法", day.AddDays(-5), legal, at.AddDays(-5));
                }

                if (roll >= 17)
                {
                    doc.RecordCollectiveDecision("常务会议", day, day, legal, at);
                }

                if (forRegistration)
                {
                    decidedIds.Add(doc.Id);
                }
                else if (roll >= 20)
                {
                    var prefix = county.Government.UnifiedNumberPrefix!;
                    var next = sequences.GetValueOrDefault((prefix, day.Year)) + 1;
                    sequences[(prefix, day.Year)] = next;
                    doc.Register(UnifiedNumber.Create(prefix, day.Year, next), legal, at);
                    if (roll >= 20 + 3)
                    {
                        DateOnly? validUntil = random.Next(10) < 4 ? day.AddYears(random.Next(2, 6)) : null;
                        var filings = doc.Publish(new Publication(day, "政府网站", null, null, validUntil), routes, calendar, day, legal, at);
                        batch.AddRange(filings);
                        if (random.Next(10) == 0 && day.AddDays(30) < today)
                        {
                            doc.Terminate(TerminationKind.Repealed, day.AddDays(random.Next(30, Math.Max(31, today.DayNumber - day.DayNumber))), "已被新文件替代", null, legal, at);
                        }

                        published.Add(doc.Id);
                        if (county.Government.Code == "tonglu-gov")
                        {
                            tonglu.Add(doc.Id);
                        }
                    }
                }

                batch.Add(doc);
            }

            await BulkLoader.InsertAsync(db, batch);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
            foreach (var ((prefix, year), last) in sequences)
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "NumberSequences" ("Prefix", "Year", "LastValue") VALUES ({prefix}, {year}, {last})""");
            }

            // What a database that has been running for a while has: fresh statistics and, on PostgreSQL, a visibility
            // map that lets counts use index-only scans.
            await db.Database.ExecuteSqlRawAsync(db.Provider == DatabaseProvider.PostgreSQL ? "VACUUM ANALYZE" : "ANALYZE");
        }

        return new Seeded(counties[1].Government.Id, published, tonglu, decidedIds);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static Row Stats(string database, string name, IReadOnlyList<double> times)
    {
        var sorted = times.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Row(database, name, sorted.Length, At(0.50), At(0.95), At(0.99), "");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record Row(string Database, string Name, int Count, double P50, double P95, double P99, string Throughput);

    /// <summary>The API in-process, Development environment (demo keys), on the given database, logging warnings only.</summary>
    private sealed class BenchmarkApp(string provider, string connection) : WebApplicationFactory<FilingDbContext> // any type of the API assembly
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", provider);
            builder.UseSetting("ConnectionStrings:Filing", connection);
            builder.UseSetting("Demo:Register", "false"); // the generated register numbers documents itself
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
