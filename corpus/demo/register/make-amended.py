#!/usr/bin/env python3
"""Writes qingxi-2024-8.fodt: the 2024 revision of 青溪县行政执法公示规定 (corpus/samples/src/auto-numbering.fodt),
used by the demo register to show an amendment and its article-level diff. Then convert it with LibreOffice:

    python3 corpus/demo/register/make-amended.py
    soffice -env:UserInstallation=file:///tmp/lo-demo --headless --convert-to docx:"MS Word 2007 XML" \
        --outdir corpus/demo/register corpus/demo/register/qingxi-2024-8.fodt

Every change is a plain text substitution on the 2020 source, so the two files differ only where the diff should.
"""
from pathlib import Path

here = Path(__file__).resolve().parent
source = here.parent.parent / "samples" / "src" / "auto-numbering.fodt"
text = source.read_text(encoding="utf-8")

article = '<text:list-item><text:p text:style-name="GwArticle">{}</text:p></text:list-item>'
changes = [
    ("青政发〔2020〕21号", "青政发〔2024〕8号"),
    # 第三条: 门户网站 → 门户网站和浙江政务服务网
    ("应当在县政府门户网站公示下列信息", "应当在县政府门户网站和浙江政务服务网公示下列信息"),
    # 第四条: 二十个工作日 → 十个工作日
    ("自变化之日起二十个工作日内更新", "自变化之日起十个工作日内更新"),
    # 第五条: 七个工作日 → 五个工作日
    ("自作出行政执法决定之日起七个工作日内公示", "自作出行政执法决定之日起五个工作日内公示"),
    # new article after 第七条 (撤下原公示信息): everything after it is renumbered
    (article.format("公示的行政执法决定被依法撤销、确认违法或者要求重新作出的，行政执法机关应当在三个工作日内撤下原公示信息。"),
     article.format("公示的行政执法决定被依法撤销、确认违法或者要求重新作出的，行政执法机关应当在三个工作日内撤下原公示信息。")
     + article.format("行政执法决定信息的公示期限为五年，法律、法规另有规定的除外。")),
    # the signature date first: the new last article names the 2020 date
    ("2020年5月8日", "2024年6月14日"),
    ("本规定自2020年6月1日起施行。", "本规定自2024年7月1日起施行。2020年5月8日印发的《青溪县行政执法公示规定》（青政发〔2020〕21号）同时废止。"),
]
for old, new in changes:
    if text.count(old) < 1:
        raise SystemExit(f"not found in {source.name}: {old}")
    text = text.replace(old, new)

(here / "qingxi-2024-8.fodt").write_text(text, encoding="utf-8")
print("wrote", here / "qingxi-2024-8.fodt")
