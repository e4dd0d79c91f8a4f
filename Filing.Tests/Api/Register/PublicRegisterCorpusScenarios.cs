using System.Net;
using System.Text.Json;
using Filing.Tests.TestSupport;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Register;

/// <summary>
/// Queries of the public register over a fixed corpus with exact expected answers (ids, order, totals). The same class
/// runs on SQLite (FTS5) and on PostgreSQL (tsvector): passing on both is the proof that they answer alike.
/// </summary>
public abstract class PublicRegisterCorpusScenarios : IAsyncLifetime
{
    protected PublicRegisterCorpusScenarios(FilingApiFactory factory)
    {
        Factory = factory;
        Client = new RegisterClient(factory);
    }

    protected FilingApiFactory Factory { get; }

    protected RegisterClient Client { get; }

    protected RegisterCorpus Corpus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Corpus = await RegisterCorpus.OfAsync(Factory);
        Factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("", "Roads,Manage,Subsidy,RuleOfLaw,Invest")]
    [InlineData("q=招商引资", "Invest,Manage")]
    [InlineData("q=%22法治政府%22", "RuleOfLaw")]
    [InlineData("q=法治政府", "RuleOfLaw")]
    [InlineData("q=补贴 OR 奖励", "Subsidy,Invest")]
    [InlineData("q=补贴&titleOnly=true", "Subsidy")]
    [InlineData("q=招商引资&titleOnly=true", "Invest")]
    [InlineData("q=企业 -补贴", "Invest")]
    [InlineData("q=政府 -%22法治政府%22&sort=publishedOn", "Invest,Subsidy,Manage,Roads")]
    [InlineData("q=临时占用", "Roads")]
    [InlineData("q=鲟鱼", "")]
    [InlineData("status=expired", "RuleOfLaw")]
    [InlineData("status=repealed", "Roads")]
    [InlineData("status=in-force", "Manage,Subsidy,Invest")]
    [InlineData("status=expired,repealed", "Roads,RuleOfLaw")]
    [InlineData("status=expired&status=repealed", "Roads,RuleOfLaw")]
    [InlineData("inForceOn=2020-03-01", "Subsidy,RuleOfLaw,Invest")]
    [InlineData("inForceOn=2022-01-01", "Roads,Manage,Subsidy,Invest")]
    [InlineData("inForceOn=2023-01-01", "Manage,Subsidy,Invest")]
    [InlineData("year=2020", "Manage,Subsidy")]
    [InlineData("publishedFrom=2019-06-01&publishedTo=2020-05-20", "Manage,Subsidy,RuleOfLaw")]
    [InlineData("effectiveFrom=2020-02-01&effectiveTo=2020-02-01", "Subsidy")]
    [InlineData("type=意见", "Invest")]
    [InlineData("type=实施意见,办法", "Roads,Subsidy,RuleOfLaw")]
    [InlineData("sort=publishedOn", "Invest,RuleOfLaw,Subsidy,Manage,Roads")]
    [InlineData("sort=-effectiveDate", "Roads,Manage,Subsidy,RuleOfLaw,Invest")]
    [InlineData("documentNumber=桐政发[2019]5号", "Invest")]
    [InlineData("documentNumber=桐政发 （2019） 第005号", "Invest")]
    [InlineData("q=桐政发【2020】9号", "Manage")]
    [InlineData("q=桐 政 发［２０２０］９号", "Manage")]
    [InlineData("documentNumber=桐 政 发［２０１９］第００５号", "Invest")]
    [InlineData("q=招商引资&status=in-force&year=2020", "Manage")]
    public async Task AnswersExactly_GivenQuery(string query, string expected)
    {
        var page = await Client.GetOkAsync(Anonymous, "/api/v1/register?limit=50&" + query);

        var names = page.GetProperty("items").EnumerateArray().Select(i => Corpus.NameOf(i.GetProperty("id").GetGuid())).ToList();
        names.Should().Equal(expected.Length == 0 ? [] : expected.Split(','), $"query “{query}”");
        page.GetProperty("total").GetInt32().Should().Be(names.Count);
        page.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task NeverShowsDraft_GivenAnyCallerOrRoute()
    {
        var draft = Corpus["Draft"];

        foreach (var key in new[] { Anonymous, Drafter, Legal, Admin })
        {
            var page = await Client.GetOkAsync(key, "/api/v1/register?limit=200&q=鲟鱼 OR 养殖 OR 补贴");
            page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().NotContain(draft);
            (await Client.GetAsync(key, $"/api/v1/register/{draft}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await Client.GetAsync(key, $"/api/v1/register/{draft}/file")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await Client.GetAsync(key, $"/api/v1/register/{draft}/timeline")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        var facets = await Client.GetOkAsync(Admin, "/api/v1/register/facets");
        facets.GetProperty("total").GetInt32().Should().Be(5);
        var export = await (await Client.GetAsync(Admin, "/api/v1/register/export?format=jsonl")).Content.ReadAsStringAsync();
        export.Should().NotContain(draft.ToString());
    }

    [Fact]
    public async Task HighlightsTitleAndSnippet_GivenSearch()
    {
        var page = await Client.GetOkAsync(Anonymous, "/api/v1/register?q=招商引资");
        var invest = page.GetProperty("items")[0];
        var manage = page.GetProperty("items")[1];

        var title = invest.GetProperty("title").GetString()!;
        var mark = invest.GetProperty("titleHighlights")[0];
        title.Substring(mark.GetProperty("start").GetInt32(), mark.GetProperty("length").GetInt32()).Should().Be("招商引资");
        invest.GetProperty("score").GetInt32().Should().BeGreaterThan(manage.GetProperty("score").GetInt32());

        manage.GetProperty("titleHighlights").GetArrayLength().Should().Be(0);
        var snippet = manage.GetProperty("snippet");
        var text = snippet.GetProperty("text").GetString()!;
        text.Should().Contain("招商引资文件应当经公平竞争审查");
        var s = snippet.GetProperty("highlights")[0];
        text.Substring(s.GetProperty("start").GetInt32(), s.GetProperty("length").GetInt32()).Should().Be("招商引资");
    }

    [Fact]
    public async Task PagesWithoutGapsOrRepeats_GivenSmallPages()
    {
        foreach (var query in new[] { "sort=-publishedOn", "sort=publishedOn", "sort=-effectiveDate", "q=政府", "q=政府&sort=effectiveDate" })
        {
            var all = await Client.GetOkAsync(Anonymous, "/api/v1/register?limit=200&" + query);
            var expected = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

            var seen = new List<Guid>();
            string? cursor = null;
            do
            {
                var page = await Client.GetOkAsync(Anonymous, $"/api/v1/register?limit=2&{query}" + (cursor is null ? "" : $"&cursor={cursor}"));
                page.GetProperty("total").GetInt32().Should().Be(expected.Count);
                seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
                cursor = page.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);

            seen.Should().Equal(expected, query);
        }
    }

    [Fact]
    public async Task Refuses400WithReasons_GivenBadParameters()
    {
        var tooMany = await Client.GetAsync(Anonymous, "/api/v1/register?limit=201");
        var errors = await Problem(tooMany);
        errors.GetProperty("limit")[0].GetString().Should().Contain("200");

        var bad = await Problem(await Client.GetAsync(Anonymous,
            "/api/v1/register?status=draft&inForceOn=2020-13-01&issuingAuthorityId=x&sort=title&year=12&unifiedNumber=abc"));
        bad.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("status", "inForceOn", "issuingAuthorityId", "sort", "year", "unifiedNumber");
        bad.GetProperty("status")[0].GetString().Should().Contain("in-force").And.Contain("declared-invalid");

        (await Problem(await Client.GetAsync(Anonymous, "/api/v1/register?q=。。。"))).GetProperty("q")[0].GetString().Should().Contain("no searchable word");
        (await Problem(await Client.GetAsync(Anonymous, "/api/v1/register?sort=relevance"))).GetProperty("sort")[0].GetString().Should().Contain("q");
        (await Problem(await Client.GetAsync(Anonymous, "/api/v1/register?cursor=garbage"))).TryGetProperty("cursor", out _).Should().BeTrue();
        (await Problem(await Client.GetAsync(Anonymous, "/api/v1/register/export?format=xlsx"))).TryGetProperty("format", out _).Should().BeTrue();

        var first = await Client.GetOkAsync(Anonymous, "/api/v1/register?limit=1");
        var cursor = first.GetProperty("nextCursor").GetString();
        (await Problem(await Client.GetAsync(Anonymous, $"/api/v1/register?limit=1&status=in-force&cursor={cursor}")))
            .GetProperty("cursor")[0].GetString().Should().Contain("same filters");
    }

    [Fact]
    public async Task CountsFacets_GivenSameFilters()
    {
        var all = await Client.GetOkAsync(Anonymous, "/api/v1/register/facets");
        all.GetProperty("total").GetInt32().Should().Be(5);
        Facet(all, "statuses").Should().BeEquivalentTo(new Dictionary<string, int> { ["in-force"] = 3, ["expired"] = 1, ["repealed"] = 1 });
        Facet(all, "years").Should().BeEquivalentTo(new Dictionary<string, int> { ["2019"] = 2, ["2020"] = 2, ["2021"] = 1 });
        Facet(all, "documentTypes").Should().BeEquivalentTo(new Dictionary<string, int> { ["意见"] = 1, ["实施意见"] = 1, ["办法"] = 2, ["通知"] = 1 });
        var authority = all.GetProperty("issuingAuthorities").EnumerateArray().Single();
        authority.GetProperty("value").GetString().Should().Be(TongluGovernment.ToString());
        authority.GetProperty("label").GetString().Should().Be("桐庐县人民政府");
        authority.GetProperty("count").GetInt32().Should().Be(5);

        var searched = await Client.GetOkAsync(Anonymous, "/api/v1/register/facets?q=招商引资");
        searched.GetProperty("total").GetInt32().Should().Be(2);
        Facet(searched, "years").Should().BeEquivalentTo(new Dictionary<string, int> { ["2019"] = 1, ["2020"] = 1 });
    }

    [Fact]
    public async Task ExplainsStatusAndServesTextAndFile_GivenExpiredDocument()
    {
        var id = Corpus["RuleOfLaw"];
        var detail = await Client.GetOkAsync(Anonymous, $"/api/v1/register/{id}");

        var status = detail.GetProperty("status");
        status.GetProperty("value").GetString().Should().Be("expired");
        status.GetProperty("since").GetString().Should().Be("2021-01-01");
        status.GetProperty("reason").GetString().Should().Be("validity-ended");
        status.GetProperty("summary").GetString().Should().Be("有效期至2020年12月31日届满，自2021年1月1日起失效。");
        detail.GetProperty("validUntil").GetString().Should().Be("2020-12-31");
        detail.GetProperty("documentNumber").GetString().Should().Be("桐政发〔2019〕18号");
        var text = detail.GetProperty("text");
        text.GetProperty("form").GetString().Should().Be("outline");
        text.GetProperty("outline").EnumerateArray().Select(o => o.GetProperty("label").GetString()).Should().Equal("一、", "二、");
        text.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetProperty("text").GetString()).Should().Contain("一、加快建设法治政府。");

        var number = detail.GetProperty("unifiedNumber").GetString()!;
        var byNumber = await Client.GetOkAsync(Anonymous, $"/api/v1/register/{Uri.EscapeDataString(number.ToLowerInvariant().Replace('-', '－'))}");
        byNumber.GetProperty("id").GetGuid().Should().Be(id);

        var file = await Client.GetAsync(Anonymous, detail.GetProperty("file").GetProperty("url").GetString()!);
        file.StatusCode.Should().Be(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        file.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("桐庐县深化法治政府建设实施意见.docx");
        (await file.Content.ReadAsByteArrayAsync()).Length.Should().Be(detail.GetProperty("file").GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task ExplainsRepeal_GivenRepealedDocument()
    {
        var detail = await Client.GetOkAsync(Anonymous, $"/api/v1/register/{Corpus["Roads"]}");

        detail.GetProperty("status").GetProperty("value").GetString().Should().Be("repealed");
        detail.GetProperty("status").GetProperty("since").GetString().Should().Be("2023-01-01");
        detail.GetProperty("status").GetProperty("summary").GetString().Should().Be("自2023年1月1日起废止（已被新规定替代）。");
        detail.GetProperty("termination").GetProperty("kind").GetString().Should().Be("repealed");
        detail.GetProperty("text").GetProperty("form").GetString().Should().Be("articles");
        detail.GetProperty("text").GetProperty("articles").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task ShowsPublicEventsOnly_GivenTimeline()
    {
        var timeline = await Client.GetOkAsync(Anonymous, $"/api/v1/register/{Corpus["Roads"]}/timeline");
        var events = timeline.GetProperty("items").EnumerateArray().ToList();

        events.Select(e => e.GetProperty("kind").GetString()).Should().ContainInOrder(
            "drafted", "public-comment-waived", "fair-competition-review", "fair-competition-joint-review", "gender-equality-assessment",
            "health-screening", "legality-review", "collective-decision", "registration", "publication", "filed", "in-force", "repealed");
        events.Select(e => e.GetProperty("date").GetString()).Should().BeInAscendingOrder(StringComparer.Ordinal);
        var legality = events.Single(e => e.GetProperty("kind").GetString() == "legality-review");
        legality.GetProperty("outcome").GetString().Should().Be("passed");
        legality.GetProperty("by").GetProperty("name").GetString().Should().Be("桐庐县司法局");
        events.Single(e => e.GetProperty("kind").GetString() == "repealed").GetProperty("date").GetString().Should().Be("2023-01-01");
        timeline.GetProperty("total").GetInt32().Should().Be(events.Count);

        var raw = timeline.GetRawText();
        raw.Should().NotContain("仅涉及行政机关内部工作程序", "the reason for not holding public comment is internal");
        raw.Should().NotContain("不含排除、限制竞争内容", "review opinions are internal");
        raw.Should().NotContain("dev-", "API key labels never appear");
    }

    [Fact]
    public async Task ExportsWholeRegister_GivenCsvAndJsonLines()
    {
        var csv = await Client.GetAsync(Anonymous, "/api/v1/register/export");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        csv.Content.Headers.ContentDisposition!.FileName.Should().Be("register-2024-09-06.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("id,title,documentNumber,unifiedNumber,documentType,status,");
        lines.Should().HaveCount(6);
        lines[1].Should().Contain("桐庐县人民政府关于加强招商引资工作的意见").And.Contain(",in-force,");
        lines.Should().Contain(l => l.Contains(",repealed,", StringComparison.Ordinal) && l.Contains("2023-01-01", StringComparison.Ordinal));

        var jsonl = await (await Client.GetAsync(Anonymous, "/api/v1/register/export?format=jsonl&status=expired")).Content.ReadAsStringAsync();
        var rows = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        rows.Should().ContainSingle().Which.GetProperty("id").GetGuid().Should().Be(Corpus["RuleOfLaw"]);
        rows[0].GetProperty("status").GetString().Should().Be("expired");
    }

    private static Dictionary<string, int> Facet(JsonElement facets, string name) =>
        facets.GetProperty(name).EnumerateArray().ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var body = await Json(response);
        body.GetProperty("code").GetString().Should().Be("validation-failed");
        return body.GetProperty("errors");
    }
}

public sealed class SqlitePublicRegisterCorpusScenarios(FilingApiFactory factory)
    : PublicRegisterCorpusScenarios(factory), IClassFixture<FilingApiFactory>;

public sealed class PostgresPublicRegisterCorpusScenarios(PostgresApiFactory factory)
    : PublicRegisterCorpusScenarios(factory), IClassFixture<PostgresApiFactory>;

/// <summary>The same answers with the result cache off: the SQL paging path (cached answers are slices of a ranking).</summary>
public sealed class SqliteUncachedPublicRegisterCorpusScenarios(UncachedApiFactory factory)
    : PublicRegisterCorpusScenarios(factory), IClassFixture<UncachedApiFactory>;

public sealed class PostgresUncachedPublicRegisterCorpusScenarios(UncachedPostgresApiFactory factory)
    : PublicRegisterCorpusScenarios(factory), IClassFixture<UncachedPostgresApiFactory>;
