using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.PostgreSQL
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PreviousSecretExpiresAt",
                table: "WebhookSubscriptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SecretRotatedAt",
                table: "WebhookSubscriptions",
                type: "timestamp with time zone",
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
