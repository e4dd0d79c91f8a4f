namespace Filing.Core.Documents.Reading;

/// <summary>
/// Turns the accepted paragraphs of a Word file into a <see cref="NormativeDocument"/>: GB/T 9704 header elements,
/// structure paths, outline, articles, validity, attachments and 版记.
/// </summary>
internal static class StructureAnalyzer
{
    // Placeholder until the structure analysis lands: paragraphs only, every one reported as unplaced.
    public static NormativeDocument Analyze(RawDocument raw)
    {
        var paragraphs = new List<DocParagraph>(raw.Paragraphs.Count);
        var offset = 0;
        foreach (var p in raw.Paragraphs)
        {
            paragraphs.Add(new DocParagraph(paragraphs.Count, p.Text, ParagraphRole.Body, null, null, offset, p.Source, p.SourceOrdinal, p.GeneratedPrefixLength));
            offset += p.Text.Length + 1;
        }

        return new NormativeDocument
        {
            Paragraphs = paragraphs,
            Notes = raw.Notes,
            Comments = raw.Comments,
            HeaderFooterText = raw.HeaderFooterText,
            Revisions = raw.Revisions,
            Warnings = [.. raw.Warnings, new ParseWarning("structure-not-analysed", "Structure analysis is not available yet.")],
            Text = string.Join('\n', raw.Paragraphs.Select(p => p.Text)),
        };
    }
}
