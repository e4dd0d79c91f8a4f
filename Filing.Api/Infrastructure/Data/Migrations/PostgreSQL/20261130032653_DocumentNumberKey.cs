using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class DocumentNumberKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DocumentNumberKey",
                table: "Documents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_IssuingAuthorityId_DocumentNumberKey",
                table: "Documents",
                columns: new[] { "IssuingAuthorityId", "DocumentNumberKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_IssuingAuthorityId_DocumentNumberKey",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "DocumentNumberKey",
                table: "Documents");
        }
    }
}
