using System.Diagnostics.CodeAnalysis;
using Filing.Core.Documents;
using Filing.Core.Text;

namespace Filing.Core.Register;

/// <summary>
/// A body that drafts, issues, reviews or oversees normative documents. Organisations are data (seeded from
/// <c>corpus/demo</c> in Development, created by an administrator in production), never code.
/// </summary>
public sealed class Organisation
{
    private Organisation()
    {
        Code = "";
        Name = "";
    }

    /// <summary>Creates an organisation.</summary>
    /// <param name="id">Stable id.</param>
    /// <param name="code">Short stable code used in data files and URLs (e.g. <c>tonglu-gov</c>).</param>
    /// <param name="name">Official name (e.g. 桐庐县人民政府).</param>
    /// <param name="kind">What it is.</param>
    /// <param name="parentId">The government it belongs to, for departments and reviewing bodies.</param>
    /// <param name="unifiedNumberPrefix">统一编号 prefix when it issues documents in its own name (e.g. CYQD00).</param>
    public Organisation(Guid id, string code, string name, OrganisationKind kind, Guid? parentId, string? unifiedNumberPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (unifiedNumberPrefix is not null && !UnifiedNumber.IsValidPrefix(unifiedNumberPrefix))
        {
            throw new ArgumentException($"'{unifiedNumberPrefix}' is not a unified-number prefix (four capital letters and two digits).", nameof(unifiedNumberPrefix));
        }

        Id = id;
        Code = code;
        Name = name;
        Kind = kind;
        ParentId = parentId;
        UnifiedNumberPrefix = unifiedNumberPrefix;
    }

    /// <summary>Creates an organisation with the 机关代字 its 发文字号 carry.</summary>
    /// <param name="id">Stable id.</param>
    /// <param name="code">Short stable code.</param>
    /// <param name="name">Official name.</param>
    /// <param name="kind">What it is.</param>
    /// <param name="parentId">The government it belongs to.</param>
    /// <param name="unifiedNumberPrefix">统一编号 prefix, for an issuing authority.</param>
    /// <param name="issuerCodes">Its 机关代字 (see <see cref="SetIssuerCodes"/>); only an issuing authority has them.</param>
    /// <exception cref="ArgumentException">A code is not a 机关代字, is listed twice, or the organisation issues no documents.</exception>
    public Organisation(Guid id, string code, string name, OrganisationKind kind, Guid? parentId, string? unifiedNumberPrefix,
        IEnumerable<string>? issuerCodes)
        : this(id, code, name, kind, parentId, unifiedNumberPrefix)
    {
        if (issuerCodes is not null)
        {
            SetIssuerCodes(issuerCodes);
        }
    }

    /// <summary>Most 机关代字 an authority lists (a government uses a handful: 桐政发, 桐政办发, 桐政函…).</summary>
    public const int MaxIssuerCodes = 20;

    /// <summary>Longest 机关代字, as the 发文字号 parser reads them.</summary>
    public const int MaxIssuerCodeLength = 12;

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>Short stable code (e.g. <c>tonglu-gov</c>).</summary>
    public string Code { get; private set; }

    /// <summary>Official name.</summary>
    public string Name { get; private set; }

    /// <summary>What it is.</summary>
    public OrganisationKind Kind { get; private set; }

    /// <summary>The government it belongs to, or null for a government or an independent body.</summary>
    public Guid? ParentId { get; private set; }

    /// <summary>统一编号 prefix, when it is an issuing authority (制定机关).</summary>
    public string? UnifiedNumberPrefix { get; private set; }

    /// <summary>
    /// 机关代字: the codes its 发文字号 begin with (桐庐县人民政府: 桐政发, 桐政函), in their normalised form. Registration refuses a
    /// 发文字号 whose code is not listed; an authority that lists none is not checked. Data, set by an administrator.
    /// </summary>
    public IReadOnlyList<string> IssuerCodes { get; private set; } = [];

    /// <summary>Whether documents can be issued in its name (it has a unified-number prefix).</summary>
    public bool IsIssuingAuthority => UnifiedNumberPrefix is not null;

    /// <summary>The government whose documents it works on: itself for a government, else its parent.</summary>
    public Guid JurisdictionId => Kind == OrganisationKind.Government ? Id : ParentId ?? Id;

