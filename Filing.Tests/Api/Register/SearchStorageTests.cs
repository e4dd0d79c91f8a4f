using Filing.Api.Infrastructure.Data;
using Filing.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Filing.Tests.Api.Register;

/// <summary>
/// PostgreSQL storage of the search entries: the texts a phrase is checked against are LZ4-compressed (migration
/// SearchTextLz4: detoasting pglz dominated phrase queries), and the tsvectors live in their own narrow table, kept in
/// step with the entries by a trigger (migration SearchVectorsTable).
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

    [Fact]
    public async Task KeepsVectorsWithEntries_GivenEntryIndexedChangedAndDeleted()
    {
        var client = new RegisterClient(factory);
        var id = await client.UploadAsync(RegisterCorpus.Draft("桐政发〔2024〕78号", "桐庐县香菇产业扶持办法", "第一条 扶持香菇种植。"));
        await client.TakeToAsync(id, "published");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        Task<List<string>> Vectors() => db.Database.SqlQuery<string>($"""
            SELECT v."TitleVector"::text || ' | ' || (v."AllVector" @@ '香菇'::tsquery)::text || ' ' || (v."AllVector" @@ '木耳'::tsquery)::text AS "Value"
            FROM "RegisterSearchVectors" v JOIN "RegisterSearch" e ON e."Id" = v."Id" WHERE e."DocumentId" = {id}
            """).ToListAsync();

        (await Vectors()).Should().ContainSingle().Which.Should().Contain("'香菇'").And.EndWith("| true false");

        await db.Database.ExecuteSqlAsync($"""
            UPDATE "RegisterSearch" SET "TitleTerms" = '桐庐县 木耳 产业', "BodyTerms" = '扶持 木耳 种植' WHERE "DocumentId" = {id}
            """);
        (await Vectors()).Should().ContainSingle().Which.Should().Contain("'木耳'").And.NotContain("香菇").And.EndWith("| false true");

        await db.Database.ExecuteSqlAsync($"""DELETE FROM "RegisterSearch" WHERE "DocumentId" = {id}""");
        (await db.Database.SqlQuery<long>($"""SELECT count(*) AS "Value" FROM "RegisterSearchVectors" v WHERE v."DocumentId" = {id}""").SingleAsync())
            .Should().Be(0);
    }
}
