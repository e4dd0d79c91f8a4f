using Filing.Api.Register;
using Filing.Core.Calendar;
using Filing.Core.Participation;

namespace Filing.Api.Participation;

/// <summary>
/// Settings of public participation (section <c>Participation</c>). The handling period of objections is unconfirmed
/// for Zhejiang (rules.md §2.4), so it is configuration; the minimum comment periods are the register's
/// (<c>Register:CommentMinimumWorkingDays</c>, <c>Register:CommentBusinessRelatedMinimumDays</c>).
/// </summary>
public sealed class ParticipationOptions
{
    /// <summary>Longest comment, in characters.</summary>
    public int MaxCommentLength { get; set; } = 5000;

    /// <summary>Longest grounds of an objection, in characters.</summary>
    public int MaxGroundsLength { get; set; } = 20000;

    /// <summary>Largest body of a public POST (comment, objection), in bytes; more is a 413. Room for the longest grounds with every character JSON-escaped (\uXXXX).</summary>
    public int MaxPublicRequestBytes { get; set; } = 262144;

    /// <summary>Longest 政策解读 text, in characters.</summary>
    public int MaxPolicyInterpretationLength { get; set; } = 200000;

    /// <summary>How many days after its end a comment period stays in the default public list.</summary>
    public int RecentDays { get; set; } = 90;

    /// <summary>The handling period of an objection, from the day of receipt to the written reply.</summary>
    public PeriodSetting ObjectionHandlingPeriod { get; set; } = new() { Length = 60, Unit = PeriodUnit.CalendarDays };

    /// <summary>Calendar days before the due date on which the legal office is reminded.</summary>
    public int[] ObjectionReminderDaysBefore { get; set; } = [7, 1];

    /// <summary>Public submissions (comments, objections) per client and window.</summary>
    public RateLimitSetting SubmissionRateLimit { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Public look-ups of an objection by tracking code per client and window.</summary>
    public RateLimitSetting LookupRateLimit { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Reminder scan: whether it runs in the background and how often.</summary>
    public bool RemindersEnabled { get; set; } = true;

    /// <summary>Minutes between reminder scans.</summary>
    public int ReminderIntervalMinutes { get; set; } = 60;

    /// <summary>Seconds between deliveries of pending e-mail/SMS notices when a sender is registered (0: never in the background).</summary>
    public int NotificationDispatchIntervalSeconds { get; set; } = 60;

    public ObjectionPolicy ObjectionPolicy => new(ObjectionHandlingPeriod.ToPeriod(), ObjectionReminderDaysBefore);
}

/// <summary>A fixed-window rate limit: at most <see cref="PermitLimit"/> requests per client every <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitSetting
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
