#!/usr/bin/env python3
"""Writes the flat ODF sources of the review-engine Word samples and converts them with LibreOffice.

    python3 corpus/review-samples/make_review_samples.py           # convert when a source changed
    python3 corpus/review-samples/make_review_samples.py --force   # convert everything again

The drafts are written for Filing (青溪县 is a made-up county) and hold problem clauses in the places that make
annotating a Word file hard: automatic 第X条 numbering, runs split mid-word, tracked insertions and deletions inside a
flagged clause, table cells, a text box and an existing comment. The builder is the sample corpus's own
(corpus/samples/src/fodt.py); LibreOffice writes the .docx, as a drafting department's office suite would.
"""

from __future__ import annotations

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "samples", "src"))

from fodt import Cell, Doc, annotation, annotation_end, deleted_here, esc, ins, span  # noqa: E402

RECIPIENTS = "各乡镇人民政府、街道办事处，县政府各部门、各直属单位："

ARTICLE_NUMBERING = (
    '<text:list-style style:name="RvArticles" style:display-name="条款编号">'
    '<text:list-level-style-number text:level="1" text:style-name="GwNumZh" style:num-prefix="第" '
    'style:num-suffix="条" style:num-format="一, 二, 三, ..."><style:list-level-properties '
    'text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment '
    'text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="0cm"/></style:list-level-properties>'
    "</text:list-level-style-number></text:list-style>"
)

TITLE = "青溪县人民政府关于印发青溪县促进民营经济高质量发展若干措施的通知"


def problems() -> Doc:
    d = Doc("review-problems", TITLE, created="2024-03-01T09:00:00")
    d.extra_styles.append(ARTICLE_NUMBERING)
    d.extra_styles.append('<style:style style:name="RvArticle" style:display-name="条文" style:family="paragraph" '
                          'style:parent-style-name="GwBody" style:list-style-name="RvArticles">'
                          '<style:paragraph-properties fo:text-indent="32pt"/></style:style>')
    for n, t in {"RvA": 'fo:font-weight="bold" style:font-weight-asian="bold"',
                 "RvB": 'fo:font-style="italic" style:font-style-asian="italic"',
                 "RvC": 'fo:color="#1f3864"'}.items():
        d.auto.append(f'<style:style style:name="{n}" style:family="text"><style:text-properties {t}/></style:style>')
    author, when = "县司法局 李明", "2024-03-02T10:00:00"
    d.insertion("c1", author, when)
    d.deletion("c2", author, when, "<text:p>本市</text:p>")

    d.head("青溪县人民政府文件", "青政发[2024]5号", TITLE, RECIPIENTS)
    d.para("现将《青溪县促进民营经济高质量发展若干措施》印发给你们，请认真贯彻执行。")
    d.signature("青溪县人民政府", "2024年3月1日")
    d.p("GwTitle", "青溪县促进民营经济高质量发展若干措施", brk=True)

    articles = [
        # plain text, flagged (FC-0901)
        [esc("本县政府投资项目必须使用本地企业生产的建材。")],
        # split runs inside the flagged words (FC-0902)
        [span("RvA", "外地施工企业承接本县"), span("RvB", "工程的，须在本县设"), span("RvC", "立分公司。")],
        # a tracked insertion and deletion inside the flagged clause (FC-1002)
        ["对年纳税额超过500万元的企业，按其", ins("c1", "地方"), "财政贡献的50%给予奖励", deleted_here("c2"), "。"],
        # an existing comment in the same paragraph as a finding (GE-4301)
        ["招聘岗位：综合执法辅助人员5名，",
         annotation("批注1", "县人社局 王芳", "2024-03-02T09:00:00", "请核对岗位数量。"),
         "限男性", annotation_end("批注1"), "，年龄35周岁以下。"],
        # a quoted prohibition: nothing to flag
        [esc("政策措施不得含有“限定或者变相限定单位或者个人经营、购买、使用其指定的经营者提供的商品”等内容。")],
        # legality, with a repealed law (LG-0201, LG-0901)
        [esc("对违反本措施乱倒建筑垃圾的，由县综合执法局处以500元以上2000元以下罚款；"
             "合同纠纷依照《中华人民共和国合同法》处理。")],
    ]
    items = "".join(f'<text:list-item><text:p text:style-name="RvArticle">{"".join(str(x) for x in a)}</text:p>'
                    f"</text:list-item>" for a in articles)
    d.raw(f'<text:list text:style-name="RvArticles">{items}</text:list>')

    d.para("各项扶持政策对照下表执行：")
    d.table([3.0, 11.0], [
        ["事项", "要求"],
        ["公务接待", "公务接待用酒统一使用本县生产的白酒。"],
        [Cell("入驻条件"), Cell("入驻园区的企业须承诺十年内不迁出本县。")],
    ], header_rows=1)
    d.text_box(["提示：投标人具有本县业绩的，每项加2分。"], 12.0, 2.0)
    d.para("本措施自2024年4月1日起施行，有效期三年。")
    return d


