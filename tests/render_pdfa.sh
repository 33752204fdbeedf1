#!/usr/bin/env bash
# The archival copy (libharu, --pdfa) against the tagged copy (cairo) on
# every fixture: each PDF/A-1b requirement the file can be checked for
# without a validator (version, binary header, fonts embedded with Unicode
# maps, XMP with the PDF/A identification saying what the information
# dictionary says, the sRGB OutputIntent, no encryption, transparency, LZW
# or JavaScript, a trailer ID), and the two copies page by page: the same
# pages, the same text, every line where the other copy has it (0.5 pt),
# the same picture when rasterised. Then determinism, --pdfa-output and
# --protect.
#   render_pdfa.sh PERFPDF SOURCE_DIR WORK_DIR PIXDIFF
set -euo pipefail
perfpdf=$1 src=$2 work=$3 pixdiff=$4
fail() { echo "FAIL: $*" >&2; exit 1; }
. "$src/tests/pdfcheck.sh"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
export SOURCE_DATE_EPOCH=1700000000

# The value of one XMP property (a simple one, or the first rdf:li).
xmp() { sed -n "s|.*<$2>\\(<rdf:[A-Za-z]*><rdf:li[^>]*>\\)\\{0,1\\}\\([^<]*\\)<.*|\\2|p" "$1" | head -1 | unescape; }
info() { pdfinfo -isodates "$1" | sed -n "s/^$2: *//p"; }

check_pdfa() {
    local pdf=$1
    check_pdf_file "$pdf"
    pdfinfo "$pdf" >info.txt
    grep -q '^PDF version: *1.4$' info.txt || fail "$pdf: not PDF 1.4"
    grep -q '^Encrypted: *no' info.txt || fail "$pdf: encrypted"
    grep -q '^Metadata Stream: *yes' info.txt || fail "$pdf: no XMP metadata stream"
    awk 'NR > 2 && $(NF-2) != "yes" { bad = 1 } END { exit bad }' fonts.txt ||
        fail "$pdf: a font without a ToUnicode map: $(cat fonts.txt)"
    [ "$(head -c 15 "$pdf" | tail -c 6 | od -An -tu1 | awk '{ for (i = 2; i <= 5; i++) if ($i < 128) bad = 1 } END { print bad + 0 }')" = 0 ] ||
        fail "$pdf: the second line is not a comment of four binary bytes"
    tail -c 300 "$pdf" | grep -aqi '/ID \[ *<[0-9a-f]\{32\}> *<[0-9a-f]\{32\}> *\]' || fail "$pdf: no trailer ID"
    qpdf --qdf --object-streams=disable "$pdf" q.pdf
    for must in '/S /GTS_PDFA1' '/DestOutputProfile' '/OutputConditionIdentifier' \
                '<pdfaid:part>1</pdfaid:part>' '<pdfaid:conformance>B</pdfaid:conformance>'; do
        grep -aqF -- "$must" q.pdf || fail "$pdf: no $must"
    done
    for never in '/Encrypt' '/LZWDecode' '/SMask' '/Transparency' '/JavaScript' '/JS ' \
                 '/EmbeddedFile' '/Launch'; do
        ! grep -aqF -- "$never" q.pdf || fail "$pdf: has $never"
    done
    # the metadata stream is not filtered
    awk '/^[0-9]+ 0 obj/ { obj = "" } { obj = obj $0 "\n" } /\/Type \/Metadata/ { meta = 1 }
         /^stream/ && meta { if (obj ~ /\/Filter/) bad = 1; meta = 0 } END { exit bad }' q.pdf ||
        fail "$pdf: the metadata stream is filtered"
    grep -aq 'A /GTS_PDFA1\|/N 3' q.pdf || fail "$pdf: the ICC profile has no /N 3"
    # XMP says what the information dictionary says
    [ "$(xmp q.pdf dc:title)" = "$(info "$pdf" Title)" ] || fail "$pdf: dc:title is not the Title"
    [ "$(xmp q.pdf dc:creator)" = "$(info "$pdf" Author)" ] || fail "$pdf: dc:creator is not the Author"
    [ "$(xmp q.pdf dc:description)" = "$(info "$pdf" Subject)" ] || fail "$pdf: dc:description is not the Subject"
    [ "$(xmp q.pdf pdf:Keywords)" = "$(info "$pdf" Keywords)" ] || fail "$pdf: pdf:Keywords are not the Keywords"
    [ "$(xmp q.pdf pdf:Producer)" = "$(info "$pdf" Producer)" ] || fail "$pdf: pdf:Producer is not the Producer"
    [ "$(xmp q.pdf xmp:CreatorTool)" = "$(info "$pdf" Creator)" ] || fail "$pdf: xmp:CreatorTool is not the Creator"
    [ "$(xmp q.pdf xmp:CreateDate)" = "$(info "$pdf" CreationDate)" ] || fail "$pdf: xmp:CreateDate is not the CreationDate"
    [ "$(xmp q.pdf xmp:ModifyDate)" = "$(info "$pdf" ModDate)" ] || fail "$pdf: xmp:ModifyDate is not the ModDate"
    [ -n "$(xmp q.pdf dc:title)" ] || fail "$pdf: no dc:title"
}

