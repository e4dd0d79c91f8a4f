using Filing.Core.Calendar;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = TestCalendar.Corpus;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Theory]
    [InlineData("2024-10-01", false, DayKind.Holiday, "国庆节")]
    [InlineData("2024-10-07", false, DayKind.Holiday, "国庆节")]
    [InlineData("2024-10-05", false, DayKind.Holiday, "国庆节")] // a Saturday inside the block
    [InlineData("2024-09-29", true, DayKind.MakeupWorkday, null)] // Sunday worked for 国庆
    [InlineData("2024-10-12", true, DayKind.MakeupWorkday, null)] // Saturday worked for 国庆
    [InlineData("2024-10-08", true, DayKind.Workday, null)]
    [InlineData("2024-03-09", false, DayKind.Weekend, null)]
    [InlineData("2024-02-09", true, DayKind.Workday, null)] // 除夕 2024 was only "encouraged" leave
    [InlineData("2018-12-29", true, DayKind.MakeupWorkday, null)] // 2019 notice, make-up day in 2018
    [InlineData("2018-12-30", false, DayKind.Holiday, "元旦")] // 2019 元旦 block starts in 2018
    [InlineData("2018-12-31", false, DayKind.Holiday, "元旦")] // a Monday off
    [InlineData("2019-01-02", true, DayKind.Workday, null)]
    [InlineData("2019-05-04", false, DayKind.Holiday, "劳动节")] // 2019 amendment extended 劳动节
    [InlineData("2019-05-05", true, DayKind.MakeupWorkday, null)] // and added this Sunday
    [InlineData("2020-01-31", false, DayKind.Holiday, "春节")] // COVID-19 extension
    [InlineData("2020-02-01", false, DayKind.Holiday, "春节")] // cancelled make-up Saturday
    [InlineData("2020-02-03", true, DayKind.Workday, null)]
    [InlineData("2020-01-19", true, DayKind.MakeupWorkday, null)]
    [InlineData("2022-12-31", false, DayKind.Holiday, "元旦")] // 2023 notice, block starts in 2022
    [InlineData("2023-01-02", false, DayKind.Holiday, "元旦")]
    [InlineData("2025-01-26", true, DayKind.MakeupWorkday, null)]
    [InlineData("2025-10-08", false, DayKind.Holiday, "国庆节、中秋节")]
    [InlineData("2026-02-14", true, DayKind.MakeupWorkday, null)]
    [InlineData("2026-02-23", false, DayKind.Holiday, "春节")]
    [InlineData("2026-01-04", true, DayKind.MakeupWorkday, null)]
    public void Describes_GivenKnownDates(string date, bool working, DayKind kind, string? holiday)
    {
        var day = Calendar.Describe(D(date));

        day.IsWorkingDay.Should().Be(working);
        day.Kind.Should().Be(kind);
        if (holiday is not null)
        {
            day.HolidayName.Should().Be(holiday);
        }

        day.Covered.Should().BeTrue();
        Calendar.IsWorkingDay(D(date)).Should().Be(working);
    }

    [Theory]
    [InlineData(2018, 250)]
    [InlineData(2019, 250)]
    [InlineData(2020, 249)]
    [InlineData(2021, 250)]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void CountsWorkingDaysPerYear_GivenTheDataBuildTable(int year, int expected)
    {
        // The table in corpus/calendar/README.md was derived when the data was built: every date of the year agrees.
        var count = Calendar.CountWorkingDays(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

        count.Days.Should().Be(expected);
        if (year < 2026)
        {
            count.UsedWeekendFallback.Should().BeFalse();
        }
    }

    [Theory]
    [InlineData("2024-09-06", 30, "2024-10-08")] // last day 10-06 is inside 国庆 → first day after the block
    [InlineData("2024-01-10", 30, "2024-02-09")] // 除夕 2024 is a working day: stays
    [InlineData("2024-01-11", 30, "2024-02-18")] // 02-10 in 春节; the day after the block is a make-up Sunday
    [InlineData("2024-03-01", 1, "2024-03-04")] // start not counted; Saturday moves to Monday
    [InlineData("2024-05-15", 30, "2024-06-14")] // an ordinary Friday stays
    [InlineData("2018-12-01", 29, "2019-01-02")] // crosses notice years: 12-30..01-01 off
    [InlineData("2020-01-02", 30, "2020-02-03")] // COVID-19 extension, cancelled make-up 02-01
    [InlineData("2024-09-06", 0, "2024-09-06")]
    public void AddsCalendarDays_GivenCivilCodeArticles201And203(string start, int days, string expected)
    {
        var result = Calendar.AddCalendarDays(D(start), days);

        result.Date.Should().Be(D(expected));
        result.UsedWeekendFallback.Should().BeFalse();
    }

    [Theory]
    [InlineData("2024-09-27", 5, "2024-10-10")] // Sunday 09-29 counts; 10-01..07 do not
    [InlineData("2020-01-20", 7, "2020-02-06")] // the 2020 extension and its cancelled Saturday
    [InlineData("2018-12-28", 1, "2018-12-29")] // a make-up Saturday is the next working day
    [InlineData("2024-02-08", 2, "2024-02-18")] // 02-09, then the make-up Sunday after 春节
    [InlineData("2024-10-01", 0, "2024-10-08")] // zero from a day off: the next working day
    [InlineData("2024-10-08", 0, "2024-10-08")]
    public void AddsWorkingDays_GivenHolidaysAndMakeupDays(string start, int days, string expected)
    {
        Calendar.AddWorkingDays(D(start), days).Date.Should().Be(D(expected));
    }

    [Theory]
    [InlineData("2024-01-31", 1, "2024-02-29")] // no 31st in February → last day of the month
    [InlineData("2023-01-31", 1, "2023-02-28")]
    [InlineData("2024-08-31", 1, "2024-09-30")]
    [InlineData("2024-09-01", 1, "2024-10-08")] // corresponding day 10-01 is off
    public void AddsMonths_GivenCivilCodeArticle202(string start, int months, string expected)
    {
        Calendar.AddMonths(D(start), months).Date.Should().Be(D(expected));
    }

    [Fact]
    public void EndCountsEachUnit_GivenPeriods()
    {
        var start = D("2024-09-06");

        Calendar.End(start, Period.Days(30)).Date.Should().Be(D("2024-10-08"));
        Calendar.End(start, Period.WorkingDays(15)).Date.Should().Be(D("2024-09-29")); // two make-up days count
        Calendar.End(start, Period.Months(2)).Date.Should().Be(D("2024-11-06"));
        Calendar.End(D("2023-10-01"), Period.Years(1)).Date.Should().Be(D("2024-10-08"));
    }

    [Fact]
    public void FallsBackToWeekendsAndSaysSo_GivenYearWithoutNotice()
    {
        var saturday = Calendar.Describe(D("2027-03-06"));
        var monday = Calendar.Describe(D("2027-03-08"));

        saturday.Should().BeEquivalentTo(new { IsWorkingDay = false, Kind = DayKind.Weekend, Covered = false });
        monday.Should().BeEquivalentTo(new { IsWorkingDay = true, Kind = DayKind.Workday, Covered = false });
    }

    [Fact]
    public void FlagsFallback_GivenDeadlineInYearWithoutNotice()
    {
        var result = Calendar.AddCalendarDays(D("2026-12-15"), 30);

        result.Date.Should().Be(D("2027-01-14"));
        result.UsedWeekendFallback.Should().BeTrue();
        result.YearsWithoutData.Should().Equal(2027);
    }

    [Fact]
    public void TreatsLastWeekOfDecemberAsUnknown_GivenNextNoticeMissing()
    {
        // The 2027 notice may put 元旦 into late December 2026, as the 2019 notice did for 2018.
        Calendar.IsCovered(D("2026-12-24")).Should().BeTrue();
        Calendar.IsCovered(D("2026-12-28")).Should().BeFalse();
        Calendar.IsCovered(D("2025-12-28")).Should().BeTrue();

        var result = Calendar.AddWorkingDays(D("2026-12-21"), 10);

        result.Date.Should().Be(D("2027-01-04"));
        result.YearsWithoutData.Should().Equal(2026, 2027);
    }

    [Fact]
    public void UsesUnionOfNotices_GivenBlockStartingInPreviousYear()
    {
        var json = """
            { "years": { "2019": {
                "holidays": [ { "name": "元旦", "from": "2018-12-30", "to": "2019-01-01", "days": 3 } ],
                "makeupWorkdays": [ "2018-12-29" ] } } }
            """;
        var only2019 = WorkingCalendar.FromJson([("2019.json", json)]);

        only2019.IsWorkingDay(D("2018-12-31")).Should().BeFalse();
        only2019.IsWorkingDay(D("2018-12-29")).Should().BeTrue();
        only2019.Describe(D("2018-12-31")).Covered.Should().BeFalse("the 2018 notice itself is not loaded");
        only2019.NoticeYears.Should().Equal(2019);
    }

    [Theory]
    [InlineData("""{ "years": { "2024": { "makeupWorkdays": [ "2024-10-09" ] } } }""", "not a Saturday or Sunday")]
    [InlineData("""{ "years": { "2024": { "holidays": [ { "name": "国庆节", "from": "2024-10-01", "to": "2024-10-07" } ], "makeupWorkdays": [ "2024-10-05" ] } } }""", "inside a holiday block")]
    [InlineData("""{ "years": { "2024": { "holidays": [ { "name": "国庆节", "from": "2024-10-01", "to": "2024-10-07", "days": 6 } ] } } }""", "says 6 days")]
    [InlineData("""{ "years": { "2024": { "holidays": [ { "name": "x", "from": "2024-10-07", "to": "2024-10-01" } ] } } }""", "runs from")]
    [InlineData("""{ "years": { "2024": { "makeupWorkdays": [ "2024/10/12" ] } } }""", "not a yyyy-MM-dd date")]
    [InlineData("""{ "noYears": 1 }""", "missing the 'years' object")]
    [InlineData("""{ "years": """, "not valid JSON")]
    public void RefusesData_GivenMalformedEntry(string json, string message)
    {
        var act = () => WorkingCalendar.FromJson([("bad.json", json)]);

        act.Should().Throw<CalendarDataException>().WithMessage($"*bad.json*{message}*");
    }

    [Fact]
    public void RefusesFolder_GivenNoData()
    {
        var empty = Directory.CreateTempSubdirectory("filing-cal-").FullName;
        try
        {
            var act = () => WorkingCalendar.LoadDirectory(empty);
            act.Should().Throw<CalendarDataException>().WithMessage("*no *.json*");
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public void CountsEveryDayAsFallback_GivenWeekendsOnlyCalendar()
    {
        var result = WorkingCalendar.WeekendsOnly.AddCalendarDays(D("2024-09-06"), 30);

        result.Date.Should().Be(D("2024-10-07"), "without data 10-06 is just a Sunday");
        result.UsedWeekendFallback.Should().BeTrue();
    }

    [Theory]
    [InlineData("2024-09-30T16:30:00Z", "2024-10-01")]
    [InlineData("2024-09-30T15:59:59Z", "2024-09-30")]
    public void TodayIsChinaDate_GivenUtcInstant(string utc, string expected)
    {
        var clock = new FixedTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Calendar.Today(clock).Should().Be(D(expected));
    }

    [Fact]
    public void RefusesNegativeLengths_GivenBadInput()
    {
        var act = () => Calendar.AddCalendarDays(D("2024-01-01"), -1);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
