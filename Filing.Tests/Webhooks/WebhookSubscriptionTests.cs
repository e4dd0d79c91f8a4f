using Filing.Core.Webhooks;

namespace Filing.Tests.Webhooks;

public class WebhookSubscriptionTests
{
    private static readonly DateTimeOffset At = new(2024, 9, 6, 2, 0, 0, TimeSpan.Zero);

    private static WebhookSubscription Subscription(string secret = "whsec_first") =>
        new(Guid.NewGuid(), Guid.NewGuid(), new Uri("https://receiver.example/hook"), ["document.published"], null, null, secret, At);

    [Fact]
    public void SigningSecrets_IsTheSecretAlone_GivenNoRotation()
    {
        var subscription = Subscription();

        subscription.SigningSecrets(At).Should().Equal("whsec_first");
        subscription.PreviousSecretActiveUntil(At).Should().BeNull();
        subscription.SecretRotatedAt.Should().BeNull();
    }

    [Fact]
    public void SigningSecrets_AreNewThenOldUntilOverlapEnds_GivenRotation()
    {
        var subscription = Subscription();

        subscription.RotateSecret("whsec_second", At, TimeSpan.FromHours(24));

        subscription.Secret.Should().Be("whsec_second");
        subscription.SecretRotatedAt.Should().Be(At);
        subscription.SigningSecrets(At).Should().Equal("whsec_second", "whsec_first");
        subscription.SigningSecrets(At.AddHours(24).AddTicks(-1)).Should().Equal("whsec_second", "whsec_first");
        subscription.PreviousSecretActiveUntil(At.AddHours(23)).Should().Be(At.AddHours(24));
        subscription.SigningSecrets(At.AddHours(24)).Should().Equal("whsec_second");
        subscription.PreviousSecretActiveUntil(At.AddHours(24)).Should().BeNull();
    }

    [Fact]
    public void SigningSecrets_IsTheNewSecretAlone_GivenZeroOverlap()
    {
        var subscription = Subscription();

        subscription.RotateSecret("whsec_second", At, TimeSpan.Zero);

        subscription.SigningSecrets(At).Should().Equal("whsec_second");
        subscription.PreviousSecret.Should().BeNull("a secret that signs nothing is not kept");
    }

    [Fact]
    public void SigningSecrets_DropTheOldest_GivenSecondRotationDuringOverlap()
    {
        var subscription = Subscription();
        subscription.RotateSecret("whsec_second", At, TimeSpan.FromHours(24));

        subscription.RotateSecret("whsec_third", At.AddHours(1), TimeSpan.FromHours(24));

        subscription.SigningSecrets(At.AddHours(1)).Should().Equal("whsec_third", "whsec_second");
        subscription.PreviousSecretActiveUntil(At.AddHours(1)).Should().Be(At.AddHours(25));
    }

    [Fact]
    public void RotateSecret_Throws_GivenDeletedSubscriptionOrReusedSecretOrNegativeOverlap()
    {
        var subscription = Subscription();

        FluentActions.Invoking(() => subscription.RotateSecret("whsec_first", At, TimeSpan.Zero)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => subscription.RotateSecret("whsec_second", At, TimeSpan.FromHours(-1))).Should().Throw<ArgumentOutOfRangeException>();
        subscription.Delete(At);
        FluentActions.Invoking(() => subscription.RotateSecret("whsec_second", At, TimeSpan.Zero)).Should().Throw<InvalidOperationException>();
        subscription.Secret.Should().Be("whsec_first");
    }
}
