using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Data.Search;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Filing.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Register.Public;

/// <summary>A public-register question: filters, optional full-text query and number look-up.</summary>
/// <param name="Filter">Record filters (evaluated by <see cref="PublicRegisterSpec"/>).</param>
/// <param name="Search">Full-text query, or null.</param>
/// <param name="DocumentNumberKey">发文字号 look-up key (<see cref="DocumentNumberKey.Of"/>), or null.</param>
/// <param name="Today">The day statuses are derived for.</param>
public sealed record RegisterQuestion(PublicRegisterFilter Filter, SearchQuery? Search, string? DocumentNumberKey, DateOnly Today);

/// <summary>Position after the last item of a page, in the page's order.</summary>
/// <param name="Score">Rank (relevance order only).</param>
/// <param name="Date">Publication or effective date.</param>
/// <param name="Id">Document id.</param>
public sealed record RegisterCursor(int Score, DateOnly Date, Guid Id);

/// <summary>
/// A register row with the columns lists, exports and facets need, projected in SQL. A class with init properties
/// (not a positional record) so that EF Core can keep composing filters and orders over the projection.
/// </summary>
public sealed class RegisterRow
{
    public Guid Id { get; init; }

    public string Title { get; init; } = "";

    public string? DocumentType { get; init; }

    public string? DocumentNumber { get; init; }

    public string? UnifiedNumber { get; init; }

    public LifecycleStage Stage { get; init; }

    public DateOnly? PublishedOn { get; init; }

    public DateOnly? EffectiveDate { get; init; }

    public DateOnly? ValidUntil { get; init; }

    public TerminationKind? Termination { get; init; }

    public DateOnly? TerminatedOn { get; init; }

    public Guid IssuingAuthorityId { get; init; }

    public string IssuingAuthorityName { get; init; } = "";

    public Guid DraftingDepartmentId { get; init; }

    public string DraftingDepartmentName { get; init; } = "";

    public string? PublicationChannel { get; init; }

    /// <summary>Full-text rank (0 without a query).</summary>
    public int Score { get; internal set; }

    /// <summary>The status on <paramref name="today"/>.</summary>
    public DocumentStatus StatusOn(DateOnly today) =>
        DocumentStatusRules.Derive(Stage, Termination, TerminatedOn, ValidUntil, EffectiveDate, today);
}

/// <summary>One page of an answer and the honest total of all its pages.</summary>
/// <param name="Total">Documents answering the question.</param>
/// <param name="Rows">The page, in order.</param>
public sealed record RegisterListing(int Total, IReadOnlyList<RegisterRow> Rows);

/// <summary>Counts for one facet value.</summary>
/// <param name="Value">The value (id, type, status or year).</param>
/// <param name="Label">Readable name (the authority's name), when different from the value.</param>
/// <param name="Count">Matching documents.</param>
public sealed record FacetCount(string Value, string? Label, int Count);

/// <summary>Facet counts for the same question.</summary>
public sealed record RegisterFacetCounts(
    int Total,
    IReadOnlyList<FacetCount> IssuingAuthorities,
    IReadOnlyList<FacetCount> DocumentTypes,
    IReadOnlyList<FacetCount> Statuses,
    IReadOnlyList<FacetCount> Years);

/// <summary>
/// The public register's query layer over EF Core, the same on SQLite and PostgreSQL: record criteria from
/// <see cref="PublicRegisterSpec"/> (evaluated by the Ardalis evaluators), the full-text match from
/// <see cref="SearchSql"/> joined in as a subquery, keyset paging on (rank, date, id) and honest counts. With a
/// <see cref="RegisterResultCache"/>, <see cref="ListAsync"/> and <see cref="FacetsAsync"/> reuse totals, facet counts and
/// ranked matches computed for the same question in the same register state.
/// </summary>
public sealed class PublicRegisterQuery(FilingDbContext db, RegisterResultCache? cache = null)
{
    private static readonly System.Linq.Expressions.Expression<Func<NormativeDocumentRecord, RegisterRow>> Projection = d => new RegisterRow
    {
        Id = d.Id, Title = d.Title, DocumentType = d.DocumentType, DocumentNumber = d.DocumentNumber, UnifiedNumber = d.UnifiedNumber,
        Stage = d.Stage, PublishedOn = d.PublishedOn, EffectiveDate = d.EffectiveDate, ValidUntil = d.ValidUntil,
        Termination = d.Termination, TerminatedOn = d.TerminatedOn, IssuingAuthorityId = d.IssuingAuthorityId,
        IssuingAuthorityName = d.IssuingAuthorityName, DraftingDepartmentId = d.DraftingDepartmentId,
        DraftingDepartmentName = d.DraftingDepartmentName, PublicationChannel = d.PublicationChannel, Score = 0,
    };

