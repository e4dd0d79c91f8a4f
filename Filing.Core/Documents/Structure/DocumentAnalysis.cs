using Filing.Core.Documents.Reading;
using Filing.Core.Text;

namespace Filing.Core.Documents.Structure;

/// <summary>
/// Walks a document in GB/T 9704 order — 版头, 标题, 主送机关, body, 附件说明, 署名, 成文日期, 附注, then the enclosed
/// document of a 印发 notice, attachment bodies and the 版记 — and assembles the <see cref="NormativeDocument"/>.
/// Every paragraph ends up with a role; what fits nowhere is kept and reported as <c>unplaced-text</c>.
/// </summary>
internal sealed class DocumentAnalysis
{
    private readonly RawDocument _raw;
    private readonly List<Line> _lines;
    private readonly Annotations _ann;
    private readonly List<AttachmentNoteItem> _noteItems = [];
    private readonly List<AttachmentBody> _bodies = [];
    private readonly List<string> _copiedTo = [];
    private readonly List<int> _titleNoteLines = [];
    private static readonly string[] TitleNoteActs = ["通过", "公布", "发布", "施行", "实施", "修订", "修正", "印发", "批准", "签发", "颁布"];

    private static readonly System.Buffers.SearchValues<char> NotInOrganList = System.Buffers.SearchValues.Create("。！？!?：:《》");

    private string? _enclosedTitle;
    private string? _enclosedKey;
    private string? _enclosedKeyCore;
    private Part? _enclosed;
    private string? _printedBy;
    private DateOnly? _printDate;

    private sealed record Part(int TitleStart, int BodyStart, int BodyEnd, Closing Closing);

    private sealed record AttachmentBody(int? Number, string? Title, int Start);

    private DocumentAnalysis(RawDocument raw)
    {
        _raw = raw;
        _lines = raw.Paragraphs.Select((p, i) => new Line(i, p)).ToList();
        _ann = new Annotations(_lines);
    }

    public static NormativeDocument Run(RawDocument raw) => new DocumentAnalysis(raw).Analyse();

    private int Count => _lines.Count;

