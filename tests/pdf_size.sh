#!/usr/bin/env bash
# The size of the publication PDF on a generated Relazione of table pages
# (scale_gen operational N): object streams hold the structure tree
# (pdf_compact.h), pages average at most 12 KB (the goal of issue 13; 8.9
# KB measured at 10,000 indicators), the tagged structure is all there,
# qpdf --check is clean, and two renders are byte-identical.
# usage: pdf_size.sh PERFPDF SCALE_GEN SOURCE_DIR WORK_DIR
set -u
perfpdf=$1
scale_gen=$2
src=$3
work=$4
n=500

. "$src/tests/pdfcheck.sh"
enter_work "$work"

"$scale_gen" operational $n >op.xml || fail "scale_gen failed"
"$perfpdf" render op.xml -o a.pdf 2>err.txt || fail "render exited $?: $(tail -5 err.txt)"
"$perfpdf" render op.xml -o b.pdf 2>/dev/null || fail "second render failed"
cmp -s a.pdf b.pdf || fail "two renders of the same input differ"
check_pdf_file a.pdf

pages=$(pdfinfo a.pdf | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -gt 50 ] || fail "only ${pages:-0} pages"
bytes=$(stat -c %s a.pdf)
echo "$n indicators: $pages pages, $bytes bytes, $((bytes / pages)) bytes a page"
[ $((bytes / pages)) -le 12288 ] || fail "$((bytes / pages)) bytes a page, more than 12 KB"

# The structure tree is in object streams: nearly every object is.
qpdf --show-xref a.pdf >xref.txt || fail "qpdf --show-xref failed"
packed=$(grep -c 'compressed; stream' xref.txt)
total=$(wc -l <xref.txt)
[ "$packed" -gt $((total * 9 / 10)) ] || fail "only $packed of $total objects in object streams"

# Still tagged: a table cell for each indicator's values, the language.
pdfinfo a.pdf | grep -q '^Tagged: *yes' || fail "not tagged"
qpdf --qdf --object-streams=disable a.pdf expanded.pdf || fail "qpdf cannot expand a.pdf"
cells=$(grep -ac '/S /TD' expanded.pdf)
[ "$cells" -ge $((n * 4)) ] || fail "only $cells table cells (TD) in the structure tree"
grep -aq '/Lang (it-IT)' expanded.pdf || fail "no /Lang in the catalog"
exit 0
