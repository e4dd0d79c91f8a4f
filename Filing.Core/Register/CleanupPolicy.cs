namespace Filing.Core.Register;

/// <summary>
/// How often an issuing authority cleans up its documents: Zhejiang 372号 says every two years (每隔两年全面清理);
/// configurable because other provinces differ.
/// </summary>
/// <param name="IntervalYears">Years between campaigns.</param>
public sealed record CleanupPolicy(int IntervalYears = 2)
{
    /// <summary>When the next campaign is due after one published on <paramref name="lastPublishedOn"/>.</summary>
    public DateOnly NextDue(DateOnly lastPublishedOn) => lastPublishedOn.AddYears(IntervalYears);
}
