#!/usr/bin/env bash
# `perfpdf render` on the schede of seed 001 (fixtures/riviere-liguria-
# schede-2023.xml) with the layout chosen by default (the document's Tipo is
# "schede": layouts/schede.xml), checked on the PDF:
#   - qpdf --check clean, fonts embedded; two renders byte-identical;
#   - every indicator name and every objective title of the fixture in the
#     text; the kinds, the spans, the notes table, the trend charts' caption;
#   - nothing of a result: no "N/D", "DA VALUTARE", "Grado" column;
#   - the INDICE lists the 6 ambiti and 19 sheets, each on the page it says;
#   - a revised target: old and new value printed (the strike is checked on
#     the display list by test_riviere).
# usage: render_schede.sh PERFPDF SOURCE_DIR WORK_DIR
set -u
perfpdf=$1
src=$2
work=$3
fixture=$src/fixtures/riviere-liguria-schede-2023.xml

. "$src/tests/pdfcheck.sh"
enter_work "$work"
export SOURCE_DATE_EPOCH=1706140800

"$perfpdf" render "$fixture" -o s.pdf 2>err.txt || fail "render exited $?: $(tail -5 err.txt)"
"$perfpdf" render "$fixture" -o s2.pdf 2>/dev/null || fail "second render failed"
cmp -s s.pdf s2.pdf || fail "two renders of the schede differ"
check_pdf_file s.pdf
pdftotext -raw -enc UTF-8 s.pdf - | squeeze >s.txt

# every indicator name, every objective title
indicator_codes_and_names "$fixture" >expected.txt
grep -o '<Titolo>[^<]*</Titolo>' "$fixture" | sed 's/<Titolo>//; s/<\/Titolo>//' | unescape |
    sed 's/^/T\t/' >>expected.txt
[ "$(wc -l <expected.txt)" -ge 190 ] || fail "only $(wc -l <expected.txt) names read from the fixture"
missing=$(all_present expected.txt s.txt)
[ "$missing" -eq 0 ] || fail "s.pdf: $missing names of the fixture missing"

for t in 'Obiettivostrategicocomune' 'Obiettivostrategicospecifico' 'Obiettivodiente' \
         '2022–2024' '2023–2024' 'Indicatoridell'"'"'obiettivo' 'Noteagliindicatori' \
         'NotaFonteSeriestorica' 'Andamentodegliindicatori:seriestoricaetarget' \
         'Commento' 'Responsabile:Servizio' 'Target2022Target2023Target2024Nota'; do
    grep -qF -- "$t" s.txt || fail "s.pdf: no '$t'"
done
# Grado di adesione al cassetto digitale, 2023: 15 % revised to 20 %
grep -qF '>=15%>=20%' s.txt || fail "s.pdf: the revised 2023 target of the cassetto digitale (15 % -> 20 %) missing"
grep -qF 'Targetrivisto(2023,2024):Iltargetperil2023e2024vieneaggiornato' s.txt ||
    fail "s.pdf: the reason of a revised target missing"
for word in 'N/D' 'DAVALUTARE' 'RAGGIUNTO' 'PARZIALMENTE' 'Consuntivo'; do
    grep -qF -- "$word" s.txt && fail "s.pdf: the schede print '$word'"
done

# the INDICE: its entries on the pages it gives
pdftotext -f 2 -l 2 -layout s.pdf - | grep -q "INDICE" || fail "page 2 is not the INDICE"
count=0
while IFS=$'\t' read -r n title; do
    [ -n "$n" ] || continue
    words=$(printf '%s' "$title" | normalize | awk '{ print $1, $2, $3 }' | sed 's/ *$//')
    pdftotext -f "$n" -l "$n" -layout -enc UTF-8 s.pdf - | normalize | grep -qF -- "$words" ||
        fail "INDICE says '$title' is on page $n, it is not"
    count=$((count + 1))
done <<<"$(toc_entries s.pdf 2)"
[ $count -eq 25 ] || fail "INDICE has $count entries, expected 6 ambiti and 19 schede"

# --layout still wins over the kind
"$perfpdf" render "$fixture" --layout "$src/layouts/relazione.xml" -o rel.pdf 2>/dev/null ||
    fail "render with relazione.xml failed"
pdftotext -raw -enc UTF-8 rel.pdf - | squeeze | grep -qF 'Noteagliindicatori' &&
    fail "--layout relazione.xml is not obeyed"
echo "render_schede: ok"
