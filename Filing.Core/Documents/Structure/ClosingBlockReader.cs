using System.Text.RegularExpressions;
using Filing.Core.Text;

namespace Filing.Core.Documents.Structure;

/// <summary>The end of a document part: 附件说明, 发文机关署名, 成文日期, 附注.</summary>
/// <param name="NoteItems">Entries of the 附件说明.</param>
/// <param name="Signature">发文机关署名 (several lines of a joint document joined by 、), or null.</param>
/// <param name="Date">成文日期, or null.</param>
/// <param name="Next">Index after the last paragraph of the closing.</param>
internal sealed record Closing(IReadOnlyList<AttachmentNoteItem> NoteItems, string? Signature, DateOnly? Date, int Next)
{
    public bool IsEmpty => NoteItems.Count == 0 && Signature is null && Date is null;
}

/// <summary>
/// Finds where the body of a part (the covering notice, or the enclosed document) ends and reads its closing.
/// A date alone on a line ends the body when a signature precedes it, when it is right-aligned, or when what follows
/// cannot be body text (附注, an attachment, the 版记, a new page, the end).
/// </summary>
internal static partial class ClosingBlockReader
{
    private const int MaxSignatureLines = 4;

    /// <param name="lines">All paragraphs.</param>
    /// <param name="from">First body paragraph.</param>
    /// <param name="to">End of the range (exclusive).</param>
    /// <param name="startsNewPart">Whether a paragraph starts what follows the part (the enclosed document's title).</param>
    public static int FindBodyEnd(IReadOnlyList<Line> lines, int from, int to, Func<int, bool> startsNewPart)
    {
        for (var i = from; i < to; i++)
        {
            var line = lines[i];
            if (line.IsEmpty)
            {
                continue;
            }

            if (AttachmentLines.IsNoteStart(line) || startsNewPart(i) || (line.IsBody && AttachmentLines.IsBodyLabel(line, out _))
                || ColophonReader.IsColophonLine(line))
            {
                return i;
            }

            if (IsDateLine(line) && EndsBody(lines, i, from, to, startsNewPart))
            {
                return FirstSignatureLine(lines, i, from);
            }

            if (line.IsBody && IsSignatureLine(line) && IsBoundary(lines, NextNonEmpty(lines, i + 1, to), to, startsNewPart))
            {
                return FirstSignatureLine(lines, i + 1, from);
            }
        }

        return to;
    }

    /// <summary>Reads the closing that starts at <paramref name="at"/> and marks its paragraphs.</summary>
    public static Closing Read(IReadOnlyList<Line> lines, int at, int to, Annotations ann, Func<int, bool> startsNewPart)
    {
        var i = SkipEmpty(lines, at, to, ann);
        var items = new List<AttachmentNoteItem>();
        if (i < to && AttachmentLines.IsNoteStart(lines[i]))
        {
            var (noteItems, next) = AttachmentLines.ReadNote(lines, i, to);
            items.AddRange(noteItems);
            for (var k = i; k < next; k++)
            {
                ann.Set(lines[k], ParagraphRole.AttachmentNote);
            }

            i = SkipEmpty(lines, next, to, ann);
        }

        string? signature = null;
        var signatureLines = new List<int>();
        var j = i;
        while (j < to && signatureLines.Count < MaxSignatureLines && IsSignatureLine(lines[j]) && !startsNewPart(j))
        {
            signatureLines.Add(j);
            j = NextNonEmpty(lines, j + 1, to);
        }

        if (signatureLines.Count > 0 && (j < to && IsDateLine(lines[j]) || IsBoundary(lines, j, to, startsNewPart)))
        {
            foreach (var k in signatureLines)
            {
                ann.Set(lines[k], ParagraphRole.Signature);
            }

            signature = string.Join("、", signatureLines.Select(k => lines[k].Compact));
            i = SkipEmpty(lines, signatureLines[^1] + 1, to, ann);
        }

        DateOnly? date = null;
        if (i < to && IsDateLine(lines[i]))
        {
            date = ChineseDates.TryParse(lines[i].Compact, out var d) ? d : null;
            ann.Set(lines[i], ParagraphRole.Date);
            i = SkipEmpty(lines, i + 1, to, ann);
        }

        while (i < to && IsRemark(lines[i]))
        {
            ann.Set(lines[i], ParagraphRole.Remark);
            i = SkipEmpty(lines, i + 1, to, ann);
        }

        return new Closing(items, signature, date, i);
    }

    public static bool IsDateLine(Line line) => !line.IsEmpty && line.ContentLength <= 40 && ChineseDates.HasDateMark(line.ContentSpan) && ChineseDates.TryParse(line.Compact, out _);

    /// <summary>附注: （此件公开发布）, （联系人：…）.</summary>
    public static bool IsRemark(Line line) =>
        !line.IsEmpty && line.IsShort && (line.StartsWith('（') || line.StartsWith('(')) && RemarkPattern().IsMatch(line.Compact);

    public static bool IsSignatureLine(Line line) =>
        !line.IsEmpty && line.ContentLength <= 80 && !line.HasSentencePunctuation && line.Label is null && OrgNames.IsLikely(line.Compact)
        && !AttachmentLines.IsBodyLabel(line, out _);

    private static bool EndsBody(IReadOnlyList<Line> lines, int i, int from, int to, Func<int, bool> startsNewPart)
    {
        var previous = PreviousNonEmpty(lines, i - 1, from);
        if (previous >= from && IsSignatureLine(lines[previous]))
        {
            return true;
        }

        return lines[i].IsRightAligned || IsBoundary(lines, NextNonEmpty(lines, i + 1, to), to, startsNewPart);
    }

    private static bool IsBoundary(IReadOnlyList<Line> lines, int next, int to, Func<int, bool> startsNewPart)
    {
        if (next >= to)
        {
            return true;
        }

        var line = lines[next];
        return IsRemark(line) || startsNewPart(next) || line.Raw.PageBreakBefore || ColophonReader.IsColophonLine(line)
            || AttachmentLines.IsBodyLabel(line, out _) || AttachmentLines.IsLabelWithTitle(line, out _, out _);
    }

    private static int FirstSignatureLine(IReadOnlyList<Line> lines, int dateLine, int from)
    {
        var first = dateLine;
        var k = PreviousNonEmpty(lines, dateLine - 1, from);
        for (var n = 0; n < MaxSignatureLines && k >= from && IsSignatureLine(lines[k]); n++)
        {
            first = k;
            k = PreviousNonEmpty(lines, k - 1, from);
        }

        return first;
    }

    private static int NextNonEmpty(IReadOnlyList<Line> lines, int i, int to)
    {
        while (i < to && lines[i].IsEmpty)
        {
            i++;
        }

        return i;
    }

    private static int PreviousNonEmpty(IReadOnlyList<Line> lines, int i, int from)
    {
        while (i >= from && lines[i].IsEmpty)
        {
            i--;
        }

        return i;
    }

    private static int SkipEmpty(IReadOnlyList<Line> lines, int i, int to, Annotations ann)
    {
        while (i < to && lines[i].IsEmpty)
        {
            ann.Set(lines[i], ParagraphRole.Empty);
            i++;
        }

        return i;
    }

    [GeneratedRegex(@"^[（(](?:此件|此页|本件|此文|本文件|联系人|联系电话|联系方式|经办人)[^）)]*[）)]$")]
    private static partial Regex RemarkPattern();
}
