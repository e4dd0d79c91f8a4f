using System.Text.Json;
using Filing.Core.Feeds;
using Filing.Core.Register;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Feeds;

public class RegisterEventsTests
{
    private static readonly Caller Person = new(Guid.NewGuid(), OrganisationKind.Department, null, CallerRoles.Drafter, Guid.NewGuid(),
        "桐庐县发展和改革局（张三 13812345678 zhangsan@example.com）");

    private readonly RegisterTestData _data = new();

    [Fact]
    public void Published_CarriesPublicFactsOnly_GivenStepsByANamedPerson()
    {
        var doc = _data.NewDraft(version: RegisterTestData.Version("桐庐县某某管理办法"));
        doc.WaivePublicComment("内部事项：张三说不用征求意见", Person.AsActor(), RegisterTestData.Now);
        _data.PassReviews(doc);
        doc.RecordLegalityReview(StepOutcome.Passed, "内部审查意见：第三条有风险", RegisterTestData.Today, Person.AsActor(), RegisterTestData.Now);
        doc.RecordCollectiveDecision("县政府第12次常务会议", RegisterTestData.Today, RegisterTestData.Today, Person.AsActor(), RegisterTestData.Now);
        doc.Register(UnifiedNumber.Create("ATLD00", 2024, 7), Person.AsActor(), RegisterTestData.Now);
        doc.Publish(new Publication(RegisterTestData.Today, "桐庐县人民政府网站", "政策解读全文", null, new DateOnly(2026, 9, 5)), [],
            TestCalendar.Corpus, RegisterTestData.Today, Person.AsActor(), RegisterTestData.Now);

        var e = RegisterEvents.Published(doc, RegisterTestData.Now);

        e.Type.Should().Be(RegisterEventTypes.DocumentPublished);
        e.EffectiveOn.Should().Be(RegisterTestData.Today);
        e.DocumentId.Should().Be(doc.Id);
        e.UnifiedNumber.Should().Be("ATLD00-2024-0007");
        e.Summary.Should().Be("桐庐县人民政府于2024-09-06发布《桐庐县某某管理办法》（桐政发〔2018〕47号，统一编号ATLD00-2024-0007），有效期至2026-09-05。");
        var data = JsonDocument.Parse(e.Data).RootElement;
        data.GetProperty("channel").GetString().Should().Be("桐庐县人民政府网站");
        data.GetProperty("validUntil").GetString().Should().Be("2026-09-05");
        data.GetProperty("hasPolicyInterpretation").GetBoolean().Should().BeTrue();
        var everything = e.Summary + e.Data + e.DocumentTitle + e.IssuingAuthorityName;
        foreach (var secret in new[] { "张三", "13812345678", "zhangsan@example.com", "内部审查意见", "政策解读全文", "不用征求意见" })
        {
            everything.Should().NotContain(secret);
        }
    }

    [Theory]
    [InlineData(TerminationKind.Repealed, "document.repealed")]
    [InlineData(TerminationKind.DeclaredInvalid, "document.declared-invalid")]
    [InlineData(TerminationKind.Revoked, "document.revoked")]
    public void Terminated_NamesKindAndFirstDay_GivenEnd(TerminationKind kind, string type)
    {
        var doc = _data.At(LifecycleStage.Published);
        doc.Terminate(kind, new DateOnly(2025, 1, 1), "上位法已修改", null, _data.Legal.AsActor(), RegisterTestData.Now);

        var e = RegisterEvents.Terminated(doc, RegisterTestData.Now);

        e.Type.Should().Be(type);
        e.EffectiveOn.Should().Be(new DateOnly(2025, 1, 1));
        JsonDocument.Parse(e.Data).RootElement.GetProperty("reason").GetString().Should().Be("上位法已修改");
    }

    [Fact]
    public void ExpiresOn_IsDayAfterValidity_GivenNoEarlierEnd()
    {
        var doc = Published(validUntil: new DateOnly(2024, 12, 31));

        RegisterEvents.ExpiresOn(doc).Should().Be(new DateOnly(2025, 1, 1));
        var e = RegisterEvents.Expired(doc, RegisterTestData.Now);
        e.DedupeKey.Should().Be(RegisterEvents.ExpiryKey(doc.Id));
        e.Summary.Should().Contain("有效期至2024-12-31届满，自2025-01-01起失效");
    }

    [Theory]
    [InlineData("2024-12-01", false)]
    [InlineData("2025-01-01", false)]
    [InlineData("2025-01-02", true)]
    public void ExpiresOn_YieldsToTermination_GivenRepealOnOrBeforeFirstExpiredDay(string repealedOn, bool expires)
    {
        var doc = Published(validUntil: new DateOnly(2024, 12, 31));
        doc.Terminate(TerminationKind.Repealed, DateOnly.Parse(repealedOn, System.Globalization.CultureInfo.InvariantCulture), null, null,
            _data.Legal.AsActor(), RegisterTestData.Now);

        (RegisterEvents.ExpiresOn(doc) is not null).Should().Be(expires);
    }

    [Fact]
    public void ExpiresOn_IsNull_GivenNoValidityOrDraft()
    {
        RegisterEvents.ExpiresOn(_data.At(LifecycleStage.Published)).Should().BeNull();
        RegisterEvents.ExpiresOn(_data.At(LifecycleStage.Registered)).Should().BeNull();
        var draft = () => RegisterEvents.Expired(_data.At(LifecycleStage.Published), RegisterTestData.Now);
        draft.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Other_RefusesUnknownType_GivenMadeUpName()
    {
        var act = () => RegisterEvents.Other("objection.anything", RegisterTestData.Now, null, "x", new { count = 1 }, null);

        act.Should().Throw<ArgumentException>().WithMessage("*RegisterEventTypes.All*");
    }

    [Fact]
    public void AssignSequence_RefusesSecondAssignment_GivenSequencedEvent()
    {
        var e = RegisterEvents.Published(_data.At(LifecycleStage.Published), RegisterTestData.Now);
        e.AssignSequence(5);

        var again = () => e.AssignSequence(6);

        again.Should().Throw<InvalidOperationException>();
        e.ResetSequence();
        e.AssignSequence(6);
        e.Sequence.Should().Be(6);
    }

    private NormativeDocumentRecord Published(DateOnly validUntil)
    {
        var doc = _data.At(LifecycleStage.Registered);
        doc.Publish(new Publication(RegisterTestData.Today, "政府公报", null, null, validUntil), [], TestCalendar.Corpus, RegisterTestData.Today,
            _data.Legal.AsActor(), RegisterTestData.Now);
        return doc;
    }
}
