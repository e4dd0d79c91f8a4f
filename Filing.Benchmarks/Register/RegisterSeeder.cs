using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Data.Search;
using Filing.Api.Register.Drafts;
using Filing.Api.Register.Public;
using Filing.Core.Calendar;
using Filing.Core.Documents;
using Filing.Core.Register;
using Filing.Core.Search;
using Filing.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Filing.Benchmarks.Register;

/// <summary>
/// <c>register-seed</c>: fills an empty database with a public register of generated published documents (default
/// 100,000) for the search/list/export benchmark. Every document goes the real way except HTTP: text → Word file
/// (Open XML) → reading (structure analysis) → <see cref="DraftIntake"/> (stored reading, file hash) → the domain
/// procedure (<see cref="RecordedProcedure"/>, with filings) → the search entry (<see cref="RegisterSearchIndex"/>),
/// written by EF Core in batches. About 7% are later repealed or declared invalid, 2% amended by a later document.
/// Deterministic for a given <c>--seed</c>. Ends with the maintenance a live database does by itself (ANALYZE; FTS5
/// optimize on SQLite, VACUUM ANALYZE on PostgreSQL).
/// </summary>
internal static class RegisterSeeder
{
    private static readonly (string Place, string Short)[] Counties =
        [("桐庐县", "桐"), ("淳安县", "淳"), ("建德市", "建"), ("富阳区", "富"), ("临安区", "临")];

    private static readonly string[] Departments = ["发展和改革局", "财政局", "住房和城乡建设局", "农业农村局", "教育局", "人力资源和社会保障局"];

    public static async Task RunAsync(string[] args)
    {
        var bench = BenchDatabase.Parse(args);
        var count = bench.Int("count", 100_000);
        var batch = bench.Int("batch", 500);
        var seed = bench.Int("seed", 20_180_806);
        var workers = bench.Int("workers", Environment.ProcessorCount);
        var clock = Stopwatch.StartNew();

        await using (var db = bench.Create())
        {
            await db.Database.MigrateAsync();
            if (bench.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            var existing = await db.Documents.CountAsync();
            if (existing > 0)
            {
                throw new InvalidOperationException($"The database already holds {existing} documents: seed into an empty database.");
            }
        }

        var county = await SeedOrganisationsAsync(bench);
        var authorities = county.Values.SelectMany(c => new[] { c.Government, c.Office }).ToList();
        var root = BenchmarkDocuments.Root;
        var generator = new RegisterCorpusGenerator(authorities.Select(a => a.Bench).ToList(),
            Path.Combine(root, "Filing.Benchmarks", "Data", "sources"), Path.Combine(root, "corpus", "samples"), seed);
        var calendar = WorkingCalendar.LoadDirectory(Path.Combine(root, "corpus", "calendar"));
        var analyzer = new SearchAnalyzer(JiebaTokenizer.Shared);
        JiebaTokenizer.Shared.Warm();
        var intake = new DraftIntake(new NotReviewed(), NullLogger<DraftIntake>.Instance);
        var documentNumbers = new Dictionary<(string, int), int>();
        var unifiedNumbers = new Dictionary<(string, int), int>();
        var byCode = authorities.ToDictionary(a => a.Bench.Code);
        Console.WriteLine($"register-seed: {count:N0} documents into {bench.Provider}, {generator.SentenceCount:N0} source sentences, batches of {batch}, {workers} workers");

        var published = new List<(Guid Id, string Authority, DateOnly PublishedOn)>(count);
        for (var start = 0; start < count; start += batch)
        {
            var size = Math.Min(batch, count - start);
            var items = new Built[size];
            Parallel.For(0, size, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
                items[i] = Build(generator.Generate(start + i, documentNumbers), byCode, county, intake, analyzer, calendar, unifiedNumbers));

            await using var db = bench.Create();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Documents.AddRange(items.Select(x => x.Record));
            db.VersionContents.AddRange(items.Select(x => x.Content));
            db.Filings.AddRange(items.SelectMany(x => x.Filings));
            db.RegisterSearch.AddRange(items.Select(x => x.Entry));
            await db.SaveChangesAsync();
            published.AddRange(items.Select(x => (x.Record.Id, x.Record.IssuingAuthorityId.ToString(), x.Record.PublishedOn!.Value)));
            if ((start / batch) % 20 == 0 || start + size == count)
            {
                Console.WriteLine($"  {start + size,9:N0} documents  {clock.Elapsed:hh\\:mm\\:ss}");
            }
        }

        await AmendAsync(bench, published, seed, count / 50);
        await SaveSequencesAsync(bench, unifiedNumbers);
        Console.WriteLine($"  maintenance (ANALYZE{(bench.Provider == DatabaseProvider.Sqlite ? ", FTS5 optimize" : ", VACUUM")})…");
        await using (var db = bench.Create())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            if (bench.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("INSERT INTO \"RegisterSearchFts\"(\"RegisterSearchFts\") VALUES('optimize'); ANALYZE;");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE;");
            }
        }

        await bench.EnsureTermSetsAsync(); // the bulk load writes entries only
        Console.WriteLine($"register-seed: done in {clock.Elapsed:hh\\:mm\\:ss}; database size {await bench.SizeAsync()}");
    }

