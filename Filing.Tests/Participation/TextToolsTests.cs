using Filing.Core.Participation;

namespace Filing.Tests.Participation;

public class TextFingerprintTests
{
    [Theory]
    [InlineData("不同意第三条。", " 不同意第三条 ! ")]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("建议删除“五个工作日”", "建议删除'五个工作日'")]
    [InlineData("第一行\n第二行", "第一行 第二行")]
    public void Matches_GivenSameTextDifferentlyWritten(string a, string b) => TextFingerprint.Of(a).Should().Be(TextFingerprint.Of(b));

    [Theory]
    [InlineData("同意第三条", "不同意第三条")]
    [InlineData("第三条", "第四条")]
    public void Differs_GivenDifferentWords(string a, string b) => TextFingerprint.Of(a).Should().NotBe(TextFingerprint.Of(b));
}

public class PersonalDataRedactorTests
{
    private const string ValidId = "11010519491231002X";

    [Theory]
    [InlineData("联系电话13912345678，谢谢", "联系电话〔已隐去〕，谢谢")]
    [InlineData("电话 139 1234 5678", "电话 〔已隐去〕")]
    [InlineData("手机+86-139-1234-5678", "手机〔已隐去〕")]
    [InlineData("邮箱 someone.name@example.org 联系", "邮箱 〔已隐去〕 联系")]
    [InlineData("座机0571-12345678", "座机〔已隐去〕")]
    [InlineData("（0571）1234567", "〔已隐去〕")]
    [InlineData("身份证11010519491231002X", "身份证〔已隐去〕")]
    public void Masks_GivenContactDetailsOrIdNumber(string text, string expected) => PersonalDataRedactor.Redact(text).Should().Be(expected);

    [Theory]
    [InlineData("第三条规定的5个工作日应改为3个工作日")]
    [InlineData("桐政发〔2018〕47号第二十条")]
    [InlineData("投资额不低于20000000元")]
    [InlineData("编号123456789012345678不是身份证")] // 18 digits, wrong check character
    public void KeepsText_GivenNoPersonalData(string text)
    {
        PersonalDataRedactor.Redact(text).Should().Be(text);
        PersonalDataRedactor.ContainsPersonalData(text).Should().BeFalse();
    }

    [Fact]
    public void ValidatesIdNumbers_GivenCheckCharacter()
    {
        ChineseIdNumber.IsValid(ValidId).Should().BeTrue();
        ChineseIdNumber.IsValid(ValidId.ToLowerInvariant()).Should().BeTrue();
        ChineseIdNumber.IsValid("110105194912310021").Should().BeFalse("the check character is X");
        ChineseIdNumber.IsValid("110105194913310020").Should().BeFalse("month 13");
        ChineseIdNumber.CheckCharacter("11010519491231002").Should().Be('X');
    }
}

public class StructurePathTests
{
    [Theory]
    [InlineData("第3条", "第三条")]
    [InlineData(" 第 十二 条 ", "第十二条")]
    [InlineData("第３条第２款", "第三条第二款")]
    [InlineData("第三条第二款第一项", "第三条第二款第（一）项")]
    [InlineData("第3条第(2)项", "第三条第（二）项")]
    [InlineData("第三条第（一）项第二目", "第三条第（一）项第2目")]
    [InlineData("二(三)", "二、（三）")]
    [InlineData("二、(三)", "二、（三）")]
    [InlineData("二", "二、")]
    [InlineData("第一章", "第一章")]
    public void Normalises_GivenHowPeopleWritePaths(string typed, string expected) => StructurePath.Normalise(typed).Should().Be(expected);
}

public class TrackingCodeTests
{
    [Fact]
    public void MakesReadableCodes_GivenYear()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => TrackingCode.New(2024)).ToList();

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().AllSatisfy(c => c.Should().MatchRegex("^2024-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"));
    }

    [Theory]
    [InlineData("2024-7K3M-9QX2", "2024-7K3M-9QX2")]
    [InlineData("2024 7k3m 9qx2", "2024-7K3M-9QX2")]
    [InlineData("20247K3M9QX2", "2024-7K3M-9QX2")]
    [InlineData("2024-7K3M-OQX2", "2024-7K3M-0QX2")]
    [InlineData("2024-7KIM-9QXL", "2024-7K1M-9QX1")]
    public void Normalises_GivenTypedVariants(string typed, string expected) => TrackingCode.Normalise(typed).Should().Be(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024-7K3M")]
    [InlineData("ABCD-7K3M-9QX2")]
    [InlineData("2024-7K3M-9QU2")]
    [InlineData("../../etc/passwd")]
    public void Refuses_GivenNoCode(string? typed) => TrackingCode.Normalise(typed).Should().BeNull();
}

public class ObjectionSecretTests
{
    [Fact]
    public void MatchesOnlyItsOwnHash_GivenSecrets()
    {
        var secret = ObjectionSecret.New();
        var hash = ObjectionSecret.Hash(secret);

        secret.Length.Should().BeGreaterThanOrEqualTo(43, "256 bits in base64url");
        hash.Should().NotContain(secret);
        ObjectionSecret.Matches(secret, hash).Should().BeTrue();
        ObjectionSecret.Matches(ObjectionSecret.New(), hash).Should().BeFalse();
        ObjectionSecret.Matches(null, hash).Should().BeFalse();
        ObjectionSecret.Matches("", ObjectionSecret.Hash("")).Should().BeFalse("an empty secret never matches");
        ObjectionSecret.Matches(secret, null).Should().BeFalse("an unknown objection");
        ObjectionSecret.Matches(secret, "not-hex").Should().BeFalse();
    }

    [Fact]
    public void DerivesSameSecret_GivenSameSaltAndKey()
    {
        var salt = ObjectionSecret.NewSalt();

        ObjectionSecret.Derive(salt, "key-1").Should().Be(ObjectionSecret.Derive(salt, "key-1"));
        ObjectionSecret.Derive(salt, "key-1").Should().NotBe(ObjectionSecret.Derive(salt, "key-2"));
        ObjectionSecret.Derive(salt, "key-1").Should().NotBe(ObjectionSecret.Derive(ObjectionSecret.NewSalt(), "key-1"));
    }
}
