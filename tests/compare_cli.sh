#!/usr/bin/env bash
# `perfpdf compare`, `validate --piano` and `render --piano` on the
# Valpiccola pair (fixtures/piano-piccolo-2024.xml and the Relazione 2024
# that follows it with 18 changes, 8 of them recorded by no act):
#   - compare: exit 3 when some change is not recorded, 0 when none is, 2
#     on bad input (documents in the wrong order, another administration,
#     an unknown format), text with FILE:LINE of both sides and the summary,
#     JSON and CSV with the same counts, -o writing the file;
#   - validate --piano: one warning per unrecorded change, still valid;
#   - render --piano: "Variazioni rispetto al Piano" in the INDICE and on
#     its page, every unrecorded change as NON REGISTRATA, byte-identical
#     reruns; without --piano the section does not appear.
# usage: compare_cli.sh PERFPDF SOURCE_DIR WORK_DIR
set -u
perfpdf=$1
src=$2
work=$3
piano=$src/fixtures/piano-piccolo-2024.xml
rel=$src/fixtures/valpiccola-relazione-2024.xml

. "$src/tests/pdfcheck.sh"
enter_work "$work"
export SOURCE_DATE_EPOCH=1706140800

# expect_rc RC CMD...: runs CMD (stdout to out.txt, stderr to err.txt)
expect_rc() {
    local want=$1
    shift
    "$@" >out.txt 2>err.txt
    local rc=$?
    [ "$rc" -eq "$want" ] || fail "$* exited $rc, expected $want: $(head -3 err.txt)"
}

# ---- compare, text ----
expect_rc 3 "$perfpdf" compare "$piano" "$rel"
[ "$(wc -l <out.txt)" -eq 19 ] || fail "compare: expected 18 lines and the summary, got $(wc -l <out.txt)"
[ "$(tail -1 out.txt)" = "18 variazioni, di cui 8 non registrate" ] || fail "compare summary: $(tail -1 out.txt)"
[ "$(grep -c 'NON REGISTRATA$' out.txt)" -eq 8 ] || fail "compare: not 8 NON REGISTRATA lines"
grep -qxF "$piano:57 -> $rel:70: target: indicatore PAT_01 \"Edifici pubblici con certificato di agibilità aggiornato\": 70 % -> 65 %; delibera n. 48/24 del 20/06/2024" out.txt ||
    fail "compare: the PAT_01 line is missing: $(grep PAT_01 out.txt)"
grep -qxF "(assente) -> $rel:125: aggiunto: indicatore ILL_02 \"Piano comunale di efficientamento energetico\"; NON REGISTRATA" out.txt ||
    fail "compare: the ILL_02 line is missing: $(grep ILL_02 out.txt)"
[ ! -s err.txt ] || fail "compare wrote to stderr: $(head -3 err.txt)"

# ---- JSON and CSV ----
expect_rc 3 "$perfpdf" compare "$piano" "$rel" --format json
grep -q '"changes": 18,' out.txt || fail "json: changes"
grep -q '"unrecorded": 8,' out.txt || fail "json: unrecorded"
[ "$(grep -c '"kind": ' out.txt)" -eq 18 ] || fail "json: not 18 differences"
[ "$(grep -c '"recorded": false' out.txt)" -eq 8 ] || fail "json: not 8 unrecorded"
if command -v python3 >/dev/null; then
    python3 -m json.tool out.txt >/dev/null || fail "json: not valid JSON"
fi
expect_rc 3 "$perfpdf" compare "$piano" "$rel" --format=csv
[ "$(wc -l <out.txt)" -eq 19 ] || fail "csv: expected a header and 18 rows"
[ "$(grep -c ',false,' out.txt)" -eq 8 ] || fail "csv: not 8 unrecorded rows"
grep -q '^kind,level,code,title,old,new,recorded,delibera,date,piano_file,piano_line,relazione_file,relazione_line' out.txt ||
    fail "csv: header"

# ---- -o ----
expect_rc 3 "$perfpdf" compare "$piano" "$rel" --format json -o diff.json
[ ! -s out.txt ] || fail "-o: something on stdout"
grep -q '"unrecorded": 8,' diff.json || fail "-o: diff.json"
grep -q 'perfpdf compare: wrote diff.json' err.txt || fail "-o: no 'wrote' message"

# ---- exit 0: every change recorded (here: none at all) ----
# the Piano as a Relazione: each indicator measured at its 2024 target
awk '
    { sub(/<Tipo>piano<\/Tipo>/, "<Tipo>relazione</Tipo>") }
    /<Target anno="2024"/ && match($0, /(valore|data)="[^"]*"/) { measured = substr($0, RSTART, RLENGTH) }
    /<\/Indicatore>/ { sub(/<\/Indicatore>/, "<Consuntivo " measured "/></Indicatore>") }
    { print }' "$piano" >same.xml
expect_rc 0 "$perfpdf" compare "$piano" same.xml
[ "$(cat out.txt)" = "Nessuna variazione rispetto al Piano" ] || fail "unchanged: $(cat out.txt)"

# ---- exit 2 ----
expect_rc 2 "$perfpdf" compare "$rel" "$piano"
grep -qF "is a Relazione, not a Piano: the Piano comes first, then the Relazione" err.txt || fail "wrong order: $(cat err.txt)"
sed 's#Comune di Valpiccola#Comune di Montealto#' "$rel" >altro.xml
expect_rc 2 "$perfpdf" compare "$piano" altro.xml
grep -qF "the Relazione is of 'Comune di Montealto', the Piano of 'Comune di Valpiccola': another administration" err.txt ||
    fail "another administration: $(cat err.txt)"
