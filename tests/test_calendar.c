/* The calendar of the phases (<Calendario>): the loader keeps each
 * activity's months with its position, and the checks refuse what cannot
 * be printed, with exact messages: an activity that ends before it starts,
 * a calendar longer than 36 months. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

/* A plan's indicator: a target, no consuntivo. */
#define PLANNED                                                                     \
    "<Indicatore id=\"i\" peso=\"100\"><Nome>i</Nome><Unita>N.</Unita>"                \
    "<Target anno=\"2022\" operatore=\"ge\" valore=\"1\"/></Indicatore>\n"

/* Lines 1-6 are the head and the tree; <Calendario> is on line 7, its
 * first <Fase> on line 8, the activities from line 10 on, one a line. */
#define CAL_DOC(activities)                                                         \
    DOC_HEAD("piano") ONE_OBJECTIVE(PLANNED)                                        \
    "<Calendario>\n"                                                                \
    "<Fase>\n"                                                                      \
    "<Titolo>Fase</Titolo>\n" activities "</Fase>\n</Calendario>\n" DOC_TAIL

#define ACT(da, a) "<Attivita da=\"" da "\" a=\"" a "\"><Titolo>Attività</Titolo></Attivita>\n"

static void months_and_positions(void **state)
{
    (void)state;
    pp_diags d;
    pp_doc *doc = NULL;
    const char *xml = CAL_DOC(ACT("2022-11", "2023-02")
                                  "<Attivita da=\"2023-03\" a=\"2023-03\"><Titolo>B</Titolo>"
                                  "<Attori>Giunta</Attori></Attivita>\n");
    assert_int_equal(open_text(xml, &d, &doc), PP_OK);
    assert_int_equal(d.count, 0);
    assert_int_equal(doc->nphases, 1);
    const pp_phase *ph = &doc->phases[0];
    assert_string_equal(ph->title, "Fase");
    assert_int_equal(ph->pos.line, 8);
    assert_int_equal(ph->nactivities, 2);
    const pp_activity *a = &ph->activities[0], *b = &ph->activities[1];
    assert_int_equal(a->from.y, 2022);
    assert_int_equal(a->from.m, 11);
    assert_int_equal(a->to.y, 2023);
    assert_int_equal(a->to.m, 2);
    assert_null(a->actors);
    assert_int_equal(a->pos.line, 10);
    assert_int_equal(pp_month_index(a->to) - pp_month_index(a->from) + 1, 4);
    assert_string_equal(b->title, "B");
    assert_string_equal(b->actors, "Giunta");
    assert_int_equal(pp_month_index(b->from), pp_month_index(b->to));
    assert_int_equal(doc->calendar_pos.line, 7);
    pp_doc_free(doc);
    pp_diags_clear(&d);
}

static void ends_before_it_starts(void **state)
{
    (void)state;
    pp_diags d;
    pp_doc *doc = NULL;
    const char *xml = CAL_DOC(ACT("2023-01", "2023-03") ACT("2023-05", "2023-04"));
    assert_int_equal(open_text(xml, &d, &doc), PP_ERR_INPUT);
    assert_true(has_diag(&d, "11:1: error: Attivita: a='2023-04' is before da='2023-05'"));
    assert_int_equal(d.count, 1);
    pp_diags_clear(&d);
}

/* 36 months are printed; 37 are not (2021-01 to 2024-01). */
static void at_most_36_months(void **state)
{
    (void)state;
    pp_diags d;
    pp_doc *doc = NULL;
    assert_int_equal(open_text(CAL_DOC(ACT("2021-01", "2021-06") ACT("2023-06", "2023-12")), &d,
                               &doc),
                     PP_OK);
    pp_doc_free(doc);
    pp_diags_clear(&d);
    doc = NULL;
    const char *xml = CAL_DOC(ACT("2021-01", "2021-06") ACT("2023-06", "2024-01"));
    assert_int_equal(open_text(xml, &d, &doc), PP_ERR_INPUT);
    assert_true(has_diag(&d, "7:1: error: Calendario: the activities span 37 months (2021-01 to "
                             "2024-01): at most 36 can be printed"));
    assert_int_equal(d.count, 1);
    pp_diags_clear(&d);
}

/* The schema's Mese: yyyy-mm, a real month, no time zone. */
static void months_as_the_schema_says(void **state)
{
    (void)state;
    static const char *const bad[] = {"2023-13", "2023-1", "2023-01Z", "23-01", "2023-00"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char xml[4096];
        snprintf(xml, sizeof xml,
                 CAL_DOC("<Attivita da=\"%s\" a=\"2023-12\"><Titolo>A</Titolo></Attivita>\n"),
                 bad[i]);
        pp_diags d;
        pp_doc *doc = NULL;
        if (open_text(xml, &d, &doc) != PP_ERR_INPUT) fail_msg("da=\"%s\" accepted", bad[i]);
        assert_true(d.count >= 1);
        assert_int_equal(d.items[0].line, 10);
        pp_diags_clear(&d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(months_and_positions),
        cmocka_unit_test(ends_before_it_starts),
        cmocka_unit_test(at_most_36_months),
        cmocka_unit_test(months_as_the_schema_says),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
