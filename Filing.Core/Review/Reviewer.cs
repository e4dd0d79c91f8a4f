using System.Text.RegularExpressions;
using Filing.Core.Documents;
using Filing.Core.Review.Checks;
using Filing.Core.Review.Matching;
using Filing.Core.Review.Quotations;
using Filing.Core.Review.Rules;
using Filing.Core.Text;

namespace Filing.Core.Review;

/// <summary>
/// The review engine: runs the rules of the selected steps over a <see cref="NormativeDocument"/> (or a pasted
/// passage) clause by clause and returns a <see cref="ReviewReport"/>. Thread-safe; create one per process.
/// </summary>
/// <remarks>
/// Per paragraph: fold full-width ASCII (offsets unchanged), find rule anchors with one <c>SearchValues</c> scan,
/// split only paragraphs with anchors into clauses, run the candidate rules of each clause (segmenting it with
/// jieba only when a word-boundary matcher asks), and drop matches that the clause forbids or quotes
/// (不得…/禁止…/“…”等表述/《…》) or that a rule's exception covers (依法…/法律、行政法规另有规定). Then code checks run
/// (dates, 发文字号, attachments, repealed laws) and 公平竞争审查条例 art-12 exceptions downgrade fair-competition findings.
/// </remarks>
public sealed partial class Reviewer
{
    // Everything that can carry a measure. Roles are a reader's judgement and a pasted passage can be misread
    // (a lead-in ending in ：looks like 主送机关), so only the unmistakable GB/T 9704 furniture is skipped.
    private static readonly HashSet<ParagraphRole> SkippedRoles =
    [
        ParagraphRole.HeaderBlock, ParagraphRole.DocumentNumber, ParagraphRole.Signature, ParagraphRole.Date,
        ParagraphRole.CopiedTo, ParagraphRole.PrintInfo, ParagraphRole.Empty,
    ];

    private readonly ScopeAnalyzer _scope;

    /// <summary>Creates a reviewer over loaded rules and a tokenizer (normally <see cref="JiebaTokenizer.Shared"/>).</summary>
    public Reviewer(RuleSet rules, ITokenizer tokenizer)
    {
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        Tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        _scope = new ScopeAnalyzer(rules.Lexicon);
    }

    /// <summary>The rules in use.</summary>
    public RuleSet Rules { get; }

    /// <summary>The tokenizer in use.</summary>
    public ITokenizer Tokenizer { get; }

    /// <summary>
    /// A ready reviewer with the default rules folder and the process-wide jieba tokenizer
    /// (<see cref="RuleSet.LoadDefault"/>, <see cref="JiebaTokenizer.Shared"/>), warmed up: patterns compiled and
    /// jieba's dictionaries loaded. Takes a few seconds; create one per process.
    /// </summary>
    public static Reviewer CreateDefault()
    {
        var rules = RuleSet.LoadDefault();
        rules.WarmUp();
        var tokenizer = JiebaTokenizer.Shared;
        tokenizer.Warm();
        return new Reviewer(rules, tokenizer);
    }

    /// <summary>Reviews a pasted passage (one paragraph per line).</summary>
    /// <param name="text">The passage.</param>
    /// <param name="steps">Steps to run; null or empty for all.</param>
    /// <param name="wholeDocument">Whether the text is a whole document, so that document-level checks run.</param>
    public ReviewReport ReviewText(string text, IEnumerable<ReviewStep>? steps = null, bool wholeDocument = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Review(NormativeDocumentReader.FromText(text), new ReviewOptions { Steps = steps?.ToList(), WholeDocument = wholeDocument });
    }

    /// <summary>Reviews a document read by <see cref="NormativeDocumentReader"/>.</summary>
    public ReviewReport Review(NormativeDocument document, ReviewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Run(document, options ?? ReviewOptions.Default, new ReviewStats());
    }

