using System.Xml;
using Filing.Core.Documents.Reading.Package;

namespace Filing.Core.Documents.Reading.Ooxml;

/// <summary>
/// Reads a WordprocessingML package into a <see cref="RawDocument"/>: the main document found through the package
/// relationships, its styles and numbering, headers and footers, footnotes, endnotes and comments.
/// </summary>
internal static class OoxmlReader
{
    public static RawDocument Read(OpcPackage package, ReadBudget budget)
    {
        var names = new WordNames(package.NameTable);
        var main = package.FindMainDocumentPart();
        var relationships = package.GetRelationships(main);
        var warnings = new List<ParseWarning>();

        var styles = ReadOptional(package, relationships, "styles", warnings, reader => StyleSheet.Read(reader, names)) ?? StyleSheet.Empty;
        var numbering = ReadOptional(package, relationships, "numbering", warnings, reader => NumberingDefinitions.Read(reader, names))
            ?? NumberingDefinitions.Empty;
        var context = new StoryContext(names, styles, numbering, budget);

        var (paragraphs, headerFooterIds) = ReadPart(package, main, context, reader => StoryReader.ReadMain(reader, context));
        var headerFooterText = ReadHeadersAndFooters(package, relationships, headerFooterIds, context, warnings);

        var notes = new List<Note>();
        notes.AddRange(ReadNotes(package, relationships, "footnotes", "footnote", names.Footnote, context, warnings));
        notes.AddRange(ReadNotes(package, relationships, "endnotes", "endnote", names.Endnote, context, warnings));
        var comments = ReadNotes(package, relationships, "comments", "comment", names.Comment, context, warnings);

        warnings.AddRange(context.Warnings);
        AddNoticed(context, warnings);
        var revisions = new RevisionInfo(context.HasTrackedChanges, comments.Count > 0 || context.HasCommentReferences);
        return new RawDocument(paragraphs, headerFooterText, notes, comments, revisions, warnings);
    }

    private static List<string> ReadHeadersAndFooters(OpcPackage package, IReadOnlyList<PackageRelationship> relationships,
        List<string> referencedIds, StoryContext context, List<ParseWarning> warnings)
    {
        // In the order the sections reference them (what a reader of the printed pages sees), each part once, each
        // distinct line once: a 发文字号 repeated on every page's header is one fact.
        var parts = new List<string>();
        foreach (var id in referencedIds)
        {
            var rel = relationships.FirstOrDefault(r => r.Id == id && !r.External);
            if (rel is not null && !parts.Contains(rel.Target, StringComparer.OrdinalIgnoreCase))
            {
                parts.Add(rel.Target);
            }
        }

        var text = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (!package.Exists(part))
            {
                warnings.Add(MissingPart(part));
                continue;
            }

            foreach (var paragraph in ReadPart(package, part, context, reader => StoryReader.ReadHeaderFooter(reader, context)))
            {
                var line = paragraph.Text.Trim();
                if (line.Length > 0 && seen.Add(line))
                {
                    text.Add(line);
                }
            }
        }

        return text;
    }

    private static List<Note> ReadNotes(OpcPackage package, IReadOnlyList<PackageRelationship> relationships, string relationshipType,
        string kind, string itemName, StoryContext context, List<ParseWarning> warnings) =>
        ReadOptional(package, relationships, relationshipType, warnings, reader => StoryReader.ReadNotes(reader, context, itemName, kind), context) ?? [];

    private static T? ReadOptional<T>(OpcPackage package, IReadOnlyList<PackageRelationship> relationships, string relationshipType,
        List<ParseWarning> warnings, Func<XmlReader, T> read, StoryContext? context = null)
        where T : class
    {
        var rel = relationships.FirstOrDefault(r => !r.External && OpcPackage.IsRelationshipType(r.Type, relationshipType));
        if (rel is null)
        {
            return null;
        }

        if (!package.Exists(rel.Target))
        {
            warnings.Add(MissingPart(rel.Target));
            return null;
        }

        if (context is not null)
        {
            return ReadPart(package, rel.Target, context, read);
        }

        using var reader = package.OpenXml(rel.Target);
        return SafeXml.Guard(rel.Target, () => read(reader));
    }

    private static T ReadPart<T>(OpcPackage package, string part, StoryContext context, Func<XmlReader, T> read)
    {
        context.PartName = part;
        using var reader = package.OpenXml(part);
        return SafeXml.Guard(part, () => read(reader));
    }

    private static void AddNoticed(StoryContext context, List<ParseWarning> warnings)
    {
        if (context.HiddenCharacters > 0)
        {
            warnings.Add(new ParseWarning("hidden-text",
                $"文件中有 {context.HiddenCharacters:N0} 个字符设置为“隐藏文字”，打印和显示时不可见，未计入正文。"));
        }

        if (context.Graphics > 0)
        {
            warnings.Add(new ParseWarning("graphics-not-read",
                $"文件中有 {context.Graphics:N0} 个图片、图表或嵌入对象，其中如有文字（如扫描件、印章）未被读取。"));
        }

        if (context.AltChunks > 0)
        {
            warnings.Add(new ParseWarning("alt-chunk-not-read",
                $"文件中有 {context.AltChunks:N0} 处从其他格式导入的内容（altChunk），未被读取。请在 Word 中打开并重新保存为 .docx 后再上传。"));
        }
    }

    private static ParseWarning MissingPart(string part) =>
        new("missing-part", $"包关系引用的部件 /{part} 不存在，已忽略。");
}
