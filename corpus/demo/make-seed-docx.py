#!/usr/bin/env python3
"""Builds tonglu-2018-47.fodt (flat ODF, GB/T 9704-style layout) from the seed text in ../shared/seed/ and converts it
to tonglu-2018-47.docx with LibreOffice, so the demo walkthrough uploads a Word file made by a real office suite.

    python3 corpus/demo/make-seed-docx.py [path/to/shared/seed/000_7f5d5ec1cfff0459.txt]
"""
import html, os, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
seed = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', '..', '..', 'shared', 'seed', '000_7f5d5ec1cfff0459.txt')
lines = [l.strip() for l in open(seed, encoding='utf-8') if l.strip()]

def zh(text):
    # The web copy uses half-width punctuation; an official document uses full-width.
    for a, b in ((',', '，'), (':', '：'), (';', '；'), ('(', '（'), (')', '）'), ('?', '？')):
        text = text.replace(a, b)
    return text

start = next(i for i, l in enumerate(lines) if l.startswith('桐庐县人民政府关于印发'))
body = [zh(l) for l in lines[start:]]
title, recipients, notice = body[0], body[1], body[2]
signature, date = body[3], body[4]
rest = body[5:]

paras = [
    ('Red', '桐庐县人民政府文件'),
    ('Center', '桐政发〔2018〕47号'),
    ('Blank', ''),
    ('Title', title),
    ('Blank', ''),
    ('Left', recipients),
    ('Body', notice),
    ('Blank', ''),
    ('Right', signature),
    ('Right', date),
    ('Body', '（此件公开发布）'),
    ('PageBreak', ''),
]
for i, l in enumerate(rest):
    if i == 0:
        paras.append(('Title', l))
    elif re.match(r'^[一二三四五六七八九十]+、', l):
        paras.append(('Heading', l))
    elif l.startswith('附件'):
        paras.append(('Blank', ''))
        paras.append(('Body', l))
    else:
        paras.append(('Body', l))
paras += [
    ('Blank', ''),
    ('Left', '抄送：县委各部门，县人大常委会办公室，县政协办公室，县法院，县检察院。'),
    ('Left', '桐庐县人民政府办公室                    2018年8月6日印发'),
]

styles = '''
  <style:style style:name="Red" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="26pt" fo:color="#c00000" style:font-name-asian="SimSun" style:font-size-asian="26pt"/></style:style>
  <style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" style:font-name-asian="FangSong"/></style:style>
  <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" style:font-name-asian="SimSun"/></style:style>
  <style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.99cm"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" style:font-name-asian="SimHei"/></style:style>
  <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="0.99cm"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" style:font-name-asian="FangSong"/></style:style>
  <style:style style:name="Left" style:family="paragraph"><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" style:font-name-asian="FangSong"/></style:style>
  <style:style style:name="Right" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-right="1.4cm"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" style:font-name-asian="FangSong"/></style:style>
  <style:style style:name="Blank" style:family="paragraph"><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
  <style:style style:name="PageBreak" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
'''
out = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
       'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">',
       ' <office:automatic-styles>' + styles + ' </office:automatic-styles>',
       ' <office:body>', '  <office:text>']
for style, text in paras:
    out.append(f'   <text:p text:style-name="{style}">{html.escape(text, quote=False)}</text:p>')
out += ['  </office:text>', ' </office:body>', '</office:document>', '']
fodt = os.path.join(here, 'tonglu-2018-47.fodt')
open(fodt, 'w', encoding='utf-8').write('\n'.join(out))
subprocess.run(['soffice', '-env:UserInstallation=file:///tmp/lo-filing-register', '--headless',
                '--convert-to', 'docx:MS Word 2007 XML', '--outdir', here, fodt], check=True)
print('wrote', fodt, 'and', fodt.replace('.fodt', '.docx'))
