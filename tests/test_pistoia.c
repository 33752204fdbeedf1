/* The Relazione 2022 of the Camera di Commercio di Pistoia-Prato (seed 000):
 * every published percentage — ente, areas, strategic and operational
 * objectives — reproduced to within 0.05 points. The published figures are
 * in tests/data/pistoia-prato-attesi.csv, transcribed from the seed. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

#define FIXTURE PP_SOURCE_DIR "/fixtures/pistoia-prato-relazione-2022.xml"
#define EXPECTED PP_SOURCE_DIR "/tests/data/pistoia-prato-attesi.csv"

static int setup(void **state)
{
    pp_doc *doc = open_fixture(FIXTURE, 3 /* the seed prints three codes twice */);
    *state = doc;
    return doc ? 0 : -1;
}

static int teardown(void **state)
{
    pp_doc_free(*state);
    return 0;
}

static void every_published_percentage(void **state)
{
    pp_doc *doc = *state;
    FILE *f = fopen(EXPECTED, "r");
    assert_non_null(f);
    char line[512];
    assert_non_null(fgets(line, sizeof line, f)); /* header */
    int checked = 0, by_level[5] = {0};
    while (fgets(line, sizeof line, f)) {
        char id[200], level[40];
        double published;
        if (sscanf(line, "%199[^,],%39[^,],%lf", id, level, &published) != 3) continue;
        pp_node *n = strcmp(id, "ente") == 0 ? doc->root : node(doc, id);
        if (!n) fail_msg("node %s of the expected figures is not in the fixture", id);
        assert_string_equal(pp_level_name(n->level), level);
        assert_true(n->result.has_achievement);
        if (fabs(n->result.achievement - published) > 0.05)
            fail_msg("%s (%s): computed %.4f, published %.2f", id, n->title,
                     n->result.achievement, published);
        by_level[n->level]++;
        checked++;
    }
    fclose(f);
    assert_int_equal(by_level[PP_LEVEL_ENTE], 1);
    assert_int_equal(by_level[PP_LEVEL_AMBITO], 3);
    assert_int_equal(by_level[PP_LEVEL_STRATEGICO], 8);
    assert_int_equal(by_level[PP_LEVEL_OPERATIVO], 46);
    assert_int_equal(checked, 58);
}

static void headline_figures(void **state)
{
    pp_doc *doc = *state;
    assert_float_equal(doc->root->result.achievement, 97.98, 0.005);
    assert_int_equal(doc->root->nchildren, 3);
    assert_float_equal(doc->root->children[0]->result.achievement, 97.51, 0.005);
    assert_float_equal(doc->root->children[1]->result.achievement, 97.37, 0.005);
    assert_float_equal(doc->root->children[2]->result.achievement, 99.05, 0.005);
}

typedef struct {
    int indicators, nd, overridden, zero_weight;
} counts;

static bool count(pp_node *n, void *ctx)
{
    counts *c = ctx;
    if (n->level != PP_LEVEL_INDICATORE) return true;
    c->indicators++;
    c->nd += n->ind->actual.kind == PP_ACTUAL_ND;
    c->overridden += n->result.overridden;
    c->zero_weight += n->weight == 0;
    return true;
}

static void the_tree_as_published(void **state)
{
    pp_doc *doc = *state;
    counts c = {0};
    pp_tree_walk(doc->root, count, &c);
    assert_int_equal(c.indicators, 373);
    assert_int_equal(c.nd, 8);
    assert_int_equal(c.overridden, 2); /* the two deadlines scored by hand */
    assert_true(c.zero_weight >= 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_published_percentage),
        cmocka_unit_test(headline_figures),
        cmocka_unit_test(the_tree_as_published),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
