using System.Net;
using System.Net.Http.Json;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Api;

public class HealthEndpointTests(FilingApiFactory factory) : IClassFixture<FilingApiFactory>
{
    [Fact]
    public async Task Returns200_GivenStartedService()
    {
        var response = await factory.CreateClient().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        body!["status"].ToString().Should().Be("healthy");
    }

    [Fact]
    public async Task ReturnsProblemWithCode_GivenUnknownRoute()
    {
        var response = await factory.CreateClient().GetAsync("/no-such-route");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"not-found\"");
    }
}
