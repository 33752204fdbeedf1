#!/usr/bin/env bash
# `perfpdf render` on a Piano with the layout chosen by default (the
# document's Tipo is "piano": layouts/piano.xml), checked on the PDF:
#   - nothing of a result: no "N/D", "DA VALUTARE", "Principali risultati",
#     "Grado", no weight of 0,00 %;
#   - every indicator code, a "Target YYYY" column for each year of the
#     Triennio, the tolerance and 40/60 sentences generated from <Sistema>
#     (a changed tolleranza changes the sentence), budgets with totals;
#   - every INDICE entry's page number is a page showing that heading;
#   - qpdf --check is clean; two renders are byte-identical;
#   - the PIAO layout numbers it 2.2, 2.2.1...; `score` says "non ancora
#     misurato";
#   - Massa-Carrara 2019: every dashboard of Allegato 2 with the monitoring
#     column and a partial achievement, every PO of Allegato 3, no empty
#     last page.
# usage: render_piano.sh PERFPDF SOURCE_DIR WORK_DIR
set -u
perfpdf=$1
src=$2
work=$3
small=$src/fixtures/piano-piccolo-2024.xml
csvplan=$src/fixtures/csv/piano-2023.xml

# shared helpers: fail, enter_work, normalize, squeeze, unescape, check_pdf_file...
. "$src/tests/pdfcheck.sh"
enter_work "$work"
export SOURCE_DATE_EPOCH=1706140800



# check_pdf PDF MIN_ENTRIES: qpdf, the INDICE on page 2 and its page numbers
check_pdf() {
    local pdf=$1 min=$2
    qpdf --check "$pdf" >qpdf.txt 2>&1 || fail "$pdf: qpdf --check: $(tail -5 qpdf.txt)"
    if grep -qE '^(WARNING|ERROR)' qpdf.txt; then fail "$pdf: qpdf --check: $(grep -E '^(WARNING|ERROR)' qpdf.txt | head -3)"; fi
    pdftotext -f 2 -l 2 -layout "$pdf" - | grep -q "INDICE" || fail "$pdf: page 2 is not the INDICE"
    local n title words count=0
    while IFS=$'\t' read -r n title; do
        [ -n "$n" ] || continue
        words=$(printf '%s' "$title" | normalize | awk '{ print $1, $2, $3 }' | sed 's/ *$//')
        pdftotext -f "$n" -l "$n" -layout -enc UTF-8 "$pdf" - | normalize | grep -qF -- "$words" ||
            fail "$pdf: INDICE says '$title' is on page $n, it is not"
        count=$((count + 1))
    done <<<"$(toc_entries "$pdf" 2)"
    [ $count -ge "$min" ] || fail "$pdf: only $count INDICE entries"
}

# no_results TEXT: nothing a plan does not have
no_results() {
    local t=$1 word
    for word in 'N/D' 'DAVALUTARE' 'Principalirisultati' 'Grado' 'Valutazione' 'Consuntivo'; do
        grep -qF -- "$word" "$t" && fail "$t: a plan prints '$word'"
    done
    grep -qE '(^|[^0-9])0,00%' "$t" && fail "$t: a plan prints a weight of 0,00 %"
    return 0
}

# codes FIXTURE TEXT: every indicator code is in the text
codes() {
    local code n=0
    for code in $(grep -o '<Indicatore [^>]*codice="[^"]*"' "$1" | sed 's/.*codice="//; s/"$//'); do
        grep -qF -- "$code" "$2" || fail "$2: indicator $code missing"
        n=$((n + 1))
    done
    [ $n -ge 5 ] || fail "only $n codes read from $1"
}

# ---- the plan of the spreadsheet walk-through (fixtures/csv) -----------------------
"$perfpdf" render "$csvplan" -o csv.pdf 2>err.txt || fail "render exited $?: $(tail -5 err.txt)"
"$perfpdf" render "$csvplan" -o csv2.pdf 2>/dev/null || fail "second render failed"
cmp -s csv.pdf csv2.pdf || fail "two renders of piano-2023.xml differ"
pdftotext -raw -enc UTF-8 csv.pdf - | squeeze >csv.txt
no_results csv.txt
codes "$csvplan" csv.txt
for y in 2023 2024 2025; do grep -qF "Target$y" csv.txt || fail "csv.pdf: no Target $y column"; done
grep -qF 'Unità' csv.txt || fail "csv.pdf: no Unità column"
grep -qF 'Algoritmo' csv.txt || fail "csv.pdf: no Algoritmo column"
grep -qF '>=12' csv.txt || fail "csv.pdf: MAN_01's 2023 target (>= 12) missing"
grep -qF 'Obiettivioperativi' csv.txt || fail "csv.pdf: no section Obiettivi operativi"
check_pdf csv.pdf 5

