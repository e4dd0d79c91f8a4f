using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;
using Filing.Core.Documents;

namespace Filing.Core.Review.Annotation;

/// <summary>
/// Writes review findings into the reviewer's own Word file as comments (批注): one comment per finding, anchored on
/// the flagged characters, with the message, legal basis and suggestion. Nothing else in the document changes except
/// that runs are split where a comment starts or ends inside them.
/// </summary>
/// <remarks>
/// Paragraphs are found again by <see cref="DocParagraph.SourceOrdinal"/> (position among the main part's
/// <c>w:p</c>, not counting <c>mc:Fallback</c> content). Offsets skip the numbering label Word generates
/// (<see cref="DocParagraph.GeneratedPrefixLength"/>), deleted text, field codes and hidden runs. When the accepted
/// text of the <c>w:p</c> differs from the reader's (a construct this writer does not replay), the excerpt is
/// searched for; if it cannot be found the comment is anchored on the whole paragraph, so no finding is lost.
/// </remarks>
public static class ReviewCommentWriter
{
    /// <summary>The author shown on every comment.</summary>
    public const string DefaultAuthor = "Filing 审查";

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> with one comment per finding.</summary>
    /// <param name="source">The Word file that <paramref name="document"/> was read from.</param>
    /// <param name="destination">Where the annotated file is written.</param>
    /// <param name="document">The reading of <paramref name="source"/>.</param>
    /// <param name="findings">Findings whose locations refer to <paramref name="document"/>.</param>
    /// <param name="author">Comment author; <see cref="DefaultAuthor"/> when null.</param>
    /// <param name="date">Comment date; now when null.</param>
    /// <exception cref="OpenXmlPackageException">The source is not a Word package.</exception>
    public static AnnotationResult Annotate(
        Stream source,
        Stream destination,
        NormativeDocument document,
        IReadOnlyList<Finding> findings,
        string? author = null,
        DateTime? date = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(findings);

        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        buffer.Position = 0;

        var exact = 0;
        var approximate = 0;
        var unplaced = new List<string>();
        using (var word = WordprocessingDocument.Open(buffer, isEditable: true))
        {
            var main = word.MainDocumentPart ?? throw new OpenXmlPackageException("The package has no main document part.");
            var body = main.Document?.Body ?? throw new OpenXmlPackageException("The main document part has no body.");
            var paragraphs = body.Descendants<Paragraph>().Where(p => !p.Ancestors<AlternateContentFallback>().Any()).ToList();
            var comments = CommentsOf(main);
            var nextId = comments.Elements<Comment>()
                .Select(c => int.TryParse(c.Id?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1)
                .DefaultIfEmpty(-1).Max() + 1;
            var when = date ?? DateTime.Now;

            foreach (var finding in findings
                .OrderBy(f => f.Location.Paragraph).ThenBy(f => f.Location.Start).ThenBy(f => f.RuleId, StringComparer.Ordinal))
            {
                var index = finding.Location.Paragraph;
                if (index < 0 || index >= document.Paragraphs.Count || document.Paragraphs[index].SourceOrdinal is var ordinal && (ordinal < 0 || ordinal >= paragraphs.Count))
                {
                    unplaced.Add(finding.RuleId);
                    continue;
                }

                var dp = document.Paragraphs[index];
                var id = (nextId++).ToString(CultureInfo.InvariantCulture);
                var anchor = new ParagraphAnchor(paragraphs[dp.SourceOrdinal]);
                if (anchor.TryMark(dp, finding, id))
                {
                    exact++;
                }
                else
                {
                    anchor.MarkWhole(id);
                    approximate++;
                }

                comments.Append(BuildComment(finding, id, author ?? DefaultAuthor, when, anchor.LastWasExact));
            }

            main.WordprocessingCommentsPart!.Comments.Save();
            main.Document.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(destination);
        return new AnnotationResult(exact + approximate, exact, approximate, unplaced);
    }

    private static Comments CommentsOf(MainDocumentPart main)
    {
        var part = main.WordprocessingCommentsPart ?? main.AddNewPart<WordprocessingCommentsPart>();
        part.Comments ??= new Comments();
        return part.Comments;
    }

    private static Comment BuildComment(Finding f, string id, string author, DateTime when, bool exact)
    {
        var severity = f.Severity switch
        {
            Severity.Error => "错误",
            Severity.Warning => "警告",
            _ => "提示",
        };
        var lines = new List<string>
        {
            $"【{ReviewStepNames.Chinese(f.Step)}｜{severity}｜{f.RuleId}】{f.Message}",
        };
        if (f.Basis.Count > 0)
        {
            lines.Add("依据：" + string.Join("；", f.Basis.Select(b => b.ToString())));
        }

        if (!string.IsNullOrWhiteSpace(f.Suggestion))
        {
            lines.Add("建议：" + f.Suggestion);
        }

        if (!string.IsNullOrWhiteSpace(f.Note))
        {
            lines.Add("说明：" + f.Note);
        }

        if (!exact)
        {
            lines.Add($"（原文：“{f.Excerpt}”）");
        }

        var comment = new Comment
        {
            Id = id,
            Author = author,
            Initials = "审",
            Date = when,
        };
        for (var i = 0; i < lines.Count; i++)
        {
            // Word puts the annotation reference mark at the start of a comment's first paragraph.
            comment.Append(i == 0
                ? new Paragraph(new Run(new AnnotationReferenceMark()), new Run(TextOf(lines[i])))
                : new Paragraph(new Run(TextOf(lines[i]))));
        }

        return comment;
    }

    private static WText TextOf(string value) => new(value) { Space = SpaceProcessingModeValues.Preserve };
}

/// <summary>What <see cref="ReviewCommentWriter.Annotate"/> did.</summary>
/// <param name="Comments">Comments written.</param>
/// <param name="AnchoredExactly">Comments anchored on exactly the flagged characters.</param>
/// <param name="AnchoredToParagraph">Comments anchored on the whole paragraph because the characters could not be located.</param>
/// <param name="Unplaced">Rule ids of findings whose paragraph is not in the file (none for a document read from it).</param>
public sealed record AnnotationResult(int Comments, int AnchoredExactly, int AnchoredToParagraph, IReadOnlyList<string> Unplaced);
