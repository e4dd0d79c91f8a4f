using Filing.Core.Text;

namespace Filing.Tests.Text;

public class JiebaTokenizerTests
{
    [Fact]
    public void TokensAreContiguousAndCoverTheText()
    {
        const string text = "本县政府投资项目必须使用本地企业生产的建材,对违反本办法的处以罚款。";

        var tokens = JiebaTokenizer.Shared.Tokenize(text);

        string.Concat(tokens.Select(t => t.Word)).Should().Be(text);
        for (var i = 1; i < tokens.Count; i++)
        {
            tokens[i].Start.Should().Be(tokens[i - 1].End);
        }
    }

    [Theory]
    [InlineData("开展公平竞争审查工作", "公平竞争审查")]
    [InlineData("排斥外地经营者参加投标", "外地经营者")]
    [InlineData("出嫁女享有平等权益", "出嫁女")]
    [InlineData("不得设定行政许可", "行政许可")]
    public void KeepsLegalTermsWhole_GivenUserDictionary(string text, string term)
    {
        JiebaTokenizer.Shared.Tokenize(text).Select(t => t.Word).Should().Contain(term);
    }

    [Fact]
    public void Initialize_RefusesAnotherDictionary_GivenProcessWideSegmenter()
    {
        _ = JiebaTokenizer.Shared;
        var copy = Directory.CreateTempSubdirectory("jieba-");
        try
        {
            foreach (var file in Directory.GetFiles(JiebaTokenizer.Shared.ResourceDirectory))
            {
                File.Copy(file, Path.Combine(copy.FullName, Path.GetFileName(file)));
            }

            var act = () => JiebaTokenizer.Initialize(copy.FullName, []);

            act.Should().Throw<InvalidOperationException>().WithMessage("*one dictionary per process*");
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public void Initialize_NamesTheMissingFile_GivenFolderWithoutDictionaries()
    {
        var empty = Directory.CreateTempSubdirectory("jieba-empty-");
        try
        {
            var act = () => JiebaTokenizer.Initialize(empty.FullName, []);

            act.Should().Throw<FileNotFoundException>().WithMessage("*dict.txt*");
        }
        finally
        {
            empty.Delete();
        }
    }
}