# the issue's own steps: a Piano imported from the spreadsheet, rendered as is
"$perfpdf" import "$src/fixtures/csv/piano-2023-excel.csv" -o imported.xml --ente "Comune di Esempio" \
    2>err.txt || fail "import exited $?: $(tail -3 err.txt)"
"$perfpdf" render imported.xml -o imported.pdf 2>err.txt || fail "render of the import exited $?: $(tail -5 err.txt)"
pdftotext -raw -enc UTF-8 imported.pdf - | squeeze >imported.txt
no_results imported.txt
grep -qF 'Target2023' imported.txt || fail "imported.pdf: no Target 2023 column"
check_pdf imported.pdf 5

# ---- the small plan: Sistema in words, budgets, people, every section ---------------
"$perfpdf" render "$small" -o small.pdf 2>err.txt || fail "render exited $?: $(tail -5 err.txt)"
"$perfpdf" render "$small" -o small2.pdf 2>/dev/null || fail "second render failed"
cmp -s small.pdf small2.pdf || fail "two renders of piano-piccolo-2024.xml differ"
pdftotext -raw -enc UTF-8 small.pdf - | squeeze >small.txt
no_results small.txt
codes "$small" small.txt
for y in 2024 2025 2026; do grep -qF "Target$y" small.txt || fail "small.pdf: no Target $y column"; done
grep -qF 'Target2023' small.txt && fail "small.pdf: a Target 2023 column outside the Triennio"
grep -qF "Unindicatorecheraggiungealmenoil90%deltargetèconsideratoraggiunto" small.txt ||
    fail "small.pdf: no tolerance sentence (90 %)"
grep -qF "sottoil50%nonèconsideratoraggiunto" small.txt || fail "small.pdf: no critical level (50 %)"
grep -qF "èperil40%lamediadeisuoiobiettivioperativieperil60%quelladeisuoiindicatori" small.txt ||
    fail "small.pdf: no 40/60 sentence"
grep -qF "finoa0%dopo30giorni" small.txt || fail "small.pdf: no deadline tolerance sentence"
grep -qF 'Risorse(€)' small.txt || fail "small.pdf: no Risorse column"
grep -qF '370.000,50' small.txt || fail "small.pdf: no area total 370.000,50"
grep -qF 'Totaleente405.000,50' small.txt || fail "small.pdf: no ente total 405.000,50"
grep -qF 'DottMarcoBellini' small.txt || grep -qF 'Dott.MarcoBellini' small.txt || fail "small.pdf: no person"
for t in Presentazione 1Sintesi 2Identità 3Analisidelcontesto 4Obiettivistrategici 5Obiettivioperativi \
         6Obiettiviindividuali 7Processoseguito 8Allegati; do
    grep -qF "$t" small.txt || fail "small.pdf: no heading $t"
done
check_pdf small.pdf 12
# the calendar of the phases and Allegato 1 are in the INDICE, under 7 and 8
toc_entries small.pdf 2 | cut -f2 | normalize >toc.txt
grep -qF '7.1 Fasi, soggetti e tempi del processo di redazione del Piano' toc.txt ||
    fail "small.pdf: the INDICE has no 7.1 Fasi, soggetti e tempi (the calendar)"
grep -qF '8 Allegati Allegato 1 – Albero degli obiettivi con indicatori, target e risorse' toc.txt ||
    fail "small.pdf: the INDICE has no Allegato 1 (its title says its number)"
grep -qF 'Calendariodellefasi' small.txt || fail "small.pdf: no calendar caption"
grep -qF 'N.AttivitàSetOttNovDicGenFebAttori' small.txt ||
    fail "small.pdf: the calendar's months are not Set 2023 to Feb 2024"
grep -qF '1.PropostadegliobiettivideiserviziResponsabilideiservizi' small.txt ||
    fail "small.pdf: no calendar row 1. Proposta degli obiettivi dei servizi"
