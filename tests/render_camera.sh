#!/usr/bin/env bash
# `perfpdf render` on the imaginary Camera dell'Appennino Immaginario
# (fixtures/camera-immaginaria-relazione-2023.xml), checked on the PDF as a
# reader gets it, as render_pdf.sh does for Pistoia-Prato:
#   - every indicator code and name of the fixture (own objectives too) is in
#     the text; every INDICE entry's page number is a page showing it;
#   - qpdf --check is clean; every font embedded; two renders byte-identical;
#   - the 14-column calendar on a landscape page, no "10-30" broken;
#   - "non completato"; "non oggetto di misurazione" (see KNOWN below);
#   - no weights printed for the areas under the plain-mean ente;
#   - revised targets with the old value and their notes, the change notes
#     (indicator moved, objective removed), each person's "Risultato
#     complessivo", the headline figures;
#   - with layouts/relazione-con-strutture.xml: the results per unit.
# usage: render_camera.sh PERFPDF SOURCE_DIR WORK_DIR
set -u
perfpdf=$1
src=$2
work=$3
fixture=$src/fixtures/camera-immaginaria-relazione-2023.xml
units_layout=$src/layouts/relazione-con-strutture.xml

# shared helpers: fail, enter_work, normalize, squeeze, unescape, check_pdf_file...
. "$src/tests/pdfcheck.sh"
# A defect reported to the lead and not fixed yet: said, not failed. When it
# is fixed the message disappears (and the check can become a fail).
known() { echo "KNOWN ISSUE (reported, src/ not changed here): $*" >&2; }

enter_work "$work"
export SOURCE_DATE_EPOCH=1718668800

"$perfpdf" render "$fixture" -o a.pdf 2>err.txt || fail "render exited $?: $(tail -5 err.txt)"
grep -qE "warning|error" err.txt && fail "render printed diagnostics: $(head -3 err.txt)"
"$perfpdf" render "$fixture" -o b.pdf 2>/dev/null || fail "second render failed"
cmp -s a.pdf b.pdf || fail "two renders of the same input differ"
"$perfpdf" render "$fixture" --layout "$units_layout" -o u.pdf 2>err.txt ||
    fail "render with relazione-con-strutture.xml exited $?: $(tail -5 err.txt)"
"$perfpdf" render "$fixture" --layout "$units_layout" -o v.pdf 2>/dev/null || fail "second render (units) failed"
cmp -s u.pdf v.pdf || fail "two renders with the units layout differ"

pages=$(pdfinfo a.pdf | awk '/^Pages:/ {print $2}')
upages=$(pdfinfo u.pdf | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -ge 15 ] || fail "only ${pages:-0} pages"
[ "${upages:-0}" -gt "$pages" ] || fail "the units layout adds no page (${upages:-0} vs $pages)"

# ---- the files --------------------------------------------------------------------
for f in a.pdf u.pdf; do
    check_pdf_file $f
done

# ---- the text: every indicator code and name ----------------------------------------
pdftotext -raw -enc UTF-8 a.pdf - | squeeze >text.txt
pdftotext -raw -enc UTF-8 u.pdf - | squeeze >utext.txt

indicator_codes_and_names "$fixture" >expected.txt
ncodes=$(grep -c '^C' expected.txt)
nnames=$(grep -c '^N' expected.txt)
[ "$ncodes" -eq 41 ] && [ "$nnames" -eq 41 ] || fail "read $ncodes codes and $nnames names from the fixture, not 41"
missing=$(all_present expected.txt text.txt)
[ $missing -eq 0 ] || fail "$missing of $ncodes codes and $nnames names are not in the PDF text"

# ---- the INDICE of both: each entry's number is a page showing that heading -----------
check_toc() {
    local pdf=$1 min=$2
    pdftotext -f 2 -l 2 -layout "$pdf" - | grep -q "INDICE" || fail "page 2 of $pdf is not the INDICE"
    local entries first_body n title words count=0
    entries=$(toc_entries "$pdf" 2)
    first_body=$(printf '%s\n' "$entries" | awk -F'\t' 'NR == 1 || $1 < m { m = $1 } END { print m }')
    [ -n "$first_body" ] || fail "no INDICE entries on page 2 of $pdf"
    for ((p = 3; p < first_body; p++)); do entries=$(printf '%s\n%s' "$entries" "$(toc_entries "$pdf" $p)"); done
    while IFS=$'\t' read -r n title; do
        [ -n "$n" ] || continue
        words=$(printf '%s' "$title" | normalize | awk '{ print $1, $2, $3 }' | sed 's/ *$//')
        pdftotext -f "$n" -l "$n" -layout -enc UTF-8 "$pdf" - | normalize | grep -qF -- "$words" ||
            fail "INDICE of $pdf says '$title' is on page $n, it is not"
        count=$((count + 1))
    done <<<"$entries"
    [ $count -ge "$min" ] || fail "only $count INDICE entries in $pdf"
    echo $count
}
nentries=$(check_toc a.pdf 12) || exit 1
uentries=$(check_toc u.pdf 17) || exit 1

# ---- the calendar: a landscape page, every "10-30" whole ------------------------------
cal_page=0
for ((p = 1; p <= pages; p++)); do
    pdftotext -f $p -l $p -layout a.pdf - | grep -q 'Calendario delle fasi del ciclo' && cal_page=$p
done
[ $cal_page -gt 0 ] || fail "the calendar is not in the PDF"
pdfinfo -f $cal_page -l $cal_page a.pdf | grep -qE "Page +$cal_page size: +841.89 x 595.28" ||
    fail "the 14-column calendar (page $cal_page) is not on a landscape page"
