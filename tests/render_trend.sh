#!/usr/bin/env bash
# The trend over the years on the command line (issue 14): the Relazione
# 2023 of the Comune di Valpiccola rendered with earlier Relazioni
# (--precedenti), checked on the PDF and on the exit status:
#   - "3.4 Andamento negli anni" on one more page, its rows with the grado
#     of each year (the figures worked out in the fixtures' comments), the
#     indicators' consuntivi, nothing of what is gone (2.3, SUA_01, ANA_01)
#     or new (DIG_01: no earlier year);
#   - without --precedenti no such section; qpdf clean; reruns identical;
#   - three years in any order of the arguments, "–" where a year lacks a
#     code, the warning for a year sharing no code;
#   - the refusals (same year, a Piano, another administration, a year
#     twice) with their messages and exit 2; the list's spellings;
#   - the column storico of the indicator tables, in a copy of the layout;
#   - score --precedenti in JSON.
# usage: render_trend.sh PERFPDF SOURCE_DIR WORK_DIR
set -u
perfpdf=$1
src=$2
work=$3
r2022=$src/fixtures/valpiccola-relazione-2022.xml
r2023=$src/fixtures/valpiccola-relazione-2023.xml
r2021=$src/tests/data/valpiccola-relazione-2021-altri-codici.xml
piano=$src/fixtures/piano-piccolo-2024.xml
other=$src/fixtures/esempio-minimo.xml

. "$src/tests/pdfcheck.sh"
enter_work "$work"
export SOURCE_DATE_EPOCH=1706140800

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
# the text of the page of the trend (not the INDICE), normalized
trend_page() {
    local pdf=$1 n
    for n in $(seq 1 "$(pages "$pdf")"); do
        if pdftotext -f "$n" -l "$n" -layout "$pdf" - | grep -q "Grado di raggiungimento negli anni"; then
            pdftotext -f "$n" -l "$n" -layout "$pdf" - | normalize
            return
        fi
    done
}
has() { grep -qF -- "$2" <<<"$1" || fail "$3: '$2' not found in: $1"; }
hasnt() { grep -qF -- "$2" <<<"$1" && fail "$3: '$2' found"; true; }

# ---- two years ----
"$perfpdf" render "$r2023" -o plain.pdf 2>err.txt || fail "render without precedenti: $(cat err.txt)"
"$perfpdf" render "$r2023" --precedenti "$r2022" -o trend.pdf 2>err.txt ||
    fail "render --precedenti: $(cat err.txt)"
check_pdf_file trend.pdf
[ "$(pages plain.pdf)" = 8 ] || fail "plain.pdf: $(pages plain.pdf) pages, expected 8"
[ "$(pages trend.pdf)" = 9 ] || fail "trend.pdf: $(pages trend.pdf) pages, expected 9"
pdftotext plain.pdf - | grep -q "Andamento" && fail "plain.pdf has a trend section"
pdftotext -f 2 -l 2 -layout trend.pdf - | normalize | grep -qF "3.4 Andamento negli anni 9" ||
    fail "trend.pdf: the INDICE does not list 3.4 Andamento negli anni on page 9"
t=$(trend_page trend.pdf)
[ -n "$t" ] || fail "trend.pdf: no page with 'Andamento negli anni'"
for row in "3.4 Andamento negli anni" \
    "Ente, ambito, obiettivo strategico 2022 2023" \
    "Performance di ente 82,40 % 86,08 %" \
    "A1 Territorio sicuro e sostenibile 76,00 % 96,80 %" \
    "1.1 Manutenzione del patrimonio pubblico 76,00 % 96,80 %" \
    "A2 Amministrazione vicina ai cittadini 92,00 % 70,00 %" \
    "2.1 Servizi digitali 100,00 % 70,00 %" \
    "Grado di raggiungimento negli anni: ente e ambiti strategici" \
    "Consuntivi degli indicatori negli anni" \
    "PAT_01 Edifici pubblici con certificato di agibilità aggiornato 40,00 % 57,00 %" \
    "ILL_01 Punti luce a LED 25,00 % 24,00 %" \
    "1 N. 2 N."; do
    has "$t" "$row" "trend page"
done
hasnt "$t" "DIG_01" "trend page (DIG_01 is new in 2023)"
for gone in SUA_01 ANA_01 "Sportello unico"; do
    pdftotext trend.pdf - | grep -qF "$gone" && fail "trend.pdf prints '$gone', gone in 2023"
done
"$perfpdf" render "$r2023" --precedenti "$r2022" -o again.pdf 2>/dev/null || fail "rerun"
cmp -s trend.pdf again.pdf || fail "two renders with --precedenti differ"

# ---- three years, given newest first, one without codes in common ----
"$perfpdf" render "$r2023" --precedenti "$r2022" "$r2021" -o three.pdf 2>err.txt ||
    fail "three years: $(cat err.txt)"
grep -qxF "$r2021: warning: no area, objective or indicator of $r2023 has a code found here: only the ente's result can be compared" err.txt ||
    fail "three years: no warning for 2021: $(cat err.txt)"
