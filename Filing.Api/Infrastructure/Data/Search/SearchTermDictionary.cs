using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Filing.Api.Infrastructure.Data.Search;

/// <summary>
/// Numbers terms (<see cref="RegisterSearchTerm"/>): looks them up and adds the missing ones. Adding is
/// <c>INSERT … ON CONFLICT DO NOTHING</c>, so instances adding the same new term at once agree on its number.
/// </summary>
internal static class SearchTermDictionary
{
    private const int Chunk = 500;

    /// <summary>The distinct terms of an entry's title and body terms (space separated), as its full-text structures hold them.</summary>
    public static HashSet<string> TermsOf(string titleTerms, string bodyTerms)
    {
        ArgumentNullException.ThrowIfNull(titleTerms);
        ArgumentNullException.ThrowIfNull(bodyTerms);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in new[] { titleTerms, bodyTerms })
        {
            foreach (var term in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                terms.Add(term);
            }
        }

        return terms;
    }

    /// <summary>
    /// The numbers of <paramref name="terms"/>, adding those the dictionary lacks. <paramref name="known"/>, when given,
    /// holds numbers already read (committed) and receives the new ones. On PostgreSQL the new terms are added on a
    /// connection of their own, committed at once: inside the caller's transaction, two publications adding the same new
    /// term could wait on each other's other locks. Unused rows are harmless, so nothing is lost if the caller rolls back.
    /// </summary>
    public static async Task<int[]> IdsAsync(FilingDbContext db, IReadOnlyCollection<string> terms, Dictionary<string, int>? known, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(terms);
        known ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<int>(terms.Count);
        var missing = new List<string>();
        foreach (var term in terms)
        {
            if (known.TryGetValue(term, out var id))
            {
                ids.Add(id);
            }
            else
            {
                missing.Add(term);
            }
        }

        if (missing.Count == 0)
        {
            return [.. ids];
        }

        await ReadAsync(db, missing, known, ct);
        var added = missing.Where(t => !known.ContainsKey(t)).Order(StringComparer.Ordinal).ToList(); // one order: fewer lock waits
        if (added.Count > 0)
        {
            await AddAsync(db, added, ct);
            await ReadAsync(db, added, known, ct);
        }

        foreach (var term in missing)
        {
            ids.Add(known.TryGetValue(term, out var id) ? id : throw new InvalidOperationException($"The search term '{term}' was added but cannot be read back."));
        }

        return [.. ids];
    }

    private static async Task ReadAsync(FilingDbContext db, List<string> terms, Dictionary<string, int> into, CancellationToken ct)
    {
        foreach (var chunk in terms.Chunk(Chunk))
        {
            var rows = await db.RegisterSearchTerms.AsNoTracking().Where(t => chunk.Contains(t.Term)).Select(t => new { t.Id, t.Term }).ToListAsync(ct);
            foreach (var row in rows)
            {
                into[row.Term] = row.Id;
            }
        }
    }

    private static async Task AddAsync(FilingDbContext db, List<string> terms, CancellationToken ct)
    {
        foreach (var chunk in terms.Chunk(Chunk))
        {
            var values = string.Join(", ", chunk.Select((_, i) => "({" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "})"));
            var sql = $"INSERT INTO \"{RegisterSearchSchema.Terms}\" (\"Term\") VALUES {values} ON CONFLICT (\"Term\") DO NOTHING";
            if (db.Provider == DatabaseProvider.PostgreSQL)
            {
                await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, chunk.Select((_, i) => (object)("$" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray());
                foreach (var term in chunk)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = term });
                }

                await command.ExecuteNonQueryAsync(ct);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync(sql, chunk.Cast<object>(), ct);
            }
        }
    }
}
