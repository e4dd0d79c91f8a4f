using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.PostgreSQL
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AnalyzerVersion = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    TitleSearch = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    BodySearch = table.Column<string>(type: "text", nullable: false),
                    TitleTerms = table.Column<string>(type: "text", nullable: false),
                    BodyTerms = table.Column<string>(type: "text", nullable: false),
                    Keywords = table.Column<string>(type: "text", nullable: false),
                    DocumentNumberKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IndexedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AllVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "array_to_tsvector(array_remove(string_to_array(\"TitleTerms\" || ' ' || \"BodyTerms\", ' '), ''))", stored: true),
                    TitleVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "array_to_tsvector(array_remove(string_to_array(\"TitleTerms\", ' '), ''))", stored: true)
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
                name: "IX_RegisterSearch_AllVector",
                table: "RegisterSearch",
                column: "AllVector")
                .Annotation("Npgsql:IndexMethod", "gin");

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

            migrationBuilder.CreateIndex(
                name: "IX_RegisterSearch_TitleVector",
                table: "RegisterSearch",
                column: "TitleVector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
