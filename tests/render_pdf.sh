#!/usr/bin/env bash
# `perfpdf render` on the Pistoia-Prato fixture, checked on the PDF as a
# reader gets it (poppler-utils and qpdf):
#   - every indicator code and name of the fixture is in the text;
#   - every INDICE entry's page number is a page showing that heading;
#   - qpdf --check is clean; pdffonts shows every font embedded;
#   - two renders are byte-identical; -o defaults to out/NAME.pdf; --png;
#   - counts as written, the signs and optional columns a layout asks for,
#     a 14-column calendar on a landscape page with no "10-30" broken, the
#     legend note and warning without <Fasce>, section numbers kept.
# usage: render_pdf.sh PERFPDF SOURCE_DIR WORK_DIR
set -u
perfpdf=$1
src=$2
work=$3
fixture=$src/fixtures/pistoia-prato-relazione-2022.xml

# shared helpers: fail, enter_work, normalize, squeeze, unescape, check_pdf_file...
. "$src/tests/pdfcheck.sh"
enter_work "$work"
export SOURCE_DATE_EPOCH=1685404800

"$perfpdf" render "$fixture" -o a.pdf 2>err.txt || fail "render exited $?: $(tail -5 err.txt)"
"$perfpdf" render "$fixture" -o b.pdf --png png 2>/dev/null || fail "second render failed"
cmp -s a.pdf b.pdf || fail "two renders of the same input differ"

