using Filing.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Filing.Tests.Api.Data;

/// <summary>Each provider's migrations describe the current model: a model change without its migration fails here.</summary>
public class ModelSnapshotTests
{
    [Fact]
    public void HasNoPendingModelChanges_GivenSqliteMigrations()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        db.Database.HasPendingModelChanges().Should().BeFalse(
            "run dotnet ef migrations add <Name> --project Filing.Api --context SqliteFilingDbContext --output-dir Infrastructure/Data/Migrations/Sqlite");
    }

    [Fact]
    public void HasNoPendingModelChanges_GivenPostgresMigrations()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        db.Database.HasPendingModelChanges().Should().BeFalse(
            "run dotnet ef migrations add <Name> --project Filing.Api --context PostgresFilingDbContext --output-dir Infrastructure/Data/Migrations/PostgreSQL");
    }
}
