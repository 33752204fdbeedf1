/* Roll-up of achievements through the tree (DOMAIN §4), on documents
 * written as XML snippets and scored end to end. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

#define near(a, b) assert_float_equal((a), (b), 0.005)

static const char *BANDS =
    "<Sistema><Fasce statoNonValutato=\"DA VALUTARE\">"
    "<Fascia da=\"0\" etichetta=\"non raggiunto\" colore=\"#C62828\" stato=\"FUORI TARGET\"/>"
    "<Fascia da=\"60\" etichetta=\"parzialmente raggiunto\" colore=\"#F9A825\" stato=\"IN LINEA\"/>"
    "<Fascia da=\"80\" etichetta=\"raggiunto\" colore=\"#2E7D32\" stato=\"IN LINEA\"/>"
    "</Fasce></Sistema>\n";

static char *concat3(const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
    char *s = malloc(n);
    snprintf(s, n, "%s%s%s", a, b, c);
    return s;
}

/* Document = head + sistema + tree + tail. */
static pp_doc *doc_of(const char *sistema, const char *tree)
{
    char *body = concat3(sistema, tree, DOC_TAIL);
    char *xml = concat3(DOC_HEAD("relazione"), body, "");
    pp_doc *doc = scored(xml);
    free(body);
    free(xml);
    return doc;
}

/* Seed 000, "Tutela della proprietà industriale": 5 indicators at 20 %. */
static void weighted_mean_of_indicators(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(BANDS, ONE_OBJECTIVE(
        IND("i1", "20", "N.", "ge", "400", "375")
        IND("i2", "20", "N.", "ge", "7.30", "7.30")
        IND("i3", "20", "N.", "ge", "222", "238.85")
        IND("i4", "20", "fte", "le", "1.80", "1.57")
        IND("i5", "20", "N.", "ge", "20", "19")));
    assert_non_null(doc);
    near(node(doc, "o")->result.achievement, 97.75);
    near(doc->root->result.achievement, 97.75);
    assert_string_equal(doc->smvp.bands[node(doc, "o")->result.band].label, "raggiunto");
    pp_doc_free(doc);
}

/* Seed 000, "PID": 8 indicators at 12,5 % -> 90,74 %. */
static void pid(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(BANDS, ONE_OBJECTIVE(
        IND("p1", "12.5", "N.", "ge", "60", "101") IND("p2", "12.5", "N.", "ge", "4", "27")
        IND("p3", "12.5", "N.", "ge", "80", "96") IND("p4", "12.5", "N.", "ge", "10", "3")
        IND("p5", "12.5", "N.", "ge", "7.40", "7.10") IND("p6", "12.5", "N.", "ge", "40", "168.42")
        IND("p7", "12.5", "%", "ge", "80", "85") IND("p8", "12.5", "fte", "le", "2", "0.57")));
    assert_non_null(doc);
    near(node(doc, "o")->result.achievement, 90.74);
    near(node(doc, "p4")->result.achievement, 30.00);
    assert_string_equal(doc->smvp.bands[node(doc, "p4")->result.band].status, "FUORI TARGET");
    pp_doc_free(doc);
}

/* N/D: not counted, the siblings' weights rescaled to 100. */
static void nd_reweights_siblings(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(BANDS, ONE_OBJECTIVE(
        IND("a", "40", "N.", "ge", "10", "5")
        IND("b", "30", "N.", "ge", "10", "10")
        IND_ND("c", "30")));
    assert_non_null(doc);
    pp_node *c = node(doc, "c");
    assert_false(c->result.counted);
    assert_false(c->result.has_achievement);
    near(c->result.effective_weight, 0);
    near(node(doc, "a")->result.effective_weight, 57.142857);
    near(node(doc, "b")->result.effective_weight, 42.857143);
    near(node(doc, "o")->result.achievement, (40 * 50 + 30 * 100) / 70.0);
    pp_doc_free(doc);
}

/* Weight 0: scored and shown, but not counted. */
static void weight_zero_shown_not_counted(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(BANDS, ONE_OBJECTIVE(
        IND("a", "100", "N.", "ge", "10", "10")
        IND("z", "0", "N.", "ge", "10", "1")));
    assert_non_null(doc);
    pp_node *z = node(doc, "z");
    assert_true(z->result.has_achievement);
    near(z->result.achievement, 10);
    assert_false(z->result.counted);
    near(node(doc, "o")->result.achievement, 100);
    pp_doc_free(doc);
}

/* Every indicator of an objective N/D: the objective is N/D and its
 * siblings carry the strategic objective. */
static void every_sibling_nd(void **state)
{
    (void)state;
    const char *tree =
        "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"
        "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>"
        "<ObiettivoOperativo id=\"o1\" peso=\"50\"><Titolo>O1</Titolo>"
        IND_ND("n1", "50") IND_ND("n2", "50")
        "</ObiettivoOperativo>"
        "<ObiettivoOperativo id=\"o2\" peso=\"50\"><Titolo>O2</Titolo>"
        IND("x", "100", "N.", "ge", "10", "8")
        "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>\n";
    pp_doc *doc = doc_of(BANDS, tree);
    assert_non_null(doc);
    assert_false(node(doc, "o1")->result.has_achievement);
    assert_false(node(doc, "o1")->result.counted);
    near(node(doc, "o2")->result.effective_weight, 100);
    near(node(doc, "s")->result.achievement, 80);
    pp_doc_free(doc);
}

