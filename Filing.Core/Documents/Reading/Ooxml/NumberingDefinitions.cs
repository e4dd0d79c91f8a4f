using System.Xml;

namespace Filing.Core.Documents.Reading.Ooxml;

/// <summary>
/// <c>numbering.xml</c>: abstract list definitions (<c>w:abstractNum</c>, nine levels each) and the list instances
/// paragraphs point at (<c>w:num</c>, with <c>w:lvlOverride</c>/<c>w:startOverride</c>).
/// </summary>
internal sealed class NumberingDefinitions
{
    private const int MaxLinkHops = 8;

    private readonly Dictionary<int, AbstractNumbering> _abstracts = [];
    private readonly Dictionary<int, NumberingInstance> _instances = [];

    public static NumberingDefinitions Empty { get; } = new();

    public NumberingInstance? GetInstance(int numId) => _instances.GetValueOrDefault(numId);

    /// <summary>
    /// The abstract definition that holds the levels of <paramref name="instance"/>, following
    /// <c>w:numStyleLink</c> through the numbering style to the list that defines it (<c>w:styleLink</c>).
    /// </summary>
    public AbstractNumbering? ResolveAbstract(NumberingInstance instance, StyleSheet styles)
    {
        var current = _abstracts.GetValueOrDefault(instance.AbstractId);
        for (var hop = 0; current?.NumStyleLink is { } link && hop < MaxLinkHops; hop++)
        {
            var linkedNumId = styles.Resolve(link)?.Paragraph.NumId;
            var linked = linkedNumId is { } id ? GetInstance(id) : null;
            var target = linked is null ? null : _abstracts.GetValueOrDefault(linked.AbstractId);
            if (target is null || ReferenceEquals(target, current))
            {
                // A link that leads nowhere: fall back to a definition that declares itself the style's list.
                return _abstracts.Values.FirstOrDefault(a => a.StyleLink == link && a.NumStyleLink is null) ?? current;
            }

            current = target;
        }

        return current;
    }

    public static NumberingDefinitions Read(XmlReader reader, WordNames names)
    {
        var definitions = new NumberingDefinitions();
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
            if (ReferenceEquals(reader.NamespaceURI, ns) && reader.LocalName == "abstractNum")
            {
                var abstractNum = ReadAbstract(reader, ns, names);
                definitions._abstracts.TryAdd(abstractNum.Id, abstractNum);
                continue;
            }

            if (ReferenceEquals(reader.NamespaceURI, ns) && reader.LocalName == "num")
            {
                var instance = ReadInstance(reader, ns, names);
                definitions._instances.TryAdd(instance.Id, instance);
                continue;
            }

            reader.Read();
        }

