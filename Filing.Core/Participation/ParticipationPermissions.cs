using Filing.Core.Register;

namespace Filing.Core.Participation;

/// <summary>
/// Who handles what in public participation. The drafting department (the owner of the draft) runs its comment
/// period: moderates, closes, answers, publishes the feedback report, and is the only one to see commenters' names and
/// contacts. The legal office of the document's government handles objections; a body an objection was transferred
/// to sees it (and the contact, being the handling body now). Administrators see objections without personal data.
/// </summary>
public static class ParticipationPermissions
{
    /// <summary>Whether <paramref name="caller"/> runs <paramref name="consultation"/> (the drafting department or issuing authority as drafter).</summary>
    public static bool RunsConsultation(Caller caller, Consultation consultation)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(consultation);
        return caller.Has(CallerRoles.Drafter)
            && caller.OrganisationId is { } org
            && (consultation.DraftingDepartmentId == org || consultation.IssuingAuthorityId == org);
    }

    /// <summary>Whether <paramref name="caller"/> handles <paramref name="objection"/> (the legal office of its government).</summary>
    public static bool HandlesObjection(Caller caller, Objection objection)
    {
        ArgumentNullException.ThrowIfNull(objection);
        return RegisterPermissions.IsLegalOfficeOf(caller, objection.JurisdictionId);
    }

    /// <summary>Whether <paramref name="caller"/> may see the submitter's contact details of <paramref name="objection"/>.</summary>
    public static bool SeesObjectionContact(Caller caller, Objection objection)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(objection);
        return HandlesObjection(caller, objection)
            || (objection.TransferredToId is { } to && caller.OrganisationId == to && caller.IsAuthenticated);
    }
}
