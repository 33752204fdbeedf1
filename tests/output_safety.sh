#!/usr/bin/env bash
# No command destroys a file the user did not ask to replace, whatever the
# -o: an input (by any name: hard link, symbolic link, ./path), a special
# file, a read-only file, a private file's mode, a long name, an
# interrupted run, a --png folder with an earlier render in it.
# usage: output_safety.sh PERFPDF SOURCE_DIR WORK_DIR
set -u
P=$(realpath "$1")
SRC=$2
W=$3
MIN=$SRC/fixtures/esempio-minimo.xml
CSV=$SRC/fixtures/csv
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
ok() { echo "ok   $*"; }

rm -rf "$W"
mkdir -p "$W"
cd "$W" || exit 1
cp "$MIN" doc.xml
cp "$CSV/piano-2023.xml" plan.xml
cp "$CSV/consuntivi-2023.csv" values.csv
cp "$CSV/piano-2023-excel.csv" sheet.csv
ln doc.xml hardlink.xml
ln -s doc.xml symlink.xml
sum() { md5sum "$@" | awk '{print $1}' | tr '\n' ' '; }
originals=$(sum doc.xml plan.xml values.csv sheet.csv)

# refuse NAME CMD...: exit 2, "is the input file", inputs untouched, no temporary.
refuse() {
    local name=$1
    shift
    "$P" "$@" >out.txt 2>err.txt
    local rc=$?
    if [ $rc -ne 2 ]; then fail "$name: exit $rc, expected 2"; sed 's/^/    /' err.txt | tail -3
    elif ! grep -q "is the input file" err.txt; then fail "$name: message"; sed 's/^/    /' err.txt
    elif [ "$(sum doc.xml plan.xml values.csv sheet.csv)" != "$originals" ]; then fail "$name: an input changed"
    elif ls -A | grep -q '^\.perfpdf-'; then fail "$name: a temporary was left"
    else ok "$name"; fi
}

# ---- 1. the output is an input ---------------------------------------------------
refuse render-onto-input render doc.xml -o doc.xml
refuse render-onto-dot-path render doc.xml -o ./doc.xml
refuse render-onto-hard-link render doc.xml -o hardlink.xml
refuse render-onto-symlink render doc.xml -o symlink.xml
refuse render-onto-layout render doc.xml --layout "$SRC/layouts/relazione.xml" -o "$SRC/layouts/relazione.xml"
refuse render-onto-font render doc.xml -o "$SRC/fonts/DejaVuSerif.ttf"
refuse export-onto-input export doc.xml -o doc.xml
refuse export-csv-it-onto-link export doc.xml --format csv-it -o hardlink.xml
refuse import-onto-input import sheet.csv -o sheet.csv
refuse import-onto-template import sheet.csv --template plan.xml -o plan.xml
refuse merge-onto-values merge plan.xml values.csv --missing nd -o values.csv
refuse merge-onto-plan merge plan.xml values.csv --missing nd -o plan.xml
[ -L symlink.xml ] || fail "the symbolic link was replaced"

# ---- 2. special files are written into, never replaced -------------------------------
for cmd in "render doc.xml" "export doc.xml" "import sheet.csv" "merge plan.xml values.csv --missing nd"; do
    # shellcheck disable=SC2086
    "$P" $cmd -o /dev/null 2>err.txt
    rc=$?
    if [ $rc -ne 0 ]; then fail "$cmd -o /dev/null: exit $rc"; sed 's/^/    /' err.txt | tail -3
    elif [ ! -c /dev/null ]; then fail "$cmd -o /dev/null: /dev/null is no longer a device"
    else ok "$cmd -o /dev/null"; fi
    mkfifo fifo
    timeout 60 cat fifo >fifo.out &
    # shellcheck disable=SC2086
    "$P" $cmd -o fifo 2>err.txt
    rc=$?
    wait
    if [ $rc -ne 0 ] || [ ! -p fifo ] || [ ! -s fifo.out ]; then
        fail "$cmd -o FIFO: exit $rc, fifo $( [ -p fifo ] && echo kept || echo replaced), $(wc -c <fifo.out) bytes"
    else ok "$cmd -o FIFO"; fi
    rm -f fifo fifo.out