    private NormativeDocument Analyse()
    {
        var title = TitleFinder.Find(_lines, 0, Count);
        var headerEnd = title?.Start ?? HeaderEndWithoutTitle();
        var header = HeaderBlockReader.Read(_lines, 0, headerEnd, _ann);
        var number = header.Number;

        var pos = headerEnd;
        string? enclosedTitle = null;
        if (title is not null)
        {
            for (var i = title.Start; i <= title.End; i++)
            {
                _ann.Set(_lines[i], ParagraphRole.Title);
            }

            pos = title.End + 1;
            enclosedTitle = DocumentKinds.EnclosedTitleOf(title.Text);
            if (enclosedTitle is not null)
            {
                _enclosedTitle = enclosedTitle;
                _enclosedKey = TextShape.ComparisonKey(enclosedTitle);
                _enclosedKeyCore = TextShape.ComparisonKey(DocumentKinds.StripQualifiers(enclosedTitle));
            }
        }

        pos = ReadTitleNotes(pos, out var notedNumber, out var noteDate);
        number ??= notedNumber;
        pos = ReadRecipients(pos, out var recipients);

        var main = ReadPart(pos, pos, stopAtEnclosed: true);
        var tailStart = main.Closing.Next;
        ReadTail(tailStart);

        // The normative text: the enclosed document of a 印发 notice, else the body itself.
        var normativePart = _enclosed ?? main;
        var zone = Range(normativePart.BodyStart, normativePart.BodyEnd);
        if (_enclosed is not null)
        {
            NormativeTextBuilder.LabelOnly(_lines, Range(main.BodyStart, main.BodyEnd), _ann);
        }
        else if (enclosedTitle is not null)
        {
            _ann.Warn("enclosed-document-missing", $"标题称印发《{enclosedTitle}》，但文件中未找到其正文", null);
        }

        var structure = NormativeTextBuilder.Build(_lines, zone, _ann, wholeDocument: title is not null);

        var date = main.Closing.Date ?? _enclosed?.Closing.Date ?? noteDate;
        // Where validity is stated, most telling first: the normative text, the covering notice, the 题注.
        var documentType = DocumentKinds.KindOf(enclosedTitle ?? title?.Text);
        var validity = ValidityReader.Read(
            [
                zone.Select(i => _lines[i]),
                (_enclosed is null ? [] : Range(main.BodyStart, main.BodyEnd)).Select(i => _lines[i]),
                _titleNoteLines.Select(i => _lines[i]),
            ],
            date,
            documentType);

        number ??= NumberFromHeaderFooter();
        if (number is { WellFormed: false })
        {
            _ann.Warn("malformed-document-number",
                $"发文字号“{number.Raw}”不符合 GB/T 9704 §7.2.5 的写法（{string.Join("；", number.Problems)}），规范写法为“{number.Text}”");
        }

        var issuingBody = main.Closing.Signature ?? _enclosed?.Closing.Signature
            ?? (header.Header.IssuerMark is { } mark ? OrgNames.IssuerFromMark(mark) : null)
            ?? IssuerFromTitle(title?.Text);

        var attachments = MatchAttachments();
        ReportUnassigned();

        var paragraphs = new List<DocParagraph>(Count);
        var offset = 0;
        foreach (var line in _lines)
        {
            var i = line.Index;
            paragraphs.Add(new DocParagraph(i, line.Text, _ann.Role(i), _ann.Path(i), _ann.Label(i), offset,
                line.Source, line.Raw.SourceOrdinal, line.Raw.GeneratedPrefixLength,
                line.Raw.Table is { } cell ? new TableCellPosition(cell.Table, cell.Row, cell.Column) : null));
            offset += line.Text.Length + 1;
        }

        return new NormativeDocument
        {
            Title = title?.Text,
            EnclosedTitle = enclosedTitle,
            Header = header.Header,
            DocumentNumber = number,
            IssuingBody = issuingBody,
            Date = date,
            Recipients = recipients,
            DocumentType = documentType,
            Form = structure.Form,
            Paragraphs = paragraphs,
            Outline = structure.Outline,
            Articles = structure.Articles,
            Attachments = attachments,
            Validity = validity,
            CopiedTo = _copiedTo,
            PrintedBy = _printedBy,
            PrintDate = _printDate,
            Revisions = _raw.Revisions,
            Notes = _raw.Notes,
            Comments = _raw.Comments,
            HeaderFooterText = _raw.HeaderFooterText,
            Warnings = [.. _raw.Warnings, .. _ann.Warnings],
            Text = string.Join('\n', _lines.ConvertAll(l => l.Text)),
        };
    }

    // Without a title, only a run of recognisable 版头 lines containing a number or a 文件 mark is a header.
    private int HeaderEndWithoutTitle()
    {
        var end = 0;
        var meaningful = false;
        while (end < Count && HeaderBlockReader.IsHeaderLine(_lines[end]))
        {
            meaningful |= _lines[end].Compact.EndsWith("文件", StringComparison.Ordinal)
                || HeaderBlockReader.FindOwnNumber(_lines[end].Content) is not null;
            end++;
        }

        return meaningful ? end : 0;
    }

