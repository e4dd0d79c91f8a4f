using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Filing.Api.Review;
using Filing.Core.Review.Annotation;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Api;

public class ReviewEndpointsTests(FilingApiFactory factory) : IClassFixture<FilingApiFactory>
{
    private const string DoneWhenProblem = "本县政府投资项目必须使用本地企业生产的建材";
    private const string DoneWhenClean = "不得限定或者变相限定单位或者个人经营、购买、使用其指定的经营者提供的商品";

    [Fact]
    public async Task ReturnsLocatedFairCompetitionFinding_GivenLocalMaterialsClause()
    {
        var body = await PostText(new { text = DoneWhenProblem });

        var finding = body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("step").GetString() == "fair-competition");
        finding.GetProperty("ruleId").GetString().Should().StartWith("FC-");
        finding.GetProperty("severity").GetString().Should().Be("error");
        finding.GetProperty("basis").EnumerateArray().Select(b => b.GetProperty("law").GetString()).Should().Contain("公平竞争审查条例");
        finding.GetProperty("basis")[0].GetProperty("article").GetString().Should().Be("第九条");
        finding.GetProperty("basis")[0].GetProperty("item").GetString().Should().Be("第（一）项");
        finding.GetProperty("suggestion").GetString().Should().NotBeNullOrWhiteSpace();
        var location = finding.GetProperty("location");
        location.GetProperty("paragraph").GetInt32().Should().Be(0);
        var start = location.GetProperty("start").GetInt32();
        var length = location.GetProperty("length").GetInt32();
        DoneWhenProblem.Substring(start, length).Should().Be(finding.GetProperty("excerpt").GetString());
        body.GetProperty("summary").GetProperty("countsByStep").GetProperty("fair-competition").GetInt32().Should().Be(1);
        body.GetProperty("summary").GetProperty("countsBySeverity").GetProperty("error").GetInt32().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task ReturnsNoErrorOrWarning_GivenQuotedProhibition()
    {
        var body = await PostText(new { text = DoneWhenClean });

        body.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("severity").GetString() is "error" or "warning")
            .Should().BeEmpty();
    }

    [Fact]
    public async Task RunsOnlyRequestedSteps_GivenStepsAndSkipsDocumentChecksForPassages()
    {
        var passage = await PostText(new { text = "桐政发[2018]47号\n招聘岗位限男性，须在本地设立分支机构。", steps = new[] { "gender-equality", "drafting" } });
        var whole = await PostText(new { text = "桐政发[2018]47号\n招聘岗位限男性，须在本地设立分支机构。", steps = new[] { "drafting" }, wholeDocument = true });

        passage.GetProperty("steps").EnumerateArray().Select(s => s.GetString()).Should().Equal("gender-equality", "drafting");
        passage.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("step").GetString()).Should().OnlyContain(s => s == "gender-equality");
        whole.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).Should().Contain("DR-0101");
    }

    [Theory]
    [InlineData("{\"text\":\"\"}", "text")]
    [InlineData("{\"text\":\"本县企业优先。\",\"steps\":[\"fairness\"]}", "fairness")]
    public async Task ReturnsValidationProblem_GivenBadRequest(string json, string mentioned)
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/reviews/text", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("\"code\":\"validation-failed\"").And.Contain(mentioned);
    }

    [Fact]
    public async Task ReturnsTooLarge_GivenTextOverLimit()
    {
        using var small = factory.WithWebHostBuilder(b => b.UseSetting("Review:MaxTextLength", "20"));

        var response = await small.CreateClient().PostAsJsonAsync("/api/v1/reviews/text", new { text = new string('本', 21) });

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"too-large\"");
    }

    [Fact]
    public async Task ReviewsWordUpload_GivenDocx()
    {
        using var content = Upload("corpus/review-samples/review-problems.docx");

        var response = await factory.CreateClient().PostAsync("/api/v1/reviews", content);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("document").GetProperty("documentNumber").GetString().Should().Be("青政发〔2024〕5号");
        body.GetProperty("wholeDocument").GetBoolean().Should().BeTrue();
        var ids = body.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        ids.Should().Contain(["FC-0901", "FC-0902", "FC-1002", "GE-4301", "LG-0201", "LG-0901", "DR-0101"]);
        body.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("ruleId").GetString() == "FC-0901")
            .GetProperty("location").GetProperty("path").GetString().Should().Be("第一条");
    }

    [Fact]
    public async Task ReturnsTheDocxWithOneCommentPerFinding_GivenWordAccept()
    {
        var client = factory.CreateClient();
        using var json = Upload("corpus/review-samples/review-problems.docx");
        var report = await (await client.PostAsync("/api/v1/reviews", json)).Content.ReadFromJsonAsync<JsonElement>();
        using var word = Upload("corpus/review-samples/review-problems.docx");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reviews") { Content = word };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ReviewEndpoints.DocxMediaType));

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(ReviewEndpoints.DocxMediaType);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("review-problems-审查意见.docx");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var comments = doc.MainDocumentPart!.WordprocessingCommentsPart!.Comments.Elements<Comment>()
            .Where(c => c.Author == ReviewCommentWriter.DefaultAuthor).ToList();
        comments.Should().HaveCount(report.GetProperty("findings").GetArrayLength());
        comments.Select(c => c.InnerText).Should().Contain(t => t.Contains("FC-0901") && t.Contains("依据：《公平竞争审查条例》第九条第（一）项"));
    }

    [Theory]
    [InlineData("corpus/samples/bad/legacy-word97.doc", HttpStatusCode.UnsupportedMediaType, "legacy-doc-format")]
    [InlineData("corpus/samples/bad/pdf-export.pdf", HttpStatusCode.UnsupportedMediaType, "unsupported-media-type")]
    [InlineData("corpus/samples/bad/encrypted.docx", HttpStatusCode.UnprocessableEntity, "encrypted-document")]
    public async Task RefusesLikeTheParseEndpoint_GivenBadUpload(string file, HttpStatusCode status, string code)
    {
        using var content = Upload(file);

        var response = await factory.CreateClient().PostAsync("/api/v1/reviews", content);

        response.StatusCode.Should().Be(status);
        (await response.Content.ReadAsStringAsync()).Should().Contain($"\"code\":\"{code}\"");
    }

    [Fact]
    public async Task ReturnsMissingFile_GivenNoUpload()
    {
        using var content = new MultipartFormDataContent { { new StringContent("legality"), "steps" } };

        var response = await factory.CreateClient().PostAsync("/api/v1/reviews", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"missing-file\"");
    }

    [Fact]
    public async Task ListsTheLoadedRules()
    {
        var all = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/rules");
        var health = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/rules?step=health");

        all.GetProperty("count").GetInt32().Should().Be(ReviewTestContext.Rules.Rules.Count);
        all.GetProperty("countsByStep").EnumerateObject().Select(p => p.Name)
            .Should().BeEquivalentTo(["fair-competition", "gender-equality", "health", "legality", "drafting"]);
        var fc = all.GetProperty("rules").EnumerateArray().First(r => r.GetProperty("id").GetString() == "FC-0803");
        fc.GetProperty("basis")[0].GetProperty("citation").GetString().Should().Be("《公平竞争审查条例》第八条第（三）项");
        health.GetProperty("rules").EnumerateArray().Should().OnlyContain(r => r.GetProperty("step").GetString() == "health");
    }

    [Fact]
    public async Task ReportsReviewReadiness_GivenStartedService()
    {
        var body = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/health");

        body.GetProperty("checks").GetProperty("review").GetString().Should().Be("healthy");
    }

    [Fact]
    public void RefusesToStart_GivenMalformedRuleFile()
    {
        var root = Directory.CreateTempSubdirectory("bad-rules-");
        var dir = root.CreateSubdirectory("rules");
        try
        {
            foreach (var file in Directory.GetFiles(RepoRoot.Path("corpus", "rules"), "*.yaml"))
            {
                File.Copy(file, Path.Combine(dir.FullName, Path.GetFileName(file)));
            }

            // quotations.yaml names ../statutes.
            var statutes = root.CreateSubdirectory("statutes");
            foreach (var file in Directory.GetFiles(RepoRoot.Path("corpus", "statutes"), "*.md"))
            {
                File.Copy(file, Path.Combine(statutes.FullName, Path.GetFileName(file)));
            }

            var health = Path.Combine(dir.FullName, "health.yaml");
            File.WriteAllText(health, File.ReadAllText(health).Replace("    severity: error\n", "    severity: severe\n", StringComparison.Ordinal));
            using var broken = factory.WithWebHostBuilder(b => b.UseSetting("Review:RulesDirectory", dir.FullName));

            var act = () => broken.CreateClient();

            act.Should().Throw<Exception>().Which.ToString().Should().Contain("health.yaml").And.Contain("HE-0101");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private async Task<JsonElement> PostText(object request)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/reviews/text", request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static MultipartFormDataContent Upload(string relative)
    {
        var file = new ByteArrayContent(File.ReadAllBytes(RepoRoot.Path(relative)));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", Path.GetFileName(relative) } };
    }
}
