using Filing.Core.Documents;
using Filing.Core.Review.Rules;

namespace Filing.Core.Review.Checks;

/// <summary>
/// Logic behind a rule that patterns cannot express (dates, attachments, a list of repealed laws). The rule's
/// id, message, basis and examples still live in the rule file; the file names the check with <c>check:</c>.
/// </summary>
internal interface IDocumentCheck
{
    /// <summary>The name used in rule files.</summary>
    string Name { get; }

    /// <summary>Whether the check needs a whole document (its header, signature, dates) rather than a passage.</summary>
    bool WholeDocumentOnly { get; }

    /// <summary>Parameters the check reads from the rule's <c>params</c>, with their defaults.</summary>
    IReadOnlyDictionary<string, string> DefaultParameters { get; }

    /// <summary>Placeholders the check can fill in the rule's message.</summary>
    IReadOnlyList<string> Placeholders { get; }

    /// <summary>Checks the parameters; returns a problem description or null.</summary>
    string? Validate(IReadOnlyDictionary<string, string> parameters, RuleSet? rules);

    /// <summary>Runs the check.</summary>
    IEnumerable<CheckHit> Run(DocumentCheckContext context);
}

/// <summary>What a check found: where, and values for the message placeholders.</summary>
/// <param name="Paragraph">Paragraph index.</param>
/// <param name="Start">Start of the excerpt in the paragraph.</param>
/// <param name="Length">Length of the excerpt.</param>
/// <param name="Values">Placeholder values.</param>
internal sealed record CheckHit(int Paragraph, int Start, int Length, IReadOnlyDictionary<string, string>? Values = null);

/// <summary>What a check sees.</summary>
internal sealed class DocumentCheckContext(
    NormativeDocument document,
    IReadOnlyList<string> normalized,
    IReadOnlyDictionary<string, string> parameters,
    RuleSet rules,
    bool wholeDocument,
    Lazy<DocumentFacts> facts)
{
    /// <summary>Document-level facts, computed once per review and shared by every check.</summary>
    public DocumentFacts Facts => facts.Value;

    public NormativeDocument Document { get; } = document;

    /// <summary>Normalised text of each paragraph, same length as the original.</summary>
    public IReadOnlyList<string> Normalized { get; } = normalized;

    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;

    public RuleSet Rules { get; } = rules;

    public bool WholeDocument { get; } = wholeDocument;

    public int Int(string name) => int.Parse(Parameters[name], System.Globalization.CultureInfo.InvariantCulture);
}
