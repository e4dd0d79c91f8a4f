using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;

namespace Filing.Core.Documents.Reading.Package;

/// <summary>
/// An Open Packaging Conventions package read straight from its zip: content types, relationships and parts, each
/// part opened as a <see cref="BudgetedPartStream"/>. Nothing is ever extracted to disk, so entry names (even ones
/// like <c>../../etc/passwd</c>) are only dictionary keys.
/// </summary>
/// <remarks>
/// We read the zip ourselves rather than through <c>WordprocessingDocument.Open</c> (measured, see
/// Filing.Benchmarks/README.md): opening the package and loading numbering and styles through the SDK costs more than
/// the whole lower-bound read of a typical file, and the SDK has no notion of a byte budget — <c>GetStream()</c> on a
/// zip bomb's document part inflates its full gigabyte, and the SDK's DOM parts are unbounded — so every part would
/// need our budgeted stream anyway. (Its XML reading is safe: DTDs are prohibited there too.)
/// </remarks>
internal sealed class OpcPackage : IDisposable
{
    public const string TransitionalRelationshipPrefix = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    public const string StrictRelationshipPrefix = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

    /// <summary>Main-part content types of .docx, .docm, .dotx and .dotm.</summary>
    public static readonly IReadOnlySet<string> WordMainContentTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    };

    /// <summary>More entries than any real document has; refusing before the central directory is materialised bounds memory.</summary>
    internal const int MaxEntries = 20_000;

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _defaults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _overrides = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<PackageRelationship>> _relationships = new(StringComparer.OrdinalIgnoreCase);
    private readonly ReadBudget _budget;

    private OpcPackage(ZipArchive zip, ReadBudget budget, XmlNameTable nameTable)
    {
        _zip = zip;
        _budget = budget;
        NameTable = nameTable;
        foreach (var entry in zip.Entries)
        {
            // Directories have no content; a duplicate name keeps its first entry (OPC forbids duplicates anyway).
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            _entries.TryAdd(Normalize(entry.FullName), entry);
        }
    }

    public XmlNameTable NameTable { get; }

    /// <summary>Opens the zip in <paramref name="stream"/> (seekable, positioned anywhere).</summary>
    public static OpcPackage Open(Stream stream, ReadBudget budget, XmlNameTable nameTable)
    {
        CheckEntryCount(stream);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            _ = zip.Entries.Count;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            throw Corrupt("不是完整的 zip 压缩包（文件可能被截断或已损坏）", e);
        }

        return new OpcPackage(zip, budget, nameTable);
    }

    /// <summary>
    /// Finds the main document through the package relationships (never by assuming <c>word/document.xml</c>) and
    /// checks that it is WordprocessingML; refuses ODF, OFD, XPS, Excel, PowerPoint and plain zips by name.
    /// </summary>
    public string FindMainDocumentPart()
    {
        var hasContentTypes = _entries.ContainsKey("[Content_Types].xml");
        var hasRelationships = _entries.ContainsKey("_rels/.rels");
        if (!hasContentTypes && !hasRelationships)
        {
            throw ContentSniffer.Refuse(DetectNonOpcZip());
        }

        if (hasContentTypes)
        {
            ReadContentTypes();
        }

        var rels = GetRelationships("");
        var main = rels.FirstOrDefault(r => !r.External && IsRelationshipType(r.Type, "officeDocument"));
        if (main is null)
        {
            if (rels.Any(r => r.Type.EndsWith("/fixedrepresentation", StringComparison.OrdinalIgnoreCase)))
            {
                throw ContentSniffer.Refuse(new("XPS 版式文档", "application/vnd.ms-xpsdocument", "请上传 Word 原稿（.docx）。"));
            }

            throw Corrupt("找不到主文档部件（包关系中没有 officeDocument 关系）");
        }

        if (!_entries.ContainsKey(main.Target))
        {
            throw Corrupt($"包关系指向的主文档部件 /{main.Target} 不存在");
        }

        var contentType = GetContentType(main.Target);
        if (contentType is not null && !WordMainContentTypes.Contains(contentType) && !IsGenericXml(contentType))
        {
            throw ContentSniffer.Refuse(DescribeOfficeContentType(contentType));
        }

        return main.Target;
    }

    /// <summary>The content type of a part from an Override, else from the Default for its extension.</summary>
    public string? GetContentType(string partName)
    {
        if (_overrides.TryGetValue(partName, out var type))
        {
            return type;
        }

        var dot = partName.LastIndexOf('.');
        return dot >= 0 && _defaults.TryGetValue(partName[(dot + 1)..], out type) ? type : null;
    }

    public bool Exists(string partName) => _entries.ContainsKey(partName);

    /// <summary>Relationships whose source is <paramref name="sourcePart"/> ("" for the package), targets resolved to part names.</summary>
    public IReadOnlyList<PackageRelationship> GetRelationships(string sourcePart)
    {
        if (_relationships.TryGetValue(sourcePart, out var cached))
        {
            return cached;
        }

        var slash = sourcePart.LastIndexOf('/');
        var folder = slash >= 0 ? sourcePart[..(slash + 1)] : "";
        var relsPart = sourcePart.Length == 0 ? "_rels/.rels" : $"{folder}_rels/{sourcePart[(slash + 1)..]}.rels";
        var list = new List<PackageRelationship>();
        if (_entries.ContainsKey(relsPart))
        {
            using var reader = OpenXml(relsPart);
            SafeXml.Guard(relsPart, () =>
            {
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship")
                    {
                        continue;
                    }

                    var id = reader.GetAttribute("Id") ?? "";
                    var type = reader.GetAttribute("Type") ?? "";
                    var target = reader.GetAttribute("Target") ?? "";
                    var external = string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
                    list.Add(new PackageRelationship(id, type, external ? target : Resolve(folder, target), external));
                }

                return list;
            });
        }

        _relationships[sourcePart] = list;
        return list;
    }

    /// <summary>Whether <paramref name="type"/> is the transitional or strict relationship type named <paramref name="name"/>.</summary>
    public static bool IsRelationshipType(string type, string name) =>
        type.Length == TransitionalRelationshipPrefix.Length + name.Length
            ? type.StartsWith(TransitionalRelationshipPrefix, StringComparison.Ordinal) && type.EndsWith(name, StringComparison.Ordinal)
            : type.Length == StrictRelationshipPrefix.Length + name.Length
              && type.StartsWith(StrictRelationshipPrefix, StringComparison.Ordinal) && type.EndsWith(name, StringComparison.Ordinal);

    /// <summary>Opens a part for reading within the budget; refuses it up front when its declared size already breaks a limit.</summary>
    public Stream OpenPart(string partName)
    {
        if (!_entries.TryGetValue(partName, out var entry))
        {
            throw Corrupt($"缺少部件 /{partName}");
        }

        var limits = _budget.Options;
        if (entry.Length > _budget.RemainingBytes)
        {
            throw ReadBudget.TooLarge(
                $"部件 /{partName} 解压后有 {ReadBudget.Format(entry.Length)}，超过解压上限 {ReadBudget.Format(limits.MaxUncompressedBytes)}。文件可能是“压缩炸弹”，已拒绝读取。");
        }

        if (entry.Length > BudgetedPartStream.RatioCheckFloor && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
        {
            throw ReadBudget.TooLarge(
                $"部件 /{partName} 的压缩比（{entry.Length / Math.Max(1, entry.CompressedLength):N0}:1）超过上限 {limits.MaxCompressionRatio}:1，文件可能是“压缩炸弹”，已拒绝读取。");
        }

        try
        {
            return new BudgetedPartStream(entry.Open(), partName, entry.Length, entry.CompressedLength, _budget);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw Corrupt($"部件 /{partName} 无法解压", e);
        }
    }

    /// <summary>Opens a part as a DTD-refusing XML reader sharing the package's name table.</summary>
    public XmlReader OpenXml(string partName) => XmlReader.Create(OpenPart(partName), SafeXml.Settings(NameTable));

    public void Dispose() => _zip.Dispose();

    internal static DocumentReadException Corrupt(string what, Exception? inner = null) =>
        new(DocumentErrorCode.CorruptPackage, $"Word 文件已损坏：{what}。请在 Word 或 WPS 中打开、重新保存为 .docx 后再上传。", null, inner);

    /// <summary>Normalises a zip entry name or part URI to the dictionary key: no leading slash, forward slashes, unescaped.</summary>
    internal static string Normalize(string name)
    {
        var path = name.Replace('\\', '/');
        if (path.Contains('%'))
        {
            path = Uri.UnescapeDataString(path);
        }

        return path.TrimStart('/');
    }

    /// <summary>Resolves a relationship target against its source folder, handling "..", "." and absolute targets.</summary>
    internal static string Resolve(string folder, string target)
    {
        var path = Normalize(target.StartsWith('/') ? target : folder + target);
        var hash = path.IndexOf('#');
        if (hash >= 0)
        {
            path = path[..hash];
        }

        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }

    private static bool IsGenericXml(string contentType) =>
        contentType is "application/xml" or "text/xml" or "application/octet-stream";

    private static DetectedContent DescribeOfficeContentType(string contentType)
    {
        if (contentType.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) || contentType.Contains("ms-excel", StringComparison.OrdinalIgnoreCase))
        {
            return new("Excel 工作簿", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "请上传 Word 文件（.docx）。");
        }

        if (contentType.Contains("presentationml", StringComparison.OrdinalIgnoreCase) || contentType.Contains("ms-powerpoint", StringComparison.OrdinalIgnoreCase))
        {
            return new("PowerPoint 演示文稿", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "请上传 Word 文件（.docx）。");
        }

        return new("Office 文件（非 Word 文档）", contentType, "请上传 Word 文件（.docx）。");
    }

    private DetectedContent DetectNonOpcZip()
    {
        if (_entries.TryGetValue("mimetype", out var mimetypeEntry) && mimetypeEntry.Length is > 0 and < 256)
        {
            string mimetype;
            try
            {
                using var reader = new StreamReader(OpenPart("mimetype"));
                mimetype = reader.ReadToEnd().Trim();
            }
            catch (DocumentReadException)
            {
                mimetype = "";
            }

            const string SaveAs = "请在 WPS 或 LibreOffice 中打开，“另存为”Word 文档（.docx）后再上传。";
            return mimetype switch
            {
                "application/vnd.oasis.opendocument.text" => new("OpenDocument 文本文档（.odt）", mimetype, SaveAs),
                "application/vnd.oasis.opendocument.text-template" => new("OpenDocument 文本模板（.ott）", mimetype, SaveAs),
                "application/vnd.oasis.opendocument.spreadsheet" => new("OpenDocument 电子表格（.ods）", mimetype, "请上传 Word 文件（.docx）。"),
                "application/vnd.oasis.opendocument.presentation" => new("OpenDocument 演示文稿（.odp）", mimetype, "请上传 Word 文件（.docx）。"),
                "application/epub+zip" => new("EPUB 电子书", mimetype, "请上传 Word 文件（.docx）。"),
                _ when mimetype.StartsWith("application/vnd.oasis.opendocument", StringComparison.Ordinal) => new("OpenDocument 文件", mimetype, SaveAs),
                _ when mimetype.Length is > 0 and < 100 && mimetype.Contains('/') && !mimetype.Any(char.IsControl) => new("非 Word 文件", mimetype, "请上传 Word 文件（.docx）。"),
                _ => new("zip 压缩包", "application/zip", "请上传 Word 文件（.docx）。"),
            };
        }

        if (_entries.ContainsKey("OFD.xml"))
        {
            return new("OFD 版式文档（.ofd）", "application/ofd", "请上传生成该 OFD 文件的 Word 原稿（.docx）。");
        }

        if (_entries.ContainsKey("META-INF/manifest.xml") && _entries.ContainsKey("content.xml"))
        {
            return new("OpenDocument 文档", "application/vnd.oasis.opendocument.text", "请在 WPS 或 LibreOffice 中打开，“另存为”Word 文档（.docx）后再上传。");
        }

        var inner = _entries.Keys.Any(k => k.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || k.EndsWith(".doc", StringComparison.OrdinalIgnoreCase));
        return new("zip 压缩包", "application/zip",
            inner ? "压缩包里有 Word 文件：请解压后逐个上传其中的 .docx 文件。" : "请上传 Word 文件（.docx）。");
    }

    private void ReadContentTypes()
    {
        using var reader = OpenXml("[Content_Types].xml");
        SafeXml.Guard("[Content_Types].xml", () =>
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "Default" && reader.GetAttribute("Extension") is { } extension && reader.GetAttribute("ContentType") is { } type)
                {
                    _defaults[extension] = type;
                }
                else if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } part && reader.GetAttribute("ContentType") is { } overrideType)
                {
                    _overrides[Normalize(part)] = overrideType;
                }
            }

            return true;
        });
    }

    /// <summary>
    /// Reads the entry count from the end-of-central-directory record before <see cref="ZipArchive"/> materialises an
    /// object per entry: a few kilobytes of central directory can otherwise declare hundreds of thousands of entries.
    /// </summary>
    private static void CheckEntryCount(Stream stream)
    {
        const int eocdLength = 22;
        var length = stream.Length;
        if (length < eocdLength)
        {
            throw Corrupt("不是完整的 zip 压缩包（文件可能被截断或已损坏）");
        }

        var tailLength = (int)Math.Min(length, eocdLength + ushort.MaxValue);
        var tail = new byte[tailLength];
        stream.Position = length - tailLength;
        stream.ReadExactly(tail);
        stream.Position = 0;
        for (var i = tailLength - eocdLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != 0x06054B50)
            {
                continue;
            }

            // 0xFFFF means the real count is in the Zip64 record; ZipArchive reads that one itself.
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
            if (entries != ushort.MaxValue && entries > MaxEntries)
            {
                throw ReadBudget.TooLarge($"压缩包中有 {entries:N0} 个条目，超过上限 {MaxEntries:N0} 个，已拒绝读取。");
            }

            return;
        }
    }
}

/// <summary>A package relationship with its target resolved to a part name (or left as is when external).</summary>
internal sealed record PackageRelationship(string Id, string Type, string Target, bool External);
