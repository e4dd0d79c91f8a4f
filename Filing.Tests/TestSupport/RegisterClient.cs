using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Filing.Tests.TestSupport;

/// <summary>Drives the register API with the demo keys.</summary>
public sealed class RegisterClient(FilingApiFactory factory)
{
    public const string Drafter = "dev-drafter";
    public const string Drafter2 = "dev-drafter-2";
    public const string Legal = "dev-legal-office";
    public const string Market = "dev-market-regulation";
    public const string Npc = "dev-npc";
    public const string Party = "dev-party";
    public const string Admin = "dev-admin";
    public const string Anonymous = "";
    public static readonly Guid TongluGovernment = Guid.Parse("0192a000-0000-7000-8000-000000000001");
    public static readonly Guid NpcOffice = Guid.Parse("0192a000-0000-7000-8000-000000000008");

    public HttpClient As(string key, string? idempotencyKey = null)
    {
        var client = factory.CreateClient();
        if (key.Length > 0)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        if (idempotencyKey is not null)
        {
            client.DefaultRequestHeaders.Add("Idempotency-Key", idempotencyKey);
        }

        return client;
    }

    public async Task<HttpResponseMessage> UploadResponseAsync(string key, byte[] file, string fileName = "draft.docx",
        IReadOnlyDictionary<string, string>? fields = null, string? idempotencyKey = null, string path = "/api/v1/documents")
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(content, "file", fileName);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }

        return await As(key, idempotencyKey).PostAsync(path, form);
    }

    public async Task<Guid> UploadAsync(byte[]? file = null, IReadOnlyDictionary<string, string>? fields = null, string key = Drafter)
    {
        var response = await UploadResponseAsync(key, file ?? TestDocx.Draft(), fields: fields);
        await Expect(response, HttpStatusCode.Created);
        return (await Json(response)).GetProperty("id").GetGuid();
    }

    /// <summary>Uploads a draft titled <paramref name="title"/> with <paramref name="documentNumber"/> as its 发文字号.</summary>
    public Task<Guid> UploadWithNumberAsync(string documentNumber, string title) =>
        UploadAsync(TestDocx.Draft(title), new Dictionary<string, string> { ["documentNumber"] = documentNumber });

    public async Task<HttpResponseMessage> PostAsync(string key, string path, object? body = null, string? idempotencyKey = null) =>
        body is null
            ? await As(key, idempotencyKey).PostAsync(path, null)
            : await As(key, idempotencyKey).PostAsJsonAsync(path, body);

    public async Task<JsonElement> PostOkAsync(string key, string path, object? body = null)
    {
        var response = await PostAsync(key, path, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} as {key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return await Json(response);
    }

    public async Task<JsonElement> GetOkAsync(string key, string path)
    {
        var response = await As(key).GetAsync(path);
        await Expect(response, HttpStatusCode.OK);
        return await Json(response);
    }

    public async Task<HttpResponseMessage> GetAsync(string key, string path) => await As(key).GetAsync(path);

    /// <summary>Takes a document through the procedure up to and including <paramref name="stage"/>.</summary>
    public async Task TakeToAsync(Guid id, string stage, string publicationDate = "2024-09-06")
    {
        var d = $"/api/v1/documents/{id}";
        string[] order = ["in-review", "approved", "decided", "registered", "published"];
        var upTo = Array.IndexOf(order, stage);
        if (upTo < 0)
        {
            throw new ArgumentException(stage, nameof(stage));
        }

        await PostOkAsync(Drafter, d + "/consultation", new { waiverReason = "仅涉及行政机关内部工作程序" });
        if (upTo < 1)
        {
            return;
        }

        await PostOkAsync(Drafter, d + "/fair-competition-review", new { outcome = "passed", opinion = "不含排除、限制竞争内容" });
        await PostOkAsync(Market, d + "/fair-competition-review", new { outcome = "passed", opinion = "同意" });
        await PostOkAsync(Drafter, d + "/gender-equality-assessment", new { outcome = "not-applicable" });
        await PostOkAsync(Drafter, d + "/health-screening", new { outcome = "not-applicable" });
        await PostOkAsync(Legal, d + "/legality-review", new { outcome = "passed", opinion = "合法" });
        if (upTo < 2)
        {
            return;
        }

        await PostOkAsync(Legal, d + "/collective-decision", new { meeting = "县政府第12次常务会议", date = publicationDate });
        if (upTo < 3)
        {
            return;
        }

        await PostOkAsync(Legal, d + "/registration");
        if (upTo < 4)
        {
            return;
        }

        await PostOkAsync(Legal, d + "/publication", new { date = publicationDate, channel = "桐庐县人民政府网站", policyInterpretation = "政策解读：……" });
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"Expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
