using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Filing.Api.Infrastructure.Data;
using Filing.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Register;

/// <summary>
/// 统一编号: a 发文字号 carries its issuing authority's 机关代字. The demo 桐庐县人民政府 lists 桐政发, so registering its document
/// under 青政发〔2024〕8号 or 桐教发〔2024〕3号 is refused with 422 <c>document-number-issuer-code</c>, naming both codes, and
/// nothing is changed: no unified number drawn, no step, no audit entry, no event. The legal office registers again with
/// the right number in the body. An authority that lists no codes is not checked. Administrators set the codes when
/// creating an organisation or with <c>PUT …/issuer-codes</c>. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class IssuerCodeScenarios
{
    private static int _lastSequence = 500; // 发文字号 of other bodies, unique within the run

    protected IssuerCodeScenarios(FilingApiFactory factory)
    {
        Factory = factory;
        Factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        Client = new RegisterClient(factory);
    }

    protected FilingApiFactory Factory { get; }

    protected RegisterClient Client { get; }

    [Fact]
    public async Task ListsDemoAuthoritiesCodes_GivenSeededDemoCounty()
    {
        var organisations = (await Client.GetOkAsync(Anonymous, "/api/v1/organisations")).GetProperty("items").EnumerateArray()
            .ToDictionary(o => o.GetProperty("code").GetString()!, o => o.GetProperty("issuerCodes").EnumerateArray().Select(c => c.GetString()).ToList());

        organisations["tonglu-gov"].Should().Equal("桐政发");
        organisations["qingxi-gov"].Should().Equal("青政发");
        organisations["qingxi-bgs"].Should().Equal("青政办发");
        organisations["tonglu-fgj"].Should().BeEmpty("a drafting department issues nothing in its own name");
    }

    [Fact]
    public async Task RefusesWith422NamingCodesAndChangesNothing_GivenNumberOfAnotherBody()
    {
        var foreign = OtherNumber("青政发");
        var id = await UploadWithNumberAsync(foreign, "桐庐县人民政府关于误用他机关代字的通知");
        await Client.TakeToAsync(id, "decided");
        var before = await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}");
        var hint = before.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToList();
        hint.Should().Equal(["document-number-issuer-code", "registration"], "the decided document says early that registration will refuse its number");
        var counts = await CountsAsync();

        var response = await Client.PostAsync(Legal, $"/api/v1/documents/{id}/registration");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await Json(response);
        problem.GetProperty("status").GetInt32().Should().Be(422);
        problem.GetProperty("code").GetString().Should().Be("document-number-issuer-code");
        problem.GetProperty("field").GetString().Should().Be("documentNumber");
        problem.GetProperty("errors").GetProperty("documentNumber").GetArrayLength().Should().Be(1);
        problem.GetProperty("documentNumber").GetString().Should().Be(foreign);
        problem.GetProperty("issuerCode").GetString().Should().Be("青政发");
        var authority = problem.GetProperty("issuingAuthority");
        authority.GetProperty("id").GetGuid().Should().Be(TongluGovernment);
        authority.GetProperty("name").GetString().Should().Be("桐庐县人民政府");
        authority.GetProperty("issuerCodes").EnumerateArray().Select(c => c.GetString()).Should().Equal("桐政发");
        problem.GetProperty("detail").GetString().Should().Contain(foreign).And.Contain("青政发").And.Contain("桐政发")
            .And.Contain($"/api/v1/documents/{id}/registration").And.Contain("documentNumber", "the refusal says how to register under the right number");

        var after = await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}");
        after.GetProperty("status").GetString().Should().Be("decided");
        after.GetProperty("documentNumber").GetString().Should().Be(foreign);
        after.GetProperty("unifiedNumber").ValueKind.Should().Be(JsonValueKind.Null);
        after.GetProperty("steps").GetArrayLength().Should().Be(before.GetProperty("steps").GetArrayLength());
        (await CountsAsync()).Should().Be(counts, "a refused registration draws no number and writes no step, audit entry, event or outbox message");

        var corrected = TestDocx.NextDocumentNumber();
        var registration = await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/registration",
            new { documentNumber = corrected.Replace('〔', '[').Replace('〕', ']') });

        registration.GetProperty("documentNumber").GetString().Should().Be(corrected);
        Sequence(registration.GetProperty("unifiedNumber").GetString()!).Should().Be(counts.LastNumber + 1, "the refusal used no number: no gap");
        var document = await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}");
        document.GetProperty("steps").EnumerateArray().Last().GetProperty("opinion").GetString().Should().Be($"发文字号更正为{corrected}（原为{foreign}）");
        (await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}/audit/verify")).GetProperty("valid").GetBoolean().Should().BeTrue();
    }

    [Theory]
    [InlineData("桐教发〔2024〕{0}号", "桐教发")]
    [InlineData("青政发[2024]{0}号", "青政发")]
    [InlineData("桐政办发 （2024） 第{0}号", "桐政办发")]
    public async Task RefusesCorrectionAndKeepsNumber_GivenCorrectionWithForeignCode(string pattern, string code)
    {
        var own = TestDocx.NextDocumentNumber();
        var id = await UploadWithNumberAsync(own, "桐庐县人民政府关于登记时误改文号的通知");
        await Client.TakeToAsync(id, "decided");
        var counts = await CountsAsync();
        var typed = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Interlocked.Increment(ref _lastSequence));

        var response = await Client.PostAsync(Legal, $"/api/v1/documents/{id}/registration", new { documentNumber = typed });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await Json(response);
        problem.GetProperty("code").GetString().Should().Be("document-number-issuer-code");
        problem.GetProperty("issuerCode").GetString().Should().Be(code);
        problem.GetProperty("documentNumber").GetString().Should().StartWith(code + "〔2024〕", "the number sent is named in its canonical form");
        var after = await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}");
        after.GetProperty("documentNumber").GetString().Should().Be(own, "a refused registration does not change the number");
        after.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()).Should().Equal(["registration"],
            "the document's own number is fine: only the one sent was refused");
        (await CountsAsync()).Should().Be(counts);

        (await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/registration")).GetProperty("documentNumber").GetString().Should().Be(own);
    }

    [Fact]
    public async Task Registers_GivenOwnCodeWrittenDifferently()
    {
        var number = TestDocx.NextDocumentNumber();
        var written = "桐 政 发（２０２４）" + number["桐政发〔2024〕".Length..];
        var id = await UploadWithNumberAsync(written, "桐庐县人民政府关于文号写法不规范的通知");
        await Client.TakeToAsync(id, "decided");

        var registration = await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/registration");

        registration.GetProperty("unifiedNumber").GetString().Should().StartWith("ATLD00-2024-");
    }

    [Fact]
    public async Task Registers_GivenAuthorityWithoutCodes()
    {
        var (authority, key) = await IssuingDepartmentAsync(issuerCodes: null);
        var id = await UploadForAsync(authority, key, OtherNumber("青政发"));
        await TakeDepartmentDocumentToDecidedAsync(id, key);
        (await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}")).GetProperty("missing").EnumerateArray()
            .Select(m => m.GetProperty("code").GetString()).Should().Equal(["registration"]);

        var registration = await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/registration");

        registration.GetProperty("unifiedNumber").GetString().Should().StartWith("ATLD41-2024-", "an authority that lists no codes is not checked");
    }

    [Fact]
    public async Task ChecksCodesSetLater_GivenAdministratorPutsThem()
    {
        var (authority, key) = await IssuingDepartmentAsync(issuerCodes: null);
        var set = await Client.As(Admin).PutAsJsonAsync($"/api/v1/organisations/{authority}/issuer-codes", new[] { "桐建发", " 桐 建 函 " });
        await Expect(set, HttpStatusCode.OK);
        (await Json(set)).GetProperty("issuerCodes").EnumerateArray().Select(c => c.GetString()).Should().Equal("桐建发", "桐建函");
        var foreign = OtherNumber("桐政发");
        var id = await UploadForAsync(authority, key, foreign);
        await TakeDepartmentDocumentToDecidedAsync(id, key);

        var refused = await Client.PostAsync(Legal, $"/api/v1/documents/{id}/registration");

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "桐政发 is the county government's code, not the bureau's");
        var problem = await Json(refused);
        problem.GetProperty("issuerCode").GetString().Should().Be("桐政发");
        problem.GetProperty("issuingAuthority").GetProperty("issuerCodes").EnumerateArray().Select(c => c.GetString()).Should().Equal("桐建发", "桐建函");
        var own = $"桐建函〔2024〕{Interlocked.Increment(ref _lastSequence)}号";
        var registered = await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/registration", new { documentNumber = own });
        registered.GetProperty("documentNumber").GetString().Should().Be(own);

        var cleared = await Client.As(Admin).PutAsJsonAsync($"/api/v1/organisations/{authority}/issuer-codes", Array.Empty<string>());
        await Expect(cleared, HttpStatusCode.OK);
        (await Json(cleared)).GetProperty("issuerCodes").GetArrayLength().Should().Be(0, "[] turns the check off");
        var list = await Client.GetOkAsync(Anonymous, "/api/v1/organisations");
        list.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == authority)
            .GetProperty("issuerCodes").GetArrayLength().Should().Be(0);
    }

    // ---- the admin API ----

    [Fact]
    public async Task CreatesWithNormalisedCodes_GivenIssuerCodesOnCreate()
    {
        var response = await Client.PostAsync(Admin, "/api/v1/organisations", new
        {
            code = UniqueCode(), name = "桐庐县交通运输局", kind = "department", parentId = TongluGovernment, unifiedNumberPrefix = "ATLD42",
            issuerCodes = new[] { "桐交发", "桐交函", "桐ＪＴ发" },
        });

        await Expect(response, HttpStatusCode.Created);
        (await Json(response)).GetProperty("issuerCodes").EnumerateArray().Select(c => c.GetString()).Should().Equal("桐交发", "桐交函", "桐JT发");
    }

    [Theory]
    [InlineData("""["桐交发", ""]""", "issuerCodes[1]")]
    [InlineData("""["桐交发", "桐交发〔2024〕"]""", "issuerCodes[1]")]
    [InlineData("""["桐交[发]"]""", "issuerCodes[0]")]
    [InlineData("""["桐交发2"]""", "issuerCodes[0]")]
    [InlineData("""["桐交发", "桐 交 发"]""", "issuerCodes[1]")]
    [InlineData("""["一二三四五六七八九十一二三"]""", "issuerCodes[0]")]
    [InlineData("""[null]""", "issuerCodes[0]")]
    public async Task RefusesWith400AndCreatesNothing_GivenInvalidCodesOnCreate(string codes, string field)
    {
        var code = UniqueCode();
        var body = $$"""{"code":"{{code}}","name":"桐庐县交通运输局","kind":"department","parentId":"{{TongluGovernment}}","unifiedNumberPrefix":"ATLD43","issuerCodes":{{codes}}}""";

        var response = await SendJsonAsync(HttpMethod.Post, "/api/v1/organisations", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await Json(response);
        problem.GetProperty("code").GetString().Should().Be("validation-failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
        (await OrganisationAsync(code)).Should().BeNull();
    }

    [Fact]
    public async Task RefusesWith400_GivenCodesForOrganisationThatIssuesNothing()
    {
        var created = await Client.PostAsync(Admin, "/api/v1/organisations", new
        {
            code = UniqueCode(), name = "桐庐县统计局", kind = "department", parentId = TongluGovernment, issuerCodes = new[] { "桐统发" },
        });
        created.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(created)).GetProperty("errors").TryGetProperty("issuerCodes", out _).Should().BeTrue();

        var put = await Client.As(Admin).PutAsJsonAsync($"/api/v1/organisations/{DrafterDepartment}/issuer-codes", new[] { "桐发改" });
        put.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(put)).GetProperty("errors").TryGetProperty("id", out _).Should().BeTrue();
    }

    [Fact]
    public async Task RefusesPutAndKeepsCodes_GivenInvalidListOrUnknownOrganisationOrNonAdministrator()
    {
        var (authority, _) = await IssuingDepartmentAsync(issuerCodes: ["桐建发"]);
        var path = $"/api/v1/organisations/{authority}/issuer-codes";

        var invalid = await SendJsonAsync(HttpMethod.Put, path, """["桐建发", "桐建函", "桐建发"]""");
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(invalid)).GetProperty("errors").TryGetProperty("[2]", out _).Should().BeTrue("the repeated code is named by its index");
        var tooMany = await Client.As(Admin).PutAsJsonAsync(path, Enumerable.Range(0, 21).Select(i => "桐建" + (char)('甲' + i) + "发").ToArray());
        tooMany.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var notAList = await SendJsonAsync(HttpMethod.Put, path, """{"issuerCodes":["桐建发"]}""");
        notAList.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Client.As(Admin).PutAsJsonAsync($"/api/v1/organisations/{Guid.NewGuid()}/issuer-codes", new[] { "桐建发" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.As(Legal).PutAsJsonAsync(path, new[] { "桐政发" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Client.As(Anonymous).PutAsJsonAsync(path, new[] { "桐政发" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await OrganisationAsync(authority)).Should().Equal("桐建发");
    }

    // ---- helpers ----

    private static readonly Guid DrafterDepartment = Guid.Parse("0192a000-0000-7000-8000-000000000002");

    private static string OtherNumber(string code) => $"{code}〔2024〕{Interlocked.Increment(ref _lastSequence)}号";

    private static string UniqueCode() => "issuer-" + Guid.NewGuid().ToString("N")[..12];

    private static int Sequence(string unifiedNumber) => RegistrationSideEffects.Sequence(unifiedNumber);

    private async Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        return await Client.As(Admin).SendAsync(request);
    }

    private Task<Guid> UploadWithNumberAsync(string number, string title) => Client.UploadWithNumberAsync(number, title);

    /// <summary>A department of the county that issues documents in its own name (prefix ATLD41), with a drafter key.</summary>
    private async Task<(Guid Id, string Key)> IssuingDepartmentAsync(string[]? issuerCodes)
    {
        var created = await Client.PostOkAsync(Admin, "/api/v1/organisations",
            new { code = UniqueCode(), name = "桐庐县住房和城乡建设局", kind = "department", parentId = TongluGovernment, unifiedNumberPrefix = "ATLD41", issuerCodes });
        var id = created.GetProperty("id").GetGuid();
        var key = await Client.PostOkAsync(Admin, $"/api/v1/organisations/{id}/api-keys", new { label = "住建局起草", roles = new[] { "drafter" } });
        return (id, key.GetProperty("key").GetString()!);
    }

    private async Task<Guid> UploadForAsync(Guid authority, string key, string number)
    {
        var upload = await Client.UploadResponseAsync(key, TestDocx.Draft("桐庐县住房和城乡建设局关于城乡建设管理的通知"),
            fields: new Dictionary<string, string> { ["documentNumber"] = number, ["issuingAuthorityId"] = authority.ToString() });
        await Expect(upload, HttpStatusCode.Created);
        return (await Json(upload)).GetProperty("id").GetGuid();
    }

    private async Task TakeDepartmentDocumentToDecidedAsync(Guid id, string key)
    {
        var d = $"/api/v1/documents/{id}";
        await Client.PostOkAsync(key, d + "/consultation", new { waiverReason = "仅涉及行政机关内部工作程序" });
        await Client.PostOkAsync(key, d + "/fair-competition-review", new { outcome = "passed", opinion = "不含排除、限制竞争内容" });
        await Client.PostOkAsync(key, d + "/gender-equality-assessment", new { outcome = "not-applicable" });
        await Client.PostOkAsync(key, d + "/health-screening", new { outcome = "not-applicable" });
        await Client.PostOkAsync(Legal, d + "/legality-review", new { outcome = "passed", opinion = "合法" });
        await Client.PostOkAsync(Legal, d + "/collective-decision", new { meeting = "局务会议", date = "2024-09-06" });
    }

    private async Task<IReadOnlyList<string>?> OrganisationAsync(string code)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        return (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code))?.IssuerCodes;
    }

    private async Task<IReadOnlyList<string>?> OrganisationAsync(Guid id)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        return (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id))?.IssuerCodes;
    }

    private Task<(int Audit, int Events, int Outbox, int LastNumber)> CountsAsync() => RegistrationSideEffects.CountAsync(Factory);
}

public sealed class SqliteIssuerCodeScenarios(FilingApiFactory factory)
    : IssuerCodeScenarios(factory), IClassFixture<FilingApiFactory>;

public sealed class PostgresIssuerCodeScenarios(PostgresApiFactory factory)
    : IssuerCodeScenarios(factory), IClassFixture<PostgresApiFactory>;
