using Filing.Api.Review;
using Filing.Core.Register;
using Filing.Core.Review;

namespace Filing.Api.Register;

/// <summary>Example bodies shown in the OpenAPI document (values from the Tonglu demo).</summary>
internal static class RegisterExamples
{
    public static readonly Guid Document = Guid.Parse("0191c50f-4d00-7d38-ab1c-0f5a94f5ec67");
    public static readonly Guid Filing = Guid.Parse("0191c50f-4d00-7a11-9c3e-5d1a2b3c4d5e");
    private static readonly Guid Government = Guid.Parse("0192a000-0000-7000-8000-000000000001");
    private static readonly Guid Department = Guid.Parse("0192a000-0000-7000-8000-000000000002");
    private static readonly Guid LegalOffice = Guid.Parse("0192a000-0000-7000-8000-000000000004");
    private static readonly Guid Npc = Guid.Parse("0192a000-0000-7000-8000-000000000008");
    private static readonly DateTimeOffset At = new(2024, 9, 6, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2024, 9, 6);

    public static ConsultationRequest Waiver => new("仅涉及行政机关内部工作程序，不涉及公民、法人和其他组织的权利义务", null, null, null);

    public static ReviewStepRequest FairCompetition => new(ReviewOutcomeDto.Passed, "经审查，未发现排除、限制竞争的内容。");

    public static ReviewStepRequest NotApplicable => new(ReviewOutcomeDto.NotApplicable, "不涉及妇女权益和健康决定因素。");

    public static ReviewStepRequest Legality => new(ReviewOutcomeDto.Passed, "制定主体、程序和内容合法，同意提交集体审议。");

    public static CollectiveDecisionRequest Decision => new("县政府第12次常务会议", Day);

    public static RegistrationRequest RegistrationWithNumber => new("桐政发〔2024〕12号");

    public static RegistrationResponse Registration => new("ATLD00-2024-0001", Document, At, "桐政发〔2024〕12号");

    public static Microsoft.AspNetCore.Mvc.ProblemDetails DuplicateDocumentNumber => RegisterProblems.DuplicateDocumentNumber(Document, "桐政发[2024]12号", "桐庐县人民政府",
        new RegisteredDocumentNumber(Guid.Parse("0191c50f-4d00-7c01-8e2a-3b4c5d6e7f80"), "ATLD00-2024-0007", "桐政发〔2024〕12号", "桐庐县人民政府关于进一步规范行政规范性文件管理的通知"));

    public static Microsoft.AspNetCore.Mvc.ProblemDetails ForeignIssuerCode => RegisterProblems.ForeignIssuerCode(Document, "青政发〔2024〕8号", "青政发",
        new OrganisationRef(Government, "桐庐县人民政府"), ["桐政发", "桐政函"]);

    public static PublicationRequest Publication => new(Day, "桐庐县人民政府网站", "关于《桐庐县深化法治政府建设实施意见》的政策解读：……", null, null);

    public static RepealRequest Repeal => new(new DateOnly(2025, 1, 1), TerminationKindDto.Repealed, "已被《……》替代", null);

    public static AnswerFindingRequest Answer => new(FindingAnswerDto.Explained, "该条款依据《……条例》第十条的授权，已在起草说明中说明。");

    public static FilingReturnRequest FilingReturn => new("缺少起草说明和合法性审核意见书，请补充后重新报送。");

    public static FilingResubmissionRequest FilingResubmission => new("已补充起草说明和合法性审核意见书。");

    public static FilingOpinionRequest FilingOpinion => new(Core.Register.FilingOpinion.CorrectionRequired, "第五条规定与《中华人民共和国行政许可法》第十六条不一致，请予以纠正。", null);

    public static FilingCorrectionRequest FilingCorrection => new("已印发《关于修改〈……〉的决定》，删除第五条。");

    public static CreateCleanupRequest Cleanup => new(null, "桐庐县人民政府2026年度行政规范性文件清理");

    public static CleanupDecisionsRequest CleanupDecisions => new(
    [
        new CleanupDecisionRequest(Document, CleanupDecision.Continue, null),
        new CleanupDecisionRequest(Guid.Parse("0191c50f-4d00-7106-bc88-ac2282ed1f3e"), CleanupDecision.Repeal, "上位法已废止"),
    ]);

    public static CleanupPublicationRequest CleanupPublication => new(new DateOnly(2026, 11, 30));

    public static CreateOrganisationRequest Organisation => new("tonglu-zjj", "桐庐县住房和城乡建设局", "department", Government, null);

