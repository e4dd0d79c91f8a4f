using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Register.Specifications;

public class DocumentStatusExpressionsTests
{
    private static readonly RegisterTestData Data = new();
    private static readonly DateTimeOffset Now = RegisterTestData.Now;
    private static readonly DateOnly Today = RegisterTestData.Today;

    private static IEnumerable<NormativeDocumentRecord> Documents()
    {
        foreach (var stage in Enum.GetValues<LifecycleStage>())
        {
            yield return Data.At(stage);
        }

        var future = Data.At(LifecycleStage.Registered);
        future.Publish(new Publication(Today, "网站", null, Today.AddDays(30), Today.AddDays(400)), [], TestCalendar.Corpus, Today, Data.Legal.AsActor(), Now);
        yield return future;

        var shortLived = Data.At(LifecycleStage.Registered);
        shortLived.Publish(new Publication(Today, "网站", null, null, Today.AddDays(3)), [], TestCalendar.Corpus, Today, Data.Legal.AsActor(), Now);
        yield return shortLived;

        foreach (var kind in Enum.GetValues<TerminationKind>())
        {
            var ended = Data.At(LifecycleStage.Published);
            ended.Terminate(kind, Today.AddDays(5), "x", Guid.NewGuid(), Data.Legal.AsActor(), Now);
            yield return ended;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(30)]
    [InlineData(500)]
    public void AgreesWithStatusOn_GivenEveryStatusAndDay(int daysAfter)
    {
        var day = Today.AddDays(daysAfter);
        var documents = Documents().ToList();

        foreach (var status in Enum.GetValues<DocumentStatus>())
        {
            var predicate = DocumentStatusExpressions.Is(status, day).Compile();
            foreach (var doc in documents)
            {
                predicate(doc).Should().Be(doc.StatusOn(day) == status, $"{doc.Stage} on {day} as {status}");
            }
        }
    }

    [Fact]
    public void CoversEveryDocument_GivenExactlyOneStatus()
    {
        foreach (var doc in Documents())
        {
            Enum.GetValues<DocumentStatus>().Count(s => DocumentStatusExpressions.Is(s, Today).Compile()(doc)).Should().Be(1);
        }
    }

    [Fact]
    public void ListsInForce_GivenDocumentsInForceSpec()
    {
        var documents = Documents().ToList();

        var listed = new DocumentsInForceSpec(Data.Government.Id, Today).Evaluate(documents).ToList();

        listed.Should().OnlyContain(d => d.StatusOn(Today) == DocumentStatus.InForce || d.StatusOn(Today) == DocumentStatus.NotYetInForce);
        listed.Should().HaveCount(documents.Count(d => d.StatusOn(Today) is DocumentStatus.InForce or DocumentStatus.NotYetInForce));
    }
}
