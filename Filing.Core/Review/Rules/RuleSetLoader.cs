using System.Globalization;
using System.Text.RegularExpressions;
using Filing.Core.Review.Checks;
using Filing.Core.Review.Matching;
using Filing.Core.Review.Quotations;
using Filing.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Filing.Core.Review.Rules;

/// <summary>Reads, validates and compiles the rule files; every problem names the file and the rule.</summary>
internal static partial class RuleSetLoader
{
    public const string LexiconFile = "lexicon.yaml";
    public const string RepealedLawsFile = "repealed-laws.yaml";
    public const string QuotationsFile = "quotations.yaml";

    /// <summary>
    /// Timeout for patterns given as check parameters, which run over whole paragraphs. Rule patterns need none:
    /// the loader admits only bounded repetition and clauses are capped in length, so their cost is linear.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    // Compiled regexes match 3–5× faster; they cost ~10 ms each to build and JIT (see RuleSet.WarmUp).
    [ThreadStatic]
    private static bool _compile;

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        // A key written twice (a second `anchors:` under one matcher) would otherwise silently replace the first.
        .WithDuplicateKeyChecking()
        .Build();

    public static RuleSet Load(string directory, bool compile)
    {
        _compile = compile;
        try
        {
            return LoadCore(directory);
        }
        finally
        {
            _compile = false;
        }
    }

    private static RuleSet LoadCore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var dir = Path.GetFullPath(directory);
        if (!Directory.Exists(dir))
        {
            throw new RuleLoadException(dir, null, "the rules folder does not exist.");
        }

