using Filing.Core.Documents.Reading.Package;

namespace Filing.Core.Documents.Reading.Ooxml;

/// <summary>What every story of one document shares while it is read: definitions, the budget, and what was noticed.</summary>
internal sealed class StoryContext(WordNames names, StyleSheet styles, NumberingDefinitions numbering, ReadBudget budget)
{
    public WordNames Names { get; } = names;

    public StyleSheet Styles { get; } = styles;

    public NumberingDefinitions Numbering { get; } = numbering;

    public ReadBudget Budget { get; } = budget;

    public List<ParseWarning> Warnings { get; } = [];

    /// <summary>The part being read, for error messages.</summary>
    public string PartName { get; set; } = "";

    public bool HasTrackedChanges { get; set; }

    /// <summary>A comment is anchored in a story (a comment reference or range).</summary>
    public bool HasCommentReferences { get; set; }

    /// <summary>Pictures, charts and embedded objects without text boxes.</summary>
    public int Graphics { get; set; }

    /// <summary><c>w:altChunk</c>: content imported from another file format, not read.</summary>
    public int AltChunks { get; set; }

    /// <summary>Characters of directly hidden text (<c>w:vanish</c>) left out.</summary>
    public long HiddenCharacters { get; set; }
}
