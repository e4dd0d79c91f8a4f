using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;
using Filing.Core.Documents;

namespace Filing.Core.Review.Annotation;

/// <summary>
/// The accepted text of one <c>w:p</c> as a list of character-bearing elements, and the surgery that puts a comment
/// range around some of its characters: split the runs at both ends, insert <c>w:commentRangeStart</c>/<c>End</c>
/// and a <c>w:commentReference</c> run.
/// </summary>
internal sealed class ParagraphAnchor(Paragraph paragraph)
{
    private List<Segment> _segments = [];

    public bool LastWasExact { get; private set; }

    /// <summary>Anchors the finding on its exact characters; false when they cannot be found in the runs.</summary>
    public bool TryMark(DocParagraph dp, Finding finding, string id)
    {
        Collect();
        var text = string.Concat(_segments.Select(s => s.Text));
        var prefix = dp.GeneratedPrefixLength;
        var start = Math.Max(0, finding.Location.Start - prefix);
        var end = Math.Max(start, finding.Location.Start + finding.Location.Length - prefix);
        var expected = dp.Text.Length >= prefix ? dp.Text[prefix..] : "";

        if (text != expected)
        {
            // The reader saw something this walk does not replay: look for the flagged characters themselves.
            var wanted = end <= expected.Length ? expected[start..end] : "";
            var at = wanted.Length == 0 ? -1 : Nearest(text, wanted, start);
            if (at < 0)
            {
                LastWasExact = false;
                return false;
            }

            (start, end) = (at, at + wanted.Length);
        }

        if (end > text.Length)
        {
            LastWasExact = false;
            return false;
        }

        var (before, after) = Boundaries(start, end);
        InsertRange(before, after, id);
        LastWasExact = true;
        return true;
    }

    /// <summary>Anchors a comment on the whole paragraph.</summary>
    public void MarkWhole(string id)
    {
        var first = paragraph.ChildElements.FirstOrDefault(e => e is not ParagraphProperties);
        var rangeStart = new CommentRangeStart { Id = id };
        if (first is null)
        {
            paragraph.Append(rangeStart);
        }
        else
        {
            first.InsertBeforeSelf(rangeStart);
        }

        paragraph.Append(new CommentRangeEnd { Id = id });
        paragraph.Append(ReferenceRun(id));
    }

    private static int Nearest(string text, string wanted, int near)
    {
        var best = -1;
        for (var at = text.IndexOf(wanted, StringComparison.Ordinal); at >= 0; at = text.IndexOf(wanted, at + 1, StringComparison.Ordinal))
        {
            if (best < 0 || Math.Abs(at - near) < Math.Abs(best - near))
            {
                best = at;
            }
        }

        return best;
    }

    /// <summary>
    /// Splits runs so that the range starts and ends on run boundaries; returns the element the start marker goes
    /// before (null: at the paragraph's end) and the element the end marker goes after (null: at the start).
    /// </summary>
    private (OpenXmlElement? Before, OpenXmlElement? After) Boundaries(int start, int end)
    {
        Split(start);
        Split(end);
        Collect();

        OpenXmlElement? before = null;
        OpenXmlElement? after = null;
        foreach (var s in _segments)
        {
            if (before is null && s.Start >= start && (s.Length > 0 || start == end))
            {
                before = s.Run;
            }

            if (s.Start + s.Length <= end && s.Length > 0 && s.Start >= start)
            {
                after = s.Run;
            }
        }

        return (before, after);
    }

    private void InsertRange(OpenXmlElement? before, OpenXmlElement? after, string id)
    {
        var rangeStart = new CommentRangeStart { Id = id };
        var rangeEnd = new CommentRangeEnd { Id = id };
        if (before is null)
        {
            paragraph.Append(rangeStart);
        }
        else
        {
            before.InsertBeforeSelf(rangeStart);
        }

        if (after is null)
        {
            rangeStart.InsertAfterSelf(rangeEnd);
        }
        else
        {
            after.InsertAfterSelf(rangeEnd);
        }

        // The reference run goes at paragraph level, outside any insertion or hyperlink the end marker sits in,
        // so that it is not itself shown as tracked or linked text.
        OpenXmlElement host = rangeEnd;
        while (host.Parent is { } parent && parent != paragraph)
        {
            host = parent;
        }

        host.InsertAfterSelf(ReferenceRun(id));
    }

    private static Run ReferenceRun(string id) => new(new CommentReference { Id = id });

    /// <summary>Makes <paramref name="offset"/> a run boundary by cutting the run (and its w:t) that spans it.</summary>
    private void Split(int offset)
    {
        Collect();
        foreach (var s in _segments)
        {
            if (s.Start < offset && offset < s.Start + s.Length && s.Element is WText t)
            {
                var cut = offset - s.Start;
                var value = t.Text;
                var tail = new WText(value[cut..]) { Space = SpaceProcessingModeValues.Preserve };
                t.Text = value[..cut];
                t.Space = SpaceProcessingModeValues.Preserve;

                var run = s.Run;
                var second = new Run();
                if (run.RunProperties is { } props)
                {
                    second.Append(props.CloneNode(true));
                }

                second.Append(tail);
                foreach (var sibling in t.ElementsAfter().ToList())
                {
                    sibling.Remove();
                    second.Append(sibling);
                }

                run.InsertAfterSelf(second);
                return;
            }

            if (s.Start < offset && offset < s.Start + s.Length)
            {
                return; // a one-character element cannot be cut; Boundaries widens to it
            }
        }
    }

    private void Collect()
    {
        _segments = [];
        var position = 0;
        Walk(paragraph, ref position);
    }

    private void Walk(OpenXmlElement element, ref int position)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case ParagraphProperties or DeletedRun or MoveFromRun or AlternateContent or AlternateContentFallback
                    or Paragraph or SdtProperties or SdtEndCharProperties:
                    continue;
                case Run run:
                    WalkRun(run, ref position);
                    continue;
                case Ruby ruby:
                    if (ruby.GetFirstChild<RubyBase>() is { } rubyBase)
                    {
                        Walk(rubyBase, ref position);
                    }

                    continue;
                default:
                    Walk(child, ref position);
                    continue;
            }
        }
    }

    private void WalkRun(Run run, ref int position)
    {
        if (run.RunProperties?.Vanish is { } vanish && (vanish.Val is null || vanish.Val.Value))
        {
            return;
        }

        foreach (var child in run.ChildElements)
        {
            string? text = child switch
            {
                WText t => t.Text,
                TabChar or PositionalTab => "\t",
                Break br when br.Type is null || (br.Type.Value != BreakValues.Page && br.Type.Value != BreakValues.Column) => "\n",
                CarriageReturn => "\n",
                NoBreakHyphen => "-",
                _ => null,
            };
            if (text is null)
            {
                continue;
            }

            _segments.Add(new Segment(run, child, position, text.Length, text));
            position += text.Length;
        }
    }

    private sealed record Segment(Run Run, OpenXmlElement Element, int Start, int Length, string Text);
}
