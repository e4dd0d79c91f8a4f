using System.Text.Json;
using System.Text.Json.Nodes;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Api;

public class OpenApiDocumentTests(FilingApiFactory factory) : IClassFixture<FilingApiFactory>
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task CommittedDocument_MatchesServed_GivenCurrentEndpoints()
    {
        var served = Normalize(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        var committedPath = RepoRoot.Path("openapi", "filing-api.v1.json");

        if (Environment.GetEnvironmentVariable("FILING_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(committedPath, served);
        }

        File.Exists(committedPath).Should().BeTrue("openapi/filing-api.v1.json must be committed");
        var committed = Normalize(await File.ReadAllTextAsync(committedPath));
        served.Should().Be(committed,
            "openapi/filing-api.v1.json is stale: rerun the tests with FILING_UPDATE_OPENAPI=1 and commit the file");
    }

    [Fact]
    public async Task SwaggerUi_IsServed_GivenBrowserRequest()
    {
        var response = await factory.CreateClient().GetAsync("/swagger/index.html");

        response.IsSuccessStatusCode.Should().BeTrue();
        (await response.Content.ReadAsStringAsync()).Should().Contain("swagger-ui");
    }

    [Fact]
    public async Task WebhookDelivery_IsDocumentedAsCallbackOfCreateWebhook_GivenSignatureHeaders()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        var delivery = document["paths"]!["/api/v1/webhooks"]!["post"]!["callbacks"]!["delivery"]!["{$request.body#/url}"]!["post"]!;
        var headers = delivery["parameters"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!);
        headers.Keys.Should().Contain(["webhook-id", "webhook-timestamp", "webhook-signature", "X-Filing-Signature", "X-Filing-Event-Id",
            "X-Filing-Event-Type", "X-Filing-Delivery-Id", "X-Filing-Delivery-Attempt"]);
        headers.Values.Should().OnlyContain(p => (string)p["in"]! == "header");
        ((bool?)headers["webhook-signature"]["required"]).Should().BeTrue();
        ((string)headers["webhook-signature"]["description"]!).Should().Contain("{webhook-id}.{webhook-timestamp}.{body}");
        ((bool?)headers["X-Filing-Signature"]["deprecated"]).Should().BeTrue();
        ((string)delivery["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!).Should().EndWith("/RegisterEventDto");
    }

    private static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(Indented).ReplaceLineEndings("\n").TrimEnd() + "\n";
}
