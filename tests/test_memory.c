/* The memory budget of validate and score (README, "Broken and hostile
 * input"): the peak resident memory of `perfpdf validate` and `perfpdf
 * score` on a generated plan of about 20 MB stays under 12 bytes per byte
 * of input (measured: 10.3 besides the program itself), on a file of tiny
 * elements with short attributes (the densest there is: 40) under the
 * budget of 48, and a file past the cap of nodes is refused within 1 GB. Each run is a
 * child process, measured by getrusage(RUSAGE_CHILDREN). Not in sanitizer
 * builds, where memory is not comparable. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "child_run.h"
#include "scale_gen.h"

#define FIXED_KB (16 * 1024) /* the program, its libraries, the schema */

/* Peak resident memory of `perfpdf ARGS...` in KB; its exit status in *rc. */
static long peak_kb(char *const argv[], int *rc)
{
    child_usage u;
    assert_true(child_run(argv, &u));
    *rc = u.status;
    return u.peak_kb;
}

static long file_kb(const char *path)
{
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    return (long)(sb.st_size / 1024);
}

static void check(const char *cmd, const char *path, int want_rc, long per_byte)
{
    char *argv[] = {PP_PERFPDF, (char *)cmd, (char *)path, NULL, NULL, NULL};
    if (cmd[0] == 's') argv[3] = "--format", argv[4] = "csv";
    int rc;
    long peak = peak_kb(argv, &rc), size = file_kb(path);
    fprintf(stderr, "%s %s: %ld KB of input, peak %ld KB: %.1f bytes per byte\n", cmd, path,
            size, peak, (double)peak / (double)size);
    assert_int_equal(rc, want_rc);
    assert_true(peak <= per_byte * size + FIXED_KB);
}

static void generated_plan(void **state)
{
    (void)state;
#ifdef PP_SANITIZE
    skip();
#endif
    const char *path = PP_BUILD_DIR "/tests/memory-plan.xml";
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_true(pp_gen_write(f, "areas", 14000)); /* about 20 MB */
    assert_int_equal(fclose(f), 0);
    check("validate", path, 0, 12);
    check("score", path, 0, 12);
    remove(path);
}

/* n empty elements with two short attributes each: three nodes for every
 * 16 bytes, the densest a document can be. */
static void write_dense(const char *path, int n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("<DocumentoPerformance xmlns=\"urn:perfpdf:documento:1\">", f);
    for (int i = 0; i < n; i++) fputs("<a b=\"1\" c=\"2\"/>", f);
    fputs("</DocumentoPerformance>\n", f);
    assert_int_equal(fclose(f), 0);
}

/* 900,000 empty elements with two short attributes each (2,700,000
 * nodes, under the cap of 3,000,000): about 40 bytes of memory per byte
 * of input, the most a file can take. Invalid, as it should be. */
static void densest_file(void **state)
{
    (void)state;
#ifdef PP_SANITIZE
    skip();
#endif
    const char *path = PP_BUILD_DIR "/tests/memory-dense.xml";
    write_dense(path, 900000);
    check("validate", path, 2, 48);
    remove(path);
}

/* 4,000,000 such elements (12,000,000 nodes, 64 MB): refused at the cap
 * of nodes, with the tree of 3,000,000 at most (the whole tree took 2.5
 * GB). */
static void beyond_the_cap(void **state)
{
    (void)state;
#ifdef PP_SANITIZE
    skip();
#endif
    const char *path = PP_BUILD_DIR "/tests/memory-cap.xml";
    write_dense(path, 4000000);
    char *argv[] = {PP_PERFPDF, "validate", (char *)path, NULL};
    int rc;
    long peak = peak_kb(argv, &rc);
    fprintf(stderr, "validate %s: %ld KB of input, peak %ld KB\n", path, file_kb(path), peak);
    assert_int_equal(rc, 2);
    assert_true(peak <= 1024 * 1024);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(generated_plan),
                                       cmocka_unit_test(densest_file),
                                       cmocka_unit_test(beyond_the_cap)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