t=$(trend_page three.pdf)
has "$t" "Ente, ambito, obiettivo strategico 2021 2022 2023" "three years"
has "$t" "Performance di ente 90,00 % 82,40 % 86,08 %" "three years"
has "$t" "A1 Territorio sicuro e sostenibile – 76,00 % 96,80 %" "three years"
# the list's other spellings: "=", repeated, ended by an option
"$perfpdf" render "$r2023" --precedenti="$r2021" --precedenti "$r2022" -o three-b.pdf 2>/dev/null ||
    fail "--precedenti=FILE --precedenti FILE"
cmp -s three.pdf three-b.pdf || fail "the same three years spelt otherwise differ"

# ---- the indicator tables' column storico, in a copy of the layout ----
sed 's|<column key="target" width="16" label="Target"/>|&\n    <column key="storico" width="14" label="Anni precedenti"/>|' \
    "$src/layouts/relazione.xml" >storico.xml
grep -q 'key="storico"' storico.xml || fail "storico.xml: the column was not added"
"$perfpdf" render "$r2023" --layout storico.xml --precedenti "$r2022" -o storico.pdf 2>err.txt ||
    fail "storico: $(cat err.txt)"
t=$(pdftotext -layout storico.pdf - | squeeze)
for cell in "precedenti" "2022:1N.2N." "2022:25,00%24,00%" "2022:40,00%57,00%"; do
    grep -qF -- "$cell" <<<"$t" || fail "storico.pdf: '$cell' not found"
done
# the 2024 Relazione: ILL_01's serie storica (N., since its unit changed)
# under the earlier years' 24 % and 25 %, newest first
"$perfpdf" render "$src/fixtures/valpiccola-relazione-2024.xml" --layout storico.xml \
    --precedenti "$r2022" "$r2023" -o storico-2024.pdf 2>err.txt || fail "storico 2024: $(cat err.txt)"
t=$(pdftotext -raw storico-2024.pdf - | squeeze)
grep -qF "2023:24,00%seriestorica:420N.2022:25,00%seriestorica:310N." <<<"$t" ||
    fail "storico 2024: ILL_01's years with its serie storica"
"$perfpdf" render "$r2023" --layout storico.xml -o storico-none.pdf 2>/dev/null || fail "storico without"
pdftotext storico-none.pdf - | grep -q "2022:" && fail "storico without precedenti prints a year"

# ---- refusals ----
refused() {
    local what=$1 expected=$2
    shift 2
    "$perfpdf" "$@" >out.txt 2>err.txt
    local rc=$?
    [ $rc = 2 ] || fail "$what: exit $rc, expected 2"
    grep -qxF -- "$expected" err.txt || fail "$what: expected '$expected', got: $(cat err.txt)"
    [ -s out.txt ] && fail "$what: something on stdout"
    true
}
refused "same year" \
    "$r2023:18:5: error: year 2023 is not before 2023, the year of $r2023: an earlier Relazione must report on an earlier year" \
    render "$r2023" --precedenti "$r2023" -o refused.pdf
[ -e refused.pdf ] && fail "a refused render wrote its PDF"
refused "a Piano" \
    "$piano: error: this is a Piano, not a Relazione: only a Relazione gives the results of an earlier year" \
    render "$r2023" --precedenti "$piano" -o refused.pdf
refused "another administration" \
    "$other: error: another administration: 'Comune di Esempio', not 'Comune di Valpiccola' of $r2023" \
    score "$r2023" --precedenti "$other"
refused "a year twice" \
    "$r2022:18:5: error: a second Relazione of 2022: $r2022 reports on that year already" \
    score "$r2023" --precedenti "$r2022" "$r2022"
refused "an empty list" "perfpdf score: option '--precedenti' needs a value" \
    score "$r2023" --precedenti

# ---- validate --precedenti: the same refusals and warnings, before the render ----
refused "validate, a later year" \
    "$r2022: valid, but not with the earlier Relazioni given (see above)" \
    validate "$r2022" --precedenti "$r2023"
grep -qxF "$r2023:18:5: error: year 2023 is not before 2022, the year of $r2022: an earlier Relazione must report on an earlier year" err.txt ||
    fail "validate --precedenti, a later year: $(cat err.txt)"
"$perfpdf" validate "$r2023" --precedenti "$r2022" "$r2021" >out.txt 2>err.txt ||
    fail "validate --precedenti: $(cat err.txt)"
grep -qxF "$r2023: valid (1 warning)" err.txt || fail "validate --precedenti: the summary says $(tail -1 err.txt)"
grep -qF "$r2021: warning: no area, objective or indicator of $r2023" err.txt ||
    fail "validate --precedenti: the warning of a year sharing no code"

# ---- score ----
"$perfpdf" score "$r2023" --precedenti "$r2022" --format json >score.json 2>err.txt ||
    fail "score --precedenti: $(cat err.txt)"
grep -qF '"earlier_years": [{"year": 2022, "achievement": 82.4}]' score.json ||
    fail "score.json: no earlier year for the ente"
"$perfpdf" score "$r2023" --format json | grep -q earlier_years && fail "score without precedenti has earlier_years"
echo "render_trend: ok"
