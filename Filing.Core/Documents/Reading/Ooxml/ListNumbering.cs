using System.Text;

namespace Filing.Core.Documents.Reading.Ooxml;

/// <summary>
/// The counters of automatic numbering while a story is read in order, and the labels they produce.
/// </summary>
/// <remarks>
/// Word keeps one set of counters per abstract definition: list instances (<c>w:num</c>) that share an
/// <c>w:abstractNum</c> continue each other's numbering, and an instance with <c>w:startOverride</c> restarts the
/// overridden levels the first time it is used. A level restarts after any paragraph at a higher level unless its
/// <c>w:lvlRestart</c> says otherwise (0 = never, which is how 第X条 keeps counting across 第X章). LibreOffice 7.4
/// renders the same sequences, except that it ignores lvlRestart 0 and isLgl.
/// </remarks>
internal sealed class ListNumbering(NumberingDefinitions definitions, StyleSheet styles)
{
    private readonly Dictionary<int, Counters> _counters = [];
    private readonly Dictionary<(string? Format, int Value), string> _formatted = [];
    private readonly StringBuilder _label = new();
    private readonly HashSet<int> _usedInstances = [];

    /// <summary>Instances referenced by paragraphs but not defined in numbering.xml.</summary>
    public SortedSet<int> MissingInstances { get; } = [];

    /// <summary>
    /// Advances the counter for a paragraph at <paramref name="ilvl"/> of list <paramref name="numId"/> and returns its
    /// label with the suffix that follows it, or null when the paragraph is not numbered.
    /// </summary>
    public NumberingLabel? Next(int numId, int ilvl)
    {
        if (numId <= 0)
        {
            return null;
        }

        if (definitions.GetInstance(numId) is not { } instance)
        {
            MissingInstances.Add(numId);
            return null;
        }

        if (definitions.ResolveAbstract(instance, styles) is not { } abstractNum)
        {
            MissingInstances.Add(numId);
            return null;
        }

        ilvl = Math.Clamp(ilvl, 0, 8);
        if (LevelOf(instance, abstractNum, ilvl) is not { } level)
        {
            return null;
        }

        if (!_counters.TryGetValue(abstractNum.Id, out var counters))
        {
            counters = new Counters();
            _counters[abstractNum.Id] = counters;
        }

        if (_usedInstances.Add(numId))
        {
            foreach (var overridden in instance.StartOverrides.Keys)
            {
                counters.IsSet[overridden] = false;
            }
        }

        counters.Values[ilvl] = counters.IsSet[ilvl] ? counters.Values[ilvl] + 1 : StartOf(instance, abstractNum, ilvl);
        counters.IsSet[ilvl] = true;
        for (var deeper = ilvl + 1; deeper < 9; deeper++)
        {
            var restart = LevelOf(instance, abstractNum, deeper)?.Restart ?? deeper;
            if (restart != 0 && ilvl < restart)
            {
                counters.IsSet[deeper] = false;
            }
        }

        var label = Render(level, instance, abstractNum, counters);
        if (label.Length == 0)
        {
            return new NumberingLabel("", "");
        }

        var suffix = level.Suffix switch
        {
            "space" => " ",
            "nothing" => "",
            _ => "\t",
        };
        return new NumberingLabel(label, suffix);
    }

    /// <summary>The level a paragraph of style <paramref name="styleId"/> takes in list <paramref name="numId"/> (via <c>w:lvl/w:pStyle</c>).</summary>
    public int? LevelOfStyle(int numId, string styleId) =>
        definitions.GetInstance(numId) is { } instance && definitions.ResolveAbstract(instance, styles) is { } abstractNum
            ? abstractNum.LevelOfStyle(styleId)
            : null;

    private static NumberingLevel? LevelOf(NumberingInstance instance, AbstractNumbering abstractNum, int ilvl) =>
        instance.LevelOverrides.GetValueOrDefault(ilvl) ?? abstractNum.Levels[ilvl];

    private static int StartOf(NumberingInstance instance, AbstractNumbering abstractNum, int ilvl) =>
        instance.StartOverrides.TryGetValue(ilvl, out var start) ? start : LevelOf(instance, abstractNum, ilvl)?.Start ?? 0;

    private string Render(NumberingLevel level, NumberingInstance instance, AbstractNumbering abstractNum, Counters counters)
    {
        var text = level.Text;
        if (level.Format == "bullet")
        {
            return Bullet(text);
        }

        if (!text.Contains('%'))
        {
            return text;
        }

        var sb = _label.Clear();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                var referenced = text[i + 1] - '1';
                var value = counters.IsSet[referenced] ? counters.Values[referenced] : StartOf(instance, abstractNum, referenced);
                var definition = LevelOf(instance, abstractNum, referenced);
                var format = level.IsLegal && definition?.Format is not ("none" or "bullet") ? "decimal" : definition?.Format;
                sb.Append(Formatted(value, format, definition?.CustomFormat));
                i++;
                continue;
            }

            sb.Append(text[i]);
        }

        return sb.ToString();
    }

    /// <summary>Numbers rendered so far, by format: the same 第十二条 or （三） comes back in every list.</summary>
    private string Formatted(int value, string? format, string? customFormat)
    {
        if (customFormat is not null)
        {
            return NumberFormatter.Format(value, format, customFormat);
        }

        if (!_formatted.TryGetValue((format, value), out var text))
        {
            text = NumberFormatter.Format(value, format);
            if (_formatted.Count < 4096)
            {
                _formatted[(format, value)] = text;
            }
        }

        return text;
    }

    /// <summary>
    /// Bullets are often symbol-font glyphs in the Private Use Area (Symbol U+F0B7, Wingdings U+F06C …) that mean
    /// nothing as text: show them as the bullet they draw.
    /// </summary>
    private static string Bullet(string text)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\uF0B7' or '\uF09F' => '•',
                '\uF06C' or '\uF0A1' => '●',
                '\uF06E' => '■',
                '\uF0A7' => '▪',
                '\uF071' => '❑',
                '\uF076' => '❖',
                '\uF0D8' => '➢',
                '\uF0FC' => '✓',
                >= '\uF000' and <= '\uF0FF' => '•',
                _ => c,
            });
        }

        return sb.ToString();
    }

    private sealed class Counters
    {
        public int[] Values { get; } = new int[9];

        public bool[] IsSet { get; } = new bool[9];
    }
}

/// <summary>A rendered numbering label and the separator Word puts after it ('\t', ' ' or nothing).</summary>
internal readonly record struct NumberingLabel(string Label, string Suffix)
{
    public int Length => Label.Length + Suffix.Length;
}
