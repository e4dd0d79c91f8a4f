using Filing.Core.Documents;
using Filing.Core.Documents.Reading;
using static Filing.Tests.TestSupport.Docx;

namespace Filing.Tests.Documents.Reading;

public class OoxmlTextTests
{
    private static RawDocument Read(Stream docx) => NormativeDocumentReader.ReadRaw(docx, DocumentReaderOptions.Default);

    private static string Text(string paragraphInnerXml)
    {
        using var docx = Create($"<w:p>{paragraphInnerXml}</w:p>");
        return Read(docx).Paragraphs.Single().Text;
    }

    [Fact]
    public void GivesSameText_GivenAnyRunSplit()
    {
        const string text = "第三条 本办法自2019年1月1日起施行，有效期5年。";
        var oneRun = Text($"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>");
        var perCharacter = Text(string.Concat(text.Select(c => $"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{c}</w:t></w:r>")));
        var mixed = Text("<w:r><w:t>第三</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t xml:space=\"preserve\">条 本办法自</w:t></w:r>"
            + "<w:bookmarkStart w:id=\"0\" w:name=\"x\"/><w:r><w:t>2019</w:t><w:t>年1月1日</w:t></w:r><w:bookmarkEnd w:id=\"0\"/>"
            + "<w:r><w:t>起施行，有效期</w:t></w:r><w:r><w:rPr><w:lang w:val=\"en-US\"/></w:rPr><w:t>5</w:t></w:r><w:r><w:t>年。</w:t></w:r>");

        oneRun.Should().Be(text);
        perCharacter.Should().Be(text);
        mixed.Should().Be(text);
    }

    [Fact]
    public void MapsSpecialRunContent_GivenTabsBreaksHyphensAndSymbols()
    {
        var text = Text("<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:noBreakHyphen/><w:t>e</w:t>"
            + "<w:softHyphen/><w:t>f</w:t><w:sym w:font=\"Symbol\" w:char=\"F0B4\"/><w:t>g</w:t><w:br w:type=\"column\"/><w:t>h</w:t></w:r>");

        text.Should().Be("a\tb\nc\nd-ef×gh");
    }

    [Fact]
    public void KeepsFieldResultAndDropsInstruction_GivenComplexAndSimpleFields()
    {
        var text = Text("<w:r><w:t>见第</w:t></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> REF _Ref1 \\h </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>三</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:r><w:t>条，共</w:t></w:r><w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>5</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r>");

        text.Should().Be("见第三条，共5页");
    }

    [Fact]
    public void KeepsOnlyOuterResult_GivenNestedFields()
    {
        var text = Text("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            + "<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:instrText> = 1 \"x\"</w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>结果</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>后</w:t></w:r>");

        text.Should().Be("结果后");
    }

    [Fact]
    public void ReadsThroughContainers_GivenHyperlinkSdtSmartTagCustomXml()
    {
        var text = Text("<w:hyperlink r:id=\"rId99\"><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
            + "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>"
            + "<w:smartTag w:uri=\"u\" w:element=\"date\"><w:smartTagPr><w:attr w:name=\"Year\" w:val=\"2018\"/></w:smartTagPr><w:r><w:t>2018年</w:t></w:r></w:smartTag>"
            + "<w:customXml w:element=\"x\"><w:customXmlPr/><w:r><w:t>自定义</w:t></w:r></w:customXml>"
            + "<w:dir w:val=\"ltr\"><w:r><w:t>方向</w:t></w:r></w:dir>");

        text.Should().Be("链接控件2018年自定义方向");
    }

    [Fact]
    public void ReadsBlockLevelContentControls_GivenSdtAroundParagraphs()
    {
        using var docx = Create("<w:sdt><w:sdtPr/><w:sdtContent>" + Paragraph("一") + Paragraph("二") + "</w:sdtContent></w:sdt>"
            + "<w:customXml w:element=\"x\">" + Paragraph("三") + "</w:customXml>");

        Read(docx).Paragraphs.Select(p => p.Text).Should().Equal("一", "二", "三");
    }

