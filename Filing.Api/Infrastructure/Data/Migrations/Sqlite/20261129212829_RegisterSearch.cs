using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegisterSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegisterSearch",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnalyzerVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    TitleSearch = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BodySearch = table.Column<string>(type: "TEXT", nullable: false),
                    TitleTerms = table.Column<string>(type: "TEXT", nullable: false),
                    BodyTerms = table.Column<string>(type: "TEXT", nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", nullable: false),
                    DocumentNumberKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IndexedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterSearch", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisterSearch_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_EffectiveDate_Id",
                table: "Documents",
                columns: new[] { "EffectiveDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_PublishedOn_Id",
                table: "Documents",
                columns: new[] { "PublishedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterSearch_AnalyzerVersion",
                table: "RegisterSearch",
                column: "AnalyzerVersion");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterSearch_DocumentId",
                table: "RegisterSearch",
                column: "DocumentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterSearch_DocumentNumberKey",
                table: "RegisterSearch",
                column: "DocumentNumberKey");

            // FTS5 over the entries, kept in step by triggers (same transaction as the entry's insert/update/delete).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "RegisterSearchFts" USING fts5("TitleTerms", "BodyTerms", content='RegisterSearch', content_rowid='Id', tokenize='ascii');
                CREATE TRIGGER "RegisterSearch_ai" AFTER INSERT ON "RegisterSearch" BEGIN
                    INSERT INTO "RegisterSearchFts"(rowid, "TitleTerms", "BodyTerms") VALUES (new."Id", new."TitleTerms", new."BodyTerms");
                END;
                CREATE TRIGGER "RegisterSearch_ad" AFTER DELETE ON "RegisterSearch" BEGIN
                    INSERT INTO "RegisterSearchFts"("RegisterSearchFts", rowid, "TitleTerms", "BodyTerms") VALUES ('delete', old."Id", old."TitleTerms", old."BodyTerms");
                END;
                CREATE TRIGGER "RegisterSearch_au" AFTER UPDATE OF "TitleTerms", "BodyTerms" ON "RegisterSearch" BEGIN
                    INSERT INTO "RegisterSearchFts"("RegisterSearchFts", rowid, "TitleTerms", "BodyTerms") VALUES ('delete', old."Id", old."TitleTerms", old."BodyTerms");
                    INSERT INTO "RegisterSearchFts"(rowid, "TitleTerms", "BodyTerms") VALUES (new."Id", new."TitleTerms", new."BodyTerms");
                END;

                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "RegisterSearch_au";
                DROP TRIGGER IF EXISTS "RegisterSearch_ad";
                DROP TRIGGER IF EXISTS "RegisterSearch_ai";
                DROP TABLE IF EXISTS "RegisterSearchFts";

                """);

            migrationBuilder.DropTable(
                name: "RegisterSearch");

            migrationBuilder.DropIndex(
                name: "IX_Documents_EffectiveDate_Id",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_PublishedOn_Id",
                table: "Documents");
        }
    }
}