# The words of each page, sorted, one per line after the page's number.
page_words() {
    local n p
    n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
    for ((p = 1; p <= n; p++)); do
        echo "page $p"
        pdftotext -f $p -l $p "$1" - | normalize | tr ' ' '\n' | sed '/^$/d' | LC_ALL=C sort
    done
}

# "page y x" of every text line (L) and/or word (W) of every page.
starts() {
    pdftotext -bbox-layout "$1" - | awk -v kind="$2" '
        /<page / { p++ }
        (kind ~ /L/ && /<line /) || (kind ~ /W/ && /<word /) {
            match($0, /xMin="[0-9.]+"/); x = substr($0, RSTART + 6, RLENGTH - 7)
            match($0, /yMin="[0-9.]+"/); y = substr($0, RSTART + 6, RLENGTH - 7)
            print p, y, x }'
}

# Every line of one copy starts where a line or a word of the other starts,
# within 0.5 pt (pdftotext may group a line's runs into lines differently).
lines_match() {
    starts "$1" L >l.txt
    starts "$2" LW >w.txt
    awk -v what="$3" 'FNR == NR { n[$1]++; wy[$1, n[$1]] = $2; wx[$1, n[$1]] = $3; next }
        { found = 0
          for (i = 1; i <= n[$1] && !found; i++) {
              dx = wx[$1, i] - $3; dy = wy[$1, i] - $2
              if (dx <= 0.5 && dx >= -0.5 && dy <= 0.5 && dy >= -0.5) found = 1 }
          if (!found) { print what ": page " $1 ": the line at x " $3 ", y " $2 " has no match"; bad++ } }
        END { exit bad > 0 }' w.txt l.txt
}

compare_copies() {
    local tagged=$1 archival=$2 name=$3
    local np
    np=$(pdfinfo "$tagged" | awk '/^Pages:/ { print $2 }')
    [ "$np" = "$(pdfinfo "$archival" | awk '/^Pages:/ { print $2 }')" ] ||
        fail "$name: the copies have different page counts"
    # the same words on each page (pdftotext may read a figure's labels in
    # another order when glyphs are placed differently)
    [ "$(page_words "$tagged")" = "$(page_words "$archival")" ] ||
        fail "$name: the copies' text differs"
    lines_match "$tagged" "$archival" "$name (tagged)" >&2 || fail "$name: text lines moved"
    lines_match "$archival" "$tagged" "$name (archival)" >&2 || fail "$name: text lines moved"
    rm -f t-*.pgm a-*.pgm
    pdftoppm -gray -r 40 "$tagged" t
    pdftoppm -gray -r 40 "$archival" a
    local worst=0 f
    for f in t-*.pgm; do
        read -r diff total < <("$pixdiff" "$f" "a-${f#t-}")
        local permille=$((diff * 1000 / total))
        [ $permille -gt $worst ] && worst=$permille
        [ $permille -le 15 ] || fail "$name: page ${f#t-} differs in $diff of $total pixels when rasterised"
    done
    echo "$name: $np pages, same text and lines, at most $worst per mille of pixels differ"
}

for name in esempio-minimo pistoia-prato-relazione-2022 camera-immaginaria-relazione-2023 \
            esempio-variazioni massa-carrara-piano-2019 riviere-liguria-schede-2023 \
            piano-piccolo-2024; do
    fixture="$src/fixtures/$name.xml"
    "$perfpdf" render "$fixture" -o "$name.pdf" --pdfa-output "$name-a.pdf" 2>err.txt ||
        fail "$name: render --pdfa-output failed: $(cat err.txt)"
    check_pdfa "$name-a.pdf"
    compare_copies "$name.pdf" "$name-a.pdf" "$name"
    "$perfpdf" render "$fixture" --pdfa -o "$name-a2.pdf" 2>err.txt || fail "$name: --pdfa failed"
    cmp -s "$name-a.pdf" "$name-a2.pdf" || fail "$name: --pdfa and --pdfa-output differ, or a rerun does"
done

# Page labels: a layout that numbers the front matter in Roman numerals
# (cover, INDICE, Presentazione: i, ii, iii), the body from 1: the footers,
# the INDICE, and the page labels of both copies say so.
sed 's|<numbering depth="2" toc-depth="2" renumber="true"/>|<numbering depth="2" toc-depth="2" renumber="true" front-matter="roman"/>|' \
    "$src/layouts/piano.xml" >roman.xml
