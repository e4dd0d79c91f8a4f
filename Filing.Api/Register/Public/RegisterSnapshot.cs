using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Data.Search;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Filing.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Register.Public;

/// <summary>
/// What the public register's filters, orders, facets and ranking read of every published document, its terms as a word
/// index (<see cref="RegisterTermIndex"/>) and, within <see cref="RegisterOptions.HeldBodyTextMiB"/>, its normalised
/// body (<see cref="HeldBodies"/>), held in memory for one register state (<see cref="Feeds.EventLogState.RegisterVersion"/>)
/// in the <see cref="RegisterResultCache"/>. Loaded once per instance and brought up to date from the changed documents,
/// it answers every question after that without reading the register again: a list's total and page, the facets, and a
/// full-text question's matches (<see cref="MatchHeld"/>: the database is asked only about what memory cannot tell),
/// their filters and order. Counting tens of thousands of documents in SQL costs 10–45 ms on PostgreSQL at 100,000 documents
/// whatever the index; here it is a pass over an array.
/// <para>Its filters are <see cref="PublicRegisterSpec"/>'s criteria, written once more for memory (number look-ups
/// excepted: they stay SQL index look-ups); status uses <see cref="DocumentStatusRules.Derive"/>, the rule
/// <see cref="DocumentStatusExpressions"/> expresses in SQL. Tests hold both paths to the same answers on both engines.</para>
/// </summary>
public sealed partial class RegisterSnapshot
{
    private readonly Entry[] _byPublished;
    private readonly int[] _byEffective;
    private readonly Dictionary<Guid, int> _positions;
    private readonly Dictionary<long, int> _entryPositions;
    private readonly RankText[] _texts;
    private readonly RegisterTermIndex _terms;
    private readonly int[] _slotPositions;
    private readonly ulong[] _indexed;
    private readonly ulong[] _entries;
    private readonly HeldBodies _bodies;

    /// <summary>Each body slot's position (negative: replaced or gone).</summary>
    private readonly int[] _bodySlotPositions;
    private readonly long _bodyBudget;

    /// <summary>
    /// What <see cref="SearchSql.RankOf"/> reads of a document's search entry, in one string (normalised title, NUL, title
    /// terms with a space before and after, NUL, keywords): ranking 100,000 matches is bound by memory latency, and one
    /// object a document, laid out in publication order, is one cache miss where four separate objects were four.
    /// </summary>
    private readonly record struct RankText(string? Joined, int TitleEnd, int TermsEnd, long EntryId)
    {
        /// <summary>Joins a search entry's texts; made in publication order, the joined strings lie in memory in that order.</summary>
        public static RankText Of(EntryTexts? texts)
        {
            if (texts is not var (entryId, titleSearch, titleTerms, keywords))
            {
                return default;
            }

            var joined = string.Concat(titleSearch, "\0 ", titleTerms, " \0", keywords);
            return new(joined, titleSearch.Length, titleSearch.Length + titleTerms.Length + 3, entryId);
        }

        public bool Held => Joined is not null;

        public ReadOnlySpan<char> TitleSearch => Joined.AsSpan(0, TitleEnd);

        public ReadOnlySpan<char> SpacedTitleTerms => Joined.AsSpan(TitleEnd + 1, TermsEnd - TitleEnd - 1);

        public ReadOnlySpan<char> Keywords => Joined.AsSpan(TermsEnd + 1);
    }

    /// <summary>A search entry's texts as read, before they are joined into a <see cref="RankText"/>.</summary>
    private readonly record struct EntryTexts(long EntryId, string TitleSearch, string TitleTerms, string Keywords);

