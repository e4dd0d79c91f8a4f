using System.Text.Json;
using Filing.Api.Infrastructure.Audit;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Data.Search;
using Filing.Api.Register.Drafts;
using Filing.Core.Calendar;
using Filing.Core.Documents;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Register.Public;

/// <summary>
/// Development only: publishes the demo register described in <c>corpus/demo/register/published.json</c>: each Word
/// file is read by the real reader and taken through the procedure with the domain model (so every rule and date check
/// applies), registered with a number from the real allocator, published with its filings, indexed for search, and
/// ended where the manifest says. Idempotent: a document whose 发文字号 is already in the register is skipped.
/// </summary>
internal static class DemoRegisterSeeder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task SeedDemoRegisterAsync(this IServiceProvider services, string manifestPath, CancellationToken ct = default)
    {
        if (!File.Exists(manifestPath))
        {
            throw new InvalidOperationException($"Demo register manifest '{manifestPath}' is missing.");
        }

        var manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(manifestPath, ct), Json)
            ?? throw new InvalidOperationException($"{manifestPath}: empty manifest.");
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var entry in manifest.Documents ?? [])
        {
            await using var scope = services.CreateAsyncScope();
            ids[entry.Key] = await PublishAsync(scope.ServiceProvider, entry, Path.Combine(folder, entry.File), ct);
        }

        foreach (var entry in (manifest.Documents ?? []).Where(d => d.Termination is not null))
        {
            await using var scope = services.CreateAsyncScope();
            await TerminateAsync(scope.ServiceProvider, ids[entry.Key], entry.Termination!, ids, ct);
        }
    }

    private static async Task<Guid> PublishAsync(IServiceProvider sp, DemoDocument entry, string path, CancellationToken ct)
    {
        var db = sp.GetRequiredService<FilingDbContext>();
        var bytes = await File.ReadAllBytesAsync(path, ct);
        NormativeDocument reading;
        await using (var stream = new MemoryStream(bytes))
        {
            reading = NormativeDocumentReader.Read(stream, cancellationToken: ct);
        }

        var key = DocumentNumberKey.Of(reading.DocumentNumber?.Text)
            ?? throw new InvalidOperationException($"{path}: the demo documents need a 发文字号.");
        var existing = await db.RegisterSearch.Where(e => e.DocumentNumberKey == key).Select(e => (Guid?)e.DocumentId).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }

        var calendar = sp.GetRequiredService<WorkingCalendar>();
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Code, ct);
        Organisation Org(string code) => organisations.TryGetValue(code, out var o) ? o
            : throw new InvalidOperationException($"demo register: unknown organisation '{code}' (seed corpus/demo/*.json first).");
        var issuer = Org(entry.IssuingAuthority);
        var department = Org(entry.DraftingDepartment);
        var jurisdiction = issuer.JurisdictionId;
        var legal = organisations.Values.SingleOrDefault(o => o.Kind == OrganisationKind.LegalOffice && o.ParentId == jurisdiction)
            ?? throw new InvalidOperationException($"demo register: no legal office for {issuer.Name}.");
        var market = organisations.Values.SingleOrDefault(o => o.Kind == OrganisationKind.MarketRegulation && o.ParentId == jurisdiction);
        var drafter = new Actor(department.Id, null, department.Name);
        var legalActor = new Actor(legal.Id, null, legal.Name);
        DateTimeOffset At(DateOnly day, int hour = 9) => RecordedProcedure.ChinaTime(day, hour);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var intake = sp.GetRequiredService<DraftIntake>().Take(Path.GetFileName(path), bytes, reading);
        var document = NormativeDocumentRecord.StartDraft(Guid.CreateVersion7(At(entry.DraftedOn)), issuer, department, DraftDetails.None,
            intake.Version, drafter, At(entry.DraftedOn));
        db.Documents.Add(document);
        db.VersionContents.Add(new VersionContent(document.Id, 1, intake.ContentType, intake.File, intake.ParsedJson));
        var number = await sp.GetRequiredService<IUnifiedNumberAllocator>().NextAsync(issuer.UnifiedNumberPrefix!, entry.DecidedOn.Year, ct);
        var requirements = await db.FilingRequirements.WithSpecification(new FilingRequirementsSpec(issuer.Id)).ToListAsync(ct);
        var routes = requirements.Select(r => new FilingRoute(organisations.Values.Single(o => o.Id == r.RecipientId), r.Period)).ToList();
        var filings = RecordedProcedure.Complete(document,
            new ProcedureDates(entry.DecidedOn, entry.Meeting, new Publication(entry.PublishedOn, entry.Channel, entry.PolicyInterpretation)),
            drafter, legalActor, market is null ? null : new Actor(market.Id, null, market.Name), number, routes, calendar);
        db.Filings.AddRange(filings);
        if (entry.FilingOutcome == "no-issues")
        {
            var received = entry.PublishedOn.AddDays(7);
            var decided = entry.PublishedOn.AddDays(40);
            foreach (var filing in filings)
            {
                filing.Receive(At(received));
                filing.RecordOpinion(FilingOpinion.NoProblem, null, null, new Period(2, PeriodUnit.Months), calendar, decided, At(decided));
            }
        }

        await sp.GetRequiredService<RegisterSearchIndex>().IndexAsync(document, ct);
        await sp.GetRequiredService<AuditTrail>().AppendAsync(AuditTrail.DocumentStream(document.Id), DemoCaller, "document.imported", null, new
        {
            document = DocumentViews.Snapshot(document),
            note = "Demo register (corpus/demo/register/published.json): procedure recorded with illustrative dates.",
            file = new { intake.Version.FileName, intake.Version.FileSha256, intake.Version.FileSize },
            filings = filings.Select(DocumentViews.FilingRecord),
        }, null, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return document.Id;
    }

    private static async Task TerminateAsync(IServiceProvider sp, Guid id, DemoTermination end, Dictionary<string, Guid> ids, CancellationToken ct)
    {
        var db = sp.GetRequiredService<FilingDbContext>();
        var document = await db.Documents.SingleAsync(d => d.Id == id, ct);
        if (document.Termination is not null)
        {
            return;
        }

        var kind = end.Kind switch
        {
            "repealed" => TerminationKind.Repealed,
            "declared-invalid" => TerminationKind.DeclaredInvalid,
            "amended" => TerminationKind.Amended,
            _ => throw new InvalidOperationException($"demo register: unknown termination kind '{end.Kind}'."),
        };
        Guid? replacedBy = end.ReplacedBy is null ? null
            : ids.TryGetValue(end.ReplacedBy, out var other) ? other
            : throw new InvalidOperationException($"demo register: '{end.ReplacedBy}' is not a demo document key.");
        var legal = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.LegalOffice && o.ParentId == document.JurisdictionId, ct);
        var before = DocumentViews.Snapshot(document);
        document.Terminate(kind, end.Date, end.Reason, replacedBy, new Actor(legal.Id, null, legal.Name),
            RecordedProcedure.ChinaTime(end.Date, 9));
        await sp.GetRequiredService<AuditTrail>().AppendAsync(AuditTrail.DocumentStream(document.Id), DemoCaller, "document.imported-termination",
            before, new { document = DocumentViews.Snapshot(document) }, null, ct);
        await db.SaveChangesAsync(ct);
    }

    private static Caller DemoCaller { get; } = new(null, null, null, CallerRoles.None, null, "demo register seeding");

    private sealed record Manifest(string? Source, List<DemoDocument>? Documents);

    private sealed record DemoDocument(
        string Key,
        string File,
        string IssuingAuthority,
        string DraftingDepartment,
        DateOnly DraftedOn,
        string Meeting,
        DateOnly DecidedOn,
        DateOnly PublishedOn,
        string Channel,
        string? PolicyInterpretation,
        string? FilingOutcome,
        DemoTermination? Termination);

    private sealed record DemoTermination(string Kind, DateOnly Date, string? Reason, string? ReplacedBy);
}
