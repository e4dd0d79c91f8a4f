#!/usr/bin/env bash
# Regenerates the LibreOffice-made fixtures from features.fodt (needs soffice; see README "LibreOffice").
# features.docx: real LibreOffice Word output (numbering, tracked changes, comment, footnote, text box, merged table, header);
# features.doc/.pdf/.odt: the same content in formats the reader must refuse by content.
set -euo pipefail
cd "$(dirname "$0")"
profile="file:///tmp/lo-filing-fixtures-$$"
for target in 'docx:MS Word 2007 XML' 'doc:MS Word 97' 'pdf' 'odt'; do
  soffice -env:UserInstallation="$profile" --headless --convert-to "$target" features.fodt >/dev/null
done
rm -rf "/tmp/lo-filing-fixtures-$$"
