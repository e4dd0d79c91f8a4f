using System.Globalization;
using System.Text;
using System.Text.Json;
using Filing.Core.Review;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Review;

/// <summary>
/// The evaluation tool: runs the engine over corpus/evaluation/clauses.jsonl (the development set) with the semantics
/// of corpus/evaluation/README.md and writes per-step recall and the false-positive rate on clean clauses to
/// corpus/evaluation/RESULTS.md. Regenerate with
/// <c>FILING_UPDATE_EVALUATION=1 dotnet test Filing.Tests --filter EvaluationTests</c>; the committed file must match.
/// <para>
/// The held-out set (corpus/evaluation/holdout.jsonl, real published cases nobody tunes on) is measured only on
/// request, <c>FILING_EVALUATE_HOLDOUT=1 dotnet test Filing.Tests --filter EvaluationTests</c>, and written to its own
/// section of RESULTS.md with the date and commit; ordinary runs keep that section as committed and never read the
/// file, so that no one sees held-out figures while tuning.
/// </para>
/// </summary>
public class EvaluationTests
{
    private const double RecallTarget = 0.90;
    private const double FalsePositiveTarget = 0.05;

    /// <summary>Where the held-out section of RESULTS.md starts; everything before it is the development set.</summary>
    internal const string HoldoutMarker = "<!-- held-out set: written only by FILING_EVALUATE_HOLDOUT=1 -->";

    private static readonly Lazy<Evaluation> Result = new(() => Evaluate(RepoRoot.Path("corpus", "evaluation", "clauses.jsonl")));

    [Fact]
    public void CommittedResults_MatchTheEngine()
    {
        var path = RepoRoot.Path("corpus", "evaluation", "RESULTS.md");
        var generated = Render(Result.Value);
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        var holdout = HoldoutPart(committed);
        if (Environment.GetEnvironmentVariable("FILING_UPDATE_EVALUATION") == "1")
        {
            File.WriteAllText(path, generated + holdout);
            committed = generated + holdout;
        }

        File.Exists(path).Should().BeTrue("corpus/evaluation/RESULTS.md must be committed");
        DevelopmentPart(committed).Should().Be(generated,
            "RESULTS.md is stale: rerun with FILING_UPDATE_EVALUATION=1 and commit it");
    }

    [Fact]
    public void HeldOutResults_AreMeasuredOnRequestAndReportedSeparately()
    {
        var path = RepoRoot.Path("corpus", "evaluation", "RESULTS.md");
        if (Environment.GetEnvironmentVariable("FILING_EVALUATE_HOLDOUT") == "1")
        {
            var holdout = Evaluate(RepoRoot.Path("corpus", "evaluation", "holdout.jsonl"));
            var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
            File.WriteAllText(path, DevelopmentPart(committed) + RenderHoldout(holdout));
        }

        var section = HoldoutPart(File.ReadAllText(path).ReplaceLineEndings("\n"));
        section.Should().StartWith(HoldoutMarker, "RESULTS.md reports the held-out set in its own section");
        section.Should().Contain("never used for tuning").And.Contain("| **all** |").And.MatchRegex(@"commit `[0-9a-f]{7,}`");
    }

    private static string DevelopmentPart(string results)
    {
        var at = results.IndexOf(HoldoutMarker, StringComparison.Ordinal);
        return at < 0 ? results : results[..at];
    }

    private static string HoldoutPart(string results)
    {
        var at = results.IndexOf(HoldoutMarker, StringComparison.Ordinal);
        return at < 0 ? "" : results[at..];
    }

    [Fact]
    public void RecallMeetsTarget_GivenEveryStep()
    {
        foreach (var step in Result.Value.Steps)
        {
            step.Recall.Should().BeGreaterThanOrEqualTo(RecallTarget, "recall of {0} (missed: {1})", step.Step, string.Join(", ", step.Missed));
        }
    }

    [Fact]
    public void FalsePositiveRateMeetsTarget_GivenCleanClauses()
    {
        var all = Result.Value.Total;
        all.FalsePositiveRate.Should().BeLessThanOrEqualTo(FalsePositiveTarget,
            "false positives: {0}", string.Join(", ", Result.Value.Steps.SelectMany(s => s.FalsePositives)));
    }

    private static Evaluation Evaluate(string path)
    {
        var records = File.ReadAllLines(path)
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<Clause>(l, JsonOptions)!)
            .ToList();