grep -q 'front-matter="roman"' roman.xml || fail "could not make roman.xml"
"$perfpdf" render "$src/fixtures/piano-piccolo-2024.xml" --layout roman.xml -o roman.pdf \
    --pdfa-output roman-a.pdf 2>err.txt || fail "render with front-matter roman: $(cat err.txt)"
[ "$(pdftotext -f 2 -l 2 roman.pdf - | grep '^Pagina')" = "Pagina ii" ] || fail "roman.pdf: page 2 is not ii"
[ "$(pdftotext -f 4 -l 4 roman.pdf - | grep '^Pagina')" = "Pagina 1 di 10" ] ||
    fail "roman.pdf: page 4 is not 1 of 10"
toc_entries roman.pdf 2 | grep -q "^iii"$'\t'"Presentazione" || fail "roman.pdf: the INDICE does not give Presentazione iii"
toc_entries roman.pdf 2 | grep -q "^1"$'\t'"1 Sintesi" || fail "roman.pdf: the INDICE does not give 1 Sintesi page 1"
for f in roman.pdf roman-a.pdf; do
    qpdf --json --json-key=pagelabels "$f" | tr -d ' \n' >labels.txt
    grep -q '"index":3,"label":{"/S":"/D","/St":1}' labels.txt || fail "$f: the body is not labelled from 1"
    grep -q '"index":0,"label":{[^}]*\(/r\|u:i"\)' labels.txt || fail "$f: the cover is not labelled i"
done
"$perfpdf" render "$src/fixtures/piano-piccolo-2024.xml" -o plain.pdf 2>/dev/null
[ "$(qpdf --json --json-key=pagelabels plain.pdf | tr -d ' \n' | grep -o '"pagelabels":\[\]')" = '"pagelabels":[]' ] ||
    fail "plain.pdf: page labels without front matter"

# --protect: encrypted with printing and copying allowed, changes forbidden;
# deterministic under SOURCE_DATE_EPOCH; the text still reads.
min="$src/fixtures/esempio-minimo.xml"
"$perfpdf" render "$min" --protect -o p1.pdf 2>err.txt || fail "--protect failed: $(cat err.txt)"
"$perfpdf" render "$min" --protect -o p2.pdf 2>/dev/null
cmp -s p1.pdf p2.pdf || fail "--protect is not deterministic under SOURCE_DATE_EPOCH"
pdfinfo p1.pdf >info.txt
grep -q '^Encrypted: *yes (print:yes copy:yes change:no addNotes:no' info.txt ||
    fail "--protect: $(pdfinfo p1.pdf | grep Encrypted)"
qpdf --show-encryption p1.pdf >enc.txt
grep -q 'extract for accessibility: allowed' enc.txt || fail "--protect forbids screen readers"
grep -q 'print high resolution: allowed' enc.txt || fail "--protect forbids printing well"
grep -q 'modify anything: not allowed' enc.txt || fail "--protect allows changes"
[ "$(page_words p1.pdf)" = "$(page_words esempio-minimo.pdf)" ] ||
    fail "--protect: the text differs from the tagged copy"
check_pdf_file p1.pdf
"$perfpdf" render "$min" --protect --owner-password segreto -o p3.pdf 2>/dev/null
qpdf --password=segreto --show-encryption p3.pdf >enc.txt
grep -q 'Supplied password is owner password' enc.txt ||
    fail "--owner-password is not the owner password"
(unset SOURCE_DATE_EPOCH; "$perfpdf" render "$min" --protect -o r1.pdf 2>/dev/null
 "$perfpdf" render "$min" --protect -o r2.pdf 2>/dev/null)
! cmp -s r1.pdf r2.pdf || fail "--protect without SOURCE_DATE_EPOCH: the owner password is not random"
rc=0
"$perfpdf" render "$min" --protect --pdfa -o z.pdf 2>err.txt || rc=$?
[ $rc = 2 ] || fail "--protect --pdfa: exit $rc, expected 2"
grep -q -- '--protect cannot be combined with --pdfa: a PDF/A file may not be encrypted' err.txt ||
    fail "--protect --pdfa: $(cat err.txt)"
[ ! -e z.pdf ] || fail "--protect --pdfa wrote a file"
rc=0
"$perfpdf" render "$min" --owner-password x -o z.pdf 2>err.txt || rc=$?
[ $rc = 2 ] && grep -q -- '--owner-password is for --protect' err.txt ||
    fail "--owner-password without --protect: exit $rc, $(cat err.txt)"
echo "render_pdfa: ok"
