using System.Diagnostics;
using Filing.Core.Documents;
using Filing.Core.Documents.Reading.Package;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Documents.Reading;

/// <summary>Uploads built to exhaust memory or time, or to make the parser fetch or expand things, must be refused quickly.</summary>
public class HostileInputTests
{
    private static (DocumentReadException Refusal, TimeSpan Elapsed, long AllocatedBytes) Refuse(Stream input, DocumentReaderOptions? options = null)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var act = () => NormativeDocumentReader.Read(input, options);
        var refusal = act.Should().Throw<DocumentReadException>().Which;
        return (refusal, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }

    [Fact]
    public void RefusesBeforeInflating_GivenZipBombWithHonestHeader()
    {
        var bomb = HostileFiles.ZipBomb(inflatedMiB: 1024, honestHeader: true);
        bomb.Length.Should().BeLessThan(2 << 20, "a 1 GiB bomb fits in about a megabyte");

        var (refusal, elapsed, allocated) = Refuse(new MemoryStream(bomb));

        refusal.Code.Should().Be(DocumentErrorCode.TooLarge);
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        allocated.Should().BeLessThan(16L << 20);
    }

    [Fact]
    public void StopsWhileInflating_GivenZipBombWhoseHeaderLies()
    {
        var bomb = HostileFiles.ZipBomb(inflatedMiB: 1024, honestHeader: false);

        var (refusal, elapsed, allocated) = Refuse(new MemoryStream(bomb));

        refusal.Code.Should().BeOneOf(DocumentErrorCode.TooLarge, DocumentErrorCode.CorruptPackage);
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        allocated.Should().BeLessThan(64L << 20, "nothing close to the inflated gigabyte may be held");
    }

    [Fact]
    public void StopsStreamAtCompressionRatio_GivenPartInflatingPastItsCap()
    {
        var budget = new ReadBudget(new DocumentReaderOptions { MaxCompressionRatio = 100, MaxUncompressedBytes = 1L << 40 });
        var endless = new BudgetedPartStream(new RepeatingStream(), "word/document.xml", declaredLength: long.MaxValue, compressedLength: 50_000, budget);
        var buffer = new byte[81920];

        var act = () =>
        {
            while (endless.Read(buffer) > 0)
            {
            }
        };

        act.Should().Throw<DocumentReadException>().Which.Code.Should().Be(DocumentErrorCode.TooLarge);
        endless.Position.Should().BeLessThanOrEqualTo(5_000_000 + buffer.Length, "100:1 of 50 kB is 5 MB");
    }

    [Fact]
    public void StopsStreamAtTotalBudget_GivenPartsTogetherOverTheLimit()
    {
        var budget = new ReadBudget(new DocumentReaderOptions { MaxUncompressedBytes = 3_000_000 });
        var first = new BudgetedPartStream(new RepeatingStream(2_000_000), "a.xml", 2_000_000, 1_000_000, budget);
        var second = new BudgetedPartStream(new RepeatingStream(2_000_000), "b.xml", 2_000_000, 1_000_000, budget);

        first.CopyTo(Stream.Null);
        var act = () => second.CopyTo(Stream.Null);

        act.Should().Throw<DocumentReadException>().Which.Code.Should().Be(DocumentErrorCode.TooLarge);
    }

    [Fact]
    public void RefusesWithoutExpanding_GivenBillionLaughs()
    {
        var (refusal, elapsed, allocated) = Refuse(HostileFiles.BillionLaughs());

        refusal.Code.Should().Be(DocumentErrorCode.CorruptPackage);
        refusal.Message.Should().Contain("DTD");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        allocated.Should().BeLessThan(16L << 20);
    }

    [Theory]
    [InlineData("word/document.xml")]
    [InlineData("[Content_Types].xml")]
    public void RefusesWithoutResolving_GivenExternalEntity(string part)
    {
        var (refusal, _, _) = Refuse(HostileFiles.ExternalEntity(part));

        refusal.Code.Should().Be(DocumentErrorCode.CorruptPackage);
        refusal.Message.Should().Contain("DTD").And.NotContain("root:");
    }

