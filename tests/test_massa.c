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

#include "date.h"
#include "layout.h"
#include "numfmt.h"
#include "testlayout.h"
#include "testutil.h"

#define FIXTURE PP_SOURCE_DIR "/fixtures/massa-carrara-piano-2019.xml"
#define LAYOUT PP_SOURCE_DIR "/layouts/piano.xml"

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

static void free_pages(void);

static int teardown(void **state)
{
    free_pages();
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
    pp_diags_clear(&d);
    pp_layout *l = builtin_layout(PP_DOC_PIANO);
    assert_non_null(l);
    pp_score(doc);
    pp_pages pages;
    assert_true(laid_out(doc, l, text, &pages));
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

/* ---- section 7: the calendar of the phases -------------------------------------------- */

/* The four tables of section 7, activity by activity, in the years the
 * fixture's comment decides (June-December 2018, January-February 2019; "In
 * itinere": February-December 2019), with the months in words the bar's
 * alternative text says. */
typedef struct {
    int phase;
    const char *title;
    int from_y, from_m, to_y, to_m;
    const char *words;
} activity;

static const char *const phases[] = {"Analisi propedeutiche", "Pianificazione strategica",
                                     "Programmazione e controllo", "Redazione del Piano"};

static const activity activities[] = {
    {0, "Analisi del contesto", 2018, 6, 2018, 9, "giugno\u2013settembre 2018"},
    {0, "Mappatura e Coinvolgimento degli Stakeholder", 2018, 6, 2018, 9,
     "giugno\u2013settembre 2018"},
    {0, "Feedback strategico", 2018, 6, 2018, 9, "giugno\u2013settembre 2018"},
    {0, "Analisi Finanziaria", 2018, 6, 2018, 10, "giugno\u2013ottobre 2018"},
    {1, "Definizione/aggiornamento obiettivi strategici pluriennali e annuali", 2018, 7, 2018,
     10, "luglio\u2013ottobre 2018"},
    {1, "Definizione/aggiornamento della Mappa Strategica", 2018, 9, 2018, 10,
     "settembre\u2013ottobre 2018"},
    {1, "Definizione/aggiornamento del Cruscotto di Ente con indicatori e target", 2018, 10,
     2019, 1, "ottobre 2018\u2013gennaio 2019"},
    {2, "Approvazione della RPP", 2018, 10, 2018, 12, "ottobre\u2013dicembre 2018"},
    {2, "Definizione/aggiornamento albero della performance: rolling cruscotto di ente", 2018,
     10, 2018, 12, "ottobre\u2013dicembre 2018"},
    {2, "Traduzione degli obiettivi strategici in obiettivi operativi: cruscotto di area, "
        "schede di programmazione e piani operativi",
     2018, 10, 2018, 12, "ottobre\u2013dicembre 2018"},
    {2, "Approvazione del Preventivo economico", 2018, 12, 2018, 12, "dicembre 2018"},
    {2, "Traduzione della programmazione annuale in obiettivi economico finanziari: il Budget "
        "Direzionale e parametri dirigenti",
     2018, 12, 2018, 12, "dicembre 2018"},
    {3, "Definizione della struttura del documento", 2018, 12, 2018, 12, "dicembre 2018"},
    {3, "Sistematizzazione delle informazioni derivanti dalle fasi precedenti", 2018, 11, 2018,
     12, "novembre\u2013dicembre 2018"},
    {3, "Check-Up e definizione dei Piani di Miglioramento", 2019, 1, 2019, 1, "gennaio 2019"},
    {3, "Predisposizione del Piano della Performance", 2019, 1, 2019, 1, "gennaio 2019"},
    {3, "Approvazione del Piano della Performance", 2019, 1, 2019, 1, "gennaio 2019"},
    {3, "Comunicazione del Piano all'interno e all'esterno", 2019, 1, 2019, 2,
     "gennaio\u2013febbraio 2019"},
    {3, "Pubblicazione sulla sezione Trasparenza, valutazione e merito del sito internet", 2019,
     2, 2019, 2, "febbraio 2019"},
    {3, "Aggiornamento del piano", 2019, 2, 2019, 12, "febbraio\u2013dicembre 2019"},
};

#define NACT (sizeof activities / sizeof activities[0])

static void the_calendar(void **state)
{
    pp_doc *doc = *state;
    assert_int_equal(doc->nphases, 4);
    size_t k = 0;
    for (size_t f = 0; f < doc->nphases; f++) {
        const pp_phase *ph = &doc->phases[f];
        assert_string_equal(ph->title, phases[f]);
        for (size_t i = 0; i < ph->nactivities; i++, k++) {
            assert_true(k < NACT);
            const pp_activity *a = &ph->activities[i];
            const activity *e = &activities[k];
            assert_int_equal(e->phase, (int)f);
            assert_string_equal(a->title, e->title);
            assert_int_equal(a->from.y, e->from_y);
            assert_int_equal(a->from.m, e->from_m);
            assert_int_equal(a->to.y, e->to_y);
            assert_int_equal(a->to.m, e->to_m);
            assert_true(a->pos.line > 0);
        }
    }
    assert_int_equal(k, NACT);
}

/* The document laid out once with layouts/piano.xml, for the tests of the
 * pages. */
static pp_pages pages;
static bool have_pages;
static pp_text *text;
static pp_layout *lay;

static void free_pages(void)
{
    if (have_pages) pp_pages_free(&pages);
    pp_layout_free(lay);
    pp_text_free(text);
    have_pages = false;
}

static const pp_pages *laid_out_pages(pp_doc *doc)
{
    if (have_pages) return &pages;
    pp_diags d;
    pp_diags_init(&d, "render");
    assert_int_equal(pp_text_new(pp_fonts_dir_default(), &d, &text), PP_OK);
    assert_int_equal(pp_layout_load(LAYOUT, &d, &lay), PP_OK);
    pp_status st = pp_layout_document(doc, lay, text, &pages, &d);
    pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    assert_int_equal(st, PP_OK);
    have_pages = true;
    return &pages;
}

/* The text runs of pages [from, to), joined by one space (a line broken
 * in a cell reads as written); malloc'ed. */
static char *pages_text(const pp_pages *p, size_t from, size_t to)
{
    size_t n = 0, cap = 1;
    for (size_t i = from; i < to; i++)
        for (size_t k = 0; k < p->pages[i]->nitems; k++)
            if (p->pages[i]->items[k].kind == PP_DL_TEXT)
                cap += strlen(p->pages[i]->items[k].u.text.utf8) + 1;
    char *s = malloc(cap);
    assert_non_null(s);
    for (size_t i = from; i < to; i++)
        for (size_t k = 0; k < p->pages[i]->nitems; k++) {
            const pp_dl_item *it = &p->pages[i]->items[k];
            if (it->kind != PP_DL_TEXT) continue;
            size_t len = strlen(it->u.text.utf8);
            memcpy(s + n, it->u.text.utf8, len);
            n += len;
            s[n++] = ' ';
        }
    s[n] = '\0';
    /* a line's trailing space and the one between lines are one */
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' || o == 0 || s[o - 1] != ' ') s[o++] = s[i];
    s[o] = '\0';
    return s;
}

/* The first page (index) whose text holds s, from page `from` on. */
static size_t page_with(const pp_pages *p, size_t from, const char *s)
{
    for (size_t i = from; i < p->npages; i++) {
        char *t = pages_text(p, i, i + 1);
        bool found = strstr(t, s) != NULL;
        free(t);
        if (found) return i;
    }
    fail_msg("no page holds '%s'", s);
    return 0;
}

/* The last page (index) whose text holds s: a heading's, not its INDICE
 * entry's. */
static size_t last_page_with(const pp_pages *p, const char *s)
{
    for (size_t i = p->npages; i-- > 0;) {
        char *t = pages_text(p, i, i + 1);
        bool found = strstr(t, s) != NULL;
        free(t);
        if (found) return i;
    }
    fail_msg("no page holds '%s'", s);
    return 0;
}

/* The accent colour of layouts/piano.xml: #0066CC. */
static bool accent(pp_rgb c)
{
    return fabs(c.r) < 0.002 && fabs(c.g - 0x66 / 255.0) < 0.002 && fabs(c.b - 0xCC / 255.0) < 0.002;
}

typedef struct {
    double x0, x1;
    const char *label;
} column;

/* The month columns of the calendar on page p: the TH cells holding a
 * month's abbreviation, left to right, once (the header rows come first). */
static size_t month_columns(const pp_page *p, column *cols, size_t max)
{
    static const char *const abbr[] = {"Gen", "Feb", "Mar", "Apr", "Mag", "Giu",
                                       "Lug", "Ago", "Set", "Ott", "Nov", "Dic"};
    size_t n = 0;
    bool in_th = false, seen_activity = false;
    double x0 = 0, x1 = 0;
    for (size_t k = 0; k < p->nitems && !seen_activity; k++) {
        const pp_dl_item *it = &p->items[k];
        if (it->kind == PP_DL_TAG_BEGIN && strcmp(it->u.tag.name, "TD") == 0) seen_activity = true;
        if (it->kind == PP_DL_TAG_BEGIN) in_th = strcmp(it->u.tag.name, "TH") == 0;
        if (in_th && it->kind == PP_DL_RECT) {
            x0 = it->u.rect.x;
            x1 = it->u.rect.x + it->u.rect.w;
        }
        if (in_th && it->kind == PP_DL_TEXT)
            for (size_t m = 0; m < 12 && n < max; m++)
                if (strcmp(it->u.text.utf8, abbr[m]) == 0) cols[n++] = (column){x0, x1, abbr[m]};
    }
    return n;
}

/* Every activity of seed 004 §7 is a row "N. title" under its phase's band,
 * and its bar is one rectangle in the accent colour from the left of its
 * first month's column to the right of its last, tagged a Figure whose
 * alternative text says the months: and there is no other such bar. */
static void the_calendar_on_the_page(void **state)
{
    pp_doc *doc = *state;
    const pp_pages *p = laid_out_pages(doc);
    size_t first = page_with(p, 0, "Calendario delle fasi");
    const pp_page *pg = p->pages[first];
    assert_true(pg->width > pg->height); /* 19 months do not fit a portrait page */
    column cols[40];
    size_t ncols = month_columns(pg, cols, 40);
    static const char *const months[] = {"Giu", "Lug", "Ago", "Set", "Ott", "Nov", "Dic",
                                         "Gen", "Feb", "Mar", "Apr", "Mag", "Giu", "Lug",
                                         "Ago", "Set", "Ott", "Nov", "Dic"};
    assert_int_equal(ncols, 19);
    for (size_t i = 0; i < ncols; i++) assert_string_equal(cols[i].label, months[i]);
    /* the rows, in order, on the calendar's pages */
    size_t last = page_with(p, first, "Aggiornamento del piano");
    char *t = pages_text(p, first, last + 1);
    const char *at = strstr(t, "2018 2019");
    assert_non_null(at);
    int phase = -1;
    int number = 0;
    for (size_t i = 0; i < NACT; i++) {
        if (activities[i].phase != phase) {
            phase = activities[i].phase;
            number = 0;
            at = strstr(at, phases[phase]);
            if (!at) fail_msg("phase %s missing or out of order", phases[phase]);
        }
        char row[256];
        snprintf(row, sizeof row, "%d. %s ", ++number, activities[i].title);
        at = strstr(at, row);
        if (!at) fail_msg("row '%s' missing or out of order", row);
    }
    free(t);
    /* the bars */
    size_t nbars = 0, accents = 0;
    int origin = 2018 * 12 + 6 - 1;
    for (size_t i = 0; i < p->npages; i++)
        for (size_t k = 0; k < p->pages[i]->nitems; k++) {
            const pp_dl_item *it = &p->pages[i]->items[k];
            if (it->kind != PP_DL_RECT || !it->u.rect.paint.fill ||
                !accent(it->u.rect.paint.fill_color))
                continue;
            accents++;
            const pp_dl_item *tag = k > 0 ? &p->pages[i]->items[k - 1] : NULL;
            assert_true(i >= first && i <= last);
            assert_non_null(tag);
            assert_int_equal(tag->kind, PP_DL_TAG_BEGIN);
            assert_string_equal(tag->u.tag.name, "Figure");
            assert_true(nbars < NACT);
            const activity *a = &activities[nbars++];
            assert_string_equal(tag->u.tag.alt, a->words);
            size_t from = (size_t)(a->from_y * 12 + a->from_m - 1 - origin);
            size_t to = (size_t)(a->to_y * 12 + a->to_m - 1 - origin);
            assert_true(to < ncols);
            if (fabs(it->u.rect.x - cols[from].x0) > 0.01 ||
                fabs(it->u.rect.x + it->u.rect.w - cols[to].x1) > 0.01)
                fail_msg("%s: bar %.2f-%.2f, months %.2f-%.2f", a->title, it->u.rect.x,
                         it->u.rect.x + it->u.rect.w, cols[from].x0, cols[to].x1);
        }
    assert_int_equal(nbars, NACT);
    assert_int_equal(accents, NACT);
}

/* ---- Allegato 1 ------------------------------------------------------------------------- */

/* A target as Allegato 1 prints it beside the Unità column: ">= 80", "Entro
 * 31/12/2019", "–" for a year without one. */
static void target_words(const pp_indicator *ind, int year, char *buf, size_t size)
{
    const pp_target *t = pp_indicator_target(ind, year);
    if (!t) {
        snprintf(buf, size, "\u2013");
        return;
    }
    if (t->op == PP_OP_ENTRO) {
        char date[16];
        pp_date_format_it(t->date, date);
        snprintf(buf, size, "Entro %s", date);
        return;
    }
    char num[PP_FMT_IT_SIZE];
    pp_fmt_it(t->value, ind->decimals, num, sizeof num);
    snprintf(buf, size, "%s %s", pp_op_symbol(t->op), num);
}

typedef struct {
    const pp_node **ind;
    size_t n;
} ind_list;

static bool collect(pp_node *n, void *ctx)
{
    ind_list *l = ctx;
    if (n->level == PP_LEVEL_INDICATORE) l->ind[l->n++] = n;
    return true;
}

/* Every indicator of the tree, in the tree's order, with its unit and its
 * targets for 2019, 2020 and 2021 side by side in its row (between its
 * code and the next indicator's). */
static void allegato_1_on_the_page(void **state)
{
    pp_doc *doc = *state;
    const pp_pages *p = laid_out_pages(doc);
    const pp_node *inds[128];
    ind_list l = {inds, 0};
    pp_tree_walk(doc->root, collect, &l);
    assert_int_equal(l.n, 28 + 49);
    /* the heading in the body, after the INDICE */
    size_t first = last_page_with(p, "Allegato 1 \u2013 Albero degli obiettivi con indicatori");
    char *t = pages_text(p, first, p->npages);
    const char *at = strstr(t, "Target 2019 Target 2020 Target 2021 Risorse (\u20ac)");
    assert_non_null(at);
    /* the strategic indicators first, then the operational objectives'
     * indicators: the table's order is the tree's */
    for (size_t i = 0; i < l.n; i++) {
        char code[64];
        snprintf(code, sizeof code, "%s ", inds[i]->code);
        const char *row = strstr(at, code);
        if (!row) fail_msg("indicator %s missing or out of order", inds[i]->code);
        char next[64] = "";
        if (i + 1 < l.n) snprintf(next, sizeof next, "%s ", inds[i + 1]->code);
        const char *end = i + 1 < l.n ? strstr(row + 1, next) : row + strlen(row);
        assert_non_null(end);
        /* Unità and the three targets, side by side */
        const char *unit = pp_unit_symbol(inds[i]->ind->unit);
        char want[4 * (PP_FMT_IT_SIZE + 32)];
        snprintf(want, sizeof want, "%s ", *unit ? unit : "\u2013");
        for (int y = 2019; y <= 2021; y++) {
            size_t n = strlen(want);
            target_words(inds[i]->ind, y, want + n, sizeof want - n - 1);
            strcat(want, " ");
        }
        const char *c = strstr(row, want);
        if (!c || c >= end) fail_msg("%s: '%s' not in its row", inds[i]->code, want);
        at = row + 1;
    }
    free(t);
}

/* ---- the SMVP in words -------------------------------------------------------------------- */

/* Every level is a plain mean (Aggregazione metodo="media"): one sentence
 * each, from the operational level up, and none about weights. */
static void the_plain_means_in_words(void **state)
{
    pp_doc *doc = *state;
    const pp_pages *p = laid_out_pages(doc);
    size_t at = last_page_with(p, "Come sar\u00e0 misurato il raggiungimento");
    char *t = pages_text(p, at, at + 2 < p->npages ? at + 2 : p->npages);
    static const char *const said[] = {
        "Il grado di un obiettivo operativo \u00e8 la media semplice dei suoi indicatori.",
        "Nel grado di un obiettivo strategico i suoi obiettivi operativi e i suoi indicatori "
        "contano ciascuno allo stesso modo (media semplice, senza pesi).",
        "Il grado di un ambito strategico \u00e8 la media semplice dei suoi obiettivi "
        "strategici.",
        "Il grado dell'ente \u00e8 la media semplice dei suoi ambiti strategici."};
    const char *c = t;
    for (size_t i = 0; i < 4; i++) {
        c = strstr(c, said[i]);
        if (!c) fail_msg("missing or out of order: %s", said[i]);
    }
    assert_null(strstr(t, "pesata con i pesi"));
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_document),       cmocka_unit_test(the_smvp),
        cmocka_unit_test(the_tree_as_printed), cmocka_unit_test(every_objective),
        cmocka_unit_test(the_budgets_add_up),  cmocka_unit_test(the_people),
        cmocka_unit_test(the_dashboards),      cmocka_unit_test(the_holders),
        cmocka_unit_test(the_monitoring),
        cmocka_unit_test(the_calendar),        cmocka_unit_test(the_calendar_on_the_page),
        cmocka_unit_test(allegato_1_on_the_page), cmocka_unit_test(the_plain_means_in_words),
        cmocka_unit_test(the_perspectives),    cmocka_unit_test(the_strategy_map),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
