using System.Text.RegularExpressions;

namespace Filing.Core.Documents.Structure;

/// <summary>What the 版头 holds.</summary>
internal sealed record HeaderBlock(DocumentHeader Header, DocumentNumber? Number, int? NumberLine);

/// <summary>
/// Reads the 版头 (GB/T 9704 §7.2) above the title: 份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号, 签发人.
/// Anything else found there (e.g. web-page furniture around a copied text) is kept and reported.
/// </summary>
internal static partial class HeaderBlockReader
{
    public static HeaderBlock Read(IReadOnlyList<Line> lines, int from, int to, Annotations ann)
    {
        string? copyNumber = null, classification = null, urgency = null, mark = null;
        var signers = new List<string>();
        DocumentNumber? number = null;
        int? numberLine = null;
        for (var i = from; i < to; i++)
        {
            var line = lines[i];
            if (line.IsEmpty)
            {
                ann.Set(line, ParagraphRole.Empty);
                continue;
            }

            var recognised = false;
            var c = line.Compact;
            if (number is null && FindOwnNumber(line.Content) is { } found)
            {
                number = found;
                numberLine = i;
                ann.Set(line, ParagraphRole.DocumentNumber);
                recognised = true;
            }

            if (ReadSigners(line.Content) is { Count: > 0 } names)
            {
                signers.AddRange(names);
                recognised = true;
            }

            if (!recognised && IsCopyNumber(c))
            {
                copyNumber ??= CopyNumberPrefix().Replace(c, "");
                recognised = true;
            }

            if (!recognised && IsClassificationOrUrgency(c))
            {
                foreach (var part in SplitOnSpaces(line.Content))
                {
                    if (UrgencyPattern().IsMatch(part))
                    {
                        urgency ??= part;
                    }
                    else if (ClassificationPattern().IsMatch(part))
                    {
                        classification ??= part;
                    }
                }

                recognised = true;
            }

            if (!recognised && IsIssuerMark(line, numberLine is null))
            {
                mark ??= c;
                recognised = true;
            }

            if (recognised)
            {
                if (numberLine != i)
                {
                    ann.Set(line, ParagraphRole.HeaderBlock);
                }
            }
            else
            {
                ann.Set(line, ParagraphRole.HeaderBlock);
                ann.WarnUnplaced(line, "标题之前");
            }
        }

        return new HeaderBlock(new DocumentHeader(copyNumber, classification, urgency, mark, signers), number, numberLine);
    }

    /// <summary>Whether a line would be read as part of the 版头 (used to find where a title-less header ends).</summary>
    public static bool IsHeaderLine(Line line) =>
        line.IsEmpty || IsCopyNumber(line.Compact) || IsClassificationOrUrgency(line.Compact)
        || line.Compact.StartsWith("签发人", StringComparison.Ordinal) || IsIssuerMark(line, true)
        || FindOwnNumber(line.Content) is not null;

    /// <summary>
    /// The document's own number on a header line: a labelled number (文件编号：…) or a line that holds little else
    /// than the number and a 签发人 part.
    /// </summary>
    public static DocumentNumber? FindOwnNumber(string content)
    {
        var matches = DocumentNumberParser.FindAll(content);
        if (matches.Count == 0)
        {
            return null;
        }

        var m = matches[0];
        var rest = string.Concat(content.AsSpan(0, m.Index), content.AsSpan(m.Index + m.Length));
        var signer = rest.IndexOf("签发人", StringComparison.Ordinal);
        if (signer >= 0)
        {
            rest = rest[..signer];
        }

        rest = TextShape.Compact(NumberLabel().Replace(rest, ""));
        return rest.Length <= 2 || IsLabelled(content, m.Index) ? m.Number : null;
    }

    public static bool IsCopyNumber(string compact) => CopyNumberPattern().IsMatch(compact);

    public static bool IsClassificationOrUrgency(string compact) =>
        compact.Length <= 24 && (UrgencyPattern().IsMatch(compact) || ClassificationPattern().IsMatch(compact))
        && !TextShape.HasSentencePunctuation(compact);

    private static bool IsIssuerMark(Line line, bool beforeNumber)
    {
        var c = line.Compact;
        if (c.Length > 40 || TextShape.HasSentencePunctuation(c) || c.Contains('：') || c.Contains(':'))
        {
            return false;
        }

        return (c.EndsWith("文件", StringComparison.Ordinal) && c.Length > 2) || (beforeNumber && OrgNames.IsLikely(c));
    }

    private static bool IsLabelled(string content, int index)
    {
        var before = content.AsSpan(0, index).TrimEnd().TrimEnd("：:").TrimEnd();
        return before.EndsWith("文号", StringComparison.Ordinal) || before.EndsWith("字号", StringComparison.Ordinal)
            || before.EndsWith("编号", StringComparison.Ordinal);
    }

    private static List<string> ReadSigners(string content)
    {
        var at = content.IndexOf("签发人", StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        var rest = content[(at + 3)..].TrimStart(' ', '\u3000', '\t', '：', ':');
        var tokens = SignerSeparators().Split(rest).Where(t => t.Length > 0).ToList();

        // Two-character names are often spaced out (张　三): glue single characters back together in pairs.
        var names = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Length == 1 && i + 1 < tokens.Count && tokens[i + 1].Length == 1)
            {
                names.Add(tokens[i] + tokens[i + 1]);
                i++;
            }
            else
            {
                names.Add(tokens[i]);
            }
        }

        return names;
    }

    private static IEnumerable<string> SplitOnSpaces(string content) =>
        content.Split([' ', '\u3000', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^(?:份号[：:]?)?[0-9０-９]{6}$")]
    private static partial Regex CopyNumberPattern();

    [GeneratedRegex(@"^份号[：:]?")]
    private static partial Regex CopyNumberPrefix();

    [GeneratedRegex(@"^(?:紧急程度[：:]?)?(?:特急|加急|特提|平急)$|^(?:特急|加急|特提|平急)")]
    private static partial Regex UrgencyPattern();

    [GeneratedRegex(@"^(?:密级[：:]?)?(?:绝密|机密|秘密)(?:[★☆\*]\S*)?")]
    private static partial Regex ClassificationPattern();

    [GeneratedRegex(@"(?:发文字号|文件编号|文号|字号|编号)[ \u3000]*[：:]?")]
    private static partial Regex NumberLabel();

    [GeneratedRegex(@"[\s\u3000、，,；;]+")]
    private static partial Regex SignerSeparators();
}
