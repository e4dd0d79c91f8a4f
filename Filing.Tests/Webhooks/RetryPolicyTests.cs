using Filing.Core.Webhooks;

namespace Filing.Tests.Webhooks;

public class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(10, TimeSpan.FromSeconds(30), TimeSpan.FromHours(6));

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(10, 6 * 3600)] // 30 s × 2^9 = 15,360 s, still under the 6 h cap
    public void DelayAfter_DoublesWithinJitterBand_GivenFailedAttempts(int failed, int ceilingSeconds)
    {
        var ceiling = Math.Min(ceilingSeconds, 30 * Math.Pow(2, failed - 1));

        Policy.DelayAfter(failed, 0).TotalSeconds.Should().BeApproximately(ceiling / 2, 0.001, "jitter 0 waits half the ceiling");
        Policy.DelayAfter(failed, 0.999999).TotalSeconds.Should().BeApproximately(ceiling, 0.01, "jitter ~1 waits the whole ceiling");
    }

    [Fact]
    public void DelayAfter_IsCapped_GivenManyFailures()
    {
        Policy.DelayAfter(40, 1).Should().Be(TimeSpan.FromHours(6));
        Policy.DelayAfter(int.MaxValue, 0.5).Should().BeLessThanOrEqualTo(TimeSpan.FromHours(6));
    }

    [Fact]
    public void DelayAfter_HonoursRetryAfterUpToTheCap_GivenReceiverRequest()
    {
        Policy.DelayAfter(1, 0, TimeSpan.FromMinutes(5)).Should().Be(TimeSpan.FromMinutes(5));
        Policy.DelayAfter(1, 0, TimeSpan.FromDays(2)).Should().Be(TimeSpan.FromHours(6));
        Policy.DelayAfter(3, 1, TimeSpan.FromSeconds(1)).Should().Be(TimeSpan.FromSeconds(120), "a shorter Retry-After does not shorten the backoff");
    }

    [Fact]
    public void Failed_DeadLettersAfterMaxAttempts_GivenEveryAttemptFails()
    {
        var at = new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero);
        var message = OutboxMessage.ForChannel("email", "x@example.com", null, Guid.NewGuid(), "objection.reminder", "{}", at);
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));

        message.Failed(at, 500, "boom", policy, 0).Should().BeFalse();
        message.NextAttemptAt.Should().Be(at.AddSeconds(5));
        message.Failed(at, 500, "boom", policy, 0).Should().BeFalse();
        message.NextAttemptAt.Should().Be(at.AddSeconds(10));
        message.Failed(at, null, new string('x', 900), policy, 0).Should().BeTrue();

        message.Status.Should().Be(OutboxStatus.Dead);
        message.Attempts.Should().Be(3);
        message.LastError.Should().HaveLength(500);
        message.Requeue(at.AddHours(1));
        message.Status.Should().Be(OutboxStatus.Pending);
        message.Attempts.Should().Be(0);
        message.NextAttemptAt.Should().Be(at.AddHours(1));
        var again = () => message.Requeue(at);
        again.Should().Throw<InvalidOperationException>();
    }
}
