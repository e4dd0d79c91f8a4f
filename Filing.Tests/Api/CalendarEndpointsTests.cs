using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Api;

public class CalendarEndpointsTests(FilingApiFactory factory) : IClassFixture<FilingApiFactory>
{
    [Theory]
    [InlineData("2024-10-01", false, "holiday")]
    [InlineData("2024-09-29", true, "makeup-workday")]
    [InlineData("2024-09-28", false, "weekend")]
    [InlineData("2024-09-30", true, "workday")]
    public async Task DescribesDay_GivenDate(string date, bool working, string kind)
    {
        var day = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/calendar/days/{date}");

        day.GetProperty("isWorkingDay").GetBoolean().Should().Be(working);
        day.GetProperty("kind").GetString().Should().Be(kind);
        day.GetProperty("covered").GetBoolean().Should().BeTrue();
    }

    [Theory]
    [InlineData("start=2024-09-06&length=30", "2024-10-08", false)]
    [InlineData("start=2024-09-27&length=5&unit=working-days", "2024-10-10", false)]
    [InlineData("start=2026-12-15&length=30", "2027-01-14", true)]
    public async Task ComputesDeadline_GivenPeriod(string query, string end, bool fallback)
    {
        var deadline = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/calendar/deadline?{query}");

        deadline.GetProperty("end").GetString().Should().Be(end);
        deadline.GetProperty("usedWeekendFallback").GetBoolean().Should().Be(fallback);
    }

    [Theory]
    [InlineData("/api/v1/calendar/days/2024-13-01")]
    [InlineData("/api/v1/calendar/deadline?start=2024-09-06")]
    [InlineData("/api/v1/calendar/deadline?start=2024-09-06&length=3&unit=fortnights")]
    public async Task Refuses400_GivenBadInput(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"validation-failed\"");
    }
}
