using Filing.Api.Infrastructure;
using Filing.Api.Infrastructure.Audit;
using Filing.Api.Infrastructure.Auth;
using Filing.Core.Calendar;
using Filing.Core.Register;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Register;

/// <summary>
/// Organisations, their API keys and the filing requirements of issuing authorities. Reading the list of organisations
/// is public (names and prefixes are public facts); everything else needs an administrator's key.
/// </summary>
internal static class OrganisationsEndpoints
{
    public static RouteGroupBuilder MapRegisterOrganisations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations").WithTags("Register: organisations and keys");
        group.MapGet("/", List).WithName("ListOrganisations").WithSummary("Every organisation: id, code, name, kind, parent, unified-number prefix and 机关代字");
        group.MapPost("/", Create).WithName("CreateOrganisation").WithRequestExample(RegisterExamples.Organisation).WithSummary("Create an organisation (administrator)")
            .RequireAuthorization(AuthSetup.AdminPolicy).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/api-keys", CreateKey).WithName("CreateApiKey").WithRequestExample(RegisterExamples.ApiKey)
            .WithSummary("Create an API key for an organisation (administrator); the key is shown once, only its hash is stored")
            .RequireAuthorization(AuthSetup.AdminPolicy).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/filing-requirements", GetRequirements).WithName("GetFilingRequirements")
            .WithSummary("The oversight bodies an issuing authority's documents are filed with, and the periods").RequireAuthorization();
        group.MapPut("/{id:guid}/filing-requirements", PutRequirements).WithName("SetFilingRequirements").WithRequestExample(RegisterExamples.Requirements)
            .WithSummary("Replace an issuing authority's filing requirements (administrator)")
            .RequireAuthorization(AuthSetup.AdminPolicy).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}/issuer-codes", PutIssuerCodes).WithName("SetIssuerCodes").WithRequestExample(RegisterExamples.IssuerCodes)
            .WithSummary("Replace an issuing authority's 机关代字 (administrator); registration refuses a 发文字号 with another code")
            .WithDescription("The body is the full list, e.g. `[\"桐政发\", \"桐政函\"]`; `[]` turns the check off. Each code is the part of a " +
                "发文字号 before the 〔year〕: Chinese characters (a few codes carry Latin letters), no digits, brackets or punctuation, at most " +
                $"{Organisation.MaxIssuerCodeLength} characters, each once, at most {Organisation.MaxIssuerCodes}; full-width letters and spaces are " +
                "normalised away as the 发文字号 look-up does. Only issuing authorities (with a unified-number prefix) have codes. Answers the organisation.")
            .RequireAuthorization(AuthSetup.AdminPolicy).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        app.MapDelete("/api/v1/api-keys/{id:guid}", RevokeKey).WithTags("Register: organisations and keys").WithName("RevokeApiKey")
            .WithSummary("Revoke an API key (administrator); it stops working at once").RequireAuthorization(AuthSetup.AdminPolicy);
        return group;
    }

    private static async Task<Ok<PagedList<OrganisationDto>>> List(RegisterContext ctx, CancellationToken ct)
    {
        var all = await ctx.Db.Organisations.AsNoTracking().OrderBy(o => o.Code).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<OrganisationDto>([.. all.Select(OrganisationDto.From)], all.Count, null));
    }

    private static async Task<Results<Created<OrganisationDto>, ProblemHttpResult, ValidationProblem>> Create(
        CreateOrganisationRequest request, RegisterContext ctx, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Length > 64)
        {
            errors["code"] = ["code is required (at most 64 characters)."];
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["name is required."];
        }

        var kind = KebabEnum.Filter<OrganisationKind>(request.Kind, "kind", errors);
        if (kind is null && !errors.ContainsKey("kind"))
        {
            errors["kind"] = [$"kind is required: {KebabEnum.Values<OrganisationKind>()}."];
        }

        if (request.UnifiedNumberPrefix is not null && !UnifiedNumber.IsValidPrefix(request.UnifiedNumberPrefix))
        {
            errors["unifiedNumberPrefix"] = ["A prefix is four capital letters and two digits, e.g. CYQD00."];
        }

        var issuerCodes = ValidateIssuerCodes(request.IssuerCodes ?? [], "issuerCodes", errors);
        if (issuerCodes.Count > 0 && request.UnifiedNumberPrefix is null)
        {
            errors["issuerCodes"] = ["Only an issuing authority (with a unifiedNumberPrefix) has 机关代字."];
        }

        if (request.ParentId is { } parent && !await ctx.Db.Organisations.AnyAsync(o => o.Id == parent, ct))
        {
            errors["parentId"] = ["No organisation with this id."];
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        if (await ctx.Db.Organisations.AnyAsync(o => o.Code == request.Code, ct))
        {
            return RegisterProblems.Problem(StatusCodes.Status409Conflict, "code-taken", "Code already used", $"An organisation with code '{request.Code}' exists.");
        }

        var organisation = new Organisation(Guid.CreateVersion7(ctx.Now), request.Code!.Trim(), request.Name!.Trim(), kind!.Value, request.ParentId, request.UnifiedNumberPrefix,
            issuerCodes);
        ctx.Db.Organisations.Add(organisation);
        await ctx.Audit.AppendAsync(AuditTrail.OrganisationStream(organisation.Id), ctx.Caller, "organisation.created", null, OrganisationDto.From(organisation), null, ct);
        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/organisations/{organisation.Id}", OrganisationDto.From(organisation));
    }

    private static async Task<Results<Created<CreatedApiKeyDto>, ProblemHttpResult, ValidationProblem>> CreateKey(
        Guid id, CreateApiKeyRequest request, RegisterContext ctx, CancellationToken ct)
    {
        var organisation = await ctx.Db.Organisations.FindAsync([id], ct);
        if (organisation is null)
        {
            return RegisterProblems.NotFound("organisation");
        }

        var errors = new Dictionary<string, string[]>();
        var roles = CallerRoles.None;
        foreach (var text in request.Roles ?? [])
        {
            if (KebabEnum.TryParse<CallerRoles>(text, out var role) && role != CallerRoles.None)
            {
                roles |= role;
            }
            else
            {
                errors["roles"] = [$"'{text}' is not a role: drafter, legal-office, reviewer-body, oversight, admin."];
            }
        }

        if (roles == CallerRoles.None && !errors.ContainsKey("roles"))
        {
            errors["roles"] = ["Give the key at least one role."];
        }

        if (string.IsNullOrWhiteSpace(request.Label))
        {
            errors["label"] = ["label is required: who or what uses the key."];
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var secret = ApiKey.Generate();
        var key = new ApiKey(Guid.CreateVersion7(ctx.Now), organisation.Id, request.Label!.Trim(), ApiKey.HashOf(secret), roles, ctx.Now);
        ctx.Db.ApiKeys.Add(key);
        await ctx.Audit.AppendAsync(AuditTrail.OrganisationStream(organisation.Id), ctx.Caller, "api-key.created", null,
            new { keyId = key.Id, key.Label, roles = roles.ToString() }, $"key:{key.Id}", ct);
        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", new CreatedApiKeyDto(key.Id, organisation.Id, key.Label, secret, RoleNames(roles)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(Guid id, RegisterContext ctx, CancellationToken ct)
    {
        var key = await ctx.Db.ApiKeys.FindAsync([id], ct);
        if (key is null)
        {
            return RegisterProblems.NotFound("API key");
        }

        key.Revoke(ctx.Now);
        await ctx.Audit.AppendAsync(AuditTrail.OrganisationStream(key.OrganisationId), ctx.Caller, "api-key.revoked", null, new { keyId = key.Id, key.Label }, $"key:{key.Id}", ct);
        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult, ValidationProblem>> PutIssuerCodes(
        Guid id, IReadOnlyList<string?> request, RegisterContext ctx, CancellationToken ct)
    {
        var organisation = await ctx.Db.Organisations.FindAsync([id], ct);
        if (organisation is null)
        {
            return RegisterProblems.NotFound("organisation");
        }

        var errors = new Dictionary<string, string[]>();
        var codes = ValidateIssuerCodes(request, "", errors);
        if (codes.Count > 0 && !organisation.IsIssuingAuthority)
        {
            errors["id"] = ["Only issuing authorities (with a unified-number prefix) have 机关代字."];
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var before = organisation.IssuerCodes.ToList();
        organisation.SetIssuerCodes(codes);
        await ctx.Audit.AppendAsync(AuditTrail.OrganisationStream(id), ctx.Caller, "issuer-codes.replaced", before, organisation.IssuerCodes, null, ct);
        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganisationDto.From(organisation));
    }

    /// <summary>
    /// Normalises each 机关代字 (<see cref="Organisation.TryNormalizeIssuerCode"/>) and records what is wrong under
    /// <c>{prefix}[i]</c>; a code given twice (after normalisation) is refused rather than merged, since it is likely a typo.
    /// </summary>
    private static List<string> ValidateIssuerCodes(IReadOnlyList<string?> texts, string prefix, Dictionary<string, string[]> errors)
    {
        var codes = new List<string>();
        if (texts.Count > Organisation.MaxIssuerCodes)
        {
            errors[prefix.Length == 0 ? "issuerCodes" : prefix] = [$"At most {Organisation.MaxIssuerCodes} 机关代字."];
            return codes;
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (!Organisation.TryNormalizeIssuerCode(texts[i], out var code, out var problem))
            {
                errors[$"{prefix}[{i}]"] = [problem];
            }
            else if (codes.Contains(code, StringComparer.Ordinal))
            {
                errors[$"{prefix}[{i}]"] = [$"机关代字“{code}”重复 / '{code}' is listed twice."];
            }
            else
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    private static async Task<Results<Ok<IReadOnlyList<FilingRequirementDto>>, ProblemHttpResult>> GetRequirements(Guid id, RegisterContext ctx, CancellationToken ct)
    {
        var organisation = await ctx.Db.Organisations.FindAsync([id], ct);
        if (organisation is null)
        {
            return RegisterProblems.NotFound("organisation");
        }

        return TypedResults.Ok(await RequirementsAsync(id, ctx, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<FilingRequirementDto>>, ProblemHttpResult, ValidationProblem>> PutRequirements(
        Guid id, IReadOnlyList<FilingRequirementRequest> request, RegisterContext ctx, CancellationToken ct)
    {
        var organisation = await ctx.Db.Organisations.FindAsync([id], ct);
        if (organisation is null)
        {
            return RegisterProblems.NotFound("organisation");
        }

        var errors = new Dictionary<string, string[]>();
        if (!organisation.IsIssuingAuthority)
        {
            errors["id"] = ["Only issuing authorities (with a unified-number prefix) file documents."];
        }

        var recipients = request.Select(r => r.RecipientId).ToList();
        var known = await ctx.Db.Organisations.Where(o => recipients.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        for (var i = 0; i < request.Count; i++)
        {
            if (request[i].RecipientId is not { } r || !known.Contains(r))
            {
                errors[$"[{i}].recipientId"] = ["No organisation with this id."];
            }

            if (request[i].Length is not (>= 0 and <= 3650))
            {
                errors[$"[{i}].length"] = ["length is required, 0–3650."];
            }

            if (KebabEnum.Filter<PeriodUnit>(request[i].Unit, $"[{i}].unit", errors) is null && !errors.ContainsKey($"[{i}].unit"))
            {
                errors[$"[{i}].unit"] = [$"unit is required: {KebabEnum.Values<PeriodUnit>()}."];
            }
        }

        if (recipients.Count != recipients.Distinct().Count())
        {
            errors["recipientId"] = ["Each oversight body once."];
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var before = await RequirementsAsync(id, ctx, ct);
        ctx.Db.FilingRequirements.RemoveRange(await ctx.Db.FilingRequirements.Where(r => r.IssuingAuthorityId == id).ToListAsync(ct));
        foreach (var r in request)
        {
            var unit = KebabEnum.TryParse<PeriodUnit>(r.Unit, out var parsed) ? parsed : PeriodUnit.CalendarDays;
            ctx.Db.FilingRequirements.Add(new FilingRequirement(Guid.CreateVersion7(ctx.Now), id, r.RecipientId!.Value, new Period(r.Length!.Value, unit)));
        }

        await ctx.Audit.AppendAsync(AuditTrail.OrganisationStream(id), ctx.Caller, "filing-requirements.replaced", before, request, null, ct);
        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(await RequirementsAsync(id, ctx, ct));
    }

    private static async Task<IReadOnlyList<FilingRequirementDto>> RequirementsAsync(Guid id, RegisterContext ctx, CancellationToken ct) =>
        await ctx.Db.FilingRequirements.AsNoTracking().Where(r => r.IssuingAuthorityId == id)
            .Join(ctx.Db.Organisations.AsNoTracking(), r => r.RecipientId, o => o.Id, (r, o) => new { r, o })
            .OrderBy(x => x.o.Code)
            .Select(x => new FilingRequirementDto(new OrganisationRef(x.o.Id, x.o.Name), x.r.PeriodLength, x.r.PeriodUnit))
            .ToListAsync(ct);

    private static IReadOnlyList<string> RoleNames(CallerRoles roles) =>
        [.. Enum.GetValues<CallerRoles>().Where(r => r != CallerRoles.None && (roles & r) != 0).Select(r => JsonNaming.Kebab(r.ToString()))];
}

/// <summary>An organisation.</summary>
/// <param name="Id">Id.</param>
/// <param name="Code">Stable code.</param>
/// <param name="Name">Official name.</param>
/// <param name="Kind">government, department, legal-office, market-regulation, womens-federation, health-commission, npc-filing-office, higher-government, party-filing-office, system-administrator.</param>
/// <param name="ParentId">The government it belongs to.</param>
/// <param name="UnifiedNumberPrefix">Its prefix, when it issues documents.</param>
/// <param name="IssuerCodes">机关代字 its 发文字号 begin with (e.g. 桐政发); empty when none are listed (then registration does not check them).</param>
public sealed record OrganisationDto(Guid Id, string Code, string Name, OrganisationKind Kind, Guid? ParentId, string? UnifiedNumberPrefix,
    IReadOnlyList<string> IssuerCodes)
{
    public static OrganisationDto From(Organisation o) => new(o.Id, o.Code, o.Name, o.Kind, o.ParentId, o.UnifiedNumberPrefix, o.IssuerCodes);
}

/// <summary>Body of <c>POST /api/v1/organisations</c>.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="Name">Official name.</param>
/// <param name="Kind">See <see cref="OrganisationDto.Kind"/>.</param>
/// <param name="ParentId">The government it belongs to.</param>
/// <param name="UnifiedNumberPrefix">Four capital letters and two digits, for issuing authorities.</param>
/// <param name="IssuerCodes">机关代字 of an issuing authority (e.g. <c>["桐政发", "桐政函"]</c>); optional, see <c>PUT …/issuer-codes</c>.</param>
public sealed record CreateOrganisationRequest(string? Code, string? Name, string? Kind, Guid? ParentId, string? UnifiedNumberPrefix,
    IReadOnlyList<string?>? IssuerCodes = null);

/// <summary>Body of <c>POST /api/v1/organisations/{id}/api-keys</c>.</summary>
/// <param name="Label">Who or what uses it.</param>
/// <param name="Roles">drafter, legal-office, reviewer-body, oversight, admin.</param>
public sealed record CreateApiKeyRequest(string? Label, IReadOnlyList<string>? Roles);

/// <summary>A new key: <see cref="Key"/> is shown this once.</summary>
/// <param name="Id">Key id (to revoke it).</param>
/// <param name="OrganisationId">Its organisation.</param>
/// <param name="Label">Label.</param>
/// <param name="Key">The secret to send as X-Api-Key.</param>
/// <param name="Roles">Its roles.</param>
public sealed record CreatedApiKeyDto(Guid Id, Guid OrganisationId, string Label, string Key, IReadOnlyList<string> Roles);

/// <summary>One filing requirement.</summary>
/// <param name="Recipient">The oversight body.</param>
/// <param name="Length">Period length.</param>
/// <param name="Unit">calendar-days, working-days, months or years.</param>
public sealed record FilingRequirementDto(OrganisationRef Recipient, int Length, PeriodUnit Unit);

/// <summary>One filing requirement to set.</summary>
/// <param name="RecipientId">The oversight body.</param>
/// <param name="Length">Period length.</param>
/// <param name="Unit">calendar-days, working-days, months or years.</param>
public sealed record FilingRequirementRequest(Guid? RecipientId, int? Length, string? Unit);