/* Seed 004: strategic = 40 % mean of operational + 60 % own indicators. */
static void mixed_strategic(void **state)
{
    (void)state;
    const char *sistema =
        "<Sistema><ComposizioneStrategica operativi=\"40\" indicatori=\"60\"/></Sistema>\n";
    const char *tree =
        "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"
        "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>"
        IND("k", "100", "N.", "ge", "10", "5")
        "<ObiettivoOperativo id=\"o\" peso=\"100\"><Titolo>O</Titolo>"
        IND("x", "100", "N.", "ge", "10", "10")
        "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>\n";
    pp_doc *doc = doc_of(sistema, tree);
    assert_non_null(doc);
    near(node(doc, "s")->result.achievement, 0.4 * 100 + 0.6 * 50);
    near(node(doc, "o")->result.effective_weight, 40);
    near(node(doc, "k")->result.effective_weight, 60);
    pp_doc_free(doc);
}

/* Tolerance bands per level (seed 004 §4). */
static void tolerance_per_level(void **state)
{
    (void)state;
    const char *sistema =
        "<Sistema><FasciaTolleranza livello=\"indicatore\" tolleranza=\"10\" critico=\"50\"/>"
        "</Sistema>\n";
    pp_doc *doc = doc_of(sistema, ONE_OBJECTIVE(
        IND("a", "50", "N.", "ge", "100", "92")
        IND("b", "50", "N.", "ge", "100", "40")));
    assert_non_null(doc);
    near(node(doc, "a")->result.achievement, 100);
    near(node(doc, "a")->result.computed, 92);
    near(node(doc, "b")->result.achievement, 0);
    near(node(doc, "o")->result.achievement, 50);
    pp_doc_free(doc);
}

/* An achievement set by the evaluator wins over the rule, and says so. */
static void override(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(BANDS, ONE_OBJECTIVE(
        "<Indicatore id=\"d\" peso=\"100\"><Nome>PARI_OPP_06</Nome><Unita>data</Unita>"
        "<Target anno=\"2022\" operatore=\"entro\" data=\"2022-02-28\"/>"
        "<Consuntivo data=\"2022-03-28\"/>"
        "<RaggiungimentoAttribuito valore=\"83.84\">28 giorni di ritardo</RaggiungimentoAttribuito>"
        "</Indicatore>"));
    assert_non_null(doc);
    pp_node *d = node(doc, "d");
    assert_true(d->result.overridden);
    near(d->result.achievement, 83.84);
    near(d->result.deviation, 28);
    near(doc->root->result.achievement, 83.84);
    pp_doc_free(doc);
}

/* Published weights are rounded: 16,66 % x5 + 16,70 % is accepted. */
static void rounded_weights_accepted(void **state)
{
    (void)state;
    const char *tree =
        "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"
        "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>"
        "<ObiettivoOperativo id=\"o\" peso=\"100\"><Titolo>O</Titolo>"
        IND("i1", "16.66", "N.", "ge", "1", "1") IND("i2", "16.66", "N.", "ge", "1", "1")
        IND("i3", "16.66", "N.", "ge", "1", "1") IND("i4", "16.66", "N.", "ge", "1", "1")
        IND("i5", "16.66", "N.", "ge", "1", "1") IND("i6", "16.70", "N.", "ge", "1", "0.5")
        "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>\n";
    pp_doc *doc = doc_of(BANDS, tree);
    assert_non_null(doc);
    near(node(doc, "o")->result.achievement, 100 - 16.70 / 2);
    pp_doc_free(doc);
}

/* ... but 16,66 % x6 (99,96) is more than rounding can explain. */
static void rounded_weights_refused(void **state)
{
    (void)state;
    char *xml = concat3(DOC_HEAD("relazione"), ONE_OBJECTIVE(
        IND("i1", "16.66", "N.", "ge", "1", "1") IND("i2", "16.66", "N.", "ge", "1", "1")
        IND("i3", "16.66", "N.", "ge", "1", "1") IND("i4", "16.66", "N.", "ge", "1", "1")
        IND("i5", "16.66", "N.", "ge", "1", "1") IND("i6", "16.66", "N.", "ge", "1", "1")),
        DOC_TAIL);
    pp_diags d;
    pp_doc *doc = NULL;
    assert_int_equal(open_text(xml, &d, &doc), PP_ERR_INPUT);
    assert_true(has_diag(&d, "4:112: error: the weights of the indicators of 'o' sum to 99.96, "
                             "not 100 (allowed rounding: 0.030)"));
    pp_diags_clear(&d);
    free(xml);
}

/* Two tolerance bands for one level: the second is refused. */
static void repeated_tolerance(void **state)
{
    (void)state;
    char *xml = concat3(DOC_HEAD("relazione"),
        "<Sistema>\n<FasciaTolleranza livello=\"operativo\" tolleranza=\"10\" critico=\"50\"/>\n"
        "<FasciaTolleranza livello=\"operativo\" tolleranza=\"5\" critico=\"40\"/>\n</Sistema>\n",
        ONE_OBJECTIVE(IND("i1", "100", "N.", "ge", "1", "1")) DOC_TAIL);
    pp_diags d;
    pp_doc *doc = NULL;
    assert_int_equal(open_text(xml, &d, &doc), PP_ERR_INPUT);
    assert_true(has_diag(&d, "6:1: error: second FasciaTolleranza for livello \"operativo\" "
                             "(the first is at line 5)"));
    pp_diags_clear(&d);
    free(xml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(weighted_mean_of_indicators),
        cmocka_unit_test(pid),
        cmocka_unit_test(nd_reweights_siblings),
        cmocka_unit_test(weight_zero_shown_not_counted),
        cmocka_unit_test(every_sibling_nd),
        cmocka_unit_test(mixed_strategic),
        cmocka_unit_test(tolerance_per_level),
        cmocka_unit_test(override),
        cmocka_unit_test(rounded_weights_accepted),
        cmocka_unit_test(rounded_weights_refused),
        cmocka_unit_test(repeated_tolerance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
