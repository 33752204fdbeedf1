#!/usr/bin/env bash
# The spreadsheet commands end to end (ctest: data_roundtrip).
#   data_roundtrip.sh PERFPDF SOURCE_DIR OUT_DIR
# 1. Pistoia-Prato: export (csv and csv-it) -> import with the original as
#    template -> score: the same results as the original, node by node.
# 2. The Excel-style plan imports; the values merge into the hand-written
#    plan, changing nothing but Tipo, Titolo and the added Consuntivo lines.
#    The same with extreme values and texts a spreadsheet would run as
#    formulas (fixtures/csv/valori-estremi.xml), csv-it neutralising them.
# 3. Exit codes and FILE:ROW:COL messages; no file is left on failure.
set -euo pipefail
P=$1
SRC=$2
OUT=$3
PISTOIA=$SRC/fixtures/pistoia-prato-relazione-2022.xml
CSV=$SRC/fixtures/csv
mkdir -p "$OUT"
rm -f "$OUT"/*
fail() { echo "FAIL: $*" >&2; exit 1; }

# ---- 1. round trip ----------------------------------------------------------------
"$P" score "$PISTOIA" --format json > "$OUT/orig.json" 2>/dev/null
for fmt in csv csv-it; do
  "$P" export "$PISTOIA" --format $fmt -o "$OUT/pistoia.$fmt" 2> "$OUT/export.err"
  "$P" import "$OUT/pistoia.$fmt" --template "$PISTOIA" -o "$OUT/back-$fmt.xml" 2> "$OUT/import-$fmt.err" \
    || { cat "$OUT/import-$fmt.err" >&2; fail "import of the $fmt export"; }
  ! grep -q "unknown column" "$OUT/import-$fmt.err" || fail "import does not know a column export writes"
  "$P" score "$OUT/back-$fmt.xml" --format json > "$OUT/back-$fmt.json" 2>/dev/null
  # one node per line: ids, codes, titles, parents, weights, achievements, bands
  grep '"id": ' "$OUT/orig.json" > "$OUT/orig.nodes"
  grep '"id": ' "$OUT/back-$fmt.json" > "$OUT/back-$fmt.nodes"
  [ "$(wc -l < "$OUT/orig.nodes")" -eq 431 ] || fail "expected 431 nodes in the original"
  diff "$OUT/orig.nodes" "$OUT/back-$fmt.nodes" > "$OUT/nodes-$fmt.diff" \
    || { head -20 "$OUT/nodes-$fmt.diff" >&2; fail "round trip ($fmt): nodes differ"; }
  cmp -s "$OUT/orig.json" "$OUT/back-$fmt.json" || fail "round trip ($fmt): document differs"
done
head -c 3 "$OUT/pistoia.csv-it" | od -An -tx1 | grep -q "ef bb bf" || fail "csv-it: no BOM"
head -1 "$OUT/pistoia.csv" | grep -q "^ambito_id,ambito_codice,ambito_titolo," || fail "csv header"
"$P" export "$PISTOIA" --format json -o "$OUT/pistoia.json" 2>/dev/null
grep -q '"bands": \[' "$OUT/pistoia.json" || fail "json: no bands"
[ "$(grep -c '"level": "indicatore"' "$OUT/pistoia.json")" -eq 373 ] || fail "json: 373 indicators"

# ---- 1b. extreme values and formula-like texts ------------------------------------------
# 1e-7, 1e15, 123456789.123456789, negative values, 0.1 and texts starting with = + - @ (and an
# apostrophe before them): exported, imported back, the same scores; numbers never as 0.000000
# nor with an exponent; csv-it neutralises the text cells for spreadsheets, csv stays exact.
EXT=$CSV/valori-estremi.xml
"$P" score "$EXT" --format json > "$OUT/ext.json" 2>/dev/null
for fmt in csv csv-it; do
  "$P" export "$EXT" --format $fmt -o "$OUT/ext.$fmt" 2>/dev/null
  "$P" import "$OUT/ext.$fmt" --template "$EXT" -o "$OUT/ext-back-$fmt.xml" 2> "$OUT/ext-import-$fmt.err" \
    || { cat "$OUT/ext-import-$fmt.err" >&2; fail "import of the extreme values ($fmt)"; }
  "$P" score "$OUT/ext-back-$fmt.xml" --format json > "$OUT/ext-back-$fmt.json" 2>/dev/null
  diff "$OUT/ext.json" "$OUT/ext-back-$fmt.json" > "$OUT/ext-$fmt.diff" \
    || { head -20 "$OUT/ext-$fmt.diff" >&2; fail "extreme values ($fmt): scores differ after the round trip"; }
done
"$P" export "$EXT" --format json -o "$OUT/ext-export.json" 2>/dev/null
for f in "$OUT/ext.json" "$OUT/ext-export.json" "$OUT/ext.csv" "$OUT/ext.csv-it"; do
  ! grep -q '0[.,]000000[^0-9]' "$f" || fail "$(basename "$f"): a number cut to six decimals"
  ! grep -Eq '[0-9][eE][-+][0-9]' "$f" || fail "$(basename "$f"): a number with an exponent"
done
grep -q '"actual": 0.00000005,' "$OUT/ext.json" || fail "score json: 5e-8 not written out"
grep -q '"actual": 500000000000000,' "$OUT/ext.json" || fail "score json: 5e14 not written out"
grep -q '"actual": 123456789.12345678,' "$OUT/ext.json" || fail "score json: 17 digits not kept"
grep -q '"value": 0.0000001,' "$OUT/ext-export.json" || fail "export json: 1e-7 target"
grep -q ",ge,0.0000001,0.0000002," "$OUT/ext.csv" || fail "csv: 1e-7 targets"
grep -q ",1000000000000000.5," "$OUT/ext.csv" || fail "csv: risorse 1e15 + 0.5"
# csv: exact for machines, not a character added
grep -q '^a1,=1,"=HYPERLINK(' "$OUT/ext.csv" || fail "csv: text changed"
grep -q ",i4,D4,''due apostrofi," "$OUT/ext.csv" || fail "csv: apostrophes changed"
# csv-it: text cells neutralised, numbers kept numbers
grep -q "^a1;'=1;\"'=HYPERLINK(" "$OUT/ext.csv-it" || fail "csv-it: formula-like title not neutralised"
grep -q ";i1;'-A1;'=1+1;" "$OUT/ext.csv-it" || fail "csv-it: code and name not neutralised"
grep -q ";i4;D4;'''due apostrofi;" "$OUT/ext.csv-it" || fail "csv-it: leading apostrophes not escaped"
grep -q ";i3;C3;''=non una formula;" "$OUT/ext.csv-it" || fail "csv-it: apostrophe-equals not escaped"
grep -q ";ge;-6;;;14,28;;;-2,32;" "$OUT/ext.csv-it" || fail "csv-it: a negative number was neutralised"
grep -q "^=seconda nota\";i1;'-A1" "$OUT/ext.csv-it" || fail "csv-it: a note's second line changed"
# the committed csv-it (also a seed of fuzz_import) is what export writes
cmp -s "$OUT/ext.csv-it" "$CSV/valori-estremi-it.csv" || fail "csv-it differs from fixtures/csv/valori-estremi-it.csv"
grep -q ";\"'-nota che inizia" "$OUT/ext.csv-it" || fail "csv-it: a note cell not neutralised"

# ---- 2. spreadsheet -> plan -> relazione ----------------------------------------------
for f in piano-2023-excel piano-2023-excel-ansi piano-2023-libreoffice-semicolon piano-2023-libreoffice-comma; do
  "$P" import "$CSV/$f.csv" --ente "Comune di Esempio" -o "$OUT/$f.xml" 2>/dev/null || fail "import $f"
  "$P" score "$OUT/$f.xml" --format json > "$OUT/$f.json" 2>/dev/null
done
for f in piano-2023-excel-ansi piano-2023-libreoffice-semicolon piano-2023-libreoffice-comma; do
  cmp -s "$OUT/piano-2023-excel.json" "$OUT/$f.json" || fail "$f does not read as the Excel file"
done
set +e
"$P" merge "$CSV/piano-2023.xml" "$CSV/consuntivi-2023.csv" -o "$OUT/relazione.xml" 2> "$OUT/merge.err"
rc=$?
set -e
[ $rc -eq 2 ] || fail "merge with a missing value: exit $rc, expected 2"
[ ! -e "$OUT/relazione.xml" ] || fail "merge left a file behind"
grep -q "piano-2023.xml:104:11: error: indicator 'DIG_02' got no value" "$OUT/merge.err" || fail "merge: missing"
grep -q "consuntivi-2023.csv:8:1: warning: .*'XYZ_99'" "$OUT/merge.err" || fail "merge: unknown code"
"$P" merge "$CSV/piano-2023.xml" "$CSV/consuntivi-2023.csv" -o "$OUT/relazione.xml" --missing nd 2>/dev/null \
  || fail "merge --missing nd"
"$P" validate "$OUT/relazione.xml" 2>/dev/null || fail "the merged Relazione does not validate"
changed=$(diff "$CSV/piano-2023.xml" "$OUT/relazione.xml" | grep -c '^[<>]' || true)
added=$(diff "$CSV/piano-2023.xml" "$OUT/relazione.xml" | grep -c '^> *<Consuntivo' || true)
[ "$added" -eq 7 ] && [ "$changed" -eq 11 ] || fail "merge changed more than values, Tipo and Titolo"

# ---- 3. errors -------------------------------------------------------------------------
printf 'ambito_titolo;strategico_titolo;indicatore_nome;unita_misura;target_2023\r\nA;S;X;km;>= 1\r\nA;S;"Y;N.;1\r\n' > "$OUT/broken.csv"
set +e
"$P" import "$OUT/broken.csv" -o "$OUT/broken.xml" 2> "$OUT/broken.err"
rc=$?
set -e
[ $rc -eq 2 ] || fail "broken CSV: exit $rc, expected 2"
grep -q "broken.csv:2:4: error: unita_misura: 'km' is not a unit" "$OUT/broken.err" || fail "broken: unit"
grep -q "broken.csv:3:3: error: unterminated quoted field" "$OUT/broken.err" || fail "broken: quote"
[ ! -e "$OUT/broken.xml" ] || fail "a failed import left a file"
! ls -A "$OUT" | grep -q '^\.' || fail "a temporary file was left behind"
set +e
"$P" export "$PISTOIA" --format xls > /dev/null 2>&1; [ $? -eq 2 ] || fail "export --format xls"
"$P" import > /dev/null 2>&1; [ $? -eq 2 ] || fail "import without arguments"
"$P" merge "$CSV/piano-2023.xml" > /dev/null 2>&1; [ $? -eq 2 ] || fail "merge without values"
set -e
echo "data round trip: ok"