QUOTES_TITLE = "青溪县人民政府办公室关于做好2024年事业单位公开招聘和规范涉企执法工作的通知"


def quotations() -> Doc:
    """Statute quotations (verified, invented, followed by the draft's own measure) and a recruitment table."""
    d = Doc("review-quotations", QUOTES_TITLE, created="2024-05-06T09:00:00")
    d.head("青溪县人民政府办公室文件", "青政办发〔2024〕9号", QUOTES_TITLE, RECIPIENTS)
    # 0: a verified quotation of 行政处罚法第九条: info only
    d.para("《中华人民共和国行政处罚法》第九条规定，行政处罚的种类包括“（二）罚款、没收违法所得、没收非法财物；"
           "（三）暂扣许可证件、降低资质等级、吊销许可证件；”，各部门应当严格依法适用。")
    # 1: the quotation followed by the draft's own penalty: error outside the marks
    d.para("根据《中华人民共和国行政处罚法》第九条规定，行政处罚的种类包括“罚款、没收违法所得、没收非法财物”，"
           "对占道经营的，由街道办事处处以300元罚款。")
    # 2: an invented "quotation": not in the statute, stays an error
    d.para("根据《中华人民共和国行政处罚法》规定：“对违反本通知的经营户，由县市场监管局处以五千元罚款。”")
    # 3: a quotation of 反垄断法第三十九条 in 「」: nothing to flag
    d.para("《中华人民共和国反垄断法》第三十九条规定：「行政机关和法律、法规授权的具有管理公共事务职能的组织不得滥用行政权力，"
           "限定或者变相限定单位或者个人经营、购买、使用其指定的经营者提供的商品。」")
    d.para("2024年公开招聘岗位如下：")
    d.table([2.0, 4.5, 2.0, 2.5, 3.5], [
        ["序号", "岗位名称", "人数", "性别", "学历"],
        ["1", "水利工程管理员", "1", "男", "本科及以上"],
        ["2", "财务会计", "1", "不限", "本科及以上"],
        ["3", "矿山井下安全监管员", "1", "男", "大专及以上"],
    ], header_rows=1)
    d.signature("青溪县人民政府办公室", "2024年5月6日")
    return d


def main() -> None:
    force = "--force" in sys.argv
    profile = os.environ.get("LO_PROFILE", "/tmp/lo-review-samples")
    todo = []
    for d in (problems(), quotations()):
        src = os.path.join(HERE, f"{d.name}.fodt")
        xml = d.xml()
        old = open(src, encoding="utf-8").read() if os.path.exists(src) else None
        if old != xml:
            with open(src, "w", encoding="utf-8") as f:
                f.write(xml)
        out = os.path.join(HERE, f"{d.name}.docx")
        if force or old != xml or not os.path.exists(out):
            todo.append(src)
    if todo:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", HERE, *todo],
                       check=True, stdout=subprocess.DEVNULL)
    print(f"{len(todo)} converted")


if __name__ == "__main__":
    main()
