using System.Text;
using Filing.Core.Text;

namespace Filing.Core.Search;

/// <summary>
/// Turns Chinese text into the words a full-text index stores and a query looks for, the same way at index time and at
/// query time, so that SQLite (FTS5) and PostgreSQL (tsvector) see identical words and give identical answers.
/// <list type="bullet">
/// <item><see cref="Normalize"/>: full-width ASCII to half-width, the ideographic space to a space, lower case; one
/// character for one, so offsets in the normalised text are offsets in the original.</item>
/// <item><see cref="Terms"/>: jieba's search mode (every word plus the dictionary words inside longer ones), each word
/// cut to its runs of letters and digits. A term never contains punctuation or a space, so neither database's parser
/// can split or join it differently.</item>
/// <item><see cref="Leaves"/>: what a query word must find. A query word is reduced to the smallest dictionary words
/// inside it (招商引资 → 招商 + 引资); the index holds those for every longer word, whichever way jieba cut the
/// sentence around it.</item>
/// </list>
/// </summary>
public sealed class SearchAnalyzer
{
    /// <summary>Longest term kept; longer runs (hashes, long Latin strings) are not searchable words.</summary>
    public const int MaxTermLength = 64;

    /// <summary>How many of a document's most frequent words are kept as its keywords (used for ranking).</summary>
    public const int KeywordCount = 24;

    private readonly ITokenizer _tokenizer;

    /// <summary>Creates an analyzer over <paramref name="tokenizer"/> (normally <see cref="JiebaTokenizer.Shared"/>).</summary>
    public SearchAnalyzer(ITokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        _tokenizer = tokenizer;
    }

    /// <summary>
    /// Version of the analysis: stored with every index entry, and entries of an older version are rebuilt at start-up.
    /// Bump it whenever the terms a text produces change (analysis rules, jieba dictionaries).
    /// </summary>
    public static int Version => 1;

    /// <summary>The normalised form of <paramref name="text"/>; always the same length as the input.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            var table = NormalizedChars;
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = table[source[i]];
            }
        });
    }

    /// <summary>
    /// Each character's normalised form, <c>char.ToLowerInvariant(TextNormalizer.Fold(c))</c>, made once (128 KB):
    /// <c>ToLowerInvariant</c> asks ICU for every character outside ASCII, ~17 ns each, which made normalising the
    /// bodies for a page's snippets (~200,000 characters) cost ~3.5 ms.
    /// </summary>
    private static readonly char[] NormalizedChars = NormalizedTable();

    private static char[] NormalizedTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = char.ToLowerInvariant(TextNormalizer.Fold((char)c));
        }

        return table;
    }

    /// <summary>The index terms of <paramref name="text"/> in reading order, with repeats (search-mode segmentation).</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>(text.Length / 2 + 1);
        foreach (var token in _tokenizer.TokenizeForSearch(Normalize(text)))
        {
            AddRuns(token.Word, terms);
        }

        return terms;
    }

    /// <summary>
    /// The terms a query word or phrase requires: for each word jieba finds in it, the dictionary words inside it that
    /// contain no smaller one (行政规范性文件 → 行政, 规范, 范性, 文件). Distinct, in order.
    /// </summary>
    public IReadOnlyList<string> Leaves(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var leaves = new List<string>();
        foreach (var word in _tokenizer.Tokenize(Normalize(text)))
        {
            var inside = new List<string>();
            foreach (var sub in _tokenizer.TokenizeForSearch(word.Word))
            {
                AddRuns(sub.Word, inside);
            }

            foreach (var candidate in inside)
            {
                var hasSmaller = inside.Any(other => other.Length < candidate.Length && candidate.Contains(other, StringComparison.Ordinal));
                if (!hasSmaller && !leaves.Contains(candidate))
                {
                    leaves.Add(candidate);
                }
            }
        }

        return leaves;
    }

    /// <summary>Analyses a document for the index: its title and body separately.</summary>
    public SearchDocument Analyze(string title, string body)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        var titleTerms = Terms(title);
        var bodyTerms = Terms(body);
        return new SearchDocument(
            title,
            body,
            Normalize(title),
            Normalize(body),
            Join(titleTerms),
            Join(bodyTerms),
            Keywords(titleTerms.Concat(bodyTerms)));
    }

    /// <summary>
    /// The <see cref="KeywordCount"/> most frequent terms of two or more characters that are not plain numbers, most
    /// frequent first (ties: first seen first), as <c>" k1 k2 … "</c> (spaces around each, for whole-word look-ups).
    /// </summary>
    public static string Keywords(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        var position = 0;
        foreach (var term in terms)
        {
            position++;
            if (term.Length < 2 || term.All(char.IsAsciiDigit))
            {
                continue;
            }

            counts[term] = counts.TryGetValue(term, out var seen) ? (seen.Count + 1, seen.First) : (1, position);
        }

        var top = counts.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Value.First).Take(KeywordCount).Select(p => p.Key);
        return " " + string.Join(' ', top) + " ";
    }

    private static string Join(IReadOnlyList<string> terms) => string.Join(' ', terms);

    /// <summary>Adds the runs of letters and digits of <paramref name="word"/> (already normalised) as terms.</summary>
    private static void AddRuns(string word, List<string> into)
    {
        var run = new StringBuilder();
        foreach (var rune in word.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                run.Append(rune.ToString());
                continue;
            }

            Flush(run, into);
        }

        Flush(run, into);
    }

    private static void Flush(StringBuilder run, List<string> into)
    {
        if (run.Length is > 0 and <= MaxTermLength)
        {
            into.Add(run.ToString());
        }

        run.Clear();
    }
}

/// <summary>A document as the search index stores it.</summary>
/// <param name="Title">The title as published.</param>
/// <param name="Body">The text as published (paragraphs joined by '\n'), for snippets.</param>
/// <param name="TitleSearch">Normalised title (<see cref="SearchAnalyzer.Normalize"/>), for phrase matching and ranking.</param>
/// <param name="BodySearch">Normalised body, for phrase matching.</param>
/// <param name="TitleTerms">Index terms of the title, separated by single spaces.</param>
/// <param name="BodyTerms">Index terms of the body, separated by single spaces.</param>
/// <param name="Keywords">The most frequent terms, <c>" k1 k2 … "</c>.</param>
public sealed record SearchDocument(
    string Title,
    string Body,
    string TitleSearch,
    string BodySearch,
    string TitleTerms,
    string BodyTerms,
    string Keywords);
