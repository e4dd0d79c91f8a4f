namespace Filing.Core.Documents.Structure;

/// <summary>A title found over one or more consecutive paragraphs.</summary>
/// <param name="Start">First paragraph index.</param>
/// <param name="End">Last paragraph index (inclusive).</param>
/// <param name="Text">The title as one string, layout spaces and line breaks removed.</param>
internal sealed record TitleSpan(int Start, int End, string Text);

/// <summary>
/// Finds the 标题: one to four consecutive short paragraphs (or one paragraph with manual line breaks) that together
/// end with a 文种 (通知, 办法, 实施意见…), before the body starts. Lines of the 版头 (发文机关标志, 发文字号, 签发人)
/// are never part of it.
/// </summary>
internal static class TitleFinder
{
    private const int MaxLines = 4;
    private const int MaxLineLength = 80;
    private const int MaxScannedLines = 40;

    private static readonly string[] SentenceStarts = ["本", "请", "现", "各", "为", "经", "对", "凡", "如", "按", "根据", "依据", "附件"];

    public static TitleSpan? Find(IReadOnlyList<Line> lines, int from, int to)
    {
        var scanned = 0;
        for (var k = from; k < to && scanned < MaxScannedLines; k++)
        {
            var line = lines[k];
            if (line.IsEmpty)
            {
                continue;
            }

            scanned++;
            if (CanBeTitleLine(line))
            {
                var best = LongestTitleFrom(lines, k, to);
                if (best is not null)
                {
                    return best;
                }
            }

            if (EndsSearch(line))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A title that starts exactly at <paramref name="start"/>, or null.</summary>
    public static TitleSpan? At(IReadOnlyList<Line> lines, int start, int to) =>
        start < to && CanBeTitleLine(lines[start]) ? LongestTitleFrom(lines, start, to) : null;

    public static bool IsTitle(string text)
    {
        if (text.Length is < 5 or > 160 || DocumentKinds.KindOf(text) is not { } kind)
        {
            return false;
        }

        foreach (var start in SentenceStarts)
        {
            if (text.StartsWith(start, StringComparison.Ordinal))
            {
                return false;
            }
        }

        // 函 alone is too common a last character: require 的函 or 复函.
        return kind != "函" || text.EndsWith("的函", StringComparison.Ordinal) || text.EndsWith("复函", StringComparison.Ordinal);
    }

    public static bool CanBeTitleLine(Line line)
    {
        if (line.IsEmpty || line.Source == ParagraphSource.TableCell || !line.IsShort || line.Compact.Length > MaxLineLength)
        {
            return false;
        }

        var c = line.Compact;
        if (TextShape.HasSentencePunctuation(c) || c.AsSpan().IndexOfAny("：:") >= 0 || line.Label is not null)
        {
            return false;
        }

        return !IsIssuerMark(c)
            && !c.StartsWith("签发人", StringComparison.Ordinal)
            && !HeaderBlockReader.IsCopyNumber(c)
            && !HeaderBlockReader.IsClassificationOrUrgency(c)
            && DocumentNumberParser.FindAll(line.Content).Count == 0
            && !Text.ChineseDates.TryParse(c, out _);
    }

    // 桐庐县人民政府文件 is the 发文机关标志; …关于进一步加强行政规范性文件 is the first line of a title.
    private static bool IsIssuerMark(string compact) =>
        compact.EndsWith("文件", StringComparison.Ordinal) && !compact.Contains("关于", StringComparison.Ordinal)
        && OrgNames.IsLikely(OrgNames.IssuerFromMark(compact));

    private static TitleSpan? LongestTitleFrom(IReadOnlyList<Line> lines, int k, int to)
    {
        TitleSpan? best = null;
        var joined = "";
        for (var j = k; j < to && j < k + MaxLines; j++)
        {
            var line = lines[j];
            if (line.IsEmpty || !CanBeTitleLine(line) || (j > k && !CanContinue(lines[j - 1], line)))
            {
                break;
            }

            joined += line.Compact;
            if (IsTitle(joined))
            {
                best = new TitleSpan(k, j, joined);
            }
        }

        return best;
    }

    // With layout facts from Word, a title's lines share alignment and size; the 发文机关标志 is much larger.
    private static bool CanContinue(Line previous, Line next)
    {
        if (previous.Raw.Alignment is not null && next.Raw.Alignment is not null && previous.Raw.Alignment != next.Raw.Alignment)
        {
            return false;
        }

        if (previous.Raw.FontSizeHalfPoints is { } a && next.Raw.FontSizeHalfPoints is { } b && Math.Abs(a - b) > 4)
        {
            return false;
        }

        return !(OrgNames.IsLikely(previous.Compact) && next.Compact.StartsWith("关于", StringComparison.Ordinal)
            && previous.Raw.FontSizeHalfPoints is not null && previous.Raw.FontSizeHalfPoints != next.Raw.FontSizeHalfPoints);
    }

    // The body has started: a structure label, or a sentence.
    private static bool EndsSearch(Line line) =>
        (line.IsBody && line.Label is not null)
        || line.EndsWith('。') || line.EndsWith('；') || line.EndsWith(';')
        || (line.ContentLength > 60 && line.HasSentencePunctuation);
}
