#!/usr/bin/env python3
"""Writes corpus/samples/bad/: uploads the reader must refuse with a clear 4xx, and two odd but valid packages.

    python3 corpus/samples/bad/make_bad.py            # write missing files only
    python3 corpus/samples/bad/make_bad.py --force    # write everything again

Files an office suite makes (.doc, .pdf, .odt, .rtf, .png, .jpg, the encrypted .docx) come from LibreOffice.
The hostile ones are made here from a real LibreOffice-written .docx (../notice-four-levels.docx).
Every <case>.<ext> gets <case>.expected.json: {"status": 415, "code": "legacy-doc-format", "error": "legacy-doc-format"}
(or, for the two valid packages, {"$status": 200, "title": …}).
Each file stays under 2 MB; the zip bomb inflates to 1 GiB.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)
BASE_NAME = "notice-four-levels"
BASE_DOCX = os.path.join(SAMPLES, f"{BASE_NAME}.docx")
BASE_FODT = os.path.join(SAMPLES, "src", f"{BASE_NAME}.fodt")
BASE_TITLE = "青溪县人民政府关于开展行政规范性文件全面清理工作的通知"
BASE_NUMBER = "青政发〔2020〕15号"
PASSWORD = "filing"
SOFFICE = ["soffice", f"-env:UserInstallation=file://{os.environ.get('LO_PROFILE', '/tmp/lo-samples')}",
           "--headless", "--norestore"]

def refused(status: int, code: str, reader_code: str | None = None) -> dict:
    """HTTP status and ProblemDetails code of the API's answer; "error" is the reader's DocumentErrorCode in kebab
    case, the form the golden test (Filing.Tests/Documents/CorpusGoldenTests.cs) reads when it calls the reader
    directly. They are the same string except for the empty upload (DocumentErrorCode.Empty → "empty")."""
    return {"status": status, "code": code, "error": reader_code or code}


LEGACY = refused(415, "legacy-doc-format")
ENCRYPTED = refused(422, "encrypted-document")
UNSUPPORTED = refused(415, "unsupported-media-type")
CORRUPT = refused(422, "corrupt-package")
EMPTY = refused(422, "empty-document", "empty")
TOO_LARGE = refused(413, "too-large")
# Readable packages: compared like a good sample; "$status" is a note (the golden test skips "$" properties).
READABLE = {"$status": 200, "title": BASE_TITLE, "documentNumber": {"text": BASE_NUMBER}}


# ---- helpers ------------------------------------------------------------------------------------------------------
def office_convert(filter_spec: str) -> bytes:
    """Converts the base source with LibreOffice and returns the bytes of the result."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([*SOFFICE, "--convert-to", filter_spec, "--outdir", tmp, BASE_FODT], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ext = filter_spec.split(":")[0]
        with open(os.path.join(tmp, f"{BASE_NAME}.{ext}"), "rb") as f:
            return f.read()


def base_parts() -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(BASE_DOCX) as z:
        return [(i, z.read(i)) for i in z.infolist()]


