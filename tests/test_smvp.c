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


/* ---- 2. strategic objectives with both groups ------------------------- */

/* Both groups sum to 100 and nothing says how they combine: refused at the
 * strategic objective, naming both sums. */
static void unstated_mix_refused(void **state)
{
    (void)state;
    pp_diags d;
    refused("", AREA_S("peso=\"100\"",
        IND("k", "100", "N.", "ge", "10", "5")
        OP("o", "peso=\"100\"", IND("x", "100", "N.", "ge", "10", "10"))), &d);
    assert_true(has_diag(&d, "4:55: error: strategic objective 's' has both operational "
                             "objectives (weights sum to 100.00) and its own indicators (weights "
                             "sum to 100.00): say how they combine with <ComposizioneStrategica "
                             "operativi=\"...\" indicatori=\"...\"/> in <Sistema>, or that only "
                             "one group counts (operativi=\"100\" indicatori=\"0\", or the "
                             "reverse)"));
    assert_int_equal(d.errors, 1); /* (the warning that no bands are given aside) */
    pp_diags_clear(&d);
}

/* Weights that sum to 100 over both groups together are one weighted mean,
 * as before: 60 % of 50 + 40 % of 100. */
static void both_groups_one_mean(void **state)
{
    (void)state;
    pp_doc *doc = doc_of("", AREA_S("peso=\"100\"",
        IND("k", "60", "N.", "ge", "10", "5")
        OP("o", "peso=\"40\"", IND("x", "100", "N.", "ge", "10", "10"))));
    assert_non_null(doc);
    near(node(doc, "s")->result.achievement, 70);
    pp_doc_free(doc);
}

/* "Only the operational objectives count": the indicators keep their
 * printed weights and their scores, and are not counted. */
static void operational_only(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(
        "<Sistema><ComposizioneStrategica operativi=\"100\" indicatori=\"0\"/></Sistema>\n",
        AREA_S("peso=\"100\"",
            IND("k1", "50", "N.", "ge", "10", "5") IND("k2", "50", "N.", "ge", "10", "2")
            OP("o1", "peso=\"50\"", IND("x", "100", "N.", "ge", "10", "10"))
            OP("o2", "peso=\"50\"", IND("y", "100", "N.", "ge", "10", "8"))));
    assert_non_null(doc);
    near(node(doc, "s")->result.achievement, 90);
    pp_node *k1 = node(doc, "k1");
    assert_true(k1->result.has_achievement);
    near(k1->result.achievement, 50);
    assert_false(k1->result.counted);
    assert_string_equal(k1->result.why_not_counted, "escluso dalla composizione");
    assert_true(k1->result.left_out);
    assert_true(k1->weight_printed);
    assert_false(node(doc, "o1")->result.left_out);
    near(k1->weight, 50); /* as the document printed it */
    near(k1->result.effective_weight, 0);
    near(node(doc, "o1")->result.effective_weight, 50);
    pp_doc_free(doc);
}

/* The reverse, with the unused group's weights left out altogether; the
 * operational objectives are N/D-free but still not counted. */
static void indicators_only(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(
        "<Sistema><ComposizioneStrategica operativi=\"0\" indicatori=\"100\"/></Sistema>\n",
        AREA_S("peso=\"100\"",
            IND("k1", "75", "N.", "ge", "10", "5") IND("k2", "25", "N.", "ge", "10", "10")
            OP("o1", "", IND("x", "100", "N.", "ge", "10", "10"))));
    assert_non_null(doc);
    near(node(doc, "s")->result.achievement, 62.5);
    near(node(doc, "o1")->result.achievement, 100);
    assert_false(node(doc, "o1")->result.counted);
    assert_true(node(doc, "o1")->result.left_out);
    assert_false(node(doc, "o1")->weight_printed); /* none written */
    pp_doc_free(doc);
}

/* ---- 3. unmet without soglia is 0 ------------------------------------- */

/* RegolaPredefinita binaria: an unmet target without soglia scores 0; an
 * indicator with a Soglia keeps the soglia's line. (0 + 75 + 100) / 3. */
