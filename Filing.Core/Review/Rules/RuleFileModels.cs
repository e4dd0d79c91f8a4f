namespace Filing.Core.Review.Rules;

// YAML shapes of the files in corpus/rules. Property names are camelCase in the files; unknown keys are errors,
// so a misspelt guard is reported at start-up instead of being ignored.

internal sealed class StepFileModel
{
    public string? Step { get; set; }
    public List<RuleModel>? Rules { get; set; }
    public Art12Model? Art12 { get; set; }
}

internal sealed class RuleModel
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Severity { get; set; }
    public string? Message { get; set; }
    public List<BasisModel>? Basis { get; set; }
    public List<string>? References { get; set; }
    public string? Suggestion { get; set; }
    public List<MatcherModel>? Match { get; set; }
    public List<string>? Require { get; set; }
    public string? RequireScope { get; set; }
    public GuardsModel? Guards { get; set; }
    public List<string>? Supersedes { get; set; }
    public string? Check { get; set; }
    public Dictionary<string, string>? Params { get; set; }
    public bool? Screening { get; set; }
    public bool? Once { get; set; }
    public bool? WholeDocument { get; set; }
    public ExamplesModel? Examples { get; set; }
    public ListItemModel? ListItem { get; set; }
}

internal sealed class ListItemModel
{
    public List<string>? LeadIn { get; set; }
    public List<MatcherModel>? Match { get; set; }
}

internal sealed class BasisModel
{
    public string? Law { get; set; }
    public string? Article { get; set; }
    public string? Paragraph { get; set; }
    public string? Item { get; set; }
}

internal sealed class MatcherModel
{
    public List<string>? Terms { get; set; }
    public List<List<string>>? Near { get; set; }
    public int? Within { get; set; }
    public bool? Ordered { get; set; }
    public string? Regex { get; set; }
    public List<string>? Anchors { get; set; }
    public string? Boundary { get; set; }
}

internal sealed class GuardsModel
{
    public bool? Negation { get; set; }
    public bool? Quotation { get; set; }
    public List<string>? Exceptions { get; set; }
    public List<string>? Unless { get; set; }
}

internal sealed class ExamplesModel
{
    public List<string>? Positive { get; set; }
    public List<string>? Negative { get; set; }
}

internal sealed class Art12Model
{
    public List<Art12GroundModel>? Grounds { get; set; }
    public List<string>? TimeLimits { get; set; }
    public string? Note { get; set; }
}

internal sealed class Art12GroundModel
{
    public string? Label { get; set; }
    public string? Item { get; set; }
    public List<string>? Patterns { get; set; }
}

internal sealed class LexiconFileModel
{
    public List<string>? Prohibitions { get; set; }
    public List<string>? CounterVerbs { get; set; }
    public List<string>? RestrictiveTerms { get; set; }
    public int? RestrictiveWindow { get; set; }
    public List<string>? Continuations { get; set; }
    public List<string>? MentionCues { get; set; }
    public List<string>? ListLeadIns { get; set; }
    public List<string>? ListLeadInMarkers { get; set; }
    public Dictionary<string, List<string>>? ExceptionSets { get; set; }
    public Dictionary<string, string>? Macros { get; set; }
}

internal sealed class RepealedLawsFileModel
{
    public List<RepealedLawModel>? Laws { get; set; }
}

internal sealed class RepealedLawModel
{
    public string? Name { get; set; }
    public List<string>? Aliases { get; set; }
    public string? Repealed { get; set; }
    public string? Successor { get; set; }
    public string? Source { get; set; }
}

internal sealed class QuotationsFileModel
{
    public string? Statutes { get; set; }
    public string? StatuteTitle { get; set; }
    public List<string>? NonStatuteTitles { get; set; }
    public int? AttributionGap { get; set; }
    public int? MinVerbatimLength { get; set; }
    public string? VerifiedNote { get; set; }
    public string? UnverifiableNote { get; set; }
    public string? NotFoundNote { get; set; }
    public string? VerbatimNote { get; set; }
}
