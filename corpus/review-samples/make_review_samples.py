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


def main() -> None:
    force = "--force" in sys.argv
    profile = os.environ.get("LO_PROFILE", "/tmp/lo-review-samples")
    todo = []
    for d in (problems(),):
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
