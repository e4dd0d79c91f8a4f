using System.Linq.Expressions;

namespace Filing.Core.Register.Specifications;

/// <summary>
/// Who sees which documents, as one predicate every query and check shares:
/// anybody sees published documents (also after they ended); a drafting department sees its own drafts and nobody
/// else's; the legal office and the reviewing bodies of a government see its drafts once public comment has been
/// opened or waived (the drafting stage stays inside the department); oversight bodies see what is published
/// (their filings are of published documents); an administrator sees everything. Drafts are never public.
/// </summary>
public static class DocumentVisibility
{
    /// <summary>The predicate for <paramref name="caller"/>.</summary>
    public static Expression<Func<NormativeDocumentRecord, bool>> For(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Has(CallerRoles.Admin))
        {
            return d => true;
        }

        Expression<Func<NormativeDocumentRecord, bool>> visible = d => d.Stage >= LifecycleStage.Published;
        if (caller.Has(CallerRoles.Drafter) && caller.OrganisationId is { } org)
        {
            visible = visible.OrElse(d => d.DraftingDepartmentId == org || d.IssuingAuthorityId == org);
        }

        if (caller.Has(CallerRoles.LegalOffice | CallerRoles.ReviewerBody) && caller.JurisdictionId is { } jurisdiction)
        {
            visible = visible.OrElse(d => d.JurisdictionId == jurisdiction && d.Stage >= LifecycleStage.InReview);
        }

        return visible;
    }
}