static void binary_unless_soglia(void **state)
{
    (void)state;
    pp_doc *doc = doc_of("<Sistema><RegolaPredefinita>binaria</RegolaPredefinita></Sistema>\n",
        AREA_S("peso=\"100\"", OP("o", "peso=\"100\"",
            IND("b", "33.33", "N.", "ge", "400", "375")
            "<Indicatore id=\"s1\" peso=\"33.33\"><Nome>s1</Nome><Unita>N.</Unita>"
            "<Target anno=\"2022\" operatore=\"ge\" valore=\"400\"/><Soglia valore=\"300\"/>"
            "<Consuntivo valore=\"375\"/></Indicatore>\n"
            IND("m", "33.34", "fte", "le", "1.80", "1.57"))));
    assert_non_null(doc);
    near(node(doc, "b")->result.achievement, 0);
    near(node(doc, "s1")->result.achievement, 75);
    near(node(doc, "m")->result.achievement, 100);
    near(node(doc, "o")->result.achievement, (33.34 * 100 + 33.33 * 75) / 100);
    pp_doc_free(doc);
}

/* ---- 4. soglia on "=", by date, per year --------------------------------- */

#define IND_SOGLIA(id, op, target, soglia, actual)                                          \
    "<Indicatore id=\"" id "\" peso=\"50\"><Nome>" id "</Nome><Unita>N.</Unita>"           \
    "<Target anno=\"2022\" operatore=\"" op "\" valore=\"" target "\"/>"                    \
    "<Soglia valore=\"" soglia "\"/><Consuntivo valore=\"" actual "\"/></Indicatore>\n"

/* "= 1", soglia 0: half way on either side is 50 %. */
static void soglia_on_equal(void **state)
{
    (void)state;
    pp_doc *doc = doc_of("", AREA_S("peso=\"100\"", OP("o", "peso=\"100\"",
        IND_SOGLIA("below", "eq", "1", "0", "0.5") IND_SOGLIA("above", "eq", "1", "0", "1.5"))));
    assert_non_null(doc);
    near(node(doc, "below")->result.achievement, 50);
    near(node(doc, "above")->result.achievement, 50);
    pp_doc_free(doc);
}

#define DEADLINE(id, soglie, actual)                                                        \
    "<Indicatore id=\"" id "\" peso=\"100\"><Nome>" id "</Nome><Unita>data</Unita>"        \
    "<Target anno=\"2022\" operatore=\"entro\" data=\"2022-06-30\"/>" soglie actual         \
    "</Indicatore>\n"

/* Entro 30/06, soglia 31/07, done 15/07: 51,61 %. */
static void date_soglia(void **state)
{
    (void)state;
    pp_doc *doc = doc_of("<Sistema><TolleranzaScadenza giorni=\"10\"/></Sistema>\n",
        AREA_S("peso=\"100\"", OP("o", "peso=\"100\"",
            DEADLINE("d", "<Soglia data=\"2022-07-31\"/>", "<Consuntivo data=\"2022-07-15\"/>"))));
    assert_non_null(doc);
    pp_node *d = node(doc, "d");
    near(d->result.achievement, 51.61); /* the soglia, not the 10 days, rules */
    near(d->result.deviation, 15);
    assert_true(d->ind->has_soglia_date);
    pp_doc_free(doc);
}

/* A soglia per year: the reference year's own wins over the one for every
 * year; 81 against ">= 90" with soglia 60 is 70 %. */
static void soglia_per_year(void **state)
{
    (void)state;
    pp_doc *doc = doc_of("", AREA_S("peso=\"100\"", OP("o", "peso=\"100\"",
        "<Indicatore id=\"y\" peso=\"100\"><Nome>y</Nome><Unita>%</Unita>"
        "<Target anno=\"2022\" operatore=\"ge\" valore=\"90\"/>"
        "<Target anno=\"2023\" operatore=\"ge\" valore=\"95\"/>"
        "<Soglia valore=\"50\"/><Soglia anno=\"2022\" valore=\"60\"/>"
        "<Soglia anno=\"2023\" valore=\"70\"/>"
        "<Consuntivo valore=\"81\"/></Indicatore>\n")));
    assert_non_null(doc);
    pp_node *y = node(doc, "y");
    near(y->result.achievement, 70);
    near(y->ind->soglia, 60);
    near(pp_indicator_soglia(y->ind, 2023)->value, 70);
    near(pp_indicator_soglia(y->ind, 2024)->value, 50);
    pp_doc_free(doc);
}

