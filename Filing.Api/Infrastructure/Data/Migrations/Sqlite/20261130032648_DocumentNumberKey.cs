using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.Sqlite
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
                type: "TEXT",
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
