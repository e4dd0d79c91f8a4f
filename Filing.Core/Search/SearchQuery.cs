namespace Filing.Core.Search;

/// <summary>
/// A parsed full-text query: every <see cref="Required"/> group must match (AND), one alternative per group is enough
/// (OR), and no <see cref="Excluded"/> part may match. Produced by <see cref="SearchQueryParser"/>; each database turns
/// it into its own full-text syntax with the same meaning.
/// </summary>
/// <param name="Text">The query as the caller typed it.</param>
/// <param name="Required">Groups that must all match.</param>
/// <param name="Excluded">Parts that must not match (<c>-word</c>, <c>-"phrase"</c>).</param>
/// <param name="TitleOnly">Match the title only.</param>
public sealed record SearchQuery(string Text, IReadOnlyList<SearchGroup> Required, IReadOnlyList<SearchPart> Excluded, bool TitleOnly)
{
    /// <summary>Every part that must or may match (the alternatives of every required group), for ranking and highlighting.</summary>
    public IEnumerable<SearchPart> Positive => Required.SelectMany(g => g.Alternatives);
}

/// <summary>Alternatives joined by OR; a group with one alternative is a plain required part.</summary>
/// <param name="Alternatives">At least one part.</param>
public sealed record SearchGroup(IReadOnlyList<SearchPart> Alternatives);

/// <summary>
/// A word or a quoted phrase. A word matches when the document holds all of its <see cref="Leaves"/> anywhere (in the
/// title or the body, or the title only); a phrase additionally needs its exact text (normalised) in one field.
/// </summary>
/// <param name="Text">Normalised text (<see cref="SearchAnalyzer.Normalize"/>): what a phrase must contain exactly.</param>
/// <param name="IsPhrase">Quoted: exact text required.</param>
/// <param name="Leaves">The index terms it requires (<see cref="SearchAnalyzer.Leaves"/>), at least one.</param>
public sealed record SearchPart(string Text, bool IsPhrase, IReadOnlyList<string> Leaves);

/// <summary>The query cannot be searched; the message says why (it becomes a 400 for the caller).</summary>
public sealed class SearchQueryException(string message) : Exception(message);
