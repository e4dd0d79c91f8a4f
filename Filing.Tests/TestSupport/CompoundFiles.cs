using System.Buffers.Binary;
using System.Text;

namespace Filing.Tests.TestSupport;

/// <summary>
/// Minimal OLE compound files ([MS-CFB] version 3, 512-byte sectors) with named 4 KiB streams: enough to stand in for
/// a legacy .doc (WordDocument) or a password-protected .docx (EncryptionInfo + EncryptedPackage).
/// </summary>
public static class CompoundFiles
{
    private const uint Free = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;
    private const int StreamSectors = 8;

    public static MemoryStream Create(params (string Name, byte[] Content)[] streams)
    {
        var directorySectors = (streams.Length + 1 + 3) / 4;
        var totalSectors = 1 + directorySectors + (streams.Length * StreamSectors);
        var file = new byte[512 * (totalSectors + 1)];
        var header = file.AsSpan(0, 512);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + (4 * i))..], i == 0 ? 0 : Free);
        }

        var fat = new uint[128];
        Array.Fill(fat, Free);
        fat[0] = FatSector;
        for (var d = 0; d < directorySectors; d++)
        {
            fat[1 + d] = d == directorySectors - 1 ? EndOfChain : (uint)(2 + d);
        }

        var entries = new List<(string Name, byte Type, uint Start, int Size)> { ("Root Entry", 5, EndOfChain, 0) };
        var next = 1 + directorySectors;
        foreach (var (name, content) in streams)
        {
            for (var s = 0; s < StreamSectors; s++)
            {
                fat[next + s] = s == StreamSectors - 1 ? EndOfChain : (uint)(next + s + 1);
            }

            content.AsSpan(0, Math.Min(content.Length, 4096)).CopyTo(file.AsSpan(512 * (next + 1)));
            entries.Add((name, 2, (uint)next, 4096));
            next += StreamSectors;
        }

        for (var i = 0; i < fat.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(512 + (4 * i)), fat[i]);
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = file.AsSpan(1024 + (128 * i), 128);
            var (name, type, start, size) = entries[i];
            var nameBytes = Encoding.Unicode.GetBytes(name);
            nameBytes.CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(nameBytes.Length + 2));
            entry[66] = type;
            entry[67] = 1;
            BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], Free);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], i > 0 && i < entries.Count - 1 ? (uint)(i + 1) : Free);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], i == 0 && entries.Count > 1 ? 1u : Free);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[120..], (ulong)size);
        }

        return new MemoryStream(file);
    }

    /// <summary>Stands in for a legacy Word 97-2003 file; <paramref name="encrypted"/> sets fEncrypted in its FIB.</summary>
    public static MemoryStream LegacyDoc(bool encrypted = false)
    {
        var fib = new byte[4096];
        BinaryPrimitives.WriteUInt16LittleEndian(fib, 0xA5EC);
        BinaryPrimitives.WriteUInt16LittleEndian(fib.AsSpan(10), encrypted ? (ushort)0x0100 : (ushort)0);
        return Create(("WordDocument", fib), ("1Table", new byte[16]), ("\u0005SummaryInformation", new byte[16]));
    }

    /// <summary>Stands in for a password-protected .docx (ECMA-376 agile encryption container).</summary>
    public static MemoryStream EncryptedOoxml() =>
        Create(("EncryptionInfo", [4, 0, 4, 0, 0x40, 0, 0, 0]), ("EncryptedPackage", new byte[64]), ("\u0006DataSpaces", new byte[8]));
}