    /// <summary>
    /// 题注 right under a title: a 发文字号 (gazette layout), a bracketed note such as （2018年8月6日县政府常务会议通过）,
    /// or the dated lines a regulation carries under its title (2019年10月22日国务院令第722号公布 / 2020年1月1日施行).
    /// Their dates are kept for the 成文日期 and 施行日期 when the document states no other.
    /// </summary>
    private int ReadTitleNotes(int pos, out DocumentNumber? number, out DateOnly? noteDate)
    {
        number = null;
        noteDate = null;
        var i = pos;
        for (var seen = 0; i < Count && seen < 4; i++)
        {
            var line = _lines[i];
            if (line.IsEmpty)
            {
                _ann.Set(line, ParagraphRole.Empty);
                continue;
            }

            if (!line.IsShort || line.Label is not null)
            {
                break;
            }

            var c = line.Compact;
            var bracketed = c.Length > 2 && c[0] is '（' or '(' && c[^1] is '）' or ')' && !ClosingBlockReader.IsRemark(line);
            var ownNumber = HeaderBlockReader.FindOwnNumber(line.Content);
            var dates = ChineseDates.HasDateMark(c) ? ChineseDates.FindAll(c) : [];
            if (ownNumber is not null && (bracketed || c.Length <= ownNumber.Raw.Length + 4))
            {
                number ??= ownNumber;
                _ann.Set(line, ParagraphRole.DocumentNumber);
            }
            else if ((bracketed && (dates.Count > 0 || c.Contains('号'))) || (dates.Count > 0 && IsDatedTitleNote(c)))
            {
                _ann.Set(line, ParagraphRole.HeaderBlock);
                _titleNoteLines.Add(i);
            }
            else
            {
                break;
            }

            if (dates.Count > 0)
            {
                noteDate ??= dates[0].Date;
            }

            seen++;
        }

        return i;
    }

    // 2019年10月8日国务院第66次常务会议通过, 2020年1月1日施行: short, dated, naming an act, not a sentence.
    private static bool IsDatedTitleNote(string compact) =>
        compact.Length <= 60 && !TextShape.HasSentencePunctuation(compact)
        && TitleNoteActs.Any(act => compact.EndsWith(act, StringComparison.Ordinal));

    private int ReadRecipients(int pos, out IReadOnlyList<string> recipients)
    {
        recipients = [];
        var i = pos;
        while (i < Count && _lines[i].IsEmpty)
        {
            _ann.Set(_lines[i], ParagraphRole.Empty);
            i++;
        }

        if (i < Count && RecipientsParser.TryParse(_lines[i], out var list))
        {
            recipients = list;
            _ann.Set(_lines[i], ParagraphRole.Recipients);
            return i + 1;
        }

        return pos;
    }

    private Part ReadPart(int titleStart, int bodyStart, bool stopAtEnclosed)
    {
        Func<int, bool> stop = stopAtEnclosed ? i => EnclosedTitleAt(i) is not null : _ => false;
        var bodyEnd = ClosingBlockReader.FindBodyEnd(_lines, bodyStart, Count, stop);
        var closing = ClosingBlockReader.Read(_lines, bodyEnd, Count, _ann, stop);
        _noteItems.AddRange(closing.NoteItems);
        return new Part(titleStart, bodyStart, bodyEnd, closing);
    }

    /// <summary>What follows the main part: the enclosed document, attachment bodies, the 版记, stray text.</summary>
    private void ReadTail(int i)
    {
        var afterClosing = true;
        while (i < Count)
        {
            var line = _lines[i];
            if (line.IsEmpty)
            {
                _ann.Set(line, ParagraphRole.Empty);
                i++;
                continue;
            }

            if (_enclosed is null && EnclosedTitleAt(i) is { } titleEnd)
            {
                i = ReadEnclosed(i, titleEnd);
                afterClosing = true;
                continue;
            }

            if (line.IsBody && AttachmentLines.IsBodyLabel(line, out var n))
            {
                i = ReadAttachmentBody(i, n, inlineTitle: null);
                continue;
            }

            if (afterClosing && AttachmentLines.IsLabelWithTitle(line, out var m, out var inline) && HasContentAfter(i))
            {
                i = ReadAttachmentBody(i, m, inline);
                continue;
            }

            if (TryReadColophon(ref i))
            {
                continue;
            }

            if (ClosingBlockReader.IsRemark(line))
            {
                _ann.Set(line, ParagraphRole.Remark);
                i++;
                continue;
            }

            if (AttachmentLines.IsNoteStart(line))
            {
                var (items, next) = AttachmentLines.ReadNote(_lines, i, Count);
                _noteItems.AddRange(items);
                for (var k = i; k < next; k++)
                {
                    _ann.Set(_lines[k], ParagraphRole.AttachmentNote);
                }

                i = next;
                continue;
            }

            // The enclosed document under a title that differs from the 《》 of the notice title.
            if (_enclosedKey is not null && _enclosed is null && !IsListedAttachmentTitle(line) && TitleFinder.At(_lines, i, Count) is { } enclosedSpan)
            {
                _ann.Warn("enclosed-title-mismatch",
                    $"通知标题印发《{_enclosedTitle}》，但其后的文件标题为“{enclosedSpan.Text}”", Annotations.ParagraphRef(i));
                i = ReadEnclosed(i, enclosedSpan.End);
                continue;
            }

            // An attachment starting without a 附件 label: a title listed in the 附件说明, or a title on a new page.
            if (IsListedAttachmentTitle(line) || (line.Raw.PageBreakBefore && TitleFinder.At(_lines, i, Count) is not null))
            {
                i = ReadAttachmentBody(i, null, inlineTitle: null, titleAtStart: true);
                continue;
            }

            _ann.Set(line, ParagraphRole.Body);
            _ann.WarnUnplaced(line, "正文之后");
            afterClosing = false;
            i++;
        }
    }

