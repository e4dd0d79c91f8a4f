using System.Globalization;
using System.Text.RegularExpressions;
using Filing.Core.Documents;
using Filing.Core.Review.Rules;
using Filing.Core.Text;

namespace Filing.Core.Review.Checks;

/// <summary>发文字号 not in GB/T 9704 §7.2.5 form (〔〕, four-digit year, no 第, no leading zeros).</summary>
internal sealed class DocumentNumberFormCheck : DocumentCheck
{
    public override string Name => "document-number-form";

    public override IReadOnlyList<string> Placeholders { get; } = ["number", "problems"];

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var facts = context.Facts;
        if (facts.DocumentNumber is { WellFormed: false } n && facts.DocumentNumberAt is { } at)
        {
            yield return Hit(at, ("number", n.Raw), ("problems", string.Join("；", n.Problems)));
        }
    }
}

/// <summary>No 发文字号 found in the header.</summary>
internal sealed class DocumentNumberMissingCheck : DocumentCheck
{
    public override string Name => "document-number-missing";

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var facts = context.Facts;
        if (facts.DocumentNumber is null && Anchor(facts, context) is { } at)
        {
            yield return Hit(at);
        }
    }
}

/// <summary>施行日期 earlier than 成文日期.</summary>
internal sealed class EffectiveBeforeDateCheck : DocumentCheck
{
    public override string Name => "effective-before-date";

    public override IReadOnlyList<string> Placeholders { get; } = ["effective", "date"];

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var facts = context.Facts;
        if (facts is { EffectiveDate: { } effective, Date: { } date, EffectiveAt: { } at } && effective < date)
        {
            yield return Hit(at, ("effective", Chinese(effective)), ("date", Chinese(date)));
        }
    }
}

/// <summary>
/// 施行日期 sooner after 成文日期 than the configured minimum (⚠️ 30 days is common practice, not a verified
/// Zhejiang figure), with no stated reason for taking effect at once.
/// </summary>
internal sealed class EffectiveTooSoonCheck : DocumentCheck
{
    public override string Name => "effective-too-soon";

    public override IReadOnlyDictionary<string, string> DefaultParameters { get; } = new Dictionary<string, string>
    {
        ["minDays"] = "30",
        ["reasons"] = "(?:立即|即时|及时|尽快|从速)(?:施行|实施|执行)|不立即施行|紧急|突发|应急|上级.{0,10}要求.{0,10}(?:施行|实施)",
    };

    public override IReadOnlyList<string> Placeholders { get; } = ["days", "minDays"];

    public override string? Validate(IReadOnlyDictionary<string, string> parameters, RuleSet? rules)
    {
        if (PositiveInt(parameters, "minDays") is { } problem)
        {
            return problem;
        }

        try
        {
            _ = new Regex(parameters["reasons"], RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return "parameter 'reasons' does not compile: " + e.Message;
        }
    }

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var facts = context.Facts;
        if (facts is not { EffectiveDate: { } effective, Date: { } date, EffectiveAt: { } at } || effective < date)
        {
            yield break;
        }

        var days = effective.DayNumber - date.DayNumber;
        var min = context.Int("minDays");
        if (days >= min)
        {
            yield break;
        }

        var reasons = Pattern(context.Parameters["reasons"]);
        if (context.Normalized.Any(reasons.IsMatch))
        {
            yield break;
        }

        yield return Hit(at, ("days", days.ToString(CultureInfo.InvariantCulture)), ("minDays", min.ToString(CultureInfo.InvariantCulture)));
    }
}

/// <summary>No 有效期 stated (for all documents, or only for 暂行/试行 ones).</summary>
internal sealed class ValidityMissingCheck : DocumentCheck
{
    public override string Name => "validity-missing";

    public override IReadOnlyDictionary<string, string> DefaultParameters { get; } = new Dictionary<string, string>
    {
        ["documents"] = "all",
    };

    public override string? Validate(IReadOnlyDictionary<string, string> parameters, RuleSet? rules) =>
        parameters["documents"] is "all" or "provisional" or "ordinary" ? null : "parameter 'documents' is all, provisional or ordinary.";

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var facts = context.Facts;
        var applies = context.Parameters["documents"] switch
        {
            "provisional" => facts.Provisional,
            "ordinary" => !facts.Provisional,
            _ => true,
        };
        if (!applies || facts.ValidityYears is not null || facts.ValidUntil is not null)
        {
            yield break;
        }

        if ((facts.EffectiveAt ?? Anchor(facts, context)) is { } at)
        {
            yield return Hit(at);
        }
    }
}

/// <summary>有效期 longer than allowed (⚠️ ≤5 years, ≤2 for 暂行/试行 are typical elsewhere; configuration).</summary>
internal sealed class ValidityTooLongCheck : DocumentCheck
{
    public override string Name => "validity-too-long";

    public override IReadOnlyDictionary<string, string> DefaultParameters { get; } = new Dictionary<string, string>
    {
        ["maxYears"] = "5",
        ["maxYearsProvisional"] = "2",
    };

