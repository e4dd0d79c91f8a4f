using Ardalis.Specification;
using Filing.Core.Feeds;
using Filing.Core.Feeds.Specifications;
using Filing.Core.Register;
using Filing.Core.Statistics.Specifications;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Feeds.Specifications;

public class FeedSpecsTests
{
    private readonly RegisterTestData _data = new();
    private readonly List<RegisterEvent> _events = [];
    private readonly Guid _otherAuthority;

    public FeedSpecsTests()
    {
        var published = _data.At(LifecycleStage.Published);
        var repealed = _data.At(LifecycleStage.Terminated);
        var other = _data.At(LifecycleStage.Published, _data.OtherGovernment);
        _otherAuthority = other.IssuingAuthorityId;
        _events.Add(RegisterEvents.Published(published, RegisterTestData.Now));
        _events.Add(RegisterEvents.Published(repealed, RegisterTestData.Now));
        _events.Add(RegisterEvents.Terminated(repealed, RegisterTestData.Now));
        _events.Add(RegisterEvents.AmendmentPlanned(published, published.Steps[^1], RegisterTestData.Now, RegisterTestData.Today));
        _events.Add(RegisterEvents.Published(other, RegisterTestData.Now));
        for (var i = 0; i < _events.Count; i++)
        {
            _events[i].AssignSequence(i + 1);
        }
    }

    [Fact]
    public void ChangesAfter_ListsLaterEventsOldestFirst_GivenCursorAndLimit()
    {
        var page = Evaluate(new ChangesAfterSpec(1, RegisterEventFilter.None, 3));

        page.Select(e => e.Sequence).Should().Equal(2, 3, 4);
        new ChangesAfterSpec(1, RegisterEventFilter.None, 3).IsSatisfiedBy(_events[0]).Should().BeFalse();
    }

    [Fact]
    public void ChangesAfter_Narrows_GivenTypesAuthorityOrDocument()
    {
        Evaluate(new ChangesAfterSpec(0, new RegisterEventFilter([RegisterEventTypes.DocumentRepealed], null, null), 10))
            .Select(e => e.Sequence).Should().Equal(3);
        Evaluate(new ChangesAfterSpec(0, new RegisterEventFilter(null, _otherAuthority, null), 10))
            .Select(e => e.Sequence).Should().Equal(5);
        Evaluate(new ChangesAfterSpec(0, new RegisterEventFilter(null, null, _events[1].DocumentId), 10))
            .Select(e => e.Type).Should().Equal(RegisterEventTypes.DocumentPublished, RegisterEventTypes.DocumentRepealed);
    }

    [Fact]
    public void FeedEntries_ShowsDocumentChangesNewestFirst_GivenCursorBefore()
    {
        Evaluate(new FeedEntriesSpec(null, null, 10)).Select(e => e.Sequence).Should().Equal([5, 3, 2, 1], "amendment-planned is not a feed entry");
        Evaluate(new FeedEntriesSpec(3, null, 10)).Select(e => e.Sequence).Should().Equal(2, 1);
        Evaluate(new FeedEntriesSpec(null, _otherAuthority, 10)).Select(e => e.Sequence).Should().Equal(5);
    }

    [Fact]
    public void FilingCohort_TakesFilingsOfDocumentsPublishedInThePeriod_GivenAuthorityAndRecipient()
    {
        var doc = _data.At(LifecycleStage.Registered);
        var filings = doc.Publish(new Publication(RegisterTestData.Today, "政府公报"), _data.Routes, TestCalendar.Corpus, RegisterTestData.Today,
            _data.Legal.AsActor(), RegisterTestData.Now);

        var year = new FilingCohortSpec(_data.Government.Id, null, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        var npc = new FilingCohortSpec(_data.Government.Id, _data.Npc.Id, null, null);
        var before = new FilingCohortSpec(null, null, null, new DateOnly(2024, 9, 5));

        year.Evaluate(filings).Should().HaveCount(2);
        npc.Evaluate(filings).Single().RecipientId.Should().Be(_data.Npc.Id);
        before.Evaluate(filings).Should().BeEmpty();
        new DocumentsPublishedSpec(_data.Government.Id, new DateOnly(2024, 9, 6), new DateOnly(2024, 9, 6)).IsSatisfiedBy(doc).Should().BeTrue();
        new DocumentsPublishedSpec(_data.Government.Id, null, null).IsSatisfiedBy(_data.At(LifecycleStage.Registered)).Should().BeFalse("not published");
    }

    private List<RegisterEvent> Evaluate(ISpecification<RegisterEvent> spec) =>
        [.. spec.Evaluate(_events)];
}
