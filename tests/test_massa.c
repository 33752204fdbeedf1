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

#include "layout.h"
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

/* Allegato 1, column "Prospettiva Performance": the strategic objectives'
 * perspectives, two where two are printed; each area's perspectives and
 * budget are its own Classificazione. */
static void the_perspectives(void **state)
{
    pp_doc *doc = *state;
    static const char *const printed[][2] = {
        {"Utenti-imprese-territorio", NULL},
        {"Utenti-imprese-territorio", "Economico-finanziaria"},
        {"Processi interni", "Economico-finanziaria"},
        {"Apprendimento e crescita", NULL},
        {"Apprendimento e crescita", "Utenti-imprese-territorio"},
        {"Utenti-imprese-territorio", NULL}};
    static const size_t area_perspectives[] = {2, 3, 2};
    size_t k = 0;
    for (size_t a = 0; a < doc->root->nchildren; a++) {
        const pp_node *area = doc->root->children[a];
        assert_true(area->has_class && area->cls.has_budget);
        assert_euro_equal(area->cls.budget, area_budget[a]);
        assert_int_equal(area->cls.nperspectives, area_perspectives[a]);
        for (size_t s = 0; s < area->nchildren; s++, k++) {
            const pp_class *c = &area->children[s]->cls;
            assert_int_equal(c->nperspectives, printed[k][1] ? 2 : 1);
            assert_string_equal(c->prospettiva, printed[k][0]);
            assert_string_equal(c->perspectives[0], printed[k][0]);
            if (printed[k][1]) assert_string_equal(c->perspectives[1], printed[k][1]);
            assert_int_equal(area->children[s]->nlinks, 0); /* the seed's map is an image */
        }
    }
    assert_int_equal(k, NSTRAT);
}

/* The Piano's section 2 draws the strategy map from the data: the six
 * objectives in three bands (the second perspectives of 1.2, 2.1 and 3.1
 * are not next to their first in the BSC order: their boxes say "anche:
 * ..."), no arrows; the plan-tree totals each area with its own budget. */
static void the_strategy_map(void **state)
{
    pp_doc *doc = *state;
    pp_diags d;
    pp_diags_init(&d, "render");
    pp_text *text = NULL;
    assert_int_equal(pp_text_new(PP_SOURCE_DIR "/fonts", &d, &text), PP_OK);
    size_t len = 0;
    const char *xml = pp_layout_builtin(PP_DOC_PIANO, &len);
    pp_layout *l = NULL;
    assert_int_equal(pp_layout_parse(xml, len, &d, &l), PP_OK);
    pp_score(doc);
    pp_pages pages;
    assert_int_equal(pp_layout_document(doc, l, text, &pages, &d), PP_OK);
    pp_diags_clear(&d);
    size_t maps = 0, boxes = 0, area_totals = 0, also_econ = 0, also_users = 0;
    static const char *const totals[] = {"252.000,00", "60.000,00", "357.610,68"};
    for (size_t i = 0; i < pages.npages; i++) {
        const pp_page *p = pages.pages[i];
        bool in_map = false;
        for (size_t k = 0; k < p->nitems; k++) {
            const pp_dl_item *it = &p->items[k];
            if (it->kind == PP_DL_TAG_BEGIN && it->u.tag.alt &&
                strncmp(it->u.tag.alt, "Mappa strategica:", 17) == 0) {
                assert_string_equal(it->u.tag.alt,
                                    "Mappa strategica: 6 obiettivi strategici in 3 bande "
                                    "(Utenti-imprese-territorio: 3; Processi interni: 1; "
                                    "Apprendimento e crescita: 2), 0 collegamenti causa-effetto.");
                maps++;
                in_map = true;
            }
            if (it->kind == PP_DL_TAG_END) in_map = false;
            if (in_map && it->kind == PP_DL_TEXT)
                for (size_t s = 0; s < NSTRAT; s++)
                    boxes += strcmp(it->u.text.utf8, strategic[s].code) == 0;
            if (in_map && it->kind == PP_DL_TEXT) {
                also_econ += strcmp(it->u.text.utf8, "anche: Economico-finanziaria") == 0;
                also_users += strcmp(it->u.text.utf8, "anche: Utenti-imprese-territorio") == 0;
            }
            for (size_t a = 0; it->kind == PP_DL_TEXT && a < 3; a++)
                area_totals += strcmp(it->u.text.utf8, totals[a]) == 0;
        }
    }
    assert_int_equal(maps, 1);
    assert_int_equal(boxes, NSTRAT); /* every strategic code once in the map */
    assert_true(area_totals >= 3);
    /* the second perspectives the bands cannot show, under the titles */
    assert_int_equal(also_econ, 2);  /* 1.2, 2.1 */
    assert_int_equal(also_users, 1); /* 3.1 */
    pp_pages_free(&pages);
    pp_layout_free(l);
    pp_text_free(text);
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
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_document),       cmocka_unit_test(the_smvp),
        cmocka_unit_test(the_tree_as_printed), cmocka_unit_test(every_objective),
        cmocka_unit_test(the_budgets_add_up),  cmocka_unit_test(the_people),
        cmocka_unit_test(the_perspectives),    cmocka_unit_test(the_strategy_map),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