/* What a soglia cannot be: the shape, the side, the year. */
static void soglia_refusals(void **state)
{
    (void)state;
    pp_diags d;
    refused("", AREA_S("peso=\"100\"", OP("o", "peso=\"100\"",
        DEADLINE("d", "\n<Soglia data=\"2022-06-30\"/>", "<Consuntivo data=\"2022-07-15\"/>"))), &d);
    assert_true(has_diag(&d, "7:1: error: soglia 30/06/2022 must come after the deadline "
                             "30/06/2022: achievement is 0 % on that day"));
    pp_diags_clear(&d);
    refused("", AREA_S("peso=\"100\"", OP("o", "peso=\"100\"",
        DEADLINE("d", "\n<Soglia valore=\"3\"/>", "<Consuntivo data=\"2022-07-15\"/>"))), &d);
    assert_true(has_diag(&d, "7:1: error: a deadline's Soglia is a date: use data=\"yyyy-mm-dd\""));
    pp_diags_clear(&d);
    refused("", AREA_S("peso=\"100\"", OP("o", "peso=\"100\"",
        "<Indicatore id=\"y\" peso=\"100\"><Nome>y</Nome><Unita>%</Unita>"
        "<Target anno=\"2022\" operatore=\"ge\" valore=\"90\"/>\n"
        "<Soglia anno=\"2022\" valore=\"60\"/>\n<Soglia anno=\"2022\" valore=\"70\"/>\n"
        "<Soglia data=\"2022-01-01\"/>\n<Soglia/>"
        "<Consuntivo valore=\"81\"/></Indicatore>\n")), &d);
    assert_true(has_diag(&d, "8:1: error: second Soglia for 2022 (the first is at line 7)"));
    assert_true(has_diag(&d, "9:1: error: a Soglia in '%' is a number: use valore"));
    assert_true(has_diag(&d, "10:1: error: Soglia takes valore (a numeric target) or data (a "
                             "deadline), one of them"));
    pp_diags_clear(&d);
}

/* ---- 5. deadlines never completed ----------------------------------------- */

/* "non completato" scores 0, with or without a date soglia, and is counted. */
static void not_completed(void **state)
{
    (void)state;
    pp_doc *doc = doc_of("", AREA_S("peso=\"100\"", OP("o", "peso=\"100\"",
        "<Indicatore id=\"d\" peso=\"50\"><Nome>d</Nome><Unita>data</Unita>"
        "<Target anno=\"2022\" operatore=\"entro\" data=\"2022-06-30\"/>"
        "<Soglia data=\"2022-07-31\"/><Consuntivo nonCompletato=\"true\">Gara deserta</Consuntivo>"
        "</Indicatore>\n"
        IND("x", "50", "N.", "ge", "10", "10"))));
    assert_non_null(doc);
    pp_node *d = node(doc, "d");
    assert_int_equal(d->ind->actual.kind, PP_ACTUAL_NOT_COMPLETED);
    assert_string_equal(d->ind->actual.nd_reason, "Gara deserta");
    assert_true(d->result.counted);
    near(d->result.achievement, 0);
    assert_false(d->result.has_deviation);
    near(node(doc, "o")->result.achievement, 50);
    pp_doc_free(doc);
}

static void not_completed_refusals(void **state)
{
    (void)state;
    pp_diags d;
    refused("", AREA_S("peso=\"100\"", OP("o", "peso=\"100\"",
        "<Indicatore id=\"n\" peso=\"100\"><Nome>n</Nome><Unita>N.</Unita>"
        "<Target anno=\"2022\" operatore=\"ge\" valore=\"10\"/>\n"
        "<Consuntivo nonCompletato=\"true\"/></Indicatore>\n")), &d);
    assert_true(has_diag(&d, "7:1: error: nonCompletato=\"true\" is for deadlines "
                             "(<Unita>data</Unita>): a target in 'N.' not reached has its "
                             "measured valore"));
    pp_diags_clear(&d);
    refused("", AREA_S("peso=\"100\"", OP("o", "peso=\"100\"",
        DEADLINE("d", "", "\n<Consuntivo nonCompletato=\"true\" data=\"2022-07-01\"/>"))), &d);
    assert_true(has_diag(&d, "7:1: error: Consuntivo nonCompletato=\"true\" is a deadline never "
                             "met: it takes no valore, data or nd"));
    pp_diags_clear(&d);
}

/* ---- 6. objectives "non oggetto di misurazione" ---------------------------- */

/* Declared: its indicators need no consuntivo; the parent re-weights as
 * for N/D (o1 alone carries the strategic objective). */
