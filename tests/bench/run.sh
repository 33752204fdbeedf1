#!/bin/sh
# The benchmark of issue 13: perfpdf against Typst on the same synthetic
# Relazione (README.md, "Benchmark"). Not a test: it reports, asserts nothing.
#
#   tests/bench/run.sh [--build DIR] [--sizes 1000,10000] [--runs 3] [--out DIR] [--no-typst]
#
# For each size N (indicators) it writes the document (bench_gen: PREFIX.xml
# and the same content as PREFIX.typ), checks it with `perfpdf validate`, then
# runs, alternating, RUNS times each:
#   perfpdf-eq    perfpdf render with tests/bench/layout-typst-equal.xml
#                 (what the Typst document prints)
#   perfpdf-full  perfpdf render with the default layout (layouts/relazione.xml)
#   typst         the Typst document: the `typst` CLI when installed, else the
#                 npm compiler @myriaddreamin/typst-ts-node-compiler 0.7.0
#                 (installed into DIR/bench-typst on first use: needs the network)
# and prints per program the median run: perfpdf's stages (--timings), wall
# and CPU (user + system) seconds and peak RSS (/usr/bin/time), pages, bytes
# per page; then the ratios to Typst. Every run is also a line of
# OUT/results.tsv. The fonts are perfpdf's fonts/ for both programs.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$src/build
sizes=1000,10000
runs=3
out=
typst=auto
typst_version=0.7.0

while [ $# -gt 0 ]; do
    case $1 in
    --build) build=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-typst) typst=none; shift ;;
    -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
build=$(cd "$build" && pwd)
out=${out:-$build/bench}
mkdir -p "$out"
perfpdf=$build/perfpdf
gen=$build/tests/bench/bench_gen
for f in "$perfpdf" "$gen"; do
    [ -x "$f" ] || { echo "run.sh: $f missing: cmake --build $build first" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time missing (Debian: apt-get install time)" >&2; exit 1; }

# ---- Typst: the CLI, or the npm compiler (installed once) -----------------------------
typst_dir=$build/bench-typst
typst_module=$typst_dir/node_modules/@myriaddreamin/typst-ts-node-compiler
if [ "$typst" = auto ]; then
    if command -v typst >/dev/null 2>&1; then
        typst=cli
    elif ! command -v node >/dev/null 2>&1; then
        echo "run.sh: neither the typst CLI nor node: perfpdf alone" >&2
        typst=none
    elif [ -d "$typst_module" ]; then
        typst=npm
    elif command -v npm >/dev/null 2>&1 &&
        echo "run.sh: installing @myriaddreamin/typst-ts-node-compiler@$typst_version into $typst_dir (network)" >&2 &&
        npm install --silent --no-audit --no-fund --prefix "$typst_dir" \
            "@myriaddreamin/typst-ts-node-compiler@$typst_version" >&2; then
        typst=npm
    else
        echo "run.sh: could not install the npm Typst compiler (no network?): perfpdf alone" >&2
        typst=none
    fi
fi
case $typst in
cli) echo "Typst: $(typst --version)" ;;
npm) echo "Typst: @myriaddreamin/typst-ts-node-compiler $(node -p "require('$typst_module/package.json').version")" ;;
*) echo "Typst: not run" ;;
esac
echo "perfpdf: $("$perfpdf" version 2>/dev/null | head -1); $(nproc) cores; runs per program: $runs (median)"

# ---- one run ------------------------------------------------------------------------
# run PROGRAM N RUN: appends a line to results.tsv:
# size program run wall cpu rss_kb pages bytes stages
results=$out/results.tsv
printf 'size\tprogram\trun\twall_s\tcpu_s\tpeak_rss_kb\tpages\tbytes\tstages\n' >"$results"

pages_of() { # pages of a PDF from perfpdf's or typst's report
    sed -n 's/.*(\([0-9]*\) pages).*/\1/p; s/^typst: \([0-9]*\) pages.*/\1/p' "$1" | tail -1
}