    public override IReadOnlyList<string> Placeholders { get; } = ["years", "maxYears", "kind"];

    public override string? Validate(IReadOnlyDictionary<string, string> parameters, RuleSet? rules) =>
        PositiveInt(parameters, "maxYears", "maxYearsProvisional");

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var facts = context.Facts;
        if (facts.ValidityAt is not { } at)
        {
            yield break;
        }

        double? years = facts.ValidityYears;
        if (years is null && facts is { ValidUntil: { } until } && (facts.EffectiveDate ?? facts.Date) is { } start)
        {
            years = (until.DayNumber - start.DayNumber + 1) / 365.25;
        }

        if (years is not { } y)
        {
            yield break;
        }

        var max = context.Int(facts.Provisional ? "maxYearsProvisional" : "maxYears");
        if (y > max + 0.01)
        {
            yield return Hit(at,
                ("years", Math.Round(y, 1).ToString(CultureInfo.InvariantCulture)),
                ("maxYears", max.ToString(CultureInfo.InvariantCulture)),
                ("kind", facts.Provisional ? "暂行、试行文件" : "行政规范性文件"));
        }
    }
}

/// <summary>An attachment named in the 附件说明 whose body is not in the document.</summary>
internal sealed class AttachmentMissingCheck : DocumentCheck
{
    public override string Name => "attachment-missing";

    public override IReadOnlyList<string> Placeholders { get; } = ["number", "title"];

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        foreach (var a in context.Facts.Attachments)
        {
            if (!a.Present)
            {
                yield return Hit(a.NamedAt, ("number", a.Number.ToString(CultureInfo.InvariantCulture)), ("title", a.Title));
            }
        }
    }
}

/// <summary>A title that does not end with a 文种 (通知, 办法, 意见…).</summary>
internal sealed class TitleTypeMissingCheck : DocumentCheck
{
    public override string Name => "title-type-missing";

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var facts = context.Facts;
        if (facts.Title is { } title && facts.TitleAt is { } at && DocumentFacts.TypeOf(title) is null)
        {
            yield return Hit(at);
        }
    }
}

/// <summary>A normative document named like a law or regulation (…法, …条例).</summary>
internal sealed partial class ReservedDocumentTypeCheck : DocumentCheck
{
    public override string Name => "reserved-document-type";

    public override IReadOnlyList<string> Placeholders { get; } = ["name"];

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var facts = context.Facts;
        var name = context.Document.EnclosedTitle ?? DocumentFacts.EnclosedTitleIn(facts.Title) ?? facts.Title;
        if (name is null || facts.TitleAt is not { } at)
        {
            yield break;
        }

        if (Reserved().IsMatch(name.Trim()))
        {
            yield return Hit(at, ("name", name.Trim()));
        }
    }

    [GeneratedRegex(@"(?:条例|(?<![办方做])法)(?:[(（](?:试行|暂行|草案)[)）])?$")]
    private static partial Regex Reserved();
}

/// <summary>The issuer in the title differs from the signature.</summary>
internal sealed class TitleIssuerMismatchCheck : DocumentCheck
{
    public override string Name => "title-issuer-mismatch";

    public override IReadOnlyList<string> Placeholders { get; } = ["titleIssuer", "signature"];

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var facts = context.Facts;
        if (facts is not { TitleIssuer: { } inTitle, SignatureIssuer: { } signature, TitleIssuerAt: { } at })
        {
            yield break;
        }

        var a = Compact(inTitle);
        var b = Compact(signature);

        // Joint documents list several issuers in the title; the signature then names each of them.
        if (a == b || a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal))
        {
            yield break;
        }

        yield return Hit(at, ("titleIssuer", inTitle), ("signature", signature));
    }

    private static string Compact(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>机关代字 that does not fit the issuer: an office issuing under the government's code or the reverse.</summary>
internal sealed class NumberIssuerMismatchCheck : DocumentCheck
{
    public override string Name => "number-issuer-mismatch";

    public override IReadOnlyList<string> Placeholders { get; } = ["code", "issuer"];

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var facts = context.Facts;
        if (facts is not { DocumentNumber: { } n, IssuingBody: { } issuer, DocumentNumberAt: { } at })
        {
            yield break;
        }

        var office = issuer.EndsWith("办公室", StringComparison.Ordinal) || issuer.EndsWith("办公厅", StringComparison.Ordinal);
        var government = issuer.EndsWith("人民政府", StringComparison.Ordinal);
        var officeCode = n.IssuerCode.Contains('办', StringComparison.Ordinal);
        if ((office && !officeCode) || (government && officeCode))
        {
            yield return Hit(at, ("code", n.IssuerCode), ("issuer", issuer));
        }
    }
}

/// <summary>发文机关标志 (…文件) names a different body from the issuer: an office using the government's header.</summary>
internal sealed class HeaderIssuerMismatchCheck : DocumentCheck
{
    private static readonly char[] Separators = [' ', '\u3000', '、', ',', '，', '\t'];

