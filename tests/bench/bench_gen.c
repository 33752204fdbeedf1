/* bench_gen: the synthetic Relazione of the benchmark (tests/bench/run.sh),
 * written twice with the same content: as our XML document and as a Typst
 * document that prints what tests/bench/layout-typst-equal.xml prints
 * (cover, INDICE, one table per operational objective).
 *
 *   bench_gen N PREFIX      writes PREFIX.xml and PREFIX.typ
 *
 * A program of its own rather than a shape of tests/scale_gen.c: scale_gen
 * grows one kind of element of a fixed document to find limits, while the
 * benchmark needs a document that looks like a real one at every size
 * (3 areas, strategic objectives of ~6 operational objectives, 8 indicators
 * each, names of 4-16 words from a fixed vocabulary, people, varied scores),
 * and the same text written a second time for Typst.
 *
 * Every random choice comes from a hash of the element's position
 * (bench_rnd), not from one stream: the same N gives the same bytes, the
 * two writers may walk the tree in different orders, and the first
 * indicators of N = 10,000 are those of N = 1,000. */
#include "bench_gen.h"

#include <stdlib.h>
#include <string.h>

enum { SEED = 13 };

/* ---- the seeded generator (splitmix64) ---------------------------------------- */

static uint64_t mix(uint64_t z)
{
    z += 0x9E3779B97F4A7C15u;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

bench_rng bench_rnd(char kind, long i)
{
    bench_rng r = {mix(mix((uint64_t)SEED << 8 | (uint64_t)(unsigned char)kind) ^ (uint64_t)i)};
    return r;
}

long bench_uniform(bench_rng *r, long lo, long hi)
{
    r->s = mix(r->s);
    return lo + (long)(r->s % (uint64_t)(hi - lo + 1));
}

void *bench_alloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("bench_gen: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

/* ---- the shape of the tree ------------------------------------------------------ */

void bench_make_shape(bench_shape *sh, long n)
{
    sh->n = n;
    sh->ops = (n + BENCH_PER_OP - 1) / BENCH_PER_OP;
    sh->first = bench_alloc(sizeof *sh->first * (size_t)(sh->ops + BENCH_AREAS + 1));
    long s = 0;
    for (long o = 0; o < sh->ops; s++) {
        bench_rng r = bench_rnd('S', s);
        sh->first[s] = o;
        o += bench_uniform(&r, 4, 8);
    }
    if (s < BENCH_AREAS) { /* a tiny N: one strategic objective per area */
        s = BENCH_AREAS;
        for (long k = 0; k < s; k++) sh->first[k] = k * sh->ops / s;
    }
    sh->strats = s;
    sh->first[s] = sh->ops;
    sh->people = s / 4 > BENCH_AREAS ? s / 4 : BENCH_AREAS;
}

void bench_area_range(const bench_shape *sh, int a, long *lo, long *hi)
{
    *lo = sh->strats * a / BENCH_AREAS;
    *hi = sh->strats * (a + 1) / BENCH_AREAS;
}

long bench_indicators_of(const bench_shape *sh, long op)
{
    long left = sh->n - op * BENCH_PER_OP;
    return left < BENCH_PER_OP ? left : BENCH_PER_OP;
}

/* ---- texts ------------------------------------------------------------------------ */

const char *const bench_area_titles[BENCH_AREAS] = {
    "Competitività e sviluppo del territorio",
    "Semplificazione, trasparenza e legalità dell'azione amministrativa",
    "Efficienza, innovazione e valorizzazione delle risorse interne",
};

void bench_name(char *buf, size_t size, char kind, long i, long lo, long hi)
{
    bench_rng r = bench_rnd(kind, i);
    long words = bench_uniform(&r, lo, hi);
    size_t len = 0;
    buf[0] = '\0';
    for (long w = 0; w < words; w++) {
        const char *word = bench_words[bench_uniform(&r, 0, bench_nwords - 1)];
        int k = snprintf(buf + len, size - len, "%s%s", w ? " " : "", word);
        if (k < 0 || (size_t)k >= size - len) break;
        len += (size_t)k;
    }
    if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
}

void bench_op_code(char *buf, size_t size, int a, long s, long o)
{
    snprintf(buf, size, "%02d_%02ld_%02ld", a + 1, s + 1, o + 1);
}

void bench_weights(long *w, long n, char kind, long parent)
{
    bench_rng r = bench_rnd(kind, parent);
    long parts = 0;
    for (long i = 0; i < n; i++) parts += w[i] = bench_uniform(&r, 1, 4);
    long sum = 0;
    for (long i = 0; i < n; i++) {
        w[i] = i < n - 1 ? w[i] * 10000 / parts : 10000 - sum;
        sum += w[i];
    }
}

/* ---- one indicator ------------------------------------------------------------------ */

/* Indicator k of operational objective op: a percentage (55 in 100), a
 * count (20), days (15: less is better) or a deadline (10); one in 25
 * N/D (never the first of an objective, so that every objective scores). */
bench_indicator bench_make_indicator(long op, long k)
{
    bench_rng r = bench_rnd('I', op * BENCH_PER_OP + k);
    bench_indicator in = {0};
    long u = bench_uniform(&r, 0, 99);
    in.kind = u < 55 ? BK_PERCENT : u < 75 ? BK_COUNT : u < 90 ? BK_DAYS : BK_DEADLINE;
    in.nd = k > 0 && bench_uniform(&r, 0, 24) == 0;
    long f = bench_uniform(&r, 60, 125); /* actual as a percentage of the target */
    switch (in.kind) {
    case BK_PERCENT:
        in.target = bench_uniform(&r, 50, 99);
        in.actual = in.target * f / 10; /* tenths */
        if (in.actual > 1000) in.actual = 1000;
        in.grado = 100.0 * (double)in.actual / 10.0 / (double)in.target;
        break;
    case BK_COUNT:
        in.target = bench_uniform(&r, 10, 5000);
        in.actual = in.target * f / 100;
        in.grado = 100.0 * (double)in.actual / (double)in.target;
        break;
    case BK_DAYS:
        in.target = bench_uniform(&r, 10, 90);
        in.actual = in.target * (185 - f) / 100;
        in.grado = 100.0 * (2 - (double)in.actual / (double)in.target);
        if (in.actual <= in.target) in.grado = 100;
        break;
    case BK_DEADLINE: /* days of 2022; late: 0 (no tolerance in the system) */
        in.target = bench_uniform(&r, 60, 330);
        in.actual = in.target + bench_uniform(&r, -40, 12);
        in.grado = in.actual <= in.target ? 100 : 0;
        break;
    }
    if (in.grado > 100) in.grado = 100;
    if (in.grado < 0) in.grado = 0;
    return in;
}

void bench_date_of_day(long day, int *m, int *d) /* day 1..365 of 2022 */
{
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int i = 0;
    while (i < 11 && day > len[i]) day -= len[i++];
    *m = i + 1;
    *d = (int)day;
}

/* ---- main ---------------------------------------------------------------------------- */

static FILE *open_out(const char *prefix, const char *ext)
{
    size_t n = strlen(prefix) + strlen(ext) + 1;
    char *path = bench_alloc(n);
    snprintf(path, n, "%s%s", prefix, ext);
    FILE *f = fopen(path, "wb");
    if (!f) perror(path);
    free(path);
    return f;
}

int main(int argc, char **argv)
{
    char *end = NULL;
    long n = argc == 3 ? strtol(argv[1], &end, 10) : 0;
    if (argc != 3 || !end || *end || n < BENCH_PER_OP * BENCH_AREAS || n > 10000000) {
        fputs("usage: bench_gen N PREFIX   (N >= 24 indicators): writes PREFIX.xml and "
              "PREFIX.typ\n",
              stderr);
        return 2;
    }
    bench_shape sh;
    bench_make_shape(&sh, n);
    FILE *x = open_out(argv[2], ".xml"), *t = x ? open_out(argv[2], ".typ") : NULL;
    if (!x || !t) {
        if (x) fclose(x);
        free(sh.first);
        return 1;
    }
    bench_write_xml(x, &sh);
    bench_write_typst(t, &sh);
    int bad = ferror(x) | ferror(t);
    bad |= fclose(x) != 0;
    bad |= fclose(t) != 0;
    free(sh.first);
    if (bad) fputs("bench_gen: write error\n", stderr);
    return bad ? 1 : 0;
}
