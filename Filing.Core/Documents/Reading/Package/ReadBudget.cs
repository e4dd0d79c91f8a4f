namespace Filing.Core.Documents.Reading.Package;

/// <summary>
/// Counts what one read has consumed — uncompressed bytes actually inflated, paragraphs, characters — against
/// <see cref="DocumentReaderOptions"/>, and stops the read with <see cref="DocumentErrorCode.TooLarge"/> the moment a
/// limit is crossed. Counting happens while streaming, so a zip whose headers lie is caught as early as an honest one.
/// </summary>
internal sealed class ReadBudget(DocumentReaderOptions options, CancellationToken cancellationToken = default)
{
    private long _bytes;
    private long _characters;

    public DocumentReaderOptions Options { get; } = options;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary><c>w:p</c> elements met so far, in every part.</summary>
    public int Paragraphs { get; private set; }

    public long RemainingBytes => Math.Max(0, Options.MaxUncompressedBytes - _bytes);

    public void AddBytes(int count, string partName)
    {
        _bytes += count;
        if (_bytes > Options.MaxUncompressedBytes)
        {
            throw TooLarge($"解压后的内容超过上限 {Format(Options.MaxUncompressedBytes)}（读到部件 {partName} 时）。文件可能是“压缩炸弹”，或内容过多；请拆分文件后再上传。");
        }
    }

    public void AddParagraph()
    {
        if (++Paragraphs > Options.MaxParagraphs)
        {
            throw TooLarge($"文件的段落数超过上限 {Options.MaxParagraphs:N0} 个。请拆分文件后再上传。");
        }

        // Cheap enough to check per paragraph, frequent enough to stop a long read promptly.
        if ((Paragraphs & 0xFF) == 0)
        {
            CancellationToken.ThrowIfCancellationRequested();
        }
    }

    public void AddCharacters(int count)
    {
        _characters += count;
        if (_characters > Options.MaxCharacters)
        {
            throw TooLarge($"文件的文字超过上限 {Options.MaxCharacters:N0} 个字符。请拆分文件后再上传。");
        }
    }

    public static DocumentReadException TooLarge(string message) => new(DocumentErrorCode.TooLarge, message);

    internal static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KiB",
        _ => $"{bytes} 字节",
    };
}
