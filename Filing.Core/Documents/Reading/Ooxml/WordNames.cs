using System.Xml;

namespace Filing.Core.Documents.Reading.Ooxml;

/// <summary>
/// Element names atomised in one <see cref="NameTable"/>, so the streaming reader compares names by reference instead
/// of by string — the difference between the lower bound and several times slower on a large <c>document.xml</c>.
/// </summary>
internal sealed class WordNames
{
    public const string TransitionalMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string StrictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    public const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    public const string Math = "http://schemas.openxmlformats.org/officeDocument/2006/math";
    public const string StrictMath = "http://purl.oclc.org/ooxml/officeDocument/math";

    public WordNames(XmlNameTable table)
    {
        Table = table;
        WTransitional = table.Add(TransitionalMain);
        WStrict = table.Add(StrictMain);
        Mc = table.Add(MarkupCompatibility);
        M = table.Add(Math);
        MStrict = table.Add(StrictMath);
        string A(string name) => table.Add(name);
        Document = A("document");
        Body = A("body");
        Background = A("background");
        P = A("p");
        PPr = A("pPr");
        R = A("r");
        RPr = A("rPr");
        T = A("t");
        DelText = A("delText");
        InstrText = A("instrText");
        DelInstrText = A("delInstrText");
        Tab = A("tab");
        PTab = A("ptab");
        Br = A("br");
        Cr = A("cr");
        NoBreakHyphen = A("noBreakHyphen");
        Sym = A("sym");
        FldChar = A("fldChar");
        FldSimple = A("fldSimple");
        Hyperlink = A("hyperlink");
        SmartTag = A("smartTag");
        SmartTagPr = A("smartTagPr");
        CustomXml = A("customXml");
        CustomXmlPr = A("customXmlPr");
        Sdt = A("sdt");
        SdtPr = A("sdtPr");
        SdtEndPr = A("sdtEndPr");
        SdtContent = A("sdtContent");
        Ins = A("ins");
        Del = A("del");
        MoveFrom = A("moveFrom");
        MoveTo = A("moveTo");
        RPrChange = A("rPrChange");
        PPrChange = A("pPrChange");
        SectPrChange = A("sectPrChange");
        TblPrChange = A("tblPrChange");
        TrPrChange = A("trPrChange");
        TcPrChange = A("tcPrChange");
        TblGridChange = A("tblGridChange");
        NumberingChange = A("numberingChange");
        CellIns = A("cellIns");
        CellDel = A("cellDel");
        CellMerge = A("cellMerge");
        Tbl = A("tbl");
        TblPr = A("tblPr");
        TblGrid = A("tblGrid");
        TblPrEx = A("tblPrEx");
        Tr = A("tr");
        TrPr = A("trPr");
        Tc = A("tc");
        TcPr = A("tcPr");
        GridSpan = A("gridSpan");
        GridBefore = A("gridBefore");
        VMerge = A("vMerge");
        HMerge = A("hMerge");
        TxbxContent = A("txbxContent");
        Drawing = A("drawing");
        Pict = A("pict");
        Object = A("object");
        AlternateContent = A("AlternateContent");
        Choice = A("Choice");
        Fallback = A("Fallback");
        SectPr = A("sectPr");
        PStyle = A("pStyle");
        RStyle = A("rStyle");
        NumPr = A("numPr");
        Ilvl = A("ilvl");
        NumId = A("numId");
        Jc = A("jc");
        OutlineLvl = A("outlineLvl");
        PageBreakBefore = A("pageBreakBefore");
        Sz = A("sz");
        B = A("b");
        Vanish = A("vanish");
        CommentReference = A("commentReference");
        CommentRangeStart = A("commentRangeStart");
        AltChunk = A("altChunk");
        Ruby = A("ruby");
        Rt = A("rt");
        RubyPr = A("rubyPr");
        Footnote = A("footnote");
        Endnote = A("endnote");
        Comment = A("comment");
        Val = A("val");
        Type = A("type");
        Id = A("id");
        Author = A("author");
        Char = A("char");
        Font = A("font");
        FldCharType = A("fldCharType");
        MT = A("t");
        MRPr = A("rPr");
        MCtrlPr = A("ctrlPr");

        // Attribute values the story reader compares or keeps: present in the table, they are read without allocating.
        foreach (var value in (string[])["0", "1", "true", "false", "on", "off", "page", "column", "textWrapping", "begin", "separate", "end",
            "left", "right", "center", "both", "start", "distribute", "continue", "restart"])
        {
            table.Add(value);
        }
    }

