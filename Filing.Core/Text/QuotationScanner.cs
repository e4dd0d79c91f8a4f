namespace Filing.Core.Text;

/// <summary>
/// Finds balanced quotations (“…”, ‘…’, 「…」, 『…』, "…") and book-title marks (《…》) in normalised text.
/// An opening mark without its closing mark in the same text is ignored rather than allowed to swallow the rest.
/// </summary>
public static class QuotationScanner
{
    private const int MaxNesting = 8;

    /// <summary>Content ranges (between the marks) of every balanced quotation, outermost and nested alike.</summary>
    public static IReadOnlyList<TextRange> FindQuotes(string text) => Find(text, quotes: true);

    /// <summary>Content ranges of every balanced 《…》 (and 〈…〉 inside it).</summary>
    public static IReadOnlyList<TextRange> FindTitles(string text) => Find(text, quotes: false);

    private static List<TextRange> Find(string text, bool quotes)
    {
        List<TextRange>? result = null;
        Span<int> openAt = stackalloc int[MaxNesting];
        Span<char> expected = stackalloc char[MaxNesting];
        var depth = 0;
        var asciiOpen = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quotes && c == '"')
            {
                // ASCII quotes alternate; a pair never crosses a paragraph because callers pass one paragraph.
                if (asciiOpen < 0)
                {
                    asciiOpen = i;
                }
                else
                {
                    (result ??= []).Add(new TextRange(asciiOpen + 1, i - asciiOpen - 1));
                    asciiOpen = -1;
                }

                continue;
            }

            var close = quotes ? QuoteCloser(c) : TitleCloser(c);
            if (close != '\0')
            {
                if (depth < MaxNesting)
                {
                    openAt[depth] = i;
                    expected[depth] = close;
                }

                depth++;
                continue;
            }

            if (depth > 0 && depth <= MaxNesting && c == expected[depth - 1])
            {
                depth--;
                (result ??= []).Add(new TextRange(openAt[depth] + 1, i - openAt[depth] - 1));
            }
            else if (depth > MaxNesting && IsCloser(c, quotes))
            {
                depth--;
            }
        }

        return result ?? [];
    }

    private static char QuoteCloser(char c) => c switch
    {
        '“' => '”',
        '‘' => '’',
        '「' => '」',
        '『' => '』',
        _ => '\0',
    };

    private static char TitleCloser(char c) => c switch
    {
        '《' => '》',
        '〈' => '〉',
        _ => '\0',
    };

    private static bool IsCloser(char c, bool quotes) => quotes ? c is '”' or '’' or '」' or '』' : c is '》' or '〉';
}
