/* The SMVP as data (DOMAIN §8), end to end on documents written as XML
 * snippets: plain means without weights, strategic objectives scored on
 * one group only, binary scoring of unmet targets without soglia, soglie
 * on "=" targets, by date and per year, deadlines never completed and
 * objectives "non oggetto di misurazione". Worked figures from seed 000
 * where the seeds have them. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "score_out.h"
#include "testutil.h"

#define near(a, b) assert_float_equal((a), (b), 0.005)

/* <Indicatore> without peso (a plain-mean level). */
#define IND_NOW(id, unit, op, target, actual)                                               \
    "<Indicatore id=\"" id "\"><Nome>" id "</Nome><Unita>" unit "</Unita>"                 \
    "<Target anno=\"2022\" operatore=\"" op "\" valore=\"" target "\"/>"                    \
    "<Consuntivo valore=\"" actual "\"/></Indicatore>\n"

#define AREA_S(peso_s, body)                                                                \
    "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"                             \
    "<ObiettivoStrategico id=\"s\" " peso_s "><Titolo>S</Titolo>\n" body                   \
    "</ObiettivoStrategico></Ambito></Albero>\n"

#define OP(id, attrs, body)                                                                 \
    "<ObiettivoOperativo id=\"" id "\" " attrs "><Titolo>" id "</Titolo>\n" body            \
    "</ObiettivoOperativo>\n"

static char *doc_text(const char *sistema, const char *tree)
{
    const char *head = DOC_HEAD("relazione");
    size_t n = strlen(head) + strlen(sistema) + strlen(tree) + strlen(DOC_TAIL) + 1;
    char *s = malloc(n);
    snprintf(s, n, "%s%s%s%s", head, sistema, tree, DOC_TAIL);
    return s;
}

static pp_doc *doc_of(const char *sistema, const char *tree)
{
    char *xml = doc_text(sistema, tree);
    pp_doc *doc = scored(xml);
    free(xml);
    return doc;
}

/* Opens the document expecting it refused; the diagnostics in d. */
static void refused(const char *sistema, const char *tree, pp_diags *d)
{
    char *xml = doc_text(sistema, tree);
    pp_doc *doc = NULL;
    assert_int_equal(open_text(xml, d, &doc), PP_ERR_INPUT);
    assert_null(doc);
    free(xml);
}

/* Opens the document expecting it accepted with warnings; returns it. */
static pp_doc *accepted(const char *sistema, const char *tree, pp_diags *d)
{
    char *xml = doc_text(sistema, tree);
    pp_doc *doc = NULL;
    assert_int_equal(open_text(xml, d, &doc), PP_OK);
    free(xml);
    return doc;
}

/* ---- 1. plain means ---------------------------------------------------- */

#define PID_NOW                                                                             \
    IND_NOW("p1", "N.", "ge", "60", "101") IND_NOW("p2", "N.", "ge", "4", "27")             \
    IND_NOW("p3", "N.", "ge", "80", "96") IND_NOW("p4", "N.", "ge", "10", "3")              \
    IND_NOW("p5", "N.", "ge", "7.40", "7.10") IND_NOW("p6", "N.", "ge", "40", "168.42")     \
    IND_NOW("p7", "%", "ge", "80", "85") IND_NOW("p8", "fte", "le", "2", "0.57")

#define TUTELA_NOW                                                                          \
    IND_NOW("t1", "N.", "ge", "400", "375") IND_NOW("t2", "N.", "ge", "7.30", "7.30")       \
    IND_NOW("t3", "N.", "ge", "222", "238.85") IND_NOW("t4", "fte", "le", "1.80", "1.57")   \
    IND_NOW("t5", "N.", "ge", "20", "19")

static const char *MEAN_S_O =
    "<Sistema><Aggregazione livello=\"strategico\" metodo=\"media\"/>"
    "<Aggregazione livello=\"operativo\" metodo=\"media\"/></Sistema>\n";

/* Seed 000, "Digitalizzazione": the plain mean of 100; 90,74; 97,75 is
 * 96,16 %, with no weight written anywhere below the strategic objective. */
static void plain_mean_seed_000(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(MEAN_S_O, AREA_S("peso=\"100\"",
        OP("o1", "", IND_NOW("x", "N.", "ge", "1", "1"))
        OP("o2", "", PID_NOW)
        OP("o3", "", TUTELA_NOW)));
    assert_non_null(doc);
    near(node(doc, "o2")->result.achievement, 90.74);
    near(node(doc, "o3")->result.achievement, 97.75);
    near(node(doc, "s")->result.achievement, 96.16);
    near(doc->root->result.achievement, 96.16);
    /* the layout prints no invented weight where the mean is plain */
    assert_false(node(doc, "o2")->weight_printed);
    assert_false(node(doc, "p4")->weight_printed);
    assert_true(node(doc, "s")->weight_printed);
    assert_true(doc->smvp.plain_mean[PP_LEVEL_STRATEGICO]);
    assert_false(doc->smvp.plain_mean[PP_LEVEL_AMBITO]);
    near(node(doc, "o2")->result.effective_weight, 100.0 / 3);
    near(node(doc, "p4")->result.effective_weight, 12.5);
    assert_true(isnan(node(doc, "o2")->weight));
    pp_doc_free(doc);
}

