using Filing.Core.Register;

namespace Filing.Core.Feeds;

/// <summary>
/// Builds <see cref="RegisterEvent"/>s from register objects. Only public facts are copied, field by field: never an
/// actor's name or key label, never a review opinion, a return reason or a correction note, never anything a citizen
/// submitted.
/// </summary>
public static class RegisterEvents
{
    /// <summary>统一发布.</summary>
    public static RegisterEvent Published(NormativeDocumentRecord document, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        var published = document.PublishedOn ?? throw new ArgumentException("The document is not published.", nameof(document));
        var when = document.EffectiveDate is { } effective && effective > published ? $"，自{effective:yyyy-MM-dd}起施行" : "";
        var validity = document.ValidUntil is { } until ? $"，有效期至{until:yyyy-MM-dd}" : "";
        return new RegisterEvent(RegisterEventTypes.DocumentPublished, at, published,
                $"{document.IssuingAuthorityName}于{published:yyyy-MM-dd}发布《{document.Title}》{Numbers(document)}{when}{validity}。",
                new
                {
                    publishedOn = published,
                    channel = document.PublicationChannel,
                    effectiveDate = document.EffectiveDate,
                    validUntil = document.ValidUntil,
                    documentType = document.DocumentType,
                    hasPolicyInterpretation = document.PolicyInterpretation is not null,
                })
            .About(document);
    }

    /// <summary>废止, 宣布失效, 修改 or 撤销, from the termination recorded on <paramref name="document"/>.</summary>
    public static RegisterEvent Terminated(NormativeDocumentRecord document, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        var kind = document.Termination ?? throw new ArgumentException("The document has not ended.", nameof(document));
        var on = document.TerminatedOn!.Value;
        var (type, verb) = kind switch
        {
            TerminationKind.Repealed => (RegisterEventTypes.DocumentRepealed, "废止"),
            TerminationKind.DeclaredInvalid => (RegisterEventTypes.DocumentDeclaredInvalid, "宣布失效"),
            TerminationKind.Amended => (RegisterEventTypes.DocumentAmended, "修改"),
            _ => (RegisterEventTypes.DocumentRevoked, "撤销"),
        };
        return new RegisterEvent(type, at, on,
                $"《{document.Title}》{Numbers(document)}自{on:yyyy-MM-dd}起{(kind == TerminationKind.Amended ? "由修改后的文件替代" : "被" + verb)}。",
                new
                {
                    kind = Kebab(kind.ToString()),
                    effectiveOn = on,
                    reason = document.TerminationReason,
                    replacedBy = document.ReplacedById,
                })
            .About(document);
    }

    /// <summary>
    /// The first day <paramref name="document"/> reads as expired (the day after <c>validUntil</c>), or null when it has
    /// no validity period or ends otherwise first (a repeal, declaration of invalidity, amendment or revocation that
    /// applies on or before that day takes precedence, as in <see cref="DocumentStatusRules"/>).
    /// </summary>
    public static DateOnly? ExpiresOn(NormativeDocumentRecord document) => ExpiresOn(ExpiryFacts.Of(document));

    /// <summary>The first day the document reads as expired, or null (see the overload on a record).</summary>
    public static DateOnly? ExpiresOn(ExpiryFacts document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Stage < LifecycleStage.Published || document.ValidUntil is not { } until)
        {
            return null;
        }

