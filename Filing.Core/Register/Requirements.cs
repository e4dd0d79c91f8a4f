namespace Filing.Core.Register;

/// <summary>The requirements a step can be missing, with stable codes.</summary>
public static class Requirements
{
    /// <summary>公开征求意见 opened or waived.</summary>
    public static MissingRequirement PublicComment { get; } = new("public-comment",
        "公开征求意见（或记录不征求意见的理由）/ public comment opened, or waived with a reason");

    /// <summary>初审 recorded and not returned.</summary>
    public static MissingRequirement FairCompetitionSelfReview { get; } = new("fair-competition-self-review",
        "起草单位公平竞争审查（初审）/ the drafting department's fair-competition review");

    /// <summary>初审 passed (for 会同审查).</summary>
    public static MissingRequirement FairCompetitionSelfReviewPassed { get; } = new("fair-competition-self-review-passed",
        "起草单位公平竞争初审通过 / a passed fair-competition self-review before the joint review");

    /// <summary>会同审查 passed after the latest 初审.</summary>
    public static MissingRequirement FairCompetitionJointReview { get; } = new("fair-competition-joint-review",
        "市场监管部门会同审查 / joint fair-competition review by the market-regulation bureau");

    /// <summary>性别平等评估 passed or not applicable.</summary>
    public static MissingRequirement GenderEqualityAssessment { get; } = new("gender-equality-assessment",
        "性别平等评估（或不适用）/ gender-equality assessment, or not applicable");

    /// <summary>健康影响评价 screening passed or not applicable.</summary>
    public static MissingRequirement HealthScreening { get; } = new("health-screening",
        "健康影响评价筛查（或不适用）/ health screening, or not applicable");

    /// <summary>合法性审核 passed on the current version.</summary>
    public static MissingRequirement LegalityReview { get; } = new("legality-review",
        "合法性审核通过 / a passed legality review on the current version");

    /// <summary>The comment period closed and its feedback report (意见采纳情况) published.</summary>
    public static MissingRequirement PublicCommentFeedback { get; } = new("public-comment-feedback",
        "关闭征求意见并公布意见采纳情况 / the comment period closed and its feedback report published");

    /// <summary>集体审议决定.</summary>
    public static MissingRequirement CollectiveDecision { get; } = new("collective-decision",
        "集体审议决定 / the collective decision");

    /// <summary>统一登记 and 统一编号.</summary>
    public static MissingRequirement Registration { get; } = new("registration",
        "统一登记并编号 / registration with a unified number");

    /// <summary>
    /// A 发文字号 whose 机关代字 is one of the issuing authority's: <paramref name="documentNumber"/> carries
    /// <paramref name="issuerCode"/>, which is not among <paramref name="authorityCodes"/>. Registration refuses it until the
    /// legal office registers the document under the right number.
    /// </summary>
    public static MissingRequirement DocumentNumberIssuerCode(string documentNumber, string issuerCode, string authority, IReadOnlyList<string> authorityCodes)
    {
        ArgumentNullException.ThrowIfNull(authorityCodes);
        var codes = string.Join("、", authorityCodes);
        return new MissingRequirement(DocumentNumberIssuerCodeCode,
            $"发文字号“{documentNumber}”的机关代字“{issuerCode}”不是{authority}的机关代字（{codes}），登记时请写明正确的发文字号 / " +
            $"the 发文字号's issuer code {issuerCode} is not one of {authority}'s ({codes}): register with the right documentNumber");
    }

    /// <summary>Code of <see cref="DocumentNumberIssuerCode"/> (also the registration refusal's problem code).</summary>
    public const string DocumentNumberIssuerCodeCode = "document-number-issuer-code";

    /// <summary>统一发布.</summary>
    public static MissingRequirement Publication { get; } = new("publication",
        "统一发布 / publication");

    /// <summary>Error findings on the current version without an answer.</summary>
    public static MissingRequirement UnansweredFindings(int count) => new("unanswered-error-findings",
        $"{count} 条错误级审查意见未答复（已修改或已说明）/ {count} error finding(s) on the current version still unanswered (fixed or explained)");
}
