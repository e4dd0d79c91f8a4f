using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Filing.Api.Infrastructure.Data;

/// <summary>The register on PostgreSQL (<c>Database:Provider=PostgreSQL</c>). Its migrations live in <c>Migrations/PostgreSQL</c>.</summary>
public sealed class PostgresFilingDbContext(DbContextOptions<PostgresFilingDbContext> options) : FilingDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFilingDbContext>
{
    public PostgresFilingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFilingDbContext>().UseNpgsql("Host=localhost;Database=filing_design").Options);
}
