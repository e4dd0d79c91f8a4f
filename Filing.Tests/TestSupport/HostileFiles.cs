using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Filing.Tests.TestSupport;

/// <summary>
/// Uploads built to hurt a reader: zip bombs (with honest and lying headers), entity expansion, external entities,
/// absurd paragraph counts, deep nesting, truncation. Each is small on the wire.
/// </summary>
public static class HostileFiles
{
    /// <summary>
    /// A .docx of about 1 MiB whose document.xml inflates to <paramref name="inflatedMiB"/> MiB of text. The deflate
    /// stream is one 16 MiB block, sync-flushed and repeated: valid deflate, built in milliseconds. When
    /// <paramref name="honestHeader"/> is false the zip directory claims the part is only 10 KB.
    /// </summary>
    public static byte[] ZipBomb(int inflatedMiB = 1024, bool honestHeader = true)
    {
        const int blockMiB = 16;
        var prefix = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><w:document {Docx.Namespaces}><w:body><w:p><w:r><w:t>");
        using var compressed = new MemoryStream();
        byte[] block;
        using (var deflate = new DeflateStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(prefix);
            deflate.Flush();
            var blockStart = compressed.Length;
            var run = new byte[1 << 20];
            Array.Fill(run, (byte)'A');
            for (var i = 0; i < blockMiB; i++)
            {
                deflate.Write(run);
            }

            deflate.Flush();
            block = compressed.ToArray()[(int)blockStart..];
            compressed.SetLength(blockStart);
            compressed.Position = blockStart;
            for (var i = 1; i < inflatedMiB / blockMiB; i++)
            {
                compressed.Write(block);
            }

            // An empty final fixed-Huffman block ends the stream; disposing the DeflateStream would append more.
            compressed.Write([0x03, 0x00]);
            var data = compressed.ToArray();
            var realSize = prefix.Length + ((long)inflatedMiB << 20);
            var declared = honestHeader ? realSize : 10_000;
            return StoredZip(
                ("[Content_Types].xml", Encoding.UTF8.GetBytes(Packages.ContentTypesWithDocx), null),
                ("_rels/.rels", Encoding.UTF8.GetBytes(Packages.RootRelationships), null),
                ("word/document.xml", data, declared));
        }
    }

    /// <summary>The classic billion laughs: nested entities that would expand to gigabytes.</summary>
    public static MemoryStream BillionLaughs()
    {
        var doctype = new StringBuilder("<!DOCTYPE w:document [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            doctype.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">");
        }

        doctype.Append("]>");
        return Packages.Zip(("[Content_Types].xml", Packages.ContentTypesWithDocx), ("_rels/.rels", Packages.RootRelationships),
            ("word/document.xml", $"<?xml version=\"1.0\"?>{doctype}<w:document {Docx.Namespaces}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"));
    }

    /// <summary>An external entity pointing at a local file, in <paramref name="part"/>.</summary>
    public static MemoryStream ExternalEntity(string part = "word/document.xml")
    {
        const string doctype = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        var document = $"<?xml version=\"1.0\"?>{(part == "word/document.xml" ? doctype.Replace("x [", "w:document [") : "")}"
            + $"<w:document {Docx.Namespaces}><w:body><w:p><w:r><w:t>{(part == "word/document.xml" ? "&xxe;" : "正文")}</w:t></w:r></w:p></w:body></w:document>";
        var contentTypes = part == "[Content_Types].xml"
            ? Packages.ContentTypesWithDocx.Replace("<Types ", doctype.Replace("x [", "Types [") + "<Types ").Replace("<Default Extension=\"rels\"", "<Default Extension=\"&xxe;\"")
            : Packages.ContentTypesWithDocx;
        return Packages.Zip(("[Content_Types].xml", contentTypes), ("_rels/.rels", Packages.RootRelationships), ("word/document.xml", document));
    }

    /// <summary>A document with <paramref name="count"/> empty paragraphs (tiny compressed).</summary>
    public static MemoryStream ManyParagraphs(int count) =>
        Packages.MinimalDocx(string.Concat(Enumerable.Repeat("<w:p/>", count)));

    /// <summary>Tables nested <paramref name="depth"/> deep.</summary>
    public static MemoryStream NestedTables(int depth) =>
        Packages.MinimalDocx(string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", depth)) + "<w:p/>"
            + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", depth)) + "<w:p/>");

    /// <summary>A zip whose directory declares <paramref name="count"/> entries.</summary>
    public static MemoryStream ManyEntries(int count) =>
        Packages.Zip([.. Enumerable.Range(0, count).Select(i => ($"e/{i}", Array.Empty<byte>()))]);

    /// <summary>The first <paramref name="length"/> bytes of a valid package.</summary>
    public static MemoryStream Truncated(Stream valid, int length)
    {
        var bytes = new byte[length];
        valid.Position = 0;
        valid.ReadExactly(bytes);
        return new MemoryStream(bytes);
    }

    /// <summary>
    /// Writes a zip by hand so that entry data can be raw deflate chosen by the caller and sizes can be declared
    /// independently of the data. Entries with a declared size are stored as deflate; the others are deflated here.
    /// </summary>
    private static byte[] StoredZip(params (string Name, byte[] Data, long? DeclaredSize)[] entries)
    {
        using var zip = new MemoryStream();
        var central = new MemoryStream();
        foreach (var (name, content, declaredSize) in entries)
        {
            byte[] data;
            long size;
            uint crc;
            if (declaredSize is { } declared)
            {
                (data, size, crc) = (content, declared, 0);
            }
            else
            {
                using var deflated = new MemoryStream();
                using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
                {
                    deflate.Write(content);
                }

                (data, size, crc) = (deflated.ToArray(), content.Length, Crc32(content));
            }

            var nameBytes = Encoding.UTF8.GetBytes(name);
            var offset = zip.Position;
            if (size >= uint.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(entries), "Zip64 sizes are not needed by these tests.");
            }

            var local = new byte[30];
            BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034B50);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(4), (ushort)20);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(8), 8);
            BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(14), crc);
            BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(18), (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(22), (uint)size);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(26), (ushort)nameBytes.Length);
            zip.Write(local);
            zip.Write(nameBytes);
            zip.Write(data);

            var header = new byte[46];
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014B50);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), (ushort)20);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), (ushort)20);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(10), 8);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), crc);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), (uint)size);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(28), (ushort)nameBytes.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(42), (uint)offset);
            central.Write(header);
            central.Write(nameBytes);
        }

        var centralOffset = zip.Position;
        zip.Write(central.ToArray());
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054B50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)entries.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)entries.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)central.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), (uint)centralOffset);
        zip.Write(end);
        return zip.ToArray();
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