    public static IReadOnlyList<string> IssuerCodes => ["桐政发", "桐政函"];

    public static CreateApiKeyRequest ApiKey => new("县人大备案系统对接", ["oversight"]);

    public static IReadOnlyList<FilingRequirementRequest> Requirements => [new(Npc, 30, "calendar-days")];

    public static AuditVerifyResponse Verified => new(true, 13, null, null);

    public static FilingDto FilingItem => new(Filing, Document, "桐庐县人民政府关于印发《桐庐县深化法治政府建设实施意见（2018-2020年）》的通知",
        "ATLD00-2024-0001", new OrganisationRef(Government, "桐庐县人民政府"), new OrganisationRef(Npc, "桐庐县人大常委会法制工作委员会"),
        FilingStatus.Submitted, Day, "30日", new DateOnly(2024, 10, 8), false, false, Day, false, 1, null, null, null, null, null, null, null);

    public static PagedList<FilingDto> Filings => new([FilingItem], 1, null);

    public static DocumentDetail Published => new(
        Document,
        "桐庐县人民政府关于印发《桐庐县深化法治政府建设实施意见（2018-2020年）》的通知",
        "意见",
        "桐政发〔2018〕47号",
        "ATLD00-2024-0001",
        DocumentStatus.InForce,
        new OrganisationRef(Government, "桐庐县人民政府"),
        new OrganisationRef(Department, "桐庐县发展和改革局"),
        false,
        At.AddDays(-3),
        At,
        new PublicCommentDto(null, null, "仅涉及行政机关内部工作程序"),
        null,
        new DecisionDto("县政府第12次常务会议", Day),
        At,
        new PublicationDto(Day, "桐庐县人民政府网站", "政策解读：……"),
        Day,
        null,
        null,
        false,
        [],
        [
            new VersionDto(1, At.AddDays(-3), "桐庐县发展和改革局（演示：起草单位）", "桐政发〔2018〕47号.docx",
                "3f6c1e0b9a7d4c2e8b5a6f1d0e9c8b7a6f5e4d3c2b1a09f8e7d6c5b4a3928170", 10945,
                "桐庐县人民政府关于印发《桐庐县深化法治政府建设实施意见（2018-2020年）》的通知", "桐政发〔2018〕47号", 0,
                new VersionReviewDto(ReviewState.Completed, null, 0, 1, 0, 0),
                [
                    new VersionFindingDto(Guid.Parse("0191c50f-4d00-7b22-8d4e-6f7a8b9c0d1e"), "FC-LOCAL", ReviewStep.FairCompetition, Severity.Warning,
                        "疑似限定本地经营者", "本地企业", new FindingLocationDto("二、（一）", 21, 12, 4),
                        [new LegalBasis("公平竞争审查条例", "第九条", "（二）")], "删除地域限制", FindingAnswerKind.Explained, "指本地注册的各类企业，不限所有制", At.AddDays(-2)),
                ]),
        ],
        [
            new StepDto(7, StepKind.LegalityReview, StepOutcome.Passed, "同意提交集体审议", null, Day, 1, new OrganisationRef(LegalOffice, "桐庐县司法局"), At),
            new StepDto(8, StepKind.CollectiveDecision, StepOutcome.Recorded, null, "县政府第12次常务会议", Day, 1, new OrganisationRef(LegalOffice, "桐庐县司法局"), At),
            new StepDto(9, StepKind.Registration, StepOutcome.Recorded, null, "ATLD00-2024-0001", null, 1, new OrganisationRef(LegalOffice, "桐庐县司法局"), At),
            new StepDto(10, StepKind.Publication, StepOutcome.Recorded, null, "桐庐县人民政府网站", Day, 1, new OrganisationRef(LegalOffice, "桐庐县司法局"), At),
        ],
        [FilingItem]);

    public static CleanupDto CleanupResult => new(Guid.Parse("0191c50f-4d00-7c33-9e5f-708192a3b4c5"), "桐庐县人民政府2026年度行政规范性文件清理",
        new OrganisationRef(Government, "桐庐县人民政府"), CleanupStatus.Published, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 30),
        new DateOnly(2028, 11, 30), 0,
        [new CleanupItemDto(Document, "桐庐县人民政府关于印发《桐庐县深化法治政府建设实施意见（2018-2020年）》的通知", "ATLD00-2024-0001", "桐政发〔2018〕47号",
            CleanupDecision.Continue, null, At)],
        new CleanupListsDto([Document], [], [], []));
}
