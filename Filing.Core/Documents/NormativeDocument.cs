namespace Filing.Core.Documents;

/// <summary>
/// A 行政规范性文件 (administrative normative document) as read from a Word file: the GB/T 9704 header elements,
/// the normative text as located paragraphs, its structure (outline and articles), validity, attachments,
/// the 版记 and what Word kept behind the text. Produced by <see cref="NormativeDocumentReader"/>.
/// </summary>
public sealed class NormativeDocument
{
    /// <summary>标题: the document's title, one string even when the source splits it over paragraphs or lines.</summary>
    public string? Title { get; init; }

    /// <summary>For a 印发/转发 notice (关于印发《…》的通知): the title of the enclosed document, else null.</summary>
    public string? EnclosedTitle { get; init; }

    /// <summary>版头 elements other than the 发文字号: 份号, 密级, 紧急程度, 发文机关标志, 签发人.</summary>
    public DocumentHeader Header { get; init; } = DocumentHeader.None;

    /// <summary>发文字号, e.g. 桐政发〔2018〕47号, or null when none was found.</summary>
    public DocumentNumber? DocumentNumber { get; init; }

    /// <summary>发文机关: the issuing body, from the signature, the issuer mark or the title.</summary>
    public string? IssuingBody { get; init; }

    /// <summary>成文日期.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>主送机关, one entry per addressee.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>文种 of the normative text (办法, 规定, 细则, 意见, 通知, 决定…), from the enclosed title when there is one.</summary>
    public string? DocumentType { get; init; }

    /// <summary>Whether the normative text is written in articles (第X条) or in numbered headings (一、（一）).</summary>
    public DocumentForm Form { get; init; }

    /// <summary>Every paragraph in reading order (body, table cells, text boxes), each with a stable location.</summary>
    public IReadOnlyList<DocParagraph> Paragraphs { get; init; } = [];

    /// <summary>Top-level headings of the normative text (第一章, 一、…) with their children.</summary>
    public IReadOnlyList<OutlineNode> Outline { get; init; } = [];

    /// <summary>Every 第X条 of a rule-like text, in order.</summary>
    public IReadOnlyList<Article> Articles { get; init; } = [];

    /// <summary>Attachments named in the 附件说明 and/or found after the signature.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>施行日期 and 有效期.</summary>
    public Validity Validity { get; init; } = Validity.None;

    /// <summary>抄送机关 from the 版记.</summary>
    public IReadOnlyList<string> CopiedTo { get; init; } = [];

    /// <summary>印发机关 from the 版记.</summary>
    public string? PrintedBy { get; init; }

    /// <summary>印发日期 from the 版记.</summary>
    public DateOnly? PrintDate { get; init; }

    /// <summary>Whether the file carries tracked changes and comments (the text is the accepted view).</summary>
    public RevisionInfo Revisions { get; init; } = new(false, false);

    /// <summary>Footnotes and endnotes, kept apart from the body text.</summary>
    public IReadOnlyList<Note> Notes { get; init; } = [];

    /// <summary>Word comments (批注) already in the file, kept apart from the body text.</summary>
    public IReadOnlyList<Note> Comments { get; init; } = [];

    /// <summary>Text of headers and footers, kept apart from the body text.</summary>
    public IReadOnlyList<string> HeaderFooterText { get; init; } = [];

    /// <summary>What the reader could not place or found questionable; nothing is dropped silently.</summary>
    public IReadOnlyList<ParseWarning> Warnings { get; init; } = [];

    /// <summary>The whole text: paragraphs joined by '\n'; <see cref="DocParagraph.Offset"/> indexes into it.</summary>
    public string Text { get; init; } = "";
}

/// <summary>How the normative text is divided.</summary>
public enum DocumentForm
{
    /// <summary>Numbered headings 一、/（一）/1./（1） as in notices and opinions (GB/T 9704 §7.3.3).</summary>
    Outline,

    /// <summary>章/节/条/款/项/目 as in 办法, 规定, 细则.</summary>
    Articles,
}

/// <summary>What a paragraph is in the GB/T 9704 layout.</summary>
public enum ParagraphRole
{
    /// <summary>Anything before the title: 份号, 密级, 紧急程度, 发文机关标志, 签发人.</summary>
    HeaderBlock,
    /// <summary>The paragraph holding the 发文字号.</summary>
    DocumentNumber,
    /// <summary>标题 (one or more paragraphs).</summary>
    Title,
    /// <summary>主送机关.</summary>
    Recipients,
    /// <summary>A heading inside the normative text (章, 节, 一、, （一）…).</summary>
    Heading,
    /// <summary>Body text, including articles and items.</summary>
    Body,
    /// <summary>The title of an enclosed document inside a 印发 notice.</summary>
    EnclosedTitle,
    /// <summary>附件说明 (附件：1.…).</summary>
    AttachmentNote,
    /// <summary>发文机关署名.</summary>
    Signature,
    /// <summary>成文日期.</summary>
    Date,
    /// <summary>附注, e.g. （此件公开发布）.</summary>
    Remark,
    /// <summary>An attachment's own label, title or body after the signature.</summary>
    Attachment,
    /// <summary>版记: 抄送机关.</summary>
    CopiedTo,
    /// <summary>版记: 印发机关和印发日期.</summary>
    PrintInfo,
    /// <summary>Empty or layout-only paragraph.</summary>
    Empty,
}

