/* The trend over the years (issue 14): the Relazioni 2022 and 2023 of the
 * Comune di Valpiccola (fixtures/valpiccola-relazione-2022.xml, -2023.xml,
 * whose opening comments work the scores out by hand) matched by code with
 * each other and with the Piano 2024-2026; the refusals of documents that
 * cannot stand beside one another, with their exact messages; the score
 * output's earlier years; the section the layout adds. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "layout.h"
#include "score_out.h"
#include "testlayout.h"
#include "testutil.h"

#define REL_2022 PP_SOURCE_DIR "/fixtures/valpiccola-relazione-2022.xml"
#define REL_2023 PP_SOURCE_DIR "/fixtures/valpiccola-relazione-2023.xml"
#define PIANO_2024 PP_SOURCE_DIR "/fixtures/piano-piccolo-2024.xml"
#define REL_2024 PP_SOURCE_DIR "/fixtures/valpiccola-relazione-2024.xml"
#define OTHER_CODES PP_SOURCE_DIR "/tests/data/valpiccola-relazione-2021-altri-codici.xml"

typedef struct {
    pp_doc *d2022, *d2023;
} docs;

static int setup(void **state)
{
    docs *s = calloc(1, sizeof *s);
    s->d2022 = open_fixture(REL_2022, 0);
    s->d2023 = open_fixture(REL_2023, 0);
    *state = s;
    return s->d2022 && s->d2023 ? 0 : -1;
}

static int teardown(void **state)
{
    docs *s = *state;
    pp_doc_free(s->d2022);
    pp_doc_free(s->d2023);
    free(s);
    return 0;
}

/* The achievement of id's node in the earlier year i. */
static double past_grado(pp_doc *doc, const char *id, size_t i)
{
    pp_node *n = node(doc, id);
    assert_non_null(n);
    assert_non_null(n->past);
    assert_non_null(n->past[i]);
    assert_true(n->past[i]->result.has_achievement);
    return n->past[i]->result.achievement;
}

static void assert_no_past(pp_doc *doc, const char *id, size_t i)
{
    pp_node *n = node(doc, id);
    assert_non_null(n);
    assert_non_null(n->past);
    assert_null(n->past[i]);
}

/* 2023 beside 2022: the figures of the 2022 comment, node by node. */
static void test_2023_beside_2022(void **state)
{
    docs *s = *state;
    const pp_doc *prev[] = {s->d2022};
    assert_true(pp_doc_link_precedenti(s->d2023, prev, 1));
    assert_int_equal(s->d2023->nprecedenti, 1);
    assert_ptr_equal(s->d2023->root->past[0], s->d2022->root);
    assert_float_equal(s->d2023->root->past[0]->result.achievement, 82.40, 1e-9);
    assert_float_equal(s->d2023->root->result.achievement, 86.08, 1e-9);
    assert_float_equal(past_grado(s->d2023, "a_1", 0), 76.0, 1e-9);
    assert_float_equal(past_grado(s->d2023, "a_2", 0), 92.0, 1e-9);
    assert_float_equal(past_grado(s->d2023, "s_1.1", 0), 76.0, 1e-9);
    assert_float_equal(past_grado(s->d2023, "s_2.1", 0), 100.0, 1e-9);
    assert_float_equal(past_grado(s->d2023, "o_1.1.1", 0), 50.0, 1e-9);
    assert_float_equal(past_grado(s->d2023, "o_1.1.2", 0), 100.0, 1e-9);
    /* the same code with another title in 2022 is the same objective */
    assert_float_equal(past_grado(s->d2023, "o_2.1.1", 0), 100.0, 1e-9);
    assert_float_equal(node(s->d2023, "i_PAT_01")->past[0]->ind->actual.value, 40, 0);
    assert_float_equal(node(s->d2023, "i_SCU_01")->past[0]->ind->actual.value, 1, 0);
    assert_float_equal(node(s->d2023, "i_ILL_01")->past[0]->ind->actual.value, 25, 0);
    /* new in 2023 */
    assert_no_past(s->d2023, "i_DIG_01", 0);
    /* A1, 1.1, PAT_01, 1.1.1, SCU_01, 1.1.2, ILL_01, A2, 2.1, 2.1.1; the
     * 2022 objective 2.3, SUA_01 and ANA_01 match nothing */
    assert_int_equal(pp_doc_past_matches(s->d2023, 0), 10);
    assert_true(pp_doc_link_precedenti(s->d2023, NULL, 0));
    assert_int_equal(s->d2023->nprecedenti, 0);
    assert_null(s->d2023->root->past);
}

/* The Piano 2024 beside both: what is new in 2024 has no past, DIG_01
 * has 2023 only. */
