using System.Xml;

namespace Filing.Core.Documents.Reading.Package;

/// <summary>
/// The only way parts are parsed: a forward-only <see cref="XmlReader"/> that refuses any DTD (so no entity is ever
/// expanded — no billion laughs — and nothing external is ever fetched — no XXE) and never resolves a URI.
/// Word and LibreOffice never write a DTD, so a part that has one is refused as corrupt.
/// </summary>
internal static class SafeXml
{
    public static XmlReaderSettings Settings(XmlNameTable nameTable) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CheckCharacters = false,
        CloseInput = true,
        NameTable = nameTable,
    };

    /// <summary>Runs <paramref name="read"/> over part <paramref name="part"/>: malformed XML and refused DTDs become corrupt-package refusals naming the part.</summary>
    public static T Guard<T>(string part, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new DocumentReadException(DocumentErrorCode.CorruptPackage,
                $"Word 文件的部件 /{part} 含有 DTD 声明。Word 和 WPS 从不写入 DTD；为防止 XML 外部实体（XXE）和实体膨胀攻击，已拒绝读取该文件。请重新保存为 .docx 后再上传。",
                null, e);
        }
        catch (XmlException e)
        {
            throw OpcPackage.Corrupt($"部件 /{part} 不是格式正确的 XML（第 {e.LineNumber} 行第 {e.LinePosition} 列）", e);
        }
    }

    /// <summary>Whether an ST_OnOff attribute value means on (absent means on for toggles like <c>&lt;w:b/&gt;</c>).</summary>
    public static bool IsOn(string? value) => value is not ("0" or "false" or "off" or "none");

    /// <summary>Parses a decimal attribute, null when absent or malformed.</summary>
    public static int? Int(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