    private int ReadEnclosed(int titleStart, int titleEnd)
    {
        for (var k = titleStart; k <= titleEnd; k++)
        {
            _ann.Set(_lines[k], ParagraphRole.EnclosedTitle);
        }

        var bodyStart = ReadTitleNotes(titleEnd + 1, out _, out _);
        _enclosed = ReadPart(titleStart, bodyStart, stopAtEnclosed: false);
        return _enclosed.Closing.Next;
    }

    /// <summary>附件N + title + content, up to the next attachment, the 版记 or the end.</summary>
    private int ReadAttachmentBody(int start, int? number, string? inlineTitle, bool titleAtStart = false)
    {
        var i = start;
        string? title = inlineTitle;
        var titleStart = start;
        var titleEnd = start;
        if (titleAtStart)
        {
            var span = TitleFinder.At(_lines, start, Count);
            title = span?.Text ?? _lines[start].Compact;
            titleEnd = span?.End ?? start;
        }
        else if (inlineTitle is null)
        {
            var j = start + 1;
            while (j < Count && _lines[j].IsEmpty)
            {
                j++;
            }

            if (j < Count && !AttachmentLines.IsBodyLabel(_lines[j], out _) && !ColophonReader.IsColophonLine(_lines[j])
                && _lines[j].Compact.Length <= 80 && !TextShape.HasSentencePunctuation(_lines[j].Compact))
            {
                var span = TitleFinder.At(_lines, j, Count);
                title = span?.Text ?? _lines[j].Compact;
                titleStart = j;
                titleEnd = span?.End ?? j;
            }
        }

        var number1 = number ?? NextAttachmentNumber();
        var path = $"附件{number1}";
        _bodies.Add(new AttachmentBody(number, title is null ? null : AttachmentLines.CleanTitle(title), start));

        // The attachment is the enclosed document itself (附件：XX办法 in a 印发 notice).
        if (_enclosed is null && title is not null && MatchesEnclosed(title))
        {
            if (titleStart != start)
            {
                _ann.Set(_lines[start], ParagraphRole.Attachment, path);
            }

            return ReadEnclosed(titleStart, titleEnd);
        }

        for (i = start; i <= titleEnd; i++)
        {
            _ann.Set(_lines[i], ParagraphRole.Attachment, path);
        }

        var contentStart = i;
        while (i < Count)
        {
            var line = _lines[i];
            if (!line.IsEmpty && (
                (line.IsBody && AttachmentLines.IsBodyLabel(line, out _))
                || ColophonReader.IsColophonLine(line)
                || (_enclosed is null && EnclosedTitleAt(i) is not null)
                || (line.IsBody && line.Raw.PageBreakBefore && AttachmentLines.IsLabelWithTitle(line, out _, out _))))
            {
                break;
            }

            i++;
        }

        LocateInsideAttachment(Range(contentStart, i), path);
        return i;
    }

