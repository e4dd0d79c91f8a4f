using Filing.Core.Register;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Filing.Api.Infrastructure.Data;

/// <summary>
/// Chooses the provider from configuration (<c>Database:Provider</c> = <c>Sqlite</c> (default) or <c>PostgreSQL</c>,
/// connection string <c>ConnectionStrings:Filing</c>) and applies that provider's migrations at start-up. A relative
/// SQLite path is taken from the content root, so <c>dotnet run --project Filing.Api</c> creates
/// <c>Filing.Api/data/filing.db</c>.
/// </summary>
internal static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/filing.db";

    public static IServiceCollection AddFilingDatabase(this IServiceCollection services, IHostEnvironment environment)
    {
        // Read at resolution time, so that hosts (and tests) that add configuration late still choose the database.
        // Aggregates own several collections (versions with findings, steps): load them with one query each rather than
        // one joined query whose rows multiply.
        services.AddDbContext<SqliteFilingDbContext>((sp, o) => o
            .UseSqlite(ResolveSqlite(ConnectionString(sp) ?? DefaultSqliteConnection, environment.ContentRootPath),
                s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(new SqlitePragmas(sp.GetRequiredService<IConfiguration>()["Database:SqliteSynchronous"] ?? "NORMAL")));
        services.AddDbContext<PostgresFilingDbContext>((sp, o) => o.UseNpgsql(ConnectionString(sp) is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException(
                "Database:Provider is PostgreSQL but ConnectionStrings:Filing is empty. Set it, e.g. " +
                "ConnectionStrings__Filing='Host=127.0.0.1;Database=filing;Username=postgres;Password=…'."),
            n => n.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
        services.AddScoped<FilingDbContext>(sp => ReadProvider(sp.GetRequiredService<IConfiguration>()) == DatabaseProvider.Sqlite
            ? sp.GetRequiredService<SqliteFilingDbContext>()
            : sp.GetRequiredService<PostgresFilingDbContext>());
        services.AddScoped<IUnifiedNumberAllocator, UnifiedNumberAllocator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    private static string? ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString("Filing");

    /// <summary>
    /// Applies pending migrations (and SQLite's WAL mode) and fills what a migration cannot compute
    /// (<see cref="DocumentNumberKeyBackfill"/>) before the service takes requests.
    /// </summary>
    public static async Task MigrateFilingDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers run while a registration holds the write lock.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        // A migration may rewrite a large table (SearchTextLz4 recompresses every search text): no 30-second limit.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync(cancellationToken);
        await DocumentNumberKeyBackfill.RunAsync(db, cancellationToken);
    }

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DatabaseProvider.Sqlite;
        }

        return text.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSQL,
            _ => throw new InvalidOperationException($"Database:Provider '{text}' is not supported: use Sqlite or PostgreSQL."),
        };
    }

    private static string ResolveSqlite(string connection, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connection);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return builder.ToString();
        }

        if (!Path.IsPathRooted(source))
        {
            source = Path.GetFullPath(Path.Combine(contentRoot, source));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        builder.DataSource = source;
        return builder.ToString();
    }

    /// <summary>
    /// Per-connection SQLite settings. In WAL mode <c>synchronous=NORMAL</c> keeps every committed transaction across an
    /// application crash and only syncs at checkpoints, so an OS crash or power cut can lose the last commits (never
    /// corrupt the file). It is the usual server setting; set <c>Database:SqliteSynchronous=FULL</c> to sync every commit.
    /// </summary>
    private sealed class SqlitePragmas(string synchronous) : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        private readonly string _sql = synchronous.ToUpperInvariant() is "OFF" or "NORMAL" or "FULL" or "EXTRA"
            ? $"PRAGMA synchronous={synchronous.ToUpperInvariant()};"
            : throw new InvalidOperationException($"Database:SqliteSynchronous '{synchronous}' is not OFF, NORMAL, FULL or EXTRA.");

        public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = _sql;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed class DatabaseHealthCheck(FilingDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }
}
