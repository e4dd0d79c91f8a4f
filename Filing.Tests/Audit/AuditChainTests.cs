using System.Reflection;
using Filing.Core.Audit;

namespace Filing.Tests.Audit;

public class AuditChainTests
{
    private static readonly DateTimeOffset At = new(2024, 9, 6, 2, 0, 0, TimeSpan.Zero);

    private static (List<AuditEntry> Entries, AuditStreamHead Head) Chain(int count)
    {
        var head = new AuditStreamHead("document:x");
        var entries = new List<AuditEntry>();
        for (var i = 1; i <= count; i++)
        {
            var entry = new AuditEntry("document:x", i, At.AddTicks(i * 1234567), Guid.NewGuid(), null, "桐庐县司法局", $"step.{i}", null,
                i == 1 ? null : "{\"stage\":\"in-review\"}", $"{{\"n\":{i}}}", head.LastHash);
            head.Advance(entry);
            entries.Add(entry);
        }

        return (entries, head);
    }

    private static void Set(AuditEntry entry, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(entry, value);

    [Fact]
    public void Verifies_GivenIntactChain()
    {
        var (entries, head) = Chain(5);

        AuditChain.Verify(entries, head).Should().Be(new AuditVerification(true, 5, null, null));
        AuditChain.Verify([], new AuditStreamHead("document:x")).Valid.Should().BeTrue();
    }

    [Theory]
    [InlineData("NewValue", "{\"n\":99}")]
    [InlineData("OldValue", null)]
    [InlineData("ActorName", "别人")]
    [InlineData("Action", "step.forged")]
    [InlineData("Subject", "filing:1")]
    public void DetectsEdit_GivenAnyFieldChanged(string property, string? value)
    {
        var (entries, head) = Chain(5);

        Set(entries[2], property, value);

        AuditChain.Verify(entries, head).Should().BeEquivalentTo(new { Valid = false, FirstInvalidSequence = 3 });
    }

    [Fact]
    public void DetectsEdit_GivenTimestampChanged()
    {
        var (entries, head) = Chain(3);

        Set(entries[1], "At", entries[1].At.AddSeconds(1));

        AuditChain.Verify(entries, head).FirstInvalidSequence.Should().Be(2);
    }

    [Fact]
    public void DetectsDeletion_GivenMiddleOrLastRowRemoved()
    {
        var (entries, head) = Chain(5);

        AuditChain.Verify([.. entries.Where(e => e.Sequence != 3)], head).Should().BeEquivalentTo(new { Valid = false, FirstInvalidSequence = 3 });
        AuditChain.Verify(entries.Take(4).ToList(), head).Should().BeEquivalentTo(new { Valid = false, Entries = 4 });
        AuditChain.Verify(entries, null).Valid.Should().BeFalse("a stream without its head is suspect");
    }

    [Fact]
    public void DetectsRewrite_GivenRecomputedHashButStaleSuccessor()
    {
        var (entries, head) = Chain(4);
        Set(entries[1], "NewValue", "{\"n\":42}");
        Set(entries[1], "Hash", AuditChain.ComputeHash(entries[1]));

        AuditChain.Verify(entries, head).Should().BeEquivalentTo(new { Valid = false, FirstInvalidSequence = 3 }, "entry 3 still points at the old hash");
    }

    [Fact]
    public void TruncatesToMicroseconds_GivenTicks()
    {
        var entry = new AuditEntry("s", 1, new DateTimeOffset(2024, 9, 6, 10, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567), null, null, "x", "a", null, null, null, "");

        entry.At.Offset.Should().Be(TimeSpan.Zero);
        (entry.At.UtcTicks % 10).Should().Be(0);
        entry.At.UtcTicks.Should().Be(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero).AddTicks(1234560).UtcTicks);
    }

    [Fact]
    public void RefusesAdvance_GivenEntryOutOfOrder()
    {
        var (_, head) = Chain(2);
        var wrong = new AuditEntry("document:x", 5, At, null, null, "x", "a", null, null, null, head.LastHash);

        FluentActions.Invoking(() => head.Advance(wrong)).Should().Throw<InvalidOperationException>();
    }
}