        var first = until.AddDays(1);
        return document.Termination is not null && document.TerminatedOn <= first ? null : first;
    }

    /// <summary>有效期届满, recorded once per document (derived: no timer changes the document itself).</summary>
    public static RegisterEvent Expired(NormativeDocumentRecord document, DateTimeOffset at) => Expired(ExpiryFacts.Of(document), at);

    /// <summary>有效期届满 from projected facts.</summary>
    public static RegisterEvent Expired(ExpiryFacts document, DateTimeOffset at)
    {
        var first = ExpiresOn(document) ?? throw new ArgumentException("The document does not expire.", nameof(document));
        var numbers = Numbers(document.DocumentNumber, document.UnifiedNumber);
        return new RegisterEvent(RegisterEventTypes.DocumentExpired, at, first,
                $"《{document.Title}》{numbers}有效期至{document.ValidUntil:yyyy-MM-dd}届满，自{first:yyyy-MM-dd}起失效。",
                new { validUntil = document.ValidUntil, expiredOn = first })
            .About(document.Id, document.Title, document.DocumentNumber, document.UnifiedNumber, document.IssuingAuthorityId, document.IssuingAuthorityName)
            .Once(ExpiryKey(document.Id));
    }

    /// <summary>The dedupe key of a document's expiry event.</summary>
    public static string ExpiryKey(Guid documentId) => $"{RegisterEventTypes.DocumentExpired}:{documentId:D}";

    /// <summary>拟修改 after a published cleanup.</summary>
    public static RegisterEvent AmendmentPlanned(NormativeDocumentRecord document, ProcedureStep step, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(step);
        return new RegisterEvent(RegisterEventTypes.DocumentAmendmentPlanned, at, today,
                $"《{document.Title}》{Numbers(document)}经清理拟修改，修改前继续有效。",
                new { reason = step.Opinion })
            .About(document);
    }

    /// <summary>备案登记: the formal check passed.</summary>
    public static RegisterEvent FilingReceived(OversightFiling filing, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(filing);
        return new RegisterEvent(RegisterEventTypes.FilingReceived, at, today,
                $"《{filing.DocumentTitle}》已报{filing.RecipientName}备案并经形式审查接收。",
                Filing(filing, null))
            .About(filing);
    }

    /// <summary>备案审查结论 (the opinion's text is internal and not copied).</summary>
    public static RegisterEvent FilingReviewed(OversightFiling filing, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(filing);
        var opinion = filing.Opinion ?? throw new ArgumentException("The filing has no opinion yet.", nameof(filing));
        var words = opinion switch
        {
            FilingOpinion.NoProblem => "审查未发现问题",
            FilingOpinion.CorrectionRequired => $"审查要求纠正（期限{filing.CorrectionDueDate:yyyy-MM-dd}）",
            _ => "审查决定撤销",
        };
        return new RegisterEvent(RegisterEventTypes.FilingReviewed, at, today,
                $"{filing.RecipientName}对《{filing.DocumentTitle}》的备案{words}。",
                Filing(filing, opinion))
            .About(filing);
    }

    /// <summary>纠正完成 (the correction note is internal and not copied).</summary>
    public static RegisterEvent FilingCorrected(OversightFiling filing, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(filing);
        return new RegisterEvent(RegisterEventTypes.FilingCorrected, at, today,
                $"《{filing.DocumentTitle}》已按{filing.RecipientName}的备案审查意见完成纠正。",
                Filing(filing, filing.Opinion))
            .About(filing);
    }

    /// <summary>清理结果公布: the four lists.</summary>
    public static RegisterEvent CleanupPublished(CleanupCampaign campaign, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var on = campaign.PublishedOn ?? throw new ArgumentException("The cleanup is not published.", nameof(campaign));
        IReadOnlyList<Guid> Ids(CleanupDecision d) => [.. campaign.ListOf(d).Select(i => i.DocumentId)];
        var lists = new
        {
            @continue = Ids(CleanupDecision.Continue),
            amend = Ids(CleanupDecision.Amend),
            repeal = Ids(CleanupDecision.Repeal),
            declareInvalid = Ids(CleanupDecision.DeclareInvalid),
        };
        return new RegisterEvent(RegisterEventTypes.CleanupPublished, at, on,
                $"{campaign.Title}结果公布：继续有效{lists.@continue.Count}件，拟修改{lists.amend.Count}件，废止{lists.repeal.Count}件，宣布失效{lists.declareInvalid.Count}件。",
                new { cleanupId = campaign.Id, title = campaign.Title, publishedOn = on, lists })
            .About(null, null, null, null, campaign.IssuingAuthorityId, campaign.IssuingAuthorityName);
    }

    /// <summary>
    /// A public event of another feature (e.g. objection outcomes and aggregates of the participation feature). The
    /// caller guarantees that <paramref name="data"/> holds public facts only: counts and outcomes, never who submitted.
    /// </summary>
    /// <exception cref="ArgumentException">The type is not in <see cref="RegisterEventTypes.All"/>.</exception>
    public static RegisterEvent Other(string type, DateTimeOffset at, DateOnly? effectiveOn, string summary, object data, NormativeDocumentRecord? document)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        ArgumentNullException.ThrowIfNull(data);
        if (!RegisterEventTypes.IsKnown(type))
        {
            throw new ArgumentException($"'{type}' is not a public event type; add it to RegisterEventTypes.All first.", nameof(type));
        }

        var e = new RegisterEvent(type, at, effectiveOn, summary, data);
        return document is null ? e : e.About(document);
    }

    private static RegisterEvent About(this RegisterEvent e, NormativeDocumentRecord d) =>
        e.About(d.Id, d.Title, d.DocumentNumber, d.UnifiedNumber, d.IssuingAuthorityId, d.IssuingAuthorityName);

    private static RegisterEvent About(this RegisterEvent e, OversightFiling f) =>
        e.About(f.DocumentId, f.DocumentTitle, null, f.UnifiedNumber, f.IssuingAuthorityId, f.IssuingAuthorityName);

    private static object Filing(OversightFiling f, FilingOpinion? opinion) => new
    {
        filingId = f.Id,
        recipient = new { id = f.RecipientId, name = f.RecipientName },
        dueDate = f.DueDate,
        submittedOn = f.SubmittedOn,
        submittedOnTime = !f.SubmittedLate,
        outcome = opinion is { } o ? Kebab(o.ToString()) : null,
        correctionDueDate = opinion == FilingOpinion.CorrectionRequired ? f.CorrectionDueDate : null,
    };

    private static string Numbers(NormativeDocumentRecord d) => Numbers(d.DocumentNumber, d.UnifiedNumber);

    private static string Numbers(string? documentNumber, string? unifiedNumber)
    {
        var parts = new[] { documentNumber, unifiedNumber is { } u ? "统一编号" + u : null }.Where(p => p is not null).ToList();
        return parts.Count == 0 ? "" : $"（{string.Join("，", parts)}）";
    }

    private static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
