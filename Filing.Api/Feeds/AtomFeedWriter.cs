using System.Globalization;
using System.Text;
using System.Xml;
using Filing.Core.Feeds;

namespace Filing.Api.Feeds;

/// <summary>One page of the register's Atom feed.</summary>
internal sealed record AtomFeedPage(
    string Id,
    string Title,
    string Author,
    DateTimeOffset Updated,
    string SelfHref,
    string FirstHref,
    string? NextHref,
    string AlternateHref,
    string BaseUrl,
    IReadOnlyList<RegisterEvent> Entries);

/// <summary>
/// Writes Atom 1.0 (RFC 4287) with paging links (RFC 5005 <c>rel="next"</c>/<c>"first"</c>). Every entry has the
/// elements the RFC requires (id, title, updated; author from the feed or the entry), a stable id
/// (<c>urn:uuid:</c> of the event), and a link to the public register entry of its document.
/// </summary>
internal static class AtomFeedWriter
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static byte[] Write(AtomFeedPage page)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            Element(xml, "id", page.Id);
            Element(xml, "title", page.Title);
            Element(xml, "subtitle", "行政规范性文件的发布、修改、废止、宣布失效、撤销和有效期届满");
            Element(xml, "updated", Timestamp(page.Updated));
            xml.WriteStartElement("author", Namespace);
            Element(xml, "name", page.Author);
            xml.WriteEndElement();
            xml.WriteStartElement("generator", Namespace);
            xml.WriteString("Filing");
            xml.WriteEndElement();
            Link(xml, "self", page.SelfHref, "application/atom+xml");
            Link(xml, "first", page.FirstHref, "application/atom+xml");
            if (page.NextHref is not null)
            {
                Link(xml, "next", page.NextHref, "application/atom+xml");
            }

            Link(xml, "alternate", page.AlternateHref, "application/json");
            foreach (var e in page.Entries)
            {
                WriteEntry(xml, e, page);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteEntry(XmlWriter xml, RegisterEvent e, AtomFeedPage page)
    {
        xml.WriteStartElement("entry", Namespace);
        Element(xml, "id", $"urn:uuid:{e.Id:D}");
        Element(xml, "title", $"{Verb(e.Type)}：{e.DocumentTitle ?? e.Summary}");
        Element(xml, "updated", Timestamp(e.RecordedAt));
        Element(xml, "published", Timestamp(e.RecordedAt));
        xml.WriteStartElement("author", Namespace);
        Element(xml, "name", e.IssuingAuthorityName ?? page.Author);
        xml.WriteEndElement();
        xml.WriteStartElement("category", Namespace);
        xml.WriteAttributeString("term", e.Type);
        xml.WriteAttributeString("label", Verb(e.Type));
        xml.WriteAttributeString("scheme", page.BaseUrl.TrimEnd('/') + "/api/v1/changes");
        xml.WriteEndElement();
        if (e.DocumentId is { } documentId)
        {
            Link(xml, "alternate", RegisterEventJson.RegisterHref(documentId, page.BaseUrl), "application/json");
        }

        xml.WriteStartElement("summary", Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Clean(e.Summary));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Verb(string type) => type switch
    {
        RegisterEventTypes.DocumentPublished => "发布",
        RegisterEventTypes.DocumentAmended => "修改",
        RegisterEventTypes.DocumentRepealed => "废止",
        RegisterEventTypes.DocumentDeclaredInvalid => "宣布失效",
        RegisterEventTypes.DocumentRevoked => "撤销",
        RegisterEventTypes.DocumentExpired => "有效期届满",
        _ => type,
    };

    private static void Element(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name, Namespace);
        xml.WriteString(Clean(text));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>RFC 3339 in UTC, as Atom requires.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture).Replace(".Z", "Z", StringComparison.Ordinal);

    /// <summary>Drops characters XML 1.0 cannot carry (control characters from Word text), so no title can break the feed.</summary>
    private static string Clean(string text)
    {
        if (text.All(c => XmlConvert.IsXmlChar(c)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }

        return builder.ToString();
    }
}
