using System.Text;
using Filing.Core.Webhooks;

namespace Filing.Tests.Webhooks;

public class WebhookSignatureTests
{
    [Fact]
    public void Sign_MatchesRfc4231Vector_GivenKnownKeyAndMessage()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        var signature = WebhookSignature.Sign("Jefe", "what do ya want for nothing?"u8);

        signature.Should().Be("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    [Fact]
    public void Verify_AcceptsOnlyTheExactBodyAndSecret_GivenSignedBody()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"document.published\",\"summary\":\"桐庐县人民政府发布\"}");
        var header = WebhookSignature.Sign("whsec_a", body);

        WebhookSignature.Verify("whsec_a", body, header).Should().BeTrue();
        WebhookSignature.Verify("whsec_b", body, header).Should().BeFalse();
        WebhookSignature.Verify("whsec_a", [.. body, (byte)' '], header).Should().BeFalse();
        WebhookSignature.Verify("whsec_a", body, header.ToUpperInvariant()).Should().BeFalse();
        WebhookSignature.Verify("whsec_a", body, null).Should().BeFalse();
    }

    [Fact]
    public void Sign_ListsOneSignaturePerSecretInOrder_GivenTwoSecrets()
    {
        var body = "{}"u8.ToArray();

        var header = WebhookSignature.Sign(["whsec_new", "whsec_old"], body);

        header.Should().Be(WebhookSignature.Sign("whsec_new", body) + "," + WebhookSignature.Sign("whsec_old", body));
        WebhookSignature.Sign(["whsec_only"], body).Should().Be(WebhookSignature.Sign("whsec_only", body), "one secret gives the header as it always was");
    }

    [Theory]
    [InlineData("whsec_new", true)]
    [InlineData("whsec_old", true)]
    [InlineData("whsec_other", false)]
    public void Verify_AcceptsAnyListedSignature_GivenHeaderWithTwoSignatures(string secret, bool expected)
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"document.published\"}");
        var header = WebhookSignature.Sign(["whsec_new", "whsec_old"], body);

        WebhookSignature.Verify(secret, body, header).Should().Be(expected);
        WebhookSignature.Verify(secret, body, header.Replace(",", ", ", StringComparison.Ordinal)).Should().Be(expected, "whitespace after the comma is allowed");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData("sha256=")]
    [InlineData("sha256=00,sha256=11")]
    public void Verify_RefusesHeaderWithoutMatchingSignature_GivenMalformedHeader(string header) =>
        WebhookSignature.Verify("whsec_a", "{}"u8, header).Should().BeFalse();

    [Fact]
    public void Sign_Throws_GivenNoSecret() =>
        FluentActions.Invoking(() => WebhookSignature.Sign(Array.Empty<string>(), "{}"u8.ToArray())).Should().Throw<ArgumentException>();
}
