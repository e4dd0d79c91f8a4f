using System.Text.RegularExpressions;

namespace Filing.Core.Review.Rules;

/// <summary>
/// 公平竞争审查条例 art 12: a measure that restricts competition may still be issued for one of the listed grounds
/// when a reasonable 实施期限 or 终止条件 is set. When the document states a ground <em>and</em> a time limit,
/// fair-competition findings are downgraded one level and carry <see cref="Note"/> instead of being dropped.
/// </summary>
public sealed class Art12Exceptions
{
    internal Art12Exceptions(IReadOnlyList<(string Label, string Item, Regex Pattern)> grounds, IReadOnlyList<Regex> timeLimits, string note)
    {
        Grounds = grounds;
        TimeLimits = timeLimits;
        Note = note;
    }

    internal IReadOnlyList<(string Label, string Item, Regex Pattern)> Grounds { get; }

    internal IReadOnlyList<Regex> TimeLimits { get; }

    /// <summary>Note template; {ground} and {limit} are filled in.</summary>
    public string Note { get; }

    /// <summary>No exception handling (a rule set without an <c>art12</c> section).</summary>
    public static Art12Exceptions None { get; } = new([], [], "");

    /// <summary>The stated ground and time limit in normalised <paramref name="text"/>, or null when either is missing.</summary>
    public (string Ground, string Item, string Limit)? Find(string text)
    {
        foreach (var (label, item, pattern) in Grounds)
        {
            var ground = pattern.Match(text);
            if (!ground.Success)
            {
                continue;
            }

            foreach (var limit in TimeLimits)
            {
                var m = limit.Match(text);
                if (m.Success)
                {
                    return (label + "（" + ground.Value + "）", item, m.Value);
                }
            }
        }

        return null;
    }
}