    internal ReviewReport Run(NormativeDocument document, ReviewOptions options, ReviewStats stats)
    {
        var steps = options.Steps is { Count: > 0 } s ? ReviewStepNames.All.Where(s.Contains).ToList() : [.. ReviewStepNames.All];
        var compiled = Rules.Compiled;
        var active = new bool[compiled.Count];
        for (var i = 0; i < compiled.Count; i++)
        {
            var rule = compiled[i].Rule;
            active[i] = steps.Contains(rule.Step) && (options.WholeDocument || !rule.WholeDocumentOnly);
        }

        var findings = new List<Finding>();
        var notices = new List<string>();
        var fired = new HashSet<int>();
        var normalized = new string[document.Paragraphs.Count];
        var hits = new List<(int Position, int[] Owners)>();
        var found = new List<(int Position, int Literal)>();
        // The list the current paragraph belongs to: its lead-in (…下列条件：) and whether that lead-in forbids the items.
        ListScope? list = null;
        // A quotation of the draft's own title is not a statute quotation.
        string[] ownTitles = [.. new[] { document.Title, document.EnclosedTitle }.OfType<string>().Select(TextNormalizer.Normalize)];
        var contexts = new ParagraphContext?[document.Paragraphs.Count];
        ParagraphContext ContextOf(DocParagraph p) => contexts[p.Index] ??= new ParagraphContext(p, Tokenizer, stats, Rules.Quotations, ownTitles);

        foreach (var paragraph in document.Paragraphs)
        {
            var norm = normalized[paragraph.Index] = TextNormalizer.Normalize(paragraph.Text);
            if (SkippedRoles.Contains(paragraph.Role) || norm.Length == 0)
            {
                if (paragraph.Role != ParagraphRole.Empty)
                {
                    list = null;
                }

                continue;
            }

            stats.Paragraphs++;
            if (list is not null && !IsListItem(paragraph, norm))
            {
                list = null;
            }

            Rules.Anchors.FindAll(norm, hits, found);
            ParagraphContext? context = null;
            if (hits.Count > 0)
            {
                context = ContextOf(paragraph);
                ScanParagraph(context, hits, active, fired, list, findings, notices);
            }

            if (EndsWithColon(norm))
            {
                context ??= ContextOf(paragraph);
                if (context.Clauses.Count > 0 && LeadInBefore(norm, context.Clauses[^1]) is { } leadIn)
                {
                    list = new ListScope(leadIn.Of(norm).ToString(), _scope.IsProhibitionListLeadIn(norm, leadIn));
                }
            }
        }

        var facts = new Lazy<DocumentFacts>(() => DocumentFacts.From(document), LazyThreadSafetyMode.None);
        RunChecks(document, normalized, options.WholeDocument, active, facts, findings, notices, ContextOf);
        // After the checks, so that a check rule can supersede a pattern rule on the same excerpt (a table row).
        ApplySupersedes(findings);
        ApplyArt12(document, findings);

        findings.Sort((a, b) =>
        {
            var c = a.Location.Paragraph.CompareTo(b.Location.Paragraph);
            if (c == 0) c = a.Location.Start.CompareTo(b.Location.Start);
            if (c == 0) c = string.CompareOrdinal(a.RuleId, b.RuleId);
            return c;
        });

        return new ReviewReport(
            // A passage's summary comes from the reader alone unless a check needed the document facts anyway.
            options.WholeDocument || facts.IsValueCreated ? Summarize(document, facts.Value) : Summarize(document),
            steps,
            options.WholeDocument,
            findings,
            steps.ToDictionary(st => st, st => findings.Count(f => f.Step == st)),
            Enum.GetValues<Severity>().ToDictionary(sv => sv, sv => findings.Count(f => f.Severity == sv)),
            notices);
    }

