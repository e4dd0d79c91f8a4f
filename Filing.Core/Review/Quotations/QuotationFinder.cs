using System.Text.RegularExpressions;
using Filing.Core.Text;

namespace Filing.Core.Review.Quotations;

/// <summary>How a quotation in a draft was judged.</summary>
internal enum QuotationKind
{
    /// <summary>Attributed to a held statute and found in it: not the draft's own text.</summary>
    Verified,

    /// <summary>Attributed to a statute whose text is not held: judged by its form alone.</summary>
    Unverifiable,

    /// <summary>Attributed to a held statute but not found in it: reviewed as the draft's own text.</summary>
    NotFound,

    /// <summary>Attributed to something that is not a statute (a notice, minutes, the draft itself): reviewed.</summary>
    NonStatute,

    /// <summary>No quotation marks, but the whole clause is statute text verbatim.</summary>
    Verbatim,
}

/// <summary>A quotation or copied statute text inside a paragraph.</summary>
/// <param name="Content">The quoted characters (between the marks), or the copied clause without its label.</param>
/// <param name="Kind">How it was judged.</param>
/// <param name="Source">The cited title (short name for a statute), or the statute it was found in.</param>
/// <param name="Article">The article cited, or null.</param>
/// <param name="FoundIn">The article the text was found in, or null.</param>
internal sealed record QuotedPassage(TextRange Content, QuotationKind Kind, string? Source, string? Article, string? FoundIn)
{
    /// <summary>Whether matches inside are statute text rather than the draft's own measures.</summary>
    public bool Exempts => Kind is QuotationKind.Verified or QuotationKind.Unverifiable or QuotationKind.Verbatim;
}

/// <summary>
/// Recognises statute quotations in a paragraph: a citation 《…》 (optionally 第X条…规定：) followed within a few
/// characters by a quotation “…”/「…」, or a quotation followed by （《…》第X条）; and clauses that are statute text
/// copied verbatim. Judges each against <see cref="StatuteTexts"/> with <see cref="QuotationSettings"/>.
/// </summary>
internal sealed partial class QuotationFinder(QuotationSettings settings, StatuteTexts statutes)
{
    public QuotationSettings Settings { get; } = settings;

    public StatuteTexts Statutes { get; } = statutes;

    /// <summary>Attributed quotations in the paragraph, outermost only, in order.</summary>
    public IReadOnlyList<QuotedPassage> FindAttributed(string text, IReadOnlyList<TextRange> quotes, IReadOnlyList<TextRange> titles, IReadOnlyCollection<string> ownTitles)
    {
        if (quotes.Count == 0 || titles.Count == 0)
        {
            return [];
        }

        List<QuotedPassage>? result = null;
        foreach (var q in quotes)
        {
            if (quotes.Any(o => o != q && o.Start <= q.Start && o.End >= q.End && o.Length > q.Length) || q.Start < 1)
            {
                continue;
            }

            if (Attribution(text, q, titles) is not { } citation)
            {
                continue;
            }

            var title = text.Substring(citation.Title.Start, citation.Title.Length);
            var quoted = text.Substring(q.Start, q.Length);
            (result ??= []).Add(Judge(q, title, citation.Article, quoted, ownTitles));
        }

        return result ?? (IReadOnlyList<QuotedPassage>)[];
    }

    /// <summary>
    /// The clause as copied statute text: its label (第X条, （一）, 1.) and an attribution (依照《…》第X条的规定，) set
    /// aside, the rest must be at least <see cref="QuotationSettings.MinVerbatimLength"/> characters and occur
    /// verbatim in a held statute (the cited one, when there is a citation). Null otherwise.
    /// </summary>
    public QuotedPassage? FindVerbatim(string text, TextRange clause, IReadOnlyCollection<string> ownTitles)
    {
        var start = clause.Start;
        var end = clause.End;
        var label = Label().Match(text, start, end - start);
        start += label.Length;

        string? law = null;
        string? article = null;
        var prefix = AttributionPrefix().Match(text, start, end - start);
        if (prefix.Success)
        {
            var title = prefix.Groups["title"].Value;
            if (!IsStatuteTitle(title, ownTitles) || !Statutes.Has(title))
            {
                // Copied text must be found in the statute it is attributed to; other sources are not checked.
                return null;
            }

            law = StatuteTexts.ShortName(title);
            article = prefix.Groups["article"].Success ? prefix.Groups["article"].Value : null;
            start += prefix.Length;
        }

        while (end > start && (ClauseSplitter.IsClauseTerminator(text[end - 1]) || char.IsWhiteSpace(text[end - 1])))
        {
            end--;
        }

        if (end - start < Settings.MinVerbatimLength)
        {
            return null;
        }

        var rest = text.Substring(start, end - start);
        if (StatuteTexts.Compact(rest).Length < Settings.MinVerbatimLength)
        {
            return null;
        }

        if (law is not null)
        {
            return Statutes.FindArticle(law, article, rest) is { } found
                ? new QuotedPassage(new TextRange(start, end - start), QuotationKind.Verbatim, law, article, found)
                : null;
        }

        return Statutes.FindAnywhere(rest) is { } anywhere
            ? new QuotedPassage(new TextRange(start, end - start), QuotationKind.Verbatim, anywhere.Law, null, anywhere.Article)
            : null;
    }

