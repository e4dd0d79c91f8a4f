namespace Filing.Core.Documents.Reading.Package;

/// <summary>
/// A read-only view of one inflating zip entry that counts every byte it hands out. It refuses to go past the size
/// the zip's central directory declared (a lying header), past the compression-ratio cap (a zip bomb), or past the
/// read's total budget — whichever comes first — so memory and time stay bounded whatever the headers claim.
/// </summary>
internal sealed class BudgetedPartStream(Stream inner, string partName, long declaredLength, long compressedLength, ReadBudget budget)
    : Stream
{
    /// <summary>Below this many inflated bytes the ratio cap does not apply: tiny parts of repeated markup compress very well.</summary>
    internal const long RatioCheckFloor = 1L << 20;

    private readonly long _ratioCap = compressedLength > 0 && compressedLength <= long.MaxValue / Math.Max(1, budget.Options.MaxCompressionRatio)
        ? Math.Max(RatioCheckFloor, compressedLength * budget.Options.MaxCompressionRatio)
        : RatioCheckFloor;

    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        if (n > 0)
        {
            Account(n);
        }

        return n;
    }

    private void Account(int n)
    {
        _read += n;
        if (_read > declaredLength)
        {
            throw new DocumentReadException(DocumentErrorCode.CorruptPackage,
                $"Word 文件已损坏：部件 {partName} 解压后比压缩包目录中记录的大小（{declaredLength:N0} 字节）更大。请重新保存文件后再上传。");
        }

        if (_read > _ratioCap)
        {
            throw ReadBudget.TooLarge(
                $"部件 {partName} 的压缩比超过上限 {budget.Options.MaxCompressionRatio}:1，文件可能是“压缩炸弹”，已拒绝读取。");
        }

        budget.AddBytes(n, partName);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
