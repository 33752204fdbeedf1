# Helpers shared by the shell tests (render_*.sh, compare_cli.sh,
# pdf_size.sh), sourced by them first: a failure that stops the test, the
# test's own work folder, and reading a PDF as a reader gets it
# (poppler-utils, qpdf).

# fail MESSAGE: says so on stderr and ends the test.
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
# enter_work DIR: DIR emptied (or made) and made the current folder.
enter_work() {
    rm -rf "$1"
    mkdir -p "$1"
    cd "$1" || fail "cannot enter $1"
}

# Text as one line, the en space and the no-break space as plain spaces.
normalize() { tr '\n\f' '  ' | sed 's/\xe2\x80\x82/ /g; s/\xc2\xa0/ /g' | tr -s ' '; }
# Lines break after "-" and "/" too: compare with all spaces removed.
squeeze() { normalize | tr -d ' '; }
# The five XML entities, as a fixture's text means them.
unescape() { sed "s/&apos;/'/g; s/&quot;/\"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\\&/g"; }

# check_pdf_file PDF: qpdf --check clean, every font listed and embedded.
check_pdf_file() {
    local pdf=$1
    qpdf --check "$pdf" >qpdf.txt 2>&1 || fail "qpdf --check $pdf: $(tail -5 qpdf.txt)"
    if grep -qE '^(WARNING|ERROR)' qpdf.txt; then
        fail "qpdf --check $pdf: $(grep -E '^(WARNING|ERROR)' qpdf.txt | head -3)"
    fi
    grep -q "No syntax or stream encoding errors" qpdf.txt || fail "qpdf --check $pdf: $(tail -3 qpdf.txt)"
    pdffonts "$pdf" >fonts.txt || fail "pdffonts $pdf failed"
    awk 'NR > 2 && $(NF-4) != "yes" { print; bad = 1 } END { exit bad }' fonts.txt ||
        fail "fonts not embedded in $pdf: $(awk 'NR > 2 && $(NF-4) != "yes"' fonts.txt)"
    [ "$(awk 'NR > 2' fonts.txt | wc -l)" -gt 0 ] || fail "no fonts listed in $pdf"
}

# indicator_codes_and_names FIXTURE: "C<TAB>code" and "N<TAB>name" of each
# <Indicatore>, in document order.
indicator_codes_and_names() {
    awk '
        /<Indicatore[ >]/ { if (match($0, /codice="[^"]*"/)) print "C\t" substr($0, RSTART + 8, RLENGTH - 9) }
        /<Indicatore[ >]/ { want = 1 }
        want && /<Nome>/ { s = $0; sub(/.*<Nome>/, "", s); sub(/<\/Nome>.*/, "", s); print "N\t" s; want = 0 }
    ' "$1" | unescape
}

# all_present EXPECTED TEXT: every value of EXPECTED ("kind<TAB>value"
# lines) is in TEXT (squeezed); prints how many are missing (the first
# five on stderr).
all_present() {
    local missing=0 kind value v
    while IFS=$'\t' read -r kind value; do
        v=$(printf '%s' "$value" | squeeze)
        if ! grep -qF -- "$v" "$2"; then
            [ $missing -lt 5 ] && echo "missing ($kind): $v" >&2
            missing=$((missing + 1))
        fi
    done <"$1"
    echo $missing
}

# toc_entries PDF PAGE: the INDICE entries of a page, "N<TAB>title" (N in
# Roman numerals for front matter numbered so). The
# first line of a page is the running header, the footer starts with
# "Pagina"; a title may wrap onto the next line.
toc_entries() {
    pdftotext -f "$2" -l "$2" -layout -enc UTF-8 "$1" - | sed 's/\xe2\x80\x82/ /g' | awk '
        NF == 0 { next }
        !seen_header { seen_header = 1; next }
        /^ *Pagina [0-9]+ di [0-9]+ *$/ || /^ *Pagina [ivxlcdm]+ *$/ || /^ *INDICE *$/ { next }
        {
            line = $0; sub(/^ +/, "", line)
            # a Roman number stands after the leader (many spaces), not after a word
            if (match(line, / +[0-9]+$/) || match(line, /   +[ivxlcdm]+$/)) {
                n = substr(line, RSTART); gsub(/ /, "", n)
                title = prefix substr(line, 1, RSTART - 1); prefix = ""
                print n "\t" title
            } else prefix = prefix line " "
        }'
}