    public XmlNameTable Table { get; }

    public string WTransitional { get; }
    public string WStrict { get; }
    public string Mc { get; }
    public string M { get; }
    public string MStrict { get; }

    public string Document { get; }
    public string Body { get; }
    public string Background { get; }
    public string P { get; }
    public string PPr { get; }
    public string R { get; }
    public string RPr { get; }
    public string T { get; }
    public string DelText { get; }
    public string InstrText { get; }
    public string DelInstrText { get; }
    public string Tab { get; }
    public string PTab { get; }
    public string Br { get; }
    public string Cr { get; }
    public string NoBreakHyphen { get; }
    public string Sym { get; }
    public string FldChar { get; }
    public string FldSimple { get; }
    public string Hyperlink { get; }
    public string SmartTag { get; }
    public string SmartTagPr { get; }
    public string CustomXml { get; }
    public string CustomXmlPr { get; }
    public string Sdt { get; }
    public string SdtPr { get; }
    public string SdtEndPr { get; }
    public string SdtContent { get; }
    public string Ins { get; }
    public string Del { get; }
    public string MoveFrom { get; }
    public string MoveTo { get; }
    public string RPrChange { get; }
    public string PPrChange { get; }
    public string SectPrChange { get; }
    public string TblPrChange { get; }
    public string TrPrChange { get; }
    public string TcPrChange { get; }
    public string TblGridChange { get; }
    public string NumberingChange { get; }
    public string CellIns { get; }
    public string CellDel { get; }
    public string CellMerge { get; }
    public string Tbl { get; }
    public string TblPr { get; }
    public string TblGrid { get; }
    public string TblPrEx { get; }
    public string Tr { get; }
    public string TrPr { get; }
    public string Tc { get; }
    public string TcPr { get; }
    public string GridSpan { get; }
    public string GridBefore { get; }
    public string VMerge { get; }
    public string HMerge { get; }
    public string TxbxContent { get; }
    public string Drawing { get; }
    public string Pict { get; }
    public string Object { get; }
    public string AlternateContent { get; }
    public string Choice { get; }
    public string Fallback { get; }
    public string SectPr { get; }
    public string PStyle { get; }
    public string RStyle { get; }
    public string NumPr { get; }
    public string Ilvl { get; }
    public string NumId { get; }
    public string Jc { get; }
    public string OutlineLvl { get; }
    public string PageBreakBefore { get; }
    public string Sz { get; }
    public string B { get; }
    public string Vanish { get; }
    public string CommentReference { get; }
    public string CommentRangeStart { get; }
    public string AltChunk { get; }
    public string Ruby { get; }
    public string Rt { get; }
    public string RubyPr { get; }
    public string Footnote { get; }
    public string Endnote { get; }
    public string Comment { get; }
    public string Val { get; }
    public string Type { get; }
    public string Id { get; }
    public string Author { get; }
    public string Char { get; }
    public string Font { get; }
    public string FldCharType { get; }
    public string MT { get; }
    public string MRPr { get; }
    public string MCtrlPr { get; }

    /// <summary>Whether <paramref name="ns"/> (atomised) is the WordprocessingML namespace, transitional or strict.</summary>
    public bool IsW(string ns) => ReferenceEquals(ns, WTransitional) || ReferenceEquals(ns, WStrict);

    /// <summary>Whether <paramref name="ns"/> (atomised) is the Office Math namespace.</summary>
    public bool IsMath(string ns) => ReferenceEquals(ns, M) || ReferenceEquals(ns, MStrict);
}