    private static Built Build(
        GeneratedDocument g,
        Dictionary<string, Authority> byCode,
        Dictionary<string, County> counties,
        DraftIntake intake,
        SearchAnalyzer analyzer,
        WorkingCalendar calendar,
        Dictionary<(string, int), int> unifiedNumbers)
    {
        var authority = byCode[g.Authority.Code];
        var c = counties[authority.County];
        var department = c.Departments[g.Department];
        var reading = NormativeDocumentReader.FromText(g.Text);
        var file = Docx(g.Paragraphs);
        var taken = intake.Take($"{g.Number}.docx", file, reading);
        var drafter = new Actor(department.Id, null, department.Name);
        var at = RecordedProcedure.ChinaTime(g.DraftedOn, 9);
        var record = NormativeDocumentRecord.StartDraft(Guid.CreateVersion7(at), authority.Organisation, department,
            new DraftDetails(g.Title, null, g.Number, null, null, null), taken.Version, drafter, at);

        int sequence;
        lock (unifiedNumbers)
        {
            var key = (authority.Bench.Prefix, g.DecidedOn.Year);
            sequence = unifiedNumbers.GetValueOrDefault(key) + 1;
            unifiedNumbers[key] = sequence;
        }

        var routes = authority.Bench.IsGovernment
            ? new[] { new FilingRoute(c.Npc, Period.Days(30)) }
            : [new FilingRoute(c.Government.Organisation, Period.Days(30))];
        var filings = RecordedProcedure.Complete(record, new ProcedureDates(g.DecidedOn, "常务会议", new Publication(g.PublishedOn, g.Channel)),
            drafter, new Actor(c.Legal.Id, null, c.Legal.Name), new Actor(c.Market.Id, null, c.Market.Name),
            UnifiedNumber.Create(authority.Bench.Prefix, g.DecidedOn.Year, sequence), routes, calendar);

        // About 7% end early: repealed or declared invalid some time after publication.
        var random = new Random(HashCode.Combine(g.Index, 7));
        if (random.NextDouble() < 0.07)
        {
            var end = g.PublishedOn.AddDays(random.Next(180, 2500));
            record.Terminate(random.Next(5) == 0 ? TerminationKind.DeclaredInvalid : TerminationKind.Repealed, end, "清理决定", null,
                new Actor(c.Legal.Id, null, c.Legal.Name), RecordedProcedure.ChinaTime(g.PublishedOn, 12));
        }

        var content = new VersionContent(record.Id, 1, taken.ContentType, taken.File, taken.ParsedJson);
        var entry = RegisterSearchIndex.NewEntry(analyzer, record, reading, RecordedProcedure.ChinaTime(g.PublishedOn, 9));
        return new Built(record, content, filings, entry);
    }

