using System.Text.RegularExpressions;
using Filing.Core.Documents;
using Filing.Core.Review.Rules;

namespace Filing.Core.Review.Checks;

/// <summary>
/// A gender requirement in a recruitment table, read by column: the header row names a column (性别, 性别要求,
/// 岗位要求, 资格条件 …) and a data row's cell in that column restricts the post to one sex (男, 限男性, 女性 …).
/// Works on Word tables (one paragraph per cell, see <see cref="DocParagraph.Cell"/>) and on rows pasted as lines with
/// cells separated by <c>|</c>. What counts as a header, a restriction, an open cell (不限) and an exempt post
/// (国家规定不适合妇女的岗位, e.g. 矿山井下) is in the rule's parameters.
/// </summary>
internal sealed class TableGenderCheck : DocumentCheck
{
    public override string Name => "table-gender-column";

    public override bool WholeDocumentOnly => false;

    public override IReadOnlyDictionary<string, string> DefaultParameters { get; } = new Dictionary<string, string>
    {
        // A header cell naming a column that can hold a gender requirement.
        ["header"] = @"^(?:性别|性别要求|岗位要求|资格条件|其他条件|招聘条件|任职条件|报考条件|岗位条件|条件|要求|其他要求|备注)$",
        // The header row (or the line before the table) must show it is about posts or recruitment.
        ["context"] = @"岗位|职位|招聘|招录|招考|报考|用工|聘用",
        // A cell that restricts the post to one sex, read from the start of the cell.
        ["restriction"] = @"^(?:限|仅限|只限|限于|要求|须为|应为)?(?:男性|男士|男|女性|女士|女)(?:性)?(?:优先)?(?=$|[,、;/\s])",
        // A cell open to both sexes.
        ["open"] = @"不限|男女均可|男女不限|均可",
        // Posts the state designates unsuitable for women (女职工禁忌从事的劳动范围) or a row stating such a rule.
        ["exempt"] = @"井下|矿井|国家规定[^|]{0,20}不适合妇女|女职工禁忌",
    };

    public override IReadOnlyList<string> Placeholders { get; } = ["column", "value"];

    public override string? Validate(IReadOnlyDictionary<string, string> parameters, RuleSet? rules)
    {
        foreach (var (name, pattern) in parameters)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                return $"parameter '{name}' does not compile: {e.Message}";
            }
        }

        return null;
    }

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var p = new Patterns(
            Pattern(context.Parameters["header"]),
            Pattern(context.Parameters["context"]),
            Pattern(context.Parameters["restriction"]),
            Pattern(context.Parameters["open"]),
            Pattern(context.Parameters["exempt"]));
        var hits = new List<CheckHit>();
        foreach (var table in TableRows.FromWordTables(context.Document, context.Normalized)
                     .Concat(TableRows.FromPipeLines(context.Normalized)))
        {
            Check(table, p, context.Normalized, hits);
        }

        return hits;
    }

    private static void Check(TableRows table, Patterns p, IReadOnlyList<string> normalized, List<CheckHit> hits)
    {
        // The header is the first row naming a column of interest (a caption row spanning the table may precede it).
        var headerRow = -1;
        var columns = new List<(int Index, string Name)>();
        for (var r = 0; r < table.Rows.Count - 1 && headerRow < 0; r++)
        {
            for (var c = 0; c < table.Rows[r].Count; c++)
            {
                var name = table.Rows[r][c].Text(normalized).Trim();
                if (p.Header.IsMatch(name))
                {
                    columns.Add((c, name));
                    headerRow = r;
                }
            }
        }

        if (headerRow < 0)
        {
            return;
        }

        var header = table.Rows[headerRow];

        var headerText = string.Join("|", header.Select(h => h.Text(normalized)));
        if (!p.Context.IsMatch(headerText) && !(table.Before is { } before && p.Context.IsMatch(normalized[before])))
        {
            return;
        }

        for (var r = headerRow + 1; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var rowText = string.Join("|", row.Select(cell => cell.Text(normalized)));
            if (p.Exempt.IsMatch(rowText))
            {
                continue;
            }

            foreach (var (index, name) in columns)
            {
                if (index >= row.Count)
                {
                    continue;
                }

                var cell = row[index];
                var text = cell.Text(normalized);
                var trimmed = text.TrimStart();
                var lead = text.Length - trimmed.Length;
                if (p.Open.IsMatch(text) || p.Restriction.Match(trimmed) is not { Success: true } m)
                {
                    continue;
                }

                hits.Add(new CheckHit(cell.Paragraph, cell.Start + lead + m.Index, m.Length,
                    new Dictionary<string, string> { ["column"] = name, ["value"] = m.Value }));
                break;
            }
        }
    }

    private sealed record Patterns(Regex Header, Regex Context, Regex Restriction, Regex Open, Regex Exempt);
}

/// <summary>A table as rows of cells, each cell a range of one paragraph's normalised text.</summary>
/// <param name="Rows">Rows in order; the first is the header.</param>
/// <param name="Before">The paragraph just before the table (its caption or lead-in), or null.</param>
internal sealed record TableRows(IReadOnlyList<IReadOnlyList<TableCellText>> Rows, int? Before)
{
    /// <summary>Word tables: consecutive table-cell paragraphs grouped by table and row (a cell's first paragraph).</summary>
    public static IEnumerable<TableRows> FromWordTables(NormativeDocument document, IReadOnlyList<string> normalized)
    {
        var paragraphs = document.Paragraphs;
        var i = 0;
        while (i < paragraphs.Count)
        {
            if (paragraphs[i].Cell is not { } first)
            {
                i++;
                continue;
            }

            var before = i > 0 ? i - 1 : (int?)null;
            var rows = new SortedDictionary<int, SortedDictionary<int, TableCellText>>();
            while (i < paragraphs.Count && paragraphs[i].Cell is { } cell && cell.Table == first.Table)
            {
                var row = rows.TryGetValue(cell.Row, out var r) ? r : rows[cell.Row] = [];
                row.TryAdd(cell.Column, new TableCellText(i, 0, normalized[i].Length));
                i++;
            }

            yield return new TableRows([.. rows.Values.Select(r => (IReadOnlyList<TableCellText>)[.. r.Values])], before);
        }
    }

    /// <summary>Rows pasted as lines with cells separated by |: runs of consecutive lines holding at least two |.</summary>
    public static IEnumerable<TableRows> FromPipeLines(IReadOnlyList<string> normalized)
    {
        var i = 0;
        while (i < normalized.Count)
        {
            if (normalized[i].Count(c => c == '|') < 2)
            {
                i++;
                continue;
            }

            var before = i > 0 ? i - 1 : (int?)null;
            var rows = new List<IReadOnlyList<TableCellText>>();
            while (i < normalized.Count && normalized[i].Count(c => c == '|') >= 2)
            {
                var cells = new List<TableCellText>();
                var start = 0;
                var line = normalized[i];
                for (var k = 0; k <= line.Length; k++)
                {
                    if (k == line.Length || line[k] == '|')
                    {
                        cells.Add(new TableCellText(i, start, k - start));
                        start = k + 1;
                    }
                }

                rows.Add(cells);
                i++;
            }

            yield return new TableRows(rows, before);
        }
    }
}

/// <summary>One cell: a range of a paragraph's normalised text.</summary>
internal readonly record struct TableCellText(int Paragraph, int Start, int Length)
{
    public string Text(IReadOnlyList<string> normalized) => normalized[Paragraph].Substring(Start, Length);
}