    private void ScanParagraph(
        ParagraphContext context,
        List<(int Position, int[] Owners)> hits,
        bool[] active,
        HashSet<int> fired,
        ListScope? list,
        List<Finding> findings,
        List<string> notices)
    {
        var clauses = context.Clauses;

        // Per clause: the candidate rules and, per rule, the matchers whose anchors occur (a bit mask).
        var candidates = new SortedDictionary<int, ulong>?[clauses.Count];
        foreach (var (position, owners) in hits)
        {
            var c = ClauseAt(clauses, position);
            if (c < 0)
            {
                continue;
            }

            foreach (var owner in owners)
            {
                var r = owner / AnchorIndex.MaxMatchers;
                if (active[r])
                {
                    var set = candidates[c] ??= [];
                    set[r] = set.GetValueOrDefault(r) | (1UL << (owner % AnchorIndex.MaxMatchers));
                }
            }
        }

        for (var c = 0; c < clauses.Count; c++)
        {
            // 不得含有下列内容：（一）…；（二）… or 具备下列条件：1.…；2.… inside one paragraph.
            if (LeadInBefore(context.Normalized, clauses[c]) is { } own)
            {
                if (c > 0 || list is null || !list.Prohibition)
                {
                    list = new ListScope(own.Of(context.Normalized).ToString(), _scope.IsProhibitionListLeadIn(context.Normalized, own), own.End);
                }
            }

            if (candidates[c] is { } set)
            {
                context.Stats.CandidateClauses++;
                var clause = new ClauseContext(context, clauses[c])
                {
                    // A lead-in forbids what follows its colon, not what precedes it in the same clause.
                    InProhibitionList = list is { Prohibition: true } && list.ItemsFrom <= clauses[c].Start,
                    ListLeadIn = list?.LeadIn,
                };
                foreach (var (r, mask) in set)
                {
                    var rule = Rules.Compiled[r];
                    if (rule.Rule.Once && fired.Contains(r))
                    {
                        continue;
                    }

                    RuleMatch? match;
                    var started = context.Stats.RuleTicks is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
                    try
                    {
                        match = Evaluate(rule, clause, mask);
                        if (context.Stats.RuleTicks is { } ticks)
                        {
                            ticks[rule.Rule.Id] = ticks.GetValueOrDefault(rule.Rule.Id) + System.Diagnostics.Stopwatch.GetTimestamp() - started;
                        }
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        notices.Add($"规则 {rule.Rule.Id} 在第 {context.Paragraph.Index + 1} 段匹配超时，该段未按此规则审查。");
                        continue;
                    }

                    if (match is { } m)
                    {
                        fired.Add(r);
                        findings.Add(Quoted(ToFinding(rule.Rule, context.Paragraph, m.Range.Start, m.Range.Length, rule.Rule.Message, rule.Rule.Suggestion), m.Quote));
                    }
                }
            }

        }
    }

    /// <summary>A rule's match in a clause and the statute quotation it lies in, if any.</summary>
    private readonly record struct RuleMatch(TextRange Range, QuotedPassage? Quote);

