namespace Filing.Api.Statistics;

/// <summary>Label and precise definition of every statistics figure (the CSV carries them; the README repeats them).</summary>
internal static class StatisticsDefinitions
{
    private const string Cohort = "Filings of the documents published in the period (one per document and required oversight body)";

    public static IReadOnlyDictionary<string, (string Label, string Definition)> All { get; } = new Dictionary<string, (string, string)>
    {
        ["issuingAuthority"] = ("制定机关", "The issuing authority the figures cover (全部 = all)."),
        ["recipient"] = ("备案审查机关", "The oversight body the filing figures are limited to (全部 = all)."),
        ["year"] = ("年度", "Calendar year of publication (documents, filings), receipt (objections) or submission (comments); 全部 = all time."),
        ["asOf"] = ("统计日期", "The day the figures were read (Asia/Shanghai); overdue figures depend on it."),
        ["documents.published"] = ("发布件数", "Documents whose publication date falls in the period."),
        ["filings.due"] = ("应报备件数", Cohort + "."),
        ["filings.filed"] = ("已报备件数", Cohort + " with a conforming submission standing: every status except returned-and-not-resubmitted."),
        ["filings.filedOnTime"] = ("按时报备件数", "Filed, and the standing submission was made on or before the due date."),
        ["filings.overdue"] = ("逾期未报件数", "Returned by the formal check, not resubmitted, and the due date has passed."),
        ["filings.filingRate"] = ("报备率", "filed ÷ due, 4 decimals; empty when due is 0."),
        ["filings.timelyFilingRate"] = ("报备及时率", "filedOnTime ÷ due, 4 decimals; empty when due is 0."),
        ["filingReview.reviewed"] = ("已审查件数", Cohort + " on which the oversight body gave its review opinion."),
        ["filingReview.noProblem"] = ("审查无问题件数", "Reviewed with the opinion no-problem."),
        ["filingReview.correctionRequired"] = ("要求纠正件数", "Reviewed with the opinion correction-required (whether corrected since or not)."),
        ["filingReview.revoked"] = ("撤销件数", "Reviewed with the opinion revocation."),
        ["filingReview.correctionRate"] = ("纠错率", "(correctionRequired + revoked) ÷ reviewed, 4 decimals; empty when reviewed is 0."),
        ["corrections.required"] = ("要求纠正件数", "= filingReview.correctionRequired."),
        ["corrections.completed"] = ("已纠正件数", "Correction required and the issuing side recorded the correction."),
        ["corrections.overdue"] = ("逾期未纠正件数", "Correction required, not recorded, and the correction deadline has passed."),
        ["corrections.completionRate"] = ("纠正完成率", "completed ÷ required, 4 decimals; empty when required is 0."),
        ["objections.recorded"] = ("异议数据可用", "false until the participation feature records objections (all objection figures are then 0)."),
        ["objections.received"] = ("收到审查建议件数", "Citizen objections received in the period against documents of the issuing authority."),
        ["objections.answered"] = ("已答复件数", "Of those, answered with a written reply to the submitter."),
        ["objections.answeredWithinDeadline"] = ("按期答复件数", "Of those, answered on or before the handling deadline."),
        ["objections.answeredWithinDeadlineRate"] = ("按期答复率", "answeredWithinDeadline ÷ received, 4 decimals; empty when received is 0."),
        ["objections.medianDaysToAnswer"] = ("答复用时中位数（日）", "Median of calendar days from receipt to reply over the answered objections; empty when none."),
        ["comments.recorded"] = ("征求意见数据可用", "false until the participation feature records comments (all comment figures are then 0)."),
        ["comments.received"] = ("收到意见条数", "Public comments submitted in the period on drafts of the issuing authority."),
        ["comments.answered"] = ("已反馈条数", "Of those, answered: adopted, partly adopted or not adopted."),
        ["comments.adopted"] = ("采纳条数", "Answered as adopted."),
        ["comments.partlyAdopted"] = ("部分采纳条数", "Answered as partly adopted."),
        ["comments.adoptionRate"] = ("采纳率", "(adopted + partlyAdopted) ÷ answered, 4 decimals; empty when answered is 0."),
    };
}