def repack(parts, replace: dict[str, bytes | None] | None = None, extra: list[tuple[str, bytes]] | None = None,
           rename: dict[str, str] | None = None) -> bytes:
    """The base package with parts replaced (None drops a part), renamed or added."""
    replace, extra, rename = replace or {}, extra or [], rename or {}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename in replace:
                data = replace[info.filename]
                if data is None:
                    continue
            z.writestr(zipfile.ZipInfo(rename.get(info.filename, info.filename), info.date_time), data,
                       zipfile.ZIP_DEFLATED)
        for name, data in extra:
            z.writestr(zipfile.ZipInfo(name, (2020, 3, 18, 9, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def document_xml(parts) -> str:
    return next(d for i, d in parts if i.filename == "word/document.xml").decode("utf-8")


def split_document(xml: str) -> tuple[str, str, str]:
    """(everything up to and including <w:body>, the body content before sectPr, sectPr and the closing tags)."""
    start = xml.index("<w:body>") + len("<w:body>")
    sect = xml.rindex("<w:sectPr")
    return xml[:start], xml[start:sect], xml[sect:]


# ---- the cases ----------------------------------------------------------------------------------------------------
def legacy_doc() -> bytes:
    return office_convert("doc:MS Word 97")


def encrypted_docx() -> bytes:
    """A password-protected .docx saved by LibreOffice (password: filing)."""
    system_python = "/usr/bin/python3"
    probe = subprocess.run([system_python, "-c", "import uno"], capture_output=True)
    if probe.returncode != 0:
        raise RuntimeError("encrypted.docx needs python3-uno: apt-get install -y python3-uno")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "encrypted.docx")
        subprocess.run([system_python, os.path.join(HERE, "encrypt_docx.py"), BASE_FODT, out, PASSWORD], check=True)
        with open(out, "rb") as f:
            data = f.read()
    if not data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise RuntimeError("LibreOffice did not write an encrypted (OLE compound) file")
    return data


def page_image(kind: str) -> bytes:
    """The first page as a picture, as if someone uploaded a scan: rendered from LibreOffice's PDF by pdftoppm
    (Debian's writer-only LibreOffice has no image export filter; apt-get install -y poppler-utils)."""
    if shutil.which("pdftoppm") is None:
        raise RuntimeError("page images need pdftoppm: apt-get install -y poppler-utils")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, "page.pdf")
        with open(pdf, "wb") as f:
            f.write(_file("pdf-export.pdf"))
        subprocess.run(["pdftoppm", f"-{kind}", "-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf,
                        os.path.join(tmp, "page")], check=True)
        with open(os.path.join(tmp, "page." + ("jpg" if kind == "jpeg" else kind)), "rb") as f:
            return f.read()


def truncated() -> bytes:
    with open(BASE_DOCX, "rb") as f:
        data = f.read()
    return data[: len(data) * 55 // 100]


def random_bytes() -> bytes:
    return random.Random(9704).randbytes(64 * 1024)


def text_renamed() -> bytes:
    return ("青溪县人民政府关于开展行政规范性文件全面清理工作的通知\n\n"
            "这是一个改了扩展名的纯文本文件，不是Word文档。\n").encode("utf-8")


def no_main_part() -> bytes:
    # [Content_Types].xml and the relationships still name word/document.xml, but the part is gone.
    return repack(base_parts(), replace={"word/document.xml": None})


def malformed_xml() -> bytes:
    parts = base_parts()
    xml = document_xml(parts)
    head, body, _ = split_document(xml)
    broken = head + body + "<w:p><w:r><w:t>未闭合的段落"  # no </w:t></w:r></w:p></w:body></w:document>
    return repack(parts, replace={"word/document.xml": broken.encode("utf-8")})


def with_doctype(doctype: str, entity_ref: str) -> bytes:
    parts = base_parts()
    xml = document_xml(parts)
    decl_end = xml.index("?>") + 2
    xml = xml[:decl_end] + doctype + xml[decl_end:]
    xml = xml.replace(f"<w:t>{BASE_TITLE[:8]}", f"<w:t>{entity_ref}{BASE_TITLE[:8]}", 1)
    if entity_ref not in xml:
        raise RuntimeError("title run not found in the base document")
    return repack(parts, replace={"word/document.xml": xml.encode("utf-8")})


def xxe() -> bytes:
    return with_doctype('<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;")


def billion_laughs() -> bytes:
    ents = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                                      for i in range(1, 10)]
    return with_doctype(f'<!DOCTYPE w:document [{"".join(ents)}]>', "&lol9;")


def zip_bomb(lie_about_size: bool = False) -> bytes:
    """word/document.xml inflates to 1 GiB: one paragraph of 'A's between the real document's head and tail."""
    parts = base_parts()
    head, body, tail = split_document(document_xml(parts))
    total = 1 << 30
    fill = total - len((head + "<w:p><w:r><w:t>" + "</w:t></w:r></w:p>" + tail).encode("utf-8"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info, data in parts:
            if info.filename != "word/document.xml":
                z.writestr(zipfile.ZipInfo(info.filename, info.date_time), data, zipfile.ZIP_DEFLATED)
                continue
            zi = zipfile.ZipInfo("word/document.xml", info.date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            with z.open(zi, "w", force_zip64=False) as w:
                w.write((head + "<w:p><w:r><w:t>").encode("utf-8"))
                chunk = b"A" * (1 << 20)
                left = fill
                while left:
                    n = min(left, len(chunk))
                    w.write(chunk[:n])
                    left -= n
                w.write(("</w:t></w:r></w:p>" + tail).encode("utf-8"))
    data = out.getvalue()
    if lie_about_size:
        data = _declare_uncompressed_size(data, "word/document.xml", 40_000)
    return data


def _declare_uncompressed_size(data: bytes, name: str, size: int) -> bytes:
    """Overwrites the uncompressed size of one entry in its local header and central directory record."""
    b = bytearray(data)
    raw = name.encode()
    # local file header: signature PK\3\4, uncompressed size at offset 22, name at 30
    for m in re.finditer(re.escape(b"PK\x03\x04"), b):
        o = m.start()
        n = int.from_bytes(b[o + 26:o + 28], "little")
        if b[o + 30:o + 30 + n] == raw:
            b[o + 22:o + 26] = size.to_bytes(4, "little")
    # central directory record: signature PK\1\2, uncompressed size at offset 24, name at 46
    for m in re.finditer(re.escape(b"PK\x01\x02"), b):
        o = m.start()
        n = int.from_bytes(b[o + 28:o + 30], "little")
        if b[o + 46:o + 46 + n] == raw:
            b[o + 24:o + 28] = size.to_bytes(4, "little")
    # zipfile wrote a data descriptor (PK\7\8) after the streamed entry; it carries the size too
    for m in re.finditer(re.escape(b"PK\x07\x08"), b):
        o = m.start()
        if int.from_bytes(b[o + 12:o + 16], "little") == 1 << 30:
            b[o + 12:o + 16] = size.to_bytes(4, "little")
    return bytes(b)


def many_paragraphs() -> bytes:
    parts = base_parts()
    head, _, tail = split_document(document_xml(parts))
    paras = "".join(f"<w:p><w:r><w:t>第{i}段：各单位应当按照本通知要求认真组织开展清理工作。</w:t></w:r></w:p>"
                    for i in range(1, 200_001))
    return repack(parts, replace={"word/document.xml": (head + paras + tail).encode("utf-8")})


def path_traversal() -> bytes:
    # A valid document plus entries whose names climb out of any extraction folder; reading must ignore them.
    return repack(base_parts(), extra=[("../../evil.txt", b"written outside the extraction folder\n"),
                                       ("..\\..\\evil-backslash.txt", b"written outside the extraction folder\n"),
                                       ("/tmp/filing-evil.txt", b"absolute entry name\n")])


def main_part_renamed() -> bytes:
    # The main document part is found through _rels/.rels, not by assuming word/document.xml.
    parts = base_parts()
    new = "word/gongwen.xml"
    fixed = []
    for info, data in parts:
        if info.filename == "_rels/.rels":
            data = data.replace(b'Target="word/document.xml"', f'Target="{new}"'.encode())
        elif info.filename == "[Content_Types].xml":
            data = data.replace(b'PartName="/word/document.xml"', f'PartName="/{new}"'.encode())
            data = data.replace(b'PartName="/word/_rels/document.xml.rels"', b'PartName="/word/_rels/gongwen.xml.rels"')
        fixed.append((info, data))
    return repack(fixed, rename={"word/document.xml": new, "word/_rels/document.xml.rels": "word/_rels/gongwen.xml.rels"})


CASES: list[tuple[str, object, dict, str]] = [
    # (file name, how it is made, expected answer, what it is)
    ("legacy-word97.doc", legacy_doc, LEGACY, "Word 97-2003 binary .doc written by LibreOffice (MS Word 97 filter)"),
    ("legacy-word97-renamed.docx", lambda: _file("legacy-word97.doc"), LEGACY, "the same .doc renamed to .docx"),
    ("encrypted.docx", encrypted_docx, ENCRYPTED,
     f"password-protected .docx saved by LibreOffice through UNO (password: {PASSWORD})"),
    ("pdf-export.pdf", lambda: office_convert("pdf:writer_pdf_Export"), UNSUPPORTED, "PDF export"),
    ("pdf-renamed.docx", lambda: _file("pdf-export.pdf"), UNSUPPORTED, "the PDF renamed to .docx"),
    ("opendocument.odt", lambda: office_convert("odt:writer8"), UNSUPPORTED, "OpenDocument text"),
    ("rich-text.rtf", lambda: office_convert("rtf:Rich Text Format"), UNSUPPORTED, "RTF"),
    ("page-image.png", lambda: page_image("png"), UNSUPPORTED, "first page of the PDF as PNG (pdftoppm, 72 dpi)"),
    ("page-image-jpeg.jpg", lambda: page_image("jpeg"), UNSUPPORTED, "first page of the PDF as JPEG (pdftoppm, 72 dpi)"),
    ("text-renamed.docx", text_renamed, UNSUPPORTED, "UTF-8 plain text renamed to .docx"),
    ("empty.docx", lambda: b"", EMPTY, "0 bytes"),
    ("truncated.docx", truncated, CORRUPT, "the first 55% of a real .docx"),
    # Not a zip at all, so sniffing the content finds no package to call corrupt: an unknown binary type (415).
    ("random-bytes.docx", random_bytes, UNSUPPORTED, "64 KiB of seeded random bytes"),
    ("no-main-part.docx", no_main_part, CORRUPT, "a real .docx with word/document.xml removed"),
    ("malformed-xml.docx", malformed_xml, CORRUPT, "document.xml cut off inside an unclosed paragraph"),
    ("xxe.docx", xxe, CORRUPT, "document.xml with a DTD declaring an external entity (file:///etc/passwd)"),
    ("billion-laughs.docx", billion_laughs, CORRUPT, "document.xml with the billion-laughs entity expansion DTD"),
    ("zip-bomb.docx", zip_bomb, TOO_LARGE, "document.xml inflates from about 1 MB to 1 GiB"),
    ("zip-bomb-lying-size.docx", lambda: zip_bomb(lie_about_size=True), CORRUPT,
     "the zip bomb with its headers claiming 40,000 bytes: reading within the declared size finds truncated XML"),
    ("many-paragraphs.docx", many_paragraphs, TOO_LARGE, "200,000 paragraphs"),
    ("path-traversal.docx", path_traversal, READABLE,
     "a valid .docx with extra entries named ../../evil.txt, ..\\..\\evil-backslash.txt and /tmp/filing-evil.txt"),
    ("main-part-renamed.docx", main_part_renamed, READABLE,
     "a valid .docx whose main part is word/gongwen.xml (found through _rels/.rels)"),
]


def _file(name: str) -> bytes:
    with open(os.path.join(HERE, name), "rb") as f:
        return f.read()


def main() -> int:
    force = "--force" in sys.argv[1:]
    written = 0
    for name, make, expected, _ in CASES:
        path = os.path.join(HERE, name)
        stem = name.rsplit(".", 1)[0]
        exp_path = os.path.join(HERE, f"{stem}.expected.json")
        exp_text = json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
        if not os.path.exists(exp_path) or open(exp_path, encoding="utf-8").read() != exp_text:
            with open(exp_path, "w", encoding="utf-8") as f:
                f.write(exp_text)
        if os.path.exists(path) and not force:
            continue
        data = make()
        if len(data) >= 2 * 1024 * 1024:
            raise RuntimeError(f"{name} is {len(data)} bytes; keep bad samples under 2 MB")
        with open(path, "wb") as f:
            f.write(data)
        written += 1
        print(f"  {name}: {len(data):,} bytes")
    print(f"{len(CASES)} bad inputs, {written} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
