/* What the dashboards of a plan rest on, on small documents: a list of
 * units in Classificazione/@unita (each resolved, each counted in the
 * per-unit results), an individual objective naming an indicator (scored
 * as that indicator), and Monitoraggio (checked; its partial achievement
 * by the scoring rules, never in the tree's scores). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

#define HEAD                                                                                 \
    DOC_HEAD("relazione")                                                                    \
    "<Organizzazione><Unita id=\"u1\" tipo=\"ufficio\" codice=\"U1\">Uno</Unita>"            \
    "<Unita id=\"u2\" tipo=\"ufficio\">Due</Unita></Organizzazione>\n"

/* Two operational objectives: o1 (i1 8 of >= 10, i2 10 of >= 10: 90 %)
 * naming u1 and u2, o2 (i3 5 of >= 10: 50 %) naming u2. */
#define TREE(unita1, indicator1_extra)                                                        \
    "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"                              \
    "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>"                           \
    "<ObiettivoOperativo id=\"o1\" peso=\"50\"><Titolo>O1</Titolo>\n"                        \
    "<Classificazione unita=\"" unita1 "\"/>\n"                                               \
    "<Indicatore id=\"i1\" peso=\"50\"><Nome>i1</Nome><Unita>N.</Unita>"                      \
    "<Target anno=\"2022\" operatore=\"ge\" valore=\"10\"/>\n" indicator1_extra              \
    "<Consuntivo valore=\"8\"/></Indicatore>\n" IND("i2", "50", "N.", "ge", "10", "10")       \
    "</ObiettivoOperativo>"                                                                   \
    "<ObiettivoOperativo id=\"o2\" peso=\"50\"><Titolo>O2</Titolo>"                           \
    "<Classificazione unita=\"u2\"/>\n" IND("i3", "100", "N.", "ge", "10", "5")               \
    "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>\n"

static void an_objective_naming_two_units_counts_in_both(void **state)
{
    (void)state;
    pp_doc *doc = scored(HEAD TREE("u1 u2", "") DOC_TAIL);
    assert_non_null(doc);
    const pp_node *o1 = node(doc, "o1");
    assert_int_equal(o1->cls.nunit_refs, 2);
    assert_string_equal(o1->cls.unit_ref, "u1"); /* the first, as before */
    assert_string_equal(o1->cls.unit_refs[1], "u2");
    assert_string_equal(doc->units[0].code, "U1");
    assert_null(doc->units[1].code);
    /* u1: o1 alone (90 %); u2: o1 and o2, (90 + 50) / 2 */
    assert_int_equal(doc->units[0].nobjectives, 1);
    assert_float_equal(doc->units[0].result, 90, 1e-9);
    assert_int_equal(doc->units[1].nobjectives, 2);
    assert_int_equal(doc->units[1].ncounted, 2);
    assert_float_equal(doc->units[1].result, 70, 1e-9);
    pp_doc_free(doc);
}

/* Each unit of the list is resolved with the message one unit has; a
 * unit named twice is an error. Lines: the Classificazione is on line 7. */
static void every_unit_of_the_list_resolves(void **state)
{
    (void)state;
    pp_diags d;
    pp_doc *doc = NULL;
    const char *xml = HEAD
        "<Persone><Persona id=\"p\"><Nome>P</Nome></Persona></Persone>\n" TREE("u1 nope u1 p", "")
            DOC_TAIL;
    assert_int_equal(open_text(xml, &d, &doc), PP_ERR_INPUT);
    assert_true(has_diag(&d, "7:1: error: unita='nope' refers to no element of the document"));
    assert_true(has_diag(&d, "7:1: error: unita names 'u1' twice: each unit once"));
    assert_true(has_diag(&d, "7:1: error: unita='p' must refer to an organisational unit "
                             "(Unita), not to the person at line 5"));
    pp_diags_clear(&d);
    pp_doc_free(doc);
}

/* rif="i1": the person's objective is the indicator, scored as it is
 * (8 of >= 10: 80 %); with o2 (50 %) at equal weights the total is 65 %. */
