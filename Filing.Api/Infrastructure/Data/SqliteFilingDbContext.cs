using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Filing.Api.Infrastructure.Data;

/// <summary>The register on SQLite (the default). Its migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteFilingDbContext(DbContextOptions<SqliteFilingDbContext> options) : FilingDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type: store instants as UTC ticks so they sort and compare in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFilingDbContext>
{
    public SqliteFilingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFilingDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
