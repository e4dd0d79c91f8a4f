using System.Net;
using System.Text.Json;
using Filing.Tests.TestSupport;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Participation;

/// <summary>
/// Names, phone numbers, e-mail addresses and ID numbers of commenters and objectors reach the handling office only:
/// plants them everywhere a citizen can put them, then calls every public GET of the OpenAPI document (so endpoints
/// added later are checked too), the public POST answers, an oversight body's view of the audit trail, and searches the
/// whole log output captured at Trace level. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class PersonalDataTests(FilingApiFactory factory)
{
    private const string Name = "欧阳测试人";
    private const string Organisation = "欧阳测试个人工作室";
    private const string Phone = "13700001234";
    private const string Email = "planted.person@example.org";
    private const string IdNumber = "33012219900101123X";
    private static readonly string[] Planted = [Name, Organisation, Phone, Email, IdNumber, "137 0000 1234", "planted.person"];

    private readonly RegisterClient _client = new(factory);

    private void At(int month, int day) => factory.Clock.Set(new DateTimeOffset(2024, month, day, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task KeepsContactDetailsFromEveryPublicResponseAndLog_GivenPlantedPersonalData()
    {
        At(9, 6);
        var publicBodies = new List<(string Where, string Body)>();
        var draft = await _client.UploadAsync(ParticipationScenarios.MeasuresDraft());
        var opened = await _client.PostOkAsync(Drafter, $"/api/v1/documents/{draft}/consultation", new { start = "2024-09-09", end = "2024-09-18" });
        var cid = opened.GetProperty("id").GetGuid();
        At(9, 10);
        foreach (var body in new object[]
                 {
                     new { text = "建议删除第三条第（二）项。", name = Name, organisation = Organisation, contact = new { phone = Phone, email = Email } },
                     new { text = $"请联系我{Phone}或{Email}，身份证{IdNumber}，电话也可打 137 0000 1234。", anchor = new { path = "第三条" } },
                 })
        {
            var posted = await _client.PostAsync(Anonymous, $"/api/v1/consultations/{cid}/comments", body);
            await Expect(posted, HttpStatusCode.Created);
            publicBodies.Add(("POST comment", await posted.Content.ReadAsStringAsync()));
        }

        var invalid = await _client.PostAsync(Anonymous, $"/api/v1/consultations/{cid}/comments", new { text = "", name = Name, contact = new { phone = Phone + "x", email = Email + "@" } });
        publicBodies.Add(("POST invalid comment", await invalid.Content.ReadAsStringAsync()));
        At(9, 19);
        await _client.PostOkAsync(Drafter, $"/api/v1/consultations/{cid}/close");
        await _client.PostOkAsync(Drafter, $"/api/v1/consultations/{cid}/answers", new { comments = new[] { 1, 2 }, outcome = "not-adopted", reason = "该项材料为法定要求" });
        await _client.PostOkAsync(Drafter, $"/api/v1/consultations/{cid}/feedback-report", new { summary = "共收到意见2条" });
        await PublishAsync(draft);

        var seed = await _client.UploadAsync(TestDocx.Seed());
        await _client.TakeToAsync(seed, "published", "2024-09-19");
        var contact = new { name = Name, phone = Phone, email = Email, idNumber = IdNumber };
        var objection = await _client.PostAsync(Anonymous, "/api/v1/objections", new { documentId = seed, grounds = "二、（三）无上位法依据。", contact });
        await Expect(objection, HttpStatusCode.Created);
        publicBodies.Add(("POST objection", await objection.Content.ReadAsStringAsync()));
        var receipt = JsonDocument.Parse(publicBodies[^1].Body).RootElement;
        var code = receipt.GetProperty("trackingCode").GetString()!;
        var secret = receipt.GetProperty("secret").GetString()!;
        await _client.PostOkAsync(Legal, $"/api/v1/objections/{code}/triage", new { decision = "accepted" });
        await _client.PostOkAsync(Legal, $"/api/v1/objections/{code}/review", new { });
        await _client.PostOkAsync(Legal, $"/api/v1/objections/{code}/conclusion", new { conclusion = "correction-requested", text = "建议制定机关修改二、（三）。" });
        await _client.PostOkAsync(Legal, $"/api/v1/objections/{code}/reply", new { text = "已建议制定机关修改。" });
        var transferredResponse = await _client.PostAsync(Anonymous, "/api/v1/objections", new { documentId = seed, grounds = "另一项理由：请人大审查。", contact });
        var transferred = JsonDocument.Parse(await transferredResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingCode").GetString()!;
        await _client.PostOkAsync(Legal, $"/api/v1/objections/{transferred}/triage", new { decision = "transferred", transferTo = NpcOffice, reason = "移送人大" });

        // Positive control: the handling offices do see what was planted, so the searches below can fail.
        (await TextAsync(Drafter, $"/api/v1/consultations/{cid}/desk/comments")).Should().Contain(Phone).And.Contain(Name);
        (await TextAsync(Legal, $"/api/v1/objections/{code}/case")).Should().Contain(IdNumber).And.Contain(Email);
        (await TextAsync(Npc, $"/api/v1/objections/{transferred}/case")).Should().Contain(Email);
        (await TextAsync(Legal, "/api/v1/notifications?kind=objection-replied")).Should().Contain(Email);

        var openApi = JsonDocument.Parse(await _client.As(Anonymous).GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var checkedPaths = 0;
        foreach (var path in openApi.GetProperty("paths").EnumerateObject())
        {
            // Public operations declare no security, an empty list, or an empty requirement ({}: the key is optional).
            if (!path.Value.TryGetProperty("get", out var get)
                || (get.TryGetProperty("security", out var security)
                    && security.GetArrayLength() > 0
                    && !security.EnumerateArray().Any(requirement => !requirement.EnumerateObject().Any())))
            {
                continue;
            }

            foreach (var url in Urls(path.Name, draft, seed, cid, code))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Add("X-Objection-Secret", secret);
                var response = await _client.As(Anonymous).SendAsync(request);
                publicBodies.Add(($"GET {url} ({(int)response.StatusCode})", await response.Content.ReadAsStringAsync()));
                checkedPaths++;
            }
        }

        checkedPaths.Should().BeGreaterThan(15);
        publicBodies.Should().Contain(b => b.Where.StartsWith($"GET /api/v1/objections/{code} (200)", StringComparison.Ordinal), "the submitter's own view is checked too");
        publicBodies.Should().Contain(b => b.Where.Contains("/comments (200)", StringComparison.Ordinal));
        publicBodies.Should().Contain(b => b.Body.Contains("〔已隐去〕", StringComparison.Ordinal), "personal data typed into a comment is masked");
        var audit = await _client.GetAsync(Npc, $"/api/v1/documents/{seed}/audit?limit=200");
        await Expect(audit, HttpStatusCode.OK);
        publicBodies.Add(("GET seed audit as the NPC filing office", await audit.Content.ReadAsStringAsync()));
        publicBodies.Add(("GET draft audit as the legal office", await TextAsync(Legal, $"/api/v1/documents/{draft}/audit?limit=200")));

        foreach (var (where, body) in publicBodies)
        {
            foreach (var planted in Planted)
            {
                body.Should().NotContain(planted, $"{where} is public (or not the handling office's)");
            }
        }

        factory.Logs.Lines.Should().Contain(l => l.Contains("/api/v1/objections", StringComparison.Ordinal), "the log output was captured");
        foreach (var line in factory.Logs.Lines)
        {
            foreach (var planted in Planted)
            {
                line.Should().NotContain(planted, "personal data never reaches the logs");
            }
        }
    }

    private async Task<string> TextAsync(string key, string path) => await (await _client.GetAsync(key, path)).Content.ReadAsStringAsync();

    private async Task PublishAsync(Guid id)
    {
        var d = $"/api/v1/documents/{id}";
        await _client.PostOkAsync(Drafter, d + "/fair-competition-review", new { outcome = "passed" });
        await _client.PostOkAsync(Market, d + "/fair-competition-review", new { outcome = "passed" });
        await _client.PostOkAsync(Drafter, d + "/gender-equality-assessment", new { outcome = "not-applicable" });
        await _client.PostOkAsync(Drafter, d + "/health-screening", new { outcome = "not-applicable" });
        await _client.PostOkAsync(Legal, d + "/legality-review", new { outcome = "passed" });
        await _client.PostOkAsync(Legal, d + "/collective-decision", new { meeting = "县政府常务会议", date = "2024-09-19" });
        await _client.PostOkAsync(Legal, d + "/registration");
        await _client.PostOkAsync(Legal, d + "/publication", new { date = "2024-09-19", channel = "桐庐县人民政府网站" });
    }

    private static IEnumerable<string> Urls(string template, Guid draft, Guid seed, Guid consultation, string code)
    {
        var ids = template.StartsWith("/api/v1/consultations/", StringComparison.Ordinal) ? new[] { consultation }
            : template.StartsWith("/api/v1/documents/", StringComparison.Ordinal) || template.StartsWith("/api/v1/register/", StringComparison.Ordinal)
                ? new[] { draft, seed }
            : new[] { Guid.Empty };
        foreach (var id in ids)
        {
            var url = template
                .Replace("{id}", id.ToString(), StringComparison.Ordinal)
                .Replace("{trackingCode}", code, StringComparison.Ordinal)
                .Replace("{number}", "1", StringComparison.Ordinal)
                .Replace("{key}", id.ToString(), StringComparison.Ordinal)
                .Replace("{date}", "2024-09-06", StringComparison.Ordinal);
            url.Should().NotContain("{", $"the privacy test needs a value for the parameters of {template}: add it to {nameof(Urls)}");
            yield return url;
        }
    }
}

public sealed class SqlitePrivacyFactory : FilingApiFactory
{
    public override bool CaptureAllLogs => true;
}

public sealed class PostgresPrivacyFactory : PostgresApiFactory
{
    public override bool CaptureAllLogs => true;
}

public sealed class SqlitePersonalDataTests(SqlitePrivacyFactory factory) : PersonalDataTests(factory), IClassFixture<SqlitePrivacyFactory>;

public sealed class PostgresPersonalDataTests(PostgresPrivacyFactory factory) : PersonalDataTests(factory), IClassFixture<PostgresPrivacyFactory>;

/// <summary>Public submissions are rate-limited per client: the limit here is 3 a minute.</summary>
public sealed class SubmissionRateLimitTests(SubmissionRateLimitTests.LowLimitFactory factory) : IClassFixture<SubmissionRateLimitTests.LowLimitFactory>
{
    [Fact]
    public async Task Answers429WithRetryAfter_GivenTooManySubmissions()
    {
        var client = new RegisterClient(factory);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsync(Anonymous, "/api/v1/objections", new { documentId = Guid.NewGuid(), grounds = $"第{i}次" });
            statuses.Add(last.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests);
        int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 60);
        var problem = JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("code").GetString().Should().Be("too-many-requests");
        (await client.GetAsync(Anonymous, "/api/v1/consultations")).StatusCode.Should().Be(HttpStatusCode.OK, "reading is not limited by the submission policy");
    }

    public sealed class LowLimitFactory : FilingApiFactory
    {
        public override int SubmissionPermitLimit => 3;
    }
}
