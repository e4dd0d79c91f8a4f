using System.IO.Compression;
using System.Text;

namespace Filing.Tests.TestSupport;

/// <summary>Zip packages written entry by entry, for layouts the SDK will not produce (relocated parts, hostile input).</summary>
public static class Packages
{
    public const string ContentTypesWithDocx = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """;

    public const string RootRelationships = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """;

    /// <summary>A minimal document part whose body is <paramref name="bodyXml"/>.</summary>
    public static string DocumentXml(string bodyXml) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {Docx.Namespaces}><w:body>{bodyXml}</w:body></w:document>";

    /// <summary>A zip holding the given entries (name → UTF-8 text), deflated.</summary>
    public static MemoryStream Zip(params (string Name, string Content)[] entries) =>
        Zip(entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Content))).ToArray());

    public static MemoryStream Zip(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>A minimal valid .docx with the main part at word/document.xml.</summary>
    public static MemoryStream MinimalDocx(string bodyXml, params (string Name, string Content)[] extra) =>
        Zip([("[Content_Types].xml", ContentTypesWithDocx), ("_rels/.rels", RootRelationships), ("word/document.xml", DocumentXml(bodyXml)), .. extra]);

    /// <summary>The text of one entry of a package.</summary>
    public static string EntryText(Stream package, string name)
    {
        package.Position = 0;
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        var text = reader.ReadToEnd();
        package.Position = 0;
        return text;
    }
}
