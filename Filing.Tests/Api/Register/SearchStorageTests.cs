using Filing.Api.Infrastructure.Data;
using Filing.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Filing.Tests.Api.Register;

/// <summary>
/// On PostgreSQL the search texts a phrase is checked against are stored LZ4-compressed (migration SearchTextLz4):
/// detoasting pglz dominated phrase queries.
/// </summary>
public sealed class SearchStorageTests(PostgresApiFactory factory) : IClassFixture<PostgresApiFactory>
{
    [Fact]
    public async Task StoresSearchTextsWithLz4_GivenLongPublishedDocument()
    {
        var client = new RegisterClient(factory);
        var clauses = Enumerable.Range(1, 60).Select(i => $"第{i}条 各乡镇人民政府应当依法履行职责，加强行政执法监督，规范行政许可和行政处罚行为，保障公民、法人和其他组织的合法权益。").ToArray();
        var id = await client.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕77号", "桐庐县行政执法监督办法", clauses));
        await client.TakeToAsync(id, "published");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        var methods = await db.Database.SqlQuery<string>($"""
            SELECT pg_column_compression("BodySearch") || '/' || pg_column_compression("Body") AS "Value"
            FROM "RegisterSearch" WHERE "DocumentId" = {id}
            """).ToListAsync();

        methods.Should().Equal("lz4/lz4");
    }
}
