/* Out of memory, one allocation at a time: reading, validating, loading,
 * checking and scoring a document (and importing and merging one) must end
 * either as it ends with memory enough or in PP_ERR_ENV with "out of
 * memory" -- never as bad input (PP_ERR_INPUT), never as a success that
 * silently skipped something, never a crash.
 *
 * The linker's --wrap (tests/CMakeLists.txt) sends every malloc, calloc,
 * realloc and strdup of our own code through the __wrap_ functions below;
 * libxml2's and the C library's allocations are their own and are left
 * alone. For N = 1, 2, ... the Nth allocation fails, until a run needs
 * fewer than N. Under AddressSanitizer __real_malloc is the sanitizer's
 * malloc, so the test runs there as well. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "compare.h"
#include "grow.h"
#include "import.h"
#include "merge.h"
#include "testutil.h"

#define MINIMAL PP_SOURCE_DIR "/fixtures/esempio-minimo.xml"
#define PISTOIA PP_SOURCE_DIR "/fixtures/pistoia-prato-relazione-2022.xml"
#define BROKEN PP_SOURCE_DIR "/fixtures/broken"
#define PLAN PP_SOURCE_DIR "/fixtures/csv/piano-2023.xml"
#define PIANO_2024 PP_SOURCE_DIR "/fixtures/piano-piccolo-2024.xml"
#define REL_2022 PP_SOURCE_DIR "/fixtures/valpiccola-relazione-2022.xml"
#define REL_2023 PP_SOURCE_DIR "/fixtures/valpiccola-relazione-2023.xml"

/* ---- failure injection ---------------------------------------------------- */

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
char *__real_strdup(const char *s);

static struct {
    bool armed;
    unsigned long count;   /* allocations seen since armed */
    unsigned long fail_at; /* the one that fails (1-based) */
    bool sticky;           /* fail every one from fail_at on, not only that one */
    bool hit;              /* an allocation was made to fail */
} inj;

static bool inject(void)
{
    if (!inj.armed) return false;
    inj.count++;
    bool fail = inj.sticky ? inj.count >= inj.fail_at : inj.count == inj.fail_at;
    inj.hit |= fail;
    return fail;
}

void *__wrap_malloc(size_t size) { return inject() ? NULL : __real_malloc(size); }
void *__wrap_calloc(size_t n, size_t size) { return inject() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t size) { return inject() ? NULL : __real_realloc(p, size); }
char *__wrap_strdup(const char *s) { return inject() ? NULL : __real_strdup(s); }

static void arm(unsigned long fail_at, bool sticky)
{
    inj.count = 0;
    inj.fail_at = fail_at;
    inj.sticky = sticky;
    inj.hit = false;
    inj.armed = true;
}

/* ---- one run --------------------------------------------------------------- */

/* A job reads `path` and reports to its two diagnostic lists (the second
 * for import's template or merge's CSV). */
typedef pp_status (*job)(const char *path, pp_diags *d, pp_diags *d2);

typedef struct {
    pp_status st;
    bool hit;  /* the failure happened */
    bool said; /* "out of memory" is among what the user would read */
    bool oom;  /* d.oom or d2.oom */
    unsigned long allocs;
} outcome;

/* What pp_diags_print shows, searched for "out of memory". */
static bool says_oom(const pp_diags *d)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    assert_non_null(mem);
    pp_diags_print(d, mem);
    assert_int_equal(fclose(mem), 0);
    bool said = text && strstr(text, "out of memory") != NULL;
    free(text);
    return said;
}

static outcome run(job fn, const char *path, unsigned long fail_at, bool sticky)
{
    pp_diags d, d2;
    pp_diags_init(&d, path);
    pp_diags_init(&d2, "second list");
    arm(fail_at, sticky);
    pp_status st = fn(path, &d, &d2);
    inj.armed = false;
    outcome o = {st, inj.hit, says_oom(&d) || says_oom(&d2), d.oom || d2.oom, inj.count};
    if (o.hit && (st != PP_ERR_ENV || !o.said || !o.oom)) {
        fprintf(stderr, "%s, allocation %lu%s failing: status %d\n", path, fail_at,
                sticky ? " and on" : "", (int)st);
        pp_diags_print(&d, stderr);
        pp_diags_print(&d2, stderr);
    }
    pp_diags_clear(&d);
    pp_diags_clear(&d2);
    return o;
}

/* A run whose failure was reached ends as out of memory; one that did not
 * reach it ends as the clean run did. */