    /// <summary>About 2%: an older document of an authority is amended by a later one (修改, replacedBy).</summary>
    private static async Task AmendAsync(BenchDatabase bench, List<(Guid Id, string Authority, DateOnly PublishedOn)> published, int seed, int amendments)
    {
        var random = new Random(seed);
        var byAuthority = published.GroupBy(p => p.Authority).ToDictionary(g => g.Key, g => g.OrderBy(p => p.PublishedOn).ToList());
        var done = 0;
        await using var db = bench.Create();
        for (var attempt = 0; done < amendments && attempt < amendments * 3; attempt++)
        {
            var old = published[random.Next(published.Count)];
            var later = byAuthority[old.Authority].Where(p => p.PublishedOn > old.PublishedOn.AddDays(30)).ToList();
            if (later.Count == 0)
            {
                continue;
            }

            var replacement = later[random.Next(later.Count)];
            var document = await db.Documents.SingleAsync(d => d.Id == old.Id);
            if (document.Termination is not null || document.ReplacedById is not null)
            {
                continue;
            }

            document.Terminate(TerminationKind.Amended, replacement.PublishedOn, "修订", replacement.Id,
                new Actor(document.DraftingDepartmentId, null, document.DraftingDepartmentName), RecordedProcedure.ChinaTime(replacement.PublishedOn, 9));
            if (++done % 200 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        Console.WriteLine($"  {done:N0} documents amended by later ones");
    }

    private static async Task SaveSequencesAsync(BenchDatabase bench, Dictionary<(string Prefix, int Year), int> numbers)
    {
        await using var db = bench.Create();
        foreach (var ((prefix, year), last) in numbers)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "NumberSequences" ("Prefix", "Year", "LastValue") VALUES ({prefix}, {year}, {last})
                ON CONFLICT ("Prefix", "Year") DO UPDATE SET "LastValue" = {last}
                """);
        }
    }

    private static async Task<Dictionary<string, County>> SeedOrganisationsAsync(BenchDatabase bench)
    {
        await using var db = bench.Create();
        var counties = new Dictionary<string, County>();
        var letters = new[] { "TL", "CA", "JD", "FY", "LA" };
        for (var i = 0; i < Counties.Length; i++)
        {
            var (place, brief) = Counties[i];
            var code = $"bench-{letters[i].ToLowerInvariant()}";
            var government = new Organisation(Guid.CreateVersion7(), code + "-gov", $"{place}人民政府", OrganisationKind.Government, null, $"A{letters[i]}D00");
            var office = new Organisation(Guid.CreateVersion7(), code + "-office", $"{place}人民政府办公室", OrganisationKind.Department, government.Id, $"A{letters[i]}B00");
            var legal = new Organisation(Guid.CreateVersion7(), code + "-sfj", $"{place}司法局", OrganisationKind.LegalOffice, government.Id, null);
            var market = new Organisation(Guid.CreateVersion7(), code + "-scjg", $"{place}市场监督管理局", OrganisationKind.MarketRegulation, government.Id, null);
            var npc = new Organisation(Guid.CreateVersion7(), code + "-npc", $"{place}人大常委会法制工作委员会", OrganisationKind.NpcFilingOffice, null, null);
            var departments = Departments.Select((d, n) =>
                new Organisation(Guid.CreateVersion7(), $"{code}-d{n}", place + d, OrganisationKind.Department, government.Id, null)).ToList();
            db.Organisations.AddRange([government, office, legal, market, npc, .. departments]);
            db.FilingRequirements.Add(new FilingRequirement(Guid.CreateVersion7(), government.Id, npc.Id, Period.Days(30)));
            db.FilingRequirements.Add(new FilingRequirement(Guid.CreateVersion7(), office.Id, government.Id, Period.Days(30)));
            counties[code] = new County(
                new Authority(code, government, new BenchAuthority(code + "-gov", government.Name, place, brief + "政发", government.UnifiedNumberPrefix!, true)),
                new Authority(code, office, new BenchAuthority(code + "-office", office.Name, place, brief + "政办发", office.UnifiedNumberPrefix!, false)),
                legal, market, npc, departments);
        }

        await db.SaveChangesAsync();
        return counties;
    }

    private static byte[] Docx(IReadOnlyList<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p =>
                new Paragraph(new Run(new Text(p) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })))));
        }

        return stream.ToArray();
    }

    private sealed record Built(NormativeDocumentRecord Record, VersionContent Content, IReadOnlyList<OversightFiling> Filings, RegisterSearchEntry Entry);

    private sealed record Authority(string County, Organisation Organisation, BenchAuthority Bench);

    private sealed record County(Authority Government, Authority Office, Organisation Legal, Organisation Market, Organisation Npc, List<Organisation> Departments);

    private sealed class NotReviewed : IDraftReviewer
    {
        public ReviewOutcome Review(NormativeDocument document) => ReviewOutcome.Unavailable("benchmark data");
    }
}
