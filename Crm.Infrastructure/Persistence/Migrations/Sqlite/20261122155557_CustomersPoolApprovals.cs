using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomersPoolApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PoolPolicy",
                table: "Tenants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Birthday",
                table: "Customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChatId",
                table: "Customers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClaimApprovedAt",
                table: "Customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Dealer",
                table: "Customers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FormerOwnerId",
                table: "Customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Industry",
                table: "Customers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsLocked",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Customers",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Company");

            migrationBuilder.AddColumn<long>(
                name: "LastFollowUpAt",
                table: "Customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OwnedSince",
                table: "Customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneKey",
                table: "Customers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PoolReason",
                table: "Customers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PooledAt",
                table: "Customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RegionId",
                table: "Customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Customers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Customers",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "Customers",
                type: "TEXT",
                maxLength: 4,
                nullable: false,
                defaultValue: "C");

            migrationBuilder.CreateTable(
                name: "ApprovalRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequesterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Subject_Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject_Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject_Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_Shops_ShopId",
                        column: x => x.ShopId,
                        principalTable: "Shops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustomerOwnershipChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    FromOwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToOwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerOwnershipChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerOwnershipChanges_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_RegionId",
                table: "Customers",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_ChatId",
                table: "Customers",
                columns: new[] { "TenantId", "ChatId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_PhoneKey",
                table: "Customers",
                columns: new[] { "TenantId", "PhoneKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_RegionId_OwnerId",
                table: "Customers",
                columns: new[] { "TenantId", "RegionId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_ShopId",
                table: "ApprovalRequests",
                column: "ShopId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_TenantId_RequesterId",
                table: "ApprovalRequests",
                columns: new[] { "TenantId", "RequesterId" });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_TenantId_Status_CreatedAt",
                table: "ApprovalRequests",
                columns: new[] { "TenantId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerOwnershipChanges_CustomerId",
                table: "CustomerOwnershipChanges",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerOwnershipChanges_TenantId_CustomerId_At",
                table: "CustomerOwnershipChanges",
                columns: new[] { "TenantId", "CustomerId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_Customers_Regions_RegionId",
                table: "Customers",
                column: "RegionId",
                principalTable: "Regions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Customers_Regions_RegionId",
                table: "Customers");

            migrationBuilder.DropTable(
                name: "ApprovalRequests");

            migrationBuilder.DropTable(
                name: "CustomerOwnershipChanges");

            migrationBuilder.DropIndex(
                name: "IX_Customers_RegionId",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_TenantId_ChatId",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_TenantId_PhoneKey",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_TenantId_RegionId_OwnerId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "PoolPolicy",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Birthday",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "ChatId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "ClaimApprovedAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Dealer",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "FormerOwnerId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Industry",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "IsLocked",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "LastFollowUpAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "OwnedSince",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "PhoneKey",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "PoolReason",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "PooledAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "Customers");
        }
    }
}
