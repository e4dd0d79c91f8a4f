using System.Text.Json;
using Filing.Core.Register.Specifications;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Filing.Api.Register.Public;

/// <summary>A full-text match in a result order: what paging needs, without the row itself.</summary>
/// <param name="Id">Document id.</param>
/// <param name="Score">Rank (relevance order; 0 otherwise).</param>
/// <param name="Date">The order's date: publication date, or effective date in the effective-date orders.</param>
public readonly record struct RankedMatch(Guid Id, int Score, DateOnly Date);

/// <summary>
/// What the public register keeps per API instance: the <see cref="RegisterSnapshot"/> of the newest register state it
/// has seen, and the ordered matches of the full-text questions it has answered, each under the question with the
/// <see cref="Feeds.EventLogState.RegisterVersion"/> it was computed for. Every transaction that changes a published
/// document or its search entry moves the version on, so an answer is only ever served for the register state it was
/// computed from (or a newer one), on whichever instance asks (the version is read from the database on every request);
/// an answer of an older state is brought up to date (from the documents changed since) before it is served.
/// What it saves: reading the register for every first-time list, and finding and ranking every match again for each
/// page of the same question, and again after each publication. Rankings are bounded by
/// <see cref="RegisterOptions.ResultCacheRows"/> (~40 bytes a match).
/// </summary>
public sealed class RegisterResultCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<object>> _flights = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _snapshotLoad = new(1, 1);
    private HeldSnapshot? _snapshot;
    private long _carried;
    private long _searched;
    private long _held;

    private sealed record HeldSnapshot(long Version, RegisterSnapshot Snapshot);

    private readonly ILogger? _logger;

    public RegisterResultCache(IOptions<RegisterOptions> options, ILogger<RegisterResultCache>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        BodyTextBudget = Math.Max(0, options.Value.HeldBodyTextMiB) * 1024L * 1024L / sizeof(char);
        var rows = options.Value.ResultCacheRows;
        if (rows > 0)
        {
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = rows, CompactionPercentage = 0.25 });
        }
    }

    /// <summary>Characters of normalised bodies the snapshot may hold (<see cref="RegisterOptions.HeldBodyTextMiB"/>).</summary>
    public long BodyTextBudget { get; }

    /// <summary>False when <see cref="RegisterOptions.ResultCacheRows"/> is 0: every question goes to the database.</summary>
    public bool Enabled => _cache is not null;

    /// <summary>
    /// The value kept under <paramref name="key"/> when it is of register state <paramref name="version"/> or newer, else
    /// the one <paramref name="compute"/> makes for that state (then kept in its place). <paramref name="compute"/> is given
    /// the kept value of an older state, if any, to bring up to date instead of computing afresh. Requests arriving while
    /// the same key and state are being computed wait for that computation instead of starting their own (after a
    /// publication, every request would otherwise read the register at once); if it fails (e.g. its request was
    /// cancelled), each waiter computes for itself.
    /// </summary>
    /// <param name="key">From <see cref="Key"/>.</param>
    /// <param name="version">The register state the caller read.</param>
    /// <param name="compute">Computes the answer from the database, given the older state's one (or null).</param>
    /// <param name="size">Rows the value holds (its share of <see cref="RegisterOptions.ResultCacheRows"/>).</param>
    /// <param name="ct">Cancels this caller's wait (and its own computation).</param>
    public async Task<T> GetOrUpdateAsync<T>(string key, long version, Func<(long Version, T Value)?, Task<T>> compute, Func<T, long> size, CancellationToken ct = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(size);
        if (_cache is null)
        {
            return await compute(null);
        }

        if (Kept<T>(key) is { } kept && kept.Version >= version)
        {
            return kept.Value;
        }

        var flightKey = string.Concat(key, "@", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var flight = _flights.GetOrAdd(flightKey, mine.Task);
        if (flight != mine.Task)
        {
            try
            {
                return (T)await flight.WaitAsync(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested && flight.IsCompleted)
            {
                return await ComputeAndKeepAsync(key, version, compute, size); // the computation waited for failed: try ourselves
            }
        }

        try
        {
            var value = await ComputeAndKeepAsync(key, version, compute, size);
            mine.SetResult(value);
            return value;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            _ = mine.Task.Exception; // observed: waiters (if any) retry on their own
            throw;
        }
        finally
        {
            _flights.TryRemove(new KeyValuePair<string, Task<object>>(flightKey, mine.Task));
        }
    }

    /// <summary>
    /// The newest <see cref="RegisterSnapshot"/> this instance holds when it is of register state
    /// <paramref name="version"/> or newer (an answer at least as new as the state the request read), else the one
    /// <paramref name="load"/> reads, which then replaces it. One slot, not a cache entry: an older state's snapshot is
    /// dropped as soon as a newer one is loaded (after a run of publications the instance must not hold one per state),
    /// and it does not count against <see cref="RegisterOptions.ResultCacheRows"/>. Loads run one at a time; requests
    /// waiting for one use its result.
    /// </summary>
    /// <param name="version">The register state the caller read.</param>
    /// <param name="load">Reads the snapshot; given the held one and its state (null if none), which it may update.</param>
    /// <param name="ct">Cancels this caller's wait.</param>
    public async Task<RegisterSnapshot> SnapshotAsync(long version, Func<(long Version, RegisterSnapshot Snapshot)?, Task<RegisterSnapshot>> load, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (Volatile.Read(ref _snapshot) is { } held && held.Version >= version)
        {
            return held.Snapshot;
        }

        await _snapshotLoad.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _snapshot) is { } loaded && loaded.Version >= version)
            {
                return loaded.Snapshot;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var snapshot = await load(Volatile.Read(ref _snapshot) is { } previous ? (previous.Version, previous.Snapshot) : null);
            Volatile.Write(ref _snapshot, new HeldSnapshot(version, snapshot));
            _logger?.LogInformation(
                "Register snapshot of state {Version}: {Documents} published documents, {Read} read from the database, in {Milliseconds:0} ms",
                version, snapshot.Count, snapshot.DocumentsRead, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return snapshot;
        }
        finally
        {
            _snapshotLoad.Release();
        }
    }

    /// <summary>The held snapshot and its register state, if any (diagnostics and tests).</summary>
    internal (long Version, RegisterSnapshot Snapshot)? Held => Volatile.Read(ref _snapshot) is { } held ? (held.Version, held.Snapshot) : null;

    /// <summary>Rankings brought up to a newer register state from the changed documents instead of made afresh (diagnostics and tests).</summary>
    public long RankingsCarried => Interlocked.Read(ref _carried);

    internal void CountCarried() => Interlocked.Increment(ref _carried);

    /// <summary>Queries whose matches were all found afresh, in the held word index or the search table (diagnostics and tests).</summary>
    public long MatchesSearched => Interlocked.Read(ref _searched);

    internal void CountSearched() => Interlocked.Increment(ref _searched);

    /// <summary>Of <see cref="MatchesSearched"/>, those answered by the held word index (the database tested at most a few documents).</summary>
    public long MatchesHeld => Interlocked.Read(ref _held);

    internal void CountHeld() => Interlocked.Increment(ref _held);

    /// <summary>Whether the held snapshot is of register state <paramref name="version"/> or newer (diagnostics and tests).</summary>
    public bool HoldsSnapshot(long version) => Volatile.Read(ref _snapshot) is { } held && held.Version >= version;

    private (long Version, T Value)? Kept<T>(string key)
        where T : class =>
        _cache!.TryGetValue(key, out Versioned? kept) && kept is { Value: T value } ? (kept.Version, value) : null;

    private async Task<T> ComputeAndKeepAsync<T>(string key, long version, Func<(long Version, T Value)?, Task<T>> compute, Func<T, long> size)
        where T : class
    {
        var value = await compute(Kept<T>(key) is { } kept && kept.Version < version ? kept : null);

        // Another state's computation may have finished first: keep the newer answer.
        if (Kept<T>(key) is not { } newer || newer.Version < version)
        {
            _cache!.Set(key, new Versioned(version, value), new MemoryCacheEntryOptions { Size = Math.Max(1, size(value)), SlidingExpiration = TimeSpan.FromMinutes(30) });
        }

        return value;
    }

    /// <summary>A kept answer and the register state it is of.</summary>
    private sealed record Versioned(long Version, object Value);

    /// <summary>
    /// The cache key of one kind of answer to <paramref name="question"/> (the register state is kept with the answer).
    /// Lists are compared by content (a filter record holds lists, which records compare by reference); the query is keyed
    /// by its parsed form, so <c>法治政府</c> and <c> 法治政府 </c> share an entry.
    /// </summary>
    public static string Key(string kind, RegisterQuestion question, RegisterSort? sort)
    {
        ArgumentNullException.ThrowIfNull(question);
        var search = question.Search is { } s ? new { s.Required, s.Excluded, s.TitleOnly } : null;
        return JsonSerializer.Serialize(new { kind, question.Filter, search, question.DocumentNumberKey, question.Today, sort });
    }

    /// <summary>The cache key of a query's matches (<see cref="Key"/> is a question's: filters, order and day too).</summary>
    public static string MatchesKey(Filing.Core.Search.SearchQuery search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return JsonSerializer.Serialize(new { kind = "matches", search.Required, search.Excluded, search.TitleOnly });
    }

    public void Dispose()
    {
        _cache?.Dispose();
        _snapshotLoad.Dispose();
        _snapshot = null;
    }
}
