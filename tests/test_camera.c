/* The Relazione 2023 of the imaginary Camera di Commercio dell'Appennino
 * Immaginario (fixtures/camera-immaginaria-relazione-2023.xml): a plain-mean
 * ente, a binary SMVP with numeric and date soglie, a deadline "non
 * completato", an objective "non oggetto di misurazione", changes during the
 * year, people with own objectives and results per unit. Every figure —
 * indicators, objectives, areas, ente, people's totals, units' results — was
 * worked out by hand (tests/data/camera-immaginaria-attesi.csv, reasons in
 * the fixture's comments) and is asserted within 0.005. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

#define FIXTURE PP_SOURCE_DIR "/fixtures/camera-immaginaria-relazione-2023.xml"
#define EXPECTED PP_SOURCE_DIR "/tests/data/camera-immaginaria-attesi.csv"

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

/* A node of the tree, or of a person's own objective (outside the tree). */
static pp_node *any_node(pp_doc *doc, const char *id)
{
    if (strcmp(id, "ente") == 0) return doc->root;
    pp_node *n = node(doc, id);
    for (size_t p = 0; !n && p < doc->npeople; p++)
        for (size_t k = 0; !n && k < doc->people[p].nobjectives; k++) {
            pp_node *own = doc->people[p].objectives[k].own;
            if (!own) continue;
            find_ctx f = {id, NULL};
            pp_tree_walk(own, find_visit, &f);
            n = f.found;
        }
    return n;
}

static const pp_person *person(pp_doc *doc, const char *id)
{
    for (size_t i = 0; i < doc->npeople; i++)
        if (strcmp(doc->people[i].id, id) == 0) return &doc->people[i];
    return NULL;
}

static const pp_unit_org *unit(pp_doc *doc, const char *id)
{
    for (size_t i = 0; i < doc->nunits; i++)
        if (strcmp(doc->units[i].id, id) == 0) return &doc->units[i];
    return NULL;
}

static void every_figure_by_hand(void **state)
{
    pp_doc *doc = *state;
    FILE *f = fopen(EXPECTED, "r");
    assert_non_null(f);
    char line[512];
    assert_non_null(fgets(line, sizeof line, f)); /* header */
    int checked = 0, nodes[5] = {0}, people = 0, units = 0;
    while (fgets(line, sizeof line, f)) {
        char id[200], level[40];
        double expected, got;
        if (line[0] == '#') continue;
        if (sscanf(line, "%199[^,],%39[^,],%lf", id, level, &expected) != 3) continue;
        if (strcmp(level, "persona") == 0) {
            const pp_person *p = person(doc, id);
            if (!p) fail_msg("person %s of the expected figures is not in the fixture", id);
            assert_true(p->has_total);
            got = p->total;
            people++;
        } else if (strcmp(level, "struttura") == 0) {
            const pp_unit_org *u = unit(doc, id);
            if (!u) fail_msg("unit %s of the expected figures is not in the fixture", id);
            assert_true(u->has_result);
            got = u->result;
            units++;
        } else {
            pp_node *n = any_node(doc, id);
            if (!n) fail_msg("node %s of the expected figures is not in the fixture", id);
            assert_string_equal(pp_level_name(n->level), level);
            if (!n->result.has_achievement) fail_msg("%s (%s) has no achievement", id, n->title);
            got = n->result.achievement;
            nodes[n->level]++;
        }
        if (fabs(got - expected) > 0.005)
            fail_msg("%s (%s): computed %.6f, by hand %.6f", id, level, got, expected);
        checked++;
    }
    fclose(f);
    assert_int_equal(nodes[PP_LEVEL_ENTE], 1);
    assert_int_equal(nodes[PP_LEVEL_AMBITO], 3);
    assert_int_equal(nodes[PP_LEVEL_STRATEGICO], 6);
    assert_int_equal(nodes[PP_LEVEL_OPERATIVO], 13 + 3); /* 13 of the tree, 3 own */
    assert_int_equal(nodes[PP_LEVEL_INDICATORE], 32 + 6);
    assert_int_equal(people, 3);
    assert_int_equal(units, 4);
    assert_int_equal(checked, 1 + 3 + 6 + 16 + 38 + 3 + 4);
}

/* The ente is the plain mean of its areas: no weights printed for them,
 * each 1/3. */
static void plain_mean_ente(void **state)
{
    pp_doc *doc = *state;
    assert_int_equal(doc->root->nchildren, 3);
    double sum = 0;
    for (size_t i = 0; i < doc->root->nchildren; i++) {
        const pp_node *a = doc->root->children[i];
        assert_false(a->weight_printed);
        assert_float_equal(a->result.effective_weight, 100.0 / 3, 0.005);
        sum += a->result.achievement;
    }
    assert_float_equal(doc->root->result.achievement, sum / 3, 1e-9);
    assert_float_equal(doc->root->result.achievement, 75.98, 0.005);
}

/* What is shown and not counted, and why. */
static void shown_not_counted(void **state)
{
    pp_doc *doc = *state;
    /* the removed objective: not counted, its siblings rescaled 50/30 -> 62,5/37,5 */
    const pp_node *removed = node(doc, "o_01_02_03");
    assert_false(removed->result.counted);
    assert_int_equal(removed->nchanges, 1);
    assert_int_equal(removed->changes[0].kind, PP_CHANGE_REMOVAL);
    assert_float_equal(node(doc, "o_01_02_01")->result.effective_weight, 62.5, 0.005);
    assert_float_equal(node(doc, "o_01_02_02")->result.effective_weight, 37.5, 0.005);
    /* the objective not measured: no achievement, siblings 40/40 -> 50/50 */
    const pp_node *nm = node(doc, "o_02_02_03");
    assert_true(nm->result.not_measured);
    assert_false(nm->result.has_achievement);
    assert_false(nm->result.counted);
    assert_float_equal(node(doc, "o_02_02_01")->result.effective_weight, 50, 0.005);
    /* the deadline never completed: 0, counted */
    const pp_node *nc = node(doc, "i_ri_05");
    assert_int_equal(nc->ind->actual.kind, PP_ACTUAL_NOT_COMPLETED);
    assert_true(nc->result.counted);
    assert_float_equal(nc->result.achievement, 0, 1e-9);
    /* the moved indicator counts where it is now */
    const pp_node *moved = node(doc, "i_di_01");
    assert_int_equal(moved->changes[0].kind, PP_CHANGE_MOVE);
    assert_ptr_equal(moved->parent, node(doc, "o_03_01_03"));
    /* the person without weights: the removed objective is left out (5 of 6) */
    const pp_person *ap = person(doc, "p_ap");
    assert_int_equal(ap->nobjectives, 6);
    assert_float_equal(ap->total, (62.5 + 79.435484 + 95 + 50 + 80) / 5, 0.005);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_figure_by_hand),
        cmocka_unit_test(plain_mean_ente),
        cmocka_unit_test(shown_not_counted),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