    /// <summary>The facet label of documents whose type the reader did not recognise.</summary>
    internal const string UntypedLabel = "（未识别文种）";

    /// <summary>
    /// The total and one page (at most <paramref name="take"/> rows) in <paramref name="sort"/> after
    /// <paramref name="after"/>: what <c>GET /api/v1/register</c> answers. Without a cache, <see cref="CountAsync"/> and
    /// <see cref="PageAsync"/> in SQL. With one, the register's <see cref="RegisterSnapshot"/> for the current state
    /// filters, counts and orders in memory; a full-text question's matches are found and ranked once in the search table
    /// (all of them, then filtered and ordered in memory exactly as <see cref="PageAsync"/> orders them in SQL) and its
    /// pages are slices of that ranking. Either way only the page's rows are read. Number look-ups stay SQL index look-ups.
    /// </summary>
    public async Task<RegisterListing> ListAsync(RegisterQuestion question, RegisterSort sort, RegisterCursor? after, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (cache is not { Enabled: true })
        {
            return new(await CountAsync(question, ct), await PageAsync(question, sort, after, take, ct));
        }

        var version = await VersionAsync(ct);
        if (!Snapshotted(question))
        {
            // A number look-up: one index probe, nothing worth keeping.
            return new(await CountAsync(question, ct), await PageAsync(question, sort, after, take, ct));
        }

        var snapshot = await SnapshotAsync(version, ct);
        var criteria = RegisterSnapshot.Criteria(question.Filter, question.Today);
        if (question.Search is null)
        {
            var ids = snapshot.Page(criteria, sort, after, take);
            return new(snapshot.CountOf(criteria), await RowsAsync(ids.Select(id => new RankedMatch(id, 0, default)).ToArray(), ct));
        }

        var ranked = await RankedAsync(question, sort, version, snapshot, ct);
        var start = after is null ? 0 : FirstAfter(ranked, sort, new RankedMatch(after.Id, after.Score, after.Date));
        return new(ranked.Length, await RowsAsync(ranked.AsSpan(start, Math.Min(take, ranked.Length - start)).ToArray(), ct));
    }

