/* The Piano della performance 2019 of the Camera di Commercio di
 * Massa-Carrara (seed 004, fixtures/massa-carrara-piano-2019.xml): it
 * validates without a diagnostic, and its tree is the one the seed prints in
 * Allegato 1. Every figure below is read from the seed, not from perfpdf:
 * the objectives with their counts of indicators and their budgets, the
 * budgets of the areas and of the ente, the SMVP of section 4 and the
 * weights of the Segretario Generale's objectives in section 6. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

#define FIXTURE PP_SOURCE_DIR "/fixtures/massa-carrara-piano-2019.xml"

/* Allegato 1, objective by objective: its code, how many indicators it has
 * (a strategic objective: its own "Indicatori Strategici") and its budget;
 * a strategic objective also says how many operational objectives follow. */
typedef struct {
    const char *id, *code;
    int indicators, operational;
    double budget;
} objective;

static const objective strategic[] = {
    {"s_1_1", "1.1", 2, 1, 240000.00},  {"s_1_2", "1.2", 4, 4, 12000.00},
    {"s_2_1", "2.1", 8, 4, 60000.00},   {"s_2_2", "2.2", 1, 1, 0.00},
    {"s_3_1", "3.1", 6, 3, 281810.68},  {"s_3_2", "3.2", 7, 3, 75800.00},
};

static const objective operational[] = {
    {"o_1_1_1", "1.1.1", 4, 0, 240000.00}, {"o_1_2_1", "1.2.1", 1, 0, 0.00},
    {"o_1_2_2", "1.2.2", 1, 0, 0.00},      {"o_1_2_3", "1.2.3", 1, 0, 10000.00},
    {"o_1_2_4", "1.2.4", 1, 0, 2000.00},   {"o_2_1_1", "2.1.1", 8, 0, 0.00},
    {"o_2_1_2", "2.1.2", 3, 0, 60000.00},  {"o_2_1_3", "2.1.3", 7, 0, 0.00},
    {"o_2_1_4", "2.1.4", 7, 0, 0.00},      {"o_2_2_1", "2.2.1", 5, 0, 0.00},
    {"o_3_1_1", "3.1.1", 1, 0, 12000.00},  {"o_3_1_2", "3.1.2", 1, 0, 134500.00},
    {"o_3_1_3", "3.1.3", 2, 0, 135310.68}, {"o_3_2_1", "3.2.1", 3, 0, 70000.00},
    {"o_3_2_2", "3.2.2", 1, 0, 5800.00},   {"o_3_2_3", "3.2.3", 3, 0, 0.00},
};

/* Allegato 1: "OB 1 € 252.000,00", "OB 2 € 60.000,00", "OB 3 € 357.610,68",
 * "ENTE € 669.610,68". */
static const double area_budget[] = {252000.00, 60000.00, 357610.68};
static const double ente_budget = 669610.68;

