using Filing.Core.Documents;

namespace Filing.Core.Search;

/// <summary>What of a document's reading is public text and goes into the full-text index.</summary>
public static class PublishedText
{
    private static readonly HashSet<ParagraphRole> NotBody = [ParagraphRole.Title, ParagraphRole.Empty];

    /// <summary>
    /// The body as published: every paragraph except the title (indexed on its own) and empty ones, in reading order,
    /// then footnotes and endnotes. Word comments (批注) are left out: they are drafting remarks, not published text.
    /// </summary>
    public static string Body(NormativeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lines = document.Paragraphs
            .Where(p => !NotBody.Contains(p.Role) && !string.IsNullOrWhiteSpace(p.Text))
            .Select(p => p.Text.Trim())
            .Concat(document.Notes.Select(n => n.Text.Trim()).Where(t => t.Length > 0));
        return string.Join('\n', lines);
    }
}