static void test_piano_2024_beside_both(void **state)
{
    docs *s = *state;
    pp_doc *piano = open_fixture(PIANO_2024, 0);
    assert_non_null(piano);
    const pp_doc *prev[] = {s->d2022, s->d2023};
    assert_true(pp_doc_link_precedenti(piano, prev, 2));
    assert_float_equal(past_grado(piano, "s_1.1", 0), 76.0, 1e-9);
    assert_float_equal(past_grado(piano, "s_1.1", 1), 96.8, 1e-9);
    assert_float_equal(past_grado(piano, "a_2", 1), 70.0, 1e-9);
    assert_no_past(piano, "i_DIG_01", 0);
    assert_float_equal(past_grado(piano, "i_DIG_01", 1), 70.0, 1e-9);
    for (size_t i = 0; i < 2; i++) {
        assert_no_past(piano, "i_SCU_02", i);
        assert_no_past(piano, "i_DIG_02", i);
        assert_no_past(piano, "s_2.2", i);
        assert_no_past(piano, "i_PAR_01", i);
    }
    assert_int_equal(pp_doc_past_matches(piano, 0), 10);
    assert_int_equal(pp_doc_past_matches(piano, 1), 11); /* DIG_01 too */
    pp_doc_free(piano);
}

/* The Relazione 2024 (the Piano's, with its changes: fixtures/
 * valpiccola-relazione-2024.xml) beside both: three years of the ente and
 * of the areas; the objective 1.2 added in 2024 has no past; ILL_01 keeps
 * its code through the change of unit, so its past consuntivi are there. */
static void test_relazione_2024_beside_both(void **state)
{
    docs *s = *state;
    pp_doc *rel = open_fixture(REL_2024, 0);
    assert_non_null(rel);
    const pp_doc *prev[] = {s->d2022, s->d2023};
    assert_true(pp_doc_link_precedenti(rel, prev, 2));
    assert_float_equal(rel->root->result.achievement, 90.38, 1e-9);
    assert_float_equal(rel->root->past[0]->result.achievement, 82.40, 1e-9);
    assert_float_equal(rel->root->past[1]->result.achievement, 86.08, 1e-9);
    assert_float_equal(node(rel, "a_1")->result.achievement, 97.30, 1e-9);
    assert_float_equal(past_grado(rel, "a_1", 0), 76.0, 1e-9);
    assert_float_equal(past_grado(rel, "a_1", 1), 96.8, 1e-9);
    assert_float_equal(past_grado(rel, "a_2", 1), 70.0, 1e-9);
    for (size_t i = 0; i < 2; i++) assert_no_past(rel, "s_1.2", i);
    assert_float_equal(node(rel, "i_ILL_01")->past[0]->ind->actual.value, 25, 0);
    assert_float_equal(node(rel, "i_ILL_01")->past[1]->ind->actual.value, 24, 0);
    pp_doc_free(rel);
}

/* The refusals, as `render --precedenti` prints them. */
static void test_refusals(void **state)
{
    docs *s = *state;
    pp_diags d;
    pp_diags_init(&d, REL_2023);
    pp_check_precedente(s->d2022, s->d2023, NULL, 0, &d);
    assert_int_equal(d.errors, 1);
    assert_true(has_diag(&d, "18:5: error: year 2023 is not before 2022, the year of "
                             REL_2022 ": an earlier Relazione must report on an earlier year"));
    pp_diags_clear(&d);

    pp_diags_init(&d, REL_2022);
    const pp_doc *seen[] = {s->d2022};
    pp_check_precedente(s->d2023, s->d2022, seen, 1, &d);
    assert_int_equal(d.errors, 1);
    assert_true(has_diag(&d, "18:5: error: a second Relazione of 2022: " REL_2022
                             " reports on that year already"));
    pp_diags_clear(&d);

    pp_doc *piano = open_fixture(PIANO_2024, 0);
    pp_diags_init(&d, PIANO_2024);
    pp_check_precedente(s->d2023, piano, NULL, 0, &d);
    assert_int_equal(d.errors, 1); /* its year is not also reported */
    assert_true(has_diag(&d, "0:0: error: this is a Piano, not a Relazione: only a Relazione "
                             "gives the results of an earlier year"));
    pp_diags_clear(&d);
    pp_doc_free(piano);

    pp_doc *other = scored(DOC_HEAD("relazione") ONE_OBJECTIVE(IND("x", "100", "N.", "ge", "1", "1"))
                               DOC_TAIL);
    assert_non_null(other);
    pp_diags_init(&d, "test.xml");
    pp_check_precedente(s->d2023, other, NULL, 0, &d);
    assert_int_equal(d.errors, 1);
    assert_true(has_diag(&d, "0:0: error: another administration: 'Ente di prova', not "
                             "'Comune di Valpiccola' of " REL_2023));
    pp_diags_clear(&d);
    pp_doc_free(other);

    /* accepted */
    pp_diags_init(&d, REL_2022);
    pp_check_precedente(s->d2023, s->d2022, NULL, 0, &d);
    assert_int_equal(d.count, 0);
    pp_diags_clear(&d);
}

