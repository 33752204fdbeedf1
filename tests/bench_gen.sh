#!/usr/bin/env bash
# The benchmark's generator (tests/bench/bench_gen.c) holds to what the
# benchmark's figures rest on:
#   - the same N gives the same bytes (XML and Typst); N = 1,000 is valid;
#   - the shape asked for: 3 areas, 8 indicators per operational objective,
#     strategic objectives of 4 to 8 (about 6) operational ones, people;
#   - the Typst document prints what perfpdf computes: every grado of an
#     indicator and of an operational objective in the .typ is perfpdf's
#     (`perfpdf score`), N/D where perfpdf has none; so the two programs
#     lay out the same numbers.
# usage: bench_gen.sh PERFPDF BENCH_GEN WORK_DIR
set -u
perfpdf=$1
gen=$2
work=$3
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
rm -rf "$work" && mkdir -p "$work" || fail "work dir $work"
"$gen" 1000 "$work/a" || fail "bench_gen 1000"
"$gen" 1000 "$work/b" || fail "bench_gen 1000 (again)"
cmp -s "$work/a.xml" "$work/b.xml" || fail "two runs, two XML documents"
cmp -s "$work/a.typ" "$work/b.typ" || fail "two runs, two Typst documents"
"$gen" 10 "$work/c" 2>/dev/null && fail "N = 10 (fewer than 3 areas x 8) accepted"
"$perfpdf" validate "$work/a.xml" >"$work/validate.log" 2>&1 || {
    cat "$work/validate.log" >&2
    fail "the document of N = 1000 does not validate"
}
"$perfpdf" score "$work/a.xml" --format csv >"$work/score.csv" || fail "score"

# levels: column 3 (titles with commas are only the areas', quoted, after it)
count() { awk -F, -v l="$1" '$3 == l' "$work/score.csv" | wc -l; }
[ "$(count ambito)" -eq 3 ] || fail "$(count ambito) areas, not 3"
[ "$(count indicatore)" -eq 1000 ] || fail "$(count indicatore) indicators, not 1000"
[ "$(count operativo)" -eq 125 ] || fail "$(count operativo) operational objectives, not 125"
s=$(count strategico)
[ "$s" -ge 16 ] && [ "$s" -le 31 ] || fail "$s strategic objectives for 125 operational ones"
grep -c '<Persona ' "$work/a.xml" | grep -qx '[1-9][0-9]*' || fail "no people"
grep -q '<ObiettivoIndividuale rif=' "$work/a.xml" || fail "no individual objectives"
grep -q 'nd="true"' "$work/a.xml" || fail "no N/D"

# every grado of the Typst document against perfpdf's achievement
awk -F, '$3 == "indicatore" || $3 == "operativo" { print $2, ($9 == "" ? "N/D" : $9) }' \
    "$work/score.csv" | sort >"$work/perfpdf.txt"
# #ob("CODE", "TITLE", "GG,GG %", ...  and  ("CODE", "NAME", T, C, "GG,GG %", "k"),
sed -n 's/^#ob("\([0-9_]*\)", "[^"]*", "\([^"]*\)".*/\1 \2/p;
         s/^  ("\([0-9_]*\)", "[^"]*", "[^"]*", "[^"]*", "\([^"]*\)", "."),$/\1 \2/p' \
    "$work/a.typ" | sed 's/ %$//; s/,/./' | sort >"$work/typst.txt"
[ "$(wc -l <"$work/typst.txt")" -eq 1125 ] || fail "$(wc -l <"$work/typst.txt") gradi in the .typ, not 1125"
join "$work/perfpdf.txt" "$work/typst.txt" >"$work/both.txt"
[ "$(wc -l <"$work/both.txt")" -eq 1125 ] || fail "codes of the .typ and of perfpdf differ"
awk '($2 == "N/D") != ($3 == "N/D") || ($2 != "N/D" && ($2 - $3 > 0.006 || $3 - $2 > 0.006)) {
        print "grado of " $1 ": perfpdf " $2 ", Typst document " $3; bad = 1 }
     END { exit bad }' "$work/both.txt" >&2 || fail "the Typst document prints other gradi"
echo "bench_gen: deterministic, valid, shape as asked, 1125 gradi as perfpdf's"