        var reviewer = ReviewTestContext.Reviewer;
        var screening = ReviewTestContext.Rules.Rules.Where(r => r.Screening).Select(r => r.Id).ToHashSet();
        var outcomes = new List<Outcome>();
        foreach (var c in records)
        {
            if (!ReviewStepNames.TryParse(c.Step, out var step))
            {
                throw new InvalidDataException($"{c.Id}: unknown step '{c.Step}'");
            }

            // README: drafting records and legality/internal-body-issuer are whole-document snippets.
            var whole = step == ReviewStep.Drafting || c.Category == "internal-body-issuer";
            var report = reviewer.ReviewText(c.Text, wholeDocument: whole);
            // A finding the engine itself marks as statute text (info, quotation found or unverifiable) is not a finding
            // of the draft's problem, so it does not count towards recall.
            var ofStep = report.Findings.Where(f => f.Step == step && f.Quotation is not { Check: not QuotationCheck.NotFound }).ToList();
            var alarms = report.Findings.Where(f => f.Severity >= Severity.Warning).ToList();
            outcomes.Add(new Outcome(c, step, c.Label == "problem" ? ofStep.Count > 0 : alarms.Count > 0,
                (c.Label == "problem" ? ofStep : alarms).Select(f => f.RuleId).Distinct().ToList(),
                ofStep.Count > 0 && ofStep.All(f => screening.Contains(f.RuleId))));
        }

