using Filing.Api.Register.Public;

namespace Filing.Tests.Api.Register;

/// <summary>The held bodies' block summaries never change what a phrase test answers.</summary>
public sealed class HeldBodyTests
{
    [Fact]
    public void AnswersAsOrdinalContains_GivenPhrasesAcrossBlockBoundaries()
    {
        // A few characters, so that pairs repeat and summaries fill up; phrases cut from the text at every offset
        // (across block boundaries), altered copies, and phrases longer than a block.
        var random = new Random(20_181_011);
        const string alphabet = "依法给予处分行政许可政府";
        for (var round = 0; round < 40; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 700)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var body = HeldBody.Of(text);
            for (var probe = 0; probe < 60; probe++)
            {
                var start = random.Next(text.Length);
                var length = random.Next(1, probe % 10 == 0 ? HeldBody.Block + 40 : 12);
                var phrase = text.Substring(start, Math.Min(length, text.Length - start));
                if (probe % 3 == 0)
                {
                    var chars = phrase.ToCharArray();
                    chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                    phrase = new string(chars);
                }

                body.Contains(phrase, HeldBody.MaskOf(phrase)).Should().Be(text.Contains(phrase, StringComparison.Ordinal), $"text {text.Length} chars, phrase '{phrase}'");
            }
        }
    }

    [Fact]
    public void FindsPhrase_GivenItStartsInLastCharactersOfBlock()
    {
        var text = new string('甲', HeldBody.Block - 2) + "依法给予处分" + new string('乙', HeldBody.Block);

        HeldBody.Of(text).Contains("依法给予处分", HeldBody.MaskOf("依法给予处分")).Should().BeTrue();
        HeldBody.Of(text).Contains("依法给予警告", HeldBody.MaskOf("依法给予警告")).Should().BeFalse();
    }
}