/// <summary>Where a paragraph came from in the Word file.</summary>
public enum ParagraphSource
{
    Body,
    TableCell,
    TextBox,
}

/// <summary>
/// One paragraph with a stable location: its index, its structure path (e.g. 第三条第二款第（一）项 or 二、（三）),
/// and its character offset in <see cref="NormativeDocument.Text"/>. <see cref="Text"/> includes any label that
/// Word generated from automatic numbering.
/// </summary>
/// <param name="Index">Position in <see cref="NormativeDocument.Paragraphs"/>.</param>
/// <param name="Text">The accepted text, the same however many runs the source split it into.</param>
/// <param name="Role">What the paragraph is in the layout.</param>
/// <param name="Path">Structure path, or null outside the normative text.</param>
/// <param name="Label">The structural label it starts with (第一条, （一）, 一、…), or null.</param>
/// <param name="Offset">Offset of the first character in <see cref="NormativeDocument.Text"/>.</param>
/// <param name="Source">Body, table cell or text box.</param>
/// <param name="SourceOrdinal">
/// Position of the source <c>w:p</c> among all <c>w:p</c> elements of the main document part in document order
/// (through tables, text boxes and content controls, including paragraphs that are not shown such as merged-away cells
/// or deleted rows), not counting those inside <c>mc:Fallback</c> or inside any <c>mc:Choice</c> but the first; lets
/// writers find the paragraph again in the original file. In Open XML SDK terms: the index in
/// <c>body.Descendants&lt;Paragraph&gt;()</c> after removing paragraphs under an <c>AlternateContentFallback</c>.
/// For text read with <see cref="NormativeDocumentReader.FromText"/> it is the line index.
/// </param>
/// <param name="GeneratedPrefixLength">
/// Number of leading characters of <paramref name="Text"/> that come from automatic numbering rather than runs.
/// </param>
/// <param name="Cell">For a paragraph in a Word table cell: which table, row and column; otherwise null.</param>
public sealed record DocParagraph(
    int Index,
    string Text,
    ParagraphRole Role,
    string? Path,
    string? Label,
    int Offset,
    ParagraphSource Source,
    int SourceOrdinal,
    int GeneratedPrefixLength = 0,
    TableCellPosition? Cell = null);

/// <summary>
/// Where a table-cell paragraph sits: <paramref name="Table"/> numbers the tables (nested ones too) in document order;
/// <paramref name="Row"/> and <paramref name="Column"/> count from 0 in that table's grid (a merged cell appears once,
/// at its first row and column).
/// </summary>
/// <param name="Table">Table number in document order, from 0.</param>
/// <param name="Row">Row, from 0.</param>
/// <param name="Column">Column, from 0.</param>
public sealed record TableCellPosition(int Table, int Row, int Column);

/// <summary>A heading of the normative text with the headings under it.</summary>
/// <param name="Label">第一章, 第一节, 一、, （一）…</param>
/// <param name="Heading">The heading text after the label (总则, 总体要求), may be empty.</param>
/// <param name="Level">1 for the top level.</param>
/// <param name="Path">Structure path, e.g. 第一章 or 二、（三）.</param>
/// <param name="Paragraph">Index of the heading paragraph.</param>
/// <param name="Children">Headings one level down.</param>
public sealed record OutlineNode(
    string Label,
    string Heading,
    int Level,
    string Path,
    int Paragraph,
    IReadOnlyList<OutlineNode> Children);

/// <summary>条: an article of a rule-like document.</summary>
/// <param name="Label">e.g. 第三条.</param>
/// <param name="Number">The article number, 3 for 第三条.</param>
/// <param name="Path">Its path, e.g. 第三条 (chapters are not part of article paths: article numbers are unique).</param>
/// <param name="Text">All of the article's text, 款 joined by '\n'.</param>
/// <param name="Paragraphs">款: the article's paragraphs, first one without its label.</param>
/// <param name="Items">项 （一）… in the article, with their 目.</param>
/// <param name="Chapter">第X章 label it belongs to, or null.</param>
/// <param name="Section">第X节 label it belongs to, or null.</param>
/// <param name="ParagraphIndexes">Indexes into <see cref="NormativeDocument.Paragraphs"/>.</param>
public sealed record Article(
    string Label,
    int Number,
    string Path,
    string Text,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<ArticleItem> Items,
    string? Chapter,
    string? Section,
    IReadOnlyList<int> ParagraphIndexes);

