using Filing.Core.Calendar;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Register.Specifications;

public class ListSpecsTests
{
    private static readonly DateTimeOffset Now = RegisterTestData.Now;
    private static readonly DateOnly Today = RegisterTestData.Today;
    private readonly RegisterTestData _data = new();

    [Fact]
    public void PagesNewestFirst_GivenCursor()
    {
        var docs = Enumerable.Range(0, 5).Select(_ => _data.At(LifecycleStage.Published)).ToList();
        var expected = docs.OrderByDescending(d => d.Id).Select(d => d.Id).ToList();

        var first = new DocumentListSpec(Caller.Anonymous, new DocumentListFilter(), Today, null, 2).Evaluate(docs).ToList();
        var second = new DocumentListSpec(Caller.Anonymous, new DocumentListFilter(), Today, first[^1].Id, 2).Evaluate(docs).ToList();
        var third = new DocumentListSpec(Caller.Anonymous, new DocumentListFilter(), Today, second[^1].Id, 2).Evaluate(docs).ToList();

        first.Concat(second).Concat(third).Select(d => d.Id).Should().Equal(expected);
        third.Should().ContainSingle();
    }

    [Fact]
    public void Filters_GivenStatusAuthorityTypeAndTitle()
    {
        var draft = _data.At(LifecycleStage.Drafting);
        var published = _data.At(LifecycleStage.Published);
        var other = _data.At(LifecycleStage.Published, issuer: _data.IssuingDepartment);
        var all = new[] { draft, published, other };

        Ids(new DocumentListFilter(Status: DocumentStatus.InForce), _data.Admin, all).Should().BeEquivalentTo([published.Id, other.Id]);
        Ids(new DocumentListFilter(IssuingAuthorityId: _data.IssuingDepartment.Id), _data.Admin, all).Should().Equal(other.Id);
        Ids(new DocumentListFilter(DocumentType: "意见", TitleContains: "法治政府"), Caller.Anonymous, all).Should().BeEquivalentTo([published.Id, other.Id]);
        Ids(new DocumentListFilter(TitleContains: "不存在"), _data.Admin, all).Should().BeEmpty();
        Ids(new DocumentListFilter(PublishedFrom: Today.AddDays(1)), _data.Admin, all).Should().BeEmpty();
        Ids(new DocumentListFilter(PublishedTo: Today), _data.Admin, all).Should().HaveCount(2);
        Ids(new DocumentListFilter(), _data.Drafter2, all).Should().NotContain(draft.Id);
    }

    private static List<Guid> Ids(DocumentListFilter filter, Caller caller, IEnumerable<NormativeDocumentRecord> docs) =>
        [.. new DocumentListSpec(caller, filter, Today, null, 50).Evaluate(docs).Select(d => d.Id)];

    [Fact]
    public void ShowsInboxByRecipient_GivenOversightCaller()
    {
        var filings = Enumerable.Range(0, 3).SelectMany(_ => Publish()).ToList();

        var npc = new FilingInboxSpec(_data.NpcCaller, new FilingInboxFilter(), Today, null, 50).Evaluate(filings).ToList();
        var drafter2 = new FilingInboxSpec(_data.Drafter2, new FilingInboxFilter(), Today, null, 50).Evaluate(filings).ToList();
        var drafter = new FilingInboxSpec(_data.Drafter, new FilingInboxFilter(), Today, null, 50).Evaluate(filings).ToList();
        var legal = new FilingInboxSpec(_data.Legal, new FilingInboxFilter(), Today, null, 50).Evaluate(filings).ToList();

        npc.Should().HaveCount(3).And.OnlyContain(f => f.RecipientId == _data.Npc.Id);
        drafter2.Should().BeEmpty();
        drafter.Should().HaveCount(6);
        legal.Should().HaveCount(6);
        new FilingInboxSpec(Caller.Anonymous, new FilingInboxFilter(), Today, null, 50).Evaluate(filings).Should().BeEmpty();
    }

    [Fact]
    public void FiltersOverdueAndPages_GivenInboxSpec()
    {
        var filings = Enumerable.Range(0, 4).SelectMany(_ => Publish()).Where(f => f.RecipientId == _data.Npc.Id).ToList();
        filings[0].Return("缺材料", Now);
        filings[1].Receive(Now);
        filings[1].RecordOpinion(FilingOpinion.CorrectionRequired, "纠正", Today.AddDays(5), Period.Months(2), TestCalendar.Corpus, Today, Now);
        var late = filings[0].DueDate.AddDays(1);

        Ids(new FilingInboxFilter(Overdue: true), late).Should().BeEquivalentTo([filings[0].Id, filings[1].Id]);
        Ids(new FilingInboxFilter(Overdue: false), late).Should().BeEquivalentTo([filings[2].Id, filings[3].Id]);
        Ids(new FilingInboxFilter(Overdue: true), Today).Should().BeEmpty();
        Ids(new FilingInboxFilter(Status: FilingStatus.Returned), Today).Should().Equal(filings[0].Id);

        var page1 = new FilingInboxSpec(_data.NpcCaller, new FilingInboxFilter(), Today, null, 3).Evaluate(filings).ToList();
        var last = page1[^1];
        var page2 = new FilingInboxSpec(_data.NpcCaller, new FilingInboxFilter(), Today, new FilingCursor(last.DueDate, last.Id), 3).Evaluate(filings).ToList();
        page1.Concat(page2).Select(f => f.Id).Should().Equal(filings.OrderBy(f => f.DueDate).ThenBy(f => f.Id).Select(f => f.Id));

        List<Guid> Ids(FilingInboxFilter filter, DateOnly today) =>
            [.. new FilingInboxSpec(_data.NpcCaller, filter, today, null, 50).Evaluate(filings).Select(f => f.Id)];
    }

    private IReadOnlyList<OversightFiling> Publish() =>
        _data.At(LifecycleStage.Registered).Publish(new Publication(Today, "网站"), _data.Routes, TestCalendar.Corpus, Today, _data.Legal.AsActor(), Now);
}
