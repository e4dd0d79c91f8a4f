using System.Text.Json;
using System.Text.Json.Nodes;
using Filing.Api.Documents;
using Filing.Core.Documents;
using Filing.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Filing.Tests.Documents;

/// <summary>
/// Golden tests over <c>corpus/samples</c>: every Word sample (.docx, .docm, .dotx, and any other file that has an
/// expected file, such as the bad inputs) is read with <see cref="NormativeDocumentReader.Read"/>, mapped to the API
/// response with <see cref="ParsedDocumentResponse.From"/>, serialised with the API's own JSON options, and compared
/// with <c>&lt;case&gt;.expected.json</c> using subset semantics (<see cref="JsonSubset"/>). A refused file is
/// compared as the API would answer it, <c>{ "status": 415, "code": "legacy-doc-format" }</c>, through
/// <see cref="DocumentProblems"/>. Adding a sample is a data-only change.
/// </summary>
public class CorpusGoldenTests(FilingApiFactory factory) : IClassFixture<FilingApiFactory>
{
    private const string NoSamples = "(no samples)";
    private static readonly string[] WordExtensions = [".docx", ".docm", ".dotx", ".dotm"];

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var sample in FindSamples())
        {
            data.Add(sample);
        }

        if (data.Count == 0)
        {
            data.Add(NoSamples);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void MatchesExpected_GivenSample(string sample)
    {
        sample.Should().NotBe(NoSamples, "corpus/samples must hold Word samples with <case>.expected.json files");
        var path = RepoRoot.Path("corpus", "samples", sample);
        var expectedPath = ExpectedPathFor(path);
        File.Exists(expectedPath).Should().BeTrue($"every sample needs an expected file: write {Path.GetRelativePath(RepoRoot.Find(), expectedPath)}");
        var expected = JsonNode.Parse(File.ReadAllText(expectedPath), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });

        NormativeDocument? document = null;
        DocumentReadException? refusal = null;
        using (var stream = File.OpenRead(path))
        {
            try
            {
                document = NormativeDocumentReader.Read(stream);
            }
            catch (DocumentReadException e)
            {
                refusal = e;
            }
        }

        // Refusals are compared in the API's terms ({ "status", "code" }), through the same mapping the endpoints use.
        var actual = document is null
            ? RefusalNode(refusal!)
            : WithStatus(JsonSerializer.SerializeToNode(ParsedDocumentResponse.From(document), ApiJsonOptions())!);

        var differences = JsonSubset.Differences(expected, actual).ToList();
        if (document is not null && expected?["$occurrences"] is JsonObject occurrences)
        {
            // "$occurrences": { "text": n } — how often a passage appears in the body text (merged cells once,
            // deleted text never, footnotes and comments not at all).
            foreach (var (text, count) in occurrences)
            {
                var actualCount = CountOccurrences(document.Text, text);
                if (actualCount != count!.GetValue<int>())
                {
                    differences.Add($"$occurrences[\"{text}\"]: expected {count} in the body text, actual {actualCount}");
                }
            }
        }

        differences.Should().BeEmpty(
            $"{sample} should match {Path.GetFileName(expectedPath)}{(refusal is null ? "" : $" (the reader refused it: {refusal.Code}: {refusal.Message})")}:\n{string.Join('\n', differences)}\n");
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static JsonNode WithStatus(JsonNode parsed)
    {
        parsed["status"] = 200;
        return parsed;
    }

    private static JsonObject RefusalNode(DocumentReadException e)
    {
        var problem = DocumentProblems.From(e).ProblemDetails;
        return new JsonObject
        {
            ["status"] = problem.Status,
            ["code"] = problem.Extensions.TryGetValue("code", out var code) ? code?.ToString() : null,
            ["detail"] = problem.Detail,
        };
    }

    private JsonSerializerOptions ApiJsonOptions() =>
        factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    private static IEnumerable<string> FindSamples()
    {
        var root = RepoRoot.Path("corpus", "samples");
        if (!Directory.Exists(root))
        {
            return [];
        }

        var source = Path.Combine(root, "src") + Path.DirectorySeparatorChar;
        // bad/ holds HTTP-level expectations ({"status", "code"}): Api/BadInputCorpusTests posts those through the endpoint.
        var bad = Path.Combine(root, "bad") + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(source, StringComparison.Ordinal) && !f.StartsWith(bad, StringComparison.Ordinal))
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Where(f => WordExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) || File.Exists(ExpectedPathFor(f)))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
    }

    private static string ExpectedPathFor(string samplePath) =>
        Path.Combine(Path.GetDirectoryName(samplePath)!, Path.GetFileNameWithoutExtension(samplePath) + ".expected.json");
}
