using Filing.Core.Documents.Reading.Ooxml;

namespace Filing.Tests.Documents.Reading;

public class NumberFormatterTests
{
    [Theory]
    [InlineData("decimal", 7, "7")]
    [InlineData("decimal", 120, "120")]
    [InlineData("decimalZero", 3, "03")]
    [InlineData("decimalZero", 12, "12")]
    [InlineData("decimalFullWidth", 12, "１２")]
    [InlineData("decimalEnclosedCircle", 1, "①")]
    [InlineData("decimalEnclosedCircle", 20, "⑳")]
    [InlineData("decimalEnclosedCircle", 21, "㉑")]
    [InlineData("decimalEnclosedCircle", 50, "㊿")]
    [InlineData("decimalEnclosedCircle", 51, "51")]
    [InlineData("decimalEnclosedCircleChinese", 3, "③")]
    [InlineData("upperLetter", 1, "A")]
    [InlineData("upperLetter", 26, "Z")]
    [InlineData("upperLetter", 27, "AA")]
    [InlineData("upperLetter", 28, "BB")]
    [InlineData("lowerLetter", 53, "aaa")]
    [InlineData("upperRoman", 4, "IV")]
    [InlineData("upperRoman", 2024, "MMXXIV")]
    [InlineData("lowerRoman", 9, "ix")]
    [InlineData("none", 5, "")]
    [InlineData("bullet", 5, "")]
    [InlineData("ordinal", 22, "22nd")]
    [InlineData("hebrew1", 5, "5")]
    public void Renders_GivenWesternFormat(string format, int value, string expected) =>
        NumberFormatter.Format(value, format).Should().Be(expected);

    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(19, "十九")]
    [InlineData(20, "二十")]
    [InlineData(21, "二十一")]
    [InlineData(99, "九十九")]
    [InlineData(100, "一百")]
    [InlineData(101, "一百零一")]
    [InlineData(110, "一百一十")]
    [InlineData(111, "一百一十一")]
    [InlineData(1000, "一千")]
    [InlineData(1001, "一千零一")]
    [InlineData(1010, "一千零一十")]
    [InlineData(2024, "二千零二十四")]
    [InlineData(10000, "一万")]
    [InlineData(10001, "一万零一")]
    [InlineData(12345, "一万二千三百四十五")]
    [InlineData(100010, "十万零一十")]
    [InlineData(100000000, "一亿")]
    [InlineData(100000001, "一亿零一")]
    [InlineData(123456789, "一亿二千三百四十五万六千七百八十九")]
    public void RendersChineseCounting_GivenValue(int value, string expected)
    {
        NumberFormatter.Format(value, "chineseCountingThousand").Should().Be(expected);
        NumberFormatter.Format(value, "chineseCounting").Should().Be(expected);
    }

    [Theory]
    [InlineData(1, "壹")]
    [InlineData(10, "壹拾")]
    [InlineData(11, "壹拾壹")]
    [InlineData(20, "贰拾")]
    [InlineData(101, "壹佰零壹")]
    [InlineData(2024, "贰仟零贰拾肆")]
    public void RendersChineseLegalSimplified_GivenValue(int value, string expected) =>
        NumberFormatter.Format(value, "chineseLegalSimplified").Should().Be(expected);

    // Word writes 万/亿 for the simplified formats and 萬/億 only for those whose digits are traditional.
    [Theory]
    [InlineData("chineseCounting", 20000, "二万")]
    [InlineData("chineseCountingThousand", 300000000, "三亿")]
    [InlineData("chineseLegalSimplified", 10000, "壹万")]
    [InlineData("chineseLegalSimplified", 200000000, "贰亿")]
    [InlineData("ideographLegalTraditional", 10000, "壹萬")]
    [InlineData("ideographLegalTraditional", 200000000, "貳億")]
    [InlineData("taiwaneseCounting", 300000000, "三億")]
    [InlineData("taiwaneseCountingThousand", 20000, "二萬")]
    public void UsesSimplifiedOrTraditionalMyriads_GivenTheFormatsScript(string format, int value, string expected) =>
        NumberFormatter.Format(value, format).Should().Be(expected);

    [Theory]
    [InlineData("ideographTraditional", 1, "甲")]
    [InlineData("ideographTraditional", 10, "癸")]
    [InlineData("ideographTraditional", 11, "11")]
    [InlineData("ideographZodiac", 1, "子")]
    [InlineData("ideographZodiac", 12, "亥")]
    [InlineData("ideographZodiac", 13, "13")]
    [InlineData("taiwaneseCounting", 12, "十二")]
    [InlineData("taiwaneseCountingThousand", 101, "一百零一")]
    [InlineData("taiwaneseCounting", 10000, "一萬")]
    [InlineData("japaneseCounting", 10, "十")]
    [InlineData("japaneseCounting", 101, "百一")]
    [InlineData("japaneseCounting", 2024, "二千二十四")]
    [InlineData("ideographDigital", 105, "一〇五")]
    public void Renders_GivenEastAsianFormat(string format, int value, string expected) =>
        NumberFormatter.Format(value, format).Should().Be(expected);

    [Theory]
    [InlineData("001, 002, 003, ...", 7, "007")]
    [InlineData("01, 02, 03, ...", 12, "12")]
    [InlineData("一, 二, 三, ...", 7, "7")]
    public void RendersCustomFormat_GivenZeroPadding(string customFormat, int value, string expected) =>
        NumberFormatter.Format(value, "custom", customFormat).Should().Be(expected);
}
