using Filing.Api.Infrastructure;
using Filing.Core.Documents;

namespace Filing.Api.Documents;

/// <summary>The structured reading of a Word file, as returned by <c>POST /api/v1/documents/parse</c>.</summary>
public sealed record ParsedDocumentResponse(
    string? Title,
    string? EnclosedTitle,
    DocumentNumberDto? DocumentNumber,
    string? IssuingBody,
    string? Date,
    IReadOnlyList<string> Recipients,
    string? DocumentType,
    string Form,
    IReadOnlyList<OutlineNodeDto> Outline,
    IReadOnlyList<ArticleDto> Articles,
    IReadOnlyList<string> Attachments,
    ValidityDto Validity,
    IReadOnlyList<string> CopiedTo,
    string? PrintedBy,
    string? PrintDate,
    RevisionsDto Revisions,
    IReadOnlyList<WarningDto> Warnings,
    IReadOnlyList<ParagraphDto> Paragraphs,
    IReadOnlyList<NoteDto> Notes,
    IReadOnlyList<NoteDto> Comments,
    IReadOnlyList<string> HeaderFooterText,
    DocumentHeaderDto Header)
{
    public static ParsedDocumentResponse From(NormativeDocument d) => new(
        d.Title,
        d.EnclosedTitle,
        d.DocumentNumber is { } n ? new DocumentNumberDto(n.Text, n.Raw, n.IssuerCode, n.Year, n.Sequence, n.WellFormed, n.Problems) : null,
        d.IssuingBody,
        Iso(d.Date),
        d.Recipients,
        d.DocumentType,
        d.Form == DocumentForm.Articles ? "articles" : "outline",
        d.Outline.Select(OutlineNodeDto.From).ToList(),
        d.Articles.Select(ArticleDto.From).ToList(),
        d.Attachments.Select(a => a.Title).ToList(),
        new ValidityDto(Iso(d.Validity.EffectiveDate), Iso(d.Validity.ValidUntil), d.Validity.Years, d.Validity.Clause),
        d.CopiedTo,
        d.PrintedBy,
        Iso(d.PrintDate),
        new RevisionsDto(d.Revisions.HasTrackedChanges, d.Revisions.HasComments),
        d.Warnings.Select(w => new WarningDto(w.Code, w.Message, w.Path)).ToList(),
        d.Paragraphs.Select(ParagraphDto.From).ToList(),
        d.Notes.Select(NoteDto.From).ToList(),
        d.Comments.Select(NoteDto.From).ToList(),
        d.HeaderFooterText,
        new DocumentHeaderDto(d.Header.CopyNumber, d.Header.Classification, d.Header.Urgency, d.Header.IssuerMark, d.Header.Signers));

    internal static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>版头 elements other than the 发文字号: 份号, 密级和保密期限, 紧急程度, 发文机关标志, 签发人 (each null or empty when absent).</summary>
public sealed record DocumentHeaderDto(string? CopyNumber, string? Classification, string? Urgency, string? IssuerMark, IReadOnlyList<string> Signers);

/// <summary>发文字号: canonical text, raw text, 机关代字, year, sequence, and whether the raw form follows GB/T 9704 §7.2.5.</summary>
public sealed record DocumentNumberDto(string Text, string Raw, string IssuerCode, int Year, int Sequence, bool WellFormed, IReadOnlyList<string> Problems);

/// <summary>A heading (第一章 总则, 一、总体要求) with its children.</summary>
public sealed record OutlineNodeDto(string Label, string Heading, int Level, string Path, int Paragraph, IReadOnlyList<OutlineNodeDto> Children)
{
    public static OutlineNodeDto From(OutlineNode n) =>
        new(n.Label, n.Heading, n.Level, n.Path, n.Paragraph, n.Children.Select(From).ToList());
}

/// <summary>条 with its 款 (paragraphs) and 项 (items).</summary>
public sealed record ArticleDto(string Label, int Number, string Path, string Text, IReadOnlyList<string> Paragraphs, IReadOnlyList<ArticleItemDto> Items, string? Chapter, string? Section)
{
    public static ArticleDto From(Article a) =>
        new(a.Label, a.Number, a.Path, a.Text, a.Paragraphs, a.Items.Select(ArticleItemDto.From).ToList(), a.Chapter, a.Section);
}

/// <summary>项 or 目.</summary>
public sealed record ArticleItemDto(string Label, int Number, string Path, string Text, IReadOnlyList<ArticleItemDto> SubItems)
{
    public static ArticleItemDto From(ArticleItem i) => new(i.Label, i.Number, i.Path, i.Text, i.SubItems.Select(From).ToList());
}

/// <summary>施行日期 (yyyy-MM-dd), end of validity, 有效期 in years, and the clause stating them.</summary>
public sealed record ValidityDto(string? EffectiveDate, string? ValidUntil, int? Years, string? Clause);

/// <summary>Whether the file carries tracked changes and comments.</summary>
public sealed record RevisionsDto(bool HasTrackedChanges, bool HasComments);

/// <summary>Something the reader could not place or found questionable.</summary>
public sealed record WarningDto(string Code, string Message, string? Path);

/// <summary>A located paragraph: index, text, role, structure path, label and offset in the whole text.</summary>
public sealed record ParagraphDto(int Index, string Text, string Role, string? Path, string? Label, int Offset, string Source)
{
    public static ParagraphDto From(DocParagraph p) =>
        new(p.Index, p.Text, JsonNaming.Kebab(p.Role.ToString()), p.Path, p.Label, p.Offset, JsonNaming.Kebab(p.Source.ToString()));
}

/// <summary>A footnote, endnote or comment.</summary>
public sealed record NoteDto(string Kind, string Id, string Text, string? Author)
{
    public static NoteDto From(Note n) => new(n.Kind, n.Id, n.Text, n.Author);
}
