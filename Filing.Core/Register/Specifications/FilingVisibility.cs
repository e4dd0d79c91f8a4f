using System.Linq.Expressions;

namespace Filing.Core.Register.Specifications;

/// <summary>
/// Who sees which filings: the oversight body they are addressed to, the issuing side (drafting department or
/// issuing authority), the legal office of the government, and an administrator. Filings are not public.
/// </summary>
public static class FilingVisibility
{
    /// <summary>The predicate for <paramref name="caller"/>.</summary>
    public static Expression<Func<OversightFiling, bool>> For(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Has(CallerRoles.Admin))
        {
            return f => true;
        }

        if (caller.OrganisationId is not { } org)
        {
            return f => false;
        }

        Expression<Func<OversightFiling, bool>> visible = f => f.RecipientId == org;
        if (caller.Has(CallerRoles.Drafter))
        {
            visible = visible.OrElse(f => f.DraftingDepartmentId == org || f.IssuingAuthorityId == org);
        }

        if (caller.Has(CallerRoles.LegalOffice) && caller.JurisdictionId is { } jurisdiction)
        {
            visible = visible.OrElse(f => f.JurisdictionId == jurisdiction);
        }

        return visible;
    }
}
