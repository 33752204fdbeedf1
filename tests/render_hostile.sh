#!/usr/bin/env bash
# The render half of the hostile-input catalogue: each case gives a clear
# message and the right exit status (2 bad input, 1 environment) in
# bounded time, and leaves no output file — neither the PDF nor a
# temporary '.NAME.XXXXXX' — while a previous good PDF stays untouched.
# usage: render_hostile.sh PERFPDF SOURCE_DIR WORK_DIR
set -u
perfpdf=$1
src=$2
work=$3
minimal=$src/fixtures/esempio-minimo.xml
failures=0

rm -rf "$work"
mkdir -p "$work/out"
cd "$work" || exit 1

# case NAME EXIT REGEX [ENV=VALUE...] -- ARGS...: runs perfpdf render with a
# 120 s bound and checks exit status, message and the output folder.
case_() {
    local name=$1 want=$2 regex=$3
    shift 3
    local envs=()
    while [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    local before
    before=$(ls -A out | sort)
    env "${envs[@]}" timeout ${HOSTILE_TIMEOUT:-120} "$perfpdf" render "$@" >stdout.txt 2>stderr.txt
    local rc=$?
    local after
    after=$(ls -A out | sort)
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL $name: exit $rc, expected $want"; sed 's/^/    /' stderr.txt | tail -5
        failures=$((failures + 1)); return
    fi
    if ! grep -qE "$regex" stderr.txt; then
        echo "FAIL $name: no message matching '$regex'"; sed 's/^/    /' stderr.txt | tail -5
        failures=$((failures + 1)); return
    fi
    if [ "$want" -ne 0 ] && [ "$before" != "$after" ]; then
        echo "FAIL $name: the output folder changed: $(comm -13 <(echo "$before") <(echo "$after") | tr '\n' ' ')"
        failures=$((failures + 1)); return
    fi
    echo "ok   $name (exit $rc)"
}

# A good PDF from an earlier run: failures below must not touch it.
"$perfpdf" render "$minimal" -o out/relazione.pdf 2>/dev/null || { echo "FAIL: good render"; exit 1; }
cp out/relazione.pdf good.pdf

# ---- bad input (exit 2) ------------------------------------------------------------
for f in "$src"/fixtures/broken/*.xml; do
    name=$(basename "$f" .xml)
    case_ "broken/$name" 2 "error" -- "$f" -o out/relazione.pdf
done
case_ missing-input 2 "cannot open" -- "$work/nope.xml" -o out/relazione.pdf

# Images the document names: only regular files (a FIFO would block for
# ever), whole and within the pixel limits (the broken catalogue has the
# corrupt ones). The FIFO here has no writer: opening it would block.
with_logo() { # with_logo FILE OUT.xml: the minimal document with that logo
    sed "s|<Denominazione>Comune di Esempio</Denominazione>|&<Logo file=\"$1\" testoAlternativo=\"Stemma\"/>|" "$minimal" >"$2"
}
mkfifo logo-fifo.png
with_logo logo-fifo.png logo-fifo.xml
case_ logo-fifo 2 "logo 'logo-fifo.png' cannot be opened: not a regular file" -- logo-fifo.xml -o out/relazione.pdf
start=$(date +%s)
timeout 60 "$perfpdf" validate logo-fifo.xml >/dev/null 2>stderr.txt
rc=$?
if [ "$rc" -ne 2 ] || ! grep -q "not a regular file" stderr.txt; then
    echo "FAIL validate-logo-fifo: exit $rc"; failures=$((failures + 1))
else
    echo "ok   validate-logo-fifo (exit 2, $(($(date +%s) - start)) s)"
fi
sed 's|</Albero>|</Albero><Testi><Sezione ruolo="premessa"><Titolo>P</Titolo><Immagine file="logo-fifo.png" testoAlternativo="x"/></Sezione></Testi>|' "$minimal" >image-fifo.xml
case_ image-fifo 2 "image 'logo-fifo.png' cannot be opened: not a regular file" -- image-fifo.xml -o out/relazione.pdf
with_logo /dev/stdin logo-stdin.xml
exec 3< <(sleep 300) # a pipe whose writer stays, as standard input
sleeper=$!
case_ logo-stdin-pipe 2 "not a regular file" -- logo-stdin.xml -o out/relazione.pdf <&3
exec 3<&-
kill "$sleeper" 2>/dev/null
case_ bad-layout 2 "error" -- "$minimal" --layout "$src/fixtures/broken/not-xml.xml" -o out/relazione.pdf
cmp -s good.pdf out/relazione.pdf || { echo "FAIL: a failed run changed the previous PDF"; failures=$((failures + 1)); }

# ---- environment (exit 1) -------------------------------------------------------------
case_ missing-fonts 1 "fonts" PERFPDF_FONTS="$work/no-fonts" -- "$minimal" -o out/relazione.pdf
mkdir -p empty-fonts
case_ fonts-folder-empty 1 "font" PERFPDF_FONTS="$work/empty-fonts" -- "$minimal" -o out/relazione.pdf
case_ unwritable-folder 1 "cannot write" -- "$minimal" -o /proc/perfpdf-test.pdf
case_ missing-folder 1 "cannot write" -- "$minimal" -o "$work/no-such-dir/x.pdf"
case_ full-disk 1 "No space left" -- "$minimal" -o /dev/full
# a file size limit reached in the middle of the file
( ulimit -f 20; case_ file-size-limit 1 "File too large" -- \
      "$src/fixtures/pistoia-prato-relazione-2022.xml" -o out/relazione.pdf; exit $failures )
failures=$?
cmp -s good.pdf out/relazione.pdf || { echo "FAIL: a failed run changed the previous PDF"; failures=$((failures + 1)); }

# ---- hard but valid (exit 0, bounded time) ---------------------------------------------
# good images: a PNG that perfpdf itself drew, a JPEG embedded as it is
mkdir -p png
"$perfpdf" render "$minimal" -o out/for-png.pdf --png png >/dev/null 2>&1
cp "$(ls png/*.png | head -1)" logo-good.png
with_logo "$work/logo-good.png" logo-png.xml
case_ logo-png 0 "logo-png.xml: out/logo-png.pdf" -- logo-png.xml -o out/logo-png.pdf
with_logo "$src/fixtures/logo-esempio.jpg" logo-jpeg.xml
case_ logo-jpeg 0 "logo-jpeg.xml: out/logo-jpeg.pdf" -- logo-jpeg.xml -o out/logo-jpeg.pdf
pdfimages -list out/logo-jpeg.pdf | grep -qE "^ +1 +0 image +120 +60 .* jpeg " ||
    { echo "FAIL logo-jpeg: the JPEG is not in the PDF as it is"; failures=$((failures + 1)); }

word=$(head -c 5000 /dev/zero | tr '\0' 'x')
sed "s|<Nome>Brevetti, modelli, marchi e seguiti</Nome>|<Nome>$word</Nome>|" "$minimal" >long-word.xml
case_ long-word-in-cell 0 "long-word.xml: out/long-word.pdf" -- long-word.xml -o out/long-word.pdf
pdftotext out/long-word.pdf - | tr -d '\n-' | grep -q "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" ||
    { echo "FAIL long-word-in-cell: the word is not in the PDF"; failures=$((failures + 1)); }

# one objective with 10,000 indicators
{
    sed -n '1,/<ObiettivoOperativo id="o1"/p' "$minimal"
    echo '          <Titolo>Obiettivo con diecimila indicatori</Titolo>'
    for i in $(seq 1 10000); do
        printf '          <Indicatore id="k%d" codice="K%05d" peso="0.01"><Nome>Indicatore numero %d</Nome><Unita>N.</Unita><Target anno="2022" operatore="ge" valore="100"/><Consuntivo valore="%d"/></Indicatore>\n' \
            "$i" "$i" "$i" $((i % 7 * 20))
    done
    sed -n '/<\/ObiettivoOperativo>/,$p' "$minimal"
} >ten-thousand.xml
start=$(date +%s)
case_ ten-thousand-indicators 0 "ten-thousand.xml: out/ten-thousand.pdf \([0-9]+ pages\)" -- \
    ten-thousand.xml -o out/ten-thousand.pdf
echo "     ten-thousand-indicators took $(($(date +%s) - start)) s"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
