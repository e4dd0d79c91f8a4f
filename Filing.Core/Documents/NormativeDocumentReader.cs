using System.Xml;
using Filing.Core.Documents.Reading;
using Filing.Core.Documents.Reading.Ooxml;
using Filing.Core.Documents.Reading.Package;

namespace Filing.Core.Documents;

/// <summary>
/// Reads a Word file (.docx, .docm, .dotx, .dotm) into a <see cref="NormativeDocument"/>.
/// Sniffs the content rather than trusting a file name; bad input raises <see cref="DocumentReadException"/>
/// with a stable <see cref="DocumentErrorCode"/>, never anything else.
/// </summary>
public static class NormativeDocumentReader
{
    /// <summary>
    /// Reads <paramref name="stream"/> (which need not be seekable) within the limits of <paramref name="options"/>:
    /// sniffs the content, reads the package (budgeted), renders the accepted view of the text with its automatic
    /// numbering, then analyses the structure.
    /// </summary>
    /// <exception cref="DocumentReadException">The content is not a readable Word document, or breaks a limit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static NormativeDocument Read(Stream stream, DocumentReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        var raw = ReadRaw(stream, options ?? DocumentReaderOptions.Default, cancellationToken);
        try
        {
            return StructureAnalyzer.Analyze(raw);
        }
        catch (Exception e) when (e is not (OperationCanceledException or DocumentReadException))
        {
            throw new DocumentReadException(DocumentErrorCode.CorruptPackage,
                "无法分析该文件的内容（错误已记录）。请确认文件能在 Word 或 WPS 中正常打开，重新保存为 .docx 后再上传。", null, e);
        }
    }

    /// <summary>The OOXML layer alone: sniffing, limits and the accepted view of the package, before structure analysis.</summary>
    internal static RawDocument ReadRaw(Stream stream, DocumentReaderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var budget = new ReadBudget(options, cancellationToken);
        MemoryStream? copy = null;
        try
        {
            var input = Seekable(stream, options, cancellationToken, out copy);
            var header = new byte[(int)Math.Min(ContentSniffer.HeaderLength, input.Length)];
            input.Position = 0;
            input.ReadExactly(header);
            input.Position = 0;
            if (ContentSniffer.Sniff(header, input.Length) == ContainerKind.CompoundFile)
            {
                throw CompoundFile.Refuse(input);
            }

            using var package = OpcPackage.Open(input, budget, new NameTable());
            return OoxmlReader.Read(package, budget);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or ArgumentException
            or NotSupportedException or InvalidOperationException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // The zip layer and the XML reader throw these for truncated or damaged content.
            throw OpcPackage.Corrupt("内容无法读取（" + e.GetType().Name + "）", e);
        }
        catch (Exception e) when (e is not (DocumentReadException or OperationCanceledException))
        {
            // Whatever else a hostile file provokes, the caller gets a refusal, not a crash.
            throw new DocumentReadException(DocumentErrorCode.CorruptPackage,
                "读取文件时发生意外错误（错误已记录），文件可能已损坏。请在 Word 或 WPS 中打开、重新保存为 .docx 后再上传。", null, e);
        }
        finally
        {
            copy?.Dispose();
        }
    }

    /// <summary>
    /// The zip reader needs to seek. A seekable stream at position 0 is used as is (after a size check); anything
    /// else is copied into memory, refusing as soon as the copy passes <see cref="DocumentReaderOptions.MaxFileBytes"/>.
    /// </summary>
    private static Stream Seekable(Stream stream, DocumentReaderOptions options, CancellationToken cancellationToken, out MemoryStream? copy)
    {
        copy = null;
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > options.MaxFileBytes)
            {
                throw TooLargeFile(options);
            }

            if (stream.Position == 0)
            {
                return stream;
            }
        }

        copy = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (copy.Length + n > options.MaxFileBytes)
            {
                throw TooLargeFile(options);
            }

            copy.Write(buffer, 0, n);
        }

        copy.Position = 0;
        return copy;
    }

    private static DocumentReadException TooLargeFile(DocumentReaderOptions options) =>
        ReadBudget.TooLarge($"文件超过大小上限 {ReadBudget.Format(options.MaxFileBytes)}。请压缩文件中的图片或拆分文件后再上传。");

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

    /// <summary>Most paragraphs read, counting every <c>w:p</c> in every part (default 100,000).</summary>
    public int MaxParagraphs { get; init; } = 100_000;

    /// <summary>Most characters of text produced (default 20,000,000, about 40 MB in memory).</summary>
    public long MaxCharacters { get; init; } = 20_000_000;

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
