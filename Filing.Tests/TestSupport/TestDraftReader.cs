using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;
using Filing.Api.Register.Drafts;
using Filing.Core.Documents;
using Filing.Core.Review;
using Filing.Core.Register;

namespace Filing.Tests.TestSupport;

/// <summary>
/// Stands in for the Word reader in API tests (the register does not test the reader): collects the w:t text of each
/// paragraph, takes the first paragraph with 关于 as the title and the first 机关代字〔年〕号 as the document number.
/// Refuses anything that is not a zip with word/document.xml, as the real reader would.
/// </summary>
public sealed partial class TestDraftReader : IDraftReader
{
    public NormativeDocument Read(Stream content)
    {
        List<string> paragraphs;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read);
            var entry = zip.GetEntry("word/document.xml") ?? throw new DocumentReadException(DocumentErrorCode.CorruptPackage, "No main document part.");
            paragraphs = Paragraphs(entry.Open());
        }
        catch (InvalidDataException e)
        {
            throw new DocumentReadException(DocumentErrorCode.UnsupportedMediaType, "Not a Word document.", "application/octet-stream", e);
        }

        var title = paragraphs.FirstOrDefault(p => p.Contains("关于", StringComparison.Ordinal));
        var number = paragraphs.Select(p => NumberPattern().Match(p)).FirstOrDefault(m => m.Success);
        return new NormativeDocument
        {
            Title = title,
            DocumentType = title is null ? null : title.EndsWith("通知", StringComparison.Ordinal) ? "通知" : title.EndsWith("意见", StringComparison.Ordinal) ? "意见" : null,
            DocumentNumber = number is null ? null : new DocumentNumber(number.Value, number.Value, number.Groups[1].Value,
                int.Parse(number.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(number.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), true, []),
            Paragraphs = [.. paragraphs.Select((p, i) => new DocParagraph(i, p, ParagraphRole.Body, null, null, 0, ParagraphSource.Body, i))],
            Text = string.Join('\n', paragraphs),
        };
    }

    private static List<string> Paragraphs(Stream xml)
    {
        var result = new List<string>();
        using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var current = new System.Text.StringBuilder();
        const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && reader.NamespaceURI == W)
            {
                current.Append(reader.ReadElementContentAsString());
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "p" && reader.NamespaceURI == W)
            {
                result.Add(current.ToString());
                current.Clear();
            }
        }

        return result;
    }

    [GeneratedRegex(@"([\p{IsCJKUnifiedIdeographs}]+)〔(\d{4})〕(\d+)号")]
    private static partial Regex NumberPattern();
}

/// <summary>Stands in for the review engine: an error finding for every paragraph containing 罚款, a warning for 本地企业.</summary>
public sealed class TestDraftReviewer : IDraftReviewer
{
    public ReviewOutcome Review(NormativeDocument document)
    {
        var findings = new List<Finding>();
        foreach (var p in document.Paragraphs)
        {
            if (p.Text.IndexOf("罚款", StringComparison.Ordinal) is var i and >= 0)
            {
                findings.Add(new Finding("LEG-PENALTY", ReviewStep.Legality, Severity.Error, "行政规范性文件不得设定行政处罚", "罚款",
                    new FindingLocation(p.Path, p.Index, i, 2), [new LegalBasis("行政处罚法", "第十六条")], "删除罚款规定"));
            }

            if (p.Text.IndexOf("本地企业", StringComparison.Ordinal) is var j and >= 0)
            {
                findings.Add(new Finding("FC-LOCAL", ReviewStep.FairCompetition, Severity.Warning, "疑似限定本地经营者", "本地企业",
                    new FindingLocation(p.Path, p.Index, j, 4), [new LegalBasis("公平竞争审查条例", "第九条")], null));
            }
        }

        return ReviewOutcome.Completed(findings);
    }
}
