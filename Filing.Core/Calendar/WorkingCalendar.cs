using System.Globalization;
using System.Text.Json;

namespace Filing.Core.Calendar;

/// <summary>
/// The mainland-China working-day calendar (工作日/节假日/调休) built from the State Council General Office's yearly
/// notices (国办发明电《关于20XX年部分节假日安排的通知》), and the one place where Filing counts legal periods.
/// </summary>
/// <remarks>
/// <para>
/// <b>Working day.</b> A date is a working day iff it is Monday–Friday outside every holiday block, or it is a declared
/// make-up workday (调休上班). Blocks are keyed by notice year and some start in the previous December, so the
/// calendar is the union of every loaded notice.
/// </para>
/// <para>
/// <b>Calendar-day periods (民法典 arts 201–203).</b> The start day is not counted; the last day is the start plus the
/// length; when that last day is a 法定休假日 the period ends on the day after the days off end. "法定休假日" is read as
/// <i>every day actually off</i> — ordinary weekends and whole holiday blocks including their 调休 days, but not
/// make-up workdays. That is how courts applied the same rule under the former 民通意见 art 198 (以实际休假日的次日为期间的
/// 最后一天) and 民事诉讼法 art 85, and it is the reading that never ends a deadline on a day the office is closed.
/// The stricter reading (only the 11/13 statutory days) cannot be derived from the notices' day lists and would move
/// deadlines onto closed days, so it is not offered.
/// </para>
/// <para>
/// <b>Years without data.</b> Notices appear in October–December of the year before. For a year with no notice the
/// calendar falls back to "Saturday and Sunday off" and every result says so
/// (<see cref="CalendarResult.YearsWithoutData"/>). The last week of a covered year also counts as uncovered while the
/// next year's notice is missing, because that notice may put 元旦 there (the 2019 notice's block began 2018-12-30).
/// </para>
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, string> _holidays;
    private readonly Dictionary<DateOnly, string> _makeupWorkdays;
    private readonly HashSet<int> _noticeYears;

    private WorkingCalendar(
        Dictionary<DateOnly, string> holidays,
        Dictionary<DateOnly, string> makeupWorkdays,
        HashSet<int> noticeYears,
        TimeZoneInfo timeZone)
    {
        _holidays = holidays;
        _makeupWorkdays = makeupWorkdays;
        _noticeYears = noticeYears;
        TimeZone = timeZone;
    }

    /// <summary>The notice years loaded, ascending.</summary>
    public IReadOnlyList<int> NoticeYears => [.. _noticeYears.Order()];

    /// <summary>The calendar's time zone (Asia/Shanghai): "today" and deadlines are dates there.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>A calendar with no holiday data at all: every year uses the weekend-only fallback.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([], [], [], ChinaTimeZone());

    /// <summary>Loads every <c>*.json</c> file in <paramref name="directory"/> (e.g. <c>corpus/calendar</c>).</summary>
    /// <exception cref="CalendarDataException">The folder is missing, has no data, or an entry is malformed.</exception>
    public static WorkingCalendar LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CalendarDataException($"Holiday calendar folder '{directory}' does not exist.");
        }

        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new CalendarDataException($"Holiday calendar folder '{directory}' holds no *.json file.");
        }

        var sources = files.Select(f => (Name: f, Json: File.ReadAllText(f)));
        return FromJson(sources);
    }

    /// <summary>Builds a calendar from one or more JSON documents in the <c>corpus/calendar</c> schema.</summary>
    /// <param name="sources">Pairs of a name used in error messages and the JSON text.</param>
    /// <exception cref="CalendarDataException">An entry is malformed or contradicts another.</exception>
    public static WorkingCalendar FromJson(IEnumerable<(string Name, string Json)> sources)
    {
        var holidays = new Dictionary<DateOnly, string>();
        var makeup = new Dictionary<DateOnly, string>();
        var cancelled = new HashSet<DateOnly>();
        var years = new HashSet<int>();
        TimeZoneInfo? zone = null;

        foreach (var (name, json) in sources)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json);
            }
            catch (JsonException e)
            {
                throw new CalendarDataException($"{name}: not valid JSON ({e.Message}).", e);
            }

            using (doc)
            {
                var root = doc.RootElement;
                if (root.TryGetProperty("timeZone", out var tz) && tz.GetString() is { } tzName)
                {
                    zone ??= tzName == "Asia/Shanghai" ? ChinaTimeZone() : FindZone(tzName, name);
                }

                if (!root.TryGetProperty("years", out var yearsElement) || yearsElement.ValueKind != JsonValueKind.Object)
                {
                    throw new CalendarDataException($"{name}: missing the 'years' object.");
                }

                foreach (var year in yearsElement.EnumerateObject())
                {
                    if (!int.TryParse(year.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var noticeYear))
                    {
                        throw new CalendarDataException($"{name}: year key '{year.Name}' is not a year.");
                    }

                    years.Add(noticeYear);
                    LoadYear(name, noticeYear, year.Value, holidays, makeup, cancelled);
                }
            }
        }

        foreach (var day in cancelled)
        {
            makeup.Remove(day);
        }

        foreach (var (day, label) in makeup)
        {
            if (holidays.ContainsKey(day))
            {
                throw new CalendarDataException($"{label}: make-up workday {Iso(day)} lies inside a holiday block.");
            }
        }

        return new WorkingCalendar(holidays, makeup, years, zone ?? ChinaTimeZone());
    }

    /// <summary>Describes <paramref name="date"/>: working day or not, why, and whether the data covers it.</summary>
    public CalendarDay Describe(DateOnly date)
    {
        var covered = IsCovered(date);
        if (_holidays.TryGetValue(date, out var holiday))
        {
            return new CalendarDay(date, false, DayKind.Holiday, holiday, covered);
        }

        if (_makeupWorkdays.TryGetValue(date, out var makeupFor))
        {
            return new CalendarDay(date, true, DayKind.MakeupWorkday, makeupFor, covered);
        }

        return IsWeekend(date)
            ? new CalendarDay(date, false, DayKind.Weekend, null, covered)
            : new CalendarDay(date, true, DayKind.Workday, null, covered);
    }

    /// <summary>Whether <paramref name="date"/> is a working day (weekend-only fallback outside the data).</summary>
    public bool IsWorkingDay(DateOnly date) =>
        !_holidays.ContainsKey(date) && (_makeupWorkdays.ContainsKey(date) || !IsWeekend(date));

    /// <summary>
    /// Whether a State Council notice covers <paramref name="date"/>: its year's notice is loaded and, in the last
    /// week of December, the next year's too.
    /// </summary>
    public bool IsCovered(DateOnly date) =>
        _noticeYears.Contains(date.Year) && (date.Month < 12 || date.Day < 25 || _noticeYears.Contains(date.Year + 1));

    /// <summary>Today's date in the calendar's time zone.</summary>
    public DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZone).DateTime);

    /// <summary>The date of an instant in the calendar's time zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public CalendarResult NextWorkingDayOnOrAfter(DateOnly date)
    {
        var uncovered = new SortedSet<int>();
        var day = date;
        while (true)
        {
            Note(day, uncovered);
            if (IsWorkingDay(day))
            {
                return new CalendarResult(day, [.. uncovered]);
            }

            day = day.AddDays(1);
        }
    }

    /// <summary>
    /// The last day of a period of <paramref name="days"/> 日 starting on <paramref name="start"/> (民法典 arts 201, 203):
    /// the start day is not counted, and a last day that is a day off moves to the next working day.
    /// </summary>
    public CalendarResult AddCalendarDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return NextWorkingDayOnOrAfter(start.AddDays(days));
    }

    /// <summary>
    /// The last day of a period of <paramref name="months"/> 月 (民法典 art 202: the corresponding day of the final
    /// month, or its last day when there is none), moved past days off per art 203.
    /// </summary>
    public CalendarResult AddMonths(DateOnly start, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        return NextWorkingDayOnOrAfter(start.AddMonths(months));
    }

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/> (the start day is not counted, as in
    /// 民法典 art 201; days off are skipped as in 行政许可法 art 82). Zero returns the start when it is a working day,
    /// else the next one.
    /// </summary>
    public CalendarResult AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return NextWorkingDayOnOrAfter(start);
        }

        var uncovered = new SortedSet<int>();
        var day = start;
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            Note(day, uncovered);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return new CalendarResult(day, [.. uncovered]);
    }

    /// <summary>The last day of <paramref name="period"/> starting on <paramref name="start"/>, counted per its unit.</summary>
    public CalendarResult End(DateOnly start, Period period) => period.Unit switch
    {
        PeriodUnit.CalendarDays => AddCalendarDays(start, period.Length),
        PeriodUnit.WorkingDays => AddWorkingDays(start, period.Length),
        PeriodUnit.Months => AddMonths(start, period.Length),
        PeriodUnit.Years => AddMonths(start, checked(period.Length * 12)),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period.Unit, "Unknown period unit."),
    };

    /// <summary>Working days from <paramref name="first"/> to <paramref name="last"/>, both included (0 when last &lt; first).</summary>
    public WorkingDayCount CountWorkingDays(DateOnly first, DateOnly last)
    {
        var uncovered = new SortedSet<int>();
        var count = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            Note(day, uncovered);
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return new WorkingDayCount(count, [.. uncovered]);
    }

    private void Note(DateOnly day, SortedSet<int> uncovered)
    {
        if (!IsCovered(day))
        {
            uncovered.Add(day.Year);
        }
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static void LoadYear(
        string file,
        int noticeYear,
        JsonElement year,
        Dictionary<DateOnly, string> holidays,
        Dictionary<DateOnly, string> makeup,
        HashSet<DateOnly> cancelled)
    {
        var where = $"{file}: year {noticeYear}";
        if (year.TryGetProperty("holidays", out var blocks))
        {
            foreach (var block in blocks.EnumerateArray())
            {
                var name = block.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                var from = ReadDate(block, "from", where);
                var to = ReadDate(block, "to", where);
                if (to < from || to.DayNumber - from.DayNumber > 31)
                {
                    throw new CalendarDataException($"{where}: holiday '{name}' runs from {Iso(from)} to {Iso(to)}.");
                }

                if (block.TryGetProperty("days", out var d) && d.GetInt32() != to.DayNumber - from.DayNumber + 1)
                {
                    throw new CalendarDataException($"{where}: holiday '{name}' says {d.GetInt32()} days but spans {Iso(from)}..{Iso(to)}.");
                }

                for (var day = from; day <= to; day = day.AddDays(1))
                {
                    if (!holidays.TryAdd(day, name) && holidays[day] != name)
                    {
                        throw new CalendarDataException($"{where}: {Iso(day)} is in two holiday blocks ('{holidays[day]}', '{name}').");
                    }
                }
            }
        }

        foreach (var day in ReadDates(year, "makeupWorkdays", where))
        {
            if (!IsWeekend(day))
            {
                throw new CalendarDataException($"{where}: make-up workday {Iso(day)} is not a Saturday or Sunday.");
            }

            makeup[day] = where;
        }

        foreach (var day in ReadDates(year, "cancelledMakeupWorkdays", where))
        {
            cancelled.Add(day);
        }
    }

    private static IEnumerable<DateOnly> ReadDates(JsonElement year, string property, string where)
    {
        if (!year.TryGetProperty(property, out var list))
        {
            yield break;
        }

        foreach (var item in list.EnumerateArray())
        {
            yield return ParseDate(item.GetString(), $"{where} {property}");
        }
    }

    private static DateOnly ReadDate(JsonElement element, string property, string where) =>
        element.TryGetProperty(property, out var value)
            ? ParseDate(value.GetString(), $"{where} '{property}'")
            : throw new CalendarDataException($"{where}: a holiday block has no '{property}'.");

    private static DateOnly ParseDate(string? text, string where) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CalendarDataException($"{where}: '{text}' is not a yyyy-MM-dd date.");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone(string id, string file)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new CalendarDataException($"{file}: time zone '{id}' is not known on this machine (install tzdata).", e);
        }
    }

    // China has had no daylight saving since 1991: a fixed UTC+8 zone is exact when tzdata is missing.
    private static TimeZoneInfo ChinaTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
}
