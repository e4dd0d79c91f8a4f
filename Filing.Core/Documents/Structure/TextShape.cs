using System.Text;

namespace Filing.Core.Documents.Structure;

/// <summary>
/// Character-level helpers. Official documents use spaces for layout (全角空格 indents, 总　则, spaced-out signatures),
/// so comparisons and extracted values ignore them while paragraph text itself is never altered.
/// </summary>
internal static class TextShape
{
    private static readonly System.Buffers.SearchValues<char> SentenceMarks = System.Buffers.SearchValues.Create("。，,；;！!？?");

    /// <summary>Whitespace including 全角空格, no-break and zero-width spaces.</summary>
    public static bool IsLayoutSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' or '\u2060';

    /// <summary>Start and length of <paramref name="s"/> without layout spaces at either end.</summary>
    public static (int Start, int Length) TrimRange(string s)
    {
        var start = 0;
        while (start < s.Length && IsLayoutSpace(s[start]))
        {
            start++;
        }

        var end = s.Length;
        while (end > start && IsLayoutSpace(s[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    public static string Trim(string s)
    {
        var (start, length) = TrimRange(s);
        return start == 0 && length == s.Length ? s : s.Substring(start, length);
    }

    /// <summary>
    /// Drops layout spaces and line breaks, keeping one space only between two ASCII letters or digits
    /// ("总　则" → "总则", "Office 2007" stays).
    /// </summary>
    public static string Compact(string s)
    {
        var (start, length) = TrimRange(s);
        if (!HasLayoutSpace(s.AsSpan(start, length)))
        {
            return start == 0 && length == s.Length ? s : s.Substring(start, length);
        }

        var sb = new StringBuilder(length);
        var pendingSpace = false;
        for (var i = start; i < start + length; i++)
        {
            var c = s[i];
            if (IsLayoutSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && sb.Length > 0 && IsAsciiWordChar(sb[^1]) && IsAsciiWordChar(c))
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// A key for comparing titles written by different hands: no spaces, full-width ASCII folded to half-width,
    /// bracket and dash variants unified, lower case.
    /// </summary>
    public static string ComparisonKey(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (IsLayoutSpace(c))
            {
                continue;
            }

            var f = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            f = f switch
            {
                '〔' or '【' or '[' or '〖' => '(',
                '〕' or '】' or ']' or '〗' => ')',
                '—' or '–' or '‐' or '―' or '─' or '~' or '〜' => '-',
                '“' or '”' or '「' or '」' => '"',
                '‘' or '’' => '\'',
                '〈' or '<' => '《',
                '〉' or '>' => '》',
                _ => char.ToLowerInvariant(f),
            };
            sb.Append(f);
        }

        return sb.ToString();
    }

    /// <summary>Whether the text holds nothing but rules and marks used as layout (——, ★, ====).</summary>
    public static bool IsLayoutOnly(ReadOnlySpan<char> content)
    {
        foreach (var c in content)
        {
            if (!IsLayoutSpace(c) && c is not ('─' or '━' or '—' or '-' or '－' or '_' or '＿' or '=' or '＝' or '*' or '★' or '☆' or '·' or '…' or '.' or '‧'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>Sentence punctuation that a title, a name or a heading does not contain.</summary>
    public static bool HasSentencePunctuation(ReadOnlySpan<char> s) => s.IndexOfAny(SentenceMarks) >= 0;

    private static bool HasLayoutSpace(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (IsLayoutSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes trailing sentence marks (。；;，,：:) from an extracted value.</summary>
    public static string TrimTrailingPunctuation(string s) => s.TrimEnd('。', '；', ';', '，', ',', '：', ':', '、', ' ', '\u3000');

    private static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c);
}
