namespace Filing.Core.Participation;

/// <summary>
/// Where a comment points in the draft, or why it could not be placed. A comment names a structure path (第三条,
/// 二、（一）), quotes a passage, or both (the quote is then looked for inside that path only).
/// </summary>
/// <param name="Path">The matched structure path in the reader's form, if a path was given.</param>
/// <param name="Quote">The quoted passage, if one was given.</param>
/// <param name="Paragraph">Index of the paragraph holding the quote (or the path's first paragraph).</param>
/// <param name="Start">Offset of the quote in that paragraph's text.</param>
/// <param name="Length">Length of the quote.</param>
/// <param name="Error">Why the anchor was refused (null when it was placed).</param>
/// <param name="Field">The request field at fault: <c>path</c> or <c>quote</c>.</param>
public sealed record AnchorResolution(string? Path, string? Quote, int? Paragraph, int? Start, int? Length, string? Error, string? Field)
{
    /// <summary>Whether the anchor was placed.</summary>
    public bool IsPlaced => Error is null;

    internal static AnchorResolution Refused(string field, string error) => new(null, null, null, null, null, error, field);
}
