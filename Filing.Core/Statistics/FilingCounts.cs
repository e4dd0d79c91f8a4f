namespace Filing.Core.Statistics;

/// <summary>
/// Filing (备案) figures for a cohort: the filings of the documents an issuing authority published in a year, one per
/// document and required oversight body.
/// </summary>
/// <param name="Due">应报备: filings opened for the cohort (one per published document and required oversight body).</param>
/// <param name="Filed">已报备: of those, filings with a conforming submission standing (every status except returned-and-not-resubmitted).</param>
/// <param name="FiledOnTime">按时报备: filed, and the standing submission was made on or before the due date.</param>
/// <param name="Overdue">逾期未报: returned, not resubmitted, and the due date has passed.</param>
/// <param name="Reviewed">已审查: filings on which the oversight body gave its review opinion.</param>
/// <param name="NoProblem">审查无问题.</param>
/// <param name="CorrectionRequired">要求纠正 (including those since corrected).</param>
/// <param name="Revoked">撤销.</param>
/// <param name="CorrectionsCompleted">要求纠正且已纠正.</param>
/// <param name="CorrectionsOverdue">要求纠正, not corrected, and the correction deadline has passed.</param>
public sealed record FilingCounts(
    int Due,
    int Filed,
    int FiledOnTime,
    int Overdue,
    int Reviewed,
    int NoProblem,
    int CorrectionRequired,
    int Revoked,
    int CorrectionsCompleted,
    int CorrectionsOverdue)
{
    /// <summary>报备率 = Filed ÷ Due.</summary>
    public decimal? FilingRate => Ratio.Of(Filed, Due);

    /// <summary>报备及时率 = FiledOnTime ÷ Due.</summary>
    public decimal? TimelyFilingRate => Ratio.Of(FiledOnTime, Due);

    /// <summary>纠错率 = (CorrectionRequired + Revoked) ÷ Reviewed.</summary>
    public decimal? CorrectionRate => Ratio.Of(CorrectionRequired + Revoked, Reviewed);

    /// <summary>纠正完成率 = CorrectionsCompleted ÷ CorrectionRequired.</summary>
    public decimal? CorrectionCompletionRate => Ratio.Of(CorrectionsCompleted, CorrectionRequired);
}
