using Filing.Core.Webhooks;

namespace Filing.Tests.Webhooks;

public class WebhookSubscriptionTests
{
    private static readonly DateTimeOffset At = new(2024, 9, 6, 2, 0, 0, TimeSpan.Zero);

    private static readonly string First = SecretOf(1);
    private static readonly string Second = SecretOf(2);
    private static readonly string Third = SecretOf(3);

    private static WebhookSubscription Subscription(string? secret = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), new Uri("https://receiver.example/hook"), ["document.published"], null, null, secret ?? First, At);

    private static string SecretOf(byte fill) => "whsec_" + Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray());

    [Fact]
    public void SigningSecrets_IsTheSecretAlone_GivenNoRotation()
    {
        var subscription = Subscription();

        subscription.SigningSecrets(At).Should().Equal(First);
        subscription.PreviousSecretActiveUntil(At).Should().BeNull();
        subscription.SecretRotatedAt.Should().BeNull();
    }

    [Fact]
    public void SigningSecrets_AreNewThenOldUntilOverlapEnds_GivenRotation()
    {
        var subscription = Subscription();

        subscription.RotateSecret(Second, At, TimeSpan.FromHours(24));

        subscription.Secret.Should().Be(Second);
        subscription.SecretRotatedAt.Should().Be(At);
        subscription.SigningSecrets(At).Should().Equal(Second, First);
        subscription.SigningSecrets(At.AddHours(24).AddTicks(-1)).Should().Equal(Second, First);
        subscription.PreviousSecretActiveUntil(At.AddHours(23)).Should().Be(At.AddHours(24));
        subscription.SigningSecrets(At.AddHours(24)).Should().Equal(Second);
        subscription.PreviousSecretActiveUntil(At.AddHours(24)).Should().BeNull();
    }

    [Fact]
    public void SigningSecrets_IsTheNewSecretAlone_GivenZeroOverlap()
    {
        var subscription = Subscription();

        subscription.RotateSecret(Second, At, TimeSpan.Zero);

        subscription.SigningSecrets(At).Should().Equal(Second);
        subscription.PreviousSecret.Should().BeNull("a secret that signs nothing is not kept");
    }

    [Fact]
    public void SigningSecrets_DropTheOldest_GivenSecondRotationDuringOverlap()
    {
        var subscription = Subscription();
        subscription.RotateSecret(Second, At, TimeSpan.FromHours(24));

        subscription.RotateSecret(Third, At.AddHours(1), TimeSpan.FromHours(24));

        subscription.SigningSecrets(At.AddHours(1)).Should().Equal(Third, Second);
        subscription.PreviousSecretActiveUntil(At.AddHours(1)).Should().Be(At.AddHours(25));
    }

    [Fact]
    public void RotateSecret_Throws_GivenDeletedSubscriptionOrReusedSecretOrNegativeOverlap()
    {
        var subscription = Subscription();

        FluentActions.Invoking(() => subscription.RotateSecret(First, At, TimeSpan.Zero)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => subscription.RotateSecret(Second, At, TimeSpan.FromHours(-1))).Should().Throw<ArgumentOutOfRangeException>();
        subscription.Delete(At);
        FluentActions.Invoking(() => subscription.RotateSecret(Second, At, TimeSpan.Zero)).Should().Throw<InvalidOperationException>();
        subscription.Secret.Should().Be(First);
    }

    [Theory]
    [InlineData("whsec_first")]
    [InlineData("first")]
    [InlineData("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("whsec_AAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("whsec_not*base64*at*all*not*base64*at*all*xx")]
    public void Throws_GivenSecretTheTimestampedSignatureCannotUse(string secret)
    {
        FluentActions.Invoking(() => Subscription(secret)).Should().Throw<ArgumentException>().WithMessage("*whsec_*base64*");
        var subscription = Subscription();
        FluentActions.Invoking(() => subscription.RotateSecret(secret, At, TimeSpan.Zero)).Should().Throw<ArgumentException>();
        subscription.Secret.Should().Be(First);
    }
}