    [Fact]
    public void DropsHiddenTextAndWarns_GivenVanishRun()
    {
        using var docx = Create("<w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>");

        var raw = Read(docx);

        raw.Paragraphs.Single().Text.Should().Be("可见");
        raw.Warnings.Should().ContainSingle(w => w.Code == "hidden-text");
    }

    [Fact]
    public void KeepsBaseTextOnly_GivenRuby()
    {
        var text = Text("<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val=\"center\"/></w:rubyPr><w:rt><w:r><w:t>tóng</w:t></w:r></w:rt>"
            + "<w:rubyBase><w:r><w:t>桐</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>庐</w:t></w:r>");

        text.Should().Be("桐庐");
    }

    [Fact]
    public void ReadsMathText_GivenOfficeMath()
    {
        var text = Text("<w:r><w:t>比例为</w:t></w:r><m:oMath><m:r><m:rPr><m:sty m:val=\"p\"/></m:rPr><w:rPr><w:rFonts w:ascii=\"Cambria Math\"/></w:rPr><m:t>30%</m:t></m:r></m:oMath>");

        text.Should().Be("比例为30%");
    }

    [Fact]
    public void MarksNextParagraph_GivenPageBreakAfterText()
    {
        using var docx = Create("<w:p><w:r><w:t>正文完</w:t><w:br w:type=\"page\"/></w:r></w:p>" + Paragraph("") + Paragraph("附件1"));

        var paragraphs = Read(docx).Paragraphs;

        paragraphs.Select(p => p.Text).Should().Equal("正文完", "", "附件1");
        paragraphs.Select(p => p.PageBreakBefore).Should().Equal(false, false, true);
    }

    [Fact]
    public void MarksSameParagraph_GivenPageBreakBeforeItsText()
    {
        using var docx = Create(Paragraph("正文完") + "<w:p><w:r><w:br w:type=\"page\"/></w:r><w:r><w:t>附件2</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>附件3</w:t></w:r></w:p>");

        Read(docx).Paragraphs.Select(p => p.PageBreakBefore).Should().Equal(false, true, true);
    }

    [Fact]
    public void MarksParagraphAfterSectionBreak_GivenSectPrInParagraph()
    {
        using var docx = Create("<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>" + Paragraph("附件"));

        Read(docx).Paragraphs.Select(p => p.PageBreakBefore).Should().Equal(false, true);
    }

    [Fact]
    public void WarnsAboutPictures_GivenDrawingWithoutTextBox()
    {
        using var docx = Create("<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"1\" cy=\"1\"/><wp:docPr id=\"1\" name=\"印章\"/>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"/></a:graphic></wp:inline></w:drawing></w:r>"
            + "<w:r><w:t>盖章</w:t></w:r></w:p>");

        var raw = Read(docx);

        raw.Paragraphs.Single().Text.Should().Be("盖章");
        raw.Warnings.Should().ContainSingle(w => w.Code == "graphics-not-read");
    }

    [Fact]
    public void NumbersSourceOrdinalsInDocumentOrder_GivenBodyTableAndTextBox()
    {
        var textBox = "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><wp:docPr id=\"1\" name=\"t\"/><a:graphic><a:graphicData uri=\"x\"><wps:wsp><wps:txbx><w:txbxContent>"
            + Paragraph("框") + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            + "<mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>" + Paragraph("框") + "</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
        using var docx = Create(Paragraph("零") + $"<w:p><w:r><w:t>一</w:t></w:r>{textBox}</w:p>"
            + "<w:tbl><w:tr><w:tc>" + Paragraph("三") + "</w:tc></w:tr></w:tbl>" + Paragraph("四"));

        var paragraphs = Read(docx).Paragraphs;

        paragraphs.Select(p => (p.Text, p.SourceOrdinal)).Should().Equal(("零", 0), ("一", 1), ("框", 2), ("三", 3), ("四", 4));
    }
}