done
"$P" render doc.xml -o /dev/stdout 2>/dev/null | head -c 5 | grep -q '%PDF-' && ok "render -o /dev/stdout" ||
    fail "render -o /dev/stdout"

# ---- 5. modes: kept when replacing, umask for new files, read-only refused ------------
"$P" export doc.xml -o private.csv 2>/dev/null && chmod 600 private.csv
"$P" export doc.xml --format json -o private.csv 2>/dev/null
[ "$(stat -c %a private.csv)" = 600 ] && ok "a 0600 file stays 0600" ||
    fail "a 0600 file became $(stat -c %a private.csv)"
"$P" render doc.xml -o private.pdf 2>/dev/null && chmod 640 private.pdf
"$P" render doc.xml -o private.pdf 2>/dev/null
[ "$(stat -c %a private.pdf)" = 640 ] && ok "a 0640 PDF stays 0640" ||
    fail "a 0640 PDF became $(stat -c %a private.pdf)"
(umask 027 && "$P" export doc.xml -o new.csv 2>/dev/null)
[ "$(stat -c %a new.csv)" = 640 ] && ok "a new file follows the umask" ||
    fail "a new file under umask 027 is $(stat -c %a new.csv)"
echo "keep me" >readonly.pdf && chmod 444 readonly.pdf
"$P" render doc.xml -o readonly.pdf 2>err.txt
rc=$?
if [ $rc -ne 1 ] || ! grep -q "read-only" err.txt || [ "$(cat readonly.pdf)" != "keep me" ]; then
    fail "read-only output: exit $rc, $(cat err.txt)"
else ok "a read-only file is not replaced"; fi

# ---- 6. a long file name --------------------------------------------------------------
long=$(printf 'a%.0s' $(seq 1 246)).pdf
"$P" render doc.xml -o "$long" 2>err.txt && [ -s "$long" ] && ok "a 250-character file name" ||
    { fail "a 250-character file name"; sed 's/^/    /' err.txt; }
rm -f "$long"

# ---- 3. an interrupted run leaves no temporary ------------------------------------------
# A document big enough that the run is still going when the signal comes:
# the test waits until the temporary exists, so it proves the clean-up.
awk 'BEGIN { print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" }
     /<ObiettivoOperativo id="o1"/ { inside = 1 }
     { print }
     inside && /<\/Indicatore>/ && !done {
         for (i = 0; i < 20000; i++) print "<Indicatore id=\"x" i "\" peso=\"0\"><Nome>Indicatore " i "</Nome><Unita>N.</Unita><Target anno=\"2022\" operatore=\"ge\" valore=\"1\"/><Consuntivo valore=\"1\"/></Indicatore>";
         done = 1 }' "$MIN" | tail -n +2 >big.xml
if ! "$P" validate big.xml 2>/dev/null; then fail "the interrupted-run document does not validate"; fi
for sig in INT TERM HUP; do
    mkdir -p "sig$sig"
    "$P" render big.xml -o "sig$sig/big.pdf" 2>/dev/null &
    pid=$!
    for _ in $(seq 1 200); do ls -A "sig$sig" | grep -q '^\.perfpdf-' && break; sleep 0.02; done
    seen=$(ls -A "sig$sig" | grep -c '^\.perfpdf-')
    kill -"$sig" $pid
    wait $pid 2>/dev/null
    rc=$?
    left=$(ls -A "sig$sig")
    if [ "$seen" -eq 0 ]; then fail "SIG$sig: the run ended before the signal (no temporary seen)"
    elif [ -n "$left" ]; then fail "SIG$sig: left $left"
    elif [ $rc -lt 128 ]; then fail "SIG$sig: exit $rc, not killed by the signal"
    else ok "SIG$sig removes the temporary (exit $rc)"; fi
done

