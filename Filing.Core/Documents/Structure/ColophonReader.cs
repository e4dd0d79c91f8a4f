using System.Text.RegularExpressions;
using Filing.Core.Text;

namespace Filing.Core.Documents.Structure;

/// <summary>
/// 版记 (GB/T 9704 §7.4): 抄送机关 (抄送：A，B，C。) and 印发机关和印发日期 (桐庐县人民政府办公室　2018年8月7日印发).
/// Word templates often lay the 版记 out as a table, so table cells count.
/// </summary>
internal static partial class ColophonReader
{
    public static bool IsCopiedTo(Line line) => line.StartsWith('抄') && CopiedTo().IsMatch(line.Compact);

    public static bool IsPrintLine(Line line) =>
        line.IsShort && line.EndsWith('发') && PrintLine(line.Compact) is not null;

    public static bool IsColophonLine(Line line) => !line.IsEmpty && (IsCopiedTo(line) || IsPrintLine(line));

    public static List<string> ReadCopiedTo(Line line)
    {
        var m = CopiedTo().Match(line.Compact);
        return RecipientsParser.Split(m.Groups["list"].Value);
    }

    /// <summary>The 印发机关 written before the date (may be empty) and the 印发日期, or null.</summary>
    public static (string PrintedBy, DateOnly Date)? PrintLine(string compact)
    {
        if (!compact.EndsWith("印发", StringComparison.Ordinal) || compact.Length > 80)
        {
            return null;
        }

        var body = compact[..^2];
        var dates = ChineseDates.FindAll(body);
        if (dates.Count == 0 || dates[^1].Index + dates[^1].Length != body.Length)
        {
            return null;
        }

        var by = TextShape.TrimTrailingPunctuation(body[..dates[^1].Index]);
        return (by, dates[^1].Date);
    }

    [GeneratedRegex(@"^(?:抄送|抄报|抄发)[：:](?<list>.+)$", RegexOptions.Singleline)]
    private static partial Regex CopiedTo();
}
