namespace Filing.Core.Participation;

/// <summary>
/// How to reach the person who sent an objection, when they chose to say: visible to the handling office only, never
/// in public responses, feeds, exports, webhooks or logs.
/// </summary>
/// <param name="Name">Name.</param>
/// <param name="Phone">Phone number.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="IdNumber">居民身份证号码, when the person gave it.</param>
public sealed record ObjectionContact(string? Name, string? Phone, string? Email, string? IdNumber)
{
    /// <summary>No contact given.</summary>
    public static ObjectionContact None { get; } = new(null, null, null, null);
}