run() {
    prog=$1 n=$2 r=$3 doc=$out/r$2
    pdf=$out/r$n-$prog.pdf log=$out/r$n-$prog.log tm=$out/r$n-$prog.time
    case $prog in
    perfpdf-eq) set -- "$perfpdf" render "$doc.xml" -o "$pdf" --timings \
        --layout "$here/layout-typst-equal.xml" ;;
    perfpdf-full) set -- "$perfpdf" render "$doc.xml" -o "$pdf" --timings ;;
    typst) if [ "$typst" = cli ]; then
        set -- typst compile --ignore-system-fonts --font-path "$src/fonts" "$doc.typ" "$pdf"
    else
        set -- node "$here/typst_compile.js" "$typst_dir" "$src/fonts" "$doc.typ" "$pdf"
    fi ;;
    esac
    if ! /usr/bin/time -f '%e %U %S %M' -o "$tm" "$@" >"$log" 2>&1; then
        echo "run.sh: $prog failed on N=$n:" >&2
        cat "$log" >&2
        exit 1
    fi
    pages=$(pages_of "$log")
    if [ -z "$pages" ] && command -v pdfinfo >/dev/null 2>&1; then
        pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
    fi
    # perfpdf's --timings, or typst_compile.js's own split (the CLI gives none)
    stages=$(sed -n 's/^timings: \(.*\); total.*/\1/p; s/^typst: [0-9]* pages, //p' "$log")
    awk -v n="$n" -v p="$prog" -v r="$r" -v pg="${pages:-0}" -v b="$(wc -c <"$pdf")" \
        -v st="$stages" '{ printf "%s\t%s\t%s\t%s\t%.2f\t%s\t%s\t%s\t%s\n",
            n, p, r, $1, $2 + $3, $4, pg, b, st }' "$tm" >>"$results"
}

# ---- the report ---------------------------------------------------------------------
# The run of median wall time of each program at size n; stages of that run.
report() {
    n=$1
    awk -F'\t' -v n="$n" -v runs="$runs" '
    $1 == n { k = $2; c[k]++; line[k, c[k]] = $0; wall[k, c[k]] = $4 }
    END {
        printf "\nN = %d indicators\n", n
        printf "%-13s %8s %8s %6s %9s %6s %9s  %s\n", "program", "wall s", "cpu s", "cores",
               "peak MB", "pages", "KB/page", "stages (median run)"
        split("perfpdf-eq perfpdf-full typst", order, " ")
        for (o = 1; o <= 3; o++) {
            k = order[o]
            if (!c[k]) continue
            # the median run: sort the runs by wall time (few: insertion sort)
            for (i = 1; i <= c[k]; i++) idx[i] = i
            for (i = 2; i <= c[k]; i++)
                for (j = i; j > 1 && wall[k, idx[j - 1]] > wall[k, idx[j]]; j--) {
                    t = idx[j]; idx[j] = idx[j - 1]; idx[j - 1] = t
                }
            split(line[k, idx[int((c[k] + 1) / 2)]], f, "\t")
            med[k] = f[4]; cpu[k] = f[5]
            # cores: CPU over wall, how many cores the run kept busy on average
            printf "%-13s %8.2f %8.2f %6.2f %9.1f %6d %9.1f  %s\n", k, f[4], f[5],
                   (f[4] > 0 ? f[5] / f[4] : 0), f[6] / 1024, f[7], f[7] ? f[8] / f[7] / 1024 : 0, f[9]
            pages[k] = f[7]
        }
        if (med["typst"] > 0 && cpu["typst"] > 0) {
            for (o = 1; o <= 2; o++) {
                k = order[o]
                if (!med[k]) continue
                printf "%s / typst: wall %.2f x, cpu %.2f x", k, med[k] / med["typst"],
                       cpu[k] / cpu["typst"]
                if (pages[k] && pages["typst"])
                    printf ", wall per page %.2f x", (med[k] / pages[k]) / (med["typst"] / pages["typst"])
                printf "\n"
            }
        }
    }' "$results"
}

# The machine's load: on a shared machine other processes stretch the wall
# times (the alternation spreads that over the programs; CPU times suffer less).
load() { cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?'; }
echo "load average at start: $(load) ($(nproc) cores)"
start=$(date +%s)
for n in $(echo "$sizes" | tr ',' ' '); do
    "$gen" "$n" "$out/r$n"
    if ! "$perfpdf" validate "$out/r$n.xml" >"$out/r$n-validate.log" 2>&1; then
        echo "run.sh: the generated document of N=$n does not validate:" >&2
        head -20 "$out/r$n-validate.log" >&2
        exit 1
    fi
    echo "N=$n: $(wc -c <"$out/r$n.xml") bytes of XML, $(wc -c <"$out/r$n.typ") of Typst" >&2
    r=1
    while [ "$r" -le "$runs" ]; do # alternating, so that a busy moment hits all alike
        run perfpdf-eq "$n" "$r"
        run perfpdf-full "$n" "$r"
        [ "$typst" = none ] || run typst "$n" "$r"
        r=$((r + 1))
    done
    report "$n"
done
echo
echo "All runs: $results ($(($(date +%s) - start)) s; load average at the end: $(load))"