/* cmocka compares floats: cents of a six-figure budget need doubles. */
#define assert_euro_equal(a, b)                                                        \
    do {                                                                               \
        double a_ = (a), b_ = (b);                                                     \
        if (fabs(a_ - b_) > 0.005) fail_msg("%s: %.2f, printed %.2f", #a, a_, b_);     \
    } while (0)

#define NSTRAT (sizeof strategic / sizeof strategic[0])
#define NOPER (sizeof operational / sizeof operational[0])

static int setup(void **state)
{
    pp_doc *doc = open_fixture(FIXTURE, 0);
    *state = doc;
    return doc ? 0 : -1;
}

static int teardown(void **state)
{
    pp_doc_free(*state);
    return 0;
}

static void the_document(void **state)
{
    pp_doc *doc = *state;
    assert_int_equal(doc->kind, PP_DOC_PIANO);
    assert_int_equal(doc->year, 2019);
    assert_int_equal(doc->span_from, 2019);
    assert_int_equal(doc->span_to, 2021);
    assert_true(doc->has_approval);
    assert_string_equal(doc->approval_number, "7");
    assert_int_equal(doc->approval_date.y, 2019);
    assert_int_equal(doc->approval_date.m, 1);
    assert_int_equal(doc->approval_date.d, 31);
}

/* Section 4: 10 % tolerance and 50 % critical level for strategic
 * objectives, operational objectives and indicators; 40 % operational
 * objectives, 60 % own indicators. */
static void the_smvp(void **state)
{
    pp_doc *doc = *state;
    for (int i = 0; i < 3; i++) {
        assert_true(doc->smvp.tolerance[i].set);
        assert_float_equal(doc->smvp.tolerance[i].tolerance, 10, 1e-9);
        assert_float_equal(doc->smvp.tolerance[i].critical, 50, 1e-9);
    }
    assert_true(doc->smvp.has_mix);
    assert_float_equal(doc->smvp.mix_operativi, 40, 1e-9);
    assert_float_equal(doc->smvp.mix_indicatori, 60, 1e-9);
}

typedef struct {
    int indicators, strategic_ind, operational_ind, targets, actuals, bad_years;
} counts;

static bool count(pp_node *n, void *ctx)
{
    counts *c = ctx;
    if (n->level != PP_LEVEL_INDICATORE) return true;
    c->indicators++;
    c->actuals += n->ind->actual.present;
    c->targets += (int)n->ind->ntargets;
    /* a strategic indicator: 2019, 2020, 2021; an operational one: 2019 */
    bool strategic_ind = n->parent->level == PP_LEVEL_STRATEGICO;
    c->strategic_ind += strategic_ind;
    c->operational_ind += !strategic_ind;
    size_t want = strategic_ind ? 3 : 1;
    if (n->ind->ntargets != want) {
        c->bad_years++;
        return true;
    }
    for (size_t i = 0; i < want; i++)
        if (n->ind->targets[i].year != 2019 + (int)i) c->bad_years++;
    return true;
}

static void the_tree_as_printed(void **state)
{
    pp_doc *doc = *state;
    assert_int_equal(doc->root->nchildren, 3);
    int nstrat = 0, noper = 0;
    for (size_t a = 0; a < doc->root->nchildren; a++) {
        pp_node *area = doc->root->children[a];
        nstrat += (int)area->nchildren;
        for (size_t s = 0; s < area->nchildren; s++)
            for (size_t k = 0; k < area->children[s]->nchildren; k++)
                noper += area->children[s]->children[k]->level == PP_LEVEL_OPERATIVO;
    }
    assert_int_equal(nstrat, 6);
    assert_int_equal(noper, 16);

    counts c = {0};
    pp_tree_walk(doc->root, count, &c);
    assert_int_equal(c.indicators, 77);
    assert_int_equal(c.strategic_ind, 28);
    assert_int_equal(c.operational_ind, 49);
    assert_int_equal(c.targets, 28 * 3 + 49);
    assert_int_equal(c.bad_years, 0);
    assert_int_equal(c.actuals, 0); /* a Piano: no consuntivi */
}

static int children_at(const pp_node *n, pp_level level)
{
    int k = 0;
    for (size_t i = 0; i < n->nchildren; i++) k += n->children[i]->level == level;
    return k;
}

static void every_objective(void **state)
{
    pp_doc *doc = *state;
    for (size_t i = 0; i < NSTRAT; i++) {
        const objective *o = &strategic[i];
        pp_node *n = node(doc, o->id);
        if (!n) fail_msg("strategic objective %s is not in the fixture", o->code);
        assert_int_equal(n->level, PP_LEVEL_STRATEGICO);
        assert_string_equal(n->code, o->code);
        assert_int_equal(children_at(n, PP_LEVEL_INDICATORE), o->indicators);
        assert_int_equal(children_at(n, PP_LEVEL_OPERATIVO), o->operational);
        assert_true(n->has_class && n->cls.has_budget);
        assert_euro_equal(n->cls.budget, o->budget);
    }
    for (size_t i = 0; i < NOPER; i++) {
        const objective *o = &operational[i];
        pp_node *n = node(doc, o->id);
        if (!n) fail_msg("operational objective %s is not in the fixture", o->code);
        assert_int_equal(n->level, PP_LEVEL_OPERATIVO);
        assert_string_equal(n->code, o->code);
        assert_int_equal(children_at(n, PP_LEVEL_INDICATORE), o->indicators);
        assert_true(n->has_class && n->cls.has_budget && n->cls.unit_ref);
        assert_euro_equal(n->cls.budget, o->budget);
    }
}

/* The budgets add up as Allegato 1 prints them: operational objectives to
 * their strategic objective, strategic objectives to their area, areas to
 * the ente. */
static void the_budgets_add_up(void **state)
{
    pp_doc *doc = *state;
    double ente = 0;
    for (size_t a = 0; a < doc->root->nchildren; a++) {
        pp_node *area = doc->root->children[a];
        double sum = 0;
        for (size_t s = 0; s < area->nchildren; s++) {
            pp_node *so = area->children[s];
            sum += so->cls.budget;
            double ops = 0;
            for (size_t k = 0; k < so->nchildren; k++)
                if (so->children[k]->level == PP_LEVEL_OPERATIVO) ops += so->children[k]->cls.budget;
            if (fabs(ops - so->cls.budget) > 0.005)
                fail_msg("%s: operational budgets %.2f, strategic %.2f", so->code, ops, so->cls.budget);
        }
        if (fabs(sum - area_budget[a]) > 0.005)
            fail_msg("area %s: %.2f, printed %.2f", area->code, sum, area_budget[a]);
        ente += sum;
    }
    assert_euro_equal(ente, ente_budget);
}

/* Section 6 and Allegato 3: the Segretario Generale's eight weighted
 * objectives (11,4 5,7 16 16 11,4 6,1 16,3 17,1 = 100) and five for each of
 * PO2-PO5. */
static void the_people(void **state)
{
    pp_doc *doc = *state;
    assert_int_equal(doc->npeople, 5);
    const pp_person *sg = &doc->people[0];
    assert_string_equal(sg->id, "p_sg");
    assert_int_equal(sg->nobjectives, 8);
    double sum = 0;
    for (size_t i = 0; i < sg->nobjectives; i++) {
        assert_true(sg->objectives[i].has_weight);
        sum += sg->objectives[i].weight;
    }
    assert_float_equal(sum, 100, 1e-9);
    for (size_t p = 1; p < doc->npeople; p++) assert_int_equal(doc->people[p].nobjectives, 5);
    assert_int_equal(doc->nunits, 15);
    /* every objective of a person is an indicator of the tree, by rif */
    assert_int_equal(sg->kind, PP_PERSON_SEGRETARIO);
    for (size_t p = 0; p < doc->npeople; p++) {
        if (p > 0) assert_int_equal(doc->people[p].kind, PP_PERSON_PO);
        for (size_t i = 0; i < doc->people[p].nobjectives; i++) {
            const pp_individual *io = &doc->people[p].objectives[i];
            assert_null(io->own);
            assert_non_null(io->objective);
            assert_int_equal(io->objective->level, PP_LEVEL_INDICATORE);
        }
    }
}

/* ---- Allegato 2: the dashboards of the offices ------------------------------------------ */

/* Each office of the UFFICIO column (ENTE, TUTTI, FRD, U6.x are not units:
 * see the fixture's opening comment) with the objectives naming it, in
 * document order, and the rows of its dashboard: each objective and its
 * own indicators. */
typedef struct {
    const char *unit, *code, *objectives;
    int rows;
} dashboard;

static const dashboard dashboards[] = {
    {"u_0_1", "U0.1", "2.1.1 2.1.2 2.1.4", 9 + 4 + 8},
    {"u_1_1", "U1.1", "1.2 1.2.4 2.1 2.1.1 2.1.2 2.1.3 2.1.4", 5 + 2 + 9 + 9 + 4 + 8 + 8},
    {"u_2_1", "U2.1", "2.2 2.2.1", 2 + 6},
    {"u_3_1", "U3.1", "3.2 3.2.1", 8 + 4},
    {"u_3_2", "U3.2", "3.2 3.2.3", 8 + 4},
    {"u_4_1", "U4.1", "1.2 1.2.2 3.1 3.1.1 3.1.2 3.1.3 3.2 3.2.2",
     5 + 2 + 7 + 2 + 2 + 3 + 8 + 2},
    {"u_5_1", "U5.1", "2.1.3", 8},
    {"u_5_2", "U5.2", "1.2 1.2.3 2.1 2.1.2", 5 + 2 + 9 + 4},
    {"u_isr", "ISR", "1.1 1.1.1 1.2 1.2.1", 3 + 5 + 5 + 2},
};

typedef struct {
    const pp_unit_org *unit;
    char codes[200];
    int rows;
} unit_rows;

static bool collect_unit(pp_node *n, void *ctx)
{
    unit_rows *u = ctx;
    if (!pp_unit_names(u->unit, n)) return true;
    size_t len = strlen(u->codes);
    snprintf(u->codes + len, sizeof u->codes - len, "%s%s", len ? " " : "", n->code);
    u->rows++;
    for (size_t i = 0; i < n->nchildren; i++)
        u->rows += n->children[i]->level == PP_LEVEL_INDICATORE;
    return true;
}

static void the_dashboards(void **state)
{
    pp_doc *doc = *state;
    size_t with_dashboard = 0;
    for (size_t i = 0; i < doc->nunits; i++) {
        unit_rows u = {&doc->units[i], "", 0};
        pp_tree_walk(doc->root, collect_unit, &u);
        if (u.rows == 0) continue;
        const dashboard *want = &dashboards[with_dashboard++];
        assert_string_equal(doc->units[i].id, want->unit);
        assert_string_equal(doc->units[i].code, want->code);
        assert_string_equal(u.codes, want->objectives);
        assert_int_equal(u.rows, want->rows);
    }
    assert_int_equal(with_dashboard, sizeof dashboards / sizeof dashboards[0]);
    /* 1.2 as printed: "ENTE ISR U1.1 U5.2 U4.1" */
    const pp_node *s12 = node(doc, "s_1_2");
    assert_int_equal(s12->cls.nunit_refs, 4);
    assert_string_equal(s12->cls.unit_refs[3], "u_4_1");
}

/* The "OB IND" column of Allegati 2-3: who holds each indicator (SG is
 * p_sg, POn p_pon), in the order of <Persone>. */
static const struct {
    const char *code, *holders;
} holders[] = {
    {"S1.1.1-a", "p_sg"},  {"O1.1.1-c", "p_sg"},  {"S2.1.3-a", "p_sg"},
    {"S2.1.4-a", "p_sg"},  {"O2.1.1-b", "p_sg"},  {"S3.1.3-a", "p_sg"},
    {"O3.1.3-a", "p_sg"},  {"O2.1.4-f", "p_sg p_po2 p_po3 p_po4 p_po5"},
    {"O2.1.4-c", "p_po2 p_po3 p_po4 p_po5"},  {"S2.2.1-a", "p_po2"},
    {"O2.2.1-a", "p_po2"}, {"O2.2.1-b", "p_po2"}, {"O2.1.4-e", "p_po3"},
    {"O2.1.4-g", "p_po3"}, {"O3.2.1-c", "p_po3"}, {"S3.1.2-a", "p_po4"},
    {"S3.1.3-b", "p_po4"}, {"S3.1.3-c", "p_po4"}, {"O1.2.3-a", "p_po5"},
    {"S2.1.2-a", "p_po5"}, {"O2.1.3-d", "p_po5"}, {"O2.2.1-c", ""},
};

typedef struct {
    const char *code;
    pp_node *found;
} by_code;

static bool find_code(pp_node *n, void *ctx)
{
    by_code *b = ctx;
    if (n->code && strcmp(n->code, b->code) == 0) b->found = n;
    return !b->found;
}

static pp_node *coded(pp_doc *doc, const char *code)
{
    by_code b = {code, NULL};
    pp_tree_walk(doc->root, find_code, &b);
    if (!b.found) fail_msg("no node coded %s", code);
    return b.found;
}

static void the_holders(void **state)
{
    pp_doc *doc = *state;
    for (size_t h = 0; h < sizeof holders / sizeof holders[0]; h++) {
        const pp_node *n = coded(doc, holders[h].code);
        char who[200] = "";
        for (size_t p = 0; p < doc->npeople; p++)
            for (size_t i = 0; i < doc->people[p].nobjectives; i++)
                if (pp_individual_node(&doc->people[p].objectives[i]) == n) {
                    size_t len = strlen(who);
                    snprintf(who + len, sizeof who - len, "%s%s", len ? " " : "",
                             doc->people[p].id);
                }
        if (strcmp(who, holders[h].holders) != 0)
            fail_msg("%s: held by '%s', the seed says '%s'", holders[h].code, who,
                     holders[h].holders);
    }
}

/* "Risultato 2019" of Allegati 2-3, with the partial achievement by the
 * rules of section 4 (linear, 10 % tolerance, 50 % critical level):
 * O2.1.1-b 4 of >= 5 incontri: 80 %, between 50 and 90, counts itself;
 * O1.2.4-a 3 of >= 12 newsletter: 25 %, under 50, counts 0; O2.1.4-e 15 of
 * <= 30 gg: met, 100 %; O1.2.3-a done 29/03/2019, due 31/03/2019: 100 %. A
 * Piano scores nothing: the tree has no achievement. */
static void the_monitoring(void **state)
{
    pp_doc *doc = *state;
    static const struct {
        const char *code;
        double value, partial;
    } want[] = {{"O2.1.1-b", 4, 80}, {"O1.2.4-a", 3, 0}, {"O2.1.4-e", 15, 100},
                {"O2.1.4-b", 100, 100}, {"S1.1.1-a", 0, 0}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const pp_node *n = coded(doc, want[i].code);
        assert_int_equal(n->ind->nmonitoring, 1);
        const pp_monitoring *m = &n->ind->monitoring[0];
        assert_int_equal(m->date.y, 2019);
        assert_int_equal(m->date.m, 6);
        assert_int_equal(m->date.d, 30);
        assert_int_equal(m->value.kind, PP_ACTUAL_VALUE);
        assert_float_equal(m->value.value, want[i].value, 1e-9);
        double partial = -1;
        assert_true(pp_score_partial(doc, n->ind, &m->value, &partial));
        if (fabs(partial - want[i].partial) > 1e-9)
            fail_msg("%s: partial %.4f, by the rules %.2f", want[i].code, partial, want[i].partial);
        assert_false(n->result.has_achievement);
    }
    const pp_node *museum = coded(doc, "O1.2.3-a");
    assert_int_equal(museum->ind->monitoring[0].value.kind, PP_ACTUAL_DATE);
    double partial = -1;
    assert_true(pp_score_partial(doc, museum->ind, &museum->ind->monitoring[0].value, &partial));
    assert_float_equal(partial, 100, 1e-9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_document),       cmocka_unit_test(the_smvp),
        cmocka_unit_test(the_tree_as_printed), cmocka_unit_test(every_objective),
        cmocka_unit_test(the_budgets_add_up),  cmocka_unit_test(the_people),
        cmocka_unit_test(the_dashboards),      cmocka_unit_test(the_holders),
        cmocka_unit_test(the_monitoring),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
