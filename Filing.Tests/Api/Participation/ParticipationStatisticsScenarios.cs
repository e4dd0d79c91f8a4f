using System.Net;
using System.Text;
using System.Text.Json;
using Filing.Tests.TestSupport;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Participation;

/// <summary>
/// The participation figures of <c>GET /api/v1/statistics</c> (objections and public comments) against a hand count of
/// scripted objections and comment periods, on SQLite and on PostgreSQL. The class has its own host: no other test adds
/// objections or comments to its counts.
/// </summary>
public abstract class ParticipationStatisticsScenarios
{
    protected ParticipationStatisticsScenarios(FilingApiFactory factory)
    {
        Factory = factory;
        Client = new RegisterClient(factory);
    }

    protected FilingApiFactory Factory { get; }

    protected RegisterClient Client { get; }

    [Fact]
    public async Task MatchHandCount_GivenObjectionsAndCommentPeriodsOverTwoYears()
    {
        // Comment periods P1 and P2 (2024-09-09..09-18) on two drafts, opened on 09-06.
        At(2024, 9, 6);
        var p1 = await OpenAsync();
        var p2 = await OpenAsync();

        // Objections against a published Tonglu document, received on 2024-09-06 (due 2024-11-05) unless said otherwise.
        var document = await Client.UploadAsync();
        await Client.TakeToAsync(document, "published");
        var o1 = await ObjectAsync(document, "O1：第二条无上位法依据。");           // concluded, replied 10-15: 39 days, in time
        var o2 = await ObjectAsync(document, "O2：与本县无关的事项。");             // not accepted, replied 09-10: 4 days, in time
        var o3 = await ObjectAsync(document, "O3：第三条增设审批条件。");           // concluded, replied 11-20: 75 days, late
        var o4 = await ObjectAsync(document, "O4：请人大审查。");                   // transferred, replied 09-20: 14 days, in time
        At(2024, 9, 9);
        await ObjectAsync(document, "O6：第四条期限过短。");                         // never answered (due 11-08)

        // P1: #1, #2 (named), #3 repeats #1, #4 hidden, #5.
        At(2024, 9, 10);
        foreach (var text in new[] { "建议将五个工作日缩短为三个工作日。", "营业执照复印件应当取消。", "建议将五个工作日缩短为三个工作日！", "广告：代办各类证件", "第四条应当明确恢复原状的标准。" })
        {
            await Expect(await Client.PostAsync(Anonymous, $"/api/v1/consultations/{p1}/comments", new { text, name = text.StartsWith("营业", StringComparison.Ordinal) ? "王五" : null }),
                HttpStatusCode.Created);
        }

        // P2 on another draft: one comment, answered, but its feedback report is never published.
        await Expect(await Client.PostAsync(Anonymous, $"/api/v1/consultations/{p2}/comments", new { text = "P2 的唯一意见。" }), HttpStatusCode.Created);
        await Client.PostOkAsync(Drafter, $"/api/v1/consultations/{p1}/comments/4/hide", new { reason = "商业广告" });

        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o2}/triage", new { decision = "not-accepted", reasonKind = "outside-remit", reason = "不属于本机关审查范围" });
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o2}/reply", new { text = "不予受理。" });
        foreach (var code in new[] { o1, o3 })
        {
            await Client.PostOkAsync(Legal, $"/api/v1/objections/{code}/triage", new { decision = "accepted" });
            await Client.PostOkAsync(Legal, $"/api/v1/objections/{code}/review", new { });
        }

        At(2024, 9, 19);
        foreach (var p in new[] { p1, p2 })
        {
            await Client.PostOkAsync(Drafter, $"/api/v1/consultations/{p}/close");
        }

        await Client.PostOkAsync(Drafter, $"/api/v1/consultations/{p1}/answers", new { comments = new[] { 1 }, outcome = "adopted" });
        await Client.PostOkAsync(Drafter, $"/api/v1/consultations/{p1}/answers", new { comments = new[] { 2 }, outcome = "partly-adopted", reason = "保留复印件，可容缺后补。" });
        await Client.PostOkAsync(Drafter, $"/api/v1/consultations/{p1}/answers", new { comments = new[] { 5 }, outcome = "not-adopted", reason = "另行规定。" });
        await Client.PostOkAsync(Drafter, $"/api/v1/consultations/{p2}/answers", new { comments = new[] { 1 }, outcome = "adopted" });

        var draftAnswers = await StatisticsAsync("authority=tonglu-gov&year=2024");
        Figures(draftAnswers, "comments").Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["recorded"] = "True", ["received"] = 6m, ["answered"] = 0m, ["adopted"] = 0m, ["partlyAdopted"] = 0m, ["adoptionRate"] = null,
        }, "answers are drafts, and not public, until the feedback report is published");

        await Client.PostOkAsync(Drafter, $"/api/v1/consultations/{p1}/feedback-report", new { summary = "共收到意见5条。" });

        At(2024, 9, 20);
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o4}/triage", new { decision = "transferred", transferTo = NpcOffice, reason = "属于人大备案审查范围" });
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o4}/reply", new { text = "已移送县人大常委会。" });
        At(2024, 10, 15);
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o1}/conclusion", new { conclusion = "no-problem", text = "未发现问题。" });
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o1}/reply", new { text = "经审查未发现问题。" });
        At(2024, 11, 20);
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o3}/conclusion", new { conclusion = "correction-requested", text = "建议修改第三条。" });
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o3}/reply", new { text = "已建议制定机关修改第三条。" });

        // One objection in 2025, unanswered.
        At(2025, 1, 6);
        await ObjectAsync(document, "O7：2025 年收到。");

        var year = await StatisticsAsync("authority=tonglu-gov&year=2024");
        Figures(year, "objections").Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["recorded"] = "True",
            ["received"] = 5m,                       // O1, O2, O3, O4, O6
            ["answered"] = 4m,                       // O1, O2, O3, O4
            ["answeredWithinDeadline"] = 3m,         // O3 was replied after its due date 2024-11-05
            ["answeredWithinDeadlineRate"] = 0.6m,   // 3 / 5
            ["medianDaysToAnswer"] = 26.5m,          // 4, 14, 39, 75
        });
        Figures(year, "comments").Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["recorded"] = "True",
            ["received"] = 6m,        // P1 #1..#5 (hidden #4 included) and P2 #1
            ["answered"] = 4m,        // P1 #1, #2, #3 (follows #1), #5; not hidden #4; not P2 (report unpublished)
            ["adopted"] = 2m,         // #1, #3
            ["partlyAdopted"] = 1m,   // #2
            ["adoptionRate"] = 0.75m, // (2 + 1) / 4
        });

        var next = await StatisticsAsync("authority=tonglu-gov&year=2025");
        Figures(next, "objections")["received"].Should().Be(1m);
        Figures(next, "objections")["answered"].Should().Be(0m);
        next.GetProperty("objections").GetProperty("medianDaysToAnswer").ValueKind.Should().Be(JsonValueKind.Null);
        Figures(next, "comments")["received"].Should().Be(0m);

        var all = await StatisticsAsync("authority=tonglu-gov");
        Figures(all, "objections")["received"].Should().Be(6m);
        Figures(all, "objections")["answeredWithinDeadlineRate"].Should().Be(0.5m, "3 / 6");

        var elsewhere = await StatisticsAsync("authority=qingxi-gov&year=2024");
        Figures(elsewhere, "objections")["received"].Should().Be(0m, "the objections are against a Tonglu document");
        Figures(elsewhere, "comments")["received"].Should().Be(0m);
        elsewhere.GetProperty("objections").GetProperty("recorded").GetBoolean().Should().BeTrue();

        var csv = await Client.GetAsync(Anonymous, "/api/v1/statistics?authority=tonglu-gov&year=2024&format=csv");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        var rows = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..])
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',', 4)).ToDictionary(r => r[0]);
        rows["objections.received"][2].Should().Be("5");
        rows["objections.answeredWithinDeadline"][2].Should().Be("3");
        rows["objections.medianDaysToAnswer"][2].Should().Be("26.5");
        rows["comments.answered"][2].Should().Be("4");
        rows["comments.adoptionRate"][2].Should().Be("0.75");
        rows["comments.recorded"][2].Should().Be("true");
    }

    private void At(int year, int month, int day) => Factory.Clock.Set(new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero));

    private async Task<Guid> OpenAsync()
    {
        var id = await Client.UploadAsync(ParticipationScenarios.MeasuresDraft());
        var opened = await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/consultation", new { start = "2024-09-09", end = "2024-09-18", businessRelated = false });
        return opened.GetProperty("id").GetGuid();
    }

    private async Task<string> ObjectAsync(Guid document, string grounds)
    {
        var response = await Client.PostAsync(Anonymous, "/api/v1/objections", new { documentId = document, grounds, contact = new { email = "citizen@example.com" } });
        await Expect(response, HttpStatusCode.Created);
        return (await Json(response)).GetProperty("trackingCode").GetString()!;
    }

    private async Task<JsonElement> StatisticsAsync(string query) => await Client.GetOkAsync(Anonymous, "/api/v1/statistics?" + query);

    private static Dictionary<string, object?> Figures(JsonElement statistics, string section) =>
        statistics.GetProperty(section).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => (object?)p.Value.GetDecimal(),
            _ => p.Value.ToString(),
        });
}

public sealed class SqliteParticipationStatisticsScenarios(FilingApiFactory factory) : ParticipationStatisticsScenarios(factory), IClassFixture<FilingApiFactory>;

public sealed class PostgresParticipationStatisticsScenarios(PostgresApiFactory factory) : ParticipationStatisticsScenarios(factory), IClassFixture<PostgresApiFactory>;
