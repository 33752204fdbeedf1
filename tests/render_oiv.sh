#!/usr/bin/env bash
# The three questions of the OIV in one document (issue 14, README "For the
# OIV and the Giunta"): the Valpiccola Relazione 2024 rendered with
# layouts/relazione-oiv.xml, its Piano (--piano) and the Relazioni 2022 and
# 2023 (--precedenti). On the PDF:
#   - the INDICE lists 3.4 "Dove si sono persi i punti", 3.5 "Andamento
#     negli anni" and 6.1 "Variazioni rispetto al Piano", on their pages;
#   - points lost: 9,62 for the ente (100 - 90,38), DIG_02 first with 8,00;
#   - the trend: the ente 82,40 % / 86,08 % / 90,38 %; the indicators'
#     past consuntivi with the document's serie storica under them where it
#     says something else (ILL_01 changed its unit), and its note;
#   - the annex: 8 changes no act records, each "NON REGISTRATA";
#   - the warnings of --piano, one per unrecorded change; qpdf clean; a
#     rerun gives the same bytes.
# usage: render_oiv.sh PERFPDF SOURCE_DIR WORK_DIR
set -u
perfpdf=$1
src=$2
work=$3
fx=$src/fixtures

. "$src/tests/pdfcheck.sh"
enter_work "$work"
export SOURCE_DATE_EPOCH=1706140800

oiv() {
    "$perfpdf" render "$fx/valpiccola-relazione-2024.xml" --layout "$src/layouts/relazione-oiv.xml" \
        --piano "$fx/piano-piccolo-2024.xml" \
        --precedenti "$fx/valpiccola-relazione-2022.xml" "$fx/valpiccola-relazione-2023.xml" \
        -o "$1" 2>"$1.log"
}
oiv oiv.pdf || { cat oiv.pdf.log >&2; fail "render with the OIV layout failed"; }
[ "$(grep -c 'recorded by no act' oiv.pdf.log)" = 8 ] || fail "expected 8 warnings of --piano"
qpdf --check oiv.pdf >/dev/null 2>&1 || fail "qpdf --check"
[ "$(pdfinfo oiv.pdf | awk '/^Pages:/ { print $2 }')" = 17 ] || fail "expected 17 pages"

txt=$(pdftotext -layout oiv.pdf - | tr -s ' ')
toc=$(pdftotext -layout -f 2 -l 2 oiv.pdf - | tr -s ' ')
for entry in "3.4 Dove si sono persi i punti 11" "3.5 Andamento negli anni 12" \
    "6.1 Variazioni rispetto al Piano 16"; do
    grep -qF "$entry" <<<"$toc" || fail "INDICE: '$entry' missing"
done
grep -qF "Punti persi dall'ente 9,62" <<<"$txt" || fail "points lost: the ente's 9,62"
p11=$(pdftotext -layout -f 11 -l 11 oiv.pdf - | tr -s ' ')
grep -qF "1 DIG_02 Giorni medi per il rilascio del permesso di costruire 80,00 % 40,00 % 8,00" \
    <<<"$p11" || fail "points lost: DIG_02 first with 8,00"
grep -qF "Performance di ente 82,40 % 86,08 % 90,38 %" <<<"$txt" || fail "trend: the ente's years"
# ILL_01: the Relazioni's 25 % and 24 %, under them the document's own serie
# storica in N. (its unit since 2024); PAR_01, new: only the serie storica
grep -qF "ILL_01 Punti luce a LED 25,00 % 24,00 % 540 N." <<<"$txt" || fail "trend: ILL_01's years"
grep -qF "serie storica: 310 N. serie storica: 420 N." <<<"$txt" || fail "trend: ILL_01's serie storica"
grep -qF "serie storica: 1 N." <<<"$txt" || fail "trend: PAR_01's serie storica"
grep -qF "Serie storica: il valore che il presente documento riporta" <<<"$txt" ||
    fail "trend: the note on the serie storica"
[ "$(grep -c 'NON REGISTRATA' <<<"$txt")" = 8 ] || fail "annex: 8 changes not recorded"

oiv again.pdf || fail "rerun failed"
cmp -s oiv.pdf again.pdf || fail "a rerun gives other bytes"
echo "render_oiv: ok"
