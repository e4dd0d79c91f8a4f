namespace Filing.Core.Register.Specifications;

/// <summary>Orders of the public register. Every order ends with the id, so pages never overlap or skip.</summary>
public enum RegisterSort
{
    /// <summary>Best match first (full-text search only), then newest publication.</summary>
    Relevance,

    /// <summary>Newest publication first.</summary>
    PublishedDescending,

    /// <summary>Oldest publication first.</summary>
    PublishedAscending,

    /// <summary>Latest 施行日期 first.</summary>
    EffectiveDescending,

    /// <summary>Earliest 施行日期 first.</summary>
    EffectiveAscending,
}

/// <summary>Where a page of a date-ordered register list starts: after this date and id.</summary>
/// <param name="Date">The last item's publication or effective date.</param>
/// <param name="Id">The last item's id.</param>
public sealed record RegisterPosition(DateOnly Date, Guid Id);
