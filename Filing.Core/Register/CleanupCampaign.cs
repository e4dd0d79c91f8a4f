namespace Filing.Core.Register;

/// <summary>
/// A cleanup campaign (清理) of one issuing authority: every document in force when it opens, a decision per document
/// (继续有效 / 拟修改 / 废止 / 宣布失效), and publication of the four lists, at which repeals and declarations of
/// invalidity take effect.
/// </summary>
public sealed class CleanupCampaign
{
    private readonly List<CleanupItem> _items = [];

    private CleanupCampaign()
    {
        Title = "";
        IssuingAuthorityName = "";
        OpenedBy = "";
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The authority whose documents are cleaned up.</summary>
    public Guid IssuingAuthorityId { get; private set; }

    /// <summary>Its name.</summary>
    public string IssuingAuthorityName { get; private set; }

    /// <summary>The government whose legal office runs it.</summary>
    public Guid JurisdictionId { get; private set; }

    /// <summary>Campaign title, e.g. 2026年行政规范性文件清理.</summary>
    public string Title { get; private set; }

    /// <summary>Open or published.</summary>
    public CleanupStatus Status { get; private set; }

    /// <summary>The day it opened (documents in force on that day are listed).</summary>
    public DateOnly OpenedOn { get; private set; }

    /// <summary>When it opened.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>Who opened it.</summary>
    public string OpenedBy { get; private set; }

    /// <summary>Publication date of the lists.</summary>
    public DateOnly? PublishedOn { get; private set; }

    /// <summary>Optimistic-concurrency stamp.</summary>
    public long ConcurrencyStamp { get; private set; }

    /// <summary>Every listed document.</summary>
    public IReadOnlyList<CleanupItem> Items => _items;

    /// <summary>Documents still without a decision.</summary>
    public int Undecided => _items.Count(i => i.Decision is null);

    /// <summary>Opens a campaign over <paramref name="documentsInForce"/>.</summary>
    public static CleanupCampaign Open(
        Guid id,
        Organisation issuingAuthority,
        string? title,
        IEnumerable<NormativeDocumentRecord> documentsInForce,
        DateOnly today,
        Actor actor,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(issuingAuthority);
        ArgumentNullException.ThrowIfNull(documentsInForce);
        ArgumentNullException.ThrowIfNull(actor);
        var campaign = new CleanupCampaign
        {
            Id = id,
            IssuingAuthorityId = issuingAuthority.Id,
            IssuingAuthorityName = issuingAuthority.Name,
            JurisdictionId = issuingAuthority.JurisdictionId,
            Title = string.IsNullOrWhiteSpace(title) ? $"{issuingAuthority.Name}{today.Year}年行政规范性文件清理" : title.Trim(),
            Status = CleanupStatus.Open,
            OpenedOn = today,
            OpenedAt = at,
            OpenedBy = actor.Name,
        };
        foreach (var document in documentsInForce)
        {
            if (document.IssuingAuthorityId != issuingAuthority.Id)
            {
                throw new ArgumentException($"Document {document.Id} belongs to another issuing authority.", nameof(documentsInForce));
            }

            campaign._items.Add(new CleanupItem(document));
        }

        return campaign;
    }

    /// <summary>Records (or changes) the decision on one listed document while the campaign is open.</summary>
    /// <exception cref="KeyNotFoundException">The document is not listed in this campaign.</exception>
    public CleanupItem Decide(Guid documentId, CleanupDecision decision, string? reason, Actor actor, DateTimeOffset at)
    {
        if (Status != CleanupStatus.Open)
        {
            throw new LifecycleViolationException("decisions", "cleanup-published", "清理结果已公布 / The campaign's lists are already published.");
        }

        var item = _items.Find(i => i.DocumentId == documentId)
            ?? throw new KeyNotFoundException($"Document {documentId} is not listed in this cleanup.");
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision != CleanupDecision.Continue && why is null)
        {
            throw new RegisterValidationException("reason", "reason-missing", "拟修改、废止或宣布失效须说明理由 / Amending, repealing or declaring invalid needs a reason.");
        }

        item.Decide(decision, why, actor, at);
        ConcurrencyStamp++;
        return item;
    }

    /// <summary>Publishes the four lists; every listed document needs a decision first.</summary>
    public void Publish(DateOnly date, DateOnly today)
    {
        if (Status != CleanupStatus.Open)
        {
            throw new LifecycleViolationException("publication", "cleanup-published", "清理结果已公布 / The campaign's lists are already published.");
        }

        if (Undecided > 0)
        {
            throw new LifecycleViolationException("publication", "cleanup-undecided",
                $"尚有 {Undecided} 件文件未作清理决定 / {Undecided} listed document(s) still need a decision.");
        }

        if (date > today || date < OpenedOn)
        {
            throw new RegisterValidationException("date", "date-out-of-range", "公布日期须在清理开始之后且不晚于今天 / The date must fall between the opening and today.");
        }

        Status = CleanupStatus.Published;
        PublishedOn = date;
        ConcurrencyStamp++;
    }

    /// <summary>Listed documents with <paramref name="decision"/>.</summary>
    public IReadOnlyList<CleanupItem> ListOf(CleanupDecision decision) => [.. _items.Where(i => i.Decision == decision)];
}
