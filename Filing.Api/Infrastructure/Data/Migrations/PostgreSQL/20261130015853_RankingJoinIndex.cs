using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class RankingJoinIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Documents_Stage_Dates",
                table: "Documents",
                column: "Stage")
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "PublishedOn", "EffectiveDate", "ValidUntil", "Termination", "TerminatedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_Stage_Dates",
                table: "Documents");
        }
    }
}