    private QuotedPassage Judge(TextRange quote, string title, string? article, string quoted, IReadOnlyCollection<string> ownTitles)
    {
        if (!IsStatuteTitle(title, ownTitles))
        {
            return new QuotedPassage(quote, QuotationKind.NonStatute, title, article, null);
        }

        var law = StatuteTexts.ShortName(title);
        if (!Statutes.Has(law))
        {
            return new QuotedPassage(quote, QuotationKind.Unverifiable, law, article, null);
        }

        return Statutes.FindArticle(law, article, quoted) is { } found
            ? new QuotedPassage(quote, QuotationKind.Verified, law, article, found)
            : new QuotedPassage(quote, QuotationKind.NotFound, law, article, null);
    }

    /// <summary>A statute: a title the settings call one, not excluded by them, and not the draft's own title.</summary>
    private bool IsStatuteTitle(string title, IReadOnlyCollection<string> ownTitles)
    {
        var t = title.Trim();
        if (ownTitles.Any(own => own.Contains(t, StringComparison.Ordinal)))
        {
            return false;
        }

        return Settings.StatuteTitle.IsMatch(t) && !Settings.NonStatuteTitles.Any(r => r.IsMatch(t));
    }

    /// <summary>The citation a quotation is attributed to: 《X》第N条规定：“…” before it, or “…”（《X》第N条） after it.</summary>
    private (TextRange Title, string? Article)? Attribution(string text, TextRange quote, IReadOnlyList<TextRange> titles)
    {
        var open = quote.Start - 1;
        TextRange? before = null;
        foreach (var t in titles)
        {
            // t is the content of 《…》, so its closing mark is at t.End.
            if (t.End < open && (before is null || t.End > before.Value.End))
            {
                before = t;
            }
        }

        if (before is { } b)
        {
            var gapStart = b.End + 1;
            var gap = text.AsSpan(gapStart, open - gapStart);
            if (gap.Length <= Settings.AttributionGap && gap.IndexOfAny(GapStoppers) < 0)
            {
                var article = ArticleAt().Match(text, gapStart, open - gapStart);
                return (b, article.Success ? article.Groups[1].Value : null);
            }
        }

        // “…”（《X》第N条）
        var close = quote.End;
        var after = close + 1;
        if (after + 2 < text.Length && text[after] is '(' or '（' && text[after + 1] == '《')
        {
            foreach (var t in titles)
            {
                if (t.Start == after + 2)
                {
                    var article = ArticleAt().Match(text, t.End + 1, Math.Min(12, text.Length - t.End - 1));
                    return (t, article.Success ? article.Groups[1].Value : null);
                }
            }
        }

        return null;
    }

    private static readonly System.Buffers.SearchValues<char> GapStoppers =
        System.Buffers.SearchValues.Create("。;；!！?？\n\r“”「」\"");

    [GeneratedRegex(@"\G(第[一二三四五六七八九十百零〇]+条)")]
    private static partial Regex ArticleAt();

    [GeneratedRegex(@"\G\s*(?:(?:第[一二三四五六七八九十百零〇]+条|\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])\s*)*")]
    private static partial Regex Label();

    [GeneratedRegex(@"\G(?:根据|依照|依据|按照|遵照)?《(?<title>[^《》]{2,60})》(?<article>第[一二三四五六七八九十百零〇]+条)?(?:第[一二三四五六七八九十]+款)?(?:第\([一二三四五六七八九十]+\)项)?(?:的)?(?:规定|明确|指出)?[,:]\s*")]
    private static partial Regex AttributionPrefix();
}

/// <summary>Settings for statute quotations, from <c>corpus/rules/quotations.yaml</c>.</summary>
/// <param name="StatutesDirectory">Folder of statute texts (resolved).</param>
/// <param name="StatuteTitle">A 《title》 that names a law, regulation or rule.</param>
/// <param name="NonStatuteTitles">Titles that match <paramref name="StatuteTitle"/> but are not statutes (local documents).</param>
/// <param name="AttributionGap">Most characters between the citation and the opening quotation mark.</param>
/// <param name="MinVerbatimLength">Fewest characters of copied text, without quotation marks, that count as statute text.</param>
/// <param name="VerifiedNote">Note on a finding inside a verified quotation ({law}, {article}).</param>
/// <param name="UnverifiableNote">Note on a finding inside a quotation of a statute whose text is not held ({law}, {article}).</param>
/// <param name="NotFoundNote">Note on a finding inside a quotation not found in the cited statute ({law}, {article}).</param>
/// <param name="VerbatimNote">Note on a finding inside copied statute text ({law}, {article}).</param>
internal sealed record QuotationSettings(
    string StatutesDirectory,
    Regex StatuteTitle,
    IReadOnlyList<Regex> NonStatuteTitles,
    int AttributionGap,
    int MinVerbatimLength,
    string VerifiedNote,
    string UnverifiableNote,
    string NotFoundNote,
    string VerbatimNote)
{
    /// <summary>The note for a finding inside <paramref name="q"/>, or null when the quotation does not change it.</summary>
    public string? NoteFor(QuotedPassage q)
    {
        var template = q.Kind switch
        {
            QuotationKind.Verified => VerifiedNote,
            QuotationKind.Unverifiable => UnverifiableNote,
            QuotationKind.NotFound => NotFoundNote,
            QuotationKind.Verbatim => VerbatimNote,
            _ => null,
        };

        return template?
            .Replace("{law}", q.Source ?? "", StringComparison.Ordinal)
            .Replace("{article}", q.FoundIn ?? q.Article ?? "", StringComparison.Ordinal)
            .Replace("{cited}", q.Article ?? "", StringComparison.Ordinal);
    }
}