    /// <param name="byPublished">The published documents, newest publication first (<see cref="ComparePublished"/>).</param>
    /// <param name="texts">Their ranking texts, aligned (not <see cref="RankText.Held"/>: no search entry yet).</param>
    /// <param name="byEffective">Positions in <paramref name="byPublished"/>, newest effective date first (<see cref="CompareEffective"/>).</param>
    /// <param name="terms">The word index of the held documents' term sets.</param>
    /// <param name="slotPositions">Its slots' positions in <paramref name="byPublished"/> (negative: not held, or replaced).</param>
    /// <param name="bodies">Normalised bodies by body slot, where held (<see cref="RegisterOptions.HeldBodyTextMiB"/>).</param>
    /// <param name="bodySlotPositions">The body slots' positions in <paramref name="byPublished"/> (negative: replaced or gone).</param>
    /// <param name="bodyBudget">Characters of bodies this snapshot and its updates may hold.</param>
    private RegisterSnapshot(
        Entry[] byPublished, RankText[] texts, int[] byEffective, RegisterTermIndex terms, int[] slotPositions, HeldBodies bodies, int[] bodySlotPositions, long bodyBudget)
    {
        _byPublished = byPublished;
        _bodies = bodies;
        _bodySlotPositions = bodySlotPositions;
        _bodyBudget = bodyBudget;
        for (var slot = 0; slot < bodySlotPositions.Length; slot++)
        {
            HeldBodyChars += bodySlotPositions[slot] >= 0 ? bodies.TextOf(slot)?.Length ?? 0 : 0;
        }

        _texts = texts;
        _byEffective = byEffective;
        _terms = terms;
        _slotPositions = slotPositions;
        _positions = new Dictionary<Guid, int>(byPublished.Length);
        _entryPositions = new Dictionary<long, int>(byPublished.Length);
        _indexed = new ulong[RegisterTermIndex.Words(byPublished.Length)];
        _entries = new ulong[_indexed.Length];
        for (var i = 0; i < byPublished.Length; i++)
        {
            _positions[byPublished[i].Id] = i;
            if (texts[i].Held)
            {
                _entryPositions[texts[i].EntryId] = i;
                _entries[i >> 6] |= 1UL << i;
            }
        }

        foreach (var position in slotPositions)
        {
            if (position >= 0)
            {
                _indexed[position >> 6] |= 1UL << position;
                _entries[position >> 6] |= 1UL << position;
            }
        }

        UnindexedCount = 0;
        for (var w = 0; w < _entries.Length; w++)
        {
            UnindexedCount += System.Numerics.BitOperations.PopCount(_entries[w] & ~_indexed[w]);
        }
    }

    /// <summary>The snapshot of <paramref name="entries"/> in any order, sorted here; slot <c>i</c> of the word index is <c>entries[i]</c>.</summary>
    private static RegisterSnapshot Sorted(Entry[] entries, EntryTexts?[] texts, byte[]?[] sets, RegisterTermIndex terms, string?[] bodies, long bodyBudget)
    {
        var order = Enumerable.Range(0, entries.Length).ToArray();
        Array.Sort(order, (x, y) => ComparePublished(in entries[x], in entries[y]));
        var byPublished = new Entry[entries.Length];
        var sortedTexts = new RankText[entries.Length];
        for (var i = 0; i < order.Length; i++)
        {
            byPublished[i] = entries[order[i]];
            sortedTexts[i] = RankText.Of(texts[order[i]]);
        }

        var slotPositions = new int[terms.Slots];
        Array.Fill(slotPositions, -1);
        for (var i = 0; i < order.Length; i++)
        {
            if (sets[order[i]] is not null)
            {
                slotPositions[order[i]] = i;
            }
        }

        // Body slot i is entries[i], as for the word index (but every entry, with a term set or not).
        var bodySlotPositions = new int[entries.Length];
        for (var i = 0; i < order.Length; i++)
        {
            bodySlotPositions[order[i]] = i;
        }

        var byEffective = Enumerable.Range(0, byPublished.Length).ToArray();
        Array.Sort(byEffective, (x, y) => CompareEffective(in byPublished[x], in byPublished[y]));
        return new RegisterSnapshot(byPublished, sortedTexts, byEffective, terms, slotPositions, HeldBodies.Build(bodies), bodySlotPositions, bodyBudget);
    }

    /// <summary>Publication order: newest first, then id descending (<see cref="PublicRegisterSpec"/>'s keyset).</summary>
    private static int ComparePublished(in Entry a, in Entry b) =>
        a.PublishedOn != b.PublishedOn ? b.PublishedOn.CompareTo(a.PublishedOn) : b.Id.CompareTo(a.Id);

