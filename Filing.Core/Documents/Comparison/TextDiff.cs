namespace Filing.Core.Documents.Comparison;

/// <summary>What a piece of a character diff does.</summary>
public enum DiffOperation
{
    /// <summary>In both texts.</summary>
    Equal,

    /// <summary>Only in the new text.</summary>
    Insert,

    /// <summary>Only in the old text.</summary>
    Delete,
}

/// <summary>A run of characters of a diff.</summary>
/// <param name="Operation">Equal, insert or delete.</param>
/// <param name="Text">The characters.</param>
public sealed record DiffSegment(DiffOperation Operation, string Text);

/// <summary>
/// Character-level diff (Myers' O(ND) algorithm) of two provision texts, the unit that suits Chinese, where words
/// are not separated. Single unchanged characters caught between changes are folded into the change so that a
/// rewritten clause reads as one replacement rather than a comb of one-character edits.
/// </summary>
public static class TextDiff
{
    /// <summary>Beyond this many edits the texts are treated as replaced wholesale (bounded time and memory).</summary>
    public const int MaxEdits = 1000;

    /// <summary>The segments turning <paramref name="oldText"/> into <paramref name="newText"/>, in order.</summary>
    public static IReadOnlyList<DiffSegment> Diff(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);

        // Common prefix and suffix are cheap and keep the edit search small.
        var prefix = CommonPrefix(oldText, newText);
        var suffix = CommonSuffix(oldText, newText, prefix);
        var a = oldText[prefix..(oldText.Length - suffix)];
        var b = newText[prefix..(newText.Length - suffix)];

        var segments = new List<DiffSegment>();
        Add(segments, DiffOperation.Equal, oldText[..prefix]);
        foreach (var segment in Middle(a, b))
        {
            Add(segments, segment.Operation, segment.Text);
        }

        Add(segments, DiffOperation.Equal, oldText[(oldText.Length - suffix)..]);
        return Cleanup(segments);
    }

    private static List<DiffSegment> Middle(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return [new(DiffOperation.Delete, a), new(DiffOperation.Insert, b)];
        }

        var trace = Forward(a, b);
        return trace is null ? [new(DiffOperation.Delete, a), new(DiffOperation.Insert, b)] : Backtrack(a, b, trace);
    }

    /// <summary>Myers' forward pass; keeps each round's furthest points (only the live diagonals) for the backtrack.</summary>
    private static List<int[]>? Forward(string a, string b)
    {
        int n = a.Length, m = b.Length;
        var max = Math.Min(n + m, MaxEdits);
        var v = new int[(2 * max) + 2];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[max + k] = x;
                if (x >= n && y >= m)
                {
                    trace.Add(v[(max - d)..(max + d + 1)]);
                    return trace;
                }
            }

            trace.Add(v[(max - d)..(max + d + 1)]);
        }

        return null;
    }

    private static List<DiffSegment> Backtrack(string a, string b, List<int[]> trace)
    {
        var reversed = new List<DiffSegment>();
        int x = a.Length, y = b.Length;
        for (var d = trace.Count - 1; d > 0; d--)
        {
            var previous = trace[d - 1]; // indexes -(d-1)..(d-1)
            var k = x - y;
            int At(int diagonal) => previous[diagonal + d - 1];
            var down = k == -d || (k != d && At(k - 1) < At(k + 1));
            var prevK = down ? k + 1 : k - 1;
            var prevX = At(prevK);
            var prevY = prevX - prevK;
            var startX = down ? prevX : prevX + 1;
            var startY = startX - k;
            if (x > startX)
            {
                reversed.Add(new DiffSegment(DiffOperation.Equal, a[startX..x]));
            }

            reversed.Add(down
                ? new DiffSegment(DiffOperation.Insert, b[prevY..startY])
                : new DiffSegment(DiffOperation.Delete, a[prevX..startX]));
            x = prevX;
            y = prevY;
        }

        if (x > 0)
        {
            reversed.Add(new DiffSegment(DiffOperation.Equal, a[..x]));
        }

        reversed.Reverse();
        var merged = new List<DiffSegment>();
        foreach (var segment in reversed)
        {
            Add(merged, segment.Operation, segment.Text);
        }

        return merged;
    }

    /// <summary>Folds one-character equal runs between changes into the change, then regroups deletes before inserts.</summary>
    private static List<DiffSegment> Cleanup(List<DiffSegment> segments)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var i = 1; i < segments.Count - 1; i++)
            {
                if (segments[i].Operation == DiffOperation.Equal && segments[i].Text.Length == 1
                    && segments[i - 1].Operation != DiffOperation.Equal && segments[i + 1].Operation != DiffOperation.Equal)
                {
                    var text = segments[i].Text;
                    segments[i] = new DiffSegment(DiffOperation.Delete, text);
                    segments.Insert(i + 1, new DiffSegment(DiffOperation.Insert, text));
                    changed = true;
                    break;
                }
            }

            if (changed)
            {
                segments = Regroup(segments);
            }
        }

        return segments;
    }

    /// <summary>Within each run of changes, all deleted text then all inserted text.</summary>
    private static List<DiffSegment> Regroup(List<DiffSegment> segments)
    {
        var result = new List<DiffSegment>();
        var deleted = new System.Text.StringBuilder();
        var inserted = new System.Text.StringBuilder();
        void Flush()
        {
            Add(result, DiffOperation.Delete, deleted.ToString());
            Add(result, DiffOperation.Insert, inserted.ToString());
            deleted.Clear();
            inserted.Clear();
        }

        foreach (var segment in segments)
        {
            switch (segment.Operation)
            {
                case DiffOperation.Delete:
                    deleted.Append(segment.Text);
                    break;
                case DiffOperation.Insert:
                    inserted.Append(segment.Text);
                    break;
                default:
                    Flush();
                    Add(result, DiffOperation.Equal, segment.Text);
                    break;
            }
        }

        Flush();
        return result;
    }

    private static void Add(List<DiffSegment> segments, DiffOperation operation, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Operation == operation)
        {
            segments[^1] = new DiffSegment(operation, segments[^1].Text + text);
            return;
        }

        segments.Add(new DiffSegment(operation, text));
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    private static int CommonSuffix(string a, string b, int prefix)
    {
        var n = Math.Min(a.Length, b.Length) - prefix;
        var i = 0;
        while (i < n && a[a.Length - 1 - i] == b[b.Length - 1 - i])
        {
            i++;
        }

        return i;
    }
}
