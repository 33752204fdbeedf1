/* The schede of the 2023 update of the Piano of the Camera di Commercio
 * Riviere di Liguria (seed 001), fixtures/riviere-liguria-schede-2023.xml:
 * it validates, and it holds what the seed prints. Every count below is
 * taken from the seed's text, not from the program:
 * - 19 objectives at the strategic level: the overview table's 4 comuni
 *   and 7 specifici (2022-2024) and its 8 obiettivi di ente (2023), in 6
 *   ambiti; 51 operational objectives (47 "OBIETTIVO OPERATIVO" labels and
 *   4 unlabelled ones on the efficacia/efficienza scheda);
 * - 119 indicators: 40 on the objectives themselves, 79 on the operational
 *   ones (one row per indicator; six rows share Nota 88);
 * - targets: 18 for 2022 (the three-year rows), 116 for 2023 (every row but
 *   "da def." and the two with a 2024 target only), 26 for 2024 ("≤ dato
 *   medio nazionale" is not a number);
 * - 13 revised targets, old and new values as struck through and printed;
 * - every indicator has its note's fonte and serie storica (2020-2022;
 *   four years are printed only as NUM/DEN and have no value). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

#define FIXTURE PP_SOURCE_DIR "/fixtures/riviere-liguria-schede-2023.xml"

static int setup(void **state)
{
    pp_doc *doc = open_fixture(FIXTURE, 2 /* targets <= 0 without a soglia, as the seed */);
    *state = doc;
    return doc ? 0 : -1;
}

static int teardown(void **state)
{
    pp_doc_free(*state);
    return 0;
}

static void validates_with_two_known_warnings(void **state)
{
    (void)state;
    pp_diags d;
    pp_diags_init(&d, FIXTURE);
    pp_doc *doc = NULL;
    assert_int_equal(pp_open_document(FIXTURE, &d, &doc), PP_OK);
    assert_int_equal(d.errors, 0);
    /* The 2023 targets >= -6,00 % (equilibrio strutturale) and <= -8,75
     * (ritardo dei pagamenti) can only be scored if met: the seed gives no
     * soglia. */
    assert_int_equal(d.warnings, 2);
    pp_diags_clear(&d);
    assert_int_equal(doc->kind, PP_DOC_SCHEDE);
    assert_int_equal(doc->year, 2023);
    assert_int_equal(doc->span_from, 2022);
    assert_int_equal(doc->span_to, 2024);
    pp_doc_free(doc);
}

typedef struct {
    int ambiti, strategic, common, specific, operational;
    int ind_strategic, ind_operational, with_unit_ref;
    int targets[3]; /* 2022, 2023, 2024 */
    int revisions, consuntivi, weights;
    int fonte, history_values, history_nd, nota_first, no_history;
} counts;

static bool count(pp_node *n, void *ctx)
{
    counts *c = ctx;
    c->weights += n->weight_written;
    switch (n->level) {
    case PP_LEVEL_AMBITO: c->ambiti++; return true;
    case PP_LEVEL_STRATEGICO:
        c->strategic++;
        if (n->has_class && n->cls.tipo) {
            c->common += strcmp(n->cls.tipo, "comune") == 0;
            c->specific += strcmp(n->cls.tipo, "specifico") == 0;
        }
        return true;
    case PP_LEVEL_OPERATIVO:
        c->operational++;
        c->with_unit_ref += n->has_class && n->cls.unit_ref;
        return true;
    case PP_LEVEL_INDICATORE: break;
    default: return true;
    }
    const pp_indicator *ind = n->ind;
    if (n->parent->level == PP_LEVEL_STRATEGICO) c->ind_strategic++;
    else c->ind_operational++;
    for (size_t i = 0; i < ind->ntargets; i++) {
        int y = ind->targets[i].year;
        assert_true(y >= 2022 && y <= 2024);
        c->targets[y - 2022]++;
        c->revisions += (int)ind->targets[i].nrevisions;
    }
    c->consuntivi += ind->actual.present;
    c->fonte += ind->fonte != NULL;
    c->no_history += ind->nhistory == 0;
    for (size_t i = 0; i < ind->nhistory; i++) {
        assert_true(ind->history[i].year >= 2020 && ind->history[i].year <= 2022);
        if (ind->history[i].available) c->history_values++;
        else c->history_nd++;
    }
    c->nota_first += n->nnotes > 0 && strncmp(n->notes[0], "Nota ", 5) == 0;
    return true;
}

static void the_schede_as_printed(void **state)
{
    pp_doc *doc = *state;
    counts c = {0};
    pp_tree_walk(doc->root, count, &c);
    assert_int_equal(c.ambiti, 6);
    assert_int_equal(c.strategic, 19);
    assert_int_equal(c.common, 4);
    assert_int_equal(c.specific, 7);
    assert_int_equal(c.operational, 51);
    assert_int_equal(c.ind_strategic, 40);
    assert_int_equal(c.ind_operational, 79);
    /* two operational objectives answer to "tutti i servizi quando parte un
     * bando": no unit */
    assert_int_equal(c.with_unit_ref, 49);
    assert_int_equal(c.targets[0], 18);
    assert_int_equal(c.targets[1], 116);
    assert_int_equal(c.targets[2], 26);
    assert_int_equal(c.revisions, 13);
    assert_int_equal(c.consuntivi, 0); /* schede have none */
    assert_int_equal(c.weights, 0);    /* none printed: plain means */
    assert_int_equal(c.fonte, 119);
    assert_int_equal(c.nota_first, 119);
    assert_int_equal(c.no_history, 0);
    /* 119 indicators x 3 years, less the four NUM/DEN-only years (Nota 50:
     * 2020 and 2021, Nota 51: 2021, Nota 53: 2021) */
    assert_int_equal(c.history_values + c.history_nd, 119 * 3 - 4);
}

