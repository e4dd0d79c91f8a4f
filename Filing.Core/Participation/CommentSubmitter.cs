namespace Filing.Core.Participation;

/// <summary>
/// Who sent a comment, when they chose to say: shown to the drafting department only, never in public views, feeds,
/// exports or logs. Every part is optional; an anonymous comment has none.
/// </summary>
/// <param name="Name">Name of the person.</param>
/// <param name="Organisation">Company, association or other body they speak for.</param>
/// <param name="Phone">Phone number for a reply.</param>
/// <param name="Email">E-mail address for a reply.</param>
public sealed record CommentSubmitter(string? Name, string? Organisation, string? Phone, string? Email)
{
    /// <summary>No details given.</summary>
    public static CommentSubmitter Anonymous { get; } = new(null, null, null, null);
}
