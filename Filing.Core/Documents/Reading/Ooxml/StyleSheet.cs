using System.Xml;

namespace Filing.Core.Documents.Reading.Ooxml;

/// <summary>
/// The facts of <c>styles.xml</c> the reader needs, with <c>w:basedOn</c> inheritance resolved: names, justification,
/// outline level, list membership (<c>w:numPr</c>), page break before, font size, bold and hidden.
/// </summary>
internal sealed class StyleSheet
{
    private const int MaxChain = 32;

    private readonly Dictionary<string, StyleDefinition> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResolvedStyle> _resolved = new(StringComparer.Ordinal);

    public static StyleSheet Empty { get; } = new();

    /// <summary>Run properties from <c>w:docDefaults/w:rPrDefault</c>.</summary>
    public RunFormat Defaults { get; private set; }

    /// <summary>Paragraph properties from <c>w:docDefaults/w:pPrDefault</c>.</summary>
    public ParagraphFormat ParagraphDefaults { get; private set; }

    /// <summary>The paragraph style applied when a paragraph names none.</summary>
    public string? DefaultParagraphStyle { get; private set; }

    public static StyleSheet Read(XmlReader reader, WordNames names)
    {
        var sheet = new StyleSheet();
        string? ns = null;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            ns ??= names.IsW(reader.NamespaceURI) ? reader.NamespaceURI : names.WTransitional;
            var consumed = true;
            switch (ReferenceEquals(reader.NamespaceURI, ns) ? reader.LocalName : "")
            {
                case "rPrDefault":
                    sheet.Defaults = ReadDefaultRun(reader, ns);
                    break;
                case "pPrDefault":
                    sheet.ParagraphDefaults = ReadDefaultParagraph(reader, ns);
                    break;
                case "style":
                    var style = ReadStyle(reader, ns);
                    // Paragraphs name their style by id thousands of times: with the id in the name table the story
                    // reader finds it without allocating.
                    style = style with { Id = names.Table.Add(style.Id) };
                    if (style.Id.Length > 0 && sheet._styles.TryAdd(style.Id, style) && style.IsDefault && style.Type == "paragraph")
                    {
                        sheet.DefaultParagraphStyle ??= style.Id;
                    }

                    break;
                case "latentStyles":
                    reader.Skip();
                    break;
                default:
                    consumed = false;
                    break;
            }

            if (!consumed)
            {
                reader.Read();
            }
        }

