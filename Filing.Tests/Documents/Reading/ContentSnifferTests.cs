using System.Text;
using Filing.Core.Documents;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Documents.Reading;

public class ContentSnifferTests
{
    private static DocumentReadException Refusal(byte[] content)
    {
        var act = () => NormativeDocumentReader.Read(new MemoryStream(content));
        return act.Should().Throw<DocumentReadException>().Which;
    }

    private static byte[] Bytes(string ascii) => Encoding.ASCII.GetBytes(ascii);

    [Fact]
    public void RefusesAsEmpty_GivenNoBytes() =>
        Refusal([]).Code.Should().Be(DocumentErrorCode.Empty);

    [Theory]
    [InlineData("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj", "application/pdf")]
    [InlineData("{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}", "application/rtf")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000", "image/gif")]
    [InlineData("II*\u0000\u0008\u0000\u0000\u0000", "image/tiff")]
    [InlineData("RIFF\u0010\u0000\u0000\u0000WEBPVP8 ", "image/webp")]
    [InlineData("<!DOCTYPE html><html><body>通知</body></html>", "text/html")]
    [InlineData("<?xml version=\"1.0\"?><?mso-application progid=\"Word.Document\"?><w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\">", "application/xml")]
    [InlineData("<?xml version=\"1.0\"?><office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">", "application/vnd.oasis.opendocument.text-flat-xml")]
    [InlineData("MIME-Version: 1.0\r\nContent-Type: multipart/related", "multipart/related")]
    public void RefusesNamingTheType_GivenKnownSignature(string header, string detected)
    {
        var refusal = Refusal(Encoding.Latin1.GetBytes(header));

        refusal.Code.Should().Be(DocumentErrorCode.UnsupportedMediaType);
        refusal.DetectedType.Should().Be(detected);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46 }, "image/jpeg")]
    [InlineData(new byte[] { 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4 }, "application/x-7z-compressed")]
    [InlineData(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0 }, "application/gzip")]
    public void RefusesNamingTheType_GivenBinarySignature(byte[] header, string detected) =>
        Refusal(header).DetectedType.Should().Be(detected);

    [Fact]
    public void RefusesAsCorrupt_GivenUnrecognisableBytes()
    {
        var refusal = Refusal(new Random(9704).GetItems<byte>(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), 4096));

        refusal.Code.Should().Be(DocumentErrorCode.CorruptPackage);
        refusal.DetectedType.Should().Be("application/octet-stream");
    }

    [Fact]
    public void RecognisesBitmap_GivenConsistentHeader()
    {
        var bmp = new byte[64];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BitConverter.GetBytes(64).CopyTo(bmp, 2);

        Refusal(bmp).DetectedType.Should().Be("image/bmp");
    }

    [Theory]
    [InlineData("第一条 为了规范行政规范性文件管理，制定本办法。", "utf-8")]
    [InlineData("第一条 为了规范行政规范性文件管理，制定本办法。", "gb18030")]
    [InlineData("BMW is not a bitmap", "utf-8")]
    public void RefusesAsPlainText_GivenText(string text, string encoding)
    {
        var bytes = encoding == "gb18030"
            ? CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(text)
            : Encoding.UTF8.GetBytes(text);

        var refusal = Refusal(bytes);

        refusal.Code.Should().Be(DocumentErrorCode.UnsupportedMediaType);
        refusal.DetectedType.Should().Be("text/plain");
    }

    [Fact]
    public void RefusesAsLegacyDoc_GivenCompoundFileWithWordDocumentStream()
    {
        var refusal = Refusal(CompoundFiles.LegacyDoc().ToArray());

        refusal.Code.Should().Be(DocumentErrorCode.LegacyDocFormat);
        refusal.DetectedType.Should().Be("application/msword");
        refusal.Message.Should().Contain(".docx").And.NotContain("密码");
    }

    [Fact]
    public void SaysSoToo_GivenPasswordProtectedLegacyDoc() =>
        Refusal(CompoundFiles.LegacyDoc(encrypted: true).ToArray()).Message.Should().Contain("密码");

    [Fact]
    public void RefusesAsEncrypted_GivenCompoundFileWithEncryptedPackage()
    {
        var refusal = Refusal(CompoundFiles.EncryptedOoxml().ToArray());

        refusal.Code.Should().Be(DocumentErrorCode.EncryptedDocument);
        refusal.Message.Should().Contain("密码");
    }

    [Theory]
    [InlineData("Workbook", "application/vnd.ms-excel")]
    [InlineData("PowerPoint Document", "application/vnd.ms-powerpoint")]
    [InlineData("Contents", "application/x-ole-storage")]
    public void RefusesNamingTheType_GivenOtherCompoundFiles(string stream, string detected)
    {
        var refusal = Refusal(CompoundFiles.Create((stream, new byte[16])).ToArray());

        refusal.Code.Should().Be(DocumentErrorCode.UnsupportedMediaType);
        refusal.DetectedType.Should().Be(detected);
    }

    [Fact]
    public void RefusesAsCorrupt_GivenTruncatedCompoundFile() =>
        Refusal(CompoundFiles.LegacyDoc().ToArray()[..600]).Code.Should().Be(DocumentErrorCode.CorruptPackage);

    [Fact]
    public void RefusesAsCorrupt_GivenCompoundFileWithLoopingDirectoryChain()
    {
        var bytes = CompoundFiles.LegacyDoc().ToArray();
        BitConverter.GetBytes(1u).CopyTo(bytes, 512 + 4); // FAT: directory sector 1 points at itself

        Refusal(bytes).Code.Should().Be(DocumentErrorCode.CorruptPackage);
    }
}