expect_rc 2 "$perfpdf" compare "$piano" "$rel" --format xml
grep -qF "unknown format 'xml'" err.txt || fail "unknown format: $(cat err.txt)"
expect_rc 2 "$perfpdf" compare "$piano"
expect_rc 2 "$perfpdf" compare "$piano" missing.xml

# ---- validate --piano ----
expect_rc 0 "$perfpdf" validate "$rel" --piano "$piano"
[ "$(grep -c 'warning: change since the Piano (.*) recorded by no act: ' err.txt)" -eq 8 ] ||
    fail "validate --piano: not 8 warnings: $(cat err.txt)"
grep -qxF "$rel:85:13: warning: change since the Piano ($piano:68) recorded by no act: target: indicatore SCU_01 \"Plessi scolastici adeguati alla normativa antincendio\": 3 N. -> 2 N." err.txt ||
    fail "validate --piano: the SCU_01 warning"
grep -qxF "$rel: valid (8 warnings)" err.txt || fail "validate --piano: $(tail -1 err.txt)"
expect_rc 0 "$perfpdf" validate "$rel"
grep -qxF "$rel: valid (0 warnings)" err.txt || fail "validate alone: $(tail -1 err.txt)"
expect_rc 2 "$perfpdf" validate "$rel" --piano altro.xml
grep -qF "$rel: error: altro.xml is a Relazione, not a Piano" err.txt || fail "validate --piano a Relazione: $(cat err.txt)"
expect_rc 2 "$perfpdf" validate "$rel" --piano "$src/fixtures/broken/weights-sum.xml"
grep -qxF "$rel: error: the Piano $src/fixtures/broken/weights-sum.xml is not valid: nothing compared" err.txt ||
    fail "validate --piano with a broken Piano: $(cat err.txt)"

# ---- render --piano ----
expect_rc 0 "$perfpdf" render "$rel" --piano "$piano" -o con.pdf
check_pdf_file con.pdf
pdftotext -layout -enc UTF-8 con.pdf con.txt
grep -q "6.1 Variazioni rispetto al Piano" con.txt || fail "render --piano: no section"
[ "$(grep -c 'NON REGISTRATA' con.txt)" -eq 8 ] || fail "render --piano: not 8 NON REGISTRATA"
normalize <con.txt | grep -qF "Variazioni: 18; non registrate da un atto: 8" || fail "render --piano: summary"
grep -qE "^PAT_01 +indicatore .* target +70 % +65 % +delibera n. 48/24 del" con.txt || fail "render --piano: the row of PAT_01"
page=$(toc_entries con.pdf 2 | awk -F'\t' '$2 ~ /Variazioni rispetto al Piano/ { print $1 }')
[ -n "$page" ] || fail "render --piano: not in the INDICE"
pdftotext -f "$page" -l "$page" -layout con.pdf - | grep -q "6.1 Variazioni rispetto al Piano" ||
    fail "render --piano: the INDICE says page $page"
expect_rc 0 "$perfpdf" render "$rel" --piano "$piano" -o con2.pdf
cmp -s con.pdf con2.pdf || fail "render --piano: two runs differ"
expect_rc 2 "$perfpdf" render "$rel" --piano altro.xml -o no.pdf
[ ! -e no.pdf ] || fail "render --piano with another administration wrote a PDF"

# a Revisione of another value than the Piano's: PAT_01's act says it
# revises 75 %, the Piano adopted 70 %: not recorded, in the text, the
# annex and the data
sed 's/valorePrecedente="70" delibera="48\/24"/valorePrecedente="75" delibera="48\/24"/' "$rel" >altra.xml
grep -q 'valorePrecedente="75"' altra.xml || fail "the altered copy of the Relazione"
expect_rc 3 "$perfpdf" compare "$piano" altra.xml
[ "$(tail -1 out.txt)" = "18 variazioni, di cui 9 non registrate" ] || fail "revision of 75 %: $(tail -1 out.txt)"
grep -qxF "    (non registrata (la delibera n. 48/24 del 20/06/2024 rivede 75 %, non il valore del Piano))" out.txt ||
    fail "revision of 75 %: the text says $(grep -A1 PAT_01 out.txt)"
expect_rc 3 "$perfpdf" compare "$piano" altra.xml --format csv
grep -q '^target,indicatore,PAT_01,.*,false,48/24,20/06/2024,.*,75 %' out.txt || fail "revision of 75 %: csv"
expect_rc 0 "$perfpdf" render altra.xml --piano "$piano" -o altra.pdf
pdftotext -layout -enc UTF-8 altra.pdf - | normalize | grep -qF "rivede 75 %, non il valore del Piano" ||
    fail "revision of 75 %: the annex"

# without the Piano the section has nothing to show
expect_rc 0 "$perfpdf" render "$rel" -o senza.pdf
pdftotext -layout -enc UTF-8 senza.pdf senza.txt
! grep -q "Variazioni rispetto al Piano" senza.txt || fail "render: the section without --piano"
! grep -q "Allegati" senza.txt || fail "render: an empty Allegati without --piano"
echo "compare_cli: ok"
