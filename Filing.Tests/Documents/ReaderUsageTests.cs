using Filing.Core.Documents;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Documents;

/// <summary>The README's library snippet, kept compiling and true: only the public surface of Filing.Core.</summary>
public class ReaderUsageTests
{
    [Fact]
    public async Task ReadsSeedDocument_GivenReadmeSnippet()
    {
        await using var file = File.OpenRead(RepoRoot.Path("corpus", "samples", "seed-tonglu-2018-47.docx"));
        NormativeDocument doc = NormativeDocumentReader.Read(file);

        doc.Title.Should().Contain("桐庐县深化法治政府建设实施意见");
        doc.DocumentNumber!.Text.Should().Be("桐政发〔2018〕47号");
        doc.Date.Should().Be(new DateOnly(2018, 8, 6));
        doc.Paragraphs.Should().OnlyContain(p => doc.Text.Substring(p.Offset, p.Text.Length) == p.Text);
    }

    [Fact]
    public void ThrowsOnlyDocumentReadException_GivenBadInput()
    {
        var act = () => NormativeDocumentReader.Read(new MemoryStream("%PDF-1.4"u8.ToArray()), new DocumentReaderOptions { MaxFileBytes = 1 << 20 });

        act.Should().Throw<DocumentReadException>().Which.Should().BeEquivalentTo(new
        {
            Code = DocumentErrorCode.UnsupportedMediaType,
            DetectedType = "application/pdf",
        });
    }
}
