using System.Net;
using System.Text.Json;
using Filing.Api.Infrastructure.Data;
using Filing.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Register;

/// <summary>
/// 统一登记: an issuing authority registers a 发文字号 once. A second document with the same number (however it is
/// written) is refused at registration with 409 <c>duplicate-document-number</c> naming the document that holds it, and
/// nothing is changed: no unified number drawn, no step, no audit entry, no event. The legal office can set or correct
/// the 发文字号 when registering (<c>{ "documentNumber": "…" }</c>); that number is the one checked, stored in its
/// canonical form, noted on the step and in the audit entry, and found by the public register once published. Runs on
/// SQLite and PostgreSQL.
/// </summary>
public abstract class DuplicateDocumentNumberScenarios
{
    protected DuplicateDocumentNumberScenarios(FilingApiFactory factory)
    {
        Factory = factory;
        Factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        Client = new RegisterClient(factory);
    }

    protected FilingApiFactory Factory { get; }

    protected RegisterClient Client { get; }

    [Fact]
    public async Task RefusesWith409NamingHolderAndChangesNothing_GivenNumberAlreadyRegistered()
    {
        var number = TestDocx.NextDocumentNumber();
        var (holderId, holderNumber) = await RegisterWithNumberAsync(number, "桐庐县人民政府关于加强行政规范性文件管理的通知");
        var second = await UploadWithNumberAsync(number, "桐庐县人民政府关于加强行政规范性文件管理的通知（重复录入）");
        await Client.TakeToAsync(second, "decided");
        var before = await Client.GetOkAsync(Legal, $"/api/v1/documents/{second}");
        var counts = await CountsAsync();

        var response = await Client.PostAsync(Legal, $"/api/v1/documents/{second}/registration");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await Json(response);
        problem.GetProperty("status").GetInt32().Should().Be(409);
        problem.GetProperty("code").GetString().Should().Be("duplicate-document-number");
        problem.GetProperty("documentNumber").GetString().Should().Be(number);
        problem.GetProperty("detail").GetString().Should().Contain(number).And.Contain(holderNumber).And.Contain(holderId.ToString());
        var existing = problem.GetProperty("existingDocument");
        existing.GetProperty("id").GetGuid().Should().Be(holderId);
        existing.GetProperty("unifiedNumber").GetString().Should().Be(holderNumber);
        existing.GetProperty("documentNumber").GetString().Should().Be(number);
        existing.GetProperty("title").GetString().Should().Be("桐庐县人民政府关于加强行政规范性文件管理的通知");

        var after = await Client.GetOkAsync(Legal, $"/api/v1/documents/{second}");
        after.GetProperty("status").GetString().Should().Be("decided");
        after.GetProperty("unifiedNumber").ValueKind.Should().Be(JsonValueKind.Null);
        after.GetProperty("steps").GetArrayLength().Should().Be(before.GetProperty("steps").GetArrayLength());
        (await CountsAsync()).Should().Be(counts, "a refused registration draws no number and writes no step, audit entry, event or outbox message");

        var next = await RegisterWithNumberAsync(TestDocx.NextDocumentNumber(), "桐庐县人民政府关于下一件文件的通知");
        Sequence(next.UnifiedNumber).Should().Be(Sequence(holderNumber) + 1, "the refused registration gave its number back: the sequence has no gap");
    }

