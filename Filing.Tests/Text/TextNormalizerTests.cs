using Filing.Core.Text;

namespace Filing.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("第一条（一）限定，购买；使用：", "第一条(一)限定,购买;使用:")]
    [InlineData("全\u3000角空格", "全 角空格")]
    [InlineData("。、“”《》〔〕", "。、“”《》〔〕")]
    public void FoldsFullWidthAscii_KeepingLength(string input, string expected)
    {
        var normalized = TextNormalizer.Normalize(input);

        normalized.Should().Be(expected);
        normalized.Length.Should().Be(input.Length);
    }

    [Fact]
    public void ReturnsSameInstance_GivenNothingToFold()
    {
        const string text = "本县政府投资项目必须使用本地企业生产的建材。";

        TextNormalizer.Normalize(text).Should().BeSameAs(text);
    }
}
