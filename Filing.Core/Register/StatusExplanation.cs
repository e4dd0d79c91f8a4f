using System.Globalization;

namespace Filing.Core.Register;

/// <summary>
/// Why a published document reads as it does on a day, and since when: “expired because its validity ended on
/// 2021-04-30”, “repealed from 2025-02-01”. Derived by <c>Explain</c> from the same facts and rule as
/// <see cref="DocumentStatusRules.Derive"/>, so the explanation can never disagree with the status.
/// </summary>
/// <param name="Status">The status on the day asked.</param>
/// <param name="Since">The first day the status holds (publication, 施行日期, the day after the validity ended, the end date).</param>
/// <param name="Until">For a document in force or not yet in force: the last day it will apply, when known (有效期, a scheduled repeal).</param>
/// <param name="Reason">Stable code: not-published, not-yet-effective, in-force, validity-ended, repealed, declared-invalid, amended, revoked.</param>
/// <param name="Summary">One sentence in Chinese for people, e.g. 有效期至2021年4月30日届满，自2021年5月1日起失效。</param>
public sealed record StatusExplanation(DocumentStatus Status, DateOnly? Since, DateOnly? Until, string Reason, string Summary)
{
    /// <summary>Explains <paramref name="document"/>'s status on <paramref name="today"/>.</summary>
    public static StatusExplanation Explain(NormativeDocumentRecord document, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Explain(document.Stage, document.PublishedOn, document.Termination, document.TerminatedOn, document.TerminationReason,
            document.ValidUntil, document.EffectiveDate, today);
    }

    /// <summary>Explains the status the given facts yield on <paramref name="today"/>.</summary>
    public static StatusExplanation Explain(
        LifecycleStage stage,
        DateOnly? publishedOn,
        TerminationKind? termination,
        DateOnly? terminatedOn,
        string? terminationReason,
        DateOnly? validUntil,
        DateOnly? effectiveDate,
        DateOnly today)
    {
        var status = DocumentStatusRules.Derive(stage, termination, terminatedOn, validUntil, effectiveDate, today);
        var why = string.IsNullOrWhiteSpace(terminationReason) ? "" : $"（{terminationReason.Trim()}）";
        switch (status)
        {
            case DocumentStatus.NotYetInForce:
                return new(status, publishedOn, LastDay(validUntil, termination, terminatedOn), "not-yet-effective",
                    $"已于{Day(publishedOn)}公布，自{Day(effectiveDate)}起施行。{Scheduled(termination, terminatedOn)}");
            case DocumentStatus.InForce:
                var until = LastDay(validUntil, termination, terminatedOn);
                return new(status, effectiveDate ?? publishedOn, until, "in-force",
                    $"自{Day(effectiveDate ?? publishedOn)}起施行，" +
                    (validUntil is { } v ? $"有效期至{Day(v)}。" : "未规定有效期，废止前持续有效。") + Scheduled(termination, terminatedOn));
            case DocumentStatus.Expired:
                var end = validUntil!.Value;
                return new(status, end.AddDays(1), null, "validity-ended",
                    $"有效期至{Day(end)}届满，自{Day(end.AddDays(1))}起失效。");
            case DocumentStatus.Repealed:
                return new(status, terminatedOn, null, "repealed", $"自{Day(terminatedOn)}起废止{why}。");
            case DocumentStatus.DeclaredInvalid:
                return new(status, terminatedOn, null, "declared-invalid", $"自{Day(terminatedOn)}起宣布失效{why}。");
            case DocumentStatus.Amended:
                return new(status, terminatedOn, null, "amended", $"自{Day(terminatedOn)}起由修改后的文件替代{why}。");
            case DocumentStatus.Revoked:
                return new(status, terminatedOn, null, "revoked", $"经备案审查，自{Day(terminatedOn)}起撤销{why}。");
            default:
                return new(status, null, null, "not-published", "尚未公布。");
        }
    }

    private static DateOnly? LastDay(DateOnly? validUntil, TerminationKind? termination, DateOnly? terminatedOn)
    {
        DateOnly? ends = termination is not null && terminatedOn is { } t ? t.AddDays(-1) : null;
        return (validUntil, ends) switch
        {
            ({ } v, { } e) => v < e ? v : e,
            ({ } v, null) => v,
            (null, { } e) => e,
            _ => null,
        };
    }

    private static string Scheduled(TerminationKind? termination, DateOnly? terminatedOn) =>
        termination is { } kind && terminatedOn is { } date
            ? kind switch
            {
                TerminationKind.Repealed => $"将自{Day(date)}起废止。",
                TerminationKind.DeclaredInvalid => $"将自{Day(date)}起宣布失效。",
                TerminationKind.Amended => $"将自{Day(date)}起由修改后的文件替代。",
                _ => $"将自{Day(date)}起撤销。",
            }
            : "";

    private static string Day(DateOnly? date) =>
        date is { } d ? d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "（日期未记录）";
}
