using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Api;

public class DocumentsEndpointsTests(FilingApiFactory factory) : IClassFixture<FilingApiFactory>
{
    private const string Parse = "/api/v1/documents/parse";

    internal static MultipartFormDataContent Upload(byte[] content, string fileName = "草案.docx", string field = "file")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    private static byte[] Fixture(string name) => File.ReadAllBytes(RepoRoot.Path("Filing.Tests", "Documents", "Reading", "Fixtures", name));

    [Fact]
    public async Task ReturnsParsedDocument_GivenWordFileAndApiKey()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "dev-drafter");

        var response = await client.PostAsync(Parse, Upload(Fixture("features.docx")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await Json(response);
        body.GetProperty("revisions").GetProperty("hasTrackedChanges").GetBoolean().Should().BeTrue();
        body.GetProperty("revisions").GetProperty("hasComments").GetBoolean().Should().BeTrue();
        body.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetProperty("text").GetString()).Should().Contain("第一条条文1");
        body.GetProperty("comments")[0].GetProperty("author").GetString().Should().Be("李四");
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"第一条条文1\"", "Chinese is written as is, not \\u-escaped");
    }

    [Fact]
    public async Task Refuses401_GivenUnknownApiKey()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key");

        var response = await client.PostAsync(Parse, Upload(Fixture("features.docx")));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Json(response)).GetProperty("code").GetString().Should().Be("unauthorized");
    }

    [Fact]
    public async Task TrustsContentNotName_GivenDocxNamedPdf()
    {
        var response = await factory.CreateClient().PostAsync(Parse, Upload(Fixture("features.docx"), "scan.pdf"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public static TheoryData<string, int, string> Refusals => new()
    {
        { "legacy-doc", 415, "legacy-doc-format" },
        { "encrypted", 422, "encrypted-document" },
        { "pdf", 415, "unsupported-media-type" },
        { "odt", 415, "unsupported-media-type" },
        { "png", 415, "unsupported-media-type" },
        { "empty", 422, "empty-document" },
        { "truncated", 422, "corrupt-package" },
        { "malformed-xml", 422, "corrupt-package" },
        { "no-main-part", 422, "corrupt-package" },
        { "zip-bomb", 413, "too-large" },
        { "zip-bomb-lying-header", 422, "corrupt-package" },
        { "billion-laughs", 422, "corrupt-package" },
        { "xxe", 422, "corrupt-package" },
        { "200k-paragraphs", 413, "too-large" },
        { "nested-tables", 422, "corrupt-package" },
    };

    private static byte[] Hostile(string name) => name switch
    {
        "legacy-doc" => Fixture("features.doc"),
        "encrypted" => CompoundFiles.EncryptedOoxml().ToArray(),
        "pdf" => Fixture("features.pdf"),
        "odt" => Fixture("features.odt"),
        "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52],
        "empty" => [],
        "truncated" => Fixture("features.docx")[..4000],
        "malformed-xml" => Packages.MinimalDocx("<w:p><w:r><w:t>x</w:p>").ToArray(),
        "no-main-part" => Packages.Zip(("[Content_Types].xml", Packages.ContentTypesWithDocx), ("_rels/.rels", Packages.RootRelationships)).ToArray(),
        "zip-bomb" => HostileFiles.ZipBomb(1024, honestHeader: true),
        "zip-bomb-lying-header" => HostileFiles.ZipBomb(1024, honestHeader: false),
        "billion-laughs" => HostileFiles.BillionLaughs().ToArray(),
        "xxe" => HostileFiles.ExternalEntity().ToArray(),
        "200k-paragraphs" => HostileFiles.ManyParagraphs(200_000).ToArray(),
        "nested-tables" => HostileFiles.NestedTables(5_000).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task RefusesWithProblemAndStaysUp_GivenBadInput(string input, int status, string code)
    {
        var client = factory.CreateClient();

        var response = await client.PostAsync(Parse, Upload(Hostile(input)));

        await ShouldBeProblem(response, status, code);
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NamesDetectedType_GivenNonWordFile()
    {
        var response = await factory.CreateClient().PostAsync(Parse, Upload(Fixture("features.pdf")));

        var body = await Json(response);
        body.GetProperty("detectedType").GetString().Should().Be("application/pdf");
        body.GetProperty("detail").GetString().Should().Contain("PDF");
    }

    [Fact]
    public async Task IgnoresTraversalEntryNames_GivenZipSlipPackage()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"filing-api-traversal-{Guid.NewGuid():N}.txt");
        var package = Packages.MinimalDocx(Docx.Paragraph("正文"), ("../../../../../../.." + marker, "pwned")).ToArray();

        var response = await factory.CreateClient().PostAsync(Parse, Upload(package));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        File.Exists(marker).Should().BeFalse();
    }

    [Fact]
    public async Task Returns400_GivenFileInOtherField()
    {
        var response = await factory.CreateClient().PostAsync(Parse, Upload(Fixture("features.docx"), field: "document"));

        await ShouldBeProblem(response, 400, "missing-file");
    }

    [Fact]
    public async Task Returns400_GivenMultipartWithoutFile()
    {
        var form = new MultipartFormDataContent { { new StringContent("草案"), "title" } };

        var response = await factory.CreateClient().PostAsync(Parse, form);

        await ShouldBeProblem(response, 400, "missing-file");
    }

    [Fact]
    public async Task Returns400_GivenNoBody()
    {
        var response = await factory.CreateClient().PostAsync(Parse, null);

        await ShouldBeProblem(response, 400, "missing-file");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Returns415WithDetail_GivenBodyThatIsNotMultipart(string contentType)
    {
        var response = await factory.CreateClient().PostAsync(Parse, new StringContent("file=x", Encoding.UTF8, contentType));

        var body = await ShouldBeProblem(response, 415, "unsupported-media-type");
        body.GetProperty("detail").GetString().Should().Contain("multipart/form-data");
    }

    [Fact]
    public async Task RefusesFromContentLengthBeforeReading_GivenDeclaredSizeOverLimit()
    {
        var small = factory.WithWebHostBuilder(b => b.UseSetting("Documents:Reader:MaxFileBytes", "10000"));
        var content = Upload(new byte[(2 << 20) + 10]);

        var response = await small.CreateClient().PostAsync(Parse, content);

        var body = await ShouldBeProblem(response, 413, "too-large");
        body.GetProperty("maxFileBytes").GetInt64().Should().Be(10000);
    }

    [Fact]
    public async Task RefusesWhileStreaming_GivenChunkedBodyOverLimit()
    {
        var small = factory.WithWebHostBuilder(b => b.UseSetting("Documents:Reader:MaxFileBytes", "10000"));
        var file = new StreamContent(new MemoryStream(new byte[3 << 20]));
        var content = new MultipartFormDataContent { { file, "file", "big.docx" } };
        var request = new HttpRequestMessage(HttpMethod.Post, Parse) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await small.CreateClient().SendAsync(request);

        await ShouldBeProblem(response, 413, "too-large");
    }

    [Fact]
    public async Task RefusesAsTooLarge_GivenFileOverLimitWithinEnvelope()
    {
        var small = factory.WithWebHostBuilder(b => b.UseSetting("Documents:Reader:MaxFileBytes", "5000"));

        var response = await small.CreateClient().PostAsync(Parse, Upload(Fixture("features.docx")));

        await ShouldBeProblem(response, 413, "too-large");
    }

    private static async Task<JsonElement> ShouldBeProblem(HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        text.Should().NotContain("   at ").And.NotContain("Exception");
        var body = JsonSerializer.Deserialize<JsonElement>(text);
        body.GetProperty("code").GetString().Should().Be(code);
        body.GetProperty("status").GetInt32().Should().Be(status);
        body.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        body.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
        return body;
    }
}
