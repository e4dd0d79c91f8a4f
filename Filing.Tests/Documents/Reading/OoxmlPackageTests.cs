using DocumentFormat.OpenXml;
using Filing.Core.Documents;
using Filing.Core.Documents.Reading;
using Filing.Tests.TestSupport;
using static Filing.Tests.TestSupport.Packages;

namespace Filing.Tests.Documents.Reading;

public class OoxmlPackageTests
{
    private static RawDocument Read(Stream docx) => NormativeDocumentReader.ReadRaw(docx, DocumentReaderOptions.Default);

    private static DocumentReadException Refusal(Stream input)
    {
        var act = () => NormativeDocumentReader.ReadRaw(input, DocumentReaderOptions.Default);
        return act.Should().Throw<DocumentReadException>().Which;
    }

    [Fact]
    public void FindsMainPartThroughRelationships_GivenMainPartOutsideWordFolder()
    {
        var contentTypes = ContentTypesWithDocx.Replace("/word/document.xml", "/content/main%20text.xml");
        var rels = RootRelationships.Replace("word/document.xml", "content/main%20text.xml");
        var documentRels = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="../lists/numbering.xml"/></Relationships>
            """;
        var numbering = $"<w:numbering {Docx.Namespaces}>{Docx.Numbering(Docx.Level(0, "chineseCounting", "第%1条"))}</w:numbering>";
        using var package = Zip(
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rels),
            ("content/main text.xml", DocumentXml(Docx.ListParagraph("条文"))),
            ("content/_rels/main text.xml.rels", documentRels),
            ("lists/numbering.xml", numbering),
            ("word/document.xml", DocumentXml(Docx.Paragraph("诱饵：不是主文档"))));

        Read(package).Paragraphs.Select(p => p.Text).Should().Equal("第一条\t条文");
    }

    [Theory]
    [InlineData(WordprocessingDocumentType.Document)]
    [InlineData(WordprocessingDocumentType.MacroEnabledDocument)]
    [InlineData(WordprocessingDocumentType.Template)]
    [InlineData(WordprocessingDocumentType.MacroEnabledTemplate)]
    public void ReadsLikeDocx_GivenDocmDotxDotm(WordprocessingDocumentType type)
    {
        using var docx = Docx.Create(Docx.Paragraph("正文"), type: type);

        Read(docx).Paragraphs.Single().Text.Should().Be("正文");
    }

    [Fact]
    public void ReadsStrictOpenXml_GivenStrictNamespaces()
    {
        var contentTypes = ContentTypesWithDocx;
        var rels = RootRelationships.Replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
            "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument");
        var document = "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body>"
            + "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:t>严格格式</w:t></w:r></w:p></w:body></w:document>";
        using var package = Zip(("[Content_Types].xml", contentTypes), ("_rels/.rels", rels), ("word/document.xml", document));

        var paragraph = Read(package).Paragraphs.Single();

        paragraph.Text.Should().Be("严格格式");
        paragraph.Alignment.Should().Be("center");
    }

    [Fact]
    public void IgnoresTraversalNames_GivenEntriesNamedOutsideThePackage()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"filing-traversal-{Guid.NewGuid():N}.txt");
        using var package = MinimalDocx(Docx.Paragraph("正文"),
            ("../../../../../../.." + marker, "pwned"), ("/etc/filing-absolute.txt", "pwned"), ("..\\..\\windows.txt", "pwned"));

        Read(package).Paragraphs.Single().Text.Should().Be("正文");
        File.Exists(marker).Should().BeFalse();
    }

    [Fact]
    public void RefusesAsCorrupt_GivenNoMainDocumentRelationship()
    {
        using var package = Zip(("[Content_Types].xml", ContentTypesWithDocx),
            ("_rels/.rels", RootRelationships.Replace("officeDocument\"", "other\"")), ("word/document.xml", DocumentXml("")));

        Refusal(package).Code.Should().Be(DocumentErrorCode.CorruptPackage);
    }

    [Fact]
    public void RefusesAsCorrupt_GivenRelationshipToMissingPart()
    {
        using var package = Zip(("[Content_Types].xml", ContentTypesWithDocx), ("_rels/.rels", RootRelationships));

        Refusal(package).Code.Should().Be(DocumentErrorCode.CorruptPackage);
    }

    [Fact]
    public void RefusesAsCorrupt_GivenMalformedXml()
    {
        using var package = MinimalDocx("<w:p><w:r><w:t>未闭合</w:r></w:p>");

        var refusal = Refusal(package);

        refusal.Code.Should().Be(DocumentErrorCode.CorruptPackage);
        refusal.Message.Should().Contain("word/document.xml");
    }

    [Fact]
    public void RefusesAsCorrupt_GivenMainPartThatIsNotWordprocessingML()
    {
        using var package = Zip(("[Content_Types].xml", ContentTypesWithDocx), ("_rels/.rels", RootRelationships),
            ("word/document.xml", "<?xml version=\"1.0\"?><html><body>x</body></html>"));

        Refusal(package).Code.Should().Be(DocumentErrorCode.CorruptPackage);
    }

    [Theory]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    public void RefusesNamingTheType_GivenOtherOfficePackages(string mainContentType, string detected)
    {
        using var package = Zip(("[Content_Types].xml", ContentTypesWithDocx.Replace(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", mainContentType)),
            ("_rels/.rels", RootRelationships), ("word/document.xml", "<x/>"));

        var refusal = Refusal(package);

        refusal.Code.Should().Be(DocumentErrorCode.UnsupportedMediaType);
        refusal.DetectedType.Should().Be(detected);
    }

    [Theory]
    [InlineData("application/vnd.oasis.opendocument.text")]
    [InlineData("application/vnd.oasis.opendocument.spreadsheet")]
    [InlineData("application/epub+zip")]
    public void RefusesNamingTheType_GivenZipWithMimetype(string mimetype)
    {
        using var package = Zip(("mimetype", mimetype), ("content.xml", "<x/>"));

        var refusal = Refusal(package);

        refusal.Code.Should().Be(DocumentErrorCode.UnsupportedMediaType);
        refusal.DetectedType.Should().Be(mimetype);
    }

    [Theory]
    [InlineData("OFD.xml", "application/ofd")]
    [InlineData("readme.txt", "application/zip")]
    [InlineData("草案.docx", "application/zip")]
    public void RefusesNamingTheType_GivenOtherZips(string entry, string detected)
    {
        using var package = Zip((entry, "x"));

        var refusal = Refusal(package);

        refusal.Code.Should().Be(DocumentErrorCode.UnsupportedMediaType);
        refusal.DetectedType.Should().Be(detected);
    }

    [Fact]
    public void WarnsAndGoesOn_GivenRelationshipToMissingOptionalPart()
    {
        var documentRels = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """;
        using var package = MinimalDocx(Docx.Paragraph("正文"), ("word/_rels/document.xml.rels", documentRels));

        var raw = Read(package);

        raw.Paragraphs.Single().Text.Should().Be("正文");
        raw.Warnings.Should().ContainSingle(w => w.Code == "missing-part");
    }
}
