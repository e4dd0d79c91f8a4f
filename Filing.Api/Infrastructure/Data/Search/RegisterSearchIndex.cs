using Filing.Core.Register;
using Filing.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Infrastructure.Data.Search;

/// <summary>
/// Keeps the full-text index in step with the register. <see cref="IndexAsync"/> adds the entry to the caller's unit
/// of work, so it commits (or rolls back) in the same transaction as the publication; there is no background job that
/// could lag. Status, dates and authority are not copied into the index: searches join the record, so a repeal or an
/// expiry shows in search results the moment it is saved. <see cref="BackfillAsync"/> indexes published documents
/// that have no entry (or one from an older analyzer) at start-up.
/// </summary>
public sealed class RegisterSearchIndex(FilingDbContext db, SearchAnalyzer analyzer, TimeProvider clock, ILogger<RegisterSearchIndex> logger)
{
    /// <summary>Adds or refreshes the entry of a published <paramref name="document"/>; saved by the caller's SaveChanges.</summary>
    public async Task IndexAsync(NormativeDocumentRecord document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.IsPublic)
        {
            throw new InvalidOperationException("Only published documents are indexed for the public register.");
        }

        var version = document.CurrentVersion.Number;
        var json = db.VersionContents.Local.FirstOrDefault(c => c.DocumentId == document.Id && c.VersionNumber == version)?.ParsedJson
            ?? await db.VersionContents.AsNoTracking()
                .Where(c => c.DocumentId == document.Id && c.VersionNumber == version)
                .Select(c => c.ParsedJson)
                .SingleOrDefaultAsync(ct);
        var analysed = Analyze(document, json);
        var entry = db.RegisterSearch.Local.FirstOrDefault(e => e.DocumentId == document.Id)
            ?? await db.RegisterSearch.SingleOrDefaultAsync(e => e.DocumentId == document.Id, ct);
        var key = DocumentNumberKey.Of(document.DocumentNumber);
        if (entry is null)
        {
            db.RegisterSearch.Add(new RegisterSearchEntry(document.Id, analysed, key, clock.GetUtcNow()));
        }
        else
        {
            entry.Update(analysed, key, clock.GetUtcNow());
        }

        await SetTermsAsync(document.Id, analysed.TitleTerms, analysed.BodyTerms, null, missing: false, ct);
    }

    /// <summary>
    /// Adds or replaces a document's <see cref="RegisterSearchTermSet"/>; saved by the caller's SaveChanges.
    /// <paramref name="missing"/>: the caller knows the document has none (no look-up).
    /// </summary>
    private async Task SetTermsAsync(Guid documentId, string titleTerms, string bodyTerms, Dictionary<string, int>? known, bool missing, CancellationToken ct)
    {
        var ids = await SearchTermDictionary.IdsAsync(db, SearchTermDictionary.TermsOf(titleTerms, bodyTerms), known, ct);
        var packed = TermIdCodec.Encode(ids);
        var set = missing ? null : db.RegisterSearchTermSets.Local.FirstOrDefault(s => s.DocumentId == documentId)
            ?? await db.RegisterSearchTermSets.SingleOrDefaultAsync(s => s.DocumentId == documentId, ct);
        if (set is null)
        {
            db.RegisterSearchTermSets.Add(new RegisterSearchTermSet(documentId, packed));
        }
        else if (!set.TermIds.AsSpan().SequenceEqual(packed))
        {
            set.Update(packed);
        }
    }

    /// <summary>
    /// Gives every search entry without a <see cref="RegisterSearchTermSet"/> its set (entries indexed before the sets
    /// existed), from the terms the entry stores: no text is analysed again. In batches, each its own save (and so its
    /// own register version, whose change rows let running instances pick the sets up); returns how many.
    /// </summary>
    public async Task<int> BackfillTermSetsAsync(CancellationToken ct)
    {
        const int batch = 500;
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        while (true)
        {
            var entries = await db.RegisterSearch.AsNoTracking()
                .Where(e => !db.RegisterSearchTermSets.Any(s => s.DocumentId == e.DocumentId))
                .OrderBy(e => e.Id)
                .Select(e => new { e.DocumentId, e.TitleTerms, e.BodyTerms })
                .Take(batch)
                .ToListAsync(ct);
            if (entries.Count == 0)
            {
                return total;
            }

            foreach (var entry in entries)
            {
                await SetTermsAsync(entry.DocumentId, entry.TitleTerms, entry.BodyTerms, known, missing: true, ct);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += entries.Count;
            if (total % 10_000 < batch)
            {
                logger.LogInformation("Search index: term sets of {Count} entries made so far", total);
            }
        }
    }

    /// <summary>The index text of a document from its record and stored reading (title from the record).</summary>
    public SearchDocument Analyze(NormativeDocumentRecord document, string? parsedJson)
    {
        ArgumentNullException.ThrowIfNull(document);
        var body = "";
        if (parsedJson is not null)
        {
            try
            {
                body = PublishedText.Body(ParsedDocumentJson.Deserialize(parsedJson));
            }
            catch (System.Text.Json.JsonException e)
            {
                // The title and numbers stay searchable; the unreadable reading is reported, not hidden.
                logger.LogError(e, "The stored reading of document {DocumentId} cannot be read; only its title is indexed", document.Id);
            }
        }

        return Analyze(document.Title, body);
    }

    /// <summary>Analyses a title and body as the index stores them.</summary>
    public SearchDocument Analyze(string title, string body) => Analyze(analyzer, title, body);

    /// <summary>Analyses a title and body as the index stores them (the body cut at <see cref="RegisterSearchEntry.MaxIndexedBodyLength"/>).</summary>
    public static SearchDocument Analyze(SearchAnalyzer analyzer, string title, string body)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(body);
        return analyzer.Analyze(title, body.Length > RegisterSearchEntry.MaxIndexedBodyLength ? body[..RegisterSearchEntry.MaxIndexedBodyLength] : body);
    }

    /// <summary>A new entry for a published document and its reading, for bulk loads that bypass the unit of work.</summary>
    public static RegisterSearchEntry NewEntry(SearchAnalyzer analyzer, NormativeDocumentRecord document, Core.Documents.NormativeDocument reading, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(reading);
        return new RegisterSearchEntry(document.Id, Analyze(analyzer, document.Title, PublishedText.Body(reading)), DocumentNumberKey.Of(document.DocumentNumber), at);
    }

    /// <summary>Indexes every published document without a current entry, in batches; returns how many.</summary>
    public async Task<int> BackfillAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var ids = await db.Documents.AsNoTracking()
                .Where(d => d.Stage >= LifecycleStage.Published)
                .Where(d => !db.RegisterSearch.Any(e => e.DocumentId == d.Id && e.AnalyzerVersion == SearchAnalyzer.Version))
                .OrderBy(d => d.Id)
                .Select(d => d.Id)
                .Take(200)
                .ToListAsync(ct);
            if (ids.Count == 0)
            {
                return total;
            }

            var documents = await db.Documents.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
            foreach (var document in documents)
            {
                await IndexAsync(document, ct);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += documents.Count;
            logger.LogInformation("Search index: {Count} published documents indexed so far", total);
        }
    }
}
