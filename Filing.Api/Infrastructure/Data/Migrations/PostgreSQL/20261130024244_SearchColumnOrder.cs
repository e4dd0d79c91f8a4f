using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Filing.Api.Infrastructure.Data.Migrations.PostgreSQL
{
    /// <summary>
    /// Records the column order of <c>RegisterSearch</c> that the SQLite migration of the same name rebuilds the table
    /// for. PostgreSQL keeps the bodies out of line (TOAST), so the order costs it nothing and the table is left as it is.
    /// </summary>
    public partial class SearchColumnOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