/* N/D and peso="0" still leave a plain mean: (100 + 50) / 2. */
static void plain_mean_nd_and_zero(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(MEAN_S_O, AREA_S("peso=\"100\"",
        OP("o", "",
           IND_NOW("a", "N.", "ge", "10", "10") IND_NOW("b", "N.", "ge", "10", "5")
           "<Indicatore id=\"n\"><Nome>n</Nome><Unita>N.</Unita>"
           "<Target anno=\"2022\" operatore=\"ge\" valore=\"1\"/>"
           "<Consuntivo nd=\"true\">Dato non pervenuto</Consuntivo></Indicatore>\n"
           IND("z", "0", "N.", "ge", "10", "0"))));
    assert_non_null(doc);
    near(node(doc, "o")->result.achievement, 75);
    near(node(doc, "a")->result.effective_weight, 50);
    assert_false(node(doc, "n")->result.counted);
    assert_false(node(doc, "z")->result.counted);
    near(node(doc, "z")->result.effective_weight, 0);
    pp_doc_free(doc);
}

/* The ente as a plain mean of its areas, which print no weight. */
static void plain_mean_ente(void **state)
{
    (void)state;
    const char *tree =
        "<Albero><Ambito id=\"a1\"><Titolo>A1</Titolo>"
        "<ObiettivoStrategico id=\"s1\" peso=\"100\"><Titolo>S1</Titolo>"
        OP("o1", "peso=\"100\"", IND("i1", "100", "N.", "ge", "10", "9"))
        "</ObiettivoStrategico></Ambito>"
        "<Ambito id=\"a2\"><Titolo>A2</Titolo>"
        "<ObiettivoStrategico id=\"s2\" peso=\"100\"><Titolo>S2</Titolo>"
        OP("o2", "peso=\"100\"", IND("i2", "100", "N.", "ge", "10", "7"))
        "</ObiettivoStrategico></Ambito></Albero>\n";
    pp_doc *doc = doc_of("<Sistema><Aggregazione livello=\"ente\" metodo=\"media\"/></Sistema>\n",
                         tree);
    assert_non_null(doc);
    near(doc->root->result.achievement, 80);
    assert_false(node(doc, "a1")->weight_printed);
    assert_true(node(doc, "s1")->weight_printed);
    pp_doc_free(doc);
}

/* Outside a plain mean a missing peso is an error that says the way out. */
static void weight_missing_refused(void **state)
{
    (void)state;
    pp_diags d;
    refused("", AREA_S("peso=\"100\"", OP("o", "peso=\"100\"",
        IND_NOW("a", "N.", "ge", "10", "10") IND("b", "100", "N.", "ge", "10", "5"))), &d);
    assert_true(has_diag(&d, "6:1: error: 'a' has no peso: write it, or say that its parent's "
                             "level is a plain mean with <Aggregazione livello=\"operativo\" "
                             "metodo=\"media\"/> in <Sistema>"));
    pp_diags_clear(&d);
}

/* Written weights that differ in a plain mean are not used: a warning. */
static void plain_mean_unused_weights(void **state)
{
    (void)state;
    pp_diags d;
    pp_doc *doc = accepted(MEAN_S_O, AREA_S("peso=\"100\"", OP("o", "",
        IND("a", "70", "N.", "ge", "10", "10") IND("b", "30", "N.", "ge", "10", "5"))), &d);
    assert_true(has_diag(&d, "6:1: warning: the weights of the children of 'o' differ, but they "
                             "are not used: <Aggregazione livello=\"operativo\" "
                             "metodo=\"media\"/> makes it a plain mean"));
    pp_diags_clear(&d);
    pp_score(doc);
    near(node(doc, "o")->result.achievement, 75);
    pp_doc_free(doc);
}

/* A second Aggregazione for a level is refused. */
static void aggregation_repeated(void **state)
{
    (void)state;
    pp_diags d;
    refused("<Sistema>\n<Aggregazione livello=\"ambito\" metodo=\"media\"/>\n"
            "<Aggregazione livello=\"ambito\" metodo=\"pesata\"/>\n</Sistema>\n",
            AREA_S("peso=\"100\"", OP("o", "peso=\"100\"", IND("a", "100", "N.", "ge", "1", "1"))),
            &d);
    assert_true(has_diag(&d, "6:1: error: second Aggregazione for livello \"ambito\" (the first "
                             "is at line 5)"));
    pp_diags_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_mean_seed_000),
        cmocka_unit_test(plain_mean_nd_and_zero),
        cmocka_unit_test(plain_mean_ente),
        cmocka_unit_test(weight_missing_refused),
        cmocka_unit_test(plain_mean_unused_weights),
        cmocka_unit_test(aggregation_repeated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