    /// <summary>Effective-date order: newest first, then id descending.</summary>
    private static int CompareEffective(in Entry a, in Entry b) =>
        a.EffectiveDate != b.EffectiveDate ? b.EffectiveDate.CompareTo(a.EffectiveDate) : b.Id.CompareTo(a.Id);

    /// <summary>A published document's filterable facts.</summary>
    public readonly record struct Entry(
        Guid Id,
        Guid IssuingAuthorityId,
        string IssuingAuthorityName,
        Guid DraftingDepartmentId,
        string? DocumentType,
        LifecycleStage Stage,
        DateOnly PublishedOn,
        DateOnly EffectiveDate,
        DateOnly? ValidUntil,
        TerminationKind? Termination,
        DateOnly? TerminatedOn)
    {
        /// <summary>The status on <paramref name="today"/>.</summary>
        public DocumentStatus StatusOn(DateOnly today) =>
            DocumentStatusRules.Derive(Stage, Termination, TerminatedOn, ValidUntil, EffectiveDate, today);
    }

    /// <summary>Positions ranked by one task (<see cref="Rank"/>).</summary>
    private const int RankRange = 16_384;

    /// <summary>Published documents held.</summary>
    public int Count => _byPublished.Length;

    /// <summary>Documents read from the database to make this snapshot: all of them, or the changed ones of an update.</summary>
    public int DocumentsRead { get; private set; }

    /// <summary>The held documents in publication order (newest first) with their ranking texts, for tests and diagnostics.</summary>
    internal IEnumerable<(Entry Entry, string? TitleSearch, string? SpacedTitleTerms, string? Keywords)> Contents() =>
        _byPublished.Select((e, i) => _texts[i].Held
            ? (e, _texts[i].TitleSearch.ToString(), _texts[i].SpacedTitleTerms.ToString(), _texts[i].Keywords.ToString())
            : (e, (string?)null, (string?)null, (string?)null));

    /// <summary>The held documents' ids in effective-date order (newest first), for tests and diagnostics.</summary>
    internal IEnumerable<Guid> EffectiveOrder() => _byEffective.Select(i => _byPublished[i].Id);

    /// <summary>Held documents with a search entry but no term set yet (found through the database, not the word index).</summary>
    public int UnindexedCount { get; }

    /// <summary>Characters of normalised bodies held.</summary>
    public long HeldBodyChars { get; }

    /// <summary>Reads the published documents (what an anonymous caller sees), holding no bodies.</summary>
    public static Task<RegisterSnapshot> LoadAsync(FilingDbContext db, CancellationToken ct) => LoadAsync(db, 0, ct);

    /// <summary>Reads the published documents (what an anonymous caller sees), holding bodies up to <paramref name="bodyBudget"/> characters.</summary>
    public static async Task<RegisterSnapshot> LoadAsync(FilingDbContext db, long bodyBudget, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (entries, texts, sets, bodies) = await ReadAsync(db, null, new Dictionary<string, string>(StringComparer.Ordinal), bodyBudget, ct);
        var terms = RegisterTermIndex.Build(sets, await TermsAsync(db, 0, ct));
        var snapshot = Sorted(entries, texts, sets, terms, bodies, bodyBudget);
        snapshot.DocumentsRead = entries.Length;
        return snapshot;
    }

    /// <summary>The term dictionary's rows after number <paramref name="after"/>; read after the term sets, so it names every number they use.</summary>
    private static async Task<List<(int Id, string Term)>> TermsAsync(FilingDbContext db, int after, CancellationToken ct) =>
        (await db.RegisterSearchTerms.AsNoTracking().Where(t => t.Id > after).Select(t => new { t.Id, t.Term }).ToListAsync(ct))
            .ConvertAll(t => (t.Id, t.Term));

    /// <summary>
    /// This snapshot brought up to date for the documents in <paramref name="changed"/> (those a
    /// <see cref="Feeds.RegisterChange"/> names since this snapshot's state): each is read again, and replaces, joins or
    /// leaves the held documents as it now is published or not. Every other document is kept as held. The result is the
    /// snapshot <see cref="LoadAsync(FilingDbContext, long, CancellationToken)"/> would read, at the cost of reading the changed documents only.
    /// </summary>
    public async Task<RegisterSnapshot> UpdateAsync(FilingDbContext db, IReadOnlyCollection<Guid> changed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changed);
        var removed = new bool[_byPublished.Length];
        var kept = _byPublished.Length;
        foreach (var id in changed)
        {
            if (_positions.TryGetValue(id, out var position) && !removed[position])
            {
                removed[position] = true;
                kept--;
            }
        }

