using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.PostgreSQL
{
    /// <summary>
    /// Stores the search texts (<c>Body</c>, <c>BodySearch</c>) with LZ4 instead of pglz and rewrites the existing ones:
    /// a quoted phrase is checked with <c>strpos</c> over the candidates' texts, and detoasting pglz dominated it (strpos
    /// over 20,000 bodies: 1.0–1.1 s with pglz, 0.33–0.34 s with LZ4, 0.33 s uncompressed; Filing.Benchmarks/README.md).
    /// A PostgreSQL built without LZ4 keeps pglz (a notice, not an error).
    /// </summary>
    public partial class SearchTextLz4 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    ALTER TABLE "RegisterSearch" ALTER COLUMN "Body" SET COMPRESSION lz4;
                    ALTER TABLE "RegisterSearch" ALTER COLUMN "BodySearch" SET COMPRESSION lz4;
                    -- Existing values keep their compression until rewritten; a concatenation makes a new value.
                    UPDATE "RegisterSearch" SET "Body" = "Body" || '', "BodySearch" = "BodySearch" || ''
                    WHERE pg_column_compression("Body") = 'pglz' OR pg_column_compression("BodySearch") = 'pglz';
                EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
                    RAISE NOTICE 'LZ4 is not available in this PostgreSQL build: search texts stay pglz-compressed (%)', SQLERRM;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "RegisterSearch" ALTER COLUMN "Body" SET COMPRESSION pglz;
                ALTER TABLE "RegisterSearch" ALTER COLUMN "BodySearch" SET COMPRESSION pglz;
                """);
        }
    }
}
