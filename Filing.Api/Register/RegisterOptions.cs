using Filing.Core.Calendar;
using Filing.Core.Register;

namespace Filing.Api.Register;

/// <summary>
/// Register settings (<c>Register</c> section). The numbers are the rules.md defaults; several are unconfirmed for
/// Zhejiang (⚠️/❓) and therefore configuration, not constants.
/// </summary>
public sealed class RegisterOptions
{
    /// <summary>Folder of the holiday calendar (relative paths: next to the binaries, then the content root).</summary>
    public string CalendarPath { get; set; } = "corpus/calendar";

    /// <summary>Minimum comment period in working days (≥7, rules.md §2.3).</summary>
    public int CommentMinimumWorkingDays { get; set; } = 7;

    /// <summary>Minimum comment period in days for business-related documents (≥30, 优化营商环境条例 art 62).</summary>
    public int CommentBusinessRelatedMinimumDays { get; set; } = 30;

    /// <summary>Default deadline for a correction required by filing review (立法法 art 112: two months).</summary>
    public PeriodSetting CorrectionPeriod { get; set; } = new() { Length = 2, Unit = PeriodUnit.Months };

    /// <summary>
    /// Working days the legal office has for the legality review once it is due (国办发〔2018〕115号: at most 15 working
    /// days — ⚠️ not verified verbatim, so configuration).
    /// </summary>
    public int LegalityReviewWorkingDays { get; set; } = 15;

    /// <summary>Years between cleanups (Zhejiang 372号: every two years).</summary>
    public int CleanupIntervalYears { get; set; } = 2;

    /// <summary>Largest page a list returns; asking for more is a 400 that says so.</summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary>
    /// Full-text rankings kept per API instance, in matches (~40 bytes each; the default is ~80 MiB at most), besides the
    /// one register snapshot (~500 bytes a published document). 0 turns both off: every answer comes from the database.
    /// See <see cref="Public.RegisterResultCache"/>.
    /// </summary>
    public long ResultCacheRows { get; set; } = 2_000_000;

    /// <summary>
    /// Seconds between checks of the register version by which each instance loads the snapshot of a changed register in
    /// the background (see <see cref="Public.RegisterSnapshotRefresher"/>). 0: only requests load it.
    /// </summary>
    public int SnapshotRefreshSeconds { get; set; } = 2;

    /// <summary>
    /// Memory each API instance may use to hold the published documents' normalised bodies (2 bytes a character: ~7 KB a
    /// generated document, ~690 MiB for 100,000), so that a quoted phrase is tested in memory instead of the database
    /// reading every candidate's text (a question with a phrase in 67,580 documents of 100,000: 1.2 s against 66 ms). Bodies
    /// past the budget stay in the database and are tested there. 0: none held.
    /// </summary>
    public int HeldBodyTextMiB { get; set; } = 1024;

    public PublicCommentPolicy PublicCommentPolicy => new(CommentMinimumWorkingDays, CommentBusinessRelatedMinimumDays);

    public CleanupPolicy CleanupPolicy => new(CleanupIntervalYears);
}

/// <summary>A period in configuration: <c>{ "Length": 30, "Unit": "CalendarDays" }</c>.</summary>
public sealed class PeriodSetting
{
    public int Length { get; set; }

    public PeriodUnit Unit { get; set; } = PeriodUnit.CalendarDays;

    public Period ToPeriod() => new(Length, Unit);
}