    /// <summary>
    /// Paths inside an attachment: its own headings and articles prefixed by the attachment (附件2一、（一）, 附件1第三条),
    /// so that findings in attachments point as precisely as in the main text. The attachment's structure is not part
    /// of the document's outline or articles, and its numbering is not checked.
    /// </summary>
    private void LocateInsideAttachment(List<int> zone, string prefix)
    {
        if (zone.Count == 0)
        {
            return;
        }

        var inner = new Annotations(_lines, zone[0], zone[^1] + 1);
        NormativeTextBuilder.Build(_lines, zone, inner, wholeDocument: false);
        foreach (var k in zone)
        {
            _ann.Set(_lines[k], ParagraphRole.Attachment, prefix + inner.Path(k), inner.Label(k));
        }
    }

    private int NextAttachmentNumber() =>
        Math.Max(_bodies.Select(b => b.Number ?? 0).DefaultIfEmpty(0).Max(), _bodies.Count) + 1;

    private bool TryReadColophon(ref int i)
    {
        var line = _lines[i];
        if (ColophonReader.IsCopiedTo(line))
        {
            var list = ColophonReader.ReadCopiedTo(line);
            _ann.Set(line, ParagraphRole.CopiedTo);
            i++;

            // A list laid out over several paragraphs or table cells continues until it ends with 。.
            while (i < Count && (list.Count == 0 || !line.Compact.EndsWith('。')) && IsListContinuation(_lines[i]))
            {
                line = _lines[i];
                list.AddRange(RecipientsParser.Split(line.Compact));
                _ann.Set(line, ParagraphRole.CopiedTo);
                i++;
            }

            _copiedTo.AddRange(list);
            return true;
        }

        if (ColophonReader.PrintLine(line.Compact) is { } print)
        {
            _ann.Set(line, ParagraphRole.PrintInfo);
            _printDate ??= print.Date;
            if (print.PrintedBy.Length > 0)
            {
                _printedBy ??= print.PrintedBy;
            }

            i++;
            return true;
        }

        // 印发机关 in its own cell or paragraph just before the date line.
        var next = i + 1;
        while (next < Count && _lines[next].IsEmpty)
        {
            next++;
        }

        if (next < Count && OrgNames.IsLikely(line.Compact) && ColophonReader.PrintLine(_lines[next].Compact) is { PrintedBy.Length: 0 } bare)
        {
            _ann.Set(line, ParagraphRole.PrintInfo);
            _ann.Set(_lines[next], ParagraphRole.PrintInfo);
            _printedBy ??= line.Compact;
            _printDate ??= bare.Date;
            i = next + 1;
            return true;
        }

        return false;
    }

    // A further line of organ names: short, separated by 、，；, no sentence inside.
    private static bool IsListContinuation(Line line)
    {
        if (line.IsEmpty || !line.IsShort || ColophonReader.IsColophonLine(line))
        {
            return false;
        }

        var names = line.Compact.TrimEnd('。');
        return names.AsSpan().IndexOfAny(NotInOrganList) < 0 && RecipientsParser.Split(names).TrueForAll(n => n.Length <= 30);
    }

    private bool HasContentAfter(int i)
    {
        for (var k = i + 1; k < Count; k++)
        {
            if (_lines[k].IsEmpty)
            {
                continue;
            }

            return !ColophonReader.IsColophonLine(_lines[k]) && !AttachmentLines.IsBodyLabel(_lines[k], out _)
                && !AttachmentLines.IsNoteStart(_lines[k]);
        }

        return false;
    }

    private bool IsListedAttachmentTitle(Line line)
    {
        if (_noteItems.Count == 0 || !line.IsShort)
        {
            return false;
        }

        var key = TextShape.ComparisonKey(AttachmentLines.CleanTitle(line.Compact));
        return _noteItems.Any(n => TextShape.ComparisonKey(n.Title) == key) && _bodies.All(b => b.Title is null || TextShape.ComparisonKey(b.Title) != key);
    }

