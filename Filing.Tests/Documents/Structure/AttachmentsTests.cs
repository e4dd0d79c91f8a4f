using Filing.Core.Documents;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Documents.Structure;

public class AttachmentsTests
{
    [Fact]
    public void MatchesNoteToBodies_GivenNumberedAttachments()
    {
        var d = RawDocs.Analyze(
            "关于某事的通知",
            "各单位：",
            "请遵照执行。",
            "附件：1.某某工作任务分解表",
            "      2.某某工作联系人名单",
            "桐庐县人民政府",
            "2018年8月6日",
            RawDocs.Body("附件1", pageBreakBefore: true),
            "某某工作任务分解表",
            RawDocs.Cell("序号", 0, 0, 0),
            RawDocs.Cell("1", 0, 1, 0),
            RawDocs.Body("附件2", pageBreakBefore: true),
            "某某工作联系人名单",
            "一、县级部门",
            "抄送：县委办。",
            "桐庐县人民政府办公室　2018年8月7日印发");

        d.Attachments.Should().Equal(new Attachment(1, "某某工作任务分解表", 7), new Attachment(2, "某某工作联系人名单", 11));
        d.Paragraphs[3].Role.Should().Be(ParagraphRole.AttachmentNote);
        d.Paragraphs[4].Role.Should().Be(ParagraphRole.AttachmentNote);
        d.Paragraphs.Skip(7).Take(7).Should().OnlyContain(p => p.Role == ParagraphRole.Attachment);
        d.Paragraphs[10].Path.Should().Be("附件1");
        d.Paragraphs[12].Path.Should().Be("附件2");
        d.Paragraphs[13].Should().Match<DocParagraph>(p => p.Path == "附件2一、" && p.Label == "一、" && p.Role == ParagraphRole.Attachment);
        d.Outline.Should().BeEmpty("headings inside attachments are not the document's outline");
        d.CopiedTo.Should().Equal("县委办");
        d.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void ReadsSingleAttachment_GivenNoteWithoutNumber()
    {
        var d = RawDocs.Text("""
            关于某事的通知
            各单位：
            请遵照执行。
            附件：《某某工作方案》
            桐庐县人民政府
            2018年8月6日
            附件
            某某工作方案
            一、目标
            """);

        d.Attachments.Should().Equal(new Attachment(1, "某某工作方案", 6));
        d.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void ReadsItemsFromLineBreaks_GivenNoteInOneParagraph()
    {
        var d = RawDocs.Analyze("关于某事的通知", "各单位：", "请遵照执行。", "附件：1.甲表\n      2.乙表", "桐庐县人民政府", "2018年8月6日");

        d.Attachments.Select(a => (a.Number, a.Title, a.BodyParagraph)).Should().Equal((1, "甲表", (int?)null), (2, "乙表", null));
        d.Warnings.Select(w => w.Code).Should().Equal("attachment-body-missing", "attachment-body-missing");
    }

    [Fact]
    public void WarnsAndKeeps_GivenBodyNotListed()
    {
        var d = RawDocs.Text("""
            关于某事的通知
            各单位：
            请遵照执行。
            桐庐县人民政府
            2018年8月6日
            附件1
            某某名单
            张三
            """);

        d.Attachments.Should().Equal(new Attachment(1, "某某名单", 5));
        d.Warnings.Should().ContainSingle(w => w.Code == "attachment-not-listed");
    }

    [Fact]
    public void ReadsLabelWithTitleOnSameLine_GivenAttachmentAfterSignature()
    {
        var d = RawDocs.Text("""
            关于某事的通知
            各单位：
            请遵照执行。
            附件：某某名单
            桐庐县人民政府
            2018年8月6日
            附件：某某名单
            张三
            """);

        d.Attachments.Should().Equal(new Attachment(1, "某某名单", 6));
        d.Paragraphs[7].Role.Should().Be(ParagraphRole.Attachment);
    }

    [Fact]
    public void ReadsEnclosedDocumentFromAttachment_GivenNoticeListingItAsAttachment()
    {
        var d = RawDocs.Text("""
            桐庐县人民政府关于印发《桐庐县某某管理办法》的通知
            各乡镇人民政府：
            现将《桐庐县某某管理办法》印发给你们，请认真贯彻执行。
            附件：桐庐县某某管理办法
            桐庐县人民政府
            2018年8月6日
            附件
            桐庐县某某管理办法
            第一条　为了规范管理，制定本办法。
            第二条　本办法自印发之日起施行。
            """);

        d.Articles.Select(a => a.Label).Should().Equal("第一条", "第二条");
        d.Attachments.Should().Equal(new Attachment(1, "桐庐县某某管理办法", 6));
        d.Paragraphs[7].Role.Should().Be(ParagraphRole.EnclosedTitle);
        d.Validity.EffectiveDate.Should().Be(new DateOnly(2018, 8, 6));
        d.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void ReadsEnclosedDocumentAndWarns_GivenTitleDifferentFromNotice()
    {
        var d = RawDocs.Text("""
            桐庐县人民政府关于印发《桐庐县某某管理办法》的通知
            各乡镇人民政府：
            现将《桐庐县某某管理办法》印发给你们，请认真贯彻执行。
            桐庐县人民政府
            2018年8月6日
            桐庐县某某监督管理暂行办法
            第一条　为了规范管理，制定本办法。
            第二条　本办法自印发之日起施行。
            """);

        d.Articles.Select(a => a.Label).Should().Equal("第一条", "第二条");
        d.Paragraphs[5].Role.Should().Be(ParagraphRole.EnclosedTitle);
        d.Warnings.Should().ContainSingle().Which.Should().Match<ParseWarning>(w => w.Code == "enclosed-title-mismatch" && w.Path == "paragraphs[5]");
    }
}
