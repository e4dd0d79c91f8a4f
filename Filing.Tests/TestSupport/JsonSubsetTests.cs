using System.Text.Json.Nodes;

namespace Filing.Tests.TestSupport;

public class JsonSubsetTests
{
    private static IReadOnlyList<string> Diff(string expected, string actual) =>
        JsonSubset.Differences(JsonNode.Parse(expected), JsonNode.Parse(actual));

    [Fact]
    public void Matches_GivenSubsetOfProperties() =>
        Diff("""{"title":"a","number":{"year":2018}}""", """{"title":"a","extra":1,"number":{"year":2018,"sequence":47}}""")
            .Should().BeEmpty();

    [Fact]
    public void ReportsPath_GivenDifferentScalar() =>
        Diff("""{"outline":[{"heading":"总体要求"}]}""", """{"outline":[{"heading":"总体"}]}""")
            .Should().Equal("$.outline[0].heading: expected \"总体要求\", actual \"总体\"");

    [Fact]
    public void ReportsMissingProperty() =>
        Diff("""{"date":"2018-08-06"}""", """{}""").Should().Equal("$.date: expected \"2018-08-06\", actual has no such property");

    [Fact]
    public void RequiresSameLength_GivenArrays() =>
        Diff("""{"recipients":["a","b"]}""", """{"recipients":["a","b","c"]}""")
            .Should().ContainSingle().Which.Should().StartWith("$.recipients: expected 2 elements, actual 3");

    [Fact]
    public void ComparesArrayElementsAsSubsets() =>
        Diff("""[{"label":"一、"},{"label":"二、"}]""", """[{"label":"一、","level":1},{"label":"三、","level":1}]""")
            .Should().Equal("$[1].label: expected \"二、\", actual \"三、\"");

    [Theory]
    [InlineData("""{"a":null}""", """{"a":"x"}""")]
    [InlineData("""{"a":"x"}""", """{"a":null}""")]
    [InlineData("""{"a":1}""", """{"a":"1"}""")]
    [InlineData("""{"a":true}""", """{"a":false}""")]
    [InlineData("""{"a":{}}""", """{"a":[]}""")]
    [InlineData("""{"a":[]}""", """{"a":{}}""")]
    public void Differs_GivenDifferentKindsOrValues(string expected, string actual) => Diff(expected, actual).Should().HaveCount(1);

    [Fact]
    public void ComparesNumbersByValue() => Diff("""{"a":1.0}""", """{"a":1}""").Should().BeEmpty();

    [Fact]
    public void IgnoresDollarProperties() => Diff("""{"$comment":"why","a":1}""", """{"a":1}""").Should().BeEmpty();
}
