using Filing.Core.Calendar;

namespace Filing.Tests.TestSupport;

/// <summary>The holiday calendar from <c>corpus/calendar</c>, loaded once.</summary>
public static class TestCalendar
{
    private static readonly Lazy<WorkingCalendar> Loaded = new(() => WorkingCalendar.LoadDirectory(RepoRoot.Path("corpus", "calendar")));

    public static WorkingCalendar Corpus => Loaded.Value;
}
