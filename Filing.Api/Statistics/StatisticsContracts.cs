using Filing.Api.Register;

namespace Filing.Api.Statistics;

// Shapes of GET /api/v1/statistics. Every figure's definition is also in StatisticsDefinitions (CSV column
// "definition") and in the README.

/// <summary>Register statistics for an issuing authority (or all) and a year (or all time).</summary>
/// <param name="IssuingAuthority">The issuing authority (制定机关), or null for all.</param>
/// <param name="Recipient">The oversight body the filing figures are limited to, or null for all.</param>
/// <param name="Year">The calendar year, or null for all time.</param>
/// <param name="From">First day of the period (1 January of the year).</param>
/// <param name="To">Last day of the period (31 December of the year).</param>
/// <param name="AsOf">The day the figures were read (overdue counts depend on it; Asia/Shanghai).</param>
/// <param name="Documents">Published documents.</param>
/// <param name="Filings">Filing (备案) with oversight bodies.</param>
/// <param name="FilingReview">Review (审查) of the filings.</param>
/// <param name="Corrections">Corrections (纠正) asked for by oversight bodies.</param>
/// <param name="Objections">Citizen objections (审查建议).</param>
/// <param name="Comments">Public comments on drafts (公开征求意见).</param>
public sealed record StatisticsDto(
    OrganisationRef? IssuingAuthority,
    OrganisationRef? Recipient,
    int? Year,
    DateOnly? From,
    DateOnly? To,
    DateOnly AsOf,
    DocumentFiguresDto Documents,
    FilingFiguresDto Filings,
    FilingReviewFiguresDto FilingReview,
    CorrectionFiguresDto Corrections,
    ObjectionFiguresDto Objections,
    CommentFiguresDto Comments);

/// <summary>Published documents.</summary>
/// <param name="Published">发布件数: documents whose publication date (公布日期) falls in the period.</param>
public sealed record DocumentFiguresDto(int Published);

/// <summary>
/// Filing figures. The cohort is the filings of the documents published in the period: one filing per document and
/// required oversight body, counted in the year its document was published.
/// </summary>
/// <param name="Due">应报备件数: filings opened for documents published in the period.</param>
/// <param name="Filed">已报备件数: of those, filings with a conforming submission standing — every status except 'returned' (a filing returned by the formal check and not resubmitted is not filed).</param>
/// <param name="FiledOnTime">按时报备件数: filed, and the standing submission was made on or before the due date.</param>
/// <param name="Overdue">逾期未报件数: returned, not resubmitted, and the due date has passed (as of asOf).</param>
/// <param name="FilingRate">报备率 = filed ÷ due (4 decimals; null when due is 0).</param>
/// <param name="TimelyFilingRate">报备及时率 = filedOnTime ÷ due (4 decimals; null when due is 0).</param>
public sealed record FilingFiguresDto(int Due, int Filed, int FiledOnTime, int Overdue, decimal? FilingRate, decimal? TimelyFilingRate);

/// <summary>Review of the cohort's filings by the oversight bodies.</summary>
/// <param name="Reviewed">已审查件数: filings with a review opinion.</param>
/// <param name="NoProblem">审查无问题.</param>
/// <param name="CorrectionRequired">要求纠正 (whether or not corrected since).</param>
/// <param name="Revoked">撤销.</param>
/// <param name="CorrectionRate">纠错率 = (correctionRequired + revoked) ÷ reviewed (4 decimals; null when reviewed is 0).</param>
public sealed record FilingReviewFiguresDto(int Reviewed, int NoProblem, int CorrectionRequired, int Revoked, decimal? CorrectionRate);

/// <summary>Corrections asked for in the review of the cohort's filings.</summary>
/// <param name="Required">要求纠正件数 (= filingReview.correctionRequired).</param>
/// <param name="Completed">已纠正件数: the issuing side recorded the correction.</param>
/// <param name="Overdue">逾期未纠正: not corrected and the correction deadline has passed (as of asOf).</param>
/// <param name="CompletionRate">纠正完成率 = completed ÷ required (4 decimals; null when required is 0).</param>
public sealed record CorrectionFiguresDto(int Required, int Completed, int Overdue, decimal? CompletionRate);

/// <summary>Citizen objections (审查建议) against documents of the issuing authority, received in the period.</summary>
/// <param name="Recorded">False until the participation feature records objections; the figures are then 0.</param>
/// <param name="Received">收到件数: objections received in the period.</param>
/// <param name="Answered">已答复件数: of those, answered with a written reply.</param>
/// <param name="AnsweredWithinDeadline">按期答复件数: answered on or before the handling deadline.</param>
/// <param name="AnsweredWithinDeadlineRate">按期答复率 = answeredWithinDeadline ÷ received (4 decimals; null when received is 0).</param>
/// <param name="MedianDaysToAnswer">答复用时中位数: median of calendar days from receipt to reply over the answered objections; null when none.</param>
public sealed record ObjectionFiguresDto(bool Recorded, int Received, int Answered, int AnsweredWithinDeadline, decimal? AnsweredWithinDeadlineRate, double? MedianDaysToAnswer);

/// <summary>Public comments on drafts of the issuing authority, submitted in the period.</summary>
/// <param name="Recorded">False until the participation feature records comments; the figures are then 0.</param>
/// <param name="Received">收到意见条数: comments submitted in the period.</param>
/// <param name="Answered">已反馈条数: of those, answered (adopted, partly adopted or not adopted).</param>
/// <param name="Adopted">采纳.</param>
/// <param name="PartlyAdopted">部分采纳.</param>
/// <param name="AdoptionRate">采纳率 = (adopted + partlyAdopted) ÷ answered (4 decimals; null when answered is 0).</param>
public sealed record CommentFiguresDto(bool Recorded, int Received, int Answered, int Adopted, int PartlyAdopted, decimal? AdoptionRate);

/// <summary>Query of <c>GET /api/v1/statistics</c>.</summary>
public sealed class StatisticsQuery
{
    /// <summary>The issuing authority: organisation id or code (e.g. tonglu-gov); omit for all.</summary>
    public string? Authority { get; set; }

    /// <summary>Limit the filing figures to one oversight body: organisation id or code (e.g. tonglu-npc).</summary>
    public string? Recipient { get; set; }

    /// <summary>Calendar year (e.g. 2024); omit for all time.</summary>
    public int? Year { get; set; }

    /// <summary>json (default) or csv.</summary>
    public string? Format { get; set; }
}
