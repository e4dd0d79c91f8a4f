using System.Text.Json;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Register.Public;
using Filing.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Register;

/// <summary>
/// The public register's result cache (totals, facets and rankings kept per instance under the register version):
/// three instances on one database, two with the cache and one without. An answer changes the moment the register
/// does, whichever instance made the change, and cached pages are exactly the database's pages, cursor for cursor.
/// Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class RegisterResultCacheScenarios(ResultCacheInstances instances)
{
    private readonly SharedDatabaseApiFactory _cached = instances.Cached;
    private readonly SharedDatabaseApiFactory _other = instances.Other;
    private readonly SharedDatabaseApiFactory _uncached = instances.Uncached;
    private readonly SharedDatabaseApiFactory _refreshing = instances.Refreshing;

    [Fact]
    public async Task AnswersChangeAtOnce_GivenPublicationAndRepealOnAnotherInstance()
    {
        var reader = new RegisterClient(_cached);
        var writer = new RegisterClient(_other);
        async Task<int> Total(string query) => (await reader.GetOkAsync(Anonymous, "/api/v1/register?" + query)).GetProperty("total").GetInt32();
        async Task<int> FacetTotal(string query) => (await reader.GetOkAsync(Anonymous, "/api/v1/register/facets?" + query)).GetProperty("total").GetInt32();
        var all = await Total("");
        var repealed = await Total("status=repealed");
        (await Total("q=白茶")).Should().Be(0);
        (await FacetTotal("q=白茶")).Should().Be(0);

        var id = await writer.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕41号", "桐庐县白茶产业扶持办法", "第一条 扶持白茶种植。"));
        await writer.TakeToAsync(id, "published");

        (await Total("q=白茶")).Should().Be(1, "the cached “no match” was for the register before the publication");
        (await FacetTotal("q=白茶")).Should().Be(1);
        (await Total("")).Should().Be(all + 1);
        (await reader.GetOkAsync(Anonymous, "/api/v1/register?q=白茶")).GetProperty("items")[0].GetProperty("id").GetGuid().Should().Be(id);
        (await Total("q=白茶&status=in-force")).Should().Be(1);

        await writer.PostOkAsync(Drafter, $"/api/v1/documents/{id}/repeal", new { date = "2024-09-06", reason = "政策调整" });

        (await Total("q=白茶&status=in-force")).Should().Be(0);
        (await Total("q=白茶&status=repealed")).Should().Be(1);
        (await Total("status=repealed")).Should().Be(repealed + 1);
        var statuses = (await reader.GetOkAsync(Anonymous, "/api/v1/register/facets?q=白茶")).GetProperty("statuses");
        statuses.EnumerateArray().Select(s => (s.GetProperty("value").GetString(), s.GetProperty("count").GetInt32())).Should().Equal(("repealed", 1));
    }

    [Theory]
    [InlineData("q=扶持")]
    [InlineData("q=扶持&sort=publishedOn")]
    [InlineData("q=扶持&sort=-publishedOn")]
    [InlineData("q=扶持&sort=effectiveDate")]
    [InlineData("q=扶持&sort=-effectiveDate")]
    [InlineData("q=茶叶 OR 竹笋")]
    [InlineData("q=扶持 -竹笋")]
    [InlineData("q=%22扶持茶叶%22")]
    [InlineData("q=%22茶叶%22")]
    [InlineData("q=%22竹笋市场%22&titleOnly=true")]
    [InlineData("q=扶持 -%22茶叶种植%22")]
    [InlineData("q=%22茶叶种植%22 OR 竹笋")]
    [InlineData("q=办法 -茶叶&titleOnly=true")]
    [InlineData("q=办法&titleOnly=true")]
    [InlineData("q=扶持&year=2023")]
    [InlineData("q=扶持&status=in-force&sort=effectiveDate")]
    [InlineData("sort=-publishedOn")]
    [InlineData("sort=publishedOn")]
    [InlineData("sort=-effectiveDate")]
    [InlineData("sort=effectiveDate")]
    [InlineData("year=2023&sort=publishedOn")]
    [InlineData("status=in-force&sort=-effectiveDate")]
    [InlineData("inForceOn=2023-04-01")]
    [InlineData("type=办法,意见&publishedFrom=2023-03-01&publishedTo=2024-01-15")]
    [InlineData("effectiveFrom=2023-01-01&sort=effectiveDate")]
    public async Task PagesEqualDatabasePages_GivenCursorWalk(string query)
    {
        var cached = new RegisterClient(_cached);
        var uncached = new RegisterClient(_uncached);

        var (cachedIds, cachedTotal, cachedScores) = await WalkAsync(cached, query);
        var (databaseIds, databaseTotal, databaseScores) = await WalkAsync(uncached, query);

        cachedIds.Should().NotBeEmpty().And.Equal(databaseIds, query);
        cachedScores.Should().Equal(databaseScores, "the ranks computed in memory are the ranks computed in SQL");
        (await WalkAsync(new RegisterClient(_refreshing), query)).Ids.Should().Equal(databaseIds, "without bodies held, phrases are tested in the database");
        cachedIds.Should().OnlyHaveUniqueItems();
        cachedTotal.Should().Be(databaseTotal).And.Be(cachedIds.Count);

        // Cursors are the same on both: a page asked of one instance continues on the other (a load balancer's view).
        var first = await cached.GetOkAsync(Anonymous, $"/api/v1/register?limit=2&{query}");
        var cursor = first.GetProperty("nextCursor").GetString();
        if (cursor is not null)
        {
            var next = await uncached.GetOkAsync(Anonymous, $"/api/v1/register?limit=2&{query}&cursor={Uri.EscapeDataString(cursor)}");
            Ids(next).Should().Equal(databaseIds.Skip(2).Take(2));
        }
    }

    [Fact]
    public async Task LoadsSnapshotInBackground_GivenPublicationOnAnotherInstance()
    {
        var writer = new RegisterClient(_other);
        var cache = _refreshing.Services.GetRequiredService<RegisterResultCache>();
        await using var before = _refreshing.Services.CreateAsyncScope();
        var db = before.ServiceProvider.GetRequiredService<FilingDbContext>();
        async Task<long> Version() => await db.EventLogState.AsNoTracking().Where(s => s.Id == 1).Select(s => s.RegisterVersion).SingleAsync();

        var id = await writer.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕42号", "桐庐县山核桃产业扶持办法", "第一条 扶持山核桃种植。"));
        await writer.TakeToAsync(id, "published");
        var version = await Version();

        // No request reaches the refreshing instance: its background check (every second) loads the new state.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!cache.HoldsSnapshot(version) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        cache.HoldsSnapshot(version).Should().BeTrue("the refresher loads the snapshot of a changed register");
        var page = await new RegisterClient(_refreshing).GetOkAsync(Anonymous, "/api/v1/register?q=山核桃");
        Ids(page).Should().Equal(id);
    }

    [Fact]
    public async Task UpdatesSnapshotFromChangedDocumentsOnly_GivenChangesOnAnotherInstance()
    {
        var reader = new RegisterClient(_cached);
        var writer = new RegisterClient(_other);
        var cache = _cached.Services.GetRequiredService<RegisterResultCache>();
        await reader.GetOkAsync(Anonymous, "/api/v1/register"); // holds the current state's snapshot
        var before = cache.Held!.Value.Snapshot.Count;

        // Publication days that tie with held documents, so the re-read ones merge into the middle of both orders.
        _other.Clock.Set(new DateTimeOffset(2023, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var kept = await writer.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕43号", "桐庐县香榧产业扶持办法", "第一条 扶持香榧种植。"));
        await writer.TakeToAsync(kept, "published", "2023-03-01");
        _other.Clock.Set(new DateTimeOffset(2023, 5, 10, 2, 0, 0, TimeSpan.Zero));
        var repealed = await writer.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕44号", "桐庐县蜂蜜产业扶持办法", "第一条 扶持养蜂。"));
        await writer.TakeToAsync(repealed, "published", "2023-05-10");
        _other.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        await writer.PostOkAsync(Drafter, $"/api/v1/documents/{repealed}/repeal", new { date = "2024-09-06", reason = "政策调整" });
        await writer.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕45号", "桐庐县香榧市场管理办法", "第一条 规范香榧市场。")); // a draft

        Ids(await reader.GetOkAsync(Anonymous, "/api/v1/register?q=香榧")).Should().Equal(kept);
        Ids(await reader.GetOkAsync(Anonymous, "/api/v1/register?q=养蜂&status=repealed")).Should().Equal(repealed);

        var held = cache.Held!.Value.Snapshot;
        held.DocumentsRead.Should().Be(2, "only the two changed documents are read again, not the register");
        held.Count.Should().Be(before + 2);
        await using var scope = _cached.Services.CreateAsyncScope();
        var fresh = await RegisterSnapshot.LoadAsync(scope.ServiceProvider.GetRequiredService<FilingDbContext>(), CancellationToken.None);
        held.Contents().Should().Equal(fresh.Contents(), "an updated snapshot is the snapshot a full read makes");
        held.EffectiveOrder().Should().Equal(fresh.EffectiveOrder());
    }

    [Fact]
    public async Task CarriesRankingsToNewState_GivenPublicationAndRepealOnAnotherInstance()
    {
        var reader = new RegisterClient(_cached);
        var writer = new RegisterClient(_other);
        var cache = _cached.Services.GetRequiredService<RegisterResultCache>();
        string[] questions =
        [
            "q=扶持", "q=扶持&sort=publishedOn", "q=扶持&sort=-effectiveDate", "q=扶持&status=in-force&sort=effectiveDate",
            "q=茶叶 OR 竹笋", "q=扶持 -竹笋", "q=%22扶持茶叶%22", "q=办法&titleOnly=true", "q=茶叶&year=2023", "q=枸杞",
        ];

        // A matching document the rankings hold, on a day it ties with others.
        _other.Clock.Set(new DateTimeOffset(2023, 5, 10, 2, 0, 0, TimeSpan.Zero));
        var repealed = await writer.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕48号", "桐庐县茶叶加工扶持办法", "第一条 扶持茶叶加工。"));
        await writer.TakeToAsync(repealed, "published", "2023-05-10");
        foreach (var question in questions)
        {
            await WalkAsync(reader, question);
        }

        var carried = cache.RankingsCarried;

        // Then: it is repealed, and new matching documents are published on days held documents have, and one later.
        _other.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        await writer.PostOkAsync(Drafter, $"/api/v1/documents/{repealed}/repeal", new { date = "2024-09-06", reason = "政策调整" });
        var published = new List<Guid>();
        foreach (var (number, title, clause, date) in new[]
                 {
                     ("桐政发〔2024〕49号", "桐庐县扶持茶叶竹笋合作社办法", "第一条 扶持茶叶和竹笋合作社。", "2023-03-01"),
                     ("桐政发〔2024〕50号", "桐庐县枸杞种植意见", "一、扶持枸杞种植，扶持茶叶套种。", "2024-01-15"),
                     ("桐政发〔2024〕51号", "桐庐县茶叶市场扶持办法", "第一条 扶持茶叶市场。", "2024-09-06"),
                 })
        {
            _other.Clock.Set(new DateTimeOffset(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
            var id = await writer.UploadAsync(RegisterCorpus.Draft(number, title, clause));
            await writer.TakeToAsync(id, "published", date);
            published.Add(id);
        }

        _other.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        foreach (var question in questions)
        {
            var (ids, total, scores) = await WalkAsync(reader, question);
            var (databaseIds, databaseTotal, databaseScores) = await WalkAsync(new RegisterClient(_uncached), question);
            ids.Should().Equal(databaseIds, question);
            scores.Should().Equal(databaseScores, question);
            total.Should().Be(databaseTotal, question);
        }

        cache.RankingsCarried.Should().BeGreaterThanOrEqualTo(carried + questions.Length,
            "each question's ranking is brought up to date from the four changed documents, not made again");
        Ids(await reader.GetOkAsync(Anonymous, "/api/v1/register?q=枸杞")).Should().Equal(published[1]);
        (await WalkAsync(reader, "q=扶持&status=in-force&sort=effectiveDate")).Ids.Should().NotContain(repealed).And.Contain(published);
    }

    [Fact]
    public async Task SearchesWordsOnce_GivenListFacetsAndRefinementsOfSameWords()
    {
        var reader = new RegisterClient(_cached);
        var uncached = new RegisterClient(_uncached);
        var cache = _cached.Services.GetRequiredService<RegisterResultCache>();
        var searched = cache.MatchesSearched;
        string[] questions = ["q=竹笋 市场&sort=-publishedOn", "q=竹笋 市场", "q=竹笋 市场&status=in-force", "q=竹笋 市场&year=2024&sort=effectiveDate"];

        foreach (var question in questions)
        {
            var (ids, total, scores) = await WalkAsync(reader, question);
            var (databaseIds, databaseTotal, databaseScores) = await WalkAsync(uncached, question);
            ids.Should().NotBeEmpty().And.Equal(databaseIds, question);
            scores.Should().Equal(databaseScores, question);
            total.Should().Be(databaseTotal, question);
        }

        var facets = await reader.GetOkAsync(Anonymous, "/api/v1/register/facets?q=竹笋 市场");
        facets.GetRawText().Should().Be((await uncached.GetOkAsync(Anonymous, "/api/v1/register/facets?q=竹笋 市场")).GetRawText());
        cache.MatchesSearched.Should().Be(searched + 1, "the words' matches are read once and ranked in memory for each order and filter");
    }

    [Fact]
    public async Task AnswersAsDatabase_GivenEntriesWithoutTermSetsThenBackfilled()
    {
        var reader = new RegisterClient(_cached);
        var uncached = new RegisterClient(_uncached);
        var cache = _cached.Services.GetRequiredService<RegisterResultCache>();
        async Task AnswersEqual(string[] questions)
        {
            foreach (var question in questions)
            {
                var (ids, total, scores) = await WalkAsync(reader, question);
                var (databaseIds, databaseTotal, databaseScores) = await WalkAsync(uncached, question);
                ids.Should().NotBeEmpty().And.Equal(databaseIds, question);
                scores.Should().Equal(databaseScores, question);
                total.Should().Be(databaseTotal, question);
            }
        }

        // Three documents lose their term sets (as entries indexed before term sets existed): the save names them, so
        // the instance's snapshot update reads them without one.
        await using (var scope = _other.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
            var documents = await db.RegisterSearch.Where(e => e.Title.Contains("扶持")).OrderBy(e => e.Id).Select(e => e.DocumentId).Take(3).ToListAsync();
            var sets = await db.RegisterSearchTermSets.Where(s => documents.Contains(s.DocumentId)).ToListAsync();
            sets.Should().HaveCount(3);
            db.RegisterSearchTermSets.RemoveRange(sets);
            await db.SaveChangesAsync();
        }

        var held = cache.MatchesHeld;
        string[] before = ["q=扶持 发展", "q=%22扶持%22 OR 市场", "q=茶叶 -%22品牌%22", "q=扶持办法"];
        await AnswersEqual(before);
        cache.Held!.Value.Snapshot.UnindexedCount.Should().Be(3);
        cache.MatchesHeld.Should().Be(held + before.Length, "the word index answers; the database tests only the three documents without a term set");

        await using (var scope = _other.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<Filing.Api.Infrastructure.Data.Search.RegisterSearchIndex>().BackfillTermSetsAsync(CancellationToken.None))
                .Should().Be(3);
        }

        string[] after = ["q=扶持 产业", "q=%22扶持%22 OR 农场", "q=竹笋 -%22销售%22", "q=扶持意见"];
        await AnswersEqual(after);
        cache.Held!.Value.Snapshot.UnindexedCount.Should().Be(0, "the backfilled sets are picked up from the change rows of their save");
        cache.MatchesHeld.Should().Be(held + before.Length + after.Length);
    }

    [Fact]
    public async Task ReadsWholeRegister_GivenChangeRowsMissing()
    {
        var reader = new RegisterClient(_cached);
        var writer = new RegisterClient(_other);
        var cache = _cached.Services.GetRequiredService<RegisterResultCache>();
        await reader.GetOkAsync(Anonymous, "/api/v1/register");
        var heldVersion = cache.Held!.Value.Version;

        var id = await writer.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕46号", "桐庐县杨梅产业扶持办法", "第一条 扶持杨梅种植。"));
        await writer.TakeToAsync(id, "published");
        await using (var scope = _other.Services.CreateAsyncScope())
        {
            // E.g. pruned while this instance was idle: its update cannot be trusted, so it reads everything.
            await scope.ServiceProvider.GetRequiredService<FilingDbContext>().RegisterChanges.Where(c => c.Version > heldVersion).ExecuteDeleteAsync();
        }

        Ids(await reader.GetOkAsync(Anonymous, "/api/v1/register?q=杨梅")).Should().Equal(id);
        var held = cache.Held!.Value.Snapshot;
        held.DocumentsRead.Should().Be(held.Count);
    }

    [Fact]
    public async Task PrunesOldChangeRows_GivenVersionReachesPruneInterval()
    {
        var writer = new RegisterClient(_other);
        var reader = new RegisterClient(_cached);
        await reader.GetOkAsync(Anonymous, "/api/v1/register");
        await using var scope = _other.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        var current = await db.EventLogState.AsNoTracking().Where(s => s.Id == 1).Select(s => s.RegisterVersion).SingleAsync();
        (await db.RegisterChanges.CountAsync()).Should().BeGreaterThan(0);

        // The next change lands on a multiple of the prune interval far enough ahead that every row so far is too old.
        var every = Filing.Api.Feeds.RegisterEventInterceptor.PruneChangesEvery;
        var target = ((current + Filing.Api.Feeds.RegisterEventInterceptor.RetainedChangeVersions) / every + 1) * every;
        await db.Database.ExecuteSqlAsync($"""UPDATE "EventLogState" SET "RegisterVersion" = {target - 1} WHERE "Id" = 1""");
        var id = await writer.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕47号", "桐庐县枇杷产业扶持办法", "第一条 扶持枇杷种植。"));
        await writer.TakeToAsync(id, "published");

        var left = await db.RegisterChanges.AsNoTracking().Select(c => new { c.Version, c.DocumentId }).ToListAsync();
        left.Should().NotBeEmpty().And.OnlyContain(c => c.Version >= target, "rows of versions more than the retained number behind are deleted");
        left.Select(c => c.DocumentId).Should().Contain(id);

        // An instance whose snapshot is older than the kept rows reads everything again, and answers correctly.
        Ids(await reader.GetOkAsync(Anonymous, "/api/v1/register?q=枇杷")).Should().Equal(id);
        CacheOf(_cached).Held!.Value.Snapshot.DocumentsRead.Should().Be(CacheOf(_cached).Held!.Value.Snapshot.Count);

        static RegisterResultCache CacheOf(SharedDatabaseApiFactory factory) => factory.Services.GetRequiredService<RegisterResultCache>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=扶持")]
    [InlineData("q=茶叶 OR 竹笋")]
    [InlineData("q=%22扶持茶叶%22")]
    [InlineData("q=市场&titleOnly=true")]
    [InlineData("year=2023")]
    [InlineData("status=in-force")]
    [InlineData("status=repealed,in-force")]
    [InlineData("inForceOn=2023-04-01")]
    [InlineData("type=办法")]
    [InlineData("q=扶持&publishedFrom=2023-05-10")]
    public async Task FacetsEqualDatabaseFacets_GivenQuestion(string query)
    {
        var cached = await new RegisterClient(_cached).GetOkAsync(Anonymous, "/api/v1/register/facets?" + query);
        var database = await new RegisterClient(_uncached).GetOkAsync(Anonymous, "/api/v1/register/facets?" + query);

        cached.GetProperty("total").GetInt32().Should().BeGreaterThan(0, query);
        cached.GetRawText().Should().Be(database.GetRawText(), query);
    }

    private static async Task<(List<Guid> Ids, int Total, List<int?> Scores)> WalkAsync(RegisterClient client, string query)
    {
        var ids = new List<Guid>();
        var scores = new List<int?>();
        string? cursor = null;
        var total = -1;
        do
        {
            var page = await client.GetOkAsync(Anonymous,
                $"/api/v1/register?limit=2&{query}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            total = page.GetProperty("total").GetInt32();
            ids.AddRange(Ids(page));
            scores.AddRange(page.GetProperty("items").EnumerateArray()
                .Select(i => i.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : (int?)null));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && ids.Count < 100);

        return (ids, total, scores);
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}

/// <summary>
/// Three instances on one database (cached, cached, uncached) and nine published documents that share words and
/// publication days, so that ranks and dates tie and the id decides the order.
/// </summary>
public abstract class ResultCacheInstances : IAsyncLifetime
{
    public SharedDatabaseApiFactory Cached { get; private set; } = null!;

    public SharedDatabaseApiFactory Other { get; private set; } = null!;

    public SharedDatabaseApiFactory Uncached { get; private set; } = null!;

    /// <summary>
    /// A cached instance that loads the snapshot of a changed register in the background, every second, and holds no
    /// bodies (its phrase tests go to the database).
    /// </summary>
    public SharedDatabaseApiFactory Refreshing { get; private set; } = null!;

    protected abstract Task<(string Provider, string Connection)> DatabaseAsync();

    public async Task InitializeAsync()
    {
        var (provider, connection) = await DatabaseAsync();
        Cached = new SharedDatabaseApiFactory(provider, connection);
        Cached.CreateClient().Dispose(); // migrate and seed once, before the other instances start
        Other = new SharedDatabaseApiFactory(provider, connection);
        Other.CreateClient().Dispose();
        Uncached = new SharedDatabaseApiFactory(provider, connection, resultCacheRows: 0);
        Uncached.CreateClient().Dispose();
        Refreshing = new SharedDatabaseApiFactory(provider, connection, snapshotRefreshSeconds: 1, heldBodyTextMiB: 0);
        Refreshing.CreateClient().Dispose();

        var writer = new RegisterClient(Other);
        var set = new (string Number, string Title, string Clause, string Date)[]
        {
            ("桐政发〔2023〕1号", "桐庐县茶叶产业扶持办法", "第一条 扶持茶叶种植。", "2023-03-01"),
            ("桐政发〔2023〕2号", "桐庐县竹笋产业扶持办法", "第一条 扶持竹笋加工。", "2023-03-01"),
            ("桐政发〔2023〕3号", "桐庐县民宿经济发展意见", "一、扶持茶叶民宿融合发展。", "2023-03-01"),
            ("桐政发〔2023〕4号", "桐庐县农业产业化实施意见", "一、继续扶持茶叶和竹笋产业。", "2023-05-10"),
            ("桐政发〔2023〕5号", "桐庐县扶持茶叶品牌建设办法", "第一条 扶持茶叶品牌。", "2023-05-10"),
            ("桐政发〔2024〕6号", "桐庐县农村电商扶持办法", "第一条 扶持农村电商。", "2024-01-15"),
            ("桐政发〔2024〕7号", "桐庐县茶叶市场管理办法", "第一条 规范茶叶市场。", "2024-01-15"),
            ("桐政发〔2024〕8号", "桐庐县竹笋市场管理办法", "第一条 规范竹笋市场，扶持竹笋销售。", "2024-01-15"),
            ("桐政发〔2024〕9号", "桐庐县家庭农场扶持意见", "一、扶持家庭农场发展茶叶种植。", "2024-06-01"),
        };
        foreach (var (number, title, clause, date) in set)
        {
            var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
            Other.Clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
            var id = await writer.UploadAsync(RegisterCorpus.Draft(number, title, clause));
            await writer.TakeToAsync(id, "published", date);
        }

        Other.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
    }

    public virtual async Task DisposeAsync()
    {
        await Cached.DisposeAsync();
        await Other.DisposeAsync();
        await Uncached.DisposeAsync();
        await Refreshing.DisposeAsync();
    }
}

public sealed class SqliteResultCacheInstances : ResultCacheInstances
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"filing-cache-{Guid.NewGuid():N}.db");

    protected override Task<(string Provider, string Connection)> DatabaseAsync() => Task.FromResult(("Sqlite", $"Data Source={_file}"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }
}

public sealed class PostgresResultCacheInstances : ResultCacheInstances
{
    protected override async Task<(string Provider, string Connection)> DatabaseAsync() =>
        ("PostgreSQL", await (await PostgresServer.GetAsync()).CreateDatabaseAsync("cache"));
}

public sealed class SqliteRegisterResultCacheScenarios(SqliteResultCacheInstances instances)
    : RegisterResultCacheScenarios(instances), IClassFixture<SqliteResultCacheInstances>;

public sealed class PostgresRegisterResultCacheScenarios(PostgresResultCacheInstances instances)
    : RegisterResultCacheScenarios(instances), IClassFixture<PostgresResultCacheInstances>;
