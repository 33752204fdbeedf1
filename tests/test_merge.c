/* Measured values into a Piano: the Relazione, with the plan's own text
 * kept as it was written. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "merge.h"
#include "testutil.h"

#define FIX PP_SOURCE_DIR "/fixtures/"
#define PLAN FIX "csv/piano-2023.xml"
#define PISTOIA FIX "pistoia-prato-relazione-2022.xml"

typedef struct {
    pp_diags plan, csv;
    char *xml;
    size_t len;
    pp_merge_report rep;
    pp_status st;
} run;

static void merge(run *r, const char *plan, const char *values, pp_missing missing)
{
    pp_merge_opts o = {plan, values, missing, NULL, NULL};
    pp_diags_init(&r->plan, plan);
    pp_diags_init(&r->csv, values);
    r->st = pp_merge(&o, &r->plan, &r->csv, &r->xml, &r->len, &r->rep);
}

/* Values from text, through a file as the command line has them. */
static void merge_text(run *r, const char *plan, const char *values)
{
    const char *path = PP_BUILD_DIR "/test_merge_values.csv";
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(values, f);
    fclose(f);
    merge(r, plan, path, PP_MISSING_ND);
}

static void done(run *r)
{
    free(r->xml);
    pp_merge_report_clear(&r->rep);
    pp_diags_clear(&r->plan);
    pp_diags_clear(&r->csv);
}

static pp_doc *open_result(const run *r)
{
    if (r->st != PP_OK) {
        pp_diags_print(&r->csv, stderr);
        pp_diags_print(&r->plan, stderr);
        return NULL;
    }
    return scored_n(r->xml, r->len);
}

/* Every line of the plan is in the result, in order, but Tipo and Titolo:
 * comments, indentation and attribute order stay as written. */
static void plan_text_kept(const char *plan, const char *result)
{
    const char *at = result;
    for (const char *line = plan; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char buf[512];
        snprintf(buf, sizeof buf, "%.*s\n", (int)len, line);
        if (!strstr(buf, "<Tipo>") && !strstr(buf, "<Titolo>")) {
            const char *found = strstr(at, buf);
            if (!found) fprintf(stderr, "line lost or moved: %s", buf);
            assert_non_null(found);
            at = found + strlen(buf);
        }
        line = end ? end + 1 : line + len;
    }
}

static void fixture_with_nd(void **state)
{
    (void)state;
    run r;
    merge(&r, PLAN, FIX "csv/consuntivi-2023.csv", PP_MISSING_ND);
    pp_doc *doc = open_result(&r);
    assert_non_null(doc);
    assert_int_equal(r.rep.filled, 6);
    assert_int_equal(r.rep.unknown, 1);
    assert_int_equal(r.rep.missing, 1);
    assert_string_equal(r.rep.title, "Relazione sulla performance 2023");
    assert_int_equal(doc->kind, PP_DOC_RELAZIONE);
    assert_true(node(doc, "i_MAN_01")->ind->actual.value == 13.5);
    assert_true(node(doc, "i_VER_01")->ind->actual.value == 1198000);
    assert_true(node(doc, "i_AMB_01")->ind->actual.value == 66.2);
    assert_int_equal(node(doc, "i_AMB_02")->ind->actual.date.m, 7);
    assert_int_equal(node(doc, "i_MAN_02")->ind->actual.kind, PP_ACTUAL_ND);
    assert_string_equal(node(doc, "i_DIG_02")->ind->actual.nd_reason, "Consuntivo non pervenuto");
    assert_true(node(doc, "i_MAN_02")->ind->targets[0].value == 5); /* targets untouched */
    assert_true(has_diag(&r.csv, "8:1: warning: Codice indicatore: no indicator of the plan has "
                                 "code 'XYZ_99': row ignored"));
    assert_true(has_diag(&r.plan, "104:11: warning: indicator 'DIG_02' got no value: N/D "
                                  "(Consuntivo non pervenuto)"));
    char *plan = read_file(PLAN, NULL);
    assert_non_null(plan);
    plan_text_kept(plan, r.xml);
    free(plan);
    assert_non_null(strstr(r.xml, "<!-- oltre 10 giorni il grado è 0 -->\n"
                                  "            <Consuntivo nd=\"true\">"));
    pp_doc_free(doc);
    done(&r);
}

