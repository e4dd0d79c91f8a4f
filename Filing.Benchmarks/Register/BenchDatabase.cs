using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace Filing.Benchmarks.Register;

/// <summary>Command-line options of the register benchmark commands and the database they name.</summary>
internal sealed record BenchDatabase(DatabaseProvider Provider, string Connection, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Reads <c>--provider sqlite|postgresql --connection "…"</c> and any other <c>--name value</c> pairs.</summary>
    public static BenchDatabase Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            }

            options[args[i][2..]] = args[i + 1];
        }

        var provider = options.GetValueOrDefault("provider", "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgresql" or "postgres" => DatabaseProvider.PostgreSQL,
            var other => throw new ArgumentException($"--provider {other}: sqlite or postgresql."),
        };
        var connection = options.GetValueOrDefault("connection")
            ?? (provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(BenchmarkDocuments.Root, "artifacts", "benchmarks", "register.db")}"
                : throw new ArgumentException("--connection is required for PostgreSQL, e.g. 'Host=127.0.0.1;Port=55432;Username=postgres;Database=filing_bench'."));
        return new BenchDatabase(provider, connection, options);
    }

    public int Int(string name, int fallback) => Options.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => Options.GetValueOrDefault(name);

    /// <summary>A new context (one per unit of work, as one per request in the service).</summary>
    public FilingDbContext Create()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Connection);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(builder.DataSource))!);
            return new SqliteFilingDbContext(new DbContextOptionsBuilder<SqliteFilingDbContext>().UseSqlite(Connection).Options);
        }

        return new PostgresFilingDbContext(new DbContextOptionsBuilder<PostgresFilingDbContext>().UseNpgsql(Connection).Options);
    }

    /// <summary>
    /// Gives every search entry its term set (<see cref="RegisterSearchIndex.BackfillTermSetsAsync"/>): databases seeded
    /// before term sets existed, and the seeder's bulk load (which writes entries only). Returns how many were made.
    /// </summary>
    public async Task<int> EnsureTermSetsAsync()
    {
        await using var db = Create();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var index = new RegisterSearchIndex(db, new Filing.Core.Search.SearchAnalyzer(Filing.Core.Text.JiebaTokenizer.Shared), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RegisterSearchIndex>.Instance);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var made = await index.BackfillTermSetsAsync(CancellationToken.None);
        if (made > 0)
        {
            Console.WriteLine($"term sets: {made:N0} made in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        return made;
    }

    /// <summary>Size of the database (file, or pg_database_size), human readable.</summary>
    public async Task<string> SizeAsync()
    {
        long bytes;
        if (Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Connection).DataSource;
            bytes = new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0);
        }
        else
        {
            await using var db = Create();
            bytes = (await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").ToListAsync()).Single();
        }

        return $"{bytes / 1024.0 / 1024.0 / 1024.0:0.00} GiB";
    }
}