/* No code in common: accepted, with a warning; the ente still compares. */
static void test_no_code_matches(void **state)
{
    docs *s = *state;
    pp_doc *old = open_fixture(OTHER_CODES, 0);
    assert_non_null(old);
    const pp_doc *prev[] = {old, s->d2022};
    pp_diags d;
    pp_diags_init(&d, OTHER_CODES);
    pp_check_precedente(s->d2023, old, NULL, 0, &d);
    assert_int_equal(d.count, 0);
    assert_true(pp_doc_link_precedenti(s->d2023, prev, 2));
    pp_check_precedente_matches(s->d2023, 0, &d);
    assert_int_equal(d.warnings, 1);
    assert_true(has_diag(&d, "0:0: warning: no area, objective or indicator of " REL_2023
                             " has a code found here: only the ente's result can be compared"));
    pp_diags_clear(&d);
    pp_diags_init(&d, REL_2022);
    pp_check_precedente_matches(s->d2023, 1, &d);
    assert_int_equal(d.count, 0);
    pp_diags_clear(&d);
    assert_float_equal(s->d2023->root->past[0]->result.achievement, 90.0, 1e-9);
    assert_no_past(s->d2023, "a_1", 0);
    pp_doc_link_precedenti(s->d2023, NULL, 0);
    pp_doc_free(old);
}

/* What score prints, asserted written. */
static char *scores(const pp_doc *doc, pp_format f)
{
    char *buf = scores_printed(doc, f);
    assert_non_null(buf);
    return buf;
}

/* score --precedenti: the earlier years beside each node; without them the
 * output is as before. */
static void test_score_output(void **state)
{
    docs *s = *state;
    char *plain = scores(s->d2023, PP_FORMAT_JSON);
    assert_null(strstr(plain, "earlier_years"));
    const pp_doc *prev[] = {s->d2022};
    assert_true(pp_doc_link_precedenti(s->d2023, prev, 1));
    char *json = scores(s->d2023, PP_FORMAT_JSON);
    assert_non_null(strstr(json, "\"id\": \"ente\""));
    assert_non_null(strstr(json, "\"not_completed\": false, \"earlier_years\": "
                                 "[{\"year\": 2022, \"achievement\": 82.4}]}"));
    assert_non_null(strstr(json, "\"earlier_years\": [{\"year\": 2022, \"achievement\": 80, "
                                 "\"actual\": 40}]"));
    /* DIG_01, new in 2023 */
    const char *dig = strstr(json, "\"code\": \"DIG_01\"");
    assert_non_null(dig);
    assert_non_null(strstr(dig, "\"earlier_years\": []"));
    char *csv = scores(s->d2023, PP_FORMAT_CSV);
    assert_non_null(strstr(csv, "overridden,points_lost,achievement_2022,actual_2022\r\n"));
    assert_non_null(strstr(csv, "i_SCU_01,SCU_01,indicatore,Plessi scolastici adeguati alla "
                                "normativa antincendio,o_1.1.1,100,100,2,100,raggiunto,false,0,50,1\r\n"));
    assert_non_null(strstr(csv, ",false,12,,\r\n")); /* DIG_01 */
    char *text = scores(s->d2023, PP_FORMAT_TEXT);
    assert_non_null(strstr(text, "Comune di Valpiccola  86,08 %  raggiunto  [2022: 82,40 %]\n"));
    assert_non_null(strstr(text, "presentate online  70,00 %  (peso 100,00 %)  parzialmente "
                                 "raggiunto  (punti persi 12,00)\n"));
    pp_doc_link_precedenti(s->d2023, NULL, 0);
    free(plain);
    free(json);
    free(csv);
    free(text);
}

/* The section "Andamento negli anni" is one more page, only with precedenti. */
static void test_layout_section(void **state)
{
    docs *s = *state;
    pp_layout *lay = builtin_layout(PP_DOC_RELAZIONE);
    assert_non_null(lay);
    pp_diags d;
    pp_diags_init(&d, "fonts");
    pp_text *text = NULL;
    assert_int_equal(pp_text_new(PP_SOURCE_DIR "/fonts", &d, &text), PP_OK);
    pp_diags_clear(&d);
    pp_pages without = {0}, with = {0};
    assert_true(laid_out(s->d2023, lay, text, &without));
    const pp_doc *prev[] = {s->d2022};
    assert_true(pp_doc_link_precedenti(s->d2023, prev, 1));
    assert_true(laid_out(s->d2023, lay, text, &with));
    assert_int_equal(with.npages, without.npages + 1);
    bool found = false;
    for (size_t i = 0; i < with.noutline; i++)
        found = found || strstr(with.outline[i].title, "Andamento negli anni") != NULL;
    assert_true(found);
    pp_doc_link_precedenti(s->d2023, NULL, 0);
    pp_pages_free(&without);
    pp_pages_free(&with);
    pp_text_free(text);
    pp_layout_free(lay);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_2023_beside_2022), cmocka_unit_test(test_piano_2024_beside_both),
        cmocka_unit_test(test_relazione_2024_beside_both),
        cmocka_unit_test(test_refusals),        cmocka_unit_test(test_no_code_matches),
        cmocka_unit_test(test_score_output),    cmocka_unit_test(test_layout_section),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
