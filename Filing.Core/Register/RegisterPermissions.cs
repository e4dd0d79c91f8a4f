namespace Filing.Core.Register;

/// <summary>
/// Who may record what. Visibility comes first (<see cref="Specifications.DocumentVisibility"/>): a caller who cannot
/// see a document gets "not found"; one who sees it but may not act gets "forbidden".
/// </summary>
/// <remarks>
/// The drafting department (or the issuing authority itself) owns a draft: it uploads versions, answers findings,
/// opens or waives public comment, records its fair-competition 初审 and may record the assessments, the collective
/// decision, publication and repeal. The legal office of the government does the legality review and registration
/// and may record the assessments, decision, publication and repeal. The market-regulation bureau records 会同审查,
/// the women's federation the gender-equality assessment and the health commission the health screening, each for
/// its own government's documents. Oversight bodies act on filings only.
/// </remarks>
public static class RegisterPermissions
{
    /// <summary>Whether <paramref name="caller"/> may start a new draft.</summary>
    public static bool CanUpload(Caller caller) => caller.Has(CallerRoles.Drafter) && caller.OrganisationId is not null;

    /// <summary>Whether <paramref name="caller"/> owns the draft (drafting department or issuing authority, as drafter).</summary>
    public static bool OwnsDraft(Caller caller, NormativeDocumentRecord document) =>
        caller.Has(CallerRoles.Drafter)
        && caller.OrganisationId is { } org
        && (document.DraftingDepartmentId == org || document.IssuingAuthorityId == org);

    /// <summary>Whether <paramref name="caller"/> is the legal office of <paramref name="jurisdictionId"/>.</summary>
    public static bool IsLegalOfficeOf(Caller caller, Guid jurisdictionId) =>
        caller.Has(CallerRoles.LegalOffice) && caller.JurisdictionId == jurisdictionId;

    /// <summary>Whether <paramref name="caller"/> is a reviewing body of <paramref name="kind"/> for <paramref name="jurisdictionId"/>.</summary>
    public static bool IsReviewerOf(Caller caller, OrganisationKind kind, Guid jurisdictionId) =>
        caller.Has(CallerRoles.ReviewerBody) && caller.Kind == kind && caller.JurisdictionId == jurisdictionId;

    /// <summary>Whether <paramref name="caller"/> may take <paramref name="action"/> on <paramref name="document"/>.</summary>
    public static bool CanAct(Caller caller, NormativeDocumentRecord document, DocumentAction action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(document);
        var owner = OwnsDraft(caller, document);
        var legal = IsLegalOfficeOf(caller, document.JurisdictionId);
        return action switch
        {
            DocumentAction.AddVersion or DocumentAction.AnswerFinding or DocumentAction.PublicComment
                or DocumentAction.FairCompetitionSelfReview => owner,
            DocumentAction.FairCompetitionJointReview => IsReviewerOf(caller, OrganisationKind.MarketRegulation, document.JurisdictionId),
            DocumentAction.GenderEqualityAssessment => owner || legal || IsReviewerOf(caller, OrganisationKind.WomensFederation, document.JurisdictionId),
            DocumentAction.HealthScreening => owner || legal || IsReviewerOf(caller, OrganisationKind.HealthCommission, document.JurisdictionId),
            DocumentAction.LegalityReview or DocumentAction.Registration => legal,
            DocumentAction.CollectiveDecision or DocumentAction.Publication or DocumentAction.Termination => owner || legal,
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="caller"/> is the oversight body a filing is addressed to (receipt, return, opinion).</summary>
    public static bool IsFilingRecipient(Caller caller, OversightFiling filing) =>
        caller.Has(CallerRoles.Oversight | CallerRoles.LegalOffice) && caller.OrganisationId == filing.RecipientId;

    /// <summary>Whether <paramref name="caller"/> acts for the issuing side of a filing (resubmission, correction).</summary>
    public static bool IsFilingSender(Caller caller, OversightFiling filing) =>
        (caller.Has(CallerRoles.Drafter) && (caller.OrganisationId == filing.DraftingDepartmentId || caller.OrganisationId == filing.IssuingAuthorityId))
        || IsLegalOfficeOf(caller, filing.JurisdictionId);

    /// <summary>Whether <paramref name="caller"/> may run cleanups for an authority in <paramref name="jurisdictionId"/>.</summary>
    public static bool CanRunCleanup(Caller caller, Guid jurisdictionId) => IsLegalOfficeOf(caller, jurisdictionId);
}
