namespace Filing.Core.Feeds;

/// <summary>
/// The catalogue of public register events (登记簿动态): what the change log, the Atom feed and webhooks carry. The names
/// are part of the API contract: add new ones, never rename. Every event is public by definition; nothing personal
/// (names of officials or citizens, contact details, key labels) and nothing internal (review opinions, return reasons)
/// is ever put into one.
/// </summary>
public static class RegisterEventTypes
{
    /// <summary>统一发布: a document was published.</summary>
    public const string DocumentPublished = "document.published";

    /// <summary>修改: a document was replaced by an amending document (from <c>effectiveOn</c>).</summary>
    public const string DocumentAmended = "document.amended";

    /// <summary>废止: a document was repealed (from <c>effectiveOn</c>, possibly a future day).</summary>
    public const string DocumentRepealed = "document.repealed";

    /// <summary>宣布失效: a document was declared invalid.</summary>
    public const string DocumentDeclaredInvalid = "document.declared-invalid";

    /// <summary>撤销: an oversight body revoked a document after filing review.</summary>
    public const string DocumentRevoked = "document.revoked";

    /// <summary>有效期届满: the validity period ended (derived from <c>validUntil</c>; recorded when the day has come).</summary>
    public const string DocumentExpired = "document.expired";

    /// <summary>拟修改: a published cleanup decided the document is to be amended; it stays in force meanwhile.</summary>
    public const string DocumentAmendmentPlanned = "document.amendment-planned";

    /// <summary>备案登记: an oversight body accepted a filing after the formal check (接收).</summary>
    public const string FilingReceived = "filing.received";

    /// <summary>备案审查结论: no problem, correction required or revocation (the opinion text stays internal).</summary>
    public const string FilingReviewed = "filing.reviewed";

    /// <summary>纠正完成: the issuing side recorded the correction the oversight body asked for.</summary>
    public const string FilingCorrected = "filing.corrected";

    /// <summary>清理结果公布: a cleanup campaign published its four lists.</summary>
    public const string CleanupPublished = "cleanup.published";

    /// <summary>Every public event type with a short description (for validation and the API documentation).</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DocumentPublished] = "统一发布: a document was published",
        [DocumentAmended] = "修改: a document was replaced by an amending document",
        [DocumentRepealed] = "废止: a document was repealed",
        [DocumentDeclaredInvalid] = "宣布失效: a document was declared invalid",
        [DocumentRevoked] = "撤销: an oversight body revoked a document",
        [DocumentExpired] = "有效期届满: a document's validity period ended",
        [DocumentAmendmentPlanned] = "拟修改: a cleanup decided a document is to be amended",
        [FilingReceived] = "备案登记: an oversight body accepted a filing after the formal check",
        [FilingReviewed] = "备案审查: an oversight body concluded its review (no-problem, correction-required, revocation)",
        [FilingCorrected] = "纠正: the issuing side completed a correction",
        [CleanupPublished] = "清理: a cleanup published its lists",
    };

    /// <summary>The types the Atom feed shows: publications, amendments, repeals (in all forms) and expiries.</summary>
    public static IReadOnlyList<string> Feed { get; } =
        [DocumentPublished, DocumentAmended, DocumentRepealed, DocumentDeclaredInvalid, DocumentRevoked, DocumentExpired];

    /// <summary>Whether <paramref name="type"/> is a known public event type.</summary>
    public static bool IsKnown(string type) => All.ContainsKey(type);
}
