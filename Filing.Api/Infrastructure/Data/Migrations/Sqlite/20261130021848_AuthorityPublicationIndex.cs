using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuthorityPublicationIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Documents_IssuingAuthorityId_PublishedOn_Id",
                table: "Documents",
                columns: new[] { "IssuingAuthorityId", "PublishedOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_IssuingAuthorityId_PublishedOn_Id",
                table: "Documents");
        }
    }
}