pages=$(pdfinfo a.pdf | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -gt 20 ] || fail "only ${pages:-0} pages"
npng=$(ls png/*.png 2>/dev/null | wc -l)
[ "$npng" -eq "$pages" ] || fail "--png wrote $npng files for $pages pages"

# no -o: out/<input basename>.pdf, out/ created
"$perfpdf" render "$fixture" 2>/dev/null || fail "render without -o failed"
[ -s out/pistoia-prato-relazione-2022.pdf ] || fail "no out/pistoia-prato-relazione-2022.pdf"

# ---- the file ------------------------------------------------------------------
check_pdf_file a.pdf

# ---- the text: every indicator code and name ----------------------------------
pdftotext -raw -enc UTF-8 a.pdf - | squeeze >text.txt

indicator_codes_and_names "$fixture" >expected.txt
ncodes=$(grep -c '^C' expected.txt)
nnames=$(grep -c '^N' expected.txt)
[ "$nnames" -ge 300 ] || fail "only $nnames indicator names read from the fixture"
missing=$(all_present expected.txt text.txt)
[ $missing -eq 0 ] || fail "$missing of $ncodes codes and $nnames names are not in the PDF text"

# ---- the INDICE: each entry's number is a page showing that heading -----------
page_text() { pdftotext -f "$1" -l "$1" -layout -enc UTF-8 a.pdf - | normalize; }
pdftotext -f 2 -l 2 -layout a.pdf - | grep -q "INDICE" || fail "page 2 is not the INDICE"
entries=$(toc_entries a.pdf 2)
first_body=$(printf '%s\n' "$entries" | awk -F'\t' 'NR == 1 || $1 < m { m = $1 } END { print m }')
[ -n "$first_body" ] || fail "no INDICE entries on page 2"
for ((p = 3; p < first_body; p++)); do entries=$(printf '%s\n%s' "$entries" "$(toc_entries a.pdf $p)"); done
nentries=0
while IFS=$'\t' read -r n title; do
    [ -n "$n" ] || continue
    words=$(printf '%s' "$title" | normalize | awk '{ print $1, $2, $3 }' | sed 's/ *$//')
    page_text "$n" | grep -qF -- "$words" || fail "INDICE says '$title' is on page $n, it is not"
    nentries=$((nentries + 1))
done <<<"$entries"
[ $nentries -ge 10 ] || fail "only $nentries INDICE entries"

# ---- printed as the administration printed it ------------------------------------
# counts as the fixture writes them, its own bands (no "assumed" note)
grep -qF '>=400N.375N.' text.txt || fail "count target/value not printed as written (>= 400 N. 375 N.)"
grep -qF '400,00N.' text.txt && fail "a count printed with decimals (400,00 N.)"
grep -qF 'Ildocumentononindicafasce' text.txt && fail "legend says bands are assumed, the fixture gives them"

# a layout asking for the signs and the soglia and algoritmo columns
sed -e 's|<numbers decimals="2" count-decimals="source" operators="ascii"/>|<numbers operators="symbols"/>|' \
    -e 's|<column key="consuntivo" width="14" label="Consuntivo"/>|<column key="soglia" width="9"/><column key="algoritmo" width="14"/><column key="consuntivo" width="14" label="Consuntivo"/>|' \
    "$src/layouts/relazione.xml" >options.xml
grep -q 'operators="symbols"' options.xml && grep -q 'key="algoritmo"' options.xml ||
    fail "could not make the options layout"
"$perfpdf" render "$fixture" --layout options.xml -o options.pdf 2>/dev/null || fail "render with options.xml failed"
pdftotext -raw -enc UTF-8 options.pdf - | squeeze >options.txt
grep -qF '≥400N.' options.txt || fail "operators=\"symbols\" did not print ≥"
grep -qF '>=400' options.txt && fail "operators=\"symbols\" still prints >="
grep -qF 'SogliaAlgoritmo' options.txt || fail "no Soglia and Algoritmo columns"

# the minimal document without <Fasce>, with a 14-column calendar in section 5:
# a landscape page, no "10-30" broken, the legend note, section numbers kept
months="Gennaio Febbraio Marzo Aprile Maggio Giugno Luglio Agosto Settembre Ottobre Novembre Dicembre"
{
    printf '<Testi><Sezione ruolo="processo" id="p"><Titolo>Il processo</Titolo><Tabella>'
    printf '<Didascalia>Calendario delle fasi</Didascalia><Intestazione><Cella>Fase</Cella>'
    for m in $months; do printf '<Cella>%s</Cella>' "$m"; done
    printf '<Cella>Responsabile</Cella></Intestazione>'
    for r in 0 1 2 3; do
        printf '<Riga><Cella>Fase %d</Cella>' "$r"
        for m in 0 1 2 3 4 5 6 7 8 9 10 11; do
            if [ $(((m + r) % 3)) -eq 0 ]; then printf '<Cella>10-30</Cella>'; else printf '<Cella/>'; fi
        done
        printf '<Cella>Controllo di gestione</Cella></Riga>'
    done
    printf '</Tabella></Sezione></Testi>\n'
} >testi.xml
awk -v testi="$(cat testi.xml)" '
    /<Fasce/ { skip = 1 } skip { if (/<\/Fasce>/) skip = 0; next }
    /<\/Albero>/ { print; print testi; next } { print }' "$src/fixtures/esempio-minimo.xml" >calendar.xml
"$perfpdf" render calendar.xml -o calendar.pdf 2>calendar.err || fail "render of calendar.xml failed: $(tail -3 calendar.err)"
grep -q 'no bands given' calendar.err || fail "no warning for a document without <Fasce>"
cal_page=0
n=$(pdfinfo calendar.pdf | awk '/^Pages:/ {print $2}')
for ((p = 1; p <= n; p++)); do
    pdftotext -f $p -l $p -layout calendar.pdf - | grep -q 'Calendario delle fasi' && cal_page=$p
done
[ $cal_page -gt 0 ] || fail "the calendar is not in calendar.pdf"
pdfinfo -f $cal_page -l $cal_page calendar.pdf | grep -qE "Page +$cal_page size: +841.89 x 595.28" ||
    fail "the 14-column calendar is not on a landscape page"
whole=$(pdftotext -f $cal_page -l $cal_page -layout calendar.pdf - | grep -o '10-30' | wc -l)
[ "$whole" -eq 16 ] || fail "the calendar shows $whole whole '10-30', not 16"
pdftotext calendar.pdf - | normalize >calendar.txt
grep -qF 'Il documento non indica fasce di valutazione' calendar.txt || fail "no legend note on assumed bands"
grep -qF '3.0 Albero della performance' calendar.txt || fail "section 3.0 lost its number"
grep -qF '5 Il processo' calendar.txt || fail "section 5 lost its number"

echo "ok: $pages pages, $ncodes codes and $nnames names, $nentries INDICE entries"
