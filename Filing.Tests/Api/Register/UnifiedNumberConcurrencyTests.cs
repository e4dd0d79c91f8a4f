using System.Net;
using Filing.Api.Infrastructure.Data;
using Filing.Core.Register;
using Filing.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Register;

/// <summary>
/// Two app instances on one database take 64 registrations at once: every document gets a number, no number is given
/// twice, none is skipped. Runs on PostgreSQL (row lock on the counter) and SQLite (database write lock).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the factories through IAsyncLifetime.DisposeAsync.")]
public abstract class UnifiedNumberConcurrencyTests : IAsyncLifetime
{
    private const int Registrations = 64;
    private SharedDatabaseApiFactory _first = null!;
    private SharedDatabaseApiFactory _second = null!;

    protected abstract Task<(string Provider, string Connection)> DatabaseAsync();

    public async Task InitializeAsync()
    {
        var (provider, connection) = await DatabaseAsync();
        _first = new SharedDatabaseApiFactory(provider, connection);
        _first.CreateClient().Dispose(); // start (migrate, seed) one instance before the other
        _second = new SharedDatabaseApiFactory(provider, connection);
        _second.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task GivesDistinctConsecutiveNumbers_GivenConcurrentRegistrationsOnTwoInstances()
    {
        var ids = await SeedDecidedDocumentsAsync(Registrations);
        var clients = new[] { new RegisterClient(_first).As(Legal), new RegisterClient(_second).As(Legal) };
        using var start = new SemaphoreSlim(0, Registrations);

        var tasks = ids.Select((id, i) => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await clients[i % 2].PostAsync($"/api/v1/documents/{id}/registration", null);
        })).ToList();
        start.Release(Registrations);
        var responses = await Task.WhenAll(tasks);