grep -qF 'Obiettivo/indicatoreAlgoritmoUnitàTarget2024Target2025Target2026Risorse(€)' small.txt ||
    fail "small.pdf: Allegato 1 has not its columns"
grep -qF 'SCU_02ProgettoesecutivodellapalestradiviaRomadatadiapprovazionedelprogetto–Entro30/09/2024––' small.txt ||
    fail "small.pdf: Allegato 1 has not SCU_02's deadline in 2024 and '–' for 2025 and 2026"
grep -qF 'media semplice' small.txt && fail "small.pdf: a plain mean said where the Sistema has none"

# the strategy map: in section 2, its bands, its three boxes, the figure's alternative text
map_page=0
for n in $(seq 1 "$(pdfinfo small.pdf | awk '/^Pages:/ { print $2 }')"); do
    pdftotext -f "$n" -l "$n" -raw -enc UTF-8 small.pdf - | squeeze >page.txt
    if grep -qF 'Mappastrategica' page.txt; then map_page=$n; break; fi
done
[ "$map_page" -gt 0 ] || fail "small.pdf: no Mappa strategica"
for t in 2Identità Utenti-imprese-territorio Processiinterni 1.1Manutenzione 2.1Servizidigitali \
         2.2Partecipazione A1–Territoriosicuro A2–Amministrazione; do
    grep -qF -- "$t" page.txt || fail "small.pdf: the map's page $map_page lacks '$t'"
done
qpdf --qdf --object-streams=disable small.pdf small.qdf 2>/dev/null
grep -aqF '/Alt (Mappa strategica: 3 obiettivi strategici in 2 bande \(Utenti-imprese-territorio: 2; Processi interni: 2\), 2 collegamenti causa-effetto.)' small.qdf ||
    fail "small.pdf: the map's alternative text is not as expected"

# the sentences come from <Sistema>, not from the layout
sed 's/tolleranza="10" critico="50"/tolleranza="25" critico="40"/; s/operativi="40" indicatori="60"/operativi="30" indicatori="70"/' \
    "$small" >changed.xml
grep -q 'tolleranza="25"' changed.xml || fail "could not make changed.xml"
"$perfpdf" render changed.xml -o changed.pdf 2>/dev/null || fail "render of changed.xml failed"
pdftotext -raw -enc UTF-8 changed.pdf - | squeeze >changed.txt
grep -qF "almenoil75%deltarget" changed.txt || fail "changed.pdf: tolerance sentence not from Sistema"
grep -qF "sottoil40%" changed.txt || fail "changed.pdf: critical level not from Sistema"
grep -qF "peril30%" changed.txt && grep -qF "peril70%" changed.txt || fail "changed.pdf: mix not from Sistema"

# ---- the PIAO's subsection 2.2 ---------------------------------------------------------
"$perfpdf" render "$small" --layout "$src/layouts/piao-performance.xml" -o piao.pdf 2>err.txt ||
    fail "render with piao-performance.xml exited $?: $(tail -5 err.txt)"
pdftotext -raw -enc UTF-8 piao.pdf - | squeeze >piao.txt
no_results piao.txt
grep -qF 'Pianointegratodiattivitàeorganizzazione–Sottosezione2.2Performance' piao.txt ||
    fail "piao.pdf: the cover does not name the PIAO's subsection 2.2"
for t in 2.2Performance 2.2.1Sintesi 2.2.4Obiettivistrategici 2.2.5Obiettivioperativi 2.2.7.1Fasi \
         2.2.7.2Come 2.2.8Allegati Allegato1–Albero; do
    grep -qF "$t" piao.txt || fail "piao.pdf: no heading $t"
done
grep -qE '(^|[^.0-9])4Obiettivistrategici' piao.txt && fail "piao.pdf: a heading numbered outside 2.2"
grep -qF 'Mappastrategica' piao.txt || fail "piao.pdf: no strategy map"
check_pdf piao.pdf 12