    [Theory]
    [InlineData("桐政发[2024]{0}号")]
    [InlineData("桐政发 〔2024〕 {0} 号")]
    [InlineData("桐政发［２０２４］第０{0}号")]
    [InlineData("桐政发(2024)0{0}")]
    public async Task Refuses_GivenSameNumberWrittenDifferently(string variant)
    {
        var number = TestDocx.NextDocumentNumber(); // 桐政发〔2024〕n号
        var sequence = number["桐政发〔2024〕".Length..^1];
        var (holderId, holderNumber) = await RegisterWithNumberAsync(number, "桐庐县人民政府关于规范行政执法的通知");
        var written = string.Format(System.Globalization.CultureInfo.InvariantCulture, variant, FullWidthIfNeeded(variant, sequence));
        var second = await UploadWithNumberAsync(written, "桐庐县人民政府关于规范行政执法的通知（另稿）");
        await Client.TakeToAsync(second, "decided");

        var response = await Client.PostAsync(Legal, $"/api/v1/documents/{second}/registration");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await Json(response);
        problem.GetProperty("code").GetString().Should().Be("duplicate-document-number");
        problem.GetProperty("documentNumber").GetString().Should().Be(number, "the upload stored the variant in canonical form");
        problem.GetProperty("existingDocument").GetProperty("id").GetGuid().Should().Be(holderId);
        problem.GetProperty("existingDocument").GetProperty("unifiedNumber").GetString().Should().Be(holderNumber);
        problem.GetProperty("detail").GetString().Should().Contain(holderNumber);
    }

