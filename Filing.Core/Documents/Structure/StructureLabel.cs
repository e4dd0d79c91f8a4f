namespace Filing.Core.Documents.Structure;

/// <summary>Kinds of structure labels, from the outermost.</summary>
internal enum LabelKind
{
    /// <summary>第一部分.</summary>
    Part,
    /// <summary>第一章.</summary>
    Chapter,
    /// <summary>第一节.</summary>
    Section,
    /// <summary>第一条.</summary>
    Article,
    /// <summary>一、</summary>
    Level1,
    /// <summary>（一）</summary>
    Level2,
    /// <summary>1.</summary>
    Level3,
    /// <summary>（1）</summary>
    Level4,
    /// <summary>①</summary>
    Level5,
}

/// <summary>A structure label at the start of a paragraph.</summary>
/// <param name="Kind">What it labels.</param>
/// <param name="Number">Its number (3 for 第三条, （三）, 3.).</param>
/// <param name="Canonical">The label in one canonical spelling: 第三条, 三、, （三）, 3., （3）, ③.</param>
/// <param name="Start">Offset of the label in the paragraph text.</param>
/// <param name="Length">Length of the label as written.</param>
/// <param name="ContentStart">Offset of the text after the label and any spaces.</param>
/// <param name="HasSeparator">Whether a space, tab or the label's own punctuation separates it from the text.</param>
internal sealed record StructureLabel(
    LabelKind Kind,
    int Number,
    string Canonical,
    int Start,
    int Length,
    int ContentStart,
    bool HasSeparator)
{
    /// <summary>Ranks for nesting headings: lower ranks contain higher ones.</summary>
    public int Rank => (int)Kind;

    public bool IsHeadingKind => Kind is LabelKind.Part or LabelKind.Chapter or LabelKind.Section;

    public bool IsOutlineKind => Kind >= LabelKind.Level1;
}