        var steps = ReviewStepNames.All.Select(s => StepResult.From(s, outcomes.Where(o => o.Step == s).ToList())).ToList();
        var total = StepResult.From(null, outcomes);
        return new Evaluation(records.Count, steps, total, outcomes);
    }

    private static string Pct(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static void AppendTable(StringBuilder sb, Evaluation e)
    {
        sb.Append("| step | problems | found | recall | of which only a screening question | clean | false positives | FP rate |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var s in e.Steps.Append(e.Total))
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {(s.Step is { } st ? ReviewStepNames.Name(st) : "**all**")} | {s.Problems} | {s.Found} | {Pct(s.Recall)} | {s.FoundByScreeningOnly} | {s.Clean} | {s.FalsePositiveCount} | {Pct(s.FalsePositiveRate)} |\n");
        }
    }

    /// <summary>
    /// The held-out section: per-step figures only (no ids, categories or texts, which would invite tuning), with
    /// when and at which commit they were measured.
    /// </summary>
    private static string RenderHoldout(Evaluation e)
    {
        var sb = new StringBuilder();
        sb.Append(HoldoutMarker).Append("\n\n## Held-out set (`holdout.jsonl`)\n\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC at commit `{GitHead()}` with the {ReviewTestContext.Rules.Rules.Count} rules of that commit, ");
        sb.Append(CultureInfo.InvariantCulture, $"by `FILING_EVALUATE_HOLDOUT=1 dotnet test Filing.Tests --filter EvaluationTests` ({e.Count} records, same semantics as above).\n\n");
        sb.Append("The held-out set is real published cases that the rule authors did not read: it is **never used for tuning**. ");
        sb.Append("It is measured once, after tuning is finished, and only per-step figures are reported here; ");
        sb.Append("rules must not be changed in response to them (a change would need a new, unseen set to measure).\n\n");
        AppendTable(sb, e);
        return sb.ToString();
    }

    private static string GitHead()
    {
        var start = new System.Diagnostics.ProcessStartInfo("git", "rev-parse --short HEAD")
        {
            WorkingDirectory = RepoRoot.Find(),
            RedirectStandardOutput = true,
        };
        using var git = System.Diagnostics.Process.Start(start)!;
        var head = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 && head.Length > 0 ? head : throw new InvalidOperationException("git rev-parse HEAD failed");
    }

    private static string Render(Evaluation e)
    {
        var outcomes = e.Outcomes;
        var sb = new StringBuilder();
        sb.Append("# Review engine evaluation\n\n");
        sb.Append("## Development set (`clauses.jsonl`)\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Generated by `FILING_UPDATE_EVALUATION=1 dotnet test Filing.Tests --filter EvaluationTests` from ");
        sb.Append(CultureInfo.InvariantCulture, $"`clauses.jsonl` ({e.Count} records) with the {ReviewTestContext.Rules.Rules.Count} rules in `corpus/rules/`. ");
        sb.Append("The test fails when this section is stale. The held-out set is reported separately at the end.\n\n");
        sb.Append("Semantics, as set by the evaluation set's README (which was written without seeing the rules):\n\n");
        sb.Append("- a **problem** record is found when the engine reports at least one finding **of its step**, at any severity, ");
        sb.Append("not counting `info` findings the engine marks as quoted or copied statute text;\n");
        sb.Append("- a **clean** record is a false positive when the engine reports any `error` or `warning` finding, in any step;\n");
        sb.Append("- drafting records and `internal-body-issuer` records are reviewed as whole documents, all others as passages.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Targets (issue 3): recall ≥ {Pct(RecallTarget)} per step, false positives ≤ {Pct(FalsePositiveTarget)} of clean records.\n\n");
        AppendTable(sb, e);
        sb.Append('\n').Append(History);
        sb.Append("\n## By category (development set)\n\n| step | category | problems | found | clean | false positives |\n|---|---|---:|---:|---:|---:|\n");
        foreach (var g in outcomes.GroupBy(o => (o.Step, o.Clause.Category)).OrderBy(g => g.Key.Step).ThenBy(g => g.Key.Category, StringComparer.Ordinal))
        {
            var problems = g.Where(o => o.Clause.Label == "problem").ToList();
            var clean = g.Where(o => o.Clause.Label == "clean").ToList();
            sb.Append(CultureInfo.InvariantCulture,
                $"| {ReviewStepNames.Name(g.Key.Step)} | `{g.Key.Category}` | {problems.Count} | {problems.Count(o => o.Hit)} | {clean.Count} | {clean.Count(o => o.Hit)} |\n");
        }

        sb.Append("\n## Missed problems\n\n");
        var missed = outcomes.Where(o => o.Clause.Label == "problem" && !o.Hit).ToList();
        sb.Append(missed.Count == 0 ? "None.\n" : string.Concat(missed.Select(o => $"- `{o.Clause.Id}` ({o.Clause.Category})\n")));
        sb.Append("\n## False positives on clean records\n\n");
        var fps = outcomes.Where(o => o.Clause.Label == "clean" && o.Hit).ToList();
        sb.Append(fps.Count == 0 ? "None.\n" : string.Concat(fps.Select(o => $"- `{o.Clause.Id}` ({o.Clause.Category}): {string.Join(", ", o.RuleIds)}\n")));
        return sb.ToString();
    }

    // How the figures above came about, so that nobody mistakes them for a blind measurement.
    private const string History = """
        ## How to read these figures

        The rules were written before this evaluation set existed, and the set was written without seeing the rules. The
        **first blind run** of the engine on it gave:

        | step | recall | FP rate |
        |---|---:|---:|
        | fair-competition | 33.1% | 0.0% |
        | gender-equality | 31.3% | 0.0% |
        | health | 71.4% (26 of 30 only through the 健康影响评价 screening question) | 0.0% |
        | legality | 48.6% | 0.0% |
        | drafting | 83.9% | 5.9% |
        | **all** | 44.7% | 0.7% |

        The rules were then generalised by reading the kinds of phrasing that were missed (e.g. 指定/推荐/确定的…机构,
        conditions in lists, 纳税 rewards by 县级留成, 婚育 questions in registration forms, 停止供水/供电, 循环证明) and
        writing patterns for the construction, not the sentence, each with new examples of our own in the rule files. The
        table above is therefore a **development-set** figure: it shows the rules cover this set, not how they generalise.

        To see how the rules do on phrasings they were not written for, four more batches of realistic clauses were written
        from the domain material (rules.md, the statutes, the wording of published inspection notices and 备案审查 reports)
        and added to the set (ids after `fc-0211`, `ge-0094`, `hl-0063`, `lg-0145`), each run **before** any rule was
        changed for it:

        | batch | step | problems found before tuning | clean with a false positive |
        |---|---|---:|---:|
        | 1 (73 records) | fair-competition | 15 / 22 | 0 / 7 |
        | 1 | gender-equality | 9 / 11 | 1 / 4 |
        | 1 | health | 4 / 5 | 0 / 2 |
        | 1 | legality | 9 / 16 | 0 / 6 |
        | 1 | **all** | **37 / 54 (68.5%)** | **1 / 19** |
        | 2 (40 records, after tuning on batch 1) | fair-competition | 5 / 12 | 0 / 4 |
        | 2 | gender-equality | 3 / 7 | 0 / 2 |
        | 2 | health | 3 / 3 | 0 / 1 |
        | 2 | legality | 7 / 9 | 0 / 2 |
        | 2 | **all** | **18 / 31 (58.1%)** | **0 / 9** |
        | 3 (40 records, after tuning on batches 1–2) | fair-competition | 6 / 11 | 0 / 3 |
        | 3 | gender-equality | 3 / 6 | 0 / 2 |
        | 3 | health | 4 / 4 | 0 / 1 |
        | 3 | legality | 7 / 10 | 0 / 3 |
        | 3 | **all** | **20 / 31 (64.5%)** | **0 / 9** |
        | 4 (30 records, after tuning on batches 1–3) | fair-competition | 5 / 8 | 0 / 2 |
        | 4 | gender-equality | 2 / 5 | 0 / 1 |
        | 4 | health | 3 / 3 | 0 / 1 |
        | 4 | legality | 4 / 8 | 0 / 2 |
        | 4 | **all** | **14 / 24 (58.3%)** | **0 / 6** |

        So on unseen wording the rules found roughly 60–70% of problems, with almost no false alarms, and the rate did
        not climb from batch to batch: generalising on one batch does not carry far to the next. Each batch's misses were
        then covered by generalising the construction rather than the sentence (a local maker's goods 优先纳入 a catalogue,
        work 交由/由 a named company or 中心, tax shares 留成 with the rate after a comma, …的，没收/吊销 as a consequence,
        暂扣/收存 under other names, 仅面向男性, 须为已婚已育, 嫁到外村, 以男性成员为产权人, 不按规定…取消分红,
        经…同意后方可出租, 组织强制起葬, 优先录用男性, 排除怀孕, 其他经营者参照执行, 预留份额面向本县企业,
        男…为五年，女…为七年, 不良信用记录…不得). A hidden set of real published cases is the honest test; expect lower
        recall there than on this set.

        Batch 5 (28 records, ids `fc-0281`–`fc-0289`, `ge-0133`–`ge-0141`, `lg-0202`–`lg-0211`) targets statute
        quotations in drafts and recruitment tables read by column. It was written and run **before** the engine
        learnt to recognise quotations (`corpus/rules/quotations.yaml`, checked against the statute texts in
        `corpus/statutes/`) and before the table check `GE-4301-2`:

        | batch | step | problems found before the change | after | clean with a false positive before | after |
        |---|---|---:|---:|---:|---:|
        | 5 | fair-competition | 4 / 5 | 5 / 5 | 1 / 4 | 0 / 4 |
        | 5 | gender-equality | 2 / 4 | 4 / 4 | 0 / 5 | 0 / 5 |
        | 5 | legality | 1 / 5 | 4 / 5 | 3 / 5 | 0 / 5 |
        | 5 | **all** | **7 / 14 (50.0%)** | **13 / 14** | **4 / 14** | **0 / 14** |

        Before, quoted statute text raised errors (行政处罚法第九条's 罚款、没收…, 行政强制法第九条's 查封…), and a
        citation that only introduced a quotation (根据《…法》规定：“…”) excused the draft's own penalty or fee after it,
        and an invented "quotation". The one miss left, `lg-0211` (须经县商务局审批同意 quoted from a 通知), is a gap
        in the licence rule's wording, not in quotation handling. It was then covered (fourth session) by generalising the
        construction in LG-0103 — 凡/对…的，须经…审批/批准/核准, for an activity of citizens or businesses (从事 joined the rule's
        `require` words) — with new positive and negative examples of our own; the held-out figures did not change.

        """;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record Clause(string Id, string Step, string? Category, string Label, string Text, string? Source, string? Note);

    private sealed record Outcome(Clause Clause, ReviewStep Step, bool Hit, IReadOnlyList<string> RuleIds, bool ScreeningOnly);

    private sealed record Evaluation(int Count, IReadOnlyList<StepResult> Steps, StepResult Total, List<Outcome> Outcomes);

    private sealed record StepResult(ReviewStep? Step, int Problems, int Found, int FoundByScreeningOnly, int Clean, int FalsePositiveCount,
        IReadOnlyList<string> Missed, IReadOnlyList<string> FalsePositives)
    {
        public double Recall => Problems == 0 ? 1 : (double)Found / Problems;

        public double FalsePositiveRate => Clean == 0 ? 0 : (double)FalsePositiveCount / Clean;

        public static StepResult From(ReviewStep? step, List<Outcome> outcomes)
        {
            var problems = outcomes.Where(o => o.Clause.Label == "problem").ToList();
            var clean = outcomes.Where(o => o.Clause.Label == "clean").ToList();
            return new StepResult(step, problems.Count, problems.Count(o => o.Hit), problems.Count(o => o.Hit && o.ScreeningOnly),
                clean.Count, clean.Count(o => o.Hit),
                problems.Where(o => !o.Hit).Select(o => o.Clause.Id).ToList(),
                clean.Where(o => o.Hit).Select(o => o.Clause.Id + "[" + string.Join("/", o.RuleIds) + "]").ToList());
        }
    }
}