want=$(grep -o '<Cella>10-30</Cella>' "$fixture" | wc -l)
whole=$(pdftotext -f $cal_page -l $cal_page -layout a.pdf - | grep -o '10-30' | wc -l)
[ "$want" -eq 3 ] && [ "$whole" -eq "$want" ] || fail "the calendar shows $whole whole '10-30', not $want"
pdftotext -f $cal_page -l $cal_page -layout a.pdf - | grep -q 'Gennaio.*Dicembre.*Chi' ||
    fail "the calendar's header (Fase, 12 months, Chi) is not on one line"

# ---- what is shown and not counted -----------------------------------------------------
grep -qF 'Entro30/09/2023noncompletato0,00%' text.txt || fail "RI_05 not printed 'non completato' at 0,00 %"
grep -qF 'RI_05:noncompletato–Lapiattaformanazionale' text.txt || fail "no note for the deadline not completed"
grep -qF 'nonoggettodimisurazione' text.txt ||
    fail "02_02_03 (nonMisurato) is never printed 'non oggetto di misurazione'"
grep -qF '(fuoridalcalcolo:02_02_03,nonoggettodimisurazione)' text.txt ||
    fail "no weights note naming 02_02_03 as not measured"
grep -qF "(fuoridalcalcolo:01_02_03,rimossoincorsod'anno" text.txt || fail "no weights note naming 01_02_03 as removed"
# Fontana's weights are shared out over 90: her total can be recomputed from the page
grep -qF '30,00%→33,33%' text.txt || fail "Fontana's table does not show the effective weights"
grep -qF '01_02_03Marchiocollettivo"QualitàAppennino"N/DRIMOSSO' text.txt ||
    fail "the removed objective 01_02_03 not shown as RIMOSSO"

# ---- the plain-mean ente: no weights for its areas ---------------------------------------
pdftotext -layout -enc UTF-8 a.pdf - | sed 's/\xe2\x80\x82/ /g' >layout.txt
for area in '1 Competitività e sviluppo delle imprese' '2 Semplificazione e trasparenza del mercato' \
            "3 Efficienza e sostenibilità dell'ente"; do
    rows=$(grep -F -- "$area" layout.txt | grep -E '[0-9],[0-9]{2} %' || true)
    [ -n "$rows" ] || fail "no row of area '$area' with its percentage"
    printf '%s\n' "$rows" | grep -qE '[0-9],[0-9]{2} % +[0-9]+,[0-9]{2} %' &&
        fail "a weight printed on the row of area '$area': $(printf '%s\n' "$rows" | head -1)"
    printf '%s\n' "$rows" | grep -qF '–' || fail "no '–' in the weight column of area '$area'"
done

# ---- the figures as printed --------------------------------------------------------------
grep -qF 'Performancediente75,98%' text.txt || fail "the ente's 75,98 % not printed"
for fig in 73,83 73,60 80,51 70,97 78,13 57,20 90,00 78,05 86,25; do
    grep -qF "$fig%" text.txt || fail "$fig % not printed"
done

# ---- changes during the year -------------------------------------------------------------
grep -qF '>=50N.>=40N.36N.60,00%' text.txt || fail "MT_02: old target >= 50 N. not printed beside the revised one"
grep -qF 'MT_02:targetrivisto(>=50N.→>=40N.)condeliberazionen.58/23del20/07/2023' text.txt ||
    fail "no revision note with its deliberation for MT_02"
grep -qF '>=45,00%>=40,00%42,00%' text.txt || fail "MD_02: old target >= 45,00 % not printed"
grep -qF 'MD_02:targetrivisto(>=45,00%→>=40,00%)il30/06/2023' text.txt ||
    fail "no revision note (without deliberation) for MD_02"
grep -qF "DI_01:indicatorespostatodall'obiettivo03_01_01conDeliberan.21/23del12/04/2023" text.txt ||
    fail "no note for the indicator moved (DI_01)"
grep -qF "01_02_03:rimossoincorsod'annoconDeliberan.71/23del12/09/2023,nonconteggiato–Progettosospeso" text.txt ||
    fail "no note for the objective removed (01_02_03)"

# ---- people ----------------------------------------------------------------------------------
n=$(grep -o 'Risultatocomplessivo' text.txt | wc -l)
[ "$n" -eq 3 ] || fail "$n 'Risultato complessivo' rows, not 3"
for who in 'Risultatocomplessivo68,49%' 'Risultatocomplessivo73,39%' 'Risultatocomplessivo69,59%'; do
    grep -qF "$who" text.txt || fail "no '$who'"
done
for own in 'ObiettivoindividualeSG_01–Coordinamentodelciclodellaperformance50,00%' \
           "ObiettivoindividualeDAP_01–RetedeiPuntiImpresaDigitaledell'Appennino80,00%" \
           "ObiettivoindividualeDAR_01–Digitalizzazionedell'archiviostoricodelRegistroimprese80,33%"; do
    grep -qF "$own" text.txt || fail "no table of the own objective '$own'"
done

# ---- units: only with the layout that turns them on --------------------------------------------
grep -qF 'Risultatiperstrutturaorganizzativa' text.txt && fail "the default layout prints results per unit"
grep -qF 'Risultatiperstrutturaorganizzativa' utext.txt || fail "no section of results per unit"
for r in 80,47 68,21 95,00 73,20; do
    grep -qF "Risultatodellastruttura(mediasemplicedegliobiettivi)$r%" utext.txt || fail "no unit result $r %"
done

echo "ok: $pages pages ($upages with units), $ncodes codes and $nnames names, $nentries + $uentries INDICE entries"
