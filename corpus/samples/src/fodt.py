"""A small builder for flat ODF text documents (.fodt) in the GB/T 9704-2012 official-document look.

Used by make_fodt.py. Everything here writes plain ODF 1.3 XML that LibreOffice opens; LibreOffice then writes
the Word files (see ../build.sh). Nothing here writes OOXML.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

NAMESPACES = " ".join(
    f'xmlns:{p}="{u}"'
    for p, u in [
        ("office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
        ("style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
        ("text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
        ("table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"),
        ("draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"),
        ("fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"),
        ("xlink", "http://www.w3.org/1999/xlink"),
        ("dc", "http://purl.org/dc/elements/1.1/"),
        ("meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"),
        ("number", "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"),
        ("svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"),
        ("ooo", "http://openoffice.org/2004/office"),
        ("script", "urn:oasis:names:tc:opendocument:xmlns:script:1.0"),
        ("loext", "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"),
        ("officeooo", "http://openoffice.org/2009/office"),
    ]
)

# Font names as Chinese government templates use them (they need not be installed: the names go into the .docx).
FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
TIMES = "Times New Roman"

FONT_DECLS = "".join(
    f'<style:font-face style:name="{f}" svg:font-family="&apos;{f}&apos;" style:font-family-generic="{g}" style:font-pitch="variable"/>'
    for f, g in [
        (FANGSONG, "modern"),
        (XIAOBIAOSONG, "roman"),
        (HEITI, "swiss"),
        (KAITI, "script"),
        (SONGTI, "roman"),
        (TIMES, "roman"),
    ]
)

BODY_INDENT = "32pt"  # two characters of 3号 (16pt) text
LINE = "28.95pt"  # 22 lines in the 225 mm type area (GB/T 9704 §5.2.2)


def tprops(font: str | None = None, size: str | None = None, bold: bool = False, color: str | None = None,
           latin: str | None = None, extra: str = "") -> str:
    a = []
    if font:
        a += [f'style:font-name="{latin or font}"', f'style:font-name-asian="{font}"']
    if size:
        a += [f'fo:font-size="{size}"', f'style:font-size-asian="{size}"']
    if bold:
        a += ['fo:font-weight="bold"', 'style:font-weight-asian="bold"']
    if color:
        a.append(f'fo:color="{color}"')
    if extra:
        a.append(extra)
    return f'<style:text-properties {" ".join(a)}/>'


def pstyle(name: str, display: str, parent: str | None = "Standard", pprops: str = "", text: str = "",
           next_style: str | None = None, pchildren: str = "") -> str:
    par = f' style:parent-style-name="{parent}"' if parent else ""
    nxt = f' style:next-style-name="{next_style}"' if next_style else ""
    pp = (f"<style:paragraph-properties {pprops}>{pchildren}</style:paragraph-properties>" if pchildren
          else f"<style:paragraph-properties {pprops}/>" if pprops else "")
    return (f'<style:style style:name="{name}" style:display-name="{display}" style:family="paragraph"{par}{nxt}>'
            f"{pp}{text}</style:style>")


def cstyle(name: str, display: str, text: str) -> str:
    return f'<style:style style:name="{name}" style:display-name="{display}" style:family="text">{text}</style:style>'


RULE_RED = 'fo:border-bottom="1.5pt solid #ff0000" fo:padding-bottom="4mm"'

NAMED_STYLES = "".join([
    '<style:default-style style:family="paragraph"><style:paragraph-properties style:writing-mode="lr-tb"/>'
    + tprops(FANGSONG, "16pt", extra='fo:language="zh" fo:country="CN" style:language-asian="zh" '
             'style:country-asian="CN" style:font-name-complex="' + FANGSONG + '"')
    + "</style:default-style>",
    pstyle("Standard", "Standard", None, f'fo:line-height="{LINE}" fo:text-align="justify"',
           tprops(FANGSONG, "16pt")),
    pstyle("GwBody", "公文正文", "Standard", f'fo:text-indent="{BODY_INDENT}"'),
    pstyle("GwIssuer", "发文机关标志", "Standard",
           'fo:text-align="center" fo:line-height="100%" fo:margin-top="10mm" fo:margin-bottom="6mm"',
           tprops(XIAOBIAOSONG, "40pt", bold=True, color="#ff0000",
                  extra='fo:letter-spacing="-0.5pt" style:text-scale="80%"')),
    pstyle("GwDocNo", "发文字号", "Standard", 'fo:text-align="center" fo:margin-bottom="10mm" ' + RULE_RED),
    pstyle("GwTitle", "公文标题", "Standard",
           'fo:text-align="center" fo:line-height="36pt" fo:margin-top="8mm" fo:margin-bottom="8mm"',
           tprops(XIAOBIAOSONG, "22pt")),
    pstyle("GwRecipients", "主送机关", "Standard"),
    pstyle("GwH1", "一级标题", "GwBody", 'fo:keep-with-next="always"', tprops(HEITI, "16pt")),
    pstyle("GwH2", "二级标题", "GwBody", 'fo:keep-with-next="always"', tprops(KAITI, "16pt")),
    pstyle("GwChapter", "章标题", "Standard", 'fo:text-align="center" fo:keep-with-next="always" '
           'fo:margin-top="4mm" fo:margin-bottom="4mm"', tprops(HEITI, "16pt")),
    pstyle("GwSection", "节标题", "Standard", 'fo:text-align="center" fo:keep-with-next="always"',
           tprops(KAITI, "16pt", bold=True)),
    pstyle("GwAttachNote", "附件说明", "GwBody", 'fo:margin-top="' + LINE + '"'),
    pstyle("GwAttachNote2", "附件说明续行", "Standard", 'fo:margin-left="80pt"'),
    pstyle("GwSignature", "发文机关署名", "Standard", 'fo:text-align="end" fo:margin-right="64pt" '
           'fo:margin-top="' + LINE + '"'),
    pstyle("GwDate", "成文日期", "Standard", 'fo:text-align="end" fo:margin-right="64pt"'),
    pstyle("GwRemark", "附注", "GwBody", 'fo:margin-top="' + LINE + '"'),
    pstyle("GwAttachLabel", "附件标识", "Standard", "", tprops(HEITI, "16pt")),
    pstyle("GwAttachTitle", "附件标题", "GwTitle"),
    pstyle("GwImprintCc", "版记抄送", "Standard",
           'fo:margin-left="14pt" fo:margin-right="14pt" fo:text-indent="-14pt" fo:margin-top="40mm" '
           'fo:keep-with-next="always" '
           'fo:border-top="1pt solid #000000" fo:border-bottom="0.5pt solid #000000" fo:padding="1mm" '
           'fo:line-height="100%"', tprops(FANGSONG, "14pt")),
    pstyle("GwImprintPrint", "版记印发", "Standard",
           'fo:margin-left="14pt" fo:margin-right="14pt" fo:border-bottom="1pt solid #000000" fo:padding="1mm" '
           'fo:line-height="100%"', tprops(FANGSONG, "14pt"),
           pchildren='<style:tab-stops><style:tab-stop style:position="14.5cm" style:type="right"/></style:tab-stops>'),
    pstyle("GwTableText", "表格文字", "Standard", 'fo:text-align="center" fo:line-height="100%"',
           tprops(FANGSONG, "12pt")),
    pstyle("GwTableTextLeft", "表格文字左", "GwTableText", 'fo:text-align="start"'),
    pstyle("GwTableHead", "表头", "GwTableText", "", tprops(HEITI, "12pt")),
    pstyle("GwCaption", "图表题注", "Standard", 'fo:text-align="center"', tprops(HEITI, "14pt")),
    pstyle("GwFigure", "图片", "Standard", 'fo:text-align="center" fo:line-height="100%"'),
    pstyle("GwIssuerInBox", "文本框内发文机关标志", "GwIssuer", 'fo:margin-top="0mm" fo:margin-bottom="0mm"'),
    pstyle("Header", "Header", "Standard", 'fo:text-align="end" fo:line-height="100%"', tprops(FANGSONG, "14pt")),
    pstyle("Footer", "Footer", "Standard", 'fo:text-align="center" fo:line-height="100%"',
           tprops(SONGTI, "14pt", latin=TIMES)),
    pstyle("Footnote", "Footnote", "Standard", 'fo:margin-left="14pt" fo:text-indent="-14pt" fo:line-height="100%"',
           tprops(FANGSONG, "10.5pt")),
    pstyle("Endnote", "Endnote", "Standard", 'fo:margin-left="14pt" fo:text-indent="-14pt" fo:line-height="100%"',
           tprops(FANGSONG, "10.5pt")),
    pstyle("Frame_20_contents", "Frame contents", "Standard"),
    cstyle("GwHei", "黑体字", tprops(HEITI)),
    cstyle("GwKai", "楷体字", tprops(KAITI)),
    cstyle("GwNumZh", "中文编号", '<style:text-properties style:language-asian="zh" style:country-asian="CN"/>'),
    '<text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" '
    'text:footnotes-position="page" text:start-numbering-at="document"/>',
    '<text:notes-configuration text:note-class="endnote" style:num-format="i" text:start-value="0"/>',
])


def esc(s: str) -> str:
    """Escapes text for ODF: runs of spaces become text:s, tabs text:tab, newlines text:line-break."""
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == " ":
            j = i
            while j < len(s) and s[j] == " ":
                j += 1
            n = j - i
            out.append(" " if n == 1 and 0 < i and j < len(s) else f'<text:s text:c="{n}"/>' if n > 1 else "<text:s/>")
            i = j
            continue
        if c == "\t":
            out.append("<text:tab/>")
        elif c == "\n":
            out.append("<text:line-break/>")
        else:
            out.append(escape(c))
        i += 1
    return "".join(out)


class Raw(str):
    """Already-escaped ODF markup."""


def render(parts) -> str:
    return "".join(p if isinstance(p, Raw) else esc(p) for p in parts)


def span(style: str, *parts) -> Raw:
    return Raw(f'<text:span text:style-name="{style}">{render(parts)}</text:span>')


def note(kind: str, ident: str, citation: str, text: str) -> Raw:
    st = "Footnote" if kind == "footnote" else "Endnote"
    return Raw(f'<text:note text:id="{ident}" text:note-class="{kind}"><text:note-citation>{citation}'
               f'</text:note-citation><text:note-body><text:p text:style-name="{st}">{esc(text)}</text:p>'
               f"</text:note-body></text:note>")


def annotation(name: str, author: str, date: str, text: str) -> Raw:
    return Raw(f'<office:annotation office:name="{name}"><dc:creator>{esc(author)}</dc:creator>'
               f'<dc:date>{date}</dc:date><text:p>{esc(text)}</text:p></office:annotation>')


def annotation_end(name: str) -> Raw:
    return Raw(f'<office:annotation-end office:name="{name}"/>')


def link(href: str, *parts) -> Raw:
    return Raw(f'<text:a xlink:type="simple" xlink:href="{escape(href)}">{render(parts)}</text:a>')


def bookmark(name: str, *parts) -> Raw:
    return Raw(f'<text:bookmark-start text:name="{name}"/>{render(parts)}<text:bookmark-end text:name="{name}"/>')


def ins(cid: str, *parts) -> Raw:
    """Text recorded as a tracked insertion (the region is declared with Doc.insertion)."""
    return Raw(f'<text:change-start text:change-id="{cid}"/>{render(parts)}<text:change-end text:change-id="{cid}"/>')


def deleted_here(cid: str) -> Raw:
    """Where a tracked deletion (declared with Doc.deletion) was."""
    return Raw(f'<text:change text:change-id="{cid}"/>')


@dataclass
class Cell:
    """A table cell: text (one paragraph per line) and spans."""
    text: str | list
    colspan: int = 1
    rowspan: int = 1
    style: str = "GwTableText"


@dataclass
class Doc:
    name: str
    title: str
    creator: str = "青溪县人民政府办公室"
    created: str = "2020-03-18T09:00:00"
    header: str | None = None  # header paragraph markup (already rendered)
    page_numbers: bool = True
    body: list = field(default_factory=list)
    auto: list = field(default_factory=list)
    tracked: list = field(default_factory=list)
    extra_styles: list = field(default_factory=list)
    _auto_names: set = field(default_factory=set)
    _tables: int = 0
    _frames: int = 0

    # ---- paragraphs -------------------------------------------------------------------------------------------
    def p(self, style: str, *parts, brk: bool = False) -> None:
        if brk:
            name = f"{style}_PageBreak"
            if name not in self._auto_names:
                self._auto_names.add(name)
                self.auto.append(f'<style:style style:name="{name}" style:family="paragraph" '
                                 f'style:parent-style-name="{style}"><style:paragraph-properties '
                                 f'fo:break-before="page"/></style:style>')
            style = name
        self.body.append(f'<text:p text:style-name="{style}">{render(parts)}</text:p>')

    def raw(self, xml: str) -> None:
        self.body.append(xml)

    def blank(self, n: int = 1) -> None:
        for _ in range(n):
            self.p("Standard")

    # ---- GB/T 9704 blocks ---------------------------------------------------------------------------------
    def head(self, issuer_mark: str | None, number: str | None, title: str | list, recipients: str | None) -> None:
        if issuer_mark:
            self.p("GwIssuer", issuer_mark)
        if number:
            self.p("GwDocNo", number)
        for t in (title if isinstance(title, list) else [title]):
            self.p("GwTitle", t)
        if recipients:
            self.p("GwRecipients", recipients)

    def para(self, *parts) -> None:
        self.p("GwBody", *parts)

    def h1(self, text: str) -> None:
        self.p("GwH1", text)

    def h2(self, label_heading: str, *rest) -> None:
        """A 楷体 （一） heading, run-in when rest is given."""
        if rest:
            self.p("GwBody", span("GwKai", label_heading), *rest)
        else:
            self.p("GwH2", label_heading)

    def chapter(self, text: str) -> None:
        self.p("GwChapter", text)

    def section(self, text: str) -> None:
        self.p("GwSection", text)

    def article(self, label: str, text: str) -> None:
        self.p("GwBody", span("GwHei", label), "\u3000" + text)

    def attachment_note(self, items: list[str]) -> None:
        if len(items) == 1:
            self.p("GwAttachNote", "附件：" + items[0])
            return
        self.p("GwAttachNote", f"附件：1.{items[0]}")
        for i, t in enumerate(items[1:], 2):
            self.p("GwAttachNote2", f"{i}.{t}")

    def signature(self, body: str, date: str, remark: str | None = None) -> None:
        self.p("GwSignature", body)
        self.p("GwDate", date)
        if remark:
            self.p("GwRemark", remark)

    def imprint(self, copied_to: str | None, printed_by: str, print_date: str) -> None:
        """版记: 抄送 line and 印发机关/印发日期 line (one tab apart, the date pushed right)."""
        if copied_to:
            self.p("GwImprintCc", "抄送：" + copied_to)
        self.p("GwImprintPrint", f"{printed_by}\t{print_date}印发")

    # ---- tables ---------------------------------------------------------------------------------------------
    def table(self, widths_cm: list[float], rows: list[list], header_rows: int = 0) -> None:
        self._tables += 1
        t = f"Table{self._tables}"
        total = sum(widths_cm)
        self.auto.append(f'<style:style style:name="{t}" style:family="table"><style:table-properties '
                         f'style:width="{total:.2f}cm" table:align="center"/></style:style>')
        for i, w in enumerate(widths_cm):
            self.auto.append(f'<style:style style:name="{t}.C{i}" style:family="table-column">'
                             f'<style:table-column-properties style:column-width="{w:.2f}cm"/></style:style>')
        if "GwCell" not in self._auto_names:
            self._auto_names.add("GwCell")
            self.auto.append('<style:style style:name="GwCell" style:family="table-cell"><style:table-cell-properties '
                             'fo:padding="0.1cm" fo:border="0.5pt solid #000000" style:vertical-align="middle"/>'
                             '</style:style>')
        ncols = len(widths_cm)
        occupied: dict[tuple[int, int], bool] = {}
        out = [f'<table:table table:name="{t}" table:style-name="{t}">']
        out += [f'<table:table-column table:style-name="{t}.C{i}"/>' for i in range(ncols)]
        for r, row in enumerate(rows):
            if r == 0 and header_rows:
                out.append("<table:table-header-rows>")
            out.append("<table:table-row>")
            cells = [c if isinstance(c, Cell) else Cell(c) for c in row]
            k = 0
            c = 0
            while c < ncols:
                if occupied.get((r, c)):
                    out.append("<table:covered-table-cell/>")
                    c += 1
                    continue
                if k >= len(cells):
                    raise ValueError(f"{self.name}: table row {r} has too few cells")
                cell = cells[k]
                k += 1
                span_attrs = ""
                if cell.colspan > 1 or cell.rowspan > 1:
                    span_attrs = (f' table:number-columns-spanned="{cell.colspan}" '
                                  f'table:number-rows-spanned="{cell.rowspan}"')
                lines = cell.text if isinstance(cell.text, list) else [cell.text]
                paras = "".join(f'<text:p text:style-name="{cell.style}">'
                                f'{render(x) if isinstance(x, (list, tuple)) else esc(x)}</text:p>' for x in lines)
                out.append(f'<table:table-cell table:style-name="GwCell" office:value-type="string"{span_attrs}>'
                           f"{paras}</table:table-cell>")
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        if dr or dc:
                            occupied[(r + dr, c + dc)] = True
                c += 1
            if k != len(cells):
                raise ValueError(f"{self.name}: table row {r} has too many cells")
            out.append("</table:table-row>")
            if header_rows and r == header_rows - 1:
                out.append("</table:table-header-rows>")
        out.append("</table:table>")
        self.body.append("".join(out))

    # ---- frames ---------------------------------------------------------------------------------------------
    def text_box(self, paragraphs: list[str], width_cm: float, height_cm: float, style: str = "GwBody",
                 anchor_style: str = "Standard", border: bool = True, inline: bool = False) -> None:
        """A Writer text frame holding paragraphs of text, anchored to its own paragraph (floating) or in it as a
        character (inline)."""
        self._frames += 1
        fr = f"fr{self._frames}"
        b = ('fo:border="0.5pt solid #000000" fo:padding="0.2cm" draw:fill="solid" draw:fill-color="#ffffff"'
             if border else 'fo:border="none" fo:padding="0cm" draw:fill="none"')
        self.auto.append(f'<style:style style:name="{fr}" style:family="graphic" style:parent-style-name="Frame">'
                         f'<style:graphic-properties style:wrap="none" style:run-through="foreground" '
                         f'style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="center" '
                         f'style:horizontal-rel="paragraph" {b}/></style:style>')
        inner = "".join(f'<text:p text:style-name="{style}">{p if isinstance(p, Raw) else esc(p)}</text:p>'
                        for p in paragraphs)
        self.body.append(f'<text:p text:style-name="{anchor_style}"><draw:frame draw:style-name="{fr}" '
                         f'draw:name="文本框{self._frames}" text:anchor-type="{"as-char" if inline else "paragraph"}" '
                         f'svg:width="{width_cm}cm" '
                         f'svg:height="{height_cm}cm" draw:z-index="{self._frames}"><draw:text-box>{inner}'
                         f"</draw:text-box></draw:frame></text:p>")

    def image(self, png: bytes, width_cm: float, height_cm: float, name: str) -> Raw:
        self._frames += 1
        fr = f"fr{self._frames}"
        self.auto.append(f'<style:style style:name="{fr}" style:family="graphic"><style:graphic-properties '
                         f'style:vertical-pos="top" style:vertical-rel="baseline"/></style:style>')
        data = base64.b64encode(png).decode()
        return Raw(f'<draw:frame draw:style-name="{fr}" draw:name="{name}" text:anchor-type="as-char" '
                   f'svg:width="{width_cm}cm" svg:height="{height_cm}cm" draw:z-index="{self._frames}">'
                   f'<draw:image><office:binary-data>{data}</office:binary-data></draw:image>'
                   f"<svg:title>{esc(name)}</svg:title></draw:frame>")

    # ---- tracked changes ------------------------------------------------------------------------------------
    def insertion(self, cid: str, author: str, date: str) -> None:
        self.tracked.append(f'<text:changed-region xml:id="{cid}" text:id="{cid}"><text:insertion>'
                            f'<office:change-info><dc:creator>{esc(author)}</dc:creator><dc:date>{date}</dc:date>'
                            f"</office:change-info></text:insertion></text:changed-region>")

    def deletion(self, cid: str, author: str, date: str, deleted_xml: str) -> None:
        """deleted_xml is the deleted content as ODF paragraphs, e.g. <text:p>…</text:p>."""
        self.tracked.append(f'<text:changed-region xml:id="{cid}" text:id="{cid}"><text:deletion>'
                            f'<office:change-info><dc:creator>{esc(author)}</dc:creator><dc:date>{date}</dc:date>'
                            f"</office:change-info>{deleted_xml}</text:deletion></text:changed-region>")

    # ---- output ---------------------------------------------------------------------------------------------
    def xml(self) -> str:
        header = f"<style:header>{self.header}</style:header>" if self.header else ""
        footer = ('<style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current">'
                  "1</text:page-number> —</text:p></style:footer>") if self.page_numbers else ""
        header_style = ('<style:header-style><style:header-footer-properties fo:min-height="0cm" '
                        'fo:margin-bottom="0.5cm"/></style:header-style>') if self.header else "<style:header-style/>"
        footer_style = ('<style:footer-style><style:header-footer-properties fo:min-height="0cm" '
                        'fo:margin-top="0.5cm"/></style:footer-style>') if self.page_numbers else "<style:footer-style/>"
        page_layout = ('<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" '
                       'fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="3.7cm" '
                       'fo:margin-bottom="3.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm" '
                       'style:writing-mode="lr-tb"/>' + header_style + footer_style + "</style:page-layout>")
        tracked = (f'<text:tracked-changes text:track-changes="false">{"".join(self.tracked)}</text:tracked-changes>'
                   if self.tracked else "")
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<office:document {NAMESPACES} office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">\n'
            f"<office:meta><dc:title>{esc(self.title)}</dc:title><meta:initial-creator>{esc(self.creator)}"
            f"</meta:initial-creator><dc:creator>{esc(self.creator)}</dc:creator><meta:creation-date>"
            f"{self.created}</meta:creation-date><dc:language>zh-CN</dc:language></office:meta>\n"
            f"<office:font-face-decls>{FONT_DECLS}</office:font-face-decls>\n"
            f"<office:styles>{NAMED_STYLES}{''.join(self.extra_styles)}</office:styles>\n"
            f"<office:automatic-styles>{page_layout}{''.join(self.auto)}</office:automatic-styles>\n"
            '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
            f"{header}{footer}</style:master-page></office:master-styles>\n"
            "<office:body><office:text>\n"
            f"{tracked}\n" + "\n".join(self.body) + "\n</office:text></office:body></office:document>\n"
        )
