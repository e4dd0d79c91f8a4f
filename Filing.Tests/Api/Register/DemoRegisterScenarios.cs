using Filing.Api.Register.Public;
using Filing.Tests.TestSupport;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Register;

/// <summary>
/// The issue's done-when against the Development demo data: the seed document is found by text, by 发文字号 (as a
/// citizen types it) and by point in time; the other demo documents show expiry, repeal and an amendment with its diff.
/// </summary>
public abstract class DemoRegisterScenarios
{
    protected DemoRegisterScenarios(FilingApiFactory factory)
    {
        Factory = factory;
        Factory.Clock.Set(new DateTimeOffset(2025, 6, 2, 2, 0, 0, TimeSpan.Zero));
        Client = new RegisterClient(factory);
    }

    protected FilingApiFactory Factory { get; }

    protected RegisterClient Client { get; }

    [Theory]
    [InlineData("q=法治政府")]
    [InlineData("q=桐政发[2018]47号")]
    [InlineData("documentNumber=桐政发[2018]47号")]
    [InlineData("inForceOn=2019-01-01")]
    public async Task FindsSeedDocument_GivenDoneWhenQueries(string query)
    {
        var page = await Client.GetOkAsync(Anonymous, "/api/v1/register?" + query);

        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("documentNumber").GetString()).Should().Contain("桐政发〔2018〕47号");
    }

    [Fact]
    public async Task PublishesDemoDocumentsOnce_GivenRepeatedSeeding()
    {
        var before = await Client.GetOkAsync(Anonymous, "/api/v1/register/facets");
        await Factory.Services.SeedDemoRegisterAsync(RepoRoot.Path("corpus", "demo", "register", "published.json"));
        var after = await Client.GetOkAsync(Anonymous, "/api/v1/register/facets");

        before.GetProperty("total").GetInt32().Should().Be(7);
        after.GetProperty("total").GetInt32().Should().Be(7);
        before.GetProperty("statuses").EnumerateArray().ToDictionary(s => s.GetProperty("value").GetString()!, s => s.GetProperty("count").GetInt32())
            .Should().BeEquivalentTo(new Dictionary<string, int> { ["in-force"] = 4, ["expired"] = 1, ["repealed"] = 1, ["amended"] = 1 });
    }

    [Fact]
    public async Task ShowsExpiryRepealAndAmendment_GivenDemoDocuments()
    {
        var expired = (await Client.GetOkAsync(Anonymous, "/api/v1/register?status=expired")).GetProperty("items")[0];
        expired.GetProperty("documentNumber").GetString().Should().Be("青政办发〔2019〕58号");
        var detail = await Client.GetOkAsync(Anonymous, expired.GetProperty("url").GetString()!);
        detail.GetProperty("status").GetProperty("summary").GetString().Should().Be("有效期至2024年12月31日届满，自2025年1月1日起失效。");
        detail.GetProperty("text").GetProperty("articles").GetArrayLength().Should().Be(17);

        var amended = (await Client.GetOkAsync(Anonymous, "/api/v1/register?status=amended")).GetProperty("items")[0];
        amended.GetProperty("documentNumber").GetString().Should().Be("青政发〔2020〕21号");
        var revision = (await Client.GetOkAsync(Anonymous, "/api/v1/register?documentNumber=青政发〔2024〕8号")).GetProperty("items")[0];
        var diff = await Client.GetOkAsync(Anonymous, $"/api/v1/register/{revision.GetProperty("id").GetGuid()}/diff");
        diff.GetProperty("from").GetProperty("documentId").GetGuid().Should().Be(amended.GetProperty("id").GetGuid());
        var kinds = diff.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).ToList();
        kinds.Should().Equal("changed", "changed", "added", "renumbered", "changed");

        var repealed = (await Client.GetOkAsync(Anonymous, "/api/v1/register?status=repealed")).GetProperty("items")[0];
        repealed.GetProperty("endedOn").GetString().Should().Be("2021-01-01");
        var timeline = await Client.GetOkAsync(Anonymous, $"/api/v1/register/{repealed.GetProperty("id").GetGuid()}/timeline");
        timeline.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("kind").GetString())
            .Should().ContainInOrder("drafted", "collective-decision", "registration", "publication", "filed", "filing-received", "filing-review-opinion", "repealed");
    }
}

public sealed class DemoRegisterApiFactory : FilingApiFactory
{
    public override bool SeedDemoRegister => true;
}

public sealed class PostgresDemoRegisterApiFactory : PostgresApiFactory
{
    public override bool SeedDemoRegister => true;
}

public sealed class SqliteDemoRegisterScenarios(DemoRegisterApiFactory factory) : DemoRegisterScenarios(factory), IClassFixture<DemoRegisterApiFactory>;

public sealed class PostgresDemoRegisterScenarios(PostgresDemoRegisterApiFactory factory) : DemoRegisterScenarios(factory), IClassFixture<PostgresDemoRegisterApiFactory>;