    /// <summary>
    /// Replaces the 机关代字 (an empty list turns the check off). Each is normalised as <see cref="TryNormalizeIssuerCode"/> does.
    /// </summary>
    /// <exception cref="ArgumentException">A code is not a 机关代字, is listed twice, there are too many, or the organisation issues no documents.</exception>
    public void SetIssuerCodes(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var normalised = new List<string>();
        foreach (var text in codes)
        {
            if (!TryNormalizeIssuerCode(text, out var code, out var problem))
            {
                throw new ArgumentException(problem, nameof(codes));
            }

            if (normalised.Contains(code, StringComparer.Ordinal))
            {
                throw new ArgumentException($"机关代字“{code}”重复 / '{code}' is listed twice.", nameof(codes));
            }

            normalised.Add(code);
        }

        if (normalised.Count > MaxIssuerCodes)
        {
            throw new ArgumentException($"At most {MaxIssuerCodes} 机关代字.", nameof(codes));
        }

        if (normalised.Count > 0 && !IsIssuingAuthority)
        {
            throw new ArgumentException("Only an issuing authority (with a unified-number prefix) has 机关代字.", nameof(codes));
        }

        IssuerCodes = normalised;
    }

    /// <summary>
    /// The 机关代字 of <paramref name="documentNumber"/> when this authority lists its codes and that one is not among them
    /// (青政发〔2024〕8号 for 桐庐县人民政府, which lists 桐政发); null when the number is its own, when it lists no codes, or
    /// when there is no number or it is not a 发文字号 (other rules deal with those). The number is read as the register's
    /// look-up reads one (<see cref="DocumentNumberParser.TryParseLookup"/>: brackets, spaces, full-width characters).
    /// </summary>
    public string? ForeignIssuerCodeOf(string? documentNumber)
    {
        if (IssuerCodes.Count == 0 || !DocumentNumberParser.TryParseLookup(documentNumber, out var number))
        {
            return null;
        }

        return IssuerCodes.Contains(number.IssuerCode, StringComparer.Ordinal) ? null : number.IssuerCode;
    }

    /// <summary>
    /// Reads a 机关代字 typed by an administrator: full-width letters folded and whitespace removed, as a 发文字号 look-up
    /// reads them (<c>桐 政 发</c> is 桐政发). It must be what the parser takes as the code of <c>{code}〔2024〕1号</c>: Chinese
    /// characters (a few codes carry Latin letters), no brackets or digits, at most <see cref="MaxIssuerCodeLength"/>
    /// characters, and not beginning with a word the parser drops (根据, 印发…).
    /// </summary>
    /// <param name="text">What was typed.</param>
    /// <param name="code">The normalised code.</param>
    /// <param name="problem">Why it is refused (Chinese and English), when it is.</param>
    public static bool TryNormalizeIssuerCode(string? text, [NotNullWhen(true)] out string? code, [NotNullWhen(false)] out string? problem)
    {
        code = null;
        problem = null;
        var squashed = text is null ? "" : string.Concat(TextNormalizer.Normalize(text).Where(c => !char.IsWhiteSpace(c)));
        if (squashed.Length == 0)
        {
            problem = "机关代字不能为空 / An issuer code (机关代字) cannot be empty.";
            return false;
        }

        var typed = text!.Trim(); // messages quote what was typed
        if (squashed.Length > MaxIssuerCodeLength)
        {
            problem = $"机关代字“{typed}”过长（最多{MaxIssuerCodeLength}个字）/ An issuer code has at most {MaxIssuerCodeLength} characters.";
            return false;
        }

        if (!squashed.All(c => char.IsLetter(c)))
        {
            problem = $"机关代字“{typed}”只能由汉字组成，不含年份、序号或括号，如 桐政发 / An issuer code is the characters before the 〔year〕, e.g. 桐政发: no digits, brackets or punctuation.";
            return false;
        }

        if (!DocumentNumberParser.TryParse(squashed + "〔2024〕1号", out var probe) || !string.Equals(probe.IssuerCode, squashed, StringComparison.Ordinal))
        {
            problem = $"“{typed}”不能作为机关代字（发文字号解析不出该代字）/ '{typed}' cannot be read back as the issuer code of a 发文字号.";
            return false;
        }

        code = squashed;
        return true;
    }
}