    /// <summary>The last paragraph of the enclosed document's title when it starts at <paramref name="i"/>.</summary>
    private int? EnclosedTitleAt(int i)
    {
        if (_enclosedKey is null || i >= Count || _lines[i].IsEmpty || !_lines[i].IsShort || _lines[i].Source == ParagraphSource.TableCell)
        {
            return null;
        }

        var joined = "";
        for (var j = i; j < Count && j < i + 4; j++)
        {
            if (_lines[j].IsEmpty || !_lines[j].IsShort || _lines[j].Compact.Length > 100)
            {
                return null;
            }

            joined += _lines[j].Compact;
            if (MatchesEnclosed(joined))
            {
                return j;
            }

            if (joined.Length >= _enclosedKey.Length + 10)
            {
                return null;
            }
        }

        return null;
    }

    private bool MatchesEnclosed(string text)
    {
        if (_enclosedKey is null)
        {
            return false;
        }

        var key = TextShape.ComparisonKey(text);
        return key == _enclosedKey || TextShape.ComparisonKey(DocumentKinds.StripQualifiers(text)) == _enclosedKeyCore;
    }

    private List<Attachment> MatchAttachments()
    {
        var result = new List<Attachment>();
        var unmatched = new List<AttachmentBody>(_bodies);
        foreach (var item in _noteItems)
        {
            var key = TextShape.ComparisonKey(item.Title);
            var body = unmatched.FirstOrDefault(b => b.Title is not null && TextShape.ComparisonKey(b.Title) == key)
                ?? unmatched.FirstOrDefault(b => b.Number == item.Number)
                ?? (unmatched.Count > 0 && unmatched[0].Number is null ? unmatched[0] : null);
            if (body is null)
            {
                result.Add(new Attachment(item.Number, item.Title, null));
                _ann.Warn("attachment-body-missing", $"附件说明列出了附件{item.Number}“{item.Title}”，但文件中没有该附件的正文", $"附件{item.Number}");
                continue;
            }

            unmatched.Remove(body);
            if (body.Title is not null && TextShape.ComparisonKey(body.Title) != key)
            {
                _ann.Warn("attachment-title-mismatch",
                    $"附件{item.Number}的标题“{body.Title}”与附件说明中的“{item.Title}”不一致", $"附件{item.Number}");
            }

            result.Add(new Attachment(item.Number, item.Title, body.Start));
        }

        foreach (var body in unmatched)
        {
            var number = body.Number ?? result.Select(a => a.Number).DefaultIfEmpty(0).Max() + 1;
            var title = body.Title ?? $"附件{number}";
            result.Add(new Attachment(number, title, body.Start));
            _ann.Warn("attachment-not-listed",
                body.Title is null ? $"附件{number}（无标题）未在附件说明中列出" : $"附件{number}“{title}”未在附件说明中列出", $"附件{number}");
        }

        return result;
    }

    private DocumentNumber? NumberFromHeaderFooter()
    {
        foreach (var text in _raw.HeaderFooterText)
        {
            if (HeaderBlockReader.FindOwnNumber(text) is { } own)
            {
                return own;
            }

            if (DocumentNumberParser.FindAll(text) is [var first, ..])
            {
                return first.Number;
            }
        }

        return null;
    }

    private static string? IssuerFromTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var at = title.IndexOf("关于", StringComparison.Ordinal);
        return at > 1 ? title[..at] : null;
    }

    // Nothing is dropped silently: every paragraph not placed by a stage is reported.
    private void ReportUnassigned()
    {
        foreach (var line in _lines)
        {
            if (!line.IsEmpty && !_ann.IsAssigned(line.Index))
            {
                _ann.Set(line, ParagraphRole.Body);
                _ann.WarnUnplaced(line, "文件中");
            }
        }
    }

    private static List<int> Range(int from, int to) => Enumerable.Range(from, Math.Max(0, to - from)).ToList();
}