/// <summary>项 （一） of an article, or 目 1. of an item.</summary>
/// <param name="Label">（一） or 1.</param>
/// <param name="Number">1-based.</param>
/// <param name="Path">e.g. 第三条第二款第（一）项.</param>
/// <param name="Text">Text after the label.</param>
/// <param name="SubItems">目 under a 项.</param>
public sealed record ArticleItem(string Label, int Number, string Path, string Text, IReadOnlyList<ArticleItem> SubItems);

/// <summary>发文字号, parsed: 机关代字 + 〔year〕 + sequence + 号 (GB/T 9704 §7.2.5).</summary>
/// <param name="Text">Canonical form with 〔〕, e.g. 桐政发〔2018〕47号.</param>
/// <param name="Raw">As written in the file, e.g. 桐政发[2018]47号.</param>
/// <param name="IssuerCode">机关代字, e.g. 桐政发.</param>
/// <param name="Year">Four-digit year.</param>
/// <param name="Sequence">顺序号.</param>
/// <param name="WellFormed">Whether <paramref name="Raw"/> already follows GB/T 9704 (〔〕, full year, no 第, no leading zeros).</param>
/// <param name="Problems">Why it is not well-formed, empty when it is.</param>
public sealed record DocumentNumber(
    string Text,
    string Raw,
    string IssuerCode,
    int Year,
    int Sequence,
    bool WellFormed,
    IReadOnlyList<string> Problems)
{
    /// <summary>Parses a tolerantly written number (see <see cref="DocumentNumberParser"/>).</summary>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DocumentNumber? number) =>
        DocumentNumberParser.TryParse(text, out number);
}

/// <summary>版头 (GB/T 9704 §7.2) elements other than the 发文字号; each is null when absent.</summary>
/// <param name="CopyNumber">份号, e.g. 000001.</param>
/// <param name="Classification">密级和保密期限, e.g. 秘密★1年.</param>
/// <param name="Urgency">紧急程度: 特急, 加急 (特提, 平急 for telegrams).</param>
/// <param name="IssuerMark">发文机关标志, e.g. 桐庐县人民政府文件.</param>
/// <param name="Signers">签发人 names (上行文), empty when none.</param>
public sealed record DocumentHeader(
    string? CopyNumber,
    string? Classification,
    string? Urgency,
    string? IssuerMark,
    IReadOnlyList<string> Signers)
{
    /// <summary>No 版头 elements found.</summary>
    public static DocumentHeader None { get; } = new(null, null, null, null, []);
}

/// <summary>施行日期 and 有效期.</summary>
/// <param name="EffectiveDate">
/// 施行日期: a stated date (自2019年1月1日起施行), or the 成文日期 for 自印发（下发、签发）之日起施行. Null for
/// 自公布（发布）之日起施行 and 自…之日起30日后施行: the publication date is not in the file, the clause is kept.
/// </param>
/// <param name="ValidUntil">
/// Last day of validity: stated (有效期至2021年4月30日, 有效期自…至…), or computed from <paramref name="Years"/> as the
/// day before the anniversary of the effective date, the effective day counting as the first day
/// (自2019年1月1日起施行，有效期5年 → 2023-12-31).
/// </param>
/// <param name="Years">有效期 in years when stated that way.</param>
/// <param name="Clause">The clause that states them, verbatim.</param>
public sealed record Validity(DateOnly? EffectiveDate, DateOnly? ValidUntil, int? Years, string? Clause)
{
    /// <summary>No validity clause found.</summary>
    public static Validity None { get; } = new(null, null, null, null);
}

/// <summary>An attachment: its title from the 附件说明 and where its body starts, if present.</summary>
/// <param name="Number">1-based, as numbered in the 附件说明.</param>
/// <param name="Title">Attachment title.</param>
/// <param name="BodyParagraph">Index of the first paragraph of its body after the signature, or null when absent.</param>
public sealed record Attachment(int Number, string Title, int? BodyParagraph);

/// <summary>Whether the file carries tracked changes and comments.</summary>
public sealed record RevisionInfo(bool HasTrackedChanges, bool HasComments);

/// <summary>A footnote, endnote or comment, kept apart from the body text.</summary>
/// <param name="Kind">footnote, endnote or comment.</param>
/// <param name="Id">The id in the file.</param>
/// <param name="Text">Its text.</param>
/// <param name="Author">Comment author, if any.</param>
public sealed record Note(string Kind, string Id, string Text, string? Author = null);

/// <summary>Something the reader noticed: text it could not place, a malformed element, a dropped object.</summary>
/// <param name="Code">Stable code, e.g. unplaced-text, malformed-document-number.</param>
/// <param name="Message">Human-readable explanation (Chinese or English).</param>
/// <param name="Path">Structure path or paragraph reference it concerns, if any.</param>
public sealed record ParseWarning(string Code, string Message, string? Path = null);
