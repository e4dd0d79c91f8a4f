using System.Buffers.Binary;
using System.Text;

namespace Filing.Core.Documents.Reading.Package;

/// <summary>
/// Reads just enough of an OLE compound file ([MS-CFB]) to say what it is: the names in its directory tell a legacy
/// binary Word document (a <c>WordDocument</c> stream) from a password-protected OOXML package (<c>EncryptionInfo</c> +
/// <c>EncryptedPackage</c>), Excel or PowerPoint. Nothing else of the file is interpreted.
/// </summary>
internal static class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint MaxRegularSector = 0xFFFFFFFA;

    /// <summary>Always throws: a compound file is never a readable Word document; the exception says which kind it is.</summary>
    public static DocumentReadException Refuse(Stream stream)
    {
        IReadOnlyCollection<string> names;
        bool legacyEncrypted;
        try
        {
            names = ReadDirectoryNames(stream, out legacyEncrypted);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or ArgumentOutOfRangeException or OverflowException)
        {
            return new DocumentReadException(DocumentErrorCode.CorruptPackage,
                "该文件是已损坏的 OLE 复合文档（旧版 Office 格式），无法读取。请在 Word 或 WPS 中打开并“另存为”Word 文档（.docx）后再上传。",
                "application/x-ole-storage", e);
        }

        if (names.Contains("EncryptedPackage") && names.Contains("EncryptionInfo"))
        {
            return new DocumentReadException(DocumentErrorCode.EncryptedDocument,
                "该 Word 文件设置了打开密码（或权限保护），内容已加密，无法读取。请在 Word 或 WPS 中打开，取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）并保存后再上传。",
                "application/x-encrypted-ooxml");
        }

        if (names.Contains("WordDocument"))
        {
            var password = legacyEncrypted ? "（且设置了打开密码）" : "";
            return new DocumentReadException(DocumentErrorCode.LegacyDocFormat,
                $"该文件是旧版 Word 二进制格式（.doc，Word 97-2003）{password}，无法读取。请在 Word 或 WPS 中打开，" +
                "“另存为”Word 文档（.docx）后再上传。",
                "application/msword");
        }

        if (names.Contains("Workbook") || names.Contains("Book"))
        {
            return ContentSniffer.Refuse(new("旧版 Excel 工作簿（.xls）", "application/vnd.ms-excel", "请上传 Word 文件（.docx）。"));
        }

        if (names.Contains("PowerPoint Document"))
        {
            return ContentSniffer.Refuse(new("旧版 PowerPoint 演示文稿（.ppt）", "application/vnd.ms-powerpoint", "请上传 Word 文件（.docx）。"));
        }

        return ContentSniffer.Refuse(new("OLE 复合文档（非 Word 文档）", "application/x-ole-storage", "请上传 Word 文件（.docx）。"));
    }

    /// <summary>Names of every storage and stream in the directory.</summary>
    /// <param name="stream">The whole file, seekable.</param>
    /// <param name="legacyEncrypted">Whether a <c>WordDocument</c> stream's FIB says the document is encrypted.</param>
    internal static IReadOnlyCollection<string> ReadDirectoryNames(Stream stream, out bool legacyEncrypted)
    {
        legacyEncrypted = false;
        var header = new byte[512];
        ReadAt(stream, 0, header);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30));
        if (sectorShift is not (9 or 12))
        {
            throw new InvalidDataException("Unsupported sector size.");
        }

        var sectorSize = 1 << sectorShift;
        var fileSectors = stream.Length / sectorSize;
        var fatSectors = ReadFatSectorList(stream, header, sectorSize, fileSectors);
        var firstDirectorySector = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(48));
        var miniStreamCutoff = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(56));

        var names = new HashSet<string>(StringComparer.Ordinal);
        var sector = new byte[sectorSize];
        var visited = 0L;
        uint wordDocumentStart = EndOfChain;
        ulong wordDocumentSize = 0;
        for (var s = firstDirectorySector; s <= MaxRegularSector; s = NextSector(stream, fatSectors, sectorSize, s))
        {
            // A cycle in the chain would loop forever: a chain can never be longer than the file.
            if (++visited > fileSectors + 1)
            {
                throw new InvalidDataException("Directory chain loops.");
            }

            ReadAt(stream, SectorOffset(s, sectorShift), sector);
            for (var e = 0; e + 128 <= sectorSize; e += 128)
            {
                var entry = sector.AsSpan(e, 128);
                var type = entry[66];
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[64..]);
                if (type is not (1 or 2 or 5) || nameBytes is < 2 or > 64)
                {
                    continue;
                }

                var name = Encoding.Unicode.GetString(entry[..(nameBytes - 2)]);
                names.Add(name);
                if (type == 2 && name == "WordDocument")
                {
                    wordDocumentStart = BinaryPrimitives.ReadUInt32LittleEndian(entry[116..]);
                    wordDocumentSize = BinaryPrimitives.ReadUInt64LittleEndian(entry[120..]);
                }
            }
        }

        if (wordDocumentStart <= MaxRegularSector && wordDocumentSize >= Math.Max(miniStreamCutoff, 12u))
        {
            // FIB base: wIdent (0xA5EC) then flags at offset 0x0A, where bit 8 is fEncrypted.
            var fib = new byte[12];
            ReadAt(stream, SectorOffset(wordDocumentStart, sectorShift), fib);
            legacyEncrypted = BinaryPrimitives.ReadUInt16LittleEndian(fib) == 0xA5EC
                && (BinaryPrimitives.ReadUInt16LittleEndian(fib.AsSpan(10)) & 0x0100) != 0;
        }

        return names;
    }

    private static List<uint> ReadFatSectorList(Stream stream, byte[] header, int sectorSize, long fileSectors)
    {
        var fatCount = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(44));
        if (fatCount > fileSectors + 1)
        {
            throw new InvalidDataException("FAT larger than the file.");
        }

        var list = new List<uint>((int)fatCount);
        for (var i = 0; i < 109 && list.Count < fatCount; i++)
        {
            list.Add(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(76 + (4 * i))));
        }

        var difat = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(68));
        var block = new byte[sectorSize];
        var visited = 0L;
        while (list.Count < fatCount && difat <= MaxRegularSector)
        {
            if (++visited > fileSectors + 1)
            {
                throw new InvalidDataException("DIFAT chain loops.");
            }

            ReadAt(stream, SectorOffset(difat, header[30]), block);
            var perBlock = (sectorSize / 4) - 1;
            for (var i = 0; i < perBlock && list.Count < fatCount; i++)
            {
                list.Add(BinaryPrimitives.ReadUInt32LittleEndian(block.AsSpan(4 * i)));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(block.AsSpan(sectorSize - 4));
        }

        return list;
    }

    private static uint NextSector(Stream stream, List<uint> fatSectors, int sectorSize, uint sector)
    {
        var perSector = sectorSize / 4;
        var fatIndex = (int)(sector / perSector);
        if (fatIndex >= fatSectors.Count || fatSectors[fatIndex] > MaxRegularSector)
        {
            throw new InvalidDataException("Sector outside the FAT.");
        }

        var entry = new byte[4];
        var shift = sectorSize == 512 ? 9 : 12;
        ReadAt(stream, SectorOffset(fatSectors[fatIndex], shift) + (4 * (sector % perSector)), entry);
        return BinaryPrimitives.ReadUInt32LittleEndian(entry);
    }

    private static long SectorOffset(uint sector, int shift) => ((long)sector + 1) << shift;

    private static void ReadAt(Stream stream, long offset, Span<byte> buffer)
    {
        if (offset < 0 || offset + buffer.Length > stream.Length)
        {
            throw new EndOfStreamException("Sector beyond the end of the file.");
        }

        stream.Position = offset;
        stream.ReadExactly(buffer);
    }
}