    public override string Name => "header-issuer-mismatch";

    public override IReadOnlyList<string> Placeholders { get; } = ["mark", "issuer"];

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var facts = context.Facts;
        if (facts is not { HeaderMark: { } mark, HeaderMarkAt: { } at } || (facts.SignatureIssuer ?? facts.TitleIssuer) is not { } issuer)
        {
            yield break;
        }

        var m = Compact(mark);
        var parts = issuer.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(Compact).ToList();
        var i = string.Concat(parts);

        // Consistent: the same body; a joint header naming the issuer; a joint signature naming the header's body.
        if (i == m || m.Contains(i, StringComparison.Ordinal) || parts.Contains(m) || parts.All(part => m.Contains(part, StringComparison.Ordinal)))
        {
            yield break;
        }

        yield return Hit(at, ("mark", mark + "文件"), ("issuer", issuer.Trim()));
    }

    private static string Compact(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>
/// A 印发/转发 notice whose title, body (现将《…》印发给你们) and enclosed document disagree on what is issued
/// (title 管理办法, body 实施细则, attachment 暂行规定).
/// </summary>
internal sealed partial class EnclosedTitleMismatchCheck : DocumentCheck
{
    public override string Name => "enclosed-title-mismatch";

    public override IReadOnlyList<string> Placeholders { get; } = ["title", "other"];

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var d = context.Document;
        var enclosed = DocumentFacts.EnclosedTitleIn(context.Facts.Title) ?? d.EnclosedTitle;
        if (enclosed is null || context.Facts.Title is null || !IssueVerb().IsMatch(context.Facts.Title))
        {
            yield break;
        }

        var expected = Key(enclosed);
        for (var p = 0; p < context.Normalized.Count; p++)
        {
            var role = d.Paragraphs[p].Role;
            if (role is ParagraphRole.Title or ParagraphRole.HeaderBlock or ParagraphRole.DocumentNumber)
            {
                continue;
            }

            var text = context.Normalized[p];
            foreach (Match m in BodyMention().Matches(text))
            {
                var named = m.Groups["t"].Value;
                if (Key(named) != expected)
                {
                    yield return Hit(new Located(p, m.Groups["t"].Index, m.Groups["t"].Length), ("title", enclosed), ("other", named));
                    yield break;
                }
            }

            if (role == ParagraphRole.EnclosedTitle && Key(text) is { Length: > 0 } heading && heading != expected)
            {
                var start = text.Length - text.TrimStart().Length;
                yield return Hit(new Located(p, start, text.Trim().Length), ("title", enclosed), ("other", text.Trim()));
                yield break;
            }
        }
    }

    private static string Key(string title) =>
        string.Concat(TextNormalizer.Normalize(title).Where(c => !char.IsWhiteSpace(c) && c is not ('《' or '》'))).Replace("(试行)", "", StringComparison.Ordinal).Replace("(暂行)", "", StringComparison.Ordinal);

    [GeneratedRegex(@"印发|转发|颁发|发布")]
    private static partial Regex IssueVerb();

    [GeneratedRegex(@"(?:现将|特将|将)《(?<t>[^》]{2,60})》(?:予以)?(?:印发|转发|颁发|发布)")]
    private static partial Regex BodyMention();
}

/// <summary>The body refers to an attachment (见附件, 附件2所列…) that the document does not contain or list.</summary>
internal sealed partial class AttachmentReferenceMissingCheck : DocumentCheck
{
    public override string Name => "attachment-reference-missing";

    public override IReadOnlyList<string> Placeholders { get; } = ["reference"];

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var d = context.Document;
        var listed = context.Facts.Attachments;
        var hasAttachmentBody = d.Paragraphs.Any(p => p.Role == ParagraphRole.Attachment) || listed.Any(a => a.Present);
        for (var p = 0; p < context.Normalized.Count; p++)
        {
            if (d.Paragraphs[p].Role is ParagraphRole.AttachmentNote or ParagraphRole.Attachment or ParagraphRole.Title)
            {
                continue;
            }

            foreach (Match m in Reference().Matches(context.Normalized[p]))
            {
                var numbered = m.Groups["n"].Success;
                var missing = numbered
                    ? listed.FirstOrDefault(a => a.Number == int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)) is not { Present: true }
                        && !(listed.Count == 0 && hasAttachmentBody && m.Groups["n"].Value == "1")
                    : listed.Count == 0 && !hasAttachmentBody;
                if (missing)
                {
                    yield return Hit(new Located(p, m.Index, m.Length), ("reference", m.Value));
                    yield break;
                }
            }
        }
    }

    [GeneratedRegex(@"(?:(?:见|详见|参见|按照|按|依照|填写|对照)附件(?<n>\d{1,2})?|附件(?<n>\d{1,2})(?:所列|所示|中的|中|的))")]
    private static partial Regex Reference();
}