        var expected = ReviewStepNames.All.Select(s => ReviewStepNames.Name(s) + ".yaml").Concat([LexiconFile, RepealedLawsFile, QuotationsFile]).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir, "*.y*ml"))
        {
            var name = Path.GetFileName(file);
            if (!expected.Contains(name))
            {
                throw new RuleLoadException(name, null,
                    $"unexpected file; rule files are {string.Join(", ", expected.Order(StringComparer.Ordinal))}.");
            }
        }

        var lexiconModel = Read<LexiconFileModel>(dir, LexiconFile);
        var macros = BuildMacros(lexiconModel);
        var (lexicon, exceptionSets) = BuildLexicon(lexiconModel, macros);
        var repealed = BuildRepealedLaws(Read<RepealedLawsFileModel>(dir, RepealedLawsFile));

        var compiled = new List<CompiledRule>();
        var art12 = Art12Exceptions.None;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in ReviewStepNames.All)
        {
            var fileName = ReviewStepNames.Name(step) + ".yaml";
            var model = Read<StepFileModel>(dir, fileName);
            if (!ReviewStepNames.TryParse(model.Step, out var declared) || declared != step)
            {
                throw new RuleLoadException(fileName, null, $"'step' must be '{ReviewStepNames.Name(step)}' (found '{model.Step}').");
            }

            if (model.Rules is not { Count: > 0 })
            {
                throw new RuleLoadException(fileName, null, "the file has no rules.");
            }

            foreach (var ruleModel in model.Rules)
            {
                var rule = Compile(fileName, step, ruleModel, exceptionSets, macros);
                if (ids.TryGetValue(rule.Rule.Id, out var other))
                {
                    throw new RuleLoadException(fileName, rule.Rule.Id, $"duplicate id (also in {other}).");
                }

                ids[rule.Rule.Id] = fileName;
                compiled.Add(rule);
            }

            if (model.Art12 is not null)
            {
                if (step != ReviewStep.FairCompetition)
                {
                    throw new RuleLoadException(fileName, null, "'art12' belongs in fair-competition.yaml.");
                }

                art12 = BuildArt12(fileName, model.Art12, macros);
            }
        }

        foreach (var rule in compiled)
        {
            foreach (var id in rule.Supersedes)
            {
                if (!ids.ContainsKey(id))
                {
                    throw new RuleLoadException(rule.Rule.Source, rule.Rule.Id, $"'supersedes' names unknown rule '{id}'.");
                }
            }
        }

        // After the rule files, so that a broken rule is reported by name even when the statute folder is elsewhere.
        var (quotations, statutes) = BuildQuotations(dir, Read<QuotationsFileModel>(dir, QuotationsFile));
        var set = new RuleSet(dir, compiled, lexicon, repealed, art12, quotations, statutes);
        foreach (var rule in compiled.Where(r => r.Check is not null))
        {
            if (rule.Check!.Validate(rule.Parameters, set) is { } problem)
            {
                throw new RuleLoadException(rule.Rule.Source, rule.Rule.Id, problem);
            }
        }

        return set;
    }

    private static T Read<T>(string dir, string fileName) where T : new()
    {
        var path = Path.Combine(dir, fileName);
        if (!File.Exists(path))
        {
            throw new RuleLoadException(fileName, null, "the file is missing.");
        }

        var text = File.ReadAllText(path);
        try
        {
            return Yaml.Deserialize<T>(text) ?? new T();
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line;
            throw new RuleLoadException(fileName, RuleIdAbove(text, line),
                $"line {line}, column {e.Start.Column}: {Innermost(e)}", e);
        }
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message;
    }

    private static string? RuleIdAbove(string text, int line)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = Math.Min(line, lines.Length) - 1; i >= 0; i--)
        {
            var m = IdLine().Match(lines[i]);
            if (m.Success)
            {
                return m.Groups[1].Value.Trim('\'', '"');
            }
        }

        return null;
    }

    private static Dictionary<string, string> BuildMacros(LexiconFileModel m)
    {
        var macros = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, fragment) in m.Macros ?? [])
        {
            if (!MacroName().IsMatch(name) || string.IsNullOrWhiteSpace(fragment))
            {
                throw new RuleLoadException(LexiconFile, null, $"macro '{name}' needs an UPPER_CASE name and a non-empty pattern.");
            }

            if (MacroUse().IsMatch(fragment))
            {
                throw new RuleLoadException(LexiconFile, null, $"macro '{name}' uses another macro; macros do not nest.");
            }

            macros[name] = fragment;
        }

        return macros;
    }

    private static (ScopeLexicon, IReadOnlyDictionary<string, IReadOnlyList<Regex>>) BuildLexicon(LexiconFileModel m, IReadOnlyDictionary<string, string> macros)
    {
        static IReadOnlyList<string> Words(string key, List<string>? list)
        {
            if (list is not { Count: > 0 } || list.Any(string.IsNullOrWhiteSpace))
            {
                throw new RuleLoadException(LexiconFile, null, $"'{key}' must be a non-empty list of non-empty words.");
            }

            return list.Select(TextNormalizer.Normalize).Distinct(StringComparer.Ordinal).ToList();
        }

        var lexicon = new ScopeLexicon
        {
            Prohibitions = Words("prohibitions", m.Prohibitions),
            CounterVerbs = Words("counterVerbs", m.CounterVerbs),
            RestrictiveTerms = Words("restrictiveTerms", m.RestrictiveTerms),
            RestrictiveWindow = m.RestrictiveWindow is > 0 and <= 40 ? m.RestrictiveWindow.Value
                : throw new RuleLoadException(LexiconFile, null, "'restrictiveWindow' must be between 1 and 40."),
            Continuations = Words("continuations", m.Continuations),
            MentionCues = Words("mentionCues", m.MentionCues),
            ListLeadIns = Words("listLeadIns", m.ListLeadIns),
            ListLeadInMarkers = Words("listLeadInMarkers", m.ListLeadInMarkers),
        };

        var sets = new Dictionary<string, IReadOnlyList<Regex>>(StringComparer.Ordinal);
        foreach (var (name, patterns) in m.ExceptionSets ?? [])
        {
            if (patterns is not { Count: > 0 })
            {
                throw new RuleLoadException(LexiconFile, null, $"exception set '{name}' is empty.");
            }

            sets[name] = patterns.Select(p => CompileRegex(LexiconFile, null, $"exception set '{name}'", p, macros)).ToList();
        }

        return (lexicon, sets);
    }

    private static List<RepealedLaw> BuildRepealedLaws(RepealedLawsFileModel m)
    {
        if (m.Laws is not { Count: > 0 })
        {
            throw new RuleLoadException(RepealedLawsFile, null, "'laws' must list at least one law.");
        }

        var result = new List<RepealedLaw>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var law in m.Laws)
        {
            if (string.IsNullOrWhiteSpace(law.Name) || string.IsNullOrWhiteSpace(law.Successor) || string.IsNullOrWhiteSpace(law.Source))
            {
                throw new RuleLoadException(RepealedLawsFile, law.Name, "each law needs 'name', 'repealed', 'successor' and 'source'.");
            }

            if (!DateOnly.TryParseExact(law.Repealed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new RuleLoadException(RepealedLawsFile, law.Name, $"'repealed' must be a date like 2021-01-01 (found '{law.Repealed}').");
            }

            var name = TextNormalizer.Normalize(StripPrc(law.Name.Trim()));
            var aliases = (law.Aliases ?? []).Select(a => TextNormalizer.Normalize(StripPrc(a.Trim()))).ToList();
            foreach (var n in aliases.Prepend(name))
            {
                if (!names.Add(n))
                {
                    throw new RuleLoadException(RepealedLawsFile, law.Name, $"'{n}' is listed twice.");
                }
            }

            result.Add(new RepealedLaw(name, aliases, date, law.Successor.Trim(), law.Source.Trim()));
        }

        return result;
    }

    private static (QuotationSettings, StatuteTexts) BuildQuotations(string dir, QuotationsFileModel m)
    {
        string Required(string key, string? value) =>
            string.IsNullOrWhiteSpace(value) ? throw new RuleLoadException(QuotationsFile, null, $"'{key}' is required.") : value.Trim();

        Regex Pattern(string key, string pattern)
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException e)
            {
                throw new RuleLoadException(QuotationsFile, null, $"'{key}' pattern does not compile: {e.Message}", e);
            }
        }

        var folder = Path.GetFullPath(Path.Combine(dir, Required("statutes", m.Statutes)));
        StatuteTexts statutes;
        try
        {
            statutes = StatuteTexts.Load(folder);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidDataException or IOException)
        {
            throw new RuleLoadException(QuotationsFile, null, $"'statutes': {e.Message}", e);
        }

        if (!statutes.Laws.Any())
        {
            throw new RuleLoadException(QuotationsFile, null, $"'statutes': no statute text (*.md) in '{folder}'.");
        }

        var settings = new QuotationSettings(
            folder,
            Pattern("statuteTitle", Required("statuteTitle", m.StatuteTitle)),
            (m.NonStatuteTitles ?? []).Select(p => Pattern("nonStatuteTitles", p)).ToList(),
            m.AttributionGap is >= 0 and <= 60 ? m.AttributionGap.Value
                : throw new RuleLoadException(QuotationsFile, null, "'attributionGap' must be between 0 and 60."),
            m.MinVerbatimLength is >= 6 and <= 200 ? m.MinVerbatimLength.Value
                : throw new RuleLoadException(QuotationsFile, null, "'minVerbatimLength' must be between 6 and 200."),
            Required("verifiedNote", m.VerifiedNote),
            Required("unverifiableNote", m.UnverifiableNote),
            Required("notFoundNote", m.NotFoundNote),
            Required("verbatimNote", m.VerbatimNote));
        return (settings, statutes);
    }

    internal static string StripPrc(string name) => name.StartsWith("中华人民共和国", StringComparison.Ordinal) ? name["中华人民共和国".Length..] : name;

    private static Art12Exceptions BuildArt12(string file, Art12Model m, IReadOnlyDictionary<string, string> macros)
    {
        if (m.Grounds is not { Count: > 0 } || m.TimeLimits is not { Count: > 0 } || string.IsNullOrWhiteSpace(m.Note))
        {
            throw new RuleLoadException(file, null, "'art12' needs 'grounds', 'timeLimits' and 'note'.");
        }

        var grounds = new List<(string, string, Regex)>();
        foreach (var g in m.Grounds)
        {
            if (string.IsNullOrWhiteSpace(g.Label) || string.IsNullOrWhiteSpace(g.Item) || g.Patterns is not { Count: > 0 })
            {
                throw new RuleLoadException(file, null, "each art12 ground needs 'label', 'item' and 'patterns'.");
            }

            grounds.Add((g.Label, g.Item, CompileRegex(file, null, $"art12 ground '{g.Label}'", string.Join("|", g.Patterns.Select(p => $"(?:{p})")), macros)));
        }

        var limits = m.TimeLimits.Select(p => CompileRegex(file, null, "art12 timeLimits", p, macros)).ToList();
        return new Art12Exceptions(grounds, limits, m.Note.Trim());
    }

    private static CompiledRule Compile(
        string file,
        ReviewStep step,
        RuleModel m,
        IReadOnlyDictionary<string, IReadOnlyList<Regex>> exceptionSets,
        IReadOnlyDictionary<string, string> macros)
    {
        var id = m.Id?.Trim();
        if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id))
        {
            throw new RuleLoadException(file, id, "'id' must look like FC-0803 or FC-0803-2 (prefix FC, GE, HE, LG or DR).");
        }

        var prefix = step switch
        {
            ReviewStep.FairCompetition => "FC",
            ReviewStep.GenderEquality => "GE",
            ReviewStep.Health => "HE",
            ReviewStep.Legality => "LG",
            _ => "DR",
        };
        if (!id.StartsWith(prefix + "-", StringComparison.Ordinal))
        {
            throw new RuleLoadException(file, id, $"ids in this file start with '{prefix}-'.");
        }

        string Required(string key, string? value) =>
            string.IsNullOrWhiteSpace(value) ? throw new RuleLoadException(file, id, $"'{key}' is required.") : value.Trim();

        var title = Required("title", m.Title);
        var message = Required("message", m.Message);
        var suggestion = Required("suggestion", m.Suggestion);
        if (!ReviewStepNames.TryParseSeverity(m.Severity, out var severity))
        {
            throw new RuleLoadException(file, id, $"'severity' must be error, warning or info (found '{m.Severity}').");
        }

        var basis = new List<LegalBasis>();
        foreach (var b in m.Basis ?? [])
        {
            var law = Required("basis.law", b.Law);
            var article = Required("basis.article", b.Article);
            if (!ArticlePattern().IsMatch(article))
            {
                throw new RuleLoadException(file, id, $"basis article '{article}' must look like 第八条.");
            }

            if (b.Paragraph is { } para && !ParagraphPattern().IsMatch(para))
            {
                throw new RuleLoadException(file, id, $"basis paragraph '{para}' must look like 第二款.");
            }

            if (b.Item is { } item && !ItemPattern().IsMatch(item))
            {
                throw new RuleLoadException(file, id, $"basis item '{item}' must look like 第（三）项.");
            }

            basis.Add(new LegalBasis(StripPrc(law), article, b.Item, b.Paragraph));
        }

        var references = (m.References ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
        if (basis.Count == 0 && references.Count == 0)
        {
            throw new RuleLoadException(file, id, "a rule needs a 'basis' (statute article) or at least one 'references' entry.");
        }

        var positives = (m.Examples?.Positive ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).ToList();
        var negatives = (m.Examples?.Negative ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).ToList();
        if (positives.Count < 2 || negatives.Count < 2)
        {
            throw new RuleLoadException(file, id, "'examples' needs at least two 'positive' and two 'negative' texts.");
        }

        IDocumentCheck? check = null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (m.Check is { } checkName)
        {
            if (!DocumentChecks.ByName.TryGetValue(checkName, out check))
            {
                throw new RuleLoadException(file, id, $"unknown check '{checkName}' (known: {string.Join(", ", DocumentChecks.ByName.Keys.Order(StringComparer.Ordinal))}).");
            }

            if (m.Match is { Count: > 0 })
            {
                throw new RuleLoadException(file, id, "a rule has either 'check' or 'match', not both.");
            }

            foreach (var (k, v) in check.DefaultParameters)
            {
                parameters[k] = v;
            }

            foreach (var (k, v) in m.Params ?? [])
            {
                if (!check.DefaultParameters.ContainsKey(k))
                {
                    throw new RuleLoadException(file, id, $"check '{checkName}' has no parameter '{k}' (known: {string.Join(", ", check.DefaultParameters.Keys)}).");
                }

                parameters[k] = v;
            }
        }
        else if (m.WholeDocument is not null && check is null && m.Match is null)
        {
            throw new RuleLoadException(file, id, "'wholeDocument' needs 'match'.");
        }

        if (check is not null && m.WholeDocument is not null)
        {
            throw new RuleLoadException(file, id, "'wholeDocument' is decided by the check for check rules.");
        }

        if (check is null && m.Params is { Count: > 0 })
        {
            throw new RuleLoadException(file, id, "'params' is only for rules with a 'check'.");
        }

        foreach (Match placeholder in Placeholder().Matches(message + suggestion))
        {
            var name = placeholder.Groups[1].Value;
            if (check is null || !check.Placeholders.Contains(name))
            {
                throw new RuleLoadException(file, id, $"message placeholder '{{{name}}}' is not filled by this rule.");
            }
        }

        var matchers = new List<Matcher>();
        if (check is null)
        {
            if (m.Match is not { Count: > 0 })
            {
                throw new RuleLoadException(file, id, "'match' needs at least one matcher (terms, near or regex), or name a 'check'.");
            }

            foreach (var mm in m.Match)
            {
                matchers.Add(CompileMatcher(file, id, mm, macros));
            }
        }

        if (matchers.Count + (m.ListItem?.Match?.Count ?? 0) > AnchorIndex.MaxMatchers)
        {
            throw new RuleLoadException(file, id, $"a rule has at most {AnchorIndex.MaxMatchers} matchers.");
        }

        var listMatchers = new List<Matcher>();
        var listLeadIn = new List<string>();
        if (m.ListItem is { } listItem)
        {
            if (check is not null || listItem.Match is not { Count: > 0 })
            {
                throw new RuleLoadException(file, id, "'listItem' needs 'leadIn' and 'match', and is for pattern rules.");
            }

            listLeadIn = Terms(file, id, "listItem.leadIn", listItem.LeadIn, allowEmpty: false);
            listMatchers.AddRange(listItem.Match.Select(mm => CompileMatcher(file, id, mm, macros)));
        }

        var guards = new RuleGuards(
            m.Guards?.Negation ?? true,
            m.Guards?.Quotation ?? true,
            (m.Guards?.Exceptions ?? []).SelectMany(e => e.StartsWith('@')
                ? exceptionSets.TryGetValue(e[1..], out var set) ? set
                    : throw new RuleLoadException(file, id, $"unknown exception set '{e}' (see {LexiconFile}).")
                : [CompileRegex(file, id, "guards.exceptions", e, macros)]).ToList(),
            Terms(file, id, "guards.unless", m.Guards?.Unless, allowEmpty: true));

        var requireScope = m.RequireScope?.Trim() ?? "clause";
        if (requireScope is not ("clause" or "paragraph"))
        {
            throw new RuleLoadException(file, id, "'requireScope' is clause or paragraph.");
        }

        var rule = new ReviewRule
        {
            Id = id,
            Step = step,
            Title = title,
            Severity = severity,
            Message = message,
            Basis = basis,
            References = references,
            Suggestion = suggestion,
            Check = check?.Name,
            WholeDocumentOnly = check?.WholeDocumentOnly ?? m.WholeDocument ?? false,
            Screening = m.Screening ?? false,
            Once = m.Once ?? false,
            Positives = positives,
            Negatives = negatives,
            Source = file,
        };

        return new CompiledRule(
            rule,
            matchers,
            guards,
            Terms(file, id, "require", m.Require, allowEmpty: true),
            requireScope == "paragraph",
            (m.Supersedes ?? []).Select(s => s.Trim()).ToList(),
            check,
            parameters,
            listLeadIn,
            listMatchers);
    }

    private static Matcher CompileMatcher(string file, string id, MatcherModel mm, IReadOnlyDictionary<string, string> macros)
    {
        var kinds = (mm.Terms is not null ? 1 : 0) + (mm.Near is not null ? 1 : 0) + (mm.Regex is not null ? 1 : 0);
        if (kinds != 1)
        {
            throw new RuleLoadException(file, id, "each matcher has exactly one of 'terms', 'near' or 'regex'.");
        }

        var tokenBoundary = mm.Boundary?.Trim() switch
        {
            null or "none" => false,
            "token" => true,
            var other => throw new RuleLoadException(file, id, $"'boundary' is token or none (found '{other}')."),
        };

        if (mm.Terms is not null)
        {
            if (mm.Within is not null || mm.Ordered is not null || mm.Anchors is not null)
            {
                throw new RuleLoadException(file, id, "'within', 'ordered' and 'anchors' do not apply to 'terms'.");
            }

            return new TermsMatcher(Terms(file, id, "terms", mm.Terms, allowEmpty: false), tokenBoundary);
        }

        if (mm.Near is not null)
        {
            if (mm.Near.Count < 2 || mm.Anchors is not null)
            {
                throw new RuleLoadException(file, id, "'near' needs at least two groups of terms (and takes no 'anchors': the first group is the anchor).");
            }

            if (mm.Within is not (> 0 and <= 200))
            {
                throw new RuleLoadException(file, id, "'near' needs 'within' (1–200 characters).");
            }

            var groups = mm.Near.Select(g => Terms(file, id, "near", g, allowEmpty: false)).ToList();
            return new NearMatcher(groups, mm.Within.Value, mm.Ordered ?? true, tokenBoundary);
        }

        if (mm.Within is not null || mm.Ordered is not null || tokenBoundary)
        {
            throw new RuleLoadException(file, id, "'within', 'ordered' and 'boundary' do not apply to 'regex'.");
        }

        var regex = CompileRegex(file, id, "regex", mm.Regex!, macros);
        var anchors = Terms(file, id, "anchors", ExpandAnchors(file, id, mm.Anchors, macros), allowEmpty: false);
        return new RegexMatcher(regex, anchors);
    }

    /// <summary>
    /// Anchors may name a macro (<c>'%LOCAL%'</c>): its alternatives become anchors when each is a literal
    /// (a trailing optional character, as in 本行政区域内?, is dropped since the rest is always matched).
    /// </summary>
    private static List<string>? ExpandAnchors(string file, string id, List<string>? anchors, IReadOnlyDictionary<string, string> macros)
    {
        if (anchors is null)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var anchor in anchors)
        {
            var m = MacroUse().Match(anchor ?? "");
            if (!m.Success || m.Value != anchor)
            {
                result.Add(anchor!);
                continue;
            }

            if (!macros.TryGetValue(m.Groups[1].Value, out var fragment))
            {
                throw new RuleLoadException(file, id, $"anchor '{anchor}' names an unknown macro (see {LexiconFile}).");
            }

            foreach (var alternative in fragment.Split('|'))
            {
                var literal = alternative.EndsWith('?') ? alternative[..^2] : alternative;
                if (literal.Length == 0 || !LiteralAnchor().IsMatch(literal))
                {
                    throw new RuleLoadException(file, id, $"anchor '{anchor}': macro alternative '{alternative}' is not a literal.");
                }

                result.Add(literal);
            }
        }

        return result;
    }

    private static List<string> Terms(string file, string? id, string key, List<string>? terms, bool allowEmpty)
    {
        if (terms is null || terms.Count == 0)
        {
            return allowEmpty ? [] : throw new RuleLoadException(file, id, $"'{key}' needs at least one term.");
        }

        if (terms.Any(string.IsNullOrWhiteSpace))
        {
            throw new RuleLoadException(file, id, $"'{key}' has an empty term.");
        }

        // The text is normalised before matching, so terms are too: ＡＢＣ１２３ in a term still matches.
        return terms.Select(TextNormalizer.Normalize).Distinct(StringComparer.Ordinal).ToList();
    }

    private static Regex CompileRegex(string file, string? id, string key, string pattern, IReadOnlyDictionary<string, string> macros)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new RuleLoadException(file, id, $"'{key}' has an empty pattern.");
        }

        // %NAME% expands a shared fragment from lexicon.yaml (e.g. %LOCAL% = 本地|本县|…).
        pattern = MacroUse().Replace(pattern, m => macros.TryGetValue(m.Groups[1].Value, out var fragment)
            ? "(?:" + fragment + ")"
            : throw new RuleLoadException(file, id, $"'{key}' uses unknown macro '{m.Value}' (see {LexiconFile})."));

        var foldable = pattern.FirstOrDefault(TextNormalizer.IsFoldable);
        if (foldable != default)
        {
            throw new RuleLoadException(file, id,
                $"'{key}' pattern contains full-width '{foldable}': patterns run on normalised text, write it half-width ('{TextNormalizer.Fold(foldable)}').");
        }

        if (Unbounded(pattern) is { } where)
        {
            throw new RuleLoadException(file, id,
                $"'{key}' pattern has unbounded repetition ({where}); write a bound such as {{0,20}} so matching stays linear.");
        }

        try
        {
            // No timeout: patterns are bounded (checked above) and clauses are capped at
            // ClauseSplitter.DefaultMaxClauseLength, and a timeout check costs ~15% of matching.
            return new Regex(pattern, _compile ? RegexOptions.CultureInvariant | RegexOptions.Compiled : RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new RuleLoadException(file, id, $"'{key}' pattern does not compile: {e.Message}", e);
        }
    }

    /// <summary>Where a pattern repeats without bound (*, +, {n,}) outside character classes, or null.</summary>
    internal static string? Unbounded(string pattern)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        i++;
                    }

                    break;
                case '*' or '+':
                    return $"'{c}' at {i}";
                case '{' when OpenRepeat().Match(pattern, i) is { Success: true, Index: var at } && at == i:
                    return $"'{{n,}}' at {i}";
            }
        }

        return null;
    }

    [GeneratedRegex(@"\{\d+,\}")]
    private static partial Regex OpenRepeat();

    [GeneratedRegex(@"^(FC|GE|HE|LG|DR)-\d{4}(-\d)?$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^第[一二三四五六七八九十百零〇]+条$")]
    private static partial Regex ArticlePattern();

    [GeneratedRegex(@"^第[一二三四五六七八九十]+款$")]
    private static partial Regex ParagraphPattern();

    [GeneratedRegex(@"^第（[一二三四五六七八九十]+）项$")]
    private static partial Regex ItemPattern();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*$")]
    private static partial Regex MacroName();

    [GeneratedRegex(@"%([A-Z][A-Z0-9_]*)%")]
    private static partial Regex MacroUse();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z0-9“”]+$")]
    private static partial Regex LiteralAnchor();

    [GeneratedRegex(@"^\s*-?\s*id:\s*(\S+)")]
    private static partial Regex IdLine();
}