        foreach (var response in responses)
        {
            await Expect(response, HttpStatusCode.OK);
        }

        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await Json(response)).GetProperty("unifiedNumber").GetString()!);
        }

        numbers.Should().OnlyHaveUniqueItems();
        numbers.Select(n => UnifiedNumber.Parse(n).Sequence).Order().Should().Equal(Enumerable.Range(1, Registrations));
        numbers.Should().OnlyContain(n => n.StartsWith("ATLD00-2024-", StringComparison.Ordinal));

        await using var scope = _first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        (await db.NumberSequences.SingleAsync(s => s.Prefix == "ATLD00" && s.Year == 2024)).LastValue.Should().Be(Registrations);
        var stored = await db.Documents.Where(d => ids.Contains(d.Id)).Select(d => d.UnifiedNumber).ToListAsync();
        stored.Should().BeEquivalentTo(numbers);
    }

    [Fact]
    public async Task RegistersOnceAndSkipsNoNumber_GivenSameDocumentRegisteredConcurrently()
    {
        var ids = await SeedDecidedDocumentsAsync(2);
        var clients = new[] { new RegisterClient(_first).As(Legal), new RegisterClient(_second).As(Legal) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => clients[i % 2].PostAsync($"/api/v1/documents/{ids[0]}/registration", null)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(7);
        var first = UnifiedNumber.Parse((await Json(responses.Single(r => r.IsSuccessStatusCode))).GetProperty("unifiedNumber").GetString()!);
        var next = UnifiedNumber.Parse((await Json(await clients[1].PostAsync($"/api/v1/documents/{ids[1]}/registration", null))).GetProperty("unifiedNumber").GetString()!);
        next.Sequence.Should().Be(first.Sequence + 1, "refused registrations gave their numbers back");
    }

    [Fact]
    public async Task RegistersExactlyOne_GivenConcurrentRegistrationsOfOneDocumentNumber()
    {
        var number = TestDocx.NextDocumentNumber();
        string[] spellings = [number, number.Replace('〔', '[').Replace('〕', ']'), number.Replace("〕", "〕 ")];
        var ids = await SeedDecidedDocumentsAsync(8, i => spellings[i % spellings.Length]);

        var responses = await RegisterAllAtOnceAsync(ids);

        await ShouldRegisterExactlyOneAsync(ids, responses);
        await using var scope = _first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        (await db.NumberSequences.SingleAsync(s => s.Prefix == "ATLD00" && s.Year == 2024)).LastValue.Should().Be(1, "refused registrations gave their numbers back");
    }

    [Fact]
    public async Task RegistersExactlyOne_GivenConcurrentDuplicatesEitherSideOfNewYear()
    {
        // One instance's clock reads 23:59:59 on 31 December in Beijing, the other's 00:00:00 on 1 January: the two draw
        // from different yearly counters, so only the authority's own lock keeps them from both taking the number. Only
        // the first registration of each year can race, so the test runs several rounds, each with a number of its own.
        _first.Clock.Set(new DateTimeOffset(2024, 12, 31, 15, 59, 59, TimeSpan.Zero));
        _second.Clock.Set(new DateTimeOffset(2024, 12, 31, 16, 0, 0, TimeSpan.Zero));
        const int Rounds = 6;
        for (var round = 0; round < Rounds; round++)
        {
            var number = TestDocx.NextDocumentNumber();
            var ids = await SeedDecidedDocumentsAsync(4, _ => number);

            var responses = await RegisterAllAtOnceAsync(ids);

            await ShouldRegisterExactlyOneAsync(ids, responses);
        }

        await using var scope = _first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        (await db.NumberSequences.SumAsync(s => s.LastValue)).Should().Be(Rounds, "no refused registration kept a number, in either year");
    }

    private async Task<HttpResponseMessage[]> RegisterAllAtOnceAsync(List<Guid> ids)
    {
        var clients = new[] { new RegisterClient(_first).As(Legal), new RegisterClient(_second).As(Legal) };
        using var start = new SemaphoreSlim(0, ids.Count);
        var tasks = ids.Select((id, i) => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await clients[i % 2].PostAsync($"/api/v1/documents/{id}/registration", null);
        })).ToList();
        start.Release(ids.Count);
        return await Task.WhenAll(tasks);
    }

    private async Task ShouldRegisterExactlyOneAsync(List<Guid> ids, HttpResponseMessage[] responses)
    {
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        var winner = ids[Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK)];
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await Expect(refused, HttpStatusCode.Conflict);
            var problem = await Json(refused);
            problem.GetProperty("code").GetString().Should().Be("duplicate-document-number");
            problem.GetProperty("existingDocument").GetProperty("id").GetGuid().Should().Be(winner);
        }

        await using var scope = _first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        (await db.Documents.CountAsync(d => ids.Contains(d.Id) && d.UnifiedNumber != null)).Should().Be(1);
    }

    /// <summary>Documents taken to the collective decision directly through the domain and the database (fast).</summary>
    private async Task<List<Guid>> SeedDecidedDocumentsAsync(int count, Func<int, string>? documentNumber = null)
    {
        await using var scope = _first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        var orgs = await db.Organisations.ToDictionaryAsync(o => o.Code);
        var drafter = Caller.For(orgs["tonglu-fgj"], CallerRoles.Drafter).AsActor();
        var market = Caller.For(orgs["tonglu-scjgj"], CallerRoles.ReviewerBody).AsActor();
        var legal = Caller.For(orgs["tonglu-sfj"], CallerRoles.LegalOffice).AsActor();
        var now = _first.Clock.GetUtcNow();
        var today = new DateOnly(2024, 9, 6);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var doc = NormativeDocumentRecord.StartDraft(Guid.CreateVersion7(), orgs["tonglu-gov"], orgs["tonglu-fgj"],
                new DraftDetails(DocumentNumber: documentNumber?.Invoke(i) ?? TestDocx.NextDocumentNumber()),
                RegisterTestData.Version($"桐庐县人民政府关于并发登记测试的通知（{i}）"), drafter, now);
            doc.WaivePublicComment("测试", drafter, now);
            doc.RecordFairCompetitionSelfReview(StepOutcome.Passed, null, drafter, now);
            doc.RecordFairCompetitionJointReview(StepOutcome.Passed, null, market, now);
            doc.RecordGenderEqualityAssessment(StepOutcome.NotApplicable, null, drafter, now);
            doc.RecordHealthScreening(StepOutcome.NotApplicable, null, drafter, now);
            doc.RecordLegalityReview(StepOutcome.Passed, null, today, legal, now);
            doc.RecordCollectiveDecision("县政府常务会议", today, today, legal, now);
            db.Documents.Add(doc);
            ids.Add(doc.Id);
        }

        await db.SaveChangesAsync();
        return ids;
    }
}

public sealed class PostgresUnifiedNumberConcurrencyTests : UnifiedNumberConcurrencyTests
{
    protected override async Task<(string Provider, string Connection)> DatabaseAsync() =>
        ("PostgreSQL", await (await PostgresServer.GetAsync()).CreateDatabaseAsync("numbers"));
}

public sealed class SqliteUnifiedNumberConcurrencyTests : UnifiedNumberConcurrencyTests, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"filing-numbers-{Guid.NewGuid():N}.db");

    protected override Task<(string Provider, string Connection)> DatabaseAsync() => Task.FromResult(("Sqlite", $"Data Source={_file}"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }
}
