namespace Filing.Core.Register;

/// <summary>Optional metadata sent with an upload; anything left null comes from the document itself.</summary>
/// <param name="Title">标题 override.</param>
/// <param name="DocumentType">文种 override.</param>
/// <param name="DocumentNumber">发文字号 override.</param>
/// <param name="BusinessRelated">Closely related to market entities' business.</param>
/// <param name="EffectiveDate">施行日期 override.</param>
/// <param name="ValidUntil">有效期 end override.</param>
public sealed record DraftDetails(
    string? Title = null,
    string? DocumentType = null,
    string? DocumentNumber = null,
    bool? BusinessRelated = null,
    DateOnly? EffectiveDate = null,
    DateOnly? ValidUntil = null)
{
    /// <summary>Nothing overridden.</summary>
    public static DraftDetails None { get; } = new();
}
