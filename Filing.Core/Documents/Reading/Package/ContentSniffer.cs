using System.Text;

namespace Filing.Core.Documents.Reading.Package;

/// <summary>What the first bytes of an upload say it is, before any parsing.</summary>
internal enum ContainerKind
{
    /// <summary>A zip archive: possibly an OOXML package (.docx), possibly ODF or just a zip.</summary>
    Zip,

    /// <summary>An OLE compound file: legacy .doc/.xls/.ppt or an encrypted OOXML package.</summary>
    CompoundFile,
}

/// <summary>
/// Recognises an upload from its content, never from its name. Anything that is neither a zip nor an OLE compound file
/// is refused here with a <see cref="DocumentReadException"/> naming the detected type and what to do instead.
/// </summary>
internal static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeaderLength = 4096;

    private static ReadOnlySpan<byte> Zip => "PK\u0003\u0004"u8;
    private static ReadOnlySpan<byte> ZipEmpty => "PK\u0005\u0006"u8;
    private static ReadOnlySpan<byte> ZipSpanned => "PK\u0007\u0008"u8;
    private static ReadOnlySpan<byte> Ole => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> SevenZip => [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C];
    private static ReadOnlySpan<byte> Gzip => [0x1F, 0x8B];
    private static ReadOnlySpan<byte> Utf16Le => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16Be => [0xFE, 0xFF];
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Classifies <paramref name="header"/> (the first bytes of the upload; <paramref name="totalLength"/> in all).</summary>
    /// <exception cref="DocumentReadException">The content is empty or not a container a Word file can be.</exception>
    public static ContainerKind Sniff(ReadOnlySpan<byte> header, long totalLength)
    {
        if (totalLength == 0 || header.IsEmpty)
        {
            throw new DocumentReadException(DocumentErrorCode.Empty, "上传的文件是空的（0 字节）。请选择要上传的 Word 文件（.docx）后重试。");
        }

        if (header.StartsWith(Zip) || header.StartsWith(ZipEmpty) || header.StartsWith(ZipSpanned))
        {
            return ContainerKind.Zip;
        }

        if (header.StartsWith(Ole))
        {
            return ContainerKind.CompoundFile;
        }

        throw Refuse(Detect(header, totalLength));
    }

    /// <summary>The refusal for content that is recognisably not a Word file.</summary>
    public static DocumentReadException Refuse(DetectedContent detected) =>
        new(DocumentErrorCode.UnsupportedMediaType,
            $"该文件是{Spaced(detected.Description)}，不是 Word 文件（检测到的类型：{detected.MediaType}）。{detected.Advice}",
            detected.MediaType);

    /// <summary>A space between a Chinese word and a Latin one, as Chinese typesetting has it (是 PDF 文档).</summary>
    private static string Spaced(string description) => char.IsAsciiLetterOrDigit(description[0]) ? " " + description : description;

    private static DetectedContent Detect(ReadOnlySpan<byte> header, long totalLength)
    {
        var first = header[..Math.Min(header.Length, 1024)];
        if (first.IndexOf("%PDF-"u8) >= 0)
        {
            return new("PDF 文档", "application/pdf", "请上传生成该 PDF 的 Word 原稿（.docx）。");
        }

        if (header.StartsWith("{\\rtf"u8))
        {
            return new("RTF 文档", "application/rtf", SaveAsDocx);
        }

        if (header.StartsWith(Png))
        {
            return Image("image/png");
        }

        if (header.StartsWith(Jpeg))
        {
            return Image("image/jpeg");
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Image("image/gif");
        }

        if (header.StartsWith("II*\0"u8) || header.StartsWith("MM\0*"u8))
        {
            return Image("image/tiff");
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return Image("image/webp");
        }

        if (IsBitmap(header, totalLength))
        {
            return Image("image/bmp");
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(header[8..12]);
            return brand is "heic" or "heix" or "mif1" or "msf1" ? Image("image/heic")
                : brand is "avif" ? Image("image/avif")
                : new("视频或多媒体文件", "video/mp4", "请上传 Word 文件（.docx）。");
        }

        if (header.StartsWith(SevenZip))
        {
            return new("7z 压缩包", "application/x-7z-compressed", Unpack);
        }

        if (header.StartsWith("Rar!\u001A\u0007"u8))
        {
            return new("RAR 压缩包", "application/vnd.rar", Unpack);
        }

        if (header.StartsWith(Gzip))
        {
            return new("gzip 压缩文件", "application/gzip", Unpack);
        }

        return DetectText(header) ?? throw Unrecognised();
    }

    /// <summary>
    /// Bytes that match no known format: there is no type to name, and a .docx damaged beyond its zip signature
    /// looks exactly like this, so the answer is "damaged", not "unsupported".
    /// </summary>
    private static DocumentReadException Unrecognised() =>
        new(DocumentErrorCode.CorruptPackage,
            "无法识别文件内容：它既不是 Word 文件，也不是其他已知格式，可能已经损坏。请在 Word 或 WPS 中打开原文件，另存为 Word 文档（.docx）后再上传。",
            "application/octet-stream");

    private static DetectedContent Image(string mediaType) =>
        new("图片", mediaType, "请上传文件的 Word 原稿（.docx），不要上传扫描件或截图。");

    private const string SaveAsDocx = "请在 Word 或 WPS 中打开后“另存为”Word 文档（.docx）再上传。";
    private const string Unpack = "请解压后上传其中的 Word 文件（.docx）。";

    private static bool IsBitmap(ReadOnlySpan<byte> header, long totalLength)
    {
        if (header.Length < 26 || !header.StartsWith("BM"u8))
        {
            return false;
        }

        // "BM" alone would also match a text file that starts with those letters: require the reserved words to be
        // zero and the declared size to match the file, as every real bitmap has.
        var declared = BitConverter.ToUInt32(header[2..6]);
        var reserved = BitConverter.ToUInt32(header[6..10]);
        return reserved == 0 && declared == totalLength;
    }

    private static DetectedContent? DetectText(ReadOnlySpan<byte> header)
    {
        string text;
        if (header.StartsWith(Utf16Le) || header.StartsWith(Utf16Be))
        {
            var encoding = header[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            text = encoding.GetString(header[2..(header.Length & ~1)]);
        }
        else
        {
            var body = header.StartsWith(Utf8Bom) ? header[3..] : header;
            if (!LooksLikeUtf8Text(body, out text) && !LooksLikeGb18030Text(body, out text))
            {
                return null;
            }
        }

        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || start.StartsWith('<'))
        {
            if (start.Contains("w:wordDocument", StringComparison.Ordinal) || start.Contains("pkg:package", StringComparison.Ordinal)
                || start.Contains("schemas.microsoft.com/office/word/2003", StringComparison.Ordinal))
            {
                return new("Word XML 文档（Word 2003 XML 或单文件 XML）", "application/xml", SaveAsDocx);
            }

            if (start.Contains("office:document", StringComparison.Ordinal))
            {
                return new("OpenDocument 单文件 XML 文档（.fodt）", "application/vnd.oasis.opendocument.text-flat-xml", SaveAsDocx);
            }

            if (start.Contains("<html", StringComparison.OrdinalIgnoreCase) || start.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
                || start.Contains("<head", StringComparison.OrdinalIgnoreCase) || start.Contains("<body", StringComparison.OrdinalIgnoreCase))
            {
                return new("网页（HTML）", "text/html", SaveAsDocx);
            }

            return new("XML 文件", "application/xml", "请上传 Word 文件（.docx）。");
        }

        if (start.StartsWith("MIME-Version:", StringComparison.OrdinalIgnoreCase))
        {
            return new("单个文件网页（MHTML）", "multipart/related", SaveAsDocx);
        }

        return new("纯文本文件", "text/plain", "请上传 Word 文件（.docx）；纯文本可以粘贴到系统的文本输入框。");
    }

    private static bool LooksLikeUtf8Text(ReadOnlySpan<byte> bytes, out string text)
    {
        text = "";
        // The header may cut a multi-byte character in two: ignore up to three trailing bytes of an incomplete sequence.
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var cut = 0; cut <= Math.Min(3, bytes.Length); cut++)
        {
            try
            {
                text = decoder.GetString(bytes[..^cut]);
                return IsMostlyPrintable(text);
            }
            catch (DecoderFallbackException)
            {
                // try a shorter prefix
            }
        }

        return false;
    }

    private static bool LooksLikeGb18030Text(ReadOnlySpan<byte> bytes, out string text)
    {
        text = "";
        // GB18030/GBK is what Chinese Windows writes plain text in; take it from the provider without registering it globally.
        var gb = CodePagesEncodingProvider.Instance.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (gb is null || bytes.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        for (var cut = 0; cut <= Math.Min(3, bytes.Length); cut++)
        {
            try
            {
                text = gb.GetString(bytes[..^cut]);
                return IsMostlyPrintable(text);
            }
            catch (DecoderFallbackException)
            {
                // the header may end inside a multi-byte character: try a shorter prefix
            }
        }

        return false;
    }

    private static bool IsMostlyPrintable(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return false;
            }

            if (char.IsControl(c) && c is not '\r' and not '\n' and not '\t' and not '\f')
            {
                control++;
            }
        }

        return control * 100 < text.Length;
    }
}

/// <summary>A recognised non-Word content type: how to call it, its media type and what the user should do.</summary>
internal sealed record DetectedContent(string Description, string MediaType, string Advice);
