using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Filing.Tests.TestSupport;

/// <summary>
/// The PostgreSQL server the tests run against: the one named by <c>FILING_TEST_POSTGRES</c> (a connection string with
/// rights to create databases) when set, else a throwaway cluster started from the Debian <c>postgresql</c> package's
/// binaries (<c>/usr/lib/postgresql/*/bin</c>) in a temp folder on a free loopback port, stopped when the test run
/// ends. When neither works the PostgreSQL tests fail with a message saying what to install: they are never skipped.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "FILING_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly List<string> _databases = [];
    private readonly string _adminConnection;
    private readonly Action? _stop;

    private PostgresServer(string adminConnection, string description, Action? stop)
    {
        _adminConnection = adminConnection;
        Description = description;
        _stop = stop;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Shutdown();
    }

    /// <summary>Where the server came from, for messages.</summary>
    public string Description { get; }

    /// <summary>The server for this test run, started on first use.</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"ft_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        name = name[..Math.Min(name.Length, 63)];
        await using (var connection = new NpgsqlConnection(_adminConnection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(_adminConnection) { Database = name, MaxPoolSize = 100 }.ConnectionString;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                await using var connection = new NpgsqlConnection(configured);
                await connection.OpenAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
            {
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} is set but the server cannot be reached ({e.Message}). Fix the connection string or unset it to let the tests start their own cluster.", e);
            }

            return new PostgresServer(configured, $"{EnvironmentVariable} server", null);
        }

        return await Task.Run(() => StartThrowawayCluster(durable: false));
    }

    /// <summary>
    /// A cluster of its own (not shared with the tests). <paramref name="durable"/> keeps fsync and synchronous commit on,
    /// as a production server would, for honest write throughput.
    /// </summary>
    public static Task<PostgresServer> StartDedicatedAsync(bool durable) => Task.Run(() => StartThrowawayCluster(durable));

    /// <summary>The maintenance connection (database <c>postgres</c>).</summary>
    public string AdminConnectionString => _adminConnection;

    private static PostgresServer StartThrowawayCluster(bool durable)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "The PostgreSQL tests need a server. Either set " + EnvironmentVariable + " to a connection string " +
                "(e.g. 'Host=127.0.0.1;Username=postgres;Password=postgres'), or install the Debian package that provides " +
                "initdb and pg_ctl under /usr/lib/postgresql/*/bin: apt-get install -y postgresql (.ci/run does this).");
        }

        var asRoot = Environment.UserName == "root";
        SweepStaleClusters();
        var root = Directory.CreateTempSubdirectory("filing-pg-").FullName;
        var data = Path.Combine(root, "data");
        var sockets = Path.Combine(root, "sockets");
        Directory.CreateDirectory(sockets);
        var log = Path.Combine(root, "server.log");
        if (asRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user, so must the folder.
            Run("chown", ["-R", "postgres:postgres", root], null, "give the temp cluster folder to the postgres user");
        }

        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], asRoot, "initdb");
        var port = FreePort();
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -k {sockets} -c max_connections=300 " +
                      (durable ? "-c shared_buffers=256MB" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        try
        {
            Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"], asRoot, "pg_ctl start");
        }
        catch (InvalidOperationException e)
        {
            var serverLog = File.Exists(log) ? File.ReadAllText(log) : "(no log)";
            throw new InvalidOperationException(e.Message + "\nServer log:\n" + serverLog, e);
        }

        var connection = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;

        void Stop()
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot, "pg_ctl stop");
            }
            finally
            {
                TryDelete(root);
            }
        }

        return new PostgresServer(connection, $"throwaway cluster on 127.0.0.1:{port} from {bin}", Stop);
    }

    private void Shutdown()
    {
        if (_stop is not null)
        {
            _stop();
            return;
        }

        // A server we did not start: drop what we created and leave it as we found it.
        List<string> names;
        lock (_databases)
        {
            names = [.. _databases];
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            using var connection = new NpgsqlConnection(_adminConnection);
            connection.Open();
            foreach (var name in names)
            {
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                command.ExecuteNonQuery();
            }
        }
        catch (NpgsqlException)
        {
        }
    }

    /// <summary>Removes clusters of earlier runs whose server is no longer running (a killed test host leaves them).</summary>
    private static void SweepStaleClusters()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "filing-pg-*"))
        {
            if (!File.Exists(Path.Combine(dir, "data", "postmaster.pid")) && Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddMinutes(-1))
            {
                TryDelete(dir);
            }
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next run sweeps it.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, IReadOnlyList<string> arguments, bool? asPostgres, string what)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres == true)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = file;
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {what}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(true);
            throw new InvalidOperationException($"{what} did not finish within two minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed with exit code {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }
    }
}
