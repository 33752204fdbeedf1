/* The catalogue of broken documents (fixtures/broken): each NAME.xml is
 * validated and its diagnostics must be exactly those of NAME.expected,
 * one "LINE:COL: severity: message" per line, in order. A broken file
 * without its expectation is itself a failure. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"

#define BROKEN PP_SOURCE_DIR "/fixtures/broken"

/* Diagnostics as the expectation files write them. */
static char *render(const pp_diags *d)
{
    size_t cap = 256;
    for (size_t i = 0; i < d->count; i++) cap += strlen(d->items[i].message) + 64;
    char *s = malloc(cap), *o = s;
    *o = '\0';
    for (size_t i = 0; i < d->count; i++) {
        char prefix[DIAG_PREFIX_SIZE];
        diag_prefix(&d->items[i], prefix, sizeof prefix);
        o += sprintf(o, "%s%s\n", prefix, d->items[i].message);
    }
    return s;
}

/* The expectation without its comment lines. */
static char *strip_comments(char *s)
{
    char *o = s, *p = s;
    while (*p) {
        char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p + 1) : strlen(p);
        if (*p != '#') {
            memmove(o, p, len);
            o += len;
        }
        p += len;
    }
    *o = '\0';
    return s;
}

static int check_one(const char *name)
{
    char xml[1024], exp[1024];
    snprintf(xml, sizeof xml, "%s/%s", BROKEN, name);
    snprintf(exp, sizeof exp, "%s/%.*s.expected", BROKEN, (int)(strlen(name) - 4), name);
    char *expected = read_file(exp, NULL);
    if (!expected) {
        fprintf(stderr, "%s: no expectation file %s\n", name, exp);
        return 1;
    }
    strip_comments(expected);
    pp_diags d;
    pp_diags_init(&d, name);
    pp_doc *doc = NULL;
    pp_status st = pp_open_document(xml, &d, &doc);
    char *got = render(&d);
    int failed = 0;
    if (st != PP_ERR_INPUT) {
        fprintf(stderr, "%s: status %d, expected %d (bad input)\n", name, st, PP_ERR_INPUT);
        failed = 1;
    }
    if (strcmp(got, expected) != 0) {
        fprintf(stderr, "%s: diagnostics differ\n--- expected\n%s--- got\n%s", name, expected, got);
        failed = 1;
    }
    free(got);
    free(expected);
    pp_diags_clear(&d);
    pp_doc_free(doc);
    return failed;
}

static void catalogue(void **state)
{
    (void)state;
    DIR *dir = opendir(BROKEN);
    assert_non_null(dir);
    int files = 0, failures = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0) continue;
        files++;
        failures += check_one(e->d_name);
    }
    closedir(dir);
    fprintf(stderr, "%d broken documents checked\n", files);
    assert_true(files >= 30);
    assert_int_equal(failures, 0);
}

int main(void)
{
    /* logo-stdin names /dev/stdin: make standard input a pipe that nobody
     * writes to (the write end stays open), as a pipeline that never ends
     * would, so that reading it would wait for ever; and end a run that
     * hangs all the same, rather than wait for ctest's timeout. */
    int fds[2];
    if (pipe(fds) == 0 && dup2(fds[0], STDIN_FILENO) >= 0) close(fds[0]);
    alarm(300);
    const struct CMUnitTest tests[] = {cmocka_unit_test(catalogue)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