# ---- 4. --png: all pages or none; an earlier, longer render's pages go ------------------
mkdir -p png
cp "$SRC/fixtures/pistoia-prato-relazione-2022.xml" long.xml
"$P" render long.xml -o long.pdf --png png 2>/dev/null || fail "png: the long render"
many=$(ls png | wc -l)
cp doc.xml short.xml
# the short document under the long one's name: its pages replace the long ones
mkdir -p short && cp doc.xml short/long.xml
"$P" render short/long.xml -o short.pdf --png png 2>/dev/null || fail "png: the short render"
pdfpages=$(pdfinfo short.pdf | awk '/^Pages:/ {print $2}')
now=$(ls png | wc -l)
[ "$now" -eq "$pdfpages" ] && [ "$many" -gt "$pdfpages" ] && ok "png: stale pages removed ($many -> $now)" ||
    fail "png: $now files after a $pdfpages-page render (were $many)"
rm png/long-002.png
mkdir png/long-002.png # page 2 cannot be written: nothing may be published
before=$(cd png && md5sum ./*.png 2>/dev/null | sort)
"$P" render long.xml -o long2.pdf --png png 2>err.txt
rc=$?
rmdir "png/long-002.png"
after=$(cd png && md5sum ./*.png 2>/dev/null | sort)
if [ $rc -ne 1 ]; then fail "png failing midway: exit $rc"
elif [ "$before" != "$after" ]; then fail "png failing midway: pages were published"
elif ls -A png | grep -q '^\.perfpdf-'; then fail "png failing midway: temporaries left"
elif [ -e long2.pdf ]; then fail "png failing midway: the PDF was published"
else ok "png failing midway publishes nothing"; fi

# ---- every write to standard output is checked --------------------------------------
for cmd in "version" "help" "--help" "render --help" "score doc.xml" "score doc.xml --format json" \
           "export doc.xml" "export doc.xml -o -"; do
    # shellcheck disable=SC2086
    "$P" $cmd >/dev/full 2>err.txt
    rc=$?
    if [ $rc -ne 1 ] || ! grep -q "cannot write the standard output: No space left on device" err.txt; then
        fail "$cmd >/dev/full: exit $rc, $(tail -1 err.txt)"
    else ok "$cmd >/dev/full"; fi
done

# ---- text options printed into the document: plain text, whole -------------------------
bad_text() {
    local name=$1 want=$2
    shift 2
    "$P" "$@" >/dev/null 2>err.txt
    local rc=$?
    if [ $rc -ne 2 ] || ! grep -q -e "$want" err.txt; then fail "$name: exit $rc, $(head -1 err.txt)"
    elif ls -A | grep -q '^\.perfpdf-\|^t\.xml$'; then fail "$name: a file was written"
    else ok "$name"; fi
}
bad_text "--title with a control character" "--title must be plain text: it holds a control" \
    import sheet.csv -o t.xml --title "$(printf 'Piano\001')"
bad_text "--ente not UTF-8" "--ente must be plain text: it is not valid UTF-8" \
    import sheet.csv -o t.xml --ente "$(printf 'Comune di Citt\340')"
bad_text "--nd-reason with a line break" "--nd-reason must be plain text: it holds a control" \
    merge plan.xml values.csv --missing nd -o t.xml --nd-reason "$(printf 'a\nb')"
bad_text "--title empty" "--title must be plain text: it is empty" merge plan.xml values.csv --missing nd -o t.xml --title ""
bad_text "--title too long" "longer than 100,000 characters" \
    import sheet.csv -o t.xml --title "$(head -c 100001 /dev/zero | tr '\0' 'a')"
title=$(for _ in $(seq 1 300); do printf '\303\250'; done) # 300 x "è": 600 bytes
if "$P" merge plan.xml values.csv --missing nd -o long-title.xml --title "$title" 2>/dev/null &&
    grep -q "<Titolo>$title</Titolo>" long-title.xml; then ok "a 600-byte --title is kept whole"
else fail "a 600-byte --title is cut"; fi

if [ $failures -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all output-safety cases passed"
