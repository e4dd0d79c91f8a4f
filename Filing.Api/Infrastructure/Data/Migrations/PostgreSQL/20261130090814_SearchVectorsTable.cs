using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class SearchVectorsTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RegisterSearch_AllVector",
                table: "RegisterSearch");

            migrationBuilder.DropIndex(
                name: "IX_RegisterSearch_TitleVector",
                table: "RegisterSearch");

            migrationBuilder.DropColumn(
                name: "AllVector",
                table: "RegisterSearch");

            migrationBuilder.DropColumn(
                name: "TitleVector",
                table: "RegisterSearch");

            // The vectors move to a narrow table of their own (RegisterSearchSchema.PostgresVectors), kept by a trigger as
            // SQLite's FTS5 table is: finding the documents a common word matches then visits ~2,600 heap pages instead of
            // the wide entries' ~9,000 at 100,000 documents. Lexemes as before: the terms taken as they are.
            migrationBuilder.Sql("""
                CREATE TABLE "RegisterSearchVectors" (
                    "Id" bigint PRIMARY KEY REFERENCES "RegisterSearch" ("Id") ON DELETE CASCADE,
                    "DocumentId" uuid NOT NULL,
                    "TitleVector" tsvector NOT NULL,
                    "AllVector" tsvector NOT NULL);
                INSERT INTO "RegisterSearchVectors" ("Id", "DocumentId", "TitleVector", "AllVector")
                    SELECT "Id", "DocumentId",
                        array_to_tsvector(array_remove(string_to_array("TitleTerms", ' '), '')),
                        array_to_tsvector(array_remove(string_to_array("TitleTerms" || ' ' || "BodyTerms", ' '), ''))
                    FROM "RegisterSearch";
                CREATE INDEX "IX_RegisterSearchVectors_TitleVector" ON "RegisterSearchVectors" USING gin ("TitleVector");
                CREATE INDEX "IX_RegisterSearchVectors_AllVector" ON "RegisterSearchVectors" USING gin ("AllVector");
                -- Testing a few documents (an answer brought up to date after a change) starts from their ids, not the word.
                CREATE UNIQUE INDEX "IX_RegisterSearchVectors_DocumentId" ON "RegisterSearchVectors" ("DocumentId");
                CREATE FUNCTION "RegisterSearchVectors_Keep"() RETURNS trigger LANGUAGE plpgsql AS $keep$
                BEGIN
                    INSERT INTO "RegisterSearchVectors" ("Id", "DocumentId", "TitleVector", "AllVector")
                    VALUES (NEW."Id", NEW."DocumentId",
                        array_to_tsvector(array_remove(string_to_array(NEW."TitleTerms", ' '), '')),
                        array_to_tsvector(array_remove(string_to_array(NEW."TitleTerms" || ' ' || NEW."BodyTerms", ' '), '')))
                    ON CONFLICT ("Id") DO UPDATE SET
                        "DocumentId" = EXCLUDED."DocumentId", "TitleVector" = EXCLUDED."TitleVector", "AllVector" = EXCLUDED."AllVector";
                    RETURN NULL;
                END
                $keep$;
                CREATE TRIGGER "RegisterSearchVectors_Keep" AFTER INSERT OR UPDATE OF "DocumentId", "TitleTerms", "BodyTerms" ON "RegisterSearch"
                    FOR EACH ROW EXECUTE FUNCTION "RegisterSearchVectors_Keep"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "RegisterSearchVectors_Keep" ON "RegisterSearch";
                DROP FUNCTION "RegisterSearchVectors_Keep"();
                DROP TABLE "RegisterSearchVectors";
                """);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "AllVector",
                table: "RegisterSearch",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "array_to_tsvector(array_remove(string_to_array(\"TitleTerms\" || ' ' || \"BodyTerms\", ' '), ''))",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "TitleVector",
                table: "RegisterSearch",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "array_to_tsvector(array_remove(string_to_array(\"TitleTerms\", ' '), ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterSearch_AllVector",
                table: "RegisterSearch",
                column: "AllVector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterSearch_TitleVector",
                table: "RegisterSearch",
                column: "TitleVector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
