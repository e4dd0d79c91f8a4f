using Filing.Core.Review;

namespace Filing.Core.Register;

/// <summary>
/// One uploaded draft: the file's fingerprint, what the reader found in it and the review report with the drafter's
/// answers. The file bytes and the full parse are stored beside the record (see <see cref="VersionContent"/>).
/// </summary>
public sealed class DocumentVersion
{
    private readonly List<VersionFinding> _findings = [];

    private DocumentVersion()
    {
        FileName = "";
        FileSha256 = "";
        UploadedByName = "";
    }

    internal DocumentVersion(int number, NewVersion input, Actor actor, DateTimeOffset at)
    {
        Number = number;
        FileName = input.FileName;
        FileSha256 = input.FileSha256;
        FileSize = input.FileSize;
        Title = input.Parsed.Title;
        DocumentType = input.Parsed.DocumentType;
        DocumentNumber = input.Parsed.DocumentNumber;
        ParseWarningCount = input.Parsed.WarningCount;
        ReviewState = input.Review.State;
        ReviewNote = input.Review.Note;
        UploadedAt = at;
        UploadedById = actor.OrganisationId;
        UploadedByName = actor.Name;
        var ordinal = 0;
        foreach (var finding in input.Review.Findings)
        {
            _findings.Add(new VersionFinding(Guid.CreateVersion7(at), ++ordinal, finding));
        }
    }

    /// <summary>1-based version number.</summary>
    public int Number { get; private set; }

    /// <summary>Uploaded file name (as sent; informational only).</summary>
    public string FileName { get; private set; }

    /// <summary>SHA-256 of the file, hex.</summary>
    public string FileSha256 { get; private set; }

    /// <summary>File size in bytes.</summary>
    public long FileSize { get; private set; }

    /// <summary>Title the reader found.</summary>
    public string? Title { get; private set; }

    /// <summary>文种 the reader found.</summary>
    public string? DocumentType { get; private set; }

    /// <summary>发文字号 the reader found (canonical form).</summary>
    public string? DocumentNumber { get; private set; }

    /// <summary>How many warnings the reader reported.</summary>
    public int ParseWarningCount { get; private set; }

    /// <summary>Whether the review engine ran.</summary>
    public ReviewState ReviewState { get; private set; }

    /// <summary>Why the review did not run, if it did not.</summary>
    public string? ReviewNote { get; private set; }

    /// <summary>When it was uploaded.</summary>
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Who uploaded it.</summary>
    public Guid UploadedById { get; private set; }

    /// <summary>Readable name of who uploaded it.</summary>
    public string UploadedByName { get; private set; }

    /// <summary>The review report, with answers.</summary>
    public IReadOnlyList<VersionFinding> Findings => _findings;

    /// <summary>Error findings not yet answered.</summary>
    public IEnumerable<VersionFinding> BlockingFindings => _findings.Where(f => f.Blocks);

    internal VersionFinding? FindFinding(Guid id) => _findings.Find(f => f.Id == id);
}

/// <summary>What the reader found in an upload, reduced to what the register keeps on the version.</summary>
/// <param name="Title">标题 (the enclosed title for a 印发 notice is preferred by the caller when it wants it).</param>
/// <param name="DocumentType">文种.</param>
/// <param name="DocumentNumber">发文字号, canonical.</param>
/// <param name="EffectiveDate">施行日期, if stated.</param>
/// <param name="ValidUntil">End of validity, if stated.</param>
/// <param name="WarningCount">Reader warnings.</param>
public sealed record ParsedSummary(
    string? Title,
    string? DocumentType,
    string? DocumentNumber,
    DateOnly? EffectiveDate,
    DateOnly? ValidUntil,
    int WarningCount);

/// <summary>The review engine's report on an upload, or why there is none.</summary>
/// <param name="State">Completed or unavailable.</param>
/// <param name="Findings">Findings when completed.</param>
/// <param name="Note">Why it is unavailable.</param>
public sealed record ReviewOutcome(ReviewState State, IReadOnlyList<Finding> Findings, string? Note)
{
    /// <summary>A completed review.</summary>
    public static ReviewOutcome Completed(IReadOnlyList<Finding> findings) => new(ReviewState.Completed, findings, null);

    /// <summary>No review could be made.</summary>
    public static ReviewOutcome Unavailable(string why) => new(ReviewState.Unavailable, [], why);
}

/// <summary>An uploaded draft as the aggregate receives it.</summary>
/// <param name="FileName">Name as uploaded.</param>
/// <param name="FileSha256">SHA-256 hex of the bytes.</param>
/// <param name="FileSize">Size in bytes.</param>
/// <param name="Parsed">What the reader found.</param>
/// <param name="Review">The review report.</param>
public sealed record NewVersion(string FileName, string FileSha256, long FileSize, ParsedSummary Parsed, ReviewOutcome Review);
