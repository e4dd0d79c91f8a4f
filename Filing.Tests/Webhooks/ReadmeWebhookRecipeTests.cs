using System.Text.RegularExpressions;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Webhooks;

/// <summary>
/// The receiver-side C# example in README.md is the verifier the webhook tests check deliveries with
/// (<see cref="FilingWebhook"/>): this fails when the two differ, so the README cannot drift from what is tested.
/// </summary>
public class ReadmeWebhookRecipeTests
{
    [Fact]
    public void CSharpExample_IsTheVerifierTheTestsUse_GivenReadme()
    {
        var readme = File.ReadAllText(RepoRoot.Path("README.md"));
        var blocks = Regex.Matches(readme, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .Where(b => b.Contains("class FilingWebhook", StringComparison.Ordinal)).ToList();
        blocks.Should().ContainSingle("README.md shows receivers one C# verifier, FilingWebhook");

        var source = File.ReadAllText(RepoRoot.Path("Filing.Tests", "TestSupport", "FilingWebhook.cs"));
        var start = source.IndexOf("// README:begin", StringComparison.Ordinal);
        var end = source.IndexOf("// README:end", StringComparison.Ordinal);
        start.Should().BePositive();
        end.Should().BeGreaterThan(start);

        Code(blocks[0]).Should().Equal(Code(source[(start + "// README:begin".Length)..end]));
    }

    [Fact]
    public void Readme_DocumentsTheRecipe_GivenWebhooksSection()
    {
        var readme = File.ReadAllText(RepoRoot.Path("README.md"));

        readme.Should().Contain("webhook-id").And.Contain("webhook-timestamp").And.Contain("webhook-signature")
            .And.Contain("{webhook-id}.{webhook-timestamp}.{body}").And.Contain("openssl").And.Contain("Webhooks:SendLegacySignature");
    }

    // The statements, without usings, indentation and blank lines (the README block is not indented like the file).
    private static List<string> Code(string text) => [.. text.Split('\n').Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal))];
}
