using System.Globalization;
using System.Text;
using Filing.Core.Webhooks;

namespace Filing.Tests.Webhooks;

public class StandardWebhookSignatureTests
{
    // The worked example of Standard Webhooks / Svix ("verifying webhooks manually"); their libraries produce this value.
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorBody = "{\"test\": 2432232314}";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_725_588_000);
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string OtherSecret = "whsec_" + Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"0192a000-0000-7000-8000-00000000e001\",\"type\":\"document.published\",\"summary\":\"桐庐县人民政府发布\"}");
    private const string Id = "0192a000-0000-7000-8000-00000000e001";

    private static string Ts(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Sign_MatchesStandardWebhooksExample_GivenItsSecretIdTimestampAndBody()
    {
        StandardWebhookSignature.Sign(VectorSecret, VectorId, VectorTimestamp, Encoding.UTF8.GetBytes(VectorBody)).Should().Be(VectorSignature);

        StandardWebhookSignature.Verify(VectorSecret, VectorId, "1614265330", VectorSignature, Encoding.UTF8.GetBytes(VectorBody),
            DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp + 60)).Should().Be(WebhookVerificationResult.Verified);
    }

    [Fact]
    public void Verify_AcceptsTheDelivery_GivenFreshSignatureOfIdTimestampAndBody()
    {
        var header = StandardWebhookSignature.Sign(Secret, Id, Now.ToUnixTimeSeconds(), Body);

        header.Should().MatchRegex("^v1,[A-Za-z0-9+/]{43}=$");
        StandardWebhookSignature.Verify(Secret, Id, Ts(Now), header, Body, Now).Should().Be(WebhookVerificationResult.Verified);
        StandardWebhookSignature.Verify(OtherSecret, Id, Ts(Now), header, Body, Now).Should().Be(WebhookVerificationResult.SignatureMismatch);
    }

    [Theory]
    [InlineData("body")]
    [InlineData("timestamp")]
    [InlineData("id")]
    [InlineData("signature")]
    public void Verify_RefusesTheDelivery_GivenAnyTamperedPart(string part)
    {
        var header = StandardWebhookSignature.Sign(Secret, Id, Now.ToUnixTimeSeconds(), Body);
        var body = part == "body" ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("桐庐县", "富阳区", StringComparison.Ordinal)) : Body;
        var timestamp = part == "timestamp" ? Ts(Now.AddSeconds(-1)) : Ts(Now);
        var id = part == "id" ? "0192a000-0000-7000-8000-00000000e002" : Id;
        var signature = part == "signature" ? header[..^2] + (header[^2] == 'A' ? "B=" : "A=") : header;

        StandardWebhookSignature.Verify(Secret, id, timestamp, signature, body, Now).Should().Be(WebhookVerificationResult.SignatureMismatch);
    }

    [Fact]
    public void Verify_RefusesTheDelivery_GivenTimestampReformattedWithLeadingZero()
    {
        var header = StandardWebhookSignature.Sign(Secret, Id, Now.ToUnixTimeSeconds(), Body);

        // The same instant, written differently: the signed text differs, so it must not verify.
        StandardWebhookSignature.Verify(Secret, Id, "0" + Ts(Now), header, Body, Now).Should().Be(WebhookVerificationResult.SignatureMismatch);
    }

    [Theory]
    [InlineData(-300, WebhookVerificationResult.Verified)]
    [InlineData(300, WebhookVerificationResult.Verified)]
    [InlineData(-301, WebhookVerificationResult.TimestampOutsideTolerance)]
    [InlineData(301, WebhookVerificationResult.TimestampOutsideTolerance)]
    [InlineData(-86_400, WebhookVerificationResult.TimestampOutsideTolerance)]
    public void Verify_AcceptsOnlyTimestampsWithinFiveMinutes_GivenReceiverClockOffset(int receiverAheadSeconds, WebhookVerificationResult expected)
    {
        var header = StandardWebhookSignature.Sign(Secret, Id, Now.ToUnixTimeSeconds(), Body);

        StandardWebhookSignature.Verify(Secret, Id, Ts(Now), header, Body, Now.AddSeconds(receiverAheadSeconds)).Should().Be(expected);
    }

    [Fact]
    public void Verify_UsesTheGivenTolerance_GivenCustomWindow()
    {
        var header = StandardWebhookSignature.Sign(Secret, Id, Now.ToUnixTimeSeconds(), Body);

        StandardWebhookSignature.Verify(Secret, Id, Ts(Now), header, Body, Now.AddSeconds(61), TimeSpan.FromMinutes(1))
            .Should().Be(WebhookVerificationResult.TimestampOutsideTolerance);
        StandardWebhookSignature.Verify(Secret, Id, Ts(Now), header, Body, Now.AddSeconds(60), TimeSpan.FromMinutes(1))
            .Should().Be(WebhookVerificationResult.Verified);
    }

    [Theory]
    [InlineData(null, "1725588000", "v1,x", WebhookVerificationResult.MissingHeader)]
    [InlineData("id", null, "v1,x", WebhookVerificationResult.MissingHeader)]
    [InlineData("id", "1725588000", "", WebhookVerificationResult.MissingHeader)]
    [InlineData("id", "-1725588000", "v1,x", WebhookVerificationResult.MalformedTimestamp)]
    [InlineData("id", "1725588000.5", "v1,x", WebhookVerificationResult.MalformedTimestamp)]
    [InlineData("id", "2024-09-06T02:00:00Z", "v1,x", WebhookVerificationResult.MalformedTimestamp)]
    [InlineData("id", "１７２５５８８０００", "v1,x", WebhookVerificationResult.MalformedTimestamp)]
    [InlineData("id", "99999999999999999999999", "v1,x", WebhookVerificationResult.MalformedTimestamp)]
    [InlineData("id", "1725588000", "v1,", WebhookVerificationResult.SignatureMismatch)]
    [InlineData("id", "1725588000", "sha256=00", WebhookVerificationResult.SignatureMismatch)]
    public void Verify_RefusesTheDelivery_GivenMissingOrMalformedHeaders(string? id, string? timestamp, string signature, WebhookVerificationResult expected) =>
        StandardWebhookSignature.Verify(Secret, id, timestamp, signature, Body, Now).Should().Be(expected);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Verify_AcceptsEitherSecret_GivenRotationOverlapHeader(int which)
    {
        var header = StandardWebhookSignature.Sign([OtherSecret, Secret], Id, Now.ToUnixTimeSeconds(), Body);
        var secret = which == 0 ? OtherSecret : Secret;

        header.Split(' ').Should().HaveCount(2).And.AllSatisfy(s => s.Should().StartWith("v1,"));
        header.Split(' ')[0].Should().Be(StandardWebhookSignature.Sign(OtherSecret, Id, Now.ToUnixTimeSeconds(), Body), "the new secret's signature comes first");
        StandardWebhookSignature.Verify(secret, Id, Ts(Now), header, Body, Now).Should().Be(WebhookVerificationResult.Verified);
        StandardWebhookSignature.Verify(WebhookSignature.NewSecret(), Id, Ts(Now), header, Body, Now).Should().Be(WebhookVerificationResult.SignatureMismatch);
    }

    [Fact]
    public void Verify_IgnoresOtherVersionsAndStopsAfterEightEntries_GivenHostileHeader()
    {
        var valid = StandardWebhookSignature.Sign(Secret, Id, Now.ToUnixTimeSeconds(), Body);
        var otherVersion = "v1a," + valid["v1,".Length..];

        StandardWebhookSignature.Verify(Secret, Id, Ts(Now), otherVersion, Body, Now).Should().Be(WebhookVerificationResult.SignatureMismatch,
            "only v1 (HMAC-SHA256) entries are checked");
        StandardWebhookSignature.Verify(Secret, Id, Ts(Now), string.Join(' ', Enumerable.Repeat("v1,AAAA", 8).Append(valid)), Body, Now)
            .Should().Be(WebhookVerificationResult.SignatureMismatch, "a header listing more signatures than any rotation makes is not searched to the end");
        StandardWebhookSignature.Verify(Secret, Id, Ts(Now), "v1,AAAA  " + valid, Body, Now).Should().Be(WebhookVerificationResult.Verified);
    }

    [Fact]
    public void KeyOf_ReadsEarlierBase64UrlSecrets_GivenSameKeyBytes()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)(250 - i)).ToArray();  // bytes whose base64 has '+' and '/'
        var standard = "whsec_" + Convert.ToBase64String(key);
        var url = "whsec_" + Convert.ToBase64String(key).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        standard.Should().MatchRegex("[+/]").And.EndWith("=");
        url.Should().MatchRegex("[-_]");

        StandardWebhookSignature.KeyOf(standard).Should().Equal(key);
        StandardWebhookSignature.KeyOf(url).Should().Equal(key, "secrets issued before the timestamped signature keep working");
        StandardWebhookSignature.Sign(url, Id, 1, Body).Should().Be(StandardWebhookSignature.Sign(standard, Id, 1, Body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("whsec_")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS")]
    [InlineData("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("whsec_ MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    public void IsValidSecret_IsFalse_GivenNoPrefixBadBase64OrShortKey(string? secret)
    {
        StandardWebhookSignature.IsValidSecret(secret).Should().BeFalse();
        if (secret is not null)
        {
            FluentActions.Invoking(() => StandardWebhookSignature.Verify(secret, Id, Ts(Now), "v1,x", Body, Now))
                .Should().Throw<ArgumentException>("a wrong secret is the receiver's configuration error, not a bad delivery");
        }
    }

    [Fact]
    public void NewSecret_IsStandardBase64OfThirtyTwoRandomBytes_GivenTwoCalls()
    {
        var a = WebhookSignature.NewSecret();
        var b = WebhookSignature.NewSecret();

        a.Should().NotBe(b);
        a.Should().MatchRegex("^whsec_[A-Za-z0-9+/]{43}=$", "the form Standard Webhooks libraries decode as is");
        Convert.FromBase64String(a["whsec_".Length..]).Should().HaveCount(32);
        StandardWebhookSignature.IsValidSecret(a).Should().BeTrue();
    }

    [Fact]
    public void Sign_Throws_GivenNoSecretOrNoId()
    {
        FluentActions.Invoking(() => StandardWebhookSignature.Sign(Array.Empty<string>(), Id, 1, Body)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => StandardWebhookSignature.Sign(Secret, " ", 1, Body)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => StandardWebhookSignature.Sign(Secret, Id, -1, Body)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