    /// <summary>
    /// Loads the register snapshot for the current register state if this instance does not hold it yet (e.g. at
    /// start-up, so that the first question does not wait for it). Does nothing without a cache.
    /// </summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        if (cache is { Enabled: true })
        {
            await SnapshotAsync(await VersionAsync(ct), ct);
        }
    }

    private static bool Snapshotted(RegisterQuestion question) => question.DocumentNumberKey is null && question.Filter.UnifiedNumber is null;

    private Task<RegisterSnapshot> SnapshotAsync(long version, CancellationToken ct) =>
        cache!.SnapshotAsync(version, held => LoadSnapshotAsync(held, version, ct), ct);

    /// <summary>
    /// The snapshot of register state <paramref name="version"/> (or newer): the held one updated with the documents the
    /// <see cref="Feeds.RegisterChange"/> rows name since its state (<see cref="ChangedSinceAsync"/>), else the whole
    /// register read again.
    /// </summary>
    private async Task<RegisterSnapshot> LoadSnapshotAsync((long Version, RegisterSnapshot Snapshot)? held, long version, CancellationToken ct)
    {
        if (held is { } h && h.Version < version && await ChangedSinceAsync(h.Version, version, h.Snapshot.Count, ct) is { } changed)
        {
            var updated = await h.Snapshot.UpdateAsync(db, changed, ct);

            // Each update leaves the replaced documents' slots in the word index: past a quarter, read it afresh.
            if (updated.UnusedSlots <= Math.Max(1_000, updated.Count / 4))
            {
                return updated;
            }
        }

        return await RegisterSnapshot.LoadAsync(db, cache!.BodyTextBudget, ct);
    }

    /// <summary>
    /// The documents changed after register state <paramref name="from"/> up to <paramref name="to"/>, from the
    /// <see cref="Feeds.RegisterChange"/> rows; null when those rows do not cover every version in between (old ones are
    /// pruned; a version moved on by hand names nothing) or name more than a tenth of the register (at least 1,000), when
    /// reading everything again is the surer and cheaper way.
    /// </summary>
    private async Task<HashSet<Guid>?> ChangedSinceAsync(long from, long to, int registerSize, CancellationToken ct)
    {
        var changes = await db.RegisterChanges.AsNoTracking()
            .Where(c => c.Version > from && c.Version <= to)
            .Select(c => new { c.Version, c.DocumentId })
            .ToListAsync(ct);
        var documents = changes.Select(c => c.DocumentId).ToHashSet();
        return changes.Select(c => c.Version).Distinct().LongCount() == to - from && documents.Count <= Math.Max(1_000, registerSize / 10)
            ? documents
            : null;
    }

    /// <summary>
    /// A full-text question's ranking in a register state: the kept one; else the kept ranking of an older state brought up
    /// to date by testing only the documents changed since (<see cref="RegisterSnapshot.Carry"/>), so that a publication
    /// does not make every question a first-time one; else the query's matches (<see cref="MatchesAsync"/>) ranked. Kept
    /// for the next page, client or state.
    /// </summary>
    private Task<RankedMatch[]> RankedAsync(RegisterQuestion question, RegisterSort sort, long version, RegisterSnapshot snapshot, CancellationToken ct) =>
        cache!.GetOrUpdateAsync<RankedMatch[]>(RegisterResultCache.Key("ranked", question, sort), version, async older =>
        {
            var search = question.Search!;
            var criteria = RegisterSnapshot.Criteria(question.Filter, question.Today);
            if (older is { } o && await ChangedSinceAsync(o.Version, version, snapshot.Count, ct) is { } changed)
            {
                var matching = await MatchingAsync(search, changed, ct);
                cache.CountCarried();
                return snapshot.Carry(o.Value, changed, matching, search, criteria, sort);
            }

            return snapshot.Rank(await MatchesAsync(search, version, snapshot, ct), search, criteria, sort);
        }, r => r.Length, ct);

    /// <summary>
    /// Every document matching <paramref name="search"/> in a register state, whatever the filters and order: kept, so
    /// that the same words asked with another order or filter (a list and its facets, a facet clicked) are ranked again
    /// in memory without asking the search table; brought up to a newer state from the changed documents like a ranking.
    /// </summary>
    private Task<Guid[]> MatchesAsync(SearchQuery search, long version, RegisterSnapshot snapshot, CancellationToken ct) =>
        cache!.GetOrUpdateAsync<Guid[]>(RegisterResultCache.MatchesKey(search), version, async older =>
        {
            if (older is { } o && await ChangedSinceAsync(o.Version, version, snapshot.Count, ct) is { } changed)
            {
                var matching = await MatchingAsync(search, changed, ct);
                return [.. o.Value.Where(id => !changed.Contains(id)).Concat(matching)];
            }

            cache.CountSearched();

            // The held word index answers; the database is asked only about what memory cannot tell (a phrase's text in a
            // body, a document without a term set yet), restricted to those documents. Failing that, the search table.
            var held = snapshot.MatchHeld(search);
            if (held.UnknownCount <= ConfirmAtMost)
            {
                cache.CountHeld();
                if (held.UnknownCount > 0)
                {
                    snapshot.SetPositions(await MatchingAsync(search, snapshot.DocumentsAt(held.Unknown), ct), held.Sure);
                }

                return snapshot.DocumentsAt(held.Sure);
            }

            if (SearchSql.EntryMatches(search, db.Provider) is var (entrySql, entryParameters))
            {
                // Words only: the full-text structure's entry ids, mapped to documents here.
                var entries = await SearchReadAsync(() => db.Database.SqlQueryRaw<long>(entrySql, entryParameters).ToListAsync(ct), ct);
                return snapshot.DocumentsOfEntries(entries);
            }

            var (sql, parameters) = SearchSql.Matches(search, db.Provider, ranked: false);
            return [.. await SearchReadAsync(() => db.Database.SqlQueryRaw<Guid>(sql, parameters).ToListAsync(ct), ct)];
        }, m => m.Length, ct);

    /// <summary>
    /// Most documents a held match leaves for the database to test (one parameter each); with more, the whole question
    /// goes to the search table, which then reads the same texts without the parameter list.
    /// </summary>
    internal const int ConfirmAtMost = 2_000;

    /// <summary>Those of <paramref name="documents"/> that match <paramref name="search"/> now.</summary>
    private async Task<List<Guid>> MatchingAsync(SearchQuery search, IReadOnlyCollection<Guid> documents, CancellationToken ct)
    {
        var (sql, parameters) = SearchSql.Matches(search, db.Provider, ranked: false, within: documents);
        return await SearchReadAsync(() => db.Database.SqlQueryRaw<Guid>(sql, parameters).ToListAsync(ct), ct);
    }

    /// <summary>The rows of <paramref name="keys"/>, in that order, with their ranks.</summary>
    private async Task<List<RegisterRow>> RowsAsync(RankedMatch[] keys, CancellationToken ct)
    {
        var ids = keys.Select(k => k.Id).ToList();
        var rows = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(Projection).ToDictionaryAsync(r => r.Id, ct);

        // A row gone since the snapshot or ranking (only possible in a newer register state) is left out rather than shown stale.
        var page = new List<RegisterRow>(keys.Length);
        foreach (var key in keys)
        {
            if (rows.TryGetValue(key.Id, out var row))
            {
                row.Score = key.Score; // the rows were just read for this page: nothing else holds them
                page.Add(row);
            }
        }

        return page;
    }

    /// <summary>One page (at most <paramref name="take"/> rows) in <paramref name="sort"/> after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<RegisterRow>> PageAsync(RegisterQuestion question, RegisterSort sort, RegisterCursor? after, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Search is null)
        {
            if (sort == RegisterSort.Relevance)
            {
                throw new ArgumentException("Relevance order needs a full-text query.", nameof(sort));
            }

            var spec = new PublicRegisterSpec(question.Filter, question.Today, sort, after is null ? null : new RegisterPosition(after.Date, after.Id), take);
            return await ByNumber(db.Documents.AsNoTracking().WithSpecification(spec), question.DocumentNumberKey)
                .Select(Projection)
                .ToListAsync(ct);
        }

        var scored = Scored(question);
        var score = after?.Score ?? 0;
        var date = after?.Date ?? default;
        var id = after?.Id ?? default;
        scored = sort switch
        {
            RegisterSort.Relevance => (after is null ? scored : scored.Where(r => r.Score < score || (r.Score == score
                    && (r.PublishedOn < date || (r.PublishedOn == date && r.Id.CompareTo(id) < 0)))))
                .OrderByDescending(r => r.Score).ThenByDescending(r => r.PublishedOn).ThenByDescending(r => r.Id),
            RegisterSort.PublishedDescending => (after is null ? scored : scored.Where(r => r.PublishedOn < date || (r.PublishedOn == date && r.Id.CompareTo(id) < 0)))
                .OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.Id),
            RegisterSort.PublishedAscending => (after is null ? scored : scored.Where(r => r.PublishedOn > date || (r.PublishedOn == date && r.Id.CompareTo(id) > 0)))
                .OrderBy(r => r.PublishedOn).ThenBy(r => r.Id),
            RegisterSort.EffectiveDescending => (after is null ? scored : scored.Where(r => r.EffectiveDate < date || (r.EffectiveDate == date && r.Id.CompareTo(id) < 0)))
                .OrderByDescending(r => r.EffectiveDate).ThenByDescending(r => r.Id),
            _ => (after is null ? scored : scored.Where(r => r.EffectiveDate > date || (r.EffectiveDate == date && r.Id.CompareTo(id) > 0)))
                .OrderBy(r => r.EffectiveDate).ThenBy(r => r.Id),
        };
        return await SearchReadAsync(() => scored.Take(take).ToListAsync(ct), ct);
    }

    /// <summary>How many documents answer the question (all pages).</summary>
    public Task<int> CountAsync(RegisterQuestion question, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Search is null ? Criteria(question).CountAsync(ct) : SearchReadAsync(() => Scored(question).CountAsync(ct), ct);
    }

    /// <summary>Counts by issuing authority, document type, status and year for the question.</summary>
    public async Task<RegisterFacetCounts> FacetsAsync(RegisterQuestion question, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        Task<RegisterFacetCounts> Compute() => question.Search is null ? FacetsOfAsync(question, ct) : SearchReadAsync(() => FacetsOfAsync(question, ct), ct);
        if (cache is not { Enabled: true })
        {
            return await Compute();
        }

        var version = await VersionAsync(ct);
        if (!Snapshotted(question))
        {
            return await Compute();
        }

        var snapshot = await SnapshotAsync(version, ct);
        if (question.Search is null)
        {
            return RegisterSnapshot.Facets(snapshot.Where(RegisterSnapshot.Criteria(question.Filter, question.Today)), question.Today);
        }

        // The matches of the relevance ranking (shared with the first page of the list), whatever order the list is in.
        var ranked = await RankedAsync(question, RegisterSort.Relevance, version, snapshot, ct);
        return RegisterSnapshot.Facets(snapshot.EntriesOf(ranked.Select(m => m.Id)), question.Today);
    }

    /// <summary>
    /// The order of <see cref="PageAsync"/>'s SQL: negative when <paramref name="a"/> comes first. Ids compare as
    /// <see cref="Guid.CompareTo(Guid)"/>, which is the order of their text and so of PostgreSQL's uuid and SQLite's TEXT.
    /// </summary>
    internal static int Compare(RankedMatch a, RankedMatch b, RegisterSort sort)
    {
        if (sort == RegisterSort.Relevance && a.Score != b.Score)
        {
            return b.Score.CompareTo(a.Score);
        }

        return sort is RegisterSort.PublishedAscending or RegisterSort.EffectiveAscending
            ? a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Id.CompareTo(b.Id)
            : a.Date != b.Date ? b.Date.CompareTo(a.Date) : b.Id.CompareTo(a.Id);
    }

    /// <summary>Index of the first match that comes after <paramref name="cursor"/> (which need not be among them).</summary>
    internal static int FirstAfter(RankedMatch[] ranked, RegisterSort sort, RankedMatch cursor)
    {
        int low = 0, high = ranked.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (Compare(ranked[middle], cursor, sort) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary><see cref="Feeds.EventLogState.RegisterVersion"/>: read before an answer is computed, so the answer is at least that new.</summary>
    private Task<long> VersionAsync(CancellationToken ct) =>
        db.EventLogState.AsNoTracking().Where(s => s.Id == 1).Select(s => s.RegisterVersion).SingleAsync(ct);

    private async Task<RegisterFacetCounts> FacetsOfAsync(RegisterQuestion question, CancellationToken ct)
    {
        var rows = Rows(question);
        var authorities = await rows.GroupBy(r => new { r.IssuingAuthorityId, r.IssuingAuthorityName })
            .Select(g => new { g.Key.IssuingAuthorityId, g.Key.IssuingAuthorityName, Count = g.Count() }).ToListAsync(ct);
        var types = await rows.GroupBy(r => r.DocumentType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var years = await rows.GroupBy(r => r.PublishedOn!.Value.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        // Status is derived for the day asked: count per stored combination, derive in memory (few combinations).
        var statusFacts = await rows
            .GroupBy(r => new { r.Stage, r.Termination, r.TerminatedOn, r.ValidUntil, r.EffectiveDate })
            .Select(g => new { g.Key.Stage, g.Key.Termination, g.Key.TerminatedOn, g.Key.ValidUntil, g.Key.EffectiveDate, Count = g.Count() })
            .ToListAsync(ct);
        var statuses = statusFacts
            .GroupBy(f => DocumentStatusRules.Derive(f.Stage, f.Termination, f.TerminatedOn, f.ValidUntil, f.EffectiveDate, question.Today))
            .Select(g => new FacetCount(Infrastructure.JsonNaming.Kebab(g.Key.ToString()), null, g.Sum(f => f.Count)));

        return new RegisterFacetCounts(
            authorities.Sum(a => a.Count),
            [.. authorities.OrderByDescending(a => a.Count).ThenBy(a => a.IssuingAuthorityName, StringComparer.Ordinal)
                .Select(a => new FacetCount(a.IssuingAuthorityId.ToString("D"), a.IssuingAuthorityName, a.Count))],
            [.. types.OrderByDescending(t => t.Count).ThenBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => new FacetCount(t.Key ?? "", t.Key is null ? UntypedLabel : null, t.Count))],
            [.. statuses.OrderByDescending(s => s.Count).ThenBy(s => s.Value, StringComparer.Ordinal)],
            [.. years.OrderByDescending(y => y.Key).Select(y => new FacetCount(y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), null, y.Count))]);
    }

    /// <summary>Every answering row, oldest publication first, streamed from the database (for exports).</summary>
    public IAsyncEnumerable<RegisterRow> StreamAsync(RegisterQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Rows(question).OrderBy(r => r.PublishedOn).ThenBy(r => r.Id).AsAsyncEnumerable();
    }

    /// <summary>The indexed text of some documents (for snippets), by id.</summary>
    public async Task<Dictionary<Guid, (string Title, string Body)>> TextsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.RegisterSearch.AsNoTracking().Where(e => ids.Contains(e.DocumentId))
            .Select(e => new { e.DocumentId, e.Title, e.Body })
            .ToDictionaryAsync(e => e.DocumentId, e => (e.Title, e.Body), ct);

    /// <summary>
    /// Runs a full-text read. On PostgreSQL the planner costs a sequential scan of the search table without the
    /// detoasting of every body tsvector it implies, and picks it over the GIN bitmap scan even for words in every
    /// document (3.4 s against 0.14 s on 100,000 documents, Filing.Benchmarks/README.md); so the read runs in its own
    /// transaction with sequential scans discouraged for that transaction only (<c>SET LOCAL</c>: nothing
    /// leaks to the pooled connection). Results are the same: only the plan changes. SQLite is left as it is.
    /// </summary>
    private async Task<T> SearchReadAsync<T>(Func<Task<T>> read, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.PostgreSQL || db.Database.CurrentTransaction is not null)
        {
            return await read();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
        var result = await read();
        await transaction.CommitAsync(ct);
        return result;
    }

    private IQueryable<NormativeDocumentRecord> Criteria(RegisterQuestion question) =>
        ByNumber(db.Documents.AsNoTracking().WithSpecification(new PublicRegisterSpec(question.Filter, question.Today), criteriaOnly: true),
            question.DocumentNumberKey);

    // An IN over the key's (few) entries rather than a correlated EXISTS: SQLite otherwise probed the search table once
    // per published document (0.2–0.7 s on 100,000 documents; ~1 ms this way, on both engines).
    private IQueryable<NormativeDocumentRecord> ByNumber(IQueryable<NormativeDocumentRecord> documents, string? key) =>
        key is null ? documents : documents.Where(d => db.RegisterSearch.Where(e => e.DocumentNumberKey == key).Select(e => e.DocumentId).Contains(d.Id));

    private IQueryable<RegisterRow> Rows(RegisterQuestion question) => question.Search is null
        ? Criteria(question).Select(Projection)
        : Scored(question);

    private IQueryable<RegisterRow> Scored(RegisterQuestion question)
    {
        var (sql, parameters) = SearchSql.Matches(question.Search!, db.Provider);
        var matches = db.Database.SqlQueryRaw<SearchMatch>(sql, parameters);
        return from d in Criteria(question)
               join m in matches on d.Id equals m.DocumentId
               select new RegisterRow
               {
                   Id = d.Id, Title = d.Title, DocumentType = d.DocumentType, DocumentNumber = d.DocumentNumber, UnifiedNumber = d.UnifiedNumber,
                   Stage = d.Stage, PublishedOn = d.PublishedOn, EffectiveDate = d.EffectiveDate, ValidUntil = d.ValidUntil,
                   Termination = d.Termination, TerminatedOn = d.TerminatedOn, IssuingAuthorityId = d.IssuingAuthorityId,
                   IssuingAuthorityName = d.IssuingAuthorityName, DraftingDepartmentId = d.DraftingDepartmentId,
                   DraftingDepartmentName = d.DraftingDepartmentName, PublicationChannel = d.PublicationChannel, Score = m.Score,
               };
    }
}
