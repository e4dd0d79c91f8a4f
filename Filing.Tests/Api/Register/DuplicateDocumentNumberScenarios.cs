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
/// nothing is changed: no unified number drawn, no step, no audit entry, no event. Runs on SQLite and PostgreSQL.
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
        problem.GetProperty("documentNumber").GetString().Should().Be(written.Trim());
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

    private async Task<Guid> UploadWithNumberAsync(string number, string title) =>
        await Client.UploadAsync(TestDocx.Draft(title), new Dictionary<string, string> { ["documentNumber"] = number });

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

    private async Task<(int Audit, int Events, int Outbox, int LastNumber)> CountsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        return (await db.AuditEntries.CountAsync(), await db.RegisterEvents.CountAsync(), await db.OutboxMessages.CountAsync(),
            await db.NumberSequences.Where(s => s.Prefix == "ATLD00" && s.Year == 2024).Select(s => s.LastValue).SingleAsync());
    }

    private static int Sequence(string unifiedNumber) => Filing.Core.Register.UnifiedNumber.Parse(unifiedNumber).Sequence;

    // The full-width variant writes the sequence in full-width digits too.
    private static string FullWidthIfNeeded(string variant, string sequence) =>
        variant.Contains('［', StringComparison.Ordinal) ? string.Concat(sequence.Select(c => (char)(c - '0' + '０'))) : sequence;
}

public sealed class SqliteDuplicateDocumentNumberScenarios(FilingApiFactory factory)
    : DuplicateDocumentNumberScenarios(factory), IClassFixture<FilingApiFactory>;

public sealed class PostgresDuplicateDocumentNumberScenarios(PostgresApiFactory factory)
    : DuplicateDocumentNumberScenarios(factory), IClassFixture<PostgresApiFactory>;