static void an_individual_objective_naming_an_indicator(void **state)
{
    (void)state;
    pp_doc *doc = scored(HEAD
                         "<Persone><Persona id=\"p\" categoria=\"po\"><Nome>P</Nome>"
                         "<ObiettivoIndividuale rif=\"i1\" peso=\"50\"/>"
                         "<ObiettivoIndividuale rif=\"o2\" peso=\"50\"/></Persona></Persone>\n"
                             TREE("u1", "") DOC_TAIL);
    assert_non_null(doc);
    const pp_person *p = &doc->people[0];
    assert_int_equal(p->kind, PP_PERSON_PO);
    assert_ptr_equal(pp_individual_node(&p->objectives[0]), node(doc, "i1"));
    assert_float_equal(pp_individual_node(&p->objectives[0])->result.achievement, 80, 1e-9);
    assert_true(p->has_total);
    assert_float_equal(p->total, 65, 1e-9);
    assert_float_equal(p->objectives[0].effective_weight, 50, 1e-9);
    pp_doc_free(doc);
}

/* An indicator of an own objective is not the tree's: rif cannot name it. */
static void rif_to_an_own_indicator_is_refused(void **state)
{
    (void)state;
    pp_diags d;
    pp_doc *doc = NULL;
    const char *xml = HEAD
        "<Persone><Persona id=\"p\"><Nome>P</Nome>\n"
        "<ObiettivoIndividuale id=\"own\"><Titolo>T</Titolo>\n" IND("own_i", "100", "N.", "ge",
                                                                      "1", "1")
        "</ObiettivoIndividuale>\n<ObiettivoIndividuale rif=\"own_i\"/></Persona></Persone>\n"
            TREE("u1", "") DOC_TAIL;
    assert_int_equal(open_text(xml, &d, &doc), PP_ERR_INPUT);
    assert_true(has_diag(&d, "9:1: error: rif='own_i' must refer to an indicator of the tree, "
                             "not to one of an own individual objective (line 7)"));
    pp_diags_clear(&d);
    pp_doc_free(doc);
}

/* Monitoraggio: in the year, one per date, the form the target reads, N/D
 * with a reason: lines 8-11, in the indicator i1. */
static void monitoring_is_checked(void **state)
{
    (void)state;
    pp_diags d;
    pp_doc *doc = NULL;
    const char *xml = HEAD TREE(
        "u1",
        "<Monitoraggio data=\"2021-06-30\" valore=\"4\"/>\n"
        "<Monitoraggio data=\"2022-06-30\" valore=\"4\"/>\n"
        "<Monitoraggio data=\"2022-06-30\" dataEsito=\"2022-05-01\"/>\n"
        "<Monitoraggio data=\"2022-09-30\" nd=\"true\"/>\n") DOC_TAIL;
    assert_int_equal(open_text(xml, &d, &doc), PP_ERR_INPUT);
    assert_true(has_diag(&d, "8:1: error: Monitoraggio of 'i1' on 30/06/2021 is outside the "
                             "reference year 2022"));
    assert_true(has_diag(&d, "10:1: error: Monitoraggio of 'i1': the target is a number: use "
                             "valore"));
    assert_true(has_diag(&d, "10:1: error: second Monitoraggio of 'i1' on 30/06/2022 (the first "
                             "is at line 9)"));
    assert_true(has_diag(&d, "11:1: error: Monitoraggio of 'i1' is N/D without a reason: write "
                             "why inside <Monitoraggio>"));
    pp_diags_clear(&d);
    pp_doc_free(doc);
}

/* A partial value takes the rules of the consuntivo (4 of >= 10: 40 %)
 * and leaves the score of the year alone (8 of >= 10: 80 %). */
static void monitoring_is_partial(void **state)
{
    (void)state;
    pp_doc *doc = scored(HEAD TREE("u1", "<Monitoraggio data=\"2022-06-30\" valore=\"4\"/>\n")
                             DOC_TAIL);
    assert_non_null(doc);
    const pp_node *i1 = node(doc, "i1");
    assert_int_equal(i1->ind->nmonitoring, 1);
    assert_int_equal(i1->ind->monitoring[0].date.m, 6);
    double partial = -1;
    assert_true(pp_score_partial(doc, i1->ind, &i1->ind->monitoring[0].value, &partial));
    assert_float_equal(partial, 40, 1e-9);
    assert_float_equal(i1->result.achievement, 80, 1e-9);
    pp_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_objective_naming_two_units_counts_in_both),
        cmocka_unit_test(every_unit_of_the_list_resolves),
        cmocka_unit_test(an_individual_objective_naming_an_indicator),
        cmocka_unit_test(rif_to_an_own_indicator_is_refused),
        cmocka_unit_test(monitoring_is_checked),
        cmocka_unit_test(monitoring_is_partial),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