    private RuleMatch? Evaluate(CompiledRule rule, ClauseContext clause, ulong mask)
    {
        var text = clause.Text;
        if (rule.Require.Count > 0)
        {
            var scope = rule.RequireInParagraph ? new TextRange(0, text.Length) : clause.Range;
            if (!rule.Require.Any(term => text.AsSpan(scope.Start, scope.Length).Contains(term, StringComparison.Ordinal)))
            {
                return null;
            }
        }

        var guards = rule.Guards;
        foreach (var word in guards.Unless)
        {
            if (clause.Contains(word))
            {
                return null;
            }
        }

        if (guards.Negation && clause.InProhibitionList)
        {
            return null;
        }

        // List matchers apply only to items under a matching lead-in (有下列情形之一的，不享受…：).
        var withList = rule.ListMatchers.Count > 0 && clause.ListLeadIn is { } leadIn
            && rule.ListLeadIn.Any(w => leadIn.Contains(w, StringComparison.Ordinal));
        TextRange? best = null;
        QuotedPassage? bestQuote = null;
        // The first match that lies in statute text (quoted or copied): reported at info only if nothing else matches.
        RuleMatch? quoted = null;
        var index = -1;
        foreach (var matcher in rule.AllMatchers)
        {
            index++;
            if ((mask & (1UL << index)) == 0 || (index >= rule.Matchers.Count && !withList))
            {
                continue;
            }

            foreach (var range in matcher.Find(clause))
            {
                if (best is { } b && range.Start >= b.Start)
                {
                    break;
                }

                if (guards.Negation && _scope.Check(text, clause.Range, clause.SubClauses, range) != ScopeGuard.None)
                {
                    continue;
                }

                if (guards.Quotation
                    && (ScopeAnalyzer.IsInTitle(clause.Paragraph.Titles, range)
                        || _scope.IsQuotedMention(text, clause.Paragraph.Quotes, clause.Range, clause.SubClauses, range)))
                {
                    continue;
                }

                if (guards.Quotation && clause.Paragraph.QuotationCovering(range) is { } q)
                {
                    if (q.Exempts)
                    {
                        quoted ??= new RuleMatch(range, q);
                        continue;
                    }

                    bestQuote = q;
                }

                best = range;
                break;
            }
        }

        // Exceptions (依法, 法律、行政法规另有规定…) cover the clause; checked only once something matched. A citation that
        // introduces a quotation is not a basis for what follows the quotation or for a quotation not in the statute.
        if (best is { } found)
        {
            var scope = clause.Range;
            if (bestQuote is not null)
            {
                scope = bestQuote.Content;
            }
            else if (clause.Paragraph.AttributedBefore(clause.Range, found.Start) is { } before)
            {
                scope = new TextRange(before.Content.End + 1, clause.Range.End - before.Content.End - 1);
            }

            foreach (var exception in guards.Exceptions)
            {
                if (scope.Length > 0 && exception.Match(text, scope.Start, scope.Length).Success)
                {
                    return null;
                }
            }

            return new RuleMatch(found, bestQuote);
        }

        if (quoted is not null)
        {
            foreach (var exception in guards.Exceptions)
            {
                if (exception.Match(text, clause.Range.Start, clause.Range.Length).Success)
                {
                    return null;
                }
            }
        }

        return quoted;
    }

    /// <summary>
    /// A finding in statute text: at info with the quotation's note when the text is the statute's (or only its form
    /// could be seen); with its severity and a note when it is attributed to a statute that does not contain it.
    /// </summary>
    private Finding Quoted(Finding finding, QuotedPassage? quote)
    {
        if (quote is null || quote.Kind == QuotationKind.NonStatute)
        {
            return finding;
        }

        var check = quote.Kind switch
        {
            QuotationKind.Unverifiable => QuotationCheck.NotVerifiable,
            QuotationKind.NotFound => QuotationCheck.NotFound,
            _ => QuotationCheck.Verified,
        };
        return finding with
        {
            Severity = quote.Exempts ? Severity.Info : finding.Severity,
            Note = Rules.Quotations.Settings.NoteFor(quote),
            Quotation = new StatuteQuotation(quote.Source ?? "", quote.Article, check, quote.FoundIn, quote.Kind != QuotationKind.Verbatim || quote.Article is not null),
        };
    }

    private void ApplySupersedes(List<Finding> findings)
    {
        var removed = new HashSet<Finding>();
        foreach (var f in findings)
        {
            var rule = Rules.Compiled[Rules.ById[f.RuleId]];
            foreach (var other in findings)
            {
                if (other != f && rule.Supersedes.Contains(other.RuleId)
                    && other.Location.Paragraph == f.Location.Paragraph
                    && new TextRange(other.Location.Start, other.Location.Length).Overlaps(new TextRange(f.Location.Start, f.Location.Length)))
                {
                    removed.Add(other);
                }
            }
        }

        findings.RemoveAll(removed.Contains);
    }

