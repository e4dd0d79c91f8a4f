using System.Linq.Expressions;

namespace Filing.Core.Register.Specifications;

/// <summary>
/// Who sees cleanup campaigns: anybody once the lists are published; before that the legal office of the
/// government, the issuing authority itself and an administrator.
/// </summary>
public static class CleanupVisibility
{
    /// <summary>The predicate for <paramref name="caller"/>.</summary>
    public static Expression<Func<CleanupCampaign, bool>> For(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Has(CallerRoles.Admin))
        {
            return c => true;
        }

        Expression<Func<CleanupCampaign, bool>> visible = c => c.Status == CleanupStatus.Published;
        if (caller.OrganisationId is { } org)
        {
            visible = visible.OrElse(c => c.IssuingAuthorityId == org);
        }

        if (caller.Has(CallerRoles.LegalOffice) && caller.JurisdictionId is { } jurisdiction)
        {
            visible = visible.OrElse(c => c.JurisdictionId == jurisdiction);
        }

        return visible;
    }
}