    [Fact]
    public async Task Refuses_GivenHolderPublishedAndRepealed()
    {
        var number = TestDocx.NextDocumentNumber();
        var holder = await UploadWithNumberAsync(number, "桐庐县人民政府关于已废止文件的通知");
        await Client.TakeToAsync(holder, "published");
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{holder}/repeal", new { kind = "repealed", date = "2024-09-06", reason = "已被新文件替代" });
        var second = await UploadWithNumberAsync(number, "桐庐县人民政府关于已废止文件的通知（新稿）");
        await Client.TakeToAsync(second, "decided");

        var response = await Client.PostAsync(Legal, $"/api/v1/documents/{second}/registration");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict, "发文字号 are never reused, not even after the holder has ended");
        (await Json(response)).GetProperty("existingDocument").GetProperty("id").GetGuid().Should().Be(holder);
    }

    [Fact]
    public async Task Registers_GivenSameNumberAtAnotherIssuingAuthority()
    {
        var number = TestDocx.NextDocumentNumber();
        var (_, governmentNumber) = await RegisterWithNumberAsync(number, "桐庐县人民政府关于城乡建设管理的通知");
        var (department, departmentKey) = await IssuingDepartmentAsync();
        var upload = await Client.UploadResponseAsync(departmentKey, TestDocx.Draft("桐庐县住房和城乡建设局关于城乡建设管理的通知"),
            fields: new Dictionary<string, string> { ["documentNumber"] = number, ["issuingAuthorityId"] = department.ToString() });
        await Expect(upload, HttpStatusCode.Created);
        var id = (await Json(upload)).GetProperty("id").GetGuid();
        var d = $"/api/v1/documents/{id}";
        await Client.PostOkAsync(departmentKey, d + "/consultation", new { waiverReason = "仅涉及行政机关内部工作程序" });
        await Client.PostOkAsync(departmentKey, d + "/fair-competition-review", new { outcome = "passed", opinion = "不含排除、限制竞争内容" });
        await Client.PostOkAsync(departmentKey, d + "/gender-equality-assessment", new { outcome = "not-applicable" });
        await Client.PostOkAsync(departmentKey, d + "/health-screening", new { outcome = "not-applicable" });
        await Client.PostOkAsync(Legal, d + "/legality-review", new { outcome = "passed", opinion = "合法" });
        await Client.PostOkAsync(Legal, d + "/collective-decision", new { meeting = "局务会议", date = "2024-09-06" });

        var registration = await Client.PostOkAsync(Legal, d + "/registration");

        registration.GetProperty("unifiedNumber").GetString().Should().StartWith("ATLD31-2024-").And.NotBe(governmentNumber);
    }

    [Fact]
    public async Task RegistersBoth_GivenTwoDocumentsWithoutNumber()
    {
        var ids = new List<Guid>();
        foreach (var title in new[] { "桐庐县人民政府关于无文号文件的通知（一）", "桐庐县人民政府关于无文号文件的通知（二）" })
        {
            var id = await Client.UploadAsync(TestDocx.FromParagraphs(title, "一、严格执行合法性审核制度。", "二、本通知自印发之日起施行。"));
            (await Client.GetOkAsync(Drafter, $"/api/v1/documents/{id}")).GetProperty("documentNumber").ValueKind.Should().Be(JsonValueKind.Null);
            await Client.TakeToAsync(id, "decided");
            ids.Add(id);
        }

        var numbers = new List<string>();
        foreach (var id in ids)
        {
            numbers.Add((await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/registration")).GetProperty("unifiedNumber").GetString()!);
        }

        numbers.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task RefusesTheLaterRegistration_GivenTwoDraftsOfOneNumber()
    {
        var number = TestDocx.NextDocumentNumber();
        var earlier = await UploadWithNumberAsync(number, "桐庐县人民政府关于先起草的通知");
        await Client.TakeToAsync(earlier, "approved");

        var (later, _) = await RegisterWithNumberAsync(number, "桐庐县人民政府关于先登记的通知");
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{earlier}/collective-decision", new { meeting = "县政府第13次常务会议", date = "2024-09-06" });
        var response = await Client.PostAsync(Legal, $"/api/v1/documents/{earlier}/registration");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict, "a draft holds no number: whichever is registered first takes it");
        (await Json(response)).GetProperty("existingDocument").GetProperty("id").GetGuid().Should().Be(later);
    }

    [Fact]
    public async Task Refuses_GivenHolderStoredBeforeTheKeyColumnThenBackfilled()
    {
        var number = TestDocx.NextDocumentNumber();
        var (holder, _) = await RegisterWithNumberAsync(number, "桐庐县人民政府关于升级前登记的通知");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            // A row written before the migration that added the column has no key.
            var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
            await db.Documents.Where(d => d.Id == holder).ExecuteUpdateAsync(u => u.SetProperty(d => d.DocumentNumberKey, (string?)null));

            (await DocumentNumberKeyBackfill.RunAsync(db, CancellationToken.None)).Should().Be(1);
            (await db.Documents.AsNoTracking().SingleAsync(d => d.Id == holder)).DocumentNumberKey.Should().Be(number);
            (await DocumentNumberKeyBackfill.RunAsync(db, CancellationToken.None)).Should().Be(0, "once filled there is nothing left to do");
        }

        var second = await UploadWithNumberAsync(number.Replace('〔', '[').Replace('〕', ']'), "桐庐县人民政府关于升级后重复登记的通知");
        await Client.TakeToAsync(second, "decided");

        var response = await Client.PostAsync(Legal, $"/api/v1/documents/{second}/registration");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(response)).GetProperty("existingDocument").GetProperty("id").GetGuid().Should().Be(holder);
    }

    // ---- setting or correcting the 发文字号 at registration ----

    [Fact]
    public async Task RegistersUnderCorrectedNumber_GivenRefusedDuplicateThenNumberSent()
    {
        var taken = TestDocx.NextDocumentNumber();
        var holder = await UploadWithNumberAsync(taken, "桐庐县人民政府关于已登记文号的通知");
        await Client.TakeToAsync(holder, "published");
        var second = await UploadWithNumberAsync(taken, "桐庐县人民政府关于文号有误的通知");
        await Client.TakeToAsync(second, "decided");
        var refused = await Client.PostAsync(Legal, $"/api/v1/documents/{second}/registration");
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(refused)).GetProperty("detail").GetString().Should().Contain("documentNumber").And.Contain($"/api/v1/documents/{second}/registration",
            "the refusal says how to register under the right number");

        var corrected = TestDocx.NextDocumentNumber(); // 桐政发〔2024〕n号
        var typed = corrected.Replace('〔', '[').Replace('〕', ']');
        var registration = await Client.PostOkAsync(Legal, $"/api/v1/documents/{second}/registration", new { documentNumber = typed });

        registration.GetProperty("documentNumber").GetString().Should().Be(corrected, "the number is stored in its canonical form");
        var document = await Client.GetOkAsync(Legal, $"/api/v1/documents/{second}");
        document.GetProperty("documentNumber").GetString().Should().Be(corrected);
        document.GetProperty("unifiedNumber").GetString().Should().Be(registration.GetProperty("unifiedNumber").GetString());
        var step = document.GetProperty("steps").EnumerateArray().Last();
        step.GetProperty("kind").GetString().Should().Be("registration");
        step.GetProperty("opinion").GetString().Should().Be($"发文字号更正为{corrected}（原为{taken}）");

        var audit = (await Client.GetOkAsync(Legal, $"/api/v1/documents/{second}/audit?limit=200")).GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("action").GetString() == "step.registration");
        JsonDocument.Parse(audit.GetProperty("oldValue").GetString()!).RootElement.GetProperty("documentNumber").GetString().Should().Be(taken);
        var after = JsonDocument.Parse(audit.GetProperty("newValue").GetString()!).RootElement;
        after.GetProperty("document").GetProperty("documentNumber").GetString().Should().Be(corrected);
        after.GetProperty("step").GetProperty("opinion").GetString().Should().Contain(corrected).And.Contain(taken);
        (await Client.GetOkAsync(Legal, $"/api/v1/documents/{second}/audit/verify")).GetProperty("valid").GetBoolean().Should().BeTrue();

        await Client.PostOkAsync(Legal, $"/api/v1/documents/{second}/publication", new { date = "2024-09-06", channel = "桐庐县人民政府网站" });
        var sequence = corrected["桐政发〔2024〕".Length..^1];
        var byCorrected = await Client.GetOkAsync(Anonymous, $"/api/v1/register?documentNumber={Uri.EscapeDataString($"桐政发（2024）第0{sequence}号")}");
        byCorrected.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Equal([second]);
        byCorrected.GetProperty("items")[0].GetProperty("documentNumber").GetString().Should().Be(corrected);
        var byOld = await Client.GetOkAsync(Anonymous, $"/api/v1/register?documentNumber={Uri.EscapeDataString(taken)}");
        byOld.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Equal([holder], "the old number is the holder's only");
        (await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{second}")).GetProperty("documentNumber").GetString().Should().Be(corrected);
        var unifiedNumber = registration.GetProperty("unifiedNumber").GetString();
        var timeline = await Client.GetOkAsync(Anonymous, $"/api/v1/register/{unifiedNumber}/timeline");
        timeline.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "registration")
            .GetProperty("detail").GetString().Should().Be($"{unifiedNumber}；发文字号更正为{corrected}（原为{taken}）");
    }

    [Fact]
    public async Task SetsNumber_GivenDocumentWithoutNumberRegisteredWithOne()
    {
        var id = await Client.UploadAsync(TestDocx.FromParagraphs("桐庐县人民政府关于印发时编号文件的通知", "一、严格执行合法性审核制度。", "二、本通知自印发之日起施行。"));
        await Client.TakeToAsync(id, "decided");
        var number = TestDocx.NextDocumentNumber();

        var registration = await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/registration", new { documentNumber = number });

        registration.GetProperty("documentNumber").GetString().Should().Be(number);
        var document = await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}");
        document.GetProperty("documentNumber").GetString().Should().Be(number);
        document.GetProperty("steps").EnumerateArray().Last().GetProperty("opinion").GetString().Should().Be($"发文字号定为{number}");
        await AssertStoredKeyAsync(id, number);
    }

    [Fact]
    public async Task RefusesWith409AndKeepsNumber_GivenCorrectionToNumberAnotherDocumentHolds()
    {
        var taken = TestDocx.NextDocumentNumber();
        var (holder, holderNumber) = await RegisterWithNumberAsync(taken, "桐庐县人民政府关于占用文号的通知");
        var own = TestDocx.NextDocumentNumber();
        var second = await UploadWithNumberAsync(own, "桐庐县人民政府关于误改文号的通知");
        await Client.TakeToAsync(second, "decided");
        var before = await Client.GetOkAsync(Legal, $"/api/v1/documents/{second}");
        var counts = await CountsAsync();

        var response = await Client.PostAsync(Legal, $"/api/v1/documents/{second}/registration", new { documentNumber = taken.Replace('〔', '(').Replace('〕', ')') });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await Json(response);
        problem.GetProperty("code").GetString().Should().Be("duplicate-document-number");
        problem.GetProperty("documentNumber").GetString().Should().Be(taken, "the problem names the number that was refused, in its canonical form");
        problem.GetProperty("existingDocument").GetProperty("id").GetGuid().Should().Be(holder);
        problem.GetProperty("detail").GetString().Should().Contain(holderNumber);
        var after = await Client.GetOkAsync(Legal, $"/api/v1/documents/{second}");
        after.GetProperty("documentNumber").GetString().Should().Be(own, "a refused registration does not change the number");
        after.GetProperty("status").GetString().Should().Be("decided");
        after.GetProperty("steps").GetArrayLength().Should().Be(before.GetProperty("steps").GetArrayLength());
        (await CountsAsync()).Should().Be(counts);
        await AssertStoredKeyAsync(second, own);

        var registered = await Client.PostOkAsync(Legal, $"/api/v1/documents/{second}/registration");
        registered.GetProperty("documentNumber").GetString().Should().Be(own);
    }

    [Theory]
    [InlineData("""{"documentNumber":""}""")]
    [InlineData("""{"documentNumber":"   "}""")]
    [InlineData("""{"documentNumber":"桐政发"}""")]
    [InlineData("""{"documentNumber":"关于印发实施意见的通知"}""")]
    [InlineData("""{"documentNumber":"桐政发〔2024〕"}""")]
    [InlineData("""{"documentNumber":"桐政发〔2024〕5号 桐政发〔2024〕6号"}""")]
    public async Task RefusesWith400AndChangesNothing_GivenBlankOrInvalidNumber(string body)
    {
        var own = TestDocx.NextDocumentNumber();
        var id = await UploadWithNumberAsync(own, "桐庐县人民政府关于文号填错的通知");
        await Client.TakeToAsync(id, "decided");
        var counts = await CountsAsync();

        var response = await PostJsonAsync(id, body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await Json(response);
        problem.GetProperty("code").GetString().Should().Be("validation-failed");
        problem.GetProperty("errors").GetProperty("documentNumber").GetArrayLength().Should().Be(1);
        await AssertUnchangedAsync(id, own, counts);
    }

    [Fact]
    public async Task RefusesWith400AndChangesNothing_GivenTooLongMalformedOrMisspeltBody()
    {
        var own = TestDocx.NextDocumentNumber();
        var id = await UploadWithNumberAsync(own, "桐庐县人民政府关于请求有误的通知");
        await Client.TakeToAsync(id, "decided");
        var counts = await CountsAsync();

        var tooLong = await PostJsonAsync(id, JsonSerializer.Serialize(new { documentNumber = "桐政发〔2024〕" + new string('1', 200) + "号" }));
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(tooLong)).GetProperty("errors").TryGetProperty("documentNumber", out _).Should().BeTrue();
        foreach (var body in new[] { """{"documentNumber":""", """{"number":"桐政发〔2024〕9号"}""", """["桐政发〔2024〕9号"]""", """{"documentNumber":5}""" })
        {
            var response = await PostJsonAsync(id, body);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", body);
            (await Json(response)).GetProperty("code").GetString().Should().Be("bad-request", body);
        }

        await AssertUnchangedAsync(id, own, counts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("""{"documentNumber":null}""")]
    public async Task KeepsNumber_GivenNoBodyEmptyObjectOrNullNumber(string? body)
    {
        var own = TestDocx.NextDocumentNumber();
        var id = await UploadWithNumberAsync(own, "桐庐县人民政府关于文号无误的通知");
        await Client.TakeToAsync(id, "decided");

        // No body: no Content-Type and no content at all, as clients sent before the body existed.
        var response = body is null
            ? await Client.As(Legal).PostAsync($"/api/v1/documents/{id}/registration", null)
            : await PostJsonAsync(id, body);

        await Expect(response, HttpStatusCode.OK);
        (await Json(response)).GetProperty("documentNumber").GetString().Should().Be(own);
        var document = await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}");
        document.GetProperty("documentNumber").GetString().Should().Be(own);
        document.GetProperty("steps").EnumerateArray().Last().GetProperty("opinion").ValueKind.Should().Be(JsonValueKind.Null, "nothing changed, nothing to note");
    }

    [Fact]
    public async Task StoresCanonicalFormWithoutRefusing_GivenOwnNumberWrittenDifferently()
    {
        var number = TestDocx.NextDocumentNumber();
        var written = number.Replace('〔', '[').Replace('〕', ']');
        var id = await UploadWithNumberAsync(written, "桐庐县人民政府关于文号写法不规范的通知");
        await Client.TakeToAsync(id, "decided");
        (await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}")).GetProperty("documentNumber").GetString().Should().Be(number, "the upload stores the canonical form");

        var registration = await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/registration", new { documentNumber = number });

        registration.GetProperty("documentNumber").GetString().Should().Be(number, "its own number is no duplicate of itself");
        await AssertStoredKeyAsync(id, number);
    }

    private async Task<HttpResponseMessage> PostJsonAsync(Guid id, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return await Client.As(Legal).PostAsync($"/api/v1/documents/{id}/registration", content);
    }

    private async Task AssertUnchangedAsync(Guid id, string number, (int Audit, int Events, int Outbox, int LastNumber) counts)
    {
        var document = await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}");
        document.GetProperty("documentNumber").GetString().Should().Be(number);
        document.GetProperty("status").GetString().Should().Be("decided");
        document.GetProperty("unifiedNumber").ValueKind.Should().Be(JsonValueKind.Null);
        (await CountsAsync()).Should().Be(counts);
        await AssertStoredKeyAsync(id, number);
    }

    private async Task AssertStoredKeyAsync(Guid id, string key)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        (await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => d.DocumentNumberKey).SingleAsync()).Should().Be(key);
    }

    private Task<Guid> UploadWithNumberAsync(string number, string title) => Client.UploadWithNumberAsync(number, title);

    private async Task<(Guid Id, string UnifiedNumber)> RegisterWithNumberAsync(string number, string title)
    {
        var id = await UploadWithNumberAsync(number, title);
        await Client.TakeToAsync(id, "decided");
        var registration = await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/registration");
        return (id, registration.GetProperty("unifiedNumber").GetString()!);
    }

    /// <summary>A department of the county that issues documents in its own name (prefix ATLD31), with a drafter key.</summary>
    private async Task<(Guid Id, string Key)> IssuingDepartmentAsync()
    {
        var created = await Client.PostOkAsync(Admin, "/api/v1/organisations",
            new { code = "tonglu-zjj-issuer", name = "桐庐县住房和城乡建设局", kind = "department", parentId = TongluGovernment, unifiedNumberPrefix = "ATLD31" });
        var id = created.GetProperty("id").GetGuid();
        var key = await Client.PostOkAsync(Admin, $"/api/v1/organisations/{id}/api-keys", new { label = "住建局起草", roles = new[] { "drafter" } });
        return (id, key.GetProperty("key").GetString()!);
    }

    private Task<(int Audit, int Events, int Outbox, int LastNumber)> CountsAsync() => RegistrationSideEffects.CountAsync(Factory);

    private static int Sequence(string unifiedNumber) => RegistrationSideEffects.Sequence(unifiedNumber);

    // The full-width variant writes the sequence in full-width digits too.
    private static string FullWidthIfNeeded(string variant, string sequence) =>
        variant.Contains('［', StringComparison.Ordinal) ? string.Concat(sequence.Select(c => (char)(c - '0' + '０'))) : sequence;
}

public sealed class SqliteDuplicateDocumentNumberScenarios(FilingApiFactory factory)
    : DuplicateDocumentNumberScenarios(factory), IClassFixture<FilingApiFactory>;

public sealed class PostgresDuplicateDocumentNumberScenarios(PostgresApiFactory factory)
    : DuplicateDocumentNumberScenarios(factory), IClassFixture<PostgresApiFactory>;
