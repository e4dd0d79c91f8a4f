namespace Filing.Core.Documents;

/// <summary>
/// Reads a Word file (.docx, .docm, .dotx, .dotm) into a <see cref="NormativeDocument"/>.
/// Sniffs the content rather than trusting a file name; bad input raises <see cref="DocumentReadException"/>
/// with a stable <see cref="DocumentErrorCode"/>, never anything else.
/// </summary>
public static class NormativeDocumentReader
{
    /// <summary>Reads <paramref name="stream"/> (which need not be seekable) within the limits of <paramref name="options"/>.</summary>
    /// <exception cref="DocumentReadException">The content is not a readable Word document.</exception>
    public static NormativeDocument Read(Stream stream, DocumentReaderOptions? options = null) =>
        throw new NotImplementedException("Filled in by the Word reader (issue 2).");

    /// <summary>
    /// Reads pasted plain text (one paragraph per line) with the same structure analysis as a Word file,
    /// so that a passage gets the same paths and locations.
    /// </summary>
    public static NormativeDocument FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var paragraphs = lines.Select((line, i) => new Reading.RawParagraph(line, 0, ParagraphSource.Body, i)).ToList();
        return Reading.StructureAnalyzer.Analyze(new Reading.RawDocument(paragraphs, [], [], [], new RevisionInfo(false, false), []));
    }
}

/// <summary>Limits that keep a hostile or absurd upload from exhausting memory or time.</summary>
public sealed record DocumentReaderOptions
{
    /// <summary>Largest accepted file, compressed (default 20 MiB).</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Largest total of uncompressed parts that are read (default 200 MiB).</summary>
    public long MaxUncompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Largest compression ratio accepted for a part (default 200:1), a zip-bomb guard.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Most paragraphs read (default 100,000).</summary>
    public int MaxParagraphs { get; init; } = 100_000;

    /// <summary>Default limits.</summary>
    public static DocumentReaderOptions Default { get; } = new();
}

/// <summary>Why a file could not be read. The names are stable and appear in API problem codes.</summary>
public enum DocumentErrorCode
{
    /// <summary>Nothing was uploaded.</summary>
    Empty,
    /// <summary>A legacy binary .doc (OLE compound file): save it as .docx.</summary>
    LegacyDocFormat,
    /// <summary>A password-protected (encrypted) Office file: remove the password.</summary>
    EncryptedDocument,
    /// <summary>Not a Word document at all (PDF, ODT, image…).</summary>
    UnsupportedMediaType,
    /// <summary>A zip package that is truncated, corrupt or lacks a main document part.</summary>
    CorruptPackage,
    /// <summary>Over a size limit, on the wire or after decompression, or with absurd counts.</summary>
    TooLarge,
}

/// <summary>Raised for any input that cannot be read as a Word document.</summary>
public sealed class DocumentReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DocumentReadException(DocumentErrorCode code, string message, string? detectedType = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        DetectedType = detectedType;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public DocumentReadException() : this(DocumentErrorCode.CorruptPackage, "The document could not be read.") { }

    /// <summary>Creates the exception.</summary>
    public DocumentReadException(string message) : this(DocumentErrorCode.CorruptPackage, message) { }

    /// <summary>Creates the exception.</summary>
    public DocumentReadException(string message, Exception inner) : this(DocumentErrorCode.CorruptPackage, message, null, inner) { }

    /// <summary>Why the file was refused.</summary>
    public DocumentErrorCode Code { get; }

    /// <summary>What the content looks like (e.g. "application/pdf"), when it was recognised.</summary>
    public string? DetectedType { get; }
}
