using System.Text.RegularExpressions;
using Filing.Core.Text;

namespace Filing.Core.Documents.Structure;

/// <summary>One entry of a 附件说明.</summary>
internal sealed record AttachmentNoteItem(int Number, string Title, int Line);

/// <summary>
/// The two ways attachments show up: the 附件说明 under the body (附件：1.XXX / 2.XXX, or 附件：XXX) and the label that
/// starts an attachment's body after the signature (附件1, 附件, 附件一, possibly with the title on the same line).
/// </summary>
internal static partial class AttachmentLines
{
    /// <summary>Whether the line starts a 附件说明: 附件 followed by a colon (and usually the first title).</summary>
    public static bool IsNoteStart(Line line) => line.IsBody && line.StartsWith('附') && NoteStart().IsMatch(line.Content);

    /// <summary>Whether the line is an attachment label with nothing after it: 附件, 附件1, 附件 2：, 附件一.</summary>
    public static bool IsBodyLabel(Line line, out int? number)
    {
        number = null;
        if (line.ContentLength > 16 || !line.StartsWith('附'))
        {
            return false;
        }

        var m = BodyLabel().Match(line.Compact);
        if (!m.Success)
        {
            return false;
        }

        number = ParseNumber(m.Groups["n"]);
        return true;
    }

    /// <summary>A label with the title on the same line: 附件1：XXX (only meaningful after the signature).</summary>
    public static bool IsLabelWithTitle(Line line, out int? number, out string title)
    {
        number = null;
        title = "";
        if (!line.IsShort || !line.StartsWith('附'))
        {
            return false;
        }

        var m = NoteStart().Match(line.Content);
        if (!m.Success || !line.IsBody)
        {
            return false;
        }

        var raw = m.Groups["rest"].Value;
        var rest = TextShape.Compact(raw);
        if (rest.Length == 0 || raw.Contains('\n') || StructureLabelParser.Parse(rest) is not null)
        {
            return false;
        }

        number = ParseNumber(m.Groups["n"]);
        title = CleanTitle(rest);
        return title.Length > 0;
    }

    /// <summary>
    /// Reads a 附件说明 starting at <paramref name="start"/>: its items and the index after the last line it uses.
    /// Items may sit in the same paragraph (manual line breaks) or in the following paragraphs (2.XXX).
    /// </summary>
    public static (List<AttachmentNoteItem> Items, int Next) ReadNote(IReadOnlyList<Line> lines, int start, int to)
    {
        var items = new List<AttachmentNoteItem>();
        var m = NoteStart().Match(lines[start].Content);
        var noteNumber = ParseNumber(m.Groups["n"]);
        var pieces = m.Groups["rest"].Value.Split('\n');
        foreach (var piece in pieces)
        {
            AddPiece(items, piece, start, noteNumber);
        }

        var next = start + 1;
        for (var i = start + 1; i < to; i++)
        {
            var line = lines[i];
            if (line.IsEmpty)
            {
                continue;
            }

            if (line.Label is { Kind: LabelKind.Level3 or LabelKind.Level4 } label && line.IsBody
                && label.Number == (items.Count == 0 ? 1 : items[^1].Number + 1)
                && !ChineseDates.TryParse(line.Content, out _))
            {
                foreach (var piece in line.Content.Split('\n'))
                {
                    AddPiece(items, piece, i, null);
                }

                next = i + 1;
                continue;
            }

            break;
        }

        return (items, next);
    }

    /// <summary>Removes list numbering, a trailing mark and enclosing 《》 from an attachment title.</summary>
    public static string CleanTitle(string title)
    {
        var t = TextShape.TrimTrailingPunctuation(TextShape.Compact(title));
        if (t.Length > 2 && t[0] == '《' && t[^1] == '》' && t.IndexOf('《', 1) < 0)
        {
            t = t[1..^1];
        }

        return t;
    }

    private static void AddPiece(List<AttachmentNoteItem> items, string piece, int line, int? noteNumber)
    {
        var text = TextShape.Trim(piece);
        if (text.Length == 0)
        {
            return;
        }

        if (StructureLabelParser.Parse(text) is { Kind: LabelKind.Level3 or LabelKind.Level4 } label)
        {
            var title = CleanTitle(text[label.ContentStart..]);
            if (title.Length > 0)
            {
                items.Add(new AttachmentNoteItem(label.Number, title, line));
            }

            return;
        }

        if (items.Count > 0 && items[^1].Line == line)
        {
            // A title wrapped by a manual line break.
            items[^1] = items[^1] with { Title = CleanTitle(items[^1].Title + text) };
            return;
        }

        items.Add(new AttachmentNoteItem(noteNumber ?? items.Count + 1, CleanTitle(text), line));
    }

    private static int? ParseNumber(Group g) =>
        g.Success && ChineseNumerals.TryParseNumber(g.ValueSpan, out var n) ? n : null;

    [GeneratedRegex(@"^附[ \u3000]*件[ \u3000]*(?<n>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})?[ \u3000]*[：:][ \u3000]*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex NoteStart();

    [GeneratedRegex(@"^附件(?<n>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})?[：:]?$")]
    private static partial Regex BodyLabel();
}