typedef struct {
    const char *id;
    int year;
    double old_value, value;
} revised;

static const pp_target *target_of(const pp_node *n, int year)
{
    for (size_t i = 0; i < n->ind->ntargets; i++)
        if (n->ind->targets[i].year == year) return &n->ind->targets[i];
    return NULL;
}

static void revised_targets_keep_their_old_values(void **state)
{
    pp_doc *doc = *state;
    static const revised expected[] = {
        {"i_s02_1", 2023, 15, 20},       {"i_s02_1", 2024, 16, 23},
        {"i_s02_2", 2023, 6, 8},         {"i_s02_2", 2024, 7, 9},
        {"i_s02_3", 2023, 65, 64},       {"i_s02_4", 2023, 3900, 4000},
        {"i_s04_1", 2024, -6.20, -3.00}, {"i_s04_3", 2022, 70.34, 68},
        {"i_s04_4", 2024, 16.72, 14},    {"i_s06_1", 2023, 84, 120},
        {"i_s06_1", 2024, 91, 130},      {"i_s07_1", 2023, 150, 270},
        {"i_s07_1", 2024, 160, 300},
    };
    for (size_t i = 0; i < sizeof expected / sizeof *expected; i++) {
        const revised *e = &expected[i];
        pp_node *n = node(doc, e->id);
        if (!n) fail_msg("%s is not in the fixture", e->id);
        const pp_target *t = target_of(n, e->year);
        if (!t) fail_msg("%s has no %d target", e->id, e->year);
        assert_int_equal(t->nrevisions, 1);
        assert_true(t->revisions[0].has_value);
        assert_float_equal(t->revisions[0].old_value, e->old_value, 1e-9);
        assert_float_equal(t->value, e->value, 1e-9);
        assert_non_null(t->revisions[0].delibera);
    }
}

static double history(const pp_node *n, int year, bool *available)
{
    for (size_t i = 0; i < n->ind->nhistory; i++)
        if (n->ind->history[i].year == year) {
            *available = n->ind->history[i].available;
            return n->ind->history[i].value;
        }
    fail_msg("%s has no serie storica for %d", n->id, year);
    return NAN;
}

static void notes_fonte_and_serie_storica(void **state)
{
    pp_doc *doc = *state;
    bool av;
    /* Nota 5: Cruscotto transizione digitale, 2020: ND 2021: 948 2022: 1.134 */
    pp_node *n = node(doc, "i_s01_1_3");
    assert_non_null(n);
    assert_string_equal(n->ind->fonte, "Cruscotto transizione digitale");
    history(n, 2020, &av);
    assert_false(av);
    assert_float_equal(history(n, 2021, &av), 948, 1e-9);
    assert_true(av);
    assert_float_equal(history(n, 2022, &av), 1134, 1e-9);
    assert_string_equal(n->notes[0], "Nota 5");
    /* Nota 19 bis: Bilancio consuntivo, 2020: -7,32% 2021: -8,33 2022: ND */
    n = node(doc, "i_s04_1");
    assert_string_equal(n->ind->fonte, "Bilancio consuntivo");
    assert_float_equal(history(n, 2020, &av), -7.32, 1e-9);
    assert_float_equal(history(n, 2021, &av), -8.33, 1e-9);
    history(n, 2022, &av);
    assert_false(av);
    assert_string_equal(n->notes[0], "Nota 19 bis");
    /* Nota 88 (Applicativo Prosa) is shared by the six indicators of the
     * arretrato sanzioni; the last one's target is "da def.": none. */
    for (int k = 1; k <= 6; k++) {
        char id[32];
        snprintf(id, sizeof id, "i_s14_3_%d", k);
        n = node(doc, id);
        if (!n) fail_msg("%s is not in the fixture", id);
        assert_string_equal(n->ind->fonte, "Applicativo Prosa");
        assert_string_equal(n->notes[0], "Nota 88");
        assert_int_equal(n->ind->ntargets, k == 6 ? 0 : 1);
    }
    /* Deadlines: "entro il 30/4" */
    n = node(doc, "i_s12_1_1");
    assert_int_equal(n->ind->ntargets, 1);
    assert_int_equal(n->ind->targets[0].op, PP_OP_ENTRO);
    assert_int_equal(n->ind->targets[0].date.m, 4);
    assert_int_equal(n->ind->targets[0].date.d, 30);
}

static bool count_comments(pp_node *n, void *ctx)
{
    if (n->level == PP_LEVEL_STRATEGICO && n->comment) ++*(int *)ctx;
    return true;
}

static void comment_paragraphs(void **state)
{
    int comments = 0;
    pp_tree_walk(((pp_doc *)*state)->root, count_comments, &comments);
    /* schede 1, 2, 4, 7, 8, 9, 10, 11, dati personali, competenze, pari
     * opportunità, relazione con l'utenza (3, 5, 6, corruzione,
     * efficacia/efficienza, standard di qualità, iniziative promozionali
     * have none) */
    assert_int_equal(comments, 12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(validates_with_two_known_warnings),
        cmocka_unit_test(the_schede_as_printed),
        cmocka_unit_test(revised_targets_keep_their_old_values),
        cmocka_unit_test(notes_fonte_and_serie_storica),
        cmocka_unit_test(comment_paragraphs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
