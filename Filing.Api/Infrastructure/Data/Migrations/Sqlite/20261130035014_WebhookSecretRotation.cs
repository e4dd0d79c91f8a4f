using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookSecretRotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreviousSecret",
                table: "WebhookSubscriptions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PreviousSecretExpiresAt",
                table: "WebhookSubscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SecretRotatedAt",
                table: "WebhookSubscriptions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreviousSecret",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "PreviousSecretExpiresAt",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "SecretRotatedAt",
                table: "WebhookSubscriptions");
        }
    }
}
