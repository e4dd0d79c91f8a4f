using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Api;

/// <summary>
/// Every file in <c>corpus/samples/bad/</c> is posted to the parse endpoint and must get exactly the status and problem
/// <c>code</c> of its <c>&lt;case&gt;.expected.json</c> (<c>{"status": 415, "code": "legacy-doc-format"}</c>); a case that
/// expects 200 lists properties the response must contain. After each one the service must still answer /health.
/// </summary>
public class BadInputCorpusTests(FilingApiFactory factory) : IClassFixture<FilingApiFactory>
{
    private const string NoCases = "(no cases)";

    public static TheoryData<string> Cases()
    {
        var folder = RepoRoot.Path("corpus", "samples", "bad");
        var cases = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.expected.json").Select(f => Path.GetFileName(f)[..^".expected.json".Length]).Order(StringComparer.Ordinal).ToList()
            : [];
        var data = new TheoryData<string>();
        foreach (var name in cases.DefaultIfEmpty(NoCases))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnswersAsExpectedAndStaysUp_GivenBadInput(string name)
    {
        name.Should().NotBe(NoCases, "corpus/samples/bad must hold bad inputs with <case>.expected.json files");
        var folder = RepoRoot.Path("corpus", "samples", "bad");
        var sample = Directory.EnumerateFiles(folder, name + ".*").Single(f => !f.EndsWith(".expected.json", StringComparison.Ordinal));
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, name + ".expected.json")))!.AsObject();
        var status = expected["status"]!.GetValue<int>();
        var client = factory.CreateClient();

        var response = await client.PostAsync("/api/v1/documents/parse", DocumentsEndpointsTests.Upload(await File.ReadAllBytesAsync(sample), Path.GetFileName(sample)));

        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, $"{Path.GetFileName(sample)} answered {text}");
        var actual = JsonNode.Parse(text)!.AsObject();
        if (status == 200)
        {
            var properties = expected.DeepClone().AsObject();
            properties.Remove("status");
            JsonSubset.Differences(properties, actual).Should().BeEmpty();
        }
        else
        {
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            actual["code"]!.GetValue<string>().Should().Be(expected["code"]!.GetValue<string>(), text);
            actual["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
            text.Should().NotContain("   at ", "no stack trace may reach the client");
        }

        var health = await client.GetAsync("/health");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("healthy");
    }
}
