using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Filing.Core.Documents;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;
using Filing.Core.Review;
using Filing.Core.Review.Annotation;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Review;

/// <summary>
/// The review as the reviewer's own Word file: one comment per finding on exactly the flagged characters, nothing
/// else changed, valid OOXML, and LibreOffice still opens it. Runs over every Word sample, including the
/// review samples with numbering, split runs, tracked changes, tables, a text box and an existing comment.
/// </summary>
public class ReviewCommentWriterTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var dir in new[] { RepoRoot.Path("corpus", "review-samples"), RepoRoot.Path("corpus", "samples") })
        {
            foreach (var file in Directory.EnumerateFiles(dir).Where(f => f.EndsWith(".docx", StringComparison.Ordinal)
                || f.EndsWith(".docm", StringComparison.Ordinal) || f.EndsWith(".dotx", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepoRoot.Find(), file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void AnchorsOneCommentPerFindingOnTheExcerpt_GivenSample(string sample)
    {
        var (original, document, report, annotated, result) = Annotate(sample);

        result.Unplaced.Should().BeEmpty();
        result.Comments.Should().Be(report.Findings.Count);
        result.AnchoredToParagraph.Should().Be(0, "every excerpt should be located exactly");

        using var word = WordprocessingDocument.Open(new MemoryStream(annotated), false);
        var comments = word.MainDocumentPart!.WordprocessingCommentsPart!.Comments.Elements<Comment>()
            .Where(c => c.Author == ReviewCommentWriter.DefaultAuthor).ToList();
        comments.Should().HaveCount(report.Findings.Count);
        var anchored = AnchoredTexts(word.MainDocumentPart.Document.Body!);
        foreach (var (comment, finding) in comments.Zip(report.Findings
            .OrderBy(f => f.Location.Paragraph).ThenBy(f => f.Location.Start).ThenBy(f => f.RuleId, StringComparer.Ordinal)))
        {
            var paragraph = document.Paragraphs[finding.Location.Paragraph];
            var visible = finding.Excerpt[Math.Min(finding.Excerpt.Length, Math.Max(0, paragraph.GeneratedPrefixLength - finding.Location.Start))..];
            anchored[comment.Id!.Value!].Should().Be(visible, "{0} in {1}", finding.RuleId, sample);
            comment.InnerText.Should().Contain(finding.RuleId).And.Contain(finding.Message);
            if (finding.Basis.Count > 0)
            {
                comment.InnerText.Should().Contain("依据：").And.Contain(finding.Basis[0].Law);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void LeavesTheTextUnchanged_GivenCommentsRemoved(string sample)
    {
        var (original, document, _, annotated, _) = Annotate(sample);

        var stripped = StripReviewComments(annotated);

        BodyText(stripped).Should().Be(BodyText(original));
        var reread = NormativeDocumentReader.Read(new MemoryStream(annotated));
        reread.Paragraphs.Select(p => p.Text).Should().Equal(document.Paragraphs.Select(p => p.Text));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void AddsNoValidationErrors_GivenSample(string sample)
    {
        var (original, _, _, annotated, _) = Annotate(sample);

        var before = Errors(original);
        var after = Errors(annotated);

        foreach (var (key, count) in after)
        {
            count.Should().BeLessThanOrEqualTo(before.GetValueOrDefault(key), "new validation error: {0}", key);
        }
    }

    [Fact]
    public async Task LibreOfficeConvertsTheAnnotatedFile()
    {
        var (_, _, report, annotated, _) = Annotate(Path.Combine("corpus", "review-samples", "review-problems.docx"));
        report.Findings.Should().HaveCountGreaterThan(5);
        var dir = Directory.CreateTempSubdirectory("filing-annotated-");
        try
        {
            var input = Path.Combine(dir.FullName, "annotated.docx");
            File.WriteAllBytes(input, annotated);
            var start = new ProcessStartInfo("soffice")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            foreach (var arg in (string[])[$"-env:UserInstallation=file://{dir.FullName}/profile", "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", dir.FullName, input])
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderrTask = process.StandardError.ReadToEndAsync();
            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var stderr = await stderrTask;
            var stdout = await stdoutTask;

            process.ExitCode.Should().Be(0, stderr);
            stdout.Should().Contain("annotated.pdf");
            stderr.Should().NotContainAny("Error", "error:");
            new FileInfo(Path.Combine(dir.FullName, "annotated.pdf")).Length.Should().BeGreaterThan(1000);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (byte[] Original, NormativeDocument Document, ReviewReport Report, byte[] Annotated, AnnotationResult Result) Annotate(string sample)
    {
        var original = File.ReadAllBytes(RepoRoot.Path(sample));
        var document = NormativeDocumentReader.Read(new MemoryStream(original));
        var report = ReviewTestContext.Reviewer.Review(document);
        using var output = new MemoryStream();
        var result = ReviewCommentWriter.Annotate(new MemoryStream(original), output, document, report.Findings, date: new DateTime(2024, 3, 1));
        return (original, document, report, output.ToArray(), result);
    }

    /// <summary>The accepted text between each comment's range markers, by comment id.</summary>
    private static Dictionary<string, string> AnchoredTexts(Body body)
    {
        var open = new Dictionary<string, System.Text.StringBuilder>();
        var done = new Dictionary<string, string>();
        foreach (var e in body.Descendants())
        {
            switch (e)
            {
                case CommentRangeStart s:
                    open[s.Id!.Value!] = new();
                    break;
                case CommentRangeEnd end when open.Remove(end.Id!.Value!, out var sb):
                    done[end.Id!.Value!] = sb.ToString();
                    break;
                case WText t when !t.Ancestors<DeletedRun>().Any():
                    foreach (var sb in open.Values)
                    {
                        sb.Append(t.Text);
                    }

                    break;
                case TabChar when !e.Ancestors<DeletedRun>().Any():
                    foreach (var sb in open.Values)
                    {
                        sb.Append('\t');
                    }

                    break;
                case Break br when br.Type is null || br.Type.Value == BreakValues.TextWrapping:
                    foreach (var sb in open.Values)
                    {
                        sb.Append('\n');
                    }

                    break;
            }
        }

        return done;
    }

    private static byte[] StripReviewComments(byte[] annotated)
    {
        using var stream = new MemoryStream();
        stream.Write(annotated);
        stream.Position = 0;
        using (var word = WordprocessingDocument.Open(stream, true))
        {
            var main = word.MainDocumentPart!;
            var ours = main.WordprocessingCommentsPart!.Comments.Elements<Comment>()
                .Where(c => c.Author == ReviewCommentWriter.DefaultAuthor).Select(c => c.Id!.Value!).ToHashSet();
            var body = main.Document.Body!;
            foreach (var e in body.Descendants<CommentRangeStart>().Where(x => ours.Contains(x.Id!.Value!)).ToList())
            {
                e.Remove();
            }

            foreach (var e in body.Descendants<CommentRangeEnd>().Where(x => ours.Contains(x.Id!.Value!)).ToList())
            {
                e.Remove();
            }

            foreach (var r in body.Descendants<CommentReference>().Where(x => ours.Contains(x.Id!.Value!)).Select(x => x.Parent!).ToList())
            {
                r.Remove();
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static string BodyText(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    private static Dictionary<string, int> Errors(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(word)
            .GroupBy(e => e.Id + ": " + e.Description)
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