        return sheet;
    }

    /// <summary>The style with <c>w:basedOn</c> applied (nearest explicit value wins), or null for an unknown id.</summary>
    public ResolvedStyle? Resolve(string? styleId)
    {
        if (styleId is null)
        {
            return null;
        }

        if (_resolved.TryGetValue(styleId, out var cached))
        {
            return cached;
        }

        if (!_styles.TryGetValue(styleId, out var style))
        {
            return null;
        }

        var paragraph = style.Paragraph;
        var run = style.Run;
        var seen = new HashSet<string>(StringComparer.Ordinal) { styleId };
        var basedOn = style.BasedOn;
        while (basedOn is not null && seen.Count < MaxChain && seen.Add(basedOn) && _styles.TryGetValue(basedOn, out var parent))
        {
            paragraph = paragraph.Inherit(parent.Paragraph);
            run = run.Inherit(parent.Run);
            basedOn = parent.BasedOn;
        }

        var resolved = new ResolvedStyle(style.Id, style.Name, style.Type, paragraph, run);
        _resolved[styleId] = resolved;
        return resolved;
    }

    private static RunFormat ReadDefaultRun(XmlReader reader, string ns)
    {
        var run = default(RunFormat);
        ForEachChild(reader, () =>
        {
            if (reader.LocalName == "rPr" && ReferenceEquals(reader.NamespaceURI, ns))
            {
                run = ReadRunFormat(reader, ns);
                return true;
            }

            return false;
        });
        return run;
    }

    private static ParagraphFormat ReadDefaultParagraph(XmlReader reader, string ns)
    {
        var paragraph = default(ParagraphFormat);
        ForEachChild(reader, () =>
        {
            if (reader.LocalName == "pPr" && ReferenceEquals(reader.NamespaceURI, ns))
            {
                paragraph = ReadParagraphFormat(reader, ns);
                return true;
            }

            return false;
        });
        return paragraph;
    }

    private static StyleDefinition ReadStyle(XmlReader reader, string ns)
    {
        var id = reader.GetAttribute("styleId", ns) ?? "";
        var type = reader.GetAttribute("type", ns) ?? "paragraph";
        var isDefault = SafeXmlOn(reader.GetAttribute("default", ns), absentMeans: false);
        string? name = null;
        string? basedOn = null;
        var paragraph = default(ParagraphFormat);
        var run = default(RunFormat);
        ForEachChild(reader, () =>
        {
            if (!ReferenceEquals(reader.NamespaceURI, ns))
            {
                return false;
            }

            switch (reader.LocalName)
            {
                case "name":
                    name = reader.GetAttribute("val", ns);
                    return false;
                case "basedOn":
                    basedOn = reader.GetAttribute("val", ns);
                    return false;
                case "pPr":
                    paragraph = ReadParagraphFormat(reader, ns);
                    return true;
                case "rPr":
                    run = ReadRunFormat(reader, ns);
                    return true;
                default:
                    return false;
            }
        });
        return new StyleDefinition(id, name, type, basedOn, isDefault, paragraph, run);
    }

    /// <summary>Reads <c>w:pPr</c> (in a style, the defaults or a numbering level); leaves the reader after it.</summary>
    internal static ParagraphFormat ReadParagraphFormat(XmlReader reader, string ns)
    {
        var format = default(ParagraphFormat);
        ForEachChild(reader, () =>
        {
            if (!ReferenceEquals(reader.NamespaceURI, ns))
            {
                return false;
            }

            switch (reader.LocalName)
            {
                case "jc":
                    format = format with { Justification = NormalizeJustification(reader.GetAttribute("val", ns)) };
                    return false;
                case "outlineLvl":
                    format = format with { OutlineLevel = Package.SafeXml.Int(reader.GetAttribute("val", ns)) };
                    return false;
                case "pageBreakBefore":
                    format = format with { PageBreakBefore = SafeXmlOn(reader.GetAttribute("val", ns), absentMeans: true) };
                    return false;
                case "numPr":
                    var (numId, ilvl) = ReadNumPr(reader, ns);
                    format = format with { NumId = numId ?? format.NumId, Ilvl = ilvl ?? format.Ilvl };
                    return true;
                case "rPr" or "pPrChange" or "sectPr":
                    reader.Skip();
                    return true;
                default:
                    return false;
            }
        });
        return format;
    }

    /// <summary>Reads <c>w:numPr</c>; leaves the reader after it.</summary>
    internal static (int? NumId, int? Ilvl) ReadNumPr(XmlReader reader, string ns)
    {
        int? numId = null;
        int? ilvl = null;
        ForEachChild(reader, () =>
        {
            if (ReferenceEquals(reader.NamespaceURI, ns))
            {
                if (reader.LocalName == "numId")
                {
                    numId = Package.SafeXml.Int(reader.GetAttribute("val", ns));
                }
                else if (reader.LocalName == "ilvl")
                {
                    ilvl = Package.SafeXml.Int(reader.GetAttribute("val", ns));
                }
                else if (reader.LocalName == "numberingChange")
                {
                    reader.Skip();
                    return true;
                }
            }

            return false;
        });
        return (numId, ilvl);
    }

    /// <summary>Reads <c>w:rPr</c>; leaves the reader after it.</summary>
    internal static RunFormat ReadRunFormat(XmlReader reader, string ns)
    {
        var format = default(RunFormat);
        ForEachChild(reader, () =>
        {
            if (!ReferenceEquals(reader.NamespaceURI, ns))
            {
                return false;
            }

            switch (reader.LocalName)
            {
                case "sz":
                    format = format with { SizeHalfPoints = Package.SafeXml.Int(reader.GetAttribute("val", ns)) };
                    return false;
                case "b":
                    format = format with { Bold = SafeXmlOn(reader.GetAttribute("val", ns), absentMeans: true) };
                    return false;
                case "vanish":
                    format = format with { Hidden = SafeXmlOn(reader.GetAttribute("val", ns), absentMeans: true) };
                    return false;
                case "rPrChange":
                    reader.Skip();
                    return true;
                default:
                    return false;
            }
        });
        return format;
    }

    internal static string? NormalizeJustification(string? value) => value switch
    {
        null => null,
        "start" => "left",
        "end" => "right",
        "both" or "distribute" or "center" or "left" or "right" => value,
        "lowKashida" or "mediumKashida" or "highKashida" or "thaiDistribute" => "both",
        _ => value,
    };

    internal static bool SafeXmlOn(string? value, bool absentMeans) => value is null ? absentMeans : Package.SafeXml.IsOn(value);

    /// <summary>
    /// Visits each descendant element of the current element. <paramref name="visit"/> returns true when it consumed
    /// the element (the reader is then already past it). Leaves the reader after the current element.
    /// </summary>
    internal static void ForEachChild(XmlReader reader, Func<bool> visit)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && visit())
            {
                continue;
            }

            reader.Read();
        }

        reader.Read();
    }
}

/// <summary>A style as written, before inheritance.</summary>
internal sealed record StyleDefinition(string Id, string? Name, string Type, string? BasedOn, bool IsDefault, ParagraphFormat Paragraph, RunFormat Run);

/// <summary>A style with inheritance applied.</summary>
internal sealed record ResolvedStyle(string Id, string? Name, string Type, ParagraphFormat Paragraph, RunFormat Run);

/// <summary>Paragraph properties the reader uses; null = not set at this level.</summary>
internal readonly record struct ParagraphFormat(string? Justification, int? OutlineLevel, bool? PageBreakBefore, int? NumId, int? Ilvl)
{
    public ParagraphFormat Inherit(ParagraphFormat parent) => new(
        Justification ?? parent.Justification,
        OutlineLevel ?? parent.OutlineLevel,
        PageBreakBefore ?? parent.PageBreakBefore,
        NumId ?? parent.NumId,
        NumId is null ? Ilvl ?? parent.Ilvl : Ilvl);
}

/// <summary>Run properties the reader uses; null = not set at this level.</summary>
internal readonly record struct RunFormat(int? SizeHalfPoints, bool? Bold, bool? Hidden)
{
    public RunFormat Inherit(RunFormat parent) => new(SizeHalfPoints ?? parent.SizeHalfPoints, Bold ?? parent.Bold, Hidden ?? parent.Hidden);
}