    private void RunChecks(
        NormativeDocument document,
        string[] normalized,
        bool wholeDocument,
        bool[] active,
        Lazy<DocumentFacts> facts,
        List<Finding> findings,
        List<string> notices,
        Func<DocParagraph, ParagraphContext> contextOf)
    {
        for (var i = 0; i < Rules.Compiled.Count; i++)
        {
            var rule = Rules.Compiled[i];
            if (!active[i] || rule.Check is null)
            {
                continue;
            }

            var context = new DocumentCheckContext(document, normalized, rule.Parameters, Rules, wholeDocument, facts);
            try
            {
                foreach (var hit in rule.Check.Run(context))
                {
                    var message = rule.Rule.Message;
                    var suggestion = rule.Rule.Suggestion;
                    foreach (var (key, value) in hit.Values ?? new Dictionary<string, string>())
                    {
                        message = message.Replace("{" + key + "}", value, StringComparison.Ordinal);
                        suggestion = suggestion.Replace("{" + key + "}", value, StringComparison.Ordinal);
                    }

                    var paragraph = document.Paragraphs[hit.Paragraph];
                    var quote = rule.Guards.Quotation && hit.Length > 0
                        ? contextOf(paragraph).QuotationCovering(new TextRange(hit.Start, hit.Length))
                        : null;
                    findings.Add(Quoted(ToFinding(rule.Rule, paragraph, hit.Start, hit.Length, message, suggestion), quote is { Exempts: true } ? quote : null));
                    if (rule.Rule.Once)
                    {
                        break;
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                notices.Add($"规则 {rule.Rule.Id} 匹配超时，未完成此项检查。");
            }
        }
    }

    private void ApplyArt12(NormativeDocument document, List<Finding> findings)
    {
        if (!findings.Any(f => f.Step == ReviewStep.FairCompetition))
        {
            return;
        }

        if (Rules.Art12.Find(TextNormalizer.Normalize(document.Text)) is not { } exception)
        {
            return;
        }

        var note = Rules.Art12.Note
            .Replace("{ground}", exception.Ground, StringComparison.Ordinal)
            .Replace("{item}", exception.Item, StringComparison.Ordinal)
            .Replace("{limit}", exception.Limit, StringComparison.Ordinal);
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            // A quotation's own note says why it is info; art 12 concerns the draft's measures.
            if (f.Step == ReviewStep.FairCompetition && f.Quotation is not { Check: not QuotationCheck.NotFound })
            {
                findings[i] = f with { Severity = f.Severity == Severity.Error ? Severity.Warning : Severity.Info, Note = note };
            }
        }
    }

    private static Finding ToFinding(ReviewRule rule, DocParagraph paragraph, int start, int length, string message, string suggestion) =>
        new(
            rule.Id,
            rule.Step,
            rule.Severity,
            message,
            paragraph.Text.Substring(start, length),
            new FindingLocation(paragraph.Path, paragraph.Index, start, length),
            rule.Basis,
            suggestion);

    private static DocumentSummary Summarize(NormativeDocument d) =>
        new(d.Title, d.DocumentNumber?.Text, d.IssuingBody, d.Date, d.DocumentType, d.Paragraphs.Count, d.Paragraphs.Sum(p => p.Text.Length));

    private static DocumentSummary Summarize(NormativeDocument d, DocumentFacts facts) => new DocumentSummary(
            facts.Title,
            facts.DocumentNumber?.Text,
            facts.IssuingBody,
            facts.Date,
            facts.DocumentType,
            d.Paragraphs.Count,
            d.Paragraphs.Sum(p => p.Text.Length));

    private static int ClauseAt(IReadOnlyList<TextRange> clauses, int position)
    {
        int lo = 0, hi = clauses.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (clauses[mid].End <= position)
            {
                lo = mid + 1;
            }
            else if (clauses[mid].Start > position)
            {
                hi = mid - 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>A list lead-in: its text up to the colon, whether it forbids the items, and where the items start.</summary>
    private sealed record ListScope(string LeadIn, bool Prohibition, int ItemsFrom = 0);

    private static TextRange? LeadInBefore(string text, TextRange clause)
    {
        var colon = text.AsSpan(clause.Start, clause.Length).LastIndexOfAny(':', '：');
        return colon < 0 ? null : new TextRange(clause.Start, colon + 1);
    }

    private static bool EndsWithColon(ReadOnlySpan<char> text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && t[^1] is ':' or '：';
    }

    private static bool IsListItem(DocParagraph paragraph, string normalized) =>
        ItemLabel().IsMatch(paragraph.Label is { Length: > 0 } label ? TextNormalizer.Normalize(label) : normalized);

    [GeneratedRegex(@"^\s*(?:\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[.、)]|[①-⑳])")]
    private static partial Regex ItemLabel();
}
