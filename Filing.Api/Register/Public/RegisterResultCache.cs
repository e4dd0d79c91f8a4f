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
/// has seen, and the ordered matches of the full-text questions it has answered, each under the question and the
/// <see cref="Feeds.EventLogState.RegisterVersion"/> it was computed for. Every transaction that changes a published
/// document or its search entry moves the version on, so an answer is only ever served for the register state it was
/// computed from (or a newer one), on whichever instance asks (the version is read from the database on every request).
/// What it saves: reading the register for every first-time list, and finding and ranking every match again for each
/// page of the same question. Rankings are bounded by <see cref="RegisterOptions.ResultCacheRows"/> (~40 bytes a match).
/// </summary>
public sealed class RegisterResultCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<object>> _flights = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _snapshotLoad = new(1, 1);
    private HeldSnapshot? _snapshot;

    private sealed record HeldSnapshot(long Version, RegisterSnapshot Snapshot);

    public RegisterResultCache(IOptions<RegisterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rows = options.Value.ResultCacheRows;
        if (rows > 0)
        {
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = rows, CompactionPercentage = 0.25 });
        }
    }

    /// <summary>False when <see cref="RegisterOptions.ResultCacheRows"/> is 0: every question goes to the database.</summary>
    public bool Enabled => _cache is not null;

    /// <summary>
    /// The cached value for <paramref name="key"/>, or the one <paramref name="compute"/> makes (then kept). Requests
    /// arriving while the same key is being computed wait for that computation instead of starting their own (after a
    /// publication, every request would otherwise read the register at once); if it fails (e.g. its request was
    /// cancelled), each waiter computes for itself.
    /// </summary>
    /// <param name="key">From <see cref="Key"/>.</param>
    /// <param name="compute">Computes the answer from the database.</param>
    /// <param name="size">Rows the value holds (its share of <see cref="RegisterOptions.ResultCacheRows"/>).</param>
    /// <param name="ct">Cancels this caller's wait (and its own computation).</param>
    public async Task<T> GetOrComputeAsync<T>(string key, Func<Task<T>> compute, Func<T, long> size, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(size);
        if (_cache is null)
        {
            return await compute();
        }

        if (_cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }

        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var flight = _flights.GetOrAdd(key, mine.Task);
        if (flight != mine.Task)
        {
            try
            {
                return (T)await flight.WaitAsync(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested && flight.IsCompleted)
            {
                return await ComputeAndKeepAsync(key, compute, size); // the computation waited for failed: try ourselves
            }
        }

        try
        {
            var value = await ComputeAndKeepAsync(key, compute, size);
            mine.SetResult(value!);
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
            _flights.TryRemove(new KeyValuePair<string, Task<object>>(key, mine.Task));
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

            var snapshot = await load(Volatile.Read(ref _snapshot) is { } previous ? (previous.Version, previous.Snapshot) : null);
            Volatile.Write(ref _snapshot, new HeldSnapshot(version, snapshot));
            return snapshot;
        }
        finally
        {
            _snapshotLoad.Release();
        }
    }

    /// <summary>The held snapshot and its register state, if any (diagnostics and tests).</summary>
    internal (long Version, RegisterSnapshot Snapshot)? Held => Volatile.Read(ref _snapshot) is { } held ? (held.Version, held.Snapshot) : null;

    /// <summary>Whether the held snapshot is of register state <paramref name="version"/> or newer (diagnostics and tests).</summary>
    public bool HoldsSnapshot(long version) => Volatile.Read(ref _snapshot) is { } held && held.Version >= version;

    private async Task<T> ComputeAndKeepAsync<T>(string key, Func<Task<T>> compute, Func<T, long> size)
    {
        var value = await compute();
        _cache!.Set(key, value, new MemoryCacheEntryOptions { Size = Math.Max(1, size(value)), SlidingExpiration = TimeSpan.FromMinutes(30) });
        return value;
    }

    /// <summary>
    /// The cache key of one kind of answer to <paramref name="question"/> in register state <paramref name="version"/>.
    /// Lists are compared by content (a filter record holds lists, which records compare by reference); the query is keyed
    /// by its parsed form, so <c>法治政府</c> and <c> 法治政府 </c> share an entry.
    /// </summary>
    public static string Key(string kind, RegisterQuestion question, RegisterSort? sort, long version)
    {
        ArgumentNullException.ThrowIfNull(question);
        var search = question.Search is { } s ? new { s.Required, s.Excluded, s.TitleOnly } : null;
        return JsonSerializer.Serialize(new { kind, version, question.Filter, search, question.DocumentNumberKey, question.Today, sort });
    }

    public void Dispose()
    {
        _cache?.Dispose();
        _snapshotLoad.Dispose();
        _snapshot = null;
    }
}
