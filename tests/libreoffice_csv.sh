#!/usr/bin/env bash
# CSV files saved by LibreOffice Calc itself (ctest: libreoffice_csv, only
# where soffice is installed).
#   libreoffice_csv.sh PERFPDF SOURCE_DIR SOFFICE OUT_DIR
# The Excel-style plan is opened in Calc with an Italian locale and saved
# with the "Text CSV" filter twice, ';' and ',' as field separators; both
# must import as the same plan as the original. The files committed as
# fixtures/csv/piano-2023-libreoffice-*.csv were made this way.
set -euo pipefail
P=$1
SRC=$2
SOFFICE=$3
OUT=$4
rm -rf "$OUT"
mkdir -p "$OUT/home" "$OUT/semicolon" "$OUT/comma"
fail() { echo "FAIL: $*" >&2; exit 1; }
calc() { # the locale is Calc's, not the system's: no glibc locale needed
  env HOME="$OUT/home" LANG=it_IT.UTF-8 LC_ALL=it_IT.UTF-8 timeout 180 "$SOFFICE" --headless "$@" \
    > "$OUT/soffice.log" 2>&1 || { cat "$OUT/soffice.log" >&2; fail "soffice $*"; }
}
cp "$SRC/fixtures/csv/piano-2023-excel.csv" "$OUT/piano.csv"
calc --infilter="Text - txt - csv (StarCalc):59,34,76,1" --convert-to ods --outdir "$OUT" "$OUT/piano.csv"
calc --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1' --outdir "$OUT/semicolon" "$OUT/piano.ods"
calc --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$OUT/comma" "$OUT/piano.ods"
"$P" import "$OUT/piano.csv" -o "$OUT/excel.xml" 2>/dev/null || fail "import the original"
"$P" score "$OUT/excel.xml" --format json > "$OUT/excel.json" 2>/dev/null
for sep in semicolon comma; do
  "$P" import "$OUT/$sep/piano.csv" -o "$OUT/$sep.xml" || fail "import Calc's CSV ($sep)"
  "$P" score "$OUT/$sep.xml" --format json > "$OUT/$sep.json" 2>/dev/null
  cmp -s "$OUT/excel.json" "$OUT/$sep.json" || fail "Calc's CSV ($sep) reads as another plan"
done
echo "libreoffice csv: ok"
