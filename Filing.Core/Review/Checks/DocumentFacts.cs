using System.Text.RegularExpressions;
using Filing.Core.Documents;
using Filing.Core.Text;

namespace Filing.Core.Review.Checks;

/// <summary>
/// The document-level facts the drafting and legality checks need (标题, 发文字号, 发文机关, 成文日期, 文种, 施行日期,
/// 有效期, 附件), each with the paragraph and characters it was read from. The reader's model is used first; when a
/// field is missing (a pasted passage, or a reader that could not place it) it is recovered from the text.
/// </summary>
internal sealed partial record DocumentFacts
{
    private const int HeaderScan = 15;

    public string? Title { get; init; }
    public Located? TitleAt { get; init; }
    public DocumentNumber? DocumentNumber { get; init; }
    public Located? DocumentNumberAt { get; init; }
    /// <summary>发文机关: the signature, else the issuer named in front of 关于 in the title.</summary>
    public string? IssuingBody { get; init; }
    public Located? IssuingBodyAt { get; init; }
    /// <summary>发文机关署名 only (the model's issuer when the reader placed a signature).</summary>
    public string? SignatureIssuer { get; init; }
    public Located? SignatureAt { get; init; }
    /// <summary>The issuer named in front of 关于 in the title, if any.</summary>
    public string? TitleIssuer { get; init; }
    public Located? TitleIssuerAt { get; init; }
    public DateOnly? Date { get; init; }
    public Located? DateAt { get; init; }
    public string? DocumentType { get; init; }
    public bool Provisional { get; init; }
    public DateOnly? EffectiveDate { get; init; }
    public Located? EffectiveAt { get; init; }
    public int? ValidityYears { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public Located? ValidityAt { get; init; }
    public IReadOnlyList<AttachmentFact> Attachments { get; init; } = [];
    /// <summary>发文机关标志 without 文件 (桐庐县人民政府文件 → 桐庐县人民政府), if the header has one.</summary>
    public string? HeaderMark { get; init; }
    public Located? HeaderMarkAt { get; init; }

    public static DocumentFacts From(NormativeDocument d)
    {
        var norm = d.Paragraphs.Select(p => TextNormalizer.Normalize(p.Text)).ToList();

        var (title, titleAt) = FindTitle(d, norm);
        var (number, numberAt) = FindNumber(d, norm);
        var (date, dateAt) = FindDate(d, norm);
        var (signature, signatureAt) = FindSignature(d, norm, dateAt);
        var (titleIssuer, titleIssuerAt) = FindTitleIssuer(norm, title, titleAt);
        var type = d.DocumentType ?? TypeOf(d.EnclosedTitle) ?? TypeOf(EnclosedTitleIn(title)) ?? TypeOf(title);
        var provisional = (d.EnclosedTitle ?? EnclosedTitleIn(title) ?? title ?? "") is var t && (t.Contains("暂行", StringComparison.Ordinal) || t.Contains("试行", StringComparison.Ordinal));
        var (effective, effectiveAt) = FindEffective(d, norm, date);
        var (years, until, validityAt) = FindValidity(d, norm, effective ?? date);
        var (mark, markAt) = FindHeaderMark(d, norm);

        return new DocumentFacts
        {
            Title = title,
            TitleAt = titleAt,
            DocumentNumber = number,
            DocumentNumberAt = numberAt,
            IssuingBody = signature ?? titleIssuer,
            IssuingBodyAt = signature is null ? titleIssuerAt : signatureAt,
            SignatureIssuer = signature,
            SignatureAt = signatureAt,
            TitleIssuer = titleIssuer,
            TitleIssuerAt = titleIssuerAt,
            Date = date,
            DateAt = dateAt,
            DocumentType = type,
            Provisional = provisional,
            EffectiveDate = effective,
            EffectiveAt = effectiveAt,
            ValidityYears = years,
            ValidUntil = until,
            ValidityAt = validityAt,
            Attachments = FindAttachments(d, norm),
            HeaderMark = mark,
            HeaderMarkAt = markAt,
        };
    }

    /// <summary>The 文种 a title ends with (办法, 规定, 通知…), ignoring a trailing （试行）/（暂行）.</summary>
    public static string? TypeOf(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var m = TypeSuffix().Match(TextNormalizer.Normalize(title.Trim()));
        return m.Success ? m.Groups["type"].Value : null;
    }

    /// <summary>The title inside 《》 of a 印发/转发 notice title, else null.</summary>
    public static string? EnclosedTitleIn(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var m = Enclosed().Match(title);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static (string?, Located?) FindHeaderMark(NormativeDocument d, List<string> norm)
    {
        for (var i = 0; i < Math.Min(HeaderScan, norm.Count); i++)
        {
            if (d.Paragraphs[i].Role is not (ParagraphRole.HeaderBlock or ParagraphRole.Body))
            {
                continue;
            }

            var text = norm[i].Trim();
            if (text.Length is > 2 and <= 60 && text.EndsWith("文件", StringComparison.Ordinal) && !text.Contains('。', StringComparison.Ordinal))
            {
                var mark = text[..^2].Trim();
                return mark.Length == 0 ? (null, null) : (mark, new Located(i, norm[i].IndexOf(mark, StringComparison.Ordinal), mark.Length));
            }
        }

        return (null, null);
    }

    private static (string?, Located?) FindTitle(NormativeDocument d, List<string> norm)
    {
        var byRole = d.Paragraphs.FirstOrDefault(p => p.Role == ParagraphRole.Title);
        if (d.Title is { } modelTitle)
        {
            return (modelTitle, byRole is null ? null : Whole(byRole.Index, norm));
        }

        for (var i = 0; i < Math.Min(HeaderScan, norm.Count); i++)
        {
            var text = norm[i].Trim();
            if (text.Length is > 4 and <= 100 && !text.Contains('。', StringComparison.Ordinal)
                && (text.Contains("关于", StringComparison.Ordinal) || TypeSuffix().IsMatch(text)))
            {
                return (d.Paragraphs[i].Text.Trim(), Whole(i, norm));
            }
        }

        return (null, null);
    }

    private static (DocumentNumber?, Located?) FindNumber(NormativeDocument d, List<string> norm)
    {
        if (d.DocumentNumber is { } n)
        {
            var i = d.Paragraphs.FirstOrDefault(p => p.Role == ParagraphRole.DocumentNumber)?.Index
                ?? norm.FindIndex(t => t.Contains(TextNormalizer.Normalize(n.Raw), StringComparison.Ordinal));
            Located? at = null;
            if (i >= 0)
            {
                var start = norm[i].IndexOf(TextNormalizer.Normalize(n.Raw), StringComparison.Ordinal);
                at = start >= 0 ? new Located(i, start, n.Raw.Length) : Whole(i, norm);
            }

            return (n, at);
        }

        for (var i = 0; i < Math.Min(HeaderScan, norm.Count); i++)
        {
            if (DocumentNumberParser.FindAll(d.Paragraphs[i].Text) is [var first, ..])
            {
                return (first.Number, new Located(i, first.Index, first.Length));
            }
        }

        return (null, null);
    }

    private static (DateOnly?, Located?) FindDate(NormativeDocument d, List<string> norm)
    {
        var byRole = d.Paragraphs.FirstOrDefault(p => p.Role == ParagraphRole.Date);
        if (d.Date is { } modelDate)
        {
            return (modelDate, byRole is null ? null : Whole(byRole.Index, norm));
        }

        for (var i = 0; i < norm.Count; i++)
        {
            // A 成文日期 stands alone on its line: 2018年8月6日 or 二〇一八年八月六日.
            if (norm[i].Length <= 24 && norm[i].Contains('年', StringComparison.Ordinal) && ChineseDates.TryParse(norm[i], out var date))
            {
                return (date, Whole(i, norm));
            }
        }

        return (null, null);
    }

    private static (string?, Located?) FindSignature(NormativeDocument d, List<string> norm, Located? dateAt)
    {
        var signature = d.Paragraphs.FirstOrDefault(p => p.Role == ParagraphRole.Signature);
        if (d.IssuingBody is { } modelIssuer && signature is not null)
        {
            return (modelIssuer, Whole(signature.Index, norm));
        }

        if (dateAt is { } date)
        {
            for (var i = date.Paragraph - 1; i >= 0 && i >= date.Paragraph - 3; i--)
            {
                var text = norm[i].Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                if (text.Length <= 40 && IssuerLike().IsMatch(text))
                {
                    return (d.Paragraphs[i].Text.Trim(), Whole(i, norm));
                }

                break;
            }
        }

        return (d.IssuingBody, null);
    }

    private static (string?, Located?) FindTitleIssuer(List<string> norm, string? title, Located? titleAt)
    {
        if (title is null || titleAt is not { } t)
        {
            return (null, null);
        }

        var at = title.IndexOf("关于", StringComparison.Ordinal);
        if (at < 2)
        {
            return (null, null);
        }

        var issuer = title[..at].Trim();
        var start = norm[t.Paragraph].IndexOf(TextNormalizer.Normalize(issuer), StringComparison.Ordinal);
        return start < 0 ? (issuer, null) : (issuer, new Located(t.Paragraph, start, issuer.Length));
    }

    private static (DateOnly?, Located?) FindEffective(NormativeDocument d, List<string> norm, DateOnly? date)
    {
        for (var i = 0; i < norm.Count; i++)
        {
            var m = EffectiveDatePattern().Match(norm[i]);
            if (m.Success)
            {
                var value = DateOf(m);
                return (d.Validity.EffectiveDate ?? value, new Located(i, m.Index, m.Length));
            }

            m = EffectiveFromIssue().Match(norm[i]);
            if (m.Success)
            {
                var delay = m.Groups["n"].Success && ChineseNumerals.TryParseNumber(m.Groups["n"].Value, out var n) ? n : 0;
                var value = date?.AddDays(delay);
                return (d.Validity.EffectiveDate ?? value, new Located(i, m.Index, m.Length));
            }
        }

        return (d.Validity.EffectiveDate, null);
    }

    private static (int?, DateOnly?, Located?) FindValidity(NormativeDocument d, List<string> norm, DateOnly? start)
    {
        for (var i = 0; i < norm.Count; i++)
        {
            var m = ValidityYearsPattern().Match(norm[i]);
            if (m.Success && ChineseNumerals.TryParseNumber(m.Groups["n"].Value, out var years))
            {
                return (d.Validity.Years ?? years, d.Validity.ValidUntil ?? start?.AddYears(years).AddDays(-1), new Located(i, m.Index, m.Length));
            }

            m = ValidUntilPattern().Match(norm[i]);
            if (m.Success && DateOf(m) is { } until)
            {
                return (d.Validity.Years, d.Validity.ValidUntil ?? until, new Located(i, m.Index, m.Length));
            }
        }

        return (d.Validity.Years, d.Validity.ValidUntil, null);
    }

    private static List<AttachmentFact> FindAttachments(NormativeDocument d, List<string> norm)
    {
        var result = new List<AttachmentFact>();
        var note = norm.FindIndex(t => AttachmentNote().IsMatch(t));
        if (note < 0)
        {
            return result;
        }

        // 附件：1.XXX / 2.XXX on following lines, or a single 附件：XXX.
        var items = new List<(int Number, string Title, Located At)>();
        var first = AttachmentNote().Match(norm[note]);
        var rest = first.Groups["rest"].Value;
        var numbered = NumberedItem().Match(rest);
        if (numbered.Success)
        {
            items.Add((int.Parse(numbered.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), CleanTitle(numbered.Groups["t"].Value), new Located(note, first.Groups["rest"].Index + numbered.Groups["t"].Index, numbered.Groups["t"].Length)));
        }
        else if (rest.Trim().Length > 0)
        {
            items.Add((1, CleanTitle(rest), new Located(note, first.Groups["rest"].Index, first.Groups["rest"].Length)));
        }

        var last = note;
        for (var i = note + 1; i < norm.Count; i++)
        {
            var m = NumberedItem().Match(norm[i]);
            if (!m.Success || norm[i].Trim().Length > 80)
            {
                break;
            }

            items.Add((int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), CleanTitle(m.Groups["t"].Value), new Located(i, m.Groups["t"].Index, m.Groups["t"].Length)));
            last = i;
        }

        foreach (var (number, title, at) in items)
        {
            var present = d.Attachments.FirstOrDefault(a => a.Number == number) is { BodyParagraph: not null }
                || HasAttachmentBody(norm, last + 1, number, title, items.Count == 1);
            result.Add(new AttachmentFact(number, title, present, at));
        }

        return result;
    }

    private static bool HasAttachmentBody(List<string> norm, int from, int number, string title, bool single)
    {
        for (var i = from; i < norm.Count; i++)
        {
            var text = norm[i].Trim();
            var label = AttachmentLabel().Match(text);
            if (label.Success)
            {
                var n = label.Groups["n"].Success ? int.Parse(label.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                if (n == number || (single && !label.Groups["n"].Success))
                {
                    return true;
                }
            }

            if (title.Length >= 4 && CleanTitle(text) == title && i > from)
            {
                return true;
            }
        }

        return false;
    }

    private static string CleanTitle(string text) => text.Trim().Trim('《', '》', '.', '。', ';', ',').Trim();

    private static DateOnly? DateOf(Match m) =>
        ChineseNumerals.TryParseNumber(m.Groups["y"].Value, out var y)
        && ChineseNumerals.TryParseNumber(m.Groups["m"].Value, out var month)
        && ChineseNumerals.TryParseNumber(m.Groups["d"].Value, out var day)
        && y is >= 1949 and <= 2199 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, month)
            ? new DateOnly(y, month, day)
            : null;

    private static Located Whole(int paragraph, List<string> norm)
    {
        var text = norm[paragraph];
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return new Located(paragraph, start, text.TrimEnd().Length - start is var len and > 0 ? len : 0);
    }

    [GeneratedRegex(@"(?<type>通知|意见|实施意见|办法|实施办法|管理办法|规定|若干规定|决定|细则|实施细则|方案|实施方案|通告|公告|规则|措施|若干措施|规划|纲要|决议|批复|函|规范|标准|制度|准则|条例|守则|章程|请示|报告|纪要|公报|议案|命令|令|指示|规程|须知|指引|指南|计划|要点|公示|通报)(?:\((?:试行|暂行)\))?\s*$")]
    private static partial Regex TypeSuffix();

    [GeneratedRegex(@"《(.+)》")]
    private static partial Regex Enclosed();

    [GeneratedRegex(@"自\s*(?<y>\d{4}|[〇零一二三四五六七八九○]{4})\s*年\s*(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*起\s*(?:施行|实施|执行|生效)")]
    private static partial Regex EffectiveDatePattern();

    [GeneratedRegex(@"自\s*(?:印发|发布|公布|颁布|下发)之日起\s*(?:(?<n>\d+|[一二三四五六七八九十百]+)\s*日后)?\s*(?:施行|实施|执行|生效)")]
    private static partial Regex EffectiveFromIssue();

    [GeneratedRegex(@"(?:有效期|试行期|实施期|执行期|试行期限|实施期限)\s*(?:为|是)?\s*(?<n>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*年")]
    private static partial Regex ValidityYearsPattern();

    [GeneratedRegex(@"有效期\s*(?:至|到|截至|截止)\s*(?<y>\d{4}|[〇零一二三四五六七八九○]{4})\s*年\s*(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")]
    private static partial Regex ValidUntilPattern();

    [GeneratedRegex(@"^\s*附\s*件\s*[:：]\s*(?<rest>.*)$")]
    private static partial Regex AttachmentNote();

    [GeneratedRegex(@"^\s*(?<n>\d{1,2})\s*[.、．]\s*(?<t>\S.*)$")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^附\s*件\s*(?<n>\d{1,2})?\s*[:：]?\s*$")]
    private static partial Regex AttachmentLabel();

    [GeneratedRegex(@"(人民政府|政府|委员会|局|厅|委|办公室|办公厅|管委会|管理委员会|街道办事处|办事处|中心|公署|所|队|院)$")]
    private static partial Regex IssuerLike();
}

/// <summary>Characters of one paragraph that a fact was read from.</summary>
internal readonly record struct Located(int Paragraph, int Start, int Length);

/// <summary>An attachment named in the 附件说明 and whether its body is in the document.</summary>
internal sealed record AttachmentFact(int Number, string Title, bool Present, Located NamedAt);
