#!/usr/bin/env bash
# "Dove si sono persi i punti" (issue 14): layouts/relazione-oiv.xml on
# Pistoia-Prato, checked on the PDF as a reader gets it:
#   - the default layout has no such section (the published Relazione has
#     none) and the OIV's layout adds it in two pages, in the INDICE;
#   - the bar chart ranks the indicators that cost most, with their points
#     (SOST_TUR_05 at 47 % 0,21 first, SANZRI_06 at 82,27 % 0,17 second,
#     "Capacità della rete PID" at 30 % 0,16 third: test_points_lost.c
#     works them out), the areas' chart their losses;
#   - the table: rank, indicator, grado, weight on the ente and points, by
#     area with each area's loss, the ente's 2,02 at the foot;
#   - both charts are Figures with an alternative text that says their bars;
#   - a Relazione at 100 % has nothing lost: no section; a bad top is
#     refused with its position.
# usage: render_points_lost.sh PERFPDF SOURCE_DIR WORK_DIR
set -u
perfpdf=$1
src=$2
work=$3
fixture=$src/fixtures/pistoia-prato-relazione-2022.xml
oiv=$src/layouts/relazione-oiv.xml

. "$src/tests/pdfcheck.sh"
enter_work "$work"
export SOURCE_DATE_EPOCH=1718668800

"$perfpdf" render "$fixture" -o default.pdf 2>/dev/null || fail "default render exited $?"
"$perfpdf" render "$fixture" --layout "$oiv" -o oiv.pdf 2>err.txt || fail "oiv render exited $?: $(tail -3 err.txt)"
grep -q "error" err.txt && fail "oiv render printed errors: $(grep error err.txt | head -3)"
check_pdf_file oiv.pdf
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
[ "$(pages default.pdf)" -eq 54 ] || fail "default render: $(pages default.pdf) pages, expected 54"
[ "$(pages oiv.pdf)" -eq 56 ] || fail "oiv render: $(pages oiv.pdf) pages, expected 56 (two for the section)"
pdftotext -enc UTF-8 default.pdf - | squeeze | grep -qF 'Dovesisonopersiipunti' &&
    fail "the default layout prints the points lost"

# the section's first page, named in the INDICE
first=0
for n in $(seq 1 56); do
    pdftotext -f "$n" -l "$n" -raw -enc UTF-8 oiv.pdf - | squeeze >page.txt
    if grep -qF '3.4Dovesisonopersiipunti' page.txt && ! grep -qF 'INDICE' page.txt; then first=$n; break; fi
done
[ "$first" -gt 0 ] || fail "no page with the heading 3.4 Dove si sono persi i punti"
toc_entries oiv.pdf 2 >toc.txt
grep -qP "^$first\t3\.4 Dove si sono persi i punti" toc.txt || fail "INDICE: 3.4 not on page $first: $(grep 3.4 toc.txt)"
pdftotext -f "$first" -l $((first + 1)) -raw -enc UTF-8 oiv.pdf - | squeeze >section.txt

# the intro, with the ente's figures
grep -qF "L'enteharaggiuntoil97,98%:2,02puntisottoil100%." section.txt || fail "the intro lacks the ente's figures"
# the chart: rank, label, points, in this order
order=$(grep -oE '1\.SOST_TUR_05|2\.SANZRI_06|3\.CapacitàdellaretePID|4\.SOVRAIND_01|15\.Customersatisfaction\(protesti\)2022' section.txt | head -5 | tr '\n' ' ')
[ "$order" = "1.SOST_TUR_05 2.SANZRI_06 3.CapacitàdellaretePID 4.SOVRAIND_01 15.Customersatisfaction(protesti)2022 " ] ||
    fail "the chart's ranking: '$order'"