        var keptBodies = HeldBodyChars;
        var droppedBodies = new List<int>();
        for (var slot = 0; slot < _bodySlotPositions.Length; slot++)
        {
            if (_bodySlotPositions[slot] is var position and >= 0 && removed[position])
            {
                droppedBodies.Add(slot);
                keptBodies -= _bodies.TextOf(slot)?.Length ?? 0;
            }
        }

        var (fresh, freshTexts, freshSets, freshBodies) = await ReadAsync(db, changed, new Dictionary<string, string>(StringComparer.Ordinal), _bodyBudget - keptBodies, ct);

        // Both orders are merges of the held order (less the changed documents) with the few re-read ones: no full sort.
        var byPublished = new Entry[kept + fresh.Length];
        var texts = new RankText[byPublished.Length];
        var heldTo = new int[_byPublished.Length];
        var freshTo = new int[fresh.Length];
        var freshByPublished = Enumerable.Range(0, fresh.Length).ToArray();
        Array.Sort(freshByPublished, (x, y) => ComparePublished(in fresh[x], in fresh[y]));
        int h = 0, f = 0;
        for (var next = 0; next < byPublished.Length; next++)
        {
            while (h < _byPublished.Length && removed[h])
            {
                h++;
            }

            if (f < fresh.Length && (h == _byPublished.Length || ComparePublished(in fresh[freshByPublished[f]], in _byPublished[h]) < 0))
            {
                var i = freshByPublished[f++];
                (byPublished[next], texts[next], freshTo[i]) = (fresh[i], RankText.Of(freshTexts[i]), next);
            }
            else
            {
                (byPublished[next], texts[next], heldTo[h]) = (_byPublished[h], _texts[h], next);
                h++;
            }
        }

        var byEffective = new int[byPublished.Length];
        var freshByEffective = Enumerable.Range(0, fresh.Length).ToArray();
        Array.Sort(freshByEffective, (x, y) => CompareEffective(in fresh[x], in fresh[y]));
        h = 0;
        f = 0;
        for (var next = 0; next < byEffective.Length; next++)
        {
            while (h < _byEffective.Length && removed[_byEffective[h]])
            {
                h++;
            }

            if (f < fresh.Length && (h == _byEffective.Length || CompareEffective(in fresh[freshByEffective[f]], in _byPublished[_byEffective[h]]) < 0))
            {
                byEffective[next] = freshTo[freshByEffective[f++]];
            }
            else
            {
                byEffective[next] = heldTo[_byEffective[h++]];
            }
        }

        // The re-read documents' term sets take new slots; their old slots (and those of documents gone) map nowhere.
        var added = new List<byte[]>();
        var addedPositions = new List<int>();
        for (var i = 0; i < fresh.Length; i++)
        {
            if (freshSets[i] is { } set)
            {
                added.Add(set);
                addedPositions.Add(freshTo[i]);
            }
        }

        var terms = _terms.With(added, await TermsAsync(db, _terms.KnownTermsUpTo, ct));
        var slotPositions = new int[terms.Slots];
        for (var slot = 0; slot < _slotPositions.Length; slot++)
        {
            var was = _slotPositions[slot];
            slotPositions[slot] = was < 0 || removed[was] ? -1 : heldTo[was];
        }

        addedPositions.CopyTo(slotPositions, _slotPositions.Length);

        // Likewise the bodies: every re-read document takes a new body slot (held or not), the old ones map nowhere.
        var bodies = _bodies.With(freshBodies, droppedBodies);
        var bodySlotPositions = new int[bodies.Slots];
        for (var slot = 0; slot < _bodySlotPositions.Length; slot++)
        {
            var was = _bodySlotPositions[slot];
            bodySlotPositions[slot] = was < 0 || removed[was] ? -1 : heldTo[was];
        }

