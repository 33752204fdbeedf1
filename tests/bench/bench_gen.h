/* The synthetic Relazione of the benchmark: its shape, its seeded choices
 * and its texts, shared by the XML writer (bench_xml.c) and the Typst
 * writer (bench_typst.c) so that both print the same content. */
#ifndef BENCH_GEN_H
#define BENCH_GEN_H

#include <stdint.h>
#include <stdio.h>

enum { BENCH_PER_OP = 8, BENCH_AREAS = 3 };

/* A generator of one element: every choice of the document comes from a
 * hash of the element's kind (a letter) and serial number, never from one
 * stream shared by all (see bench_gen.c). */
typedef struct {
    uint64_t s;
} bench_rng;

bench_rng bench_rnd(char kind, long i);
long bench_uniform(bench_rng *r, long lo, long hi); /* lo..hi inclusive */

typedef struct {
    long n;      /* indicators */
    long ops;    /* operational objectives: 8 indicators each (the last fewer) */
    long strats; /* strategic objectives: 4 to 8 operational ones each */
    long *first; /* the first operational objective of each strategic one, then ops */
    long people; /* one per four strategic objectives, at least one per area */
} bench_shape;

void bench_make_shape(bench_shape *sh, long n);
void bench_area_range(const bench_shape *sh, int a, long *lo, long *hi); /* strategics [lo,hi) */
long bench_indicators_of(const bench_shape *sh, long op);

typedef enum { BK_PERCENT, BK_COUNT, BK_DAYS, BK_DEADLINE } bench_kind;

typedef struct {
    bench_kind kind;
    long target; /* a percentage, a count, days, or the day of 2022 of a deadline */
    long actual; /* tenths of a percent, a count, days, or the day of a deadline */
    int nd;      /* N/D: no consuntivo, with its reason */
    double grado; /* the achievement as perfpdf computes it (src/score/score.c) */
} bench_indicator;

bench_indicator bench_make_indicator(long op, long k);
void bench_date_of_day(long day, int *month, int *mday); /* day 1..365 of 2022 */

/* A name of lo..hi words of the vocabulary, its first letter a capital. */
void bench_name(char *buf, size_t size, char kind, long i, long lo, long hi);
/* The code of operational objective o of strategic s of area a: "01_02_03". */
void bench_op_code(char *buf, size_t size, int a, long s, long o);
/* The weights of n siblings in hundredths, 1 to 4 parts each, summing to 10000. */
void bench_weights(long *w, long n, char kind, long parent);
void *bench_alloc(size_t n); /* exits on failure: a test tool */

extern const char *const bench_area_titles[BENCH_AREAS];
extern const char *const bench_words[];
extern const int bench_nwords;

#define BENCH_ADMIN "Comune di Valle Sintetica"
#define BENCH_TITLE "Relazione sulla performance 2022"
#define BENCH_ND_REASON "Dato non ancora disponibile alla data di redazione"

void bench_write_xml(FILE *f, const bench_shape *sh);
void bench_write_typst(FILE *f, const bench_shape *sh);

#endif
