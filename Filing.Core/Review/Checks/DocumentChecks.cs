using Filing.Core.Review.Rules;

namespace Filing.Core.Review.Checks;

/// <summary>Every code check a rule file can name with <c>check:</c>.</summary>
internal static class DocumentChecks
{
    public static IReadOnlyDictionary<string, IDocumentCheck> ByName { get; } = new IDocumentCheck[]
    {
        new DocumentNumberFormCheck(),
        new DocumentNumberMissingCheck(),
        new EffectiveBeforeDateCheck(),
        new EffectiveTooSoonCheck(),
        new ValidityMissingCheck(),
        new ValidityTooLongCheck(),
        new AttachmentMissingCheck(),
        new AttachmentReferenceMissingCheck(),
        new HeaderIssuerMismatchCheck(),
        new EnclosedTitleMismatchCheck(),
        new TitleTypeMissingCheck(),
        new ReservedDocumentTypeCheck(),
        new TitleIssuerMismatchCheck(),
        new NumberIssuerMismatchCheck(),
        new InternalBodyIssuerCheck(),
        new RepealedLawCitationCheck(),
        new RetroactiveDateCheck(),
        new CircularPrerequisiteCheck(),
        new TableGenderCheck(),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);
}

/// <summary>Base for checks: no parameters or placeholders unless a check declares them.</summary>
internal abstract class DocumentCheck : IDocumentCheck
{
    public abstract string Name { get; }

    public virtual bool WholeDocumentOnly => true;

    public virtual IReadOnlyDictionary<string, string> DefaultParameters { get; } = new Dictionary<string, string>();

    public virtual IReadOnlyList<string> Placeholders { get; } = [];

    public virtual string? Validate(IReadOnlyDictionary<string, string> parameters, RuleSet? rules) => null;

    public abstract IEnumerable<CheckHit> Run(DocumentCheckContext context);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Text.RegularExpressions.Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>A regex from a rule parameter, built once per distinct pattern (parameters are validated at load).</summary>
    protected static System.Text.RegularExpressions.Regex Pattern(string pattern) =>
        Patterns.GetOrAdd(pattern, p => new System.Text.RegularExpressions.Regex(
            p, System.Text.RegularExpressions.RegexOptions.CultureInvariant, RuleSetLoader.MatchTimeout));

    protected static CheckHit Hit(Located at, params (string Key, string Value)[] values) =>
        new(at.Paragraph, at.Start, at.Length, values.ToDictionary(v => v.Key, v => v.Value));

    protected static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    protected static string? PositiveInt(IReadOnlyDictionary<string, string> parameters, params string[] names)
    {
        foreach (var name in names)
        {
            if (!int.TryParse(parameters[name], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) || v <= 0)
            {
                return $"parameter '{name}' must be a positive whole number (found '{parameters[name]}').";
            }
        }

        return null;
    }

    /// <summary>Where to point when a fact is missing: the title, else the first non-empty paragraph.</summary>
    protected static Located? Anchor(DocumentFacts facts, DocumentCheckContext context)
    {
        if (facts.TitleAt is { Length: > 0 } t)
        {
            return t;
        }

        for (var i = 0; i < context.Normalized.Count; i++)
        {
            var text = context.Normalized[i];
            var start = 0;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            var length = text.TrimEnd().Length - start;
            if (length > 0)
            {
                return new Located(i, start, length);
            }
        }

        return null;
    }
}
