using System.Linq.Expressions;
using Filing.Core.Register;

namespace Filing.Core.Participation.Specifications;

/// <summary>
/// Which objections a caller's queue holds: the legal office's are those against its government's documents; a body
/// an objection was transferred to sees that objection; an administrator sees all; nobody else sees any.
/// </summary>
public static class ObjectionVisibility
{
    /// <summary>The predicate for <paramref name="caller"/>.</summary>
    public static Expression<Func<Objection, bool>> For(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Has(CallerRoles.Admin))
        {
            return o => true;
        }

        var org = caller.OrganisationId;
        var jurisdiction = caller.Has(CallerRoles.LegalOffice) ? caller.JurisdictionId : null;
        if (org is null)
        {
            return o => false;
        }

        return o => (jurisdiction != null && o.JurisdictionId == jurisdiction) || o.TransferredToId == org;
    }
}
