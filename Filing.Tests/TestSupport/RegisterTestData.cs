using Filing.Core.Calendar;
using Filing.Core.Register;
using Filing.Core.Review;

namespace Filing.Tests.TestSupport;

/// <summary>A county's organisations, callers and documents taken to any stage, for domain tests.</summary>
public sealed class RegisterTestData
{
    public static readonly DateTimeOffset Now = new(2024, 9, 6, 2, 0, 0, TimeSpan.Zero); // 10:00 in Beijing
    public static readonly DateOnly Today = new(2024, 9, 6);

    public RegisterTestData()
    {
        Government = Org("gov", "桐庐县人民政府", OrganisationKind.Government, null, "ATLD00");
        Department = Org("fgj", "桐庐县发展和改革局", OrganisationKind.Department, Government.Id, null);
        Department2 = Org("jyj", "桐庐县教育局", OrganisationKind.Department, Government.Id, null);
        IssuingDepartment = Org("zjj", "桐庐县住房和城乡建设局", OrganisationKind.Department, Government.Id, "ATLD12");
        LegalOffice = Org("sfj", "桐庐县司法局", OrganisationKind.LegalOffice, Government.Id, null);
        MarketRegulation = Org("scjg", "桐庐县市场监督管理局", OrganisationKind.MarketRegulation, Government.Id, null);
        WomensFederation = Org("fl", "桐庐县妇女联合会", OrganisationKind.WomensFederation, Government.Id, null);
        HealthCommission = Org("wjj", "桐庐县卫生健康局", OrganisationKind.HealthCommission, Government.Id, null);
        Npc = Org("npc", "桐庐县人大常委会法制工作委员会", OrganisationKind.NpcFilingOffice, null, null);
        Party = Org("party", "中共桐庐县委办公室", OrganisationKind.PartyFilingOffice, null, null);
        OtherGovernment = Org("other-gov", "淳安县人民政府", OrganisationKind.Government, null, "ACAD00");
        OtherLegalOffice = Org("other-sfj", "淳安县司法局", OrganisationKind.LegalOffice, OtherGovernment.Id, null);
    }

    public Organisation Government { get; }
    public Organisation Department { get; }
    public Organisation Department2 { get; }
    public Organisation IssuingDepartment { get; }
    public Organisation LegalOffice { get; }
    public Organisation MarketRegulation { get; }
    public Organisation WomensFederation { get; }
    public Organisation HealthCommission { get; }
    public Organisation Npc { get; }
    public Organisation Party { get; }
    public Organisation OtherGovernment { get; }
    public Organisation OtherLegalOffice { get; }

    public Caller Drafter => Caller.For(Department, CallerRoles.Drafter);
    public Caller Drafter2 => Caller.For(Department2, CallerRoles.Drafter);
    public Caller Legal => Caller.For(LegalOffice, CallerRoles.LegalOffice);
    public Caller Market => Caller.For(MarketRegulation, CallerRoles.ReviewerBody);
    public Caller Women => Caller.For(WomensFederation, CallerRoles.ReviewerBody);
    public Caller Health => Caller.For(HealthCommission, CallerRoles.ReviewerBody);
    public Caller NpcCaller => Caller.For(Npc, CallerRoles.Oversight);
    public Caller PartyCaller => Caller.For(Party, CallerRoles.Oversight);
    public Caller OtherLegal => Caller.For(OtherLegalOffice, CallerRoles.LegalOffice);
    public Caller Admin => new(Guid.NewGuid(), OrganisationKind.SystemAdministrator, null, CallerRoles.Admin, null, "admin");

    public IReadOnlyList<FilingRoute> Routes => [new(Npc, Period.Days(30)), new(Party, Period.WorkingDays(20))];

    public static NewVersion Version(string? title = "桐庐县深化法治政府建设实施意见", params Finding[] findings) =>
        new("draft.docx", new string('a', 64), 1234,
            new ParsedSummary(title, "意见", "桐政发〔2018〕47号", null, null, 0),
            ReviewOutcome.Completed(findings));

    public static Finding ErrorFinding(string rule = "LEG001") =>
        new(rule, ReviewStep.Legality, Severity.Error, "不得设定行政处罚", "处以罚款", new FindingLocation("第三条", 5, 2, 4),
            [new LegalBasis("国办发〔2018〕37号", "（一）", "3")], "删除该条款");

    public static Finding WarningFinding() =>
        new("FC010", ReviewStep.FairCompetition, Severity.Warning, "疑似限定本地企业", "本地企业", new FindingLocation("二、（一）", 7, 0, 4),
            [new LegalBasis("公平竞争审查条例", "第九条", "（二）")], null);

    public NormativeDocumentRecord NewDraft(Organisation? issuer = null, Organisation? drafter = null, NewVersion? version = null) =>
        NormativeDocumentRecord.StartDraft(Guid.CreateVersion7(), issuer ?? Government, drafter ?? Department, DraftDetails.None,
            version ?? Version(), Drafter.AsActor(), Now);

    /// <summary>A document taken, by the book, to <paramref name="stage"/>.</summary>
    public NormativeDocumentRecord At(LifecycleStage stage, Organisation? issuer = null, NewVersion? version = null)
    {
        var doc = NewDraft(issuer, version: version);
        if (stage == LifecycleStage.Drafting)
        {
            return doc;
        }

        doc.WaivePublicComment("内部管理事项，不涉及公众权利义务", Drafter.AsActor(), Now);
        if (stage == LifecycleStage.InReview)
        {
            return doc;
        }

        PassReviews(doc);
        doc.RecordLegalityReview(StepOutcome.Passed, "同意", Today, Legal.AsActor(), Now);
        if (stage == LifecycleStage.Approved)
        {
            return doc;
        }

        doc.RecordCollectiveDecision("县政府第12次常务会议", Today, Today, Legal.AsActor(), Now);
        if (stage == LifecycleStage.Decided)
        {
            return doc;
        }

        doc.Register(UnifiedNumber.Create((issuer ?? Government).UnifiedNumberPrefix!, 2024, 1), Legal.AsActor(), Now);
        if (stage == LifecycleStage.Registered)
        {
            return doc;
        }

        doc.Publish(new Publication(Today, "桐庐县人民政府网站"), Routes, TestCalendar.Corpus, Today, Legal.AsActor(), Now);
        if (stage == LifecycleStage.Published)
        {
            return doc;
        }

        doc.Terminate(TerminationKind.Repealed, Today, "已被新文件替代", null, Legal.AsActor(), Now);
        return doc;
    }

    public void PassReviews(NormativeDocumentRecord doc)
    {
        doc.RecordFairCompetitionSelfReview(StepOutcome.Passed, "不含排除、限制竞争内容", Drafter.AsActor(), Now);
        if (doc.RequiresJointFairCompetitionReview)
        {
            doc.RecordFairCompetitionJointReview(StepOutcome.Passed, "同意", Market.AsActor(), Now);
        }

        doc.RecordGenderEqualityAssessment(StepOutcome.NotApplicable, null, Drafter.AsActor(), Now);
        doc.RecordHealthScreening(StepOutcome.NotApplicable, null, Drafter.AsActor(), Now);
    }

    private static Organisation Org(string code, string name, OrganisationKind kind, Guid? parent, string? prefix) =>
        new(Guid.CreateVersion7(), code, name, kind, parent, prefix);
}
