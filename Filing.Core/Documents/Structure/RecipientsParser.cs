using System.Text.RegularExpressions;

namespace Filing.Core.Documents.Structure;

/// <summary>
/// 主送机关: the line after the title that ends with a colon and lists addressees separated by 、，,；
/// (各乡镇人民政府、街道办事处，县政府各部门、各直属单位：).
/// </summary>
internal static partial class RecipientsParser
{
    private const int MaxLength = 200;

    private static readonly System.Buffers.SearchValues<char> NotInRecipients = System.Buffers.SearchValues.Create("。！？!?《》“”\"");
    private const int MaxEntryLength = 30;

    private static readonly string[] SentenceWords = ["如下", "现将", "根据", "为了", "为进一步", "按照", "经研究", "特此", "通知", "要求", "规定"];

    public static bool TryParse(Line line, out IReadOnlyList<string> recipients)
    {
        recipients = [];
        var c = line.Compact;
        if (line.Source == ParagraphSource.TableCell || line.Label is not null || c.Length is < 3 or > MaxLength
            || c[^1] is not ('：' or ':') || c.AsSpan().IndexOfAny(NotInRecipients) >= 0
            || c.StartsWith("附件", StringComparison.Ordinal) || c.StartsWith("抄送", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var word in SentenceWords)
        {
            if (c.Contains(word, StringComparison.Ordinal))
            {
                return false;
            }
        }

        var body = MainSendLabel().Replace(c[..^1], "");
        var entries = Split(body);
        if (entries.Count == 0 || entries.Any(e => e.Length > MaxEntryLength))
        {
            return false;
        }

        recipients = entries;
        return true;
    }

    /// <summary>Splits a list of organs on 、，,；; and line breaks, dropping a final 。 and empty entries.</summary>
    public static List<string> Split(string list) =>
        [.. Separators().Split(list)
            .Select(e => TextShape.TrimTrailingPunctuation(TextShape.Compact(e)))
            .Where(e => e.Length > 0)];

    [GeneratedRegex(@"[、，,；;\n]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^主送[：:]")]
    private static partial Regex MainSendLabel();
}
