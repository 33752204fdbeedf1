/* Bounded time on any input: `perfpdf render` (or validate) of every
 * shape of scale_gen.h at n and at 4n, near each limit that once was
 * super-linear: long words, long texts and combining marks in every
 * field, thousands of siblings at each level, a chain of units, texts
 * printed beside every row, a layout's long labels. Near-linear is about 4
 * times the CPU time; more than 10 times fails (plus a little, so that
 * times too short to measure do not decide), and so does a run over 60 s.
 * CPU time of the child (getrusage), not wall time, so a busy machine
 * does not make it flaky. In sanitizer builds (3 to 5 times slower) the
 * heaviest cases are skipped and the others run at a quarter of n. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "child_run.h"
#include "scale_gen.h"

#define WORK PP_BUILD_DIR "/tests/bounds"
#define MAX_SECONDS 60.0
#define SLACK_SECONDS 0.3
#ifdef PP_SANITIZE
#define SIZE_DIVISOR 4
#else
#define SIZE_DIVISOR 1
#endif

typedef struct {
    const char *shape;
    long n;
    const char *cmd;   /* "render" or "validate" */
    long label;        /* > 0: render with a layout whose labels have this many letters x4 */
    bool heavy;        /* skipped under sanitizers */
} bound_case;

static const bound_case cases[] = {
    {"word", 2000, "render", 0, true},
    {"text", 2500, "render", 0, false},
    {"combining", 10000, "render", 0, true},
    {"areas", 100, "render", 0, true},
    {"strategic", 150, "render", 0, false},
    {"operational", 250, "render", 0, false},
    {"indicators", 500, "render", 0, false},
    {"notes", 2000, "render", 0, false},
    {"revisions", 2000, "render", 0, false},
    {"history", 5000, "render", 0, false},
    {"people", 500, "render", 0, false},
    {"person-objectives", 2000, "render", 0, false},
    {"units", 20000, "render", 0, false},
    {"unit-chain", 20000, "validate", 0, false},
    {"sections", 500, "render", 0, false},
    {"paragraphs", 2000, "render", 0, false},
    {"list-items", 2000, "render", 0, false},
    {"table-rows", 2000, "render", 0, false},
    {"table-cols", 500, "render", 0, false},
    {"spans", 20000, "render", 0, false},
    {"text-nodes", 20000, "render", 0, false},
    {"nested-sections", 50, "render", 0, false},
    {"referenced-texts", 100, "render", 0, true},
    {"areas", 50, "render", 100, true}, /* labels of 100 and 400 letters */
};

static double run_case(const bound_case *c, long n, long label)
{
    char doc[512], layout[512], pdf[512];
    snprintf(doc, sizeof doc, WORK "/%s-%ld.xml", c->shape, n);
    snprintf(pdf, sizeof pdf, WORK "/%s-%ld.pdf", c->shape, n);
    FILE *f = fopen(doc, "wb");
    assert_non_null(f);
    assert_true(pp_gen_write(f, c->shape, n));
    assert_int_equal(fclose(f), 0);
    char *argv[8] = {PP_PERFPDF, (char *)c->cmd, doc, NULL};
    if (strcmp(c->cmd, "render") == 0) {
        argv[3] = "-o";
        argv[4] = pdf;
        if (label > 0) {
            snprintf(layout, sizeof layout, WORK "/layout-%ld.xml", label);
            f = fopen(layout, "wb");
            assert_non_null(f);
            assert_true(pp_gen_layout(f, PP_SOURCE_DIR "/layouts/relazione.xml", label));
            assert_int_equal(fclose(f), 0);
            argv[5] = "--layout";
            argv[6] = layout;
        }
    }
    child_usage u;
    assert_true(child_run(argv, &u));
    if (u.status != 0) fprintf(stderr, "%s %s: exit %d\n", c->cmd, doc, u.status);
    assert_int_equal(u.status, 0);
    remove(doc);
    remove(pdf);
    return u.seconds;
}

static void near_linear(void **state)
{
    (void)state;
    mkdir(WORK, 0777);
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const bound_case *c = &cases[i];
#ifdef PP_SANITIZE
        if (c->heavy) continue;
#endif
        bool labels = c->label > 0;
        long n = labels ? c->n : (c->n + SIZE_DIVISOR - 1) / SIZE_DIVISOR;
        double t1 = run_case(c, n, c->label);
        double t4 = labels ? run_case(c, n, 4 * c->label) : run_case(c, 4 * n, 0);
        bool ok = t4 <= 10 * t1 + SLACK_SECONDS && t4 <= MAX_SECONDS;
        fprintf(stderr, "%-4s %-18s %s n=%-6ld %6.2f s, 4n %6.2f s (x%.1f)%s\n", ok ? "ok" : "FAIL",
                c->shape, c->cmd, labels ? c->label : n, t1, t4, t1 > 0 ? t4 / t1 : 0,
                labels ? " (label letters)" : "");
        failures += !ok;
    }
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(near_linear)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
