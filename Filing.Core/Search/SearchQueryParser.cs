using System.Text;
using Filing.Core.Text;

namespace Filing.Core.Search;

/// <summary>
/// Parses the <c>q</c> of a register search:
/// <list type="bullet">
/// <item>Words separated by spaces must all match: <c>招商引资 优惠</c>.</item>
/// <item>A quoted phrase must occur exactly: <c>"法治政府建设"</c> or <c>“法治政府建设”</c> (also 「」).</item>
/// <item><c>OR</c> (capitals) or <c>|</c> between two parts makes either enough: <c>奖励 OR 补贴</c>.</item>
/// <item>A leading minus excludes: <c>-废止</c>, <c>-"试行"</c>.</item>
/// </list>
/// Words are matched as words (jieba), not as substrings: 政府 finds 法治政府 (the index keeps the words inside longer
/// ones), but a single character only finds itself as a word. Full-width letters, digits and spaces count as half-width.
/// </summary>
public sealed class SearchQueryParser(SearchAnalyzer analyzer)
{
    /// <summary>Longest accepted query, in characters.</summary>
    public const int MaxLength = 200;

    /// <summary>Most words and phrases in one query.</summary>
    public const int MaxParts = 20;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="SearchQueryException">Too long, too many parts, nothing searchable, only exclusions, or a misplaced OR.</exception>
    public SearchQuery Parse(string text, bool titleOnly = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new SearchQueryException($"q is at most {MaxLength} characters.");
        }

        var raw = Lex(Fold(text));
        if (raw.Count > MaxParts * 2)
        {
            throw new SearchQueryException($"q has at most {MaxParts} words or phrases.");
        }

        var groups = new List<List<SearchPart>>();
        var excluded = new List<SearchPart>();
        var joinNext = false;
        var parts = 0;
        for (var i = 0; i < raw.Count; i++)
        {
            var lexeme = raw[i];
            if (lexeme.IsOr)
            {
                if (groups.Count == 0 || joinNext || i == raw.Count - 1 || raw[i + 1].IsOr)
                {
                    throw new SearchQueryException("OR goes between two words or phrases, e.g. 奖励 OR 补贴.");
                }

                joinNext = true;
                continue;
            }

            var part = ToPart(lexeme);
            if (part is null)
            {
                // Punctuation only: nothing to look for. An OR next to it has nothing to join.
                if (joinNext)
                {
                    throw new SearchQueryException($"“{lexeme.Text}” has no searchable word to combine with OR.");
                }

                continue;
            }

            if (++parts > MaxParts)
            {
                throw new SearchQueryException($"q has at most {MaxParts} words or phrases.");
            }

            if (lexeme.Negated)
            {
                if (joinNext || (i + 1 < raw.Count && raw[i + 1].IsOr))
                {
                    throw new SearchQueryException("An excluded part (-word) cannot be combined with OR.");
                }

                excluded.Add(part);
                continue;
            }

            if (joinNext)
            {
                groups[^1].Add(part);
                joinNext = false;
            }
            else
            {
                groups.Add([part]);
            }
        }

        if (groups.Count == 0)
        {
            throw new SearchQueryException(excluded.Count > 0
                ? "q needs at least one word to look for besides the excluded ones."
                : "q has no searchable word (letters, digits or Chinese characters).");
        }

        return new SearchQuery(text, [.. groups.Select(g => new SearchGroup(g))], excluded, titleOnly);
    }

    private SearchPart? ToPart(Lexeme lexeme)
    {
        var normalized = SearchAnalyzer.Normalize(lexeme.IsPhrase ? SquashSpaces(lexeme.Text) : lexeme.Text);
        var leaves = analyzer.Leaves(normalized);
        return leaves.Count == 0 ? null : new SearchPart(normalized, lexeme.IsPhrase, leaves);
    }

    /// <summary>Full-width ASCII and the ideographic space to half-width, so that “＂” and "OR" typed full-width work too.</summary>
    private static string Fold(string text) => TextNormalizer.Normalize(text);

    private static List<Lexeme> Lex(string text)
    {
        var result = new List<Lexeme>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                negated = true;
                i++;
            }

            if (CloserOf(text[i]) is { } closer)
            {
                var end = text.IndexOfAny(closer, i + 1);
                var stop = end < 0 ? text.Length : end; // an unclosed quote runs to the end
                result.Add(new Lexeme(text[(i + 1)..stop], IsPhrase: true, negated, IsOr: false));
                i = end < 0 ? text.Length : end + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && CloserOf(text[i]) is null)
            {
                i++;
            }

            var word = text[start..i];
            var isOr = !negated && word is "OR" or "|";
            result.Add(new Lexeme(word, IsPhrase: false, negated, isOr));
        }

        return result;
    }

    private static char[]? CloserOf(char c) => c switch
    {
        '"' => ['"', '”'],
        '“' => ['”', '"'],
        '「' => ['」'],
        '『' => ['』'],
        _ => null,
    };

    /// <summary>Inside a phrase, spaces between Chinese characters are dropped and other runs of spaces become one.</summary>
    private static string SquashSpaces(string phrase)
    {
        var trimmed = phrase.Trim();
        var builder = new StringBuilder(trimmed.Length);
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (!char.IsWhiteSpace(trimmed[i]))
            {
                builder.Append(trimmed[i]);
                continue;
            }

            var next = i;
            while (next < trimmed.Length && char.IsWhiteSpace(trimmed[next]))
            {
                next++;
            }

            var before = builder.Length > 0 ? builder[^1] : ' ';
            if (!(IsHan(before) && next < trimmed.Length && IsHan(trimmed[next])))
            {
                builder.Append(' ');
            }

            i = next - 1;
        }

        return builder.ToString();
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private sealed record Lexeme(string Text, bool IsPhrase, bool Negated, bool IsOr);
}