static void missing_is_an_error(void **state)
{
    (void)state;
    run r;
    merge(&r, PLAN, FIX "csv/consuntivi-2023.csv", PP_MISSING_ERROR);
    assert_int_equal(r.st, PP_ERR_INPUT);
    assert_null(r.xml);
    assert_true(has_diag(&r.plan, "104:11: error: indicator 'DIG_02' got no value from "
                                  PP_SOURCE_DIR "/fixtures/csv/consuntivi-2023.csv (--missing nd "
                                  "makes it N/D)"));
    done(&r);
}

/* Pistoia-Prato prints three codes twice: naming one of them is an error
 * for that row; the id works. An existing value is replaced. */
static void ambiguous_codes(void **state)
{
    (void)state;
    run r;
    merge_text(&r, PISTOIA, "codice;consuntivo\nEC07;5\nOC_TD_02;30\n");
    assert_int_equal(r.st, PP_ERR_INPUT);
    assert_true(has_diag(&r.csv, "2:1: error: codice: code 'EC07' names more than one indicator of "
                                 "the plan (lines 1412 and 1820): name it by indicatore_id"));
    done(&r);
    merge_text(&r, PISTOIA, "id;codice;consuntivo\ni_03_01_01_01;EC07;5\n;OC_TD_02;30\n");
    pp_doc *doc = open_result(&r);
    assert_non_null(doc);
    assert_true(node(doc, "i_03_01_01_01")->ind->actual.value == 5);
    assert_true(node(doc, "i_01_01_01_01")->ind->actual.value == 30);
    const char *el = strstr(r.xml, "id=\"i_01_01_01_01\"");
    const char *end = strstr(el, "</Indicatore>");
    const char *value = strstr(el, "<Consuntivo valore=\"30\"/>");
    assert_true(value && value < end); /* in place of the old one */
    assert_int_equal(strstr(el, "<Consuntivo") - el, value - el);
    assert_int_equal(r.rep.missing, 0); /* the others kept theirs */
    pp_doc_free(doc);
    done(&r);
}

static void bad_values(void **state)
{
    (void)state;
    run r;
    merge_text(&r, PLAN, "Codice indicatore;Consuntivo;Motivo N/D\n"
                         "MAN_01;tredici;\n"
                         "AMB_02;15;\n"
                         "DIG_01;N/D;\n"
                         "DIG_02;3;\n"
                         "DIG_02;4;\n"
                         ";5;\n");
    assert_int_equal(r.st, PP_ERR_INPUT);
    assert_true(has_diag(&r.csv, "2:2: error: Consuntivo: 'tredici' is not a number (this file "
                                 "writes numbers as 1.234,56)"));
    assert_true(has_diag(&r.csv, "3:2: error: Consuntivo: '15' is not a date (dd/mm/yyyy): 'AMB_02' "
                                 "is a deadline"));
    assert_true(has_diag(&r.csv, "4:2: error: Consuntivo: N/D needs the reason, in the column "
                                 "motivo_nd"));
    assert_true(has_diag(&r.csv, "6:2: error: a second value for indicator 'DIG_02' (the first is "
                                 "at row 5)"));
    assert_true(has_diag(&r.csv, "7:1: error: the row names no indicator (indicatore_id or "
                                 "indicatore_codice)"));
    done(&r);
    merge_text(&r, PLAN, "Codice indicatore;Consuntivo\nAMB_02;30/06/2300\n");
    assert_int_equal(r.st, PP_ERR_INPUT);
    assert_true(has_diag(&r.csv, "2:2: error: Consuntivo: '30/06/2300' has a year out of range "
                                 "(1900-2199)"));
    done(&r);
}

/* Target columns in the values file (an export filled in) change nothing. */
static void targets_never_change(void **state)
{
    (void)state;
    run r;
    merge_text(&r, PLAN, "indicatore_codice,target_2023,consuntivo\nMAN_01,99,12\n");
    pp_doc *doc = open_result(&r);
    assert_non_null(doc);
    assert_true(node(doc, "i_MAN_01")->ind->targets[0].value == 12);
    assert_true(node(doc, "i_MAN_01")->ind->actual.value == 12);
    pp_doc_free(doc);
    done(&r);
}

static void bad_plan(void **state)
{
    (void)state;
    run r;
    merge(&r, FIX "broken/weights-sum.xml", FIX "csv/consuntivi-2023.csv", PP_MISSING_ND);
    assert_int_equal(r.st, PP_ERR_INPUT);
    assert_true(r.plan.errors > 0);
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixture_with_nd),   cmocka_unit_test(missing_is_an_error),
        cmocka_unit_test(ambiguous_codes),   cmocka_unit_test(bad_values),
        cmocka_unit_test(targets_never_change), cmocka_unit_test(bad_plan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