    [Fact]
    public void RefusesAsTooLarge_GivenAbsurdParagraphCount()
    {
        using var input = HostileFiles.ManyParagraphs(200_000);

        var (refusal, elapsed, _) = Refuse(input);

        refusal.Code.Should().Be(DocumentErrorCode.TooLarge);
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void RefusesWithoutStackOverflow_GivenDeeplyNestedTables()
    {
        using var input = HostileFiles.NestedTables(10_000);

        Refuse(input).Refusal.Code.Should().Be(DocumentErrorCode.CorruptPackage);
    }

    [Theory]
    [InlineData("<w:p>", "</w:p>")]
    [InlineData("<w:p><w:r><w:ruby><w:rubyBase><w:r><w:ruby><w:rubyBase>", "</w:rubyBase></w:ruby></w:r></w:rubyBase></w:ruby></w:r></w:p>")]
    [InlineData("<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>", "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>")]
    [InlineData("<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>")]
    public void RefusesWithoutStackOverflow_GivenRecursiveNesting(string open, string close)
    {
        using var input = Packages.MinimalDocx(string.Concat(Enumerable.Repeat(open, 20_000)) + "<w:p/>" + string.Concat(Enumerable.Repeat(close, 20_000)));

        Refuse(input).Refusal.Code.Should().Be(DocumentErrorCode.CorruptPackage);
    }

    [Fact]
    public void ReadsNormalNesting_GivenTablesTenDeep()
    {
        using var input = HostileFiles.NestedTables(10);

        NormativeDocumentReader.ReadRaw(input, DocumentReaderOptions.Default).Paragraphs.Should().HaveCount(2);
    }

    [Fact]
    public void ReadsWithoutRecursion_GivenDeeplyNestedContentControls()
    {
        var depth = 20_000;
        using var input = Packages.MinimalDocx(string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + Docx.Paragraph("深处")
            + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth)));

        NormativeDocumentReader.ReadRaw(input, DocumentReaderOptions.Default).Paragraphs.Single().Text.Should().Be("深处");
    }

    [Fact]
    public void RefusesBeforeListingEntries_GivenHugeEntryCount()
    {
        using var input = HostileFiles.ManyEntries(30_000);

        Refuse(input).Refusal.Code.Should().Be(DocumentErrorCode.TooLarge);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(-22)]
    public void RefusesAsCorrupt_GivenTruncatedPackage(int length)
    {
        using var valid = Docx.FromParagraphs("第一条 正文");
        var cut = length > 0 ? length : (int)valid.Length + length;

        Refuse(HostileFiles.Truncated(valid, cut)).Refusal.Code.Should().Be(DocumentErrorCode.CorruptPackage);
    }

    [Fact]
    public void RefusesAsTooLarge_GivenFileOverSizeLimit()
    {
        using var docx = Docx.FromParagraphs("正文");

        var (refusal, _, _) = Refuse(docx, new DocumentReaderOptions { MaxFileBytes = 100 });

        refusal.Code.Should().Be(DocumentErrorCode.TooLarge);
    }

    [Fact]
    public void RefusesAsTooLargeWhileCopying_GivenNonSeekableStreamOverSizeLimit()
    {
        using var docx = Docx.FromParagraphs("正文");
        using var forwardOnly = new ForwardOnlyStream(docx);

        Refuse(forwardOnly, new DocumentReaderOptions { MaxFileBytes = 100 }).Refusal.Code.Should().Be(DocumentErrorCode.TooLarge);
    }

    [Fact]
    public void Reads_GivenNonSeekableStream()
    {
        using var docx = Docx.FromParagraphs("正文");
        using var forwardOnly = new ForwardOnlyStream(docx);

        NormativeDocumentReader.ReadRaw(forwardOnly, DocumentReaderOptions.Default).Paragraphs.Single().Text.Should().Be("正文");
    }

    [Fact]
    public void RefusesAsTooLarge_GivenTextOverCharacterLimit()
    {
        using var docx = Docx.FromParagraphs(new string('字', 5000));

        Refuse(docx, new DocumentReaderOptions { MaxCharacters = 1000 }).Refusal.Code.Should().Be(DocumentErrorCode.TooLarge);
    }

    [Fact]
    public void CancelsPromptly_GivenCancelledToken()
    {
        using var input = HostileFiles.ManyParagraphs(50_000);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var act = () => NormativeDocumentReader.Read(input, null, cancelled.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    private sealed class RepeatingStream(long length = long.MaxValue) : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)'A');
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