        freshTo.CopyTo(bodySlotPositions, _bodySlotPositions.Length);
        return new RegisterSnapshot(byPublished, texts, byEffective, terms, slotPositions, bodies, bodySlotPositions, _bodyBudget) { DocumentsRead = fresh.Length };
    }

    /// <summary>Slots of the word index that no held document uses any more (replaced by an update, or gone).</summary>
    public int UnusedSlots => _slotPositions.Count(p => p < 0);

    /// <summary>
    /// The published documents (all, or those among <paramref name="only"/>) and their ranking texts: the short texts
    /// ranking reads (title, title terms, keywords: ~130 characters a document), so that a full-text question only asks
    /// the database which documents match, not to rank each of them (on PostgreSQL the rank's substring tests cost about
    /// as much as finding 100,000 matches).
    /// </summary>
    private static async Task<(Entry[] Entries, EntryTexts?[] Texts, byte[]?[] Sets, string?[] Bodies)> ReadAsync(
        FilingDbContext db, IReadOnlyCollection<Guid>? only, Dictionary<string, string> names, long bodyBudget, CancellationToken ct)
    {
        var documents = db.Documents.AsNoTracking().Where(DocumentVisibility.For(Caller.Anonymous));
        var search = db.RegisterSearch.AsNoTracking();
        var termSets = db.RegisterSearchTermSets.AsNoTracking();
        if (only is not null)
        {
            documents = documents.Where(d => only.Contains(d.Id));
            search = search.Where(e => only.Contains(e.DocumentId));
            termSets = termSets.Where(s => only.Contains(s.DocumentId));
        }

        var rows = await documents
            .Select(d => new
            {
                d.Id, d.IssuingAuthorityId, d.IssuingAuthorityName, d.DraftingDepartmentId, d.DocumentType, d.Stage,
                d.PublishedOn, d.EffectiveDate, d.ValidUntil, d.Termination, d.TerminatedOn,
            })
            .ToListAsync(ct);
        string Shared(string s) => names.TryGetValue(s, out var kept) ? kept : names[s] = s; // one string per authority name and type
        var entries = rows.Select(r => new Entry(
            r.Id, r.IssuingAuthorityId, Shared(r.IssuingAuthorityName), r.DraftingDepartmentId, r.DocumentType is null ? null : Shared(r.DocumentType), r.Stage,
            r.PublishedOn ?? throw new InvalidOperationException($"Published document {r.Id} has no publication date."),
            r.EffectiveDate ?? throw new InvalidOperationException($"Published document {r.Id} has no effective date."),
            r.ValidUntil, r.Termination, r.TerminatedOn)).ToArray();
        var positions = new Dictionary<Guid, int>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            positions[entries[i].Id] = i;
        }

        var texts = new EntryTexts?[entries.Length];
        await foreach (var t in search.Select(e => new { e.Id, e.DocumentId, e.TitleSearch, e.TitleTerms, e.Keywords }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (positions.TryGetValue(t.DocumentId, out var position))
            {
                texts[position] = new EntryTexts(t.Id, t.TitleSearch, t.TitleTerms, t.Keywords);
            }
        }

        var sets = new byte[]?[entries.Length];
        await foreach (var set in termSets.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (positions.TryGetValue(set.DocumentId, out var position))
            {
                sets[position] = set.TermIds;
            }
        }

        // Bodies last and apart (the widest column): read while the budget lasts, the rest left to the database.
        var bodies = new string?[entries.Length];
        if (bodyBudget > 0)
        {
            await foreach (var b in search.Select(e => new { e.DocumentId, e.BodySearch }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (b.BodySearch.Length <= bodyBudget && positions.TryGetValue(b.DocumentId, out var position))
                {
                    bodies[position] = b.BodySearch;
                    bodyBudget -= b.BodySearch.Length;
                }
            }
        }

        return (entries, texts, sets, bodies);
    }

    /// <summary>The entry of a published document, when it is one.</summary>
    public bool TryGet(Guid id, out Entry entry)
    {
        if (_positions.TryGetValue(id, out var position))
        {
            entry = _byPublished[position];
            return true;
        }

        entry = default;
        return false;
    }

    /// <summary>
    /// <see cref="PublicRegisterSpec"/>'s criteria for <paramref name="filter"/> on <paramref name="today"/>, except the
    /// unified-number look-up (callers send those to SQL).
    /// </summary>
    public static Func<Entry, bool> Criteria(PublicRegisterFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.UnifiedNumber is not null)
        {
            throw new ArgumentException("Unified-number look-ups are index look-ups in SQL, not snapshot filters.", nameof(filter));
        }

        var statuses = filter.Statuses is { Count: > 0 } s ? s.ToHashSet() : null;
        var authorities = filter.IssuingAuthorityIds is { } a ? a.ToHashSet() : null;
        var departments = filter.DraftingDepartmentIds is { } d ? d.ToHashSet() : null;
        var types = filter.DocumentTypes is { } t ? t.ToHashSet(StringComparer.Ordinal) : null;
        var (inForceOn, publishedFrom, publishedTo, effectiveFrom, effectiveTo, year) =
            (filter.InForceOn, filter.PublishedFrom, filter.PublishedTo, filter.EffectiveFrom, filter.EffectiveTo, filter.Year);
        return e =>
            (statuses is null || statuses.Contains(e.StatusOn(today)))
            && (inForceOn is not { } day || (e.StatusOn(day) == DocumentStatus.InForce && e.PublishedOn <= day))
            && (authorities is null || authorities.Contains(e.IssuingAuthorityId))
            && (departments is null || departments.Contains(e.DraftingDepartmentId))
            && (types is null || (e.DocumentType is not null && types.Contains(e.DocumentType)))
            && (publishedFrom is not { } pf || e.PublishedOn >= pf)
            && (publishedTo is not { } pt || e.PublishedOn <= pt)
            && (effectiveFrom is not { } ef || e.EffectiveDate >= ef)
            && (effectiveTo is not { } et || e.EffectiveDate <= et)
            && (year is not { } y || e.PublishedOn.Year == y);
    }

    /// <summary>How many documents pass <paramref name="criteria"/>.</summary>
    public int CountOf(Func<Entry, bool> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var count = 0;
        foreach (var entry in _byPublished)
        {
            if (criteria(entry))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The ids of one page in a date order (<see cref="PublicRegisterSpec"/>'s keyset: date, then id), after
    /// <paramref name="after"/> (which need not be held).
    /// </summary>
    public List<Guid> Page(Func<Entry, bool> criteria, RegisterSort sort, RegisterCursor? after, int take)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (sort == RegisterSort.Relevance)
        {
            throw new ArgumentException("Relevance order needs a full-text query.", nameof(sort));
        }

        var effective = sort is RegisterSort.EffectiveAscending or RegisterSort.EffectiveDescending;
        var ascending = sort is RegisterSort.PublishedAscending or RegisterSort.EffectiveAscending;
        var length = _byPublished.Length;
        Entry At(int i) => _byPublished[effective ? _byEffective[ascending ? length - 1 - i : i] : ascending ? length - 1 - i : i];
        var cursor = after is null ? (RankedMatch?)null : new RankedMatch(after.Id, 0, after.Date);

        // First position after the cursor: binary search over the order.
        int low = 0, high = length;
        while (cursor is { } c && low < high)
        {
            var middle = low + ((high - low) / 2);
            var entry = At(middle);
            if (PublicRegisterQuery.Compare(new RankedMatch(entry.Id, 0, effective ? entry.EffectiveDate : entry.PublishedOn), c, sort) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var page = new List<Guid>(Math.Min(take, 256));
        for (var i = cursor is null ? 0 : low; i < length && page.Count < take; i++)
        {
            var entry = At(i);
            if (criteria(entry))
            {
                page.Add(entry.Id);
            }
        }

        return page;
    }

    /// <summary>
    /// A full-text question's matches (from the search table) that pass <paramref name="criteria"/>, ranked and ordered
    /// as <see cref="PublicRegisterQuery.PageAsync"/> orders them in SQL (rank, then date, then id). Matches of documents
    /// not held (not published) are left out, as the SQL join with the published documents leaves them out. No
    /// comparison sort: the held documents are already in each date order, so the matches are marked and read off in that
    /// order into one bucket per rank.
    /// </summary>
    /// <param name="matches">The matching documents.</param>
    /// <param name="query">The query, for <see cref="SearchSql.RankOf"/>.</param>
    /// <param name="criteria">The question's filters.</param>
    /// <param name="sort">The order.</param>
    public RankedMatch[] Rank(IReadOnlyList<Guid> matches, SearchQuery query, Func<Entry, bool> criteria, RegisterSort sort)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(criteria);
        var rankOf = SearchSql.RankOf(query);
        var length = _byPublished.Length;
        var ranks = new int[length];
        Array.Fill(ranks, -1);

        // Marked first, then ranked in publication order: the entries and texts are then read in the order they lie in
        // memory, not in the order the database found the matches.
        if (matches is Guid[] made && _madeFrom.TryGetValue(made, out var positions))
        {
            for (var w = 0; w < positions.Length; w++)
            {
                for (var word = positions[w]; word != 0; word &= word - 1)
                {
                    ranks[(w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word)] = 0;
                }
            }
        }
        else
        {
            foreach (var id in matches)
            {
                if (_positions.TryGetValue(id, out var position))
                {
                    ranks[position] = 0;
                }
            }
        }

        // Ranked in ranges of positions over the cores (each range written by one thread): the substring tests of
        // 100,000 matches took ~20 ms on one.
        var top = 0;
        var perRank = new int[SearchSql.MostRank(query) + 1];
        Parallel.For(0, (length + RankRange - 1) / RankRange, range =>
        {
            var rangeTop = 0;
            var rangeCounts = new int[perRank.Length];
            for (var position = range * RankRange; position < Math.Min(length, (range + 1) * RankRange); position++)
            {
                if (ranks[position] < 0)
                {
                    continue;
                }

                if (!criteria(_byPublished[position]))
                {
                    ranks[position] = -1;
                    continue;
                }

                // A match without texts here was indexed after the snapshot was read (a newer register state): rank 0.
                var text = _texts[position];
                var rank = text.Held ? rankOf(text.TitleSearch, text.SpacedTitleTerms, text.Keywords) : 0;
                ranks[position] = rank;
                rangeTop = Math.Max(rangeTop, rank);
                rangeCounts[rank]++;
            }

            for (var rank = 0; rank < rangeCounts.Length; rank++)
            {
                Interlocked.Add(ref perRank[rank], rangeCounts[rank]);
            }

            for (var seen = Volatile.Read(ref top); rangeTop > seen; seen = Volatile.Read(ref top))
            {
                if (Interlocked.CompareExchange(ref top, rangeTop, seen) == seen)
                {
                    break;
                }
            }
        });

        // One walk in the date order, each match written straight to its place: in relevance order after the matches of
        // higher ranks (counted above), else in walk order.
        var effective = sort is RegisterSort.EffectiveAscending or RegisterSort.EffectiveDescending;
        var ascending = sort is RegisterSort.PublishedAscending or RegisterSort.EffectiveAscending;
        var relevance = sort == RegisterSort.Relevance;
        var next = new int[relevance ? top + 1 : 1];
        for (var rank = top - 1; relevance && rank >= 0; rank--)
        {
            next[rank] = next[rank + 1] + perRank[rank + 1];
        }

        var ranked = new RankedMatch[perRank.Sum()];
        for (var i = 0; i < length; i++)
        {
            var position = effective ? _byEffective[ascending ? length - 1 - i : i] : ascending ? length - 1 - i : i;
            if (ranks[position] is var rank and >= 0)
            {
                ref readonly var entry = ref _byPublished[position];
                ranked[next[relevance ? rank : 0]++] = new RankedMatch(entry.Id, rank, effective ? entry.EffectiveDate : entry.PublishedOn);
            }
        }

        return ranked;
    }

    /// <summary>
    /// A ranking made in an older register state (by <see cref="Rank"/>, for the same question and order), brought up to
    /// this snapshot's state: the documents in <paramref name="changed"/> (every document changed since, from the
    /// <see cref="Feeds.RegisterChange"/> rows) leave it, and those of them that match now (<paramref name="matching"/>, the
    /// search table's answer for them) are ranked against this snapshot and merged in at their place. Every other match
    /// keeps its place, rank and date: its document, search entry and so rank, date and filters are as they were. The
    /// result is <see cref="Rank"/> over all current matches, at the cost of testing the changed documents only.
    /// </summary>
    /// <param name="held">The older ranking.</param>
    /// <param name="changed">Documents changed since it was made.</param>
    /// <param name="matching">Those of them that match the query now.</param>
    /// <param name="query">The query.</param>
    /// <param name="criteria">The question's filters.</param>
    /// <param name="sort">The order.</param>
    public RankedMatch[] Carry(RankedMatch[] held, IReadOnlySet<Guid> changed, IReadOnlyList<Guid> matching, SearchQuery query, Func<Entry, bool> criteria, RegisterSort sort)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(changed);
        var fresh = Rank(matching, query, criteria, sort);
        var merged = new RankedMatch[held.Length + fresh.Length];
        int h = 0, f = 0, n = 0;
        while (h < held.Length || f < fresh.Length)
        {
            if (h < held.Length && changed.Contains(held[h].Id))
            {
                h++;
            }
            else if (f == fresh.Length || (h < held.Length && PublicRegisterQuery.Compare(held[h], fresh[f], sort) < 0))
            {
                merged[n++] = held[h++];
            }
            else
            {
                merged[n++] = fresh[f++];
            }
        }

        Array.Resize(ref merged, n);
        return merged;
    }

    /// <summary>
    /// The held documents of the search entries <paramref name="entryIds"/> (what a word test finds without reading the
    /// entries themselves); an entry not held here (indexed after this snapshot was read) is left out, as
    /// <see cref="Rank"/> leaves out documents not held.
    /// </summary>
    public Guid[] DocumentsOfEntries(IReadOnlyList<long> entryIds)
    {
        ArgumentNullException.ThrowIfNull(entryIds);
        var documents = new List<Guid>(entryIds.Count);
        foreach (var entryId in entryIds)
        {
            if (_entryPositions.TryGetValue(entryId, out var position))
            {
                documents.Add(_byPublished[position].Id);
            }
        }

        return [.. documents];
    }

    /// <summary>The held entries of <paramref name="ids"/> (documents not held are left out).</summary>
    public IEnumerable<Entry> EntriesOf(IEnumerable<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            if (TryGet(id, out var entry))
            {
                yield return entry;
            }
        }
    }

    /// <summary>All held documents passing <paramref name="criteria"/>.</summary>
    public IEnumerable<Entry> Where(Func<Entry, bool> criteria) => _byPublished.Where(criteria);

    /// <summary>Facet counts over <paramref name="entries"/>, ordered as the SQL facets are.</summary>
    public static RegisterFacetCounts Facets(IEnumerable<Entry> entries, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var authorities = new Dictionary<(Guid, string), int>();
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        var untyped = 0;
        var statuses = new Dictionary<DocumentStatus, int>();
        var years = new Dictionary<int, int>();
        var total = 0;
        foreach (var e in entries)
        {
            total++;
            Increment(authorities, (e.IssuingAuthorityId, e.IssuingAuthorityName));
            if (e.DocumentType is null)
            {
                untyped++;
            }
            else
            {
                Increment(types, e.DocumentType);
            }

            Increment(statuses, e.StatusOn(today));
            Increment(years, e.PublishedOn.Year);
        }

        var typeCounts = types.Select(t => (Key: (string?)t.Key, Count: t.Value));
        if (untyped > 0)
        {
            typeCounts = typeCounts.Append((null, untyped));
        }

        return new RegisterFacetCounts(
            total,
            [.. authorities.OrderByDescending(a => a.Value).ThenBy(a => a.Key.Item2, StringComparer.Ordinal)
                .Select(a => new FacetCount(a.Key.Item1.ToString("D"), a.Key.Item2, a.Value))],
            [.. typeCounts.OrderByDescending(t => t.Count).ThenBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => new FacetCount(t.Key ?? "", t.Key is null ? PublicRegisterQuery.UntypedLabel : null, t.Count))],
            [.. statuses.Select(s => new FacetCount(Infrastructure.JsonNaming.Kebab(s.Key.ToString()), null, s.Value))
                .OrderByDescending(s => s.Count).ThenBy(s => s.Value, StringComparer.Ordinal)],
            [.. years.OrderByDescending(y => y.Key).Select(y => new FacetCount(y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), null, y.Value))]);
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