# ---- Massa-Carrara 2019: Allegato 2 (dashboards of the offices), Allegato 3 (POs) --------
massa=$src/fixtures/massa-carrara-piano-2019.xml
"$perfpdf" render "$massa" -o massa.pdf 2>err.txt || fail "render exited $?: $(tail -5 err.txt)"
"$perfpdf" render "$massa" -o massa2.pdf 2>/dev/null || fail "second render failed"
cmp -s massa.pdf massa2.pdf || fail "two renders of massa-carrara-piano-2019.xml differ"
pdftotext -raw -enc UTF-8 massa.pdf - | squeeze >massa.txt
# every indicator (code and name) and every objective and area title of the fixture
indicator_codes_and_names "$massa" >expected.txt
sed -n '/<Albero>/,/<\/Albero>/p' "$massa" | grep -o '<Titolo>[^<]*</Titolo>' |
    sed 's/<Titolo>//; s/<\/Titolo>//' | unescape | sed 's/^/T\t/' >>expected.txt
[ "$(wc -l <expected.txt)" -ge 170 ] || fail "only $(wc -l <expected.txt) names read from Massa"
missing=$(all_present expected.txt massa.txt)
[ "$missing" -eq 0 ] || fail "massa.pdf: $missing names of the fixture missing"
check_pdf_file massa.pdf
# before the Allegati a plan prints no result; the dashboards print monitoring values
sed 's/Allegato2–Cruscottidegliuffici.*//' massa.txt >massa-plan.txt
no_results massa-plan.txt
grep -qF 'Allegato2–Cruscottidegliuffici' massa.txt || fail "massa.pdf: no Allegato 2"
for h in 'U0.1–UfficioProgrammazione' 'U1.1–Ufficiosegreteria' 'U2.1–Ufficioregistro' \
         'U3.1–Ufficiosanzioni' 'U3.2–Ufficiometrico' 'U4.1–UfficioOrientamento' \
         'U5.1–Ufficioragioneria' 'U5.2–UfficioProvveditorato' 'ISR–AziendaSpeciale'; do
    grep -qF "$h" massa.txt || fail "massa.pdf: no dashboard $h"
done
grep -qF 'Risultatoal30/06/2019' massa.txt || fail "massa.pdf: no monitoring column"
# O2.1.1-b: 4 of >= 5 incontri, 80 % (between the critical 50 % and 90 %)
grep -qF '>=5N.4N.80,00%' massa.txt || fail "massa.pdf: O2.1.1-b's partial 80,00 % missing"
grep -qF 'Allegato3–ObiettividellePosizioniOrganizzative' massa.txt || fail "massa.pdf: no Allegato 3"
for h in 'PO2–ServizioRegistroImprese' 'PO3–ServizioCertificazioni' 'PO4–ServizioPromozione' \
         'PO5–Serviziorisorsefinanziarie'; do
    grep -qF "$h" massa.txt || fail "massa.pdf: no PO heading $h"
done
grep -qF 'PO2,PO3,PO4,PO5' massa.txt || fail "massa.pdf: O2.1.4-c's holders missing"
last=$(pdfinfo massa.pdf | awk '/^Pages:/ { print $2 }')
pdftotext -f "$last" -l "$last" -raw massa.pdf - | grep -qF 'Codice' || fail "massa.pdf: last page $last is empty"
check_pdf massa.pdf 20
# a plan without Monitoraggio has no monitoring columns
grep -qF 'Risultatoal' small.txt && fail "small.pdf: monitoring columns without Monitoraggio"

# ---- the Relazione's layout is still the Relazione's ------------------------------------
"$perfpdf" render "$small" --layout "$src/layouts/relazione.xml" -o asrel.pdf 2>/dev/null ||
    fail "render with relazione.xml failed"
pdftotext -raw -enc UTF-8 asrel.pdf - | squeeze | grep -qF 'Principalirisultati' ||
    fail "--layout relazione.xml is not obeyed"

# ---- score ----------------------------------------------------------------------------------
"$perfpdf" score "$small" >score.txt || fail "score exited $?"
grep -q 'non ancora misurato' score.txt || fail "score does not say 'non ancora misurato'"
grep -qE 'N/D|[^0-9]0,00 %' score.txt && fail "score on a plan prints N/D or 0,00 %: $(grep -E 'N/D|[^0-9]0,00 %' score.txt | head -2)"
"$perfpdf" score "$small" --format json >score.json || fail "score --format json exited $?"
grep -q '"plan": true' score.json || fail "score json lacks \"plan\": true"
grep -q '"achievement": null' score.json || fail "score json: achievement not null"
"$perfpdf" score "$small" --format csv >score.csv || fail "score --format csv exited $?"
head -1 score.csv | grep -q 'overridden,points_lost,plan' || fail "score csv lacks the plan column"
echo "render_piano: ok"