static void check_outcome(const outcome *o, pp_status clean)
{
    if (o->hit) {
        assert_int_equal(o->st, PP_ERR_ENV); /* never blamed on the input */
        assert_true(o->oom);                  /* never absorbed silently */
        assert_true(o->said);
    } else {
        assert_int_equal(o->st, clean);
    }
}

/* Fails allocation 1, 2, 3, ... (each run alone) until a run completes
 * without reaching it; after each, a run with every allocation from that
 * index on failing, which also exercises the error paths' own allocations.
 * The clean run must end with `clean`. */
static void sweep(job fn, const char *path, pp_status clean)
{
    outcome ok = run(fn, path, 0, false);
    assert_false(ok.hit);
    assert_int_equal(ok.st, clean);
    assert_false(ok.oom);
    unsigned long n = 1;
    for (;; n++) {
        outcome o = run(fn, path, n, false);
        check_outcome(&o, clean);
        if (!o.hit) break;
        outcome s = run(fn, path, n, true);
        check_outcome(&s, clean);
    }
    assert_int_equal(n, ok.allocs + 1); /* every allocation was made to fail */
}

/* ---- the jobs ----------------------------------------------------------------- */

/* What every command does first: read, validate, load, check, score. */
static pp_status open_and_score(const char *path, pp_diags *d, pp_diags *d2)
{
    (void)d2;
    pp_doc *doc = NULL;
    pp_status st = pp_open_document(path, d, &doc);
    if (st == PP_OK) {
        assert_non_null(doc);
        pp_score(doc);
    } else {
        assert_null(doc);
    }
    pp_doc_free(doc);
    return st;
}

static pp_status import_csv(const char *path, pp_diags *d, pp_diags *tpl_d)
{
    pp_import_opts o = {.csv_path = path};
    char *xml = NULL;
    size_t len = 0;
    pp_status st = pp_import(&o, d, tpl_d, &xml, &len);
    if (st == PP_OK) assert_non_null(xml);
    else assert_null(xml);
    free(xml);
    return st;
}

static pp_status merge(const char *path, pp_missing missing, pp_diags *plan_d, pp_diags *csv_d)
{
    pp_merge_opts o = {.plan_path = PLAN, .values_path = path, .missing = missing};
    pp_merge_report rep;
    char *xml = NULL;
    size_t len = 0;
    pp_status st = pp_merge(&o, plan_d, csv_d, &xml, &len, &rep);
    if (st == PP_OK) assert_non_null(xml);
    else assert_null(xml);
    free(xml);
    pp_merge_report_clear(&rep);
    return st;
}

/* One indicator has no value: N/D, or an error (a run that ends as bad
 * input, unless memory runs out). */
static pp_status merge_nd(const char *path, pp_diags *plan_d, pp_diags *csv_d)
{
    return merge(path, PP_MISSING_ND, plan_d, csv_d);
}

static pp_status merge_strict(const char *path, pp_diags *plan_d, pp_diags *csv_d)
{
    return merge(path, PP_MISSING_ERROR, plan_d, csv_d);
}

/* compare: both documents read, then the differences and their text. */
static pp_status compare_pair(const char *path, pp_diags *d, pp_diags *piano_d)
{
    pp_doc *piano = NULL, *rel = NULL;
    pp_arena *arena = NULL;
    pp_status st = pp_open_document(PIANO_2024, piano_d, &piano);
    if (st == PP_OK) st = pp_open_document(path, d, &rel);
    if (st == PP_OK && !(arena = pp_arena_new())) st = pp_diag_oom(d);
    pp_compare_result r;
    if (st == PP_OK) st = pp_compare(piano, rel, arena, &r, d);
    if (st == PP_OK) {
        char *text = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&text, &len); /* the C library's: not failed here */
        assert_non_null(mem);
        bool ok = pp_compare_write(&r, PP_CMP_TEXT, mem);
        assert_int_equal(fclose(mem), 0);
        free(text);
        if (!ok) st = pp_diag_oom(d);
    }
    pp_arena_free(arena);
    pp_doc_free(rel);
    pp_doc_free(piano);
    return st;
}

/* --precedenti, as cli/precedenti.c does it: the document and an earlier
 * Relazione opened and scored, the refusals asked, the nodes matched by
 * code, the warning for no match asked. */