        return definitions;
    }

    private static AbstractNumbering ReadAbstract(XmlReader reader, string ns, WordNames names)
    {
        var numbering = new AbstractNumbering(SafeInt(reader.GetAttribute("abstractNumId", ns)) ?? -1);
        StyleSheet.ForEachChild(reader, () =>
        {
            if (!ReferenceEquals(reader.NamespaceURI, ns))
            {
                return false;
            }

            switch (reader.LocalName)
            {
                case "lvl":
                    var ilvl = SafeInt(reader.GetAttribute("ilvl", ns)) ?? 0;
                    var level = ReadLevel(reader, ns, names);
                    if (ilvl is >= 0 and < 9)
                    {
                        numbering.Levels[ilvl] ??= level;
                    }

                    return true;
                case "numStyleLink":
                    numbering.NumStyleLink = reader.GetAttribute("val", ns);
                    return false;
                case "styleLink":
                    numbering.StyleLink = reader.GetAttribute("val", ns);
                    return false;
                default:
                    return false;
            }
        });
        return numbering;
    }

    private static NumberingInstance ReadInstance(XmlReader reader, string ns, WordNames names)
    {
        var instance = new NumberingInstance(SafeInt(reader.GetAttribute("numId", ns)) ?? -1);
        StyleSheet.ForEachChild(reader, () =>
        {
            if (!ReferenceEquals(reader.NamespaceURI, ns))
            {
                return false;
            }

            if (reader.LocalName == "abstractNumId")
            {
                instance.AbstractId = SafeInt(reader.GetAttribute("val", ns)) ?? -1;
                return false;
            }

            if (reader.LocalName != "lvlOverride")
            {
                return false;
            }

            var ilvl = SafeInt(reader.GetAttribute("ilvl", ns)) ?? 0;
            StyleSheet.ForEachChild(reader, () =>
            {
                if (!ReferenceEquals(reader.NamespaceURI, ns) || ilvl is < 0 or >= 9)
                {
                    return false;
                }

                if (reader.LocalName == "startOverride")
                {
                    instance.StartOverrides[ilvl] = SafeInt(reader.GetAttribute("val", ns)) ?? 0;
                    return false;
                }

                if (reader.LocalName == "lvl")
                {
                    instance.LevelOverrides[ilvl] = ReadLevel(reader, ns, names);
                    return true;
                }

                return false;
            });
            return true;
        });
        return instance;
    }

    private static NumberingLevel ReadLevel(XmlReader reader, string ns, WordNames names)
    {
        var level = new NumberingLevel();
        string? fallbackFormat = null;

        bool VisitFormat()
        {
            if (ReferenceEquals(reader.NamespaceURI, ns) && reader.LocalName == "numFmt")
            {
                level.Format = reader.GetAttribute("val", ns);
                level.CustomFormat = reader.GetAttribute("format", ns);
            }

            return false;
        }

        StyleSheet.ForEachChild(reader, () =>
        {
            if (ReferenceEquals(reader.NamespaceURI, names.Mc) && reader.LocalName == "AlternateContent")
            {
                // Word 2010+ writes custom formats as Choice (w14) with a plain Fallback: take the Choice when we can
                // render it, else the Fallback.
                StyleSheet.ForEachChild(reader, () =>
                {
                    if (!ReferenceEquals(reader.NamespaceURI, names.Mc))
                    {
                        return false;
                    }

                    if (reader.LocalName == "Choice" && level.Format is null)
                    {
                        StyleSheet.ForEachChild(reader, VisitFormat);
                        return true;
                    }

                    if (reader.LocalName == "Fallback")
                    {
                        var choice = (level.Format, level.CustomFormat);
                        level.Format = null;
                        StyleSheet.ForEachChild(reader, VisitFormat);
                        fallbackFormat = level.Format;
                        (level.Format, level.CustomFormat) = choice;
                        return true;
                    }

                    return false;
                });
                return true;
            }

            if (!ReferenceEquals(reader.NamespaceURI, ns))
            {
                return false;
            }

            switch (reader.LocalName)
            {
                case "start":
                    level.Start = SafeInt(reader.GetAttribute("val", ns)) ?? 0;
                    return false;
                case "numFmt":
                    return VisitFormat();
                case "lvlText":
                    level.Text = StyleSheet.SafeXmlOn(reader.GetAttribute("null", ns), absentMeans: false) ? "" : reader.GetAttribute("val", ns) ?? "";
                    return false;
                case "lvlRestart":
                    level.Restart = SafeInt(reader.GetAttribute("val", ns));
                    return false;
                case "isLgl":
                    level.IsLegal = StyleSheet.SafeXmlOn(reader.GetAttribute("val", ns), absentMeans: true);
                    return false;
                case "suff":
                    level.Suffix = reader.GetAttribute("val", ns) ?? "tab";
                    return false;
                case "pStyle":
                    level.ParagraphStyle = reader.GetAttribute("val", ns);
                    return false;
                case "pPr" or "rPr":
                    reader.Skip();
                    return true;
                default:
                    return false;
            }
        });

        if (level.Format == "custom" && NumberFormatter.Format(2, "custom", level.CustomFormat) == "2" && fallbackFormat is not null)
        {
            level.Format = fallbackFormat;
        }

        level.Format ??= fallbackFormat;
        return level;
    }

    private static int? SafeInt(string? value) => Package.SafeXml.Int(value);
}

/// <summary><c>w:abstractNum</c>: up to nine level definitions, possibly only a link to a numbering style.</summary>
internal sealed class AbstractNumbering(int id)
{
    public int Id { get; } = id;

    public NumberingLevel?[] Levels { get; } = new NumberingLevel?[9];

    /// <summary><c>w:numStyleLink</c>: this definition is the list of that numbering style, defined elsewhere.</summary>
    public string? NumStyleLink { get; set; }

    /// <summary><c>w:styleLink</c>: this definition defines that numbering style's list.</summary>
    public string? StyleLink { get; set; }

    /// <summary>The level whose <c>w:pStyle</c> is <paramref name="styleId"/>, if any.</summary>
    public int? LevelOfStyle(string styleId)
    {
        for (var i = 0; i < Levels.Length; i++)
        {
            if (Levels[i]?.ParagraphStyle == styleId)
            {
                return i;
            }
        }

        return null;
    }
}

/// <summary><c>w:num</c>: a list instance pointing at an abstract definition, with per-level overrides.</summary>
internal sealed class NumberingInstance(int id)
{
    public int Id { get; } = id;

    public int AbstractId { get; set; } = -1;

    public Dictionary<int, int> StartOverrides { get; } = [];

    public Dictionary<int, NumberingLevel> LevelOverrides { get; } = [];
}

/// <summary><c>w:lvl</c>: how one level is counted and labelled.</summary>
internal sealed class NumberingLevel
{
    /// <summary><c>w:start</c>; ECMA-376 §17.9.25: zero when absent.</summary>
    public int Start { get; set; }

    /// <summary><c>w:numFmt</c> value (decimal, chineseCounting, bullet, …); null when absent (decimal).</summary>
    public string? Format { get; set; }

    /// <summary><c>w:numFmt/@w:format</c> for custom formats.</summary>
    public string? CustomFormat { get; set; }

    /// <summary><c>w:lvlText</c> with %1…%9 placeholders; empty when absent or null.</summary>
    public string Text { get; set; } = "";

    /// <summary><c>w:lvlRestart</c>: restart after a paragraph at this 1-based level or above; 0 = never; null = after the level above.</summary>
    public int? Restart { get; set; }

    /// <summary><c>w:isLgl</c>: show every level's number in decimal (legal numbering: 1.1.1 even under 第一章).</summary>
    public bool IsLegal { get; set; }

    /// <summary><c>w:suff</c>: tab (default), space or nothing.</summary>
    public string Suffix { get; set; } = "tab";

    /// <summary><c>w:pStyle</c>: the paragraph style linked to this level.</summary>
    public string? ParagraphStyle { get; set; }
}