pdftotext -f "$first" -l "$first" -layout -enc UTF-8 oiv.pdf - >layout.txt
grep -qE '1\. SOST_TUR_05 .* 0,21$' layout.txt || fail "the chart: SOST_TUR_05 without 0,21"
grep -qE '2\. SANZRI_06 .* 0,17$' layout.txt || fail "the chart: SANZRI_06 without 0,17"
grep -qE 'III Ottimizzazione .* 0,32$' layout.txt || fail "the areas' chart: III without 0,32"
# the table: rank, indicator, objective, grado, weight on the ente, points
for row in '1SOST_TUR_05Numerodiimpresecoinvolteinciascunwebinar01_03_02Sostegnoalturismo(FP2019-2020)47,00%0,40%0,21' \
           '3CapacitàdellaretePIDdicrearecollegamentiefilieredell'"'"'innovazione01_01_02PID-Puntoimpresadigitale30,00%0,23%0,16' \
           '2SANZRI_06Volumemediodiattivitàgestitodalpersonalealprocedimentosanzionatorio02_01_06SanzioniRIeREA82,27%0,95%0,17' \
           "IPromozioneesostegnoallosviluppoeallacompetitivitàdelterritorioedelsistemadelleimprese:0,83puntipersi" \
           "IISemplificazioneamministrativaede-government:0,88puntipersi" \
           "Altri15indicatoridell'ambito0,21" \
           "Puntipersidall'ente2,02"; do
    grep -qF -- "$row" section.txt || fail "the table lacks '$row'"
done

# the charts are Figures that say their bars to a screen reader
qpdf --qdf --object-streams=disable oiv.pdf oiv.qdf 2>/dev/null
grep -aoE '/Alt <feff[0-9a-f]+>' oiv.qdf | sed 's/.*<feff//; s/>$//' |
    while read -r hex; do printf '%s' "$hex" | xxd -r -p | iconv -f UTF-16BE -t UTF-8; echo; done >alts.txt
grep -aoE '/Alt \([^)]*\)' oiv.qdf >>alts.txt
grep -qF "Grafico a barre orizzontali: I 15 indicatori che sono costati più punti all'ente. Valori: 1. SOST_TUR_05 Numero di imprese coinvolte in ciascun webinar 0,21; 2. SANZRI_06" alts.txt ||
    fail "the ranking chart's alternative text: $(grep orizzontali alts.txt | head -1)"
grep -qF "Grafico a barre orizzontali: Punti persi per ambito strategico. Valori: I Promozione" alts.txt ||
    fail "the areas' chart has no alternative text"

# nothing lost, nothing to say: a Relazione at 100 %
cat >full.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<DocumentoPerformance xmlns="urn:perfpdf:documento:1" versione="1.0">
<DatiGenerali><Tipo>relazione</Tipo><Titolo>Tutto raggiunto</Titolo><AnnoRiferimento>2022</AnnoRiferimento>
<Amministrazione><Denominazione>Ente di prova</Denominazione></Amministrazione></DatiGenerali>
<Albero><Ambito id="a" peso="100"><Titolo>A</Titolo><ObiettivoStrategico id="s" peso="100"><Titolo>S</Titolo>
<ObiettivoOperativo id="o" peso="100"><Titolo>O</Titolo>
<Indicatore id="i" peso="100"><Nome>Pratiche evase</Nome><Unita>N.</Unita>
<Target anno="2022" operatore="ge" valore="10"/><Consuntivo valore="12"/></Indicatore>
</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>
</DocumentoPerformance>
XML
"$perfpdf" render full.xml --layout "$oiv" -o full.pdf 2>/dev/null || fail "render of a document at 100 % exited $?"
pdftotext -enc UTF-8 full.pdf - | squeeze | grep -qF 'Dovesisonopersiipunti' &&
    fail "a document at 100 % prints a section of points lost"

# a bad top: refused, with its position
sed 's/<points-lost top="15"\/>/<points-lost top="0"\/>/' "$oiv" >bad.xml
"$perfpdf" render "$fixture" --layout bad.xml -o bad.pdf 2>bad.txt
rc=$?
[ $rc -eq 2 ] || fail "a layout with top=\"0\" exited $rc, expected 2"
grep -qE 'bad\.xml:[0-9]+:[0-9]+: error: <points-lost top="0">: expected a number from 1 to 100' bad.txt ||
    fail "top=\"0\": $(head -2 bad.txt)"
[ -e bad.pdf ] && fail "a refused layout left bad.pdf"
echo "render_points_lost: ok"
