#!/usr/bin/env bash
# Rebuilds the Word sample corpus from its sources with LibreOffice.
#
#   corpus/samples/build.sh            # convert sources whose Word file is missing or older than the source
#   corpus/samples/build.sh --force    # convert everything again
#
# 1. src/make_fodt.py writes src/<case>.fodt (only files whose content changed are touched).
# 2. LibreOffice converts each src/<case>.fodt to <case>.docx ("MS Word 2007 XML"); the sources named docm and
#    dotx go through the macro-enabled ("MS Word 2007 XML VBA") and template ("MS Word 2007 XML Template") filters.
# 3. bad/make_bad.py writes the bad inputs (real ones with LibreOffice, hostile ones by hand from a real .docx).
#
# Needs: soffice (LibreOffice 7.4: apt-get install -y --no-install-recommends libreoffice-writer-nogui
# fonts-noto-cjk) and python3. The encrypted sample also needs python3-uno (bad/make_bad.py says how).
# Running it twice in a row converts nothing the second time.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
force=0
[[ "${1:-}" == "--force" ]] && force=1

profile="${LO_PROFILE:-/tmp/lo-samples}"
soffice_cmd=(soffice "-env:UserInstallation=file://$profile" --headless --norestore)

python3 "$here/src/make_fodt.py"

declare -A filter=([docx]="MS Word 2007 XML" [docm]="MS Word 2007 XML VBA" [dotx]="MS Word 2007 XML Template")

for ext in docx docm dotx; do
    todo=()
    for src in "$here"/src/*.fodt; do
        case="$(basename "$src" .fodt)"
        want=docx
        [[ "$case" == docm ]] && want=docm
        [[ "$case" == dotx ]] && want=dotx
        [[ "$want" == "$ext" ]] || continue
        out="$here/$case.$ext"
        if (( force )) || [[ ! -f "$out" || "$src" -nt "$out" ]]; then
            todo+=("$src")
        fi
    done
    (( ${#todo[@]} )) || continue
    echo "converting ${#todo[@]} source(s) to .$ext"
    "${soffice_cmd[@]}" --convert-to "$ext:${filter[$ext]}" --outdir "$here" "${todo[@]}" >/dev/null
    for src in "${todo[@]}"; do
        out="$here/$(basename "$src" .fodt).$ext"
        [[ -s "$out" ]] || { echo "LibreOffice did not write $out" >&2; exit 1; }
    done
done

python3 "$here/bad/make_bad.py" $([[ $force == 1 ]] && echo --force)
echo "corpus/samples is up to date"
