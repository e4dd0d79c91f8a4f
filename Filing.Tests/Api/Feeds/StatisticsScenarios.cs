using System.Net;
using System.Text;
using System.Text.Json;
using Filing.Tests.TestSupport;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Feeds;

/// <summary>Statistics against a hand count of a scripted year of filings, on SQLite and on PostgreSQL.</summary>
public abstract class StatisticsScenarios
{
    private const string Hangzhou = "dev-hangzhou";

    protected StatisticsScenarios(FilingApiFactory factory)
    {
        Factory = factory;
        Client = new RegisterClient(factory);
    }

    protected FilingApiFactory Factory { get; }

    protected RegisterClient Client { get; }

    [Fact]
    public async Task MatchHandCount_GivenFilingsOnTimeLateReturnedReviewedAndCorrected()
    {
        // Tonglu files every document with three bodies (县人大, 县委, 市政府), each within 30 days of publication.
        // D1, published 2023-03-01 and recorded that day: all three filed on time. 县人大: no problem. 县委: correction, corrected.
        At("2023-03-01");
        var d1 = await Client.UploadAsync();
        await Client.TakeToAsync(d1, "published", "2023-03-01");
        At("2023-03-02");
        var d1Npc = await FilingAsync(d1, Npc);
        await Client.PostOkAsync(Npc, $"/api/v1/filings/{d1Npc}/receipt");
        await Client.PostOkAsync(Npc, $"/api/v1/filings/{d1Npc}/opinion", new { opinion = "no-problem" });
        var d1Party = await FilingAsync(d1, Party);
        await Client.PostOkAsync(Party, $"/api/v1/filings/{d1Party}/receipt");
        await Client.PostOkAsync(Party, $"/api/v1/filings/{d1Party}/opinion", new { opinion = "correction-required", text = "第三条表述不当" });
        At("2023-03-10");
        await Client.PostOkAsync(Legal, $"/api/v1/filings/{d1Party}/correction", new { note = "已修改第三条" });

        // D2, published 2023-06-01: 县人大 returns it and it is never resubmitted (not filed, overdue); 县委 revokes it
        // (filed on time); 市政府 returns it and it is resubmitted on 08-01, after the due date (filed, late).
        At("2023-06-01");
        var d2 = await Client.UploadAsync();
        await Client.TakeToAsync(d2, "published", "2023-06-01");
        At("2023-06-02");
        await Client.PostOkAsync(Npc, $"/api/v1/filings/{await FilingAsync(d2, Npc)}/return", new { reason = "缺少起草说明" });
        var d2Hangzhou = await FilingAsync(d2, Hangzhou);
        await Client.PostOkAsync(Hangzhou, $"/api/v1/filings/{d2Hangzhou}/return", new { reason = "缺少合法性审核意见" });
        var d2Party = await FilingAsync(d2, Party);
        await Client.PostOkAsync(Party, $"/api/v1/filings/{d2Party}/receipt");
        await Client.PostOkAsync(Party, $"/api/v1/filings/{d2Party}/opinion", new { opinion = "revocation", text = "超越职权" });
        At("2023-08-01");
        await Client.PostOkAsync(Drafter, $"/api/v1/filings/{d2Hangzhou}/resubmission", new { note = "已补充" });

        // D3, published 2023-09-01 but recorded (and so filed) only on 11-01: all three late. 县人大: correction by 12-01, never made.
        At("2023-08-30");
        var d3 = await Client.UploadAsync();
        await Client.TakeToAsync(d3, "approved");
        At("2023-11-01");
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{d3}/collective-decision", new { meeting = "县政府常务会议", date = "2023-09-01" });
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{d3}/registration");
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{d3}/publication", new { date = "2023-09-01", channel = "政府公报" });
        var d3Npc = await FilingAsync(d3, Npc);
        await Client.PostOkAsync(Npc, $"/api/v1/filings/{d3Npc}/receipt");
        await Client.PostOkAsync(Npc, $"/api/v1/filings/{d3Npc}/opinion", new { opinion = "correction-required", text = "第五条无上位法依据", correctionDueDate = "2023-12-01" });

        // D4 is published in 2024; D5 is a draft that never is.
        At("2024-01-10");
        var d4 = await Client.UploadAsync();
        await Client.TakeToAsync(d4, "published", "2024-01-10");
        await Client.UploadAsync();
        At("2024-03-01");

        var year = await Client.GetOkAsync(Anonymous, "/api/v1/statistics?authority=tonglu-gov&year=2023");
        year.GetProperty("issuingAuthority").GetProperty("name").GetString().Should().Be("桐庐县人民政府");
        year.GetProperty("from").GetString().Should().Be("2023-01-01");
        year.GetProperty("to").GetString().Should().Be("2023-12-31");
        year.GetProperty("asOf").GetString().Should().Be("2024-03-01");
        year.GetProperty("documents").GetProperty("published").GetInt32().Should().Be(3, "D1, D2, D3");
        Figures(year, "filings").Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["due"] = 9m,              // 3 documents × 3 bodies
            ["filed"] = 8m,            // all but D2 to 县人大 (returned, never resubmitted)
            ["filedOnTime"] = 4m,      // D1 × 3, D2 to 县委; D2 to 市政府 was resubmitted late, D3 recorded late
            ["overdue"] = 1m,          // D2 to 县人大
            ["filingRate"] = 0.8889m, // 8 / 9
            ["timelyFilingRate"] = 0.4444m, // 4 / 9
        });
        Figures(year, "filingReview").Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["reviewed"] = 4m,         // D1 县人大, D1 县委, D2 县委, D3 县人大
            ["noProblem"] = 1m,
            ["correctionRequired"] = 2m,
            ["revoked"] = 1m,
            ["correctionRate"] = 0.75m, // (2 + 1) / 4
        });
        Figures(year, "corrections").Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["required"] = 2m,
            ["completed"] = 1m,        // D1 县委
            ["overdue"] = 1m,          // D3 县人大, due 2023-12-01
            ["completionRate"] = 0.5m,
        });
        year.GetProperty("objections").GetProperty("recorded").GetBoolean().Should().BeFalse("the participation feature has not landed");
        year.GetProperty("objections").GetProperty("answeredWithinDeadlineRate").ValueKind.Should().Be(JsonValueKind.Null);
        year.GetProperty("comments").GetProperty("adoptionRate").ValueKind.Should().Be(JsonValueKind.Null);

        var npc = await Client.GetOkAsync(Anonymous, "/api/v1/statistics?authority=tonglu-gov&year=2023&recipient=tonglu-npc");
        Figures(npc, "filings").Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["due"] = 3m, ["filed"] = 2m, ["filedOnTime"] = 1m, ["overdue"] = 1m, ["filingRate"] = 0.6667m, ["timelyFilingRate"] = 0.3333m,
        });
        Figures(npc, "filingReview")["correctionRate"].Should().Be(0.5m);

        var next = await Client.GetOkAsync(Anonymous, "/api/v1/statistics?authority=0192a000-0000-7000-8000-000000000001&year=2024");
        next.GetProperty("documents").GetProperty("published").GetInt32().Should().Be(1);
        Figures(next, "filings")["timelyFilingRate"].Should().Be(1m);
        next.GetProperty("filingReview").GetProperty("correctionRate").ValueKind.Should().Be(JsonValueKind.Null, "nothing reviewed: no ratio");

        var all = await Client.GetOkAsync(Anonymous, "/api/v1/statistics");
        all.GetProperty("year").ValueKind.Should().Be(JsonValueKind.Null);
        all.GetProperty("documents").GetProperty("published").GetInt32().Should().Be(4);
        Figures(all, "filings")["due"].Should().Be(12m);
        Figures(all, "filings")["filedOnTime"].Should().Be(7m);
    }

    [Fact]
    public async Task Csv_CarriesTheSameFiguresWithDefinitions_GivenFormatCsv()
    {
        var json = await Client.GetOkAsync(Anonymous, "/api/v1/statistics?authority=tonglu-gov&year=2023");
        var response = await Client.GetAsync(Anonymous, "/api/v1/statistics?authority=tonglu-gov&year=2023&format=csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain("filing-statistics-tonglu-gov-2023.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("metric,label,value,definition");
        var rows = lines.Skip(1).Select(l => l.Split(',', 4)).ToDictionary(r => r[0]);
        rows["filings.due"][1].Should().Be("应报备件数");
        rows["filings.due"][2].Should().Be(json.GetProperty("filings").GetProperty("due").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        rows["filings.filingRate"][1].Should().Be("报备率");
        rows["filings.timelyFilingRate"][3].Should().Contain("filedOnTime ÷ due");
        rows["filingReview.correctionRate"][1].Should().Be("纠错率");
        rows["issuingAuthority"][2].Should().Be("桐庐县人民政府");
        rows.Should().ContainKey("objections.medianDaysToAnswer").And.ContainKey("comments.adoptionRate");
    }

    [Fact]
    public async Task RefusesUnknownFilters_GivenBadAuthorityYearOrFormat()
    {
        var response = await Client.GetAsync(Anonymous, "/api/v1/statistics?authority=tonglu-npc&recipient=nobody&year=20230&format=xlsx");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await Json(response)).GetProperty("errors");
        errors.GetProperty("authority")[0].GetString().Should().Contain("not an issuing authority");
        errors.GetProperty("recipient")[0].GetString().Should().Contain("nobody");
        errors.TryGetProperty("year", out _).Should().BeTrue();
        errors.TryGetProperty("format", out _).Should().BeTrue();
    }

    private void At(string day) =>
        Factory.Clock.Set(new DateTimeOffset(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(2, 0), TimeSpan.Zero));

    private async Task<Guid> FilingAsync(Guid documentId, string recipientKey) =>
        (await Client.GetOkAsync(recipientKey, $"/api/v1/filings?documentId={documentId}")).GetProperty("items")[0].GetProperty("id").GetGuid();

    private static Dictionary<string, object?> Figures(JsonElement statistics, string section) =>
        statistics.GetProperty(section).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => (object?)p.Value.GetDecimal(),
            _ => p.Value.ToString(),
        });
}

public sealed class SqliteStatisticsScenarios(FilingApiFactory factory) : StatisticsScenarios(factory), IClassFixture<FilingApiFactory>;

public sealed class PostgresStatisticsScenarios(PostgresApiFactory factory) : StatisticsScenarios(factory), IClassFixture<PostgresApiFactory>;
