using Filing.Api.Register.Drafts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Filing.Tests.TestSupport;

/// <summary>
/// Hosts the API in-process in the Development environment (demo organisations and keys seeded) on a fresh SQLite file,
/// with a settable clock and the test stand-in for the review engine.
/// </summary>
public class FilingApiFactory : WebApplicationFactory<Program>
{
    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"filing-test-{Guid.NewGuid():N}.db");

    /// <summary>The clock the service reads; starts on Friday 2024-09-06, 10:00 in Beijing.</summary>
    public FixedTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));

    public virtual string Provider => "Sqlite";

    public virtual string ConnectionString => $"Data Source={_sqliteFile}";

    /// <summary>Public submissions a client may make per minute (generous: test classes share one client address).</summary>
    public virtual int SubmissionPermitLimit => 100_000;

    /// <summary>When true, every log message at every level is captured in <see cref="Logs"/>.</summary>
    public virtual bool CaptureAllLogs => false;

    /// <summary>The captured log output (see <see cref="CaptureAllLogs"/>).</summary>
    public CapturingLoggerProvider Logs { get; } = new();
    /// <summary>Whether the demo register (published demo documents) is seeded; off so that scenarios start from an empty register.</summary>
    public virtual bool SeedDemoRegister => false;

    /// <summary><c>Register:ResultCacheRows</c> (null: the service's default; 0 turns the public register's result cache off).</summary>
    public virtual long? ResultCacheRows => null;

    /// <summary>
    /// <c>Register:SnapshotRefreshSeconds</c>: off by default so that answers come from requests alone (deterministic);
    /// the refresher's own test turns it on.
    /// </summary>
    public virtual int SnapshotRefreshSeconds => 0;

    /// <summary><c>Register:HeldBodyTextMiB</c> (null: the service's default, which holds every body of a test register).</summary>
    public virtual int? HeldBodyTextMiB => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Filing", ConnectionString);
        builder.UseSetting("Participation:RemindersEnabled", "false");
        builder.UseSetting("Participation:NotificationDispatchIntervalSeconds", "0");
        builder.UseSetting("Participation:SubmissionRateLimit:PermitLimit", SubmissionPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Participation:LookupRateLimit:PermitLimit", "100000");
        if (CaptureAllLogs)
        {
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        }

        builder.UseSetting("Demo:Register", SeedDemoRegister ? "true" : "false");
        if (ResultCacheRows is { } rows)
        {
            builder.UseSetting("Register:ResultCacheRows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        builder.UseSetting("Register:SnapshotRefreshSeconds", SnapshotRefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (HeldBodyTextMiB is { } mib)
        {
            builder.UseSetting("Register:HeldBodyTextMiB", mib.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IDraftReviewer, TestDraftReviewer>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }
    }
}

/// <summary>The same host on a fresh database of the test PostgreSQL server.</summary>
public class PostgresApiFactory : FilingApiFactory
{
    private readonly Lazy<string> _connection = new(() =>
    {
        var server = PostgresServer.GetAsync().GetAwaiter().GetResult();
        return server.CreateDatabaseAsync("api").GetAwaiter().GetResult();
    });

    public override string Provider => "PostgreSQL";

    public override string ConnectionString => _connection.Value;
}

/// <summary>An app instance on a given database, so that several instances can share one (as behind a load balancer).</summary>
public sealed class SharedDatabaseApiFactory(string provider, string connectionString, long? resultCacheRows = null, int snapshotRefreshSeconds = 0, int? heldBodyTextMiB = null) : FilingApiFactory
{
    public override string Provider => provider;

    public override string ConnectionString => connectionString;

    public override long? ResultCacheRows => resultCacheRows;

    public override int SnapshotRefreshSeconds => snapshotRefreshSeconds;

    public override int? HeldBodyTextMiB => heldBodyTextMiB;
}

/// <summary>The SQLite host with the public register's result cache off (every answer from the database).</summary>
public sealed class UncachedApiFactory : FilingApiFactory
{
    public override long? ResultCacheRows => 0;
}

/// <summary>The PostgreSQL host with the public register's result cache off.</summary>
public sealed class UncachedPostgresApiFactory : PostgresApiFactory
{
    public override long? ResultCacheRows => 0;
}