static pp_status trend(const char *path, pp_diags *d, pp_diags *prev_d)
{
    pp_doc *doc = NULL, *prev = NULL;
    pp_status st = pp_open_document(path, d, &doc);
    if (st == PP_OK) st = pp_open_document(REL_2022, prev_d, &prev);
    if (st == PP_OK) {
        pp_score(doc);
        pp_score(prev);
        pp_check_precedente(doc, prev, NULL, 0, prev_d);
        const pp_doc *list[] = {prev};
        if (!pp_doc_link_precedenti(doc, list, 1)) st = pp_diag_oom(d);
        else pp_check_precedente_matches(doc, 0, prev_d);
        st = pp_diags_status(prev_d, pp_diags_status(d, st));
    }
    pp_doc_free(doc);
    pp_doc_free(prev);
    return st;
}

/* ---- the sweeps ---------------------------------------------------------------- */

static void earlier_years(void **state)
{
    (void)state;
    sweep(trend, REL_2023, PP_OK);
}


static void minimal_document(void **state)
{
    (void)state;
    sweep(open_and_score, MINIMAL, PP_OK);
}

static void pistoia_prato(void **state)
{
    (void)state;
    sweep(open_and_score, PISTOIA, PP_OK); /* under a hundred allocations: all */
}

/* Documents with errors: out of memory wins over the input's errors, as
 * the run could not finish its report. */
static void broken_documents(void **state)
{
    (void)state;
    DIR *dir = opendir(BROKEN);
    assert_non_null(dir);
    int swept = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".xml") != 0) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", BROKEN, e->d_name);
        sweep(open_and_score, path, PP_ERR_INPUT);
        swept++;
    }
    closedir(dir);
    assert_true(swept > 10);
}

/* import and merge build and validate a document of their own. */
static void import_and_merge(void **state)
{
    (void)state;
    sweep(import_csv, PP_SOURCE_DIR "/fixtures/csv/piano-2023-libreoffice-semicolon.csv", PP_OK);
    sweep(import_csv, PP_SOURCE_DIR "/fixtures/csv/piano-2023-excel-ansi.csv", PP_OK);
    sweep(merge_nd, PP_SOURCE_DIR "/fixtures/csv/consuntivi-2023.csv", PP_OK);
    sweep(merge_strict, PP_SOURCE_DIR "/fixtures/csv/consuntivi-2023.csv", PP_ERR_INPUT);
}

static void compare_documents(void **state)
{
    (void)state;
    sweep(compare_pair, PP_SOURCE_DIR "/fixtures/valpiccola-relazione-2024.xml", PP_OK);
}

/* ---- the helpers themselves ------------------------------------------------ */

static void grow_leaves_the_array_alone(void **state)
{
    (void)state;
    int *a = NULL;
    size_t cap = 0;
    assert_true(pp_grow(&a, &cap, 3, sizeof *a, 2));
    assert_int_equal(cap, 4);
    for (int i = 0; i < 4; i++) a[i] = i;
    int *before = a;
    arm(1, false);
    bool ok = pp_grow(&a, &cap, 5, sizeof *a, 2);
    inj.armed = false;
    assert_false(ok);
    assert_ptr_equal(a, before);
    assert_int_equal(cap, 4);
    assert_int_equal(a[3], 3);
    assert_false(pp_grow(&a, &cap, SIZE_MAX / 2, sizeof *a, 2)); /* overflow */
    assert_int_equal(cap, 4);
    assert_true(pp_grow(&a, &cap, 4, sizeof *a, 2)); /* room already */
    free(a);
}

static void lost_diagnostic_is_a_failure(void **state)
{
    (void)state;
    pp_diags d;
    pp_diags_init(&d, "x.xml");
    pp_warning(&d, 1, 1, "stored");
    arm(1, true);
    pp_warning(&d, 2, 1, "lost");
    inj.armed = false;
    assert_int_equal(d.count, 1);
    assert_true(d.oom);
    assert_int_equal(pp_diags_status(&d, PP_OK), PP_ERR_ENV);
    assert_true(says_oom(&d));
    pp_diags_clear(&d);
    assert_false(d.oom);
}

int main(void)
{
    pp_xml_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(grow_leaves_the_array_alone),
        cmocka_unit_test(lost_diagnostic_is_a_failure),
        cmocka_unit_test(minimal_document),
        cmocka_unit_test(pistoia_prato),
        cmocka_unit_test(earlier_years),
        cmocka_unit_test(broken_documents),
        cmocka_unit_test(import_and_merge),
        cmocka_unit_test(compare_documents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
