using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Documents_DocumentType_PublishedOn",
                table: "Documents",
                columns: new[] { "DocumentType", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Status",
                table: "Documents",
                columns: new[] { "Stage", "EffectiveDate", "ValidUntil", "TerminatedOn", "Termination" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_DocumentType_PublishedOn",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_Status",
                table: "Documents");
        }
    }
}
