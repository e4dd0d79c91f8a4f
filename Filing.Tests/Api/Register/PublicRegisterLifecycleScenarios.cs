using System.Net;
using Filing.Tests.TestSupport;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Register;

/// <summary>
/// The public register while the register changes: publication makes a document searchable in the same request,
/// a repeal shows at once, pages stay stable while documents are published, amendments can be compared. Runs on
/// SQLite and PostgreSQL.
/// </summary>
public abstract class PublicRegisterLifecycleScenarios
{
    protected PublicRegisterLifecycleScenarios(FilingApiFactory factory)
    {
        Factory = factory;
        Factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        Client = new RegisterClient(factory);
    }

    protected FilingApiFactory Factory { get; }

    protected RegisterClient Client { get; }

    /// <summary>Uploads and publishes on <paramref name="date"/> (the clock walks there and back: steps cannot be back-dated).</summary>
    private async Task<Guid> PublishOnAsync(byte[] file, string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Factory.Clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        var id = await Client.UploadAsync(file);
        await Client.TakeToAsync(id, "published", date);
        Factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        return id;
    }

    [Fact]
    public async Task FindsSeedDocument_GivenTextNumberAndPointInTime()
    {
        var id = await PublishOnAsync(TestDocx.Seed(), "2018-08-07");

        foreach (var query in new[]
                 {
                     "q=法治政府", "q=%22深化法治政府建设%22", "documentNumber=桐政发[2018]47号", "documentNumber=桐政发〔2018〕47号",
                     "q=桐政发(2018)47号", "inForceOn=2019-01-01",
                 })
        {
            var page = await Client.GetOkAsync(Anonymous, "/api/v1/register?limit=200&" + query);
            page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(id, query);
        }

        var hit = (await Client.GetOkAsync(Anonymous, "/api/v1/register?documentNumber=桐政发[2018]47号")).GetProperty("items")[0];
        hit.GetProperty("documentNumber").GetString().Should().Be("桐政发〔2018〕47号");
        hit.GetProperty("title").GetString().Should().Be("桐庐县人民政府关于印发《桐庐县深化法治政府建设实施意见(2018-2020年)》的通知");
        hit.GetProperty("status").GetString().Should().Be("in-force");
        hit.GetProperty("publishedOn").GetString().Should().Be("2018-08-07");
        hit.GetProperty("unifiedNumber").GetString().Should().StartWith("ATLD00-2018-");
    }

