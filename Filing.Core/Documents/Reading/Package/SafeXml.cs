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

    /// <summary>Whether an ST_OnOff attribute value means on (absent means on for toggles like <c>&lt;w:b/&gt;</c>).</summary>
    public static bool IsOn(string? value) => value is not ("0" or "false" or "off" or "none");

    /// <summary>Parses a decimal attribute, null when absent or malformed.</summary>
    public static int? Int(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