static void not_measured_declared(void **state)
{
    (void)state;
    pp_doc *doc = doc_of("", AREA_S("peso=\"100\"",
        OP("o1", "peso=\"70\"", IND("x", "100", "N.", "ge", "10", "8"))
        OP("o2", "peso=\"30\" nonMisurato=\"true\"",
           "<Indicatore id=\"u\" peso=\"100\"><Nome>u</Nome><Unita>N.</Unita>"
           "<Target anno=\"2022\" operatore=\"ge\" valore=\"1\"/></Indicatore>\n")));
    assert_non_null(doc);
    pp_node *o2 = node(doc, "o2");
    assert_true(o2->result.not_measured);
    assert_false(o2->result.counted);
    assert_false(o2->result.has_achievement);
    near(node(doc, "o1")->result.effective_weight, 100);
    near(node(doc, "s")->result.achievement, 80);
    assert_false(node(doc, "o1")->result.not_measured);
    pp_doc_free(doc);
}

/* Derived: every indicator weighs 0 (they are shown with their scores). */
static void not_measured_zero_weights(void **state)
{
    (void)state;
    pp_doc *doc = doc_of("", AREA_S("peso=\"100\"",
        OP("o1", "peso=\"50\"", IND("x", "100", "N.", "ge", "10", "9"))
        OP("o2", "peso=\"50\"",
           IND("z1", "0", "N.", "ge", "10", "1") IND("z2", "0", "N.", "ge", "10", "2"))));
    assert_non_null(doc);
    assert_true(node(doc, "o2")->result.not_measured);
    assert_string_equal(node(doc, "o2")->result.why_not_counted, "non oggetto di misurazione");
    near(node(doc, "z1")->result.achievement, 10);
    near(node(doc, "s")->result.achievement, 90);
    pp_doc_free(doc);
}

/* ---- score output ----------------------------------------------------------- */

/* What score prints, asserted written. */
static char *scores_as(const pp_doc *doc, pp_format f)
{
    char *buf = scores_printed(doc, f);
    assert_non_null(buf);
    return buf;
}

/* JSON says measured: false and not_completed: true; the text says it in
 * words; CSV keeps its columns (achievement empty where not measured). */
static void score_output(void **state)
{
    (void)state;
    pp_doc *doc = doc_of("", AREA_S("peso=\"100\"",
        OP("o1", "peso=\"100\"",
           DEADLINE("d", "", "<Consuntivo nonCompletato=\"true\"/>"))
        OP("o2", "peso=\"0\" nonMisurato=\"true\"", IND("u", "100", "N.", "ge", "1", "1"))));
    assert_non_null(doc);
    char *json = scores_as(doc, PP_FORMAT_JSON);
    assert_non_null(strstr(json, "\"id\": \"d\", \"code\": null, \"level\": \"indicatore\", "
                                 "\"title\": \"d\", \"parent\": \"o1\", \"weight\": 100, "
                                 "\"effective_weight\": 100, \"actual\": null, \"achievement\": 0, "
                                 "\"band\": null, \"overridden\": false, \"points_lost\": 100, "
                                 "\"measured\": true, \"not_completed\": true}"));
    assert_non_null(strstr(json, "\"achievement\": null, \"band\": null, \"overridden\": false, "
                                 "\"points_lost\": null, \"measured\": false, "
                                 "\"not_completed\": false}"));
    char *text = scores_as(doc, PP_FORMAT_TEXT);
    assert_non_null(strstr(text, "      d  0,00 %  (peso 100,00 %)  (punti persi 100,00)  [non completato]\n"));
    assert_non_null(strstr(text, "      o2  non oggetto di misurazione  (peso 0,00 %)\n"));
    char *csv = scores_as(doc, PP_FORMAT_CSV);
    assert_non_null(strstr(csv, "o2,,operativo,o2,s,0,0,,,,false,\r\n"));
    free(json);
    free(text);
    free(csv);
    pp_doc_free(doc);
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
        cmocka_unit_test(unstated_mix_refused),
        cmocka_unit_test(both_groups_one_mean),
        cmocka_unit_test(operational_only),
        cmocka_unit_test(indicators_only),
        cmocka_unit_test(binary_unless_soglia),
        cmocka_unit_test(soglia_on_equal),
        cmocka_unit_test(date_soglia),
        cmocka_unit_test(soglia_per_year),
        cmocka_unit_test(soglia_refusals),
        cmocka_unit_test(not_completed),
        cmocka_unit_test(not_completed_refusals),
        cmocka_unit_test(not_measured_declared),
        cmocka_unit_test(not_measured_zero_weights),
        cmocka_unit_test(score_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
