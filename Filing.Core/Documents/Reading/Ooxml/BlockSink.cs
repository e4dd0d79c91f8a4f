namespace Filing.Core.Documents.Reading.Ooxml;

/// <summary>
/// Where the paragraphs of one container (body, table cell, text box, note) go, in order. Holds a paragraph whose
/// mark was deleted until the next paragraph of the same container arrives to absorb it.
/// </summary>
internal sealed class BlockSink(List<RawParagraph> output, ParagraphSource source, TableCellRef? cell)
{
    private PendingMerge? _pending;

    public List<RawParagraph> Output { get; } = output;

    public void Complete(ParagraphBuilder p, StoryReader story)
    {
        if (p.MarkDeleted)
        {
            _pending = story.Carry(p, _pending);
            return;
        }

        Output.Add(story.Finish(p, _pending, source, cell));
        if (_pending is not null)
        {
            Output.AddRange(_pending.Anchored);
            _pending = null;
        }

        Output.AddRange(p.Anchored);
    }

    /// <summary>
    /// The container ends (or a table interrupts it) after a paragraph whose mark was deleted: what remains of that
    /// paragraph stands alone.
    /// </summary>
    public void FlushPending(StoryReader story)
    {
        if (_pending is not { } pending)
        {
            return;
        }

        _pending = null;
        if (pending.Text.Length > 0)
        {
            Output.Add(story.Standalone(pending, source, cell));
        }

        Output.AddRange(pending.Anchored);
    }
}

/// <summary>What a paragraph with a deleted mark hands on to the paragraph that absorbs it.</summary>
internal sealed record PendingMerge(string Text, int Ordinal, bool HasVisibleText, bool PageBreakBefore, IReadOnlyList<RawParagraph> Anchored);
