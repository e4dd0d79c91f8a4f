using System.Text.Json;
using Filing.Api.Infrastructure;
using Filing.Api.Infrastructure.Auth;
using Filing.Api.Infrastructure.Data;
using Filing.Core.Calendar;
using Filing.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Register;

/// <summary>
/// Seeds the demo county from <c>corpus/demo/*.json</c> in the Development environment only: organisations, filing
/// requirements and the dev keys (stored as hashes like any key). Idempotent: existing rows are left as they are, except
/// that an organisation seeded before it had 机关代字 gets the demo's codes (so an existing dev database checks them too).
/// </summary>
internal static class DemoSeeder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task SeedDemoAsync(this IServiceProvider services, string folder, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"Demo data folder '{folder}' is missing.");
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var data = JsonSerializer.Deserialize<DemoFile>(await File.ReadAllTextAsync(file, ct), Json)
                ?? throw new InvalidOperationException($"{file}: empty demo file.");
            await SeedAsync(db, data, file, clock.GetUtcNow(), ct);
        }
    }

    private static async Task SeedAsync(FilingDbContext db, DemoFile data, string file, DateTimeOffset now, CancellationToken ct)
    {
        var byCode = await db.Organisations.ToDictionaryAsync(o => o.Code, ct);
        foreach (var o in data.Organisations ?? [])
        {
            if (byCode.TryGetValue(o.Code, out var existing))
            {
                if (existing.IssuerCodes.Count == 0 && o.IssuerCodes is { Count: > 0 } codes)
                {
                    existing.SetIssuerCodes(codes);
                }

                continue;
            }

            if (!KebabEnum.TryParse<OrganisationKind>(o.Kind, out var kind))
            {
                throw new InvalidOperationException($"{file}: organisation '{o.Code}' has unknown kind '{o.Kind}'.");
            }

            Guid? parent = o.Parent is null ? null
                : byCode.TryGetValue(o.Parent, out var p) ? p.Id
                : throw new InvalidOperationException($"{file}: organisation '{o.Code}' names unknown parent '{o.Parent}' (list parents first).");
            Organisation organisation;
            try
            {
                organisation = new Organisation(o.Id ?? Guid.CreateVersion7(now), o.Code, o.Name, kind, parent, o.UnifiedNumberPrefix, o.IssuerCodes);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"{file}: organisation '{o.Code}': {e.Message}", e);
            }

            db.Organisations.Add(organisation);
            byCode[o.Code] = organisation;
        }

        foreach (var r in data.FilingRequirements ?? [])
        {
            var authority = Lookup(byCode, r.IssuingAuthority, file);
            var recipient = Lookup(byCode, r.Recipient, file);
            if (!KebabEnum.TryParse<PeriodUnit>(r.Unit, out var unit))
            {
                throw new InvalidOperationException($"{file}: filing requirement unit '{r.Unit}' is unknown.");
            }

            if (!await db.FilingRequirements.AnyAsync(x => x.IssuingAuthorityId == authority.Id && x.RecipientId == recipient.Id, ct)
                && !db.FilingRequirements.Local.Any(x => x.IssuingAuthorityId == authority.Id && x.RecipientId == recipient.Id))
            {
                db.FilingRequirements.Add(new FilingRequirement(Guid.CreateVersion7(now), authority.Id, recipient.Id, new Period(r.Length, unit)));
            }
        }

        foreach (var k in data.ApiKeys ?? [])
        {
            var organisation = Lookup(byCode, k.Organisation, file);
            var roles = CallerRoles.None;
            foreach (var role in k.Roles)
            {
                roles |= KebabEnum.TryParse<CallerRoles>(role, out var r) ? r : throw new InvalidOperationException($"{file}: unknown role '{role}'.");
            }

            var hash = ApiKey.HashOf(k.Key);
            if (!await db.ApiKeys.AnyAsync(x => x.Hash == hash, ct))
            {
                db.ApiKeys.Add(new ApiKey(Guid.CreateVersion7(now), organisation.Id, k.Label ?? k.Key, hash, roles, now));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static Organisation Lookup(Dictionary<string, Organisation> byCode, string code, string file) =>
        byCode.TryGetValue(code, out var o) ? o : throw new InvalidOperationException($"{file}: unknown organisation code '{code}'.");

    private sealed record DemoFile(List<DemoOrganisation>? Organisations, List<DemoRequirement>? FilingRequirements, List<DemoKey>? ApiKeys);

    private sealed record DemoOrganisation(Guid? Id, string Code, string Name, string Kind, string? Parent, string? UnifiedNumberPrefix, List<string>? IssuerCodes);

    private sealed record DemoRequirement(string IssuingAuthority, string Recipient, int Length, string Unit);

    private sealed record DemoKey(string Key, string Organisation, List<string> Roles, string? Label);
}