    [Fact]
    public async Task LeavesOutLaterPublication_GivenPointInTimeBeforeIt()
    {
        // A retroactive date in the text: an unpublished document is no basis for administration, so it takes effect
        // on publication, and the point-in-time filter (which also says "published by then") never reaches back.
        var id = await Client.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕52号", "桐庐县古树名木保护办法",
            "第一条 加强古树名木保护。", "第二条 本办法自2019年1月1日起施行。"));
        await Client.TakeToAsync(id, "published", "2024-09-06");
        var record = await Client.GetOkAsync(Anonymous, $"/api/v1/register/{id}");
        record.GetProperty("effectiveDate").GetString().Should().Be("2024-09-06");

        async Task<List<Guid>> InForceOn(string day) =>
            [.. (await Client.GetOkAsync(Anonymous, $"/api/v1/register?limit=200&q=古树名木&inForceOn={day}")).GetProperty("items")
                .EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
        (await InForceOn("2020-01-01")).Should().BeEmpty();
        (await InForceOn("2024-09-05")).Should().BeEmpty();
        (await InForceOn("2024-09-06")).Should().Equal(id);
    }

    [Fact]
    public async Task IndexesOnPublicationAndShowsRepealAtOnce_GivenLifecycle()
    {
        var id = await Client.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕31号", "桐庐县茶叶产业扶持办法", "第一条 扶持白茶种植。"));
        await Client.TakeToAsync(id, "registered");
        (await Client.GetOkAsync(Anonymous, "/api/v1/register?q=白茶")).GetProperty("total").GetInt32().Should().Be(0, "registered is not published");

        await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/publication", new { date = "2024-09-06", channel = "政府公报" });
        var found = await Client.GetOkAsync(Anonymous, "/api/v1/register?q=白茶");
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Equal(id);

        await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/repeal", new { date = "2024-09-06", reason = "政策调整" });
        var repealed = await Client.GetOkAsync(Anonymous, "/api/v1/register?q=白茶&status=repealed");
        repealed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Equal(id);
        repealed.GetProperty("items")[0].GetProperty("endedOn").GetString().Should().Be("2024-09-06");
        (await Client.GetOkAsync(Anonymous, "/api/v1/register?q=白茶&status=in-force")).GetProperty("total").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task KeepsPagesStable_GivenPublicationBetweenPages()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await PublishOnAsync(RegisterCorpus.Draft($"桐政发〔2024〕{40 + i}号", $"桐庐县人民政府关于稳定分页第{i}批试点的通知", "一、稳定分页。"), $"2024-09-0{i + 1}"));
        }

        const string query = "/api/v1/register?q=稳定分页&limit=2&sort=-publishedOn";
        var first = await Client.GetOkAsync(Anonymous, query);
        first.GetProperty("total").GetInt32().Should().Be(4);
        var late = await Client.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕49号", "桐庐县人民政府关于稳定分页第九批试点的通知", "一、稳定分页。"));
        await Client.TakeToAsync(late, "published", "2024-09-06");

        var second = await Client.GetOkAsync(Anonymous, query + "&cursor=" + first.GetProperty("nextCursor").GetString());
        second.GetProperty("total").GetInt32().Should().Be(5, "the total is honest: it counts the new document");
        first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("id").GetGuid())
            .Should().Equal(ids[3], ids[2], ids[1], ids[0]);
    }

    [Fact]
    public async Task ComparesAmendedWithOriginal_GivenReplacement()
    {
        var original = await PublishOnAsync(RegisterCorpus.Draft("桐政发〔2023〕7号", "桐庐县农村宅基地管理办法",
            "第一条 为加强农村宅基地管理，制定本办法。", "第二条 宅基地申请由村民委员会审核。", "第三条 本办法自公布之日起施行。"), "2024-09-02");
        var amended = await Client.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕50号", "桐庐县农村宅基地管理办法",
            "第一条 为加强农村宅基地管理，制定本办法。", "第二条 宅基地申请由村民委员会审核，报乡镇人民政府审批。",
            "第三条 宅基地审批实行网上办理。", "第四条 本办法自公布之日起施行。"));
        await Client.TakeToAsync(amended, "published", "2024-09-06");
        await Client.PostOkAsync(Drafter, $"/api/v1/documents/{original}/repeal", new { date = "2024-09-06", kind = "amended", replacedBy = amended });

        var detail = await Client.GetOkAsync(Anonymous, $"/api/v1/register/{amended}");
        detail.GetProperty("replaces")[0].GetProperty("id").GetGuid().Should().Be(original);
        var diff = await Client.GetOkAsync(Anonymous, detail.GetProperty("links").GetProperty("diff").GetString()!);

        diff.GetProperty("from").GetProperty("documentId").GetGuid().Should().Be(original);
        diff.GetProperty("to").GetProperty("documentId").GetGuid().Should().Be(amended);
        diff.GetProperty("basis").GetString().Should().Be("articles");
        var changes = diff.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("fromPath").GetString(), c.GetProperty("toPath").GetString())).ToList();
        changes.Should().Equal(("changed", "第二条", "第二条"), ("added", null, "第三条"), ("renumbered", "第三条", "第四条"));
        var change = diff.GetProperty("changes")[0];
        change.GetProperty("segments").EnumerateArray().Should().Contain(s =>
            s.GetProperty("operation").GetString() == "insert" && s.GetProperty("text").GetString() == "，报乡镇人民政府审批");
        diff.GetProperty("summary").GetProperty("unchanged").GetInt32().Should().BeGreaterThanOrEqualTo(1);

        var old = await Client.GetOkAsync(Anonymous, $"/api/v1/register/{original}");
        old.GetProperty("status").GetProperty("value").GetString().Should().Be("amended");
        old.GetProperty("termination").GetProperty("replacedBy").GetProperty("id").GetGuid().Should().Be(amended);
        var timeline = await Client.GetOkAsync(Anonymous, $"/api/v1/register/{amended}/timeline");
        timeline.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).Should().Contain("amends");

        (await Client.GetAsync(Anonymous, $"/api/v1/register/{original}/diff?from=1")).StatusCode.Should().Be(HttpStatusCode.OK, "version 1 is the published one");
        (await Client.GetAsync(Anonymous, $"/api/v1/register/{original}/diff")).StatusCode.Should().Be(HttpStatusCode.BadRequest, "it amended nothing");
        (await Client.GetAsync(Anonymous, $"/api/v1/register/{original}/diff?from={Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HidesDraftVersionsFromPublic_GivenVersionNumbers()
    {
        var id = await Client.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕60号", "桐庐县公共停车场管理办法", "第一条 规范停车场管理。", "第二条 收费标准另行公布。"));
        await Client.UploadResponseAsync(Drafter, RegisterCorpus.Draft("桐政发〔2024〕60号", "桐庐县公共停车场管理办法", "第一条 规范公共停车场管理。", "第二条 收费标准另行公布。"),
            path: $"/api/v1/documents/{id}/versions");
        await Client.TakeToAsync(id, "published");

        (await Client.GetAsync(Anonymous, $"/api/v1/register/{id}/diff?from=1&to=2")).StatusCode.Should().Be(HttpStatusCode.NotFound, "drafts are internal");
        var insider = await Client.GetOkAsync(Drafter, $"/api/v1/register/{id}/diff?from=1&to=2");
        insider.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).Should().Equal("changed");
    }

    [Fact]
    public async Task Answers404_GivenUnknownKeys()
    {
        (await Client.GetAsync(Anonymous, $"/api/v1/register/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.GetAsync(Anonymous, "/api/v1/register/ATLD00-1999-0001")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var problem = await Client.GetAsync(Anonymous, "/api/v1/register/not-a-number");
        problem.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Json(problem)).GetProperty("code").GetString().Should().Be("not-found");
    }
}

public sealed class SqlitePublicRegisterLifecycleScenarios(FilingApiFactory factory)
    : PublicRegisterLifecycleScenarios(factory), IClassFixture<FilingApiFactory>;

public sealed class PostgresPublicRegisterLifecycleScenarios(PostgresApiFactory factory)
    : PublicRegisterLifecycleScenarios(factory), IClassFixture<PostgresApiFactory>;
