using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Participation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CommentFeedbackPublishedOn",
                table: "Documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CommentPeriodClosedOn",
                table: "Documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IssuingAuthorityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuingAuthorityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DraftingDepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftingDepartmentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EarliestAllowedEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BusinessRelated = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinimumRule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedbackPublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FeedbackPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FeedbackSummary = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consultations_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientAddress = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DedupKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrackingCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecretSalt = table.Column<byte[]>(type: "BLOB", nullable: true),
                    IdempotencyKeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RequestFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UnifiedNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IssuingAuthorityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuingAuthorityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Articles = table.Column<string>(type: "TEXT", nullable: false),
                    Grounds = table.Column<string>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DuplicateOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DuplicateOfTrackingCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ContactIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HandlingPeriod = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDateEstimated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NonAcceptance = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TransferredToId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TransferredToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TriageReason = table.Column<string>(type: "TEXT", nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ConclusionText = table.Column<string>(type: "TEXT", nullable: true),
                    ReplyText = table.Column<string>(type: "TEXT", nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objections_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PolicyInterpretationFiles",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    File = table.Column<byte[]>(type: "BLOB", nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyInterpretationFiles", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_PolicyInterpretationFiles_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    AnsweredById = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentAnswers_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DuplicateOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DuplicateOfNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    AnchorPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnchorQuote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnchorParagraph = table.Column<int>(type: "INTEGER", nullable: true),
                    AnchorStart = table.Column<int>(type: "INTEGER", nullable: true),
                    AnchorLength = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmitterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubmitterOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubmitterPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SubmitterEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    HiddenReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HiddenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HiddenBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AnswerId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationComments_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObjectionEvents",
                columns: table => new
                {
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ObjectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObjectionEvents", x => new { x.ObjectionId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_ObjectionEvents_Objections_ObjectionId",
                        column: x => x.ObjectionId,
                        principalTable: "Objections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommentAnswers_ConsultationId",
                table: "CommentAnswers",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationComments_ConsultationId_Fingerprint",
                table: "ConsultationComments",
                columns: new[] { "ConsultationId", "Fingerprint" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationComments_ConsultationId_Number",
                table: "ConsultationComments",
                columns: new[] { "ConsultationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_DocumentId",
                table: "Consultations",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_End",
                table: "Consultations",
                column: "End");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_Start_Id",
                table: "Consultations",
                columns: new[] { "Start", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DedupKey",
                table: "Notifications",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OrganisationId_CreatedAt",
                table: "Notifications",
                columns: new[] { "OrganisationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Status_NextAttemptAt",
                table: "Notifications",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Objections_DocumentId_Fingerprint",
                table: "Objections",
                columns: new[] { "DocumentId", "Fingerprint" });

            migrationBuilder.CreateIndex(
                name: "IX_Objections_IdempotencyKeyHash",
                table: "Objections",
                column: "IdempotencyKeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Objections_JurisdictionId_DueDate",
                table: "Objections",
                columns: new[] { "JurisdictionId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Objections_TrackingCode",
                table: "Objections",
                column: "TrackingCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Objections_TransferredToId_DueDate",
                table: "Objections",
                columns: new[] { "TransferredToId", "DueDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentAnswers");

            migrationBuilder.DropTable(
                name: "ConsultationComments");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ObjectionEvents");

            migrationBuilder.DropTable(
                name: "PolicyInterpretationFiles");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "Objections");

            migrationBuilder.DropColumn(
                name: "CommentFeedbackPublishedOn",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "CommentPeriodClosedOn",
                table: "Documents");
        }
    }
}
