using Filing.Api.Infrastructure.Auth;
using Filing.Api.Infrastructure.Data;
using Filing.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Register;

/// <summary>
/// Production has no seeded keys. The first administrator key is configured as a hash,
/// <c>Auth:BootstrapAdminKeySha256</c> (e.g. <c>printf %s "$KEY" | sha256sum</c>): at start-up, if no key with that hash
/// exists, an administrator organisation and that key are created. The key itself never appears in configuration.
/// </summary>
internal static class BootstrapAdmin
{
    public static async Task EnsureBootstrapAdminAsync(this IServiceProvider services, string? sha256, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(sha256))
        {
            return;
        }

        var hash = sha256.Trim().ToLowerInvariant();
        if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
        {
            throw new InvalidOperationException("Auth:BootstrapAdminKeySha256 must be the 64-character hex SHA-256 of the key.");
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        if (await db.ApiKeys.AnyAsync(k => k.Hash == hash, ct))
        {
            return;
        }

        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Code == "filing-admin", ct);
        if (organisation is null)
        {
            organisation = new Organisation(Guid.CreateVersion7(now), "filing-admin", "Filing 系统管理", OrganisationKind.SystemAdministrator, null, null);
            db.Organisations.Add(organisation);
        }

        db.ApiKeys.Add(new ApiKey(Guid.CreateVersion7(now), organisation.Id, "bootstrap administrator", hash, CallerRoles.Admin, now));
        await db.SaveChangesAsync(ct);
    }
}
