/* How documents of other administrations differ (issue items 7-10): open
 * lists (any tipologia, approval by date only, descriptive indicators),
 * changes during the year (Variazione), individual objectives with their
 * own indicators, results per organisational unit. Each document is an
 * XML snippet, validated and scored end to end, with worked figures. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "score_out.h"
#include "testutil.h"

#define near(a, b) assert_float_equal((a), (b), 0.005)

static char *concat3(const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
    char *s = malloc(n);
    snprintf(s, n, "%s%s%s", a, b, c);
    return s;
}

/* Relazione 2022 = head + what follows DatiGenerali (Sistema, Organizzazione,
 * Persone, Albero) + tail. */
static char *relazione(const char *body) { return concat3(DOC_HEAD("relazione"), body, DOC_TAIL); }

static pp_doc *doc_of(const char *body)
{
    char *xml = relazione(body);
    pp_doc *doc = scored(xml);
    free(xml);
    return doc;
}

/* The diagnostics of a document, "LINE:COL: severity: message" per line. */
static char *diagnostics_of(const char *body)
{
    char *xml = relazione(body);
    pp_diags d;
    pp_doc *doc = NULL;
    open_text(xml, &d, &doc);
    size_t cap = 64;
    for (size_t i = 0; i < d.count; i++) cap += strlen(d.items[i].message) + 64;
    char *s = malloc(cap), *o = s;
    *o = '\0';
    for (size_t i = 0; i < d.count; i++) {
        char prefix[DIAG_PREFIX_SIZE];
        diag_prefix(&d.items[i], prefix, sizeof prefix);
        o += sprintf(o, "%s%s\n", prefix, d.items[i].message);
    }
    pp_diags_clear(&d);
    pp_doc_free(doc);
    free(xml);
    return s;
}

static void assert_diag(const char *body, const char *expected_part)
{
    char *got = diagnostics_of(body);
    if (!strstr(got, expected_part)) fprintf(stderr, "got:\n%s\nexpected: %s\n", got, expected_part);
    assert_non_null(strstr(got, expected_part));
    free(got);
}

/* ---- 7. open lists --------------------------------------------------------------- */

/* Any tipologia text; a descriptive indicator (no target, no unit, peso 0)
 * is shown and not counted: 375/400 = 93,75 and 1,57 <= 1,80 = 100 give
 * 96,875 whatever the descriptive one says. */
static void open_tipologia_and_descriptive(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(ONE_OBJECTIVE(
        "<Indicatore id=\"a\" peso=\"50\" tipologia=\"Struttura\"><Nome>a</Nome><Unita>N.</Unita>"
        "<Target anno=\"2022\" operatore=\"ge\" valore=\"400\"/><Consuntivo valore=\"375\"/>"
        "</Indicatore>"
        IND("b", "50", "fte", "le", "1.8", "1.57")
        "<Indicatore id=\"d\" peso=\"0\" tipologia=\"Contesto\"><Nome>Imprese attive</Nome>"
        "<Consuntivo valore=\"12345\"/></Indicatore>"));
    assert_non_null(doc);
    assert_string_equal(node(doc, "a")->ind->tipologia, "Struttura");
    pp_node *d = node(doc, "d");
    assert_int_equal(d->ind->unit, PP_UNIT_NONE);
    assert_false(d->result.counted);
    assert_false(d->result.has_achievement);
    assert_string_equal(d->result.why_not_counted, "indicatore descrittivo (senza target)");
    near(node(doc, "o")->result.achievement, 96.875);
    pp_doc_free(doc);
}

static void approval_by_date_only(void **state)
{
    (void)state;
    const char *xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<DocumentoPerformance xmlns=\"urn:perfpdf:documento:1\" versione=\"1.0\">\n"
        "<DatiGenerali><Tipo>relazione</Tipo><Titolo>Test</Titolo>"
        "<AnnoRiferimento>2022</AnnoRiferimento>"
        "<Amministrazione><Denominazione>Ente</Denominazione></Amministrazione>"
        "<Approvazione><Data>2023-05-30</Data></Approvazione></DatiGenerali>\n" ONE_OBJECTIVE(
            IND("a", "100", "N.", "ge", "10", "10")) DOC_TAIL;
    pp_doc *doc = scored(xml);
    assert_non_null(doc);
    assert_true(doc->has_approval);
    assert_null(doc->approval_organ);
    assert_null(doc->approval_number);
    assert_int_equal(doc->approval_date.d, 30);
    pp_doc_free(doc);
}

static void unit_required_with_target(void **state)
{
    (void)state;
    assert_diag(ONE_OBJECTIVE("<Indicatore id=\"a\" codice=\"A\" peso=\"100\"><Nome>a</Nome>"
                              "<Target anno=\"2022\" operatore=\"ge\" valore=\"1\"/>"
                              "<Consuntivo valore=\"1\"/></Indicatore>"),
                "error: indicator 'A' has a target but no <Unita>: only a descriptive indicator "
                "(without targets) goes without a unit");
}

/* ---- 8. changes during the year ----------------------------------------------------- */

/* Two operational objectives at 60 and 40; the second removed in September.
 * The first: 90 (72 / 80, the revised target) and 93,75 (375 / 400) at 50 %
 * each = 91,875. Not counting the removed one, the strategic objective and
 * the ente are 91,875 (the 60 rescaled to 100); counting it (conteggiato)
 * with 50 (50 / 100) they are 0,6 x 91,875 + 0,4 x 50 = 75,125. */
#define TWO_OBJECTIVES(removal, second_actual)                                                  \
    "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"                                \
    "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>"                            \
    "<ObiettivoOperativo id=\"o1\" codice=\"01_01\" peso=\"60\"><Titolo>O1</Titolo>"            \
    "<Indicatore id=\"i1\" peso=\"50\"><Nome>i1</Nome><Unita>%</Unita>"                         \
    "<Target anno=\"2022\" operatore=\"ge\" valore=\"80\">"                                     \
    "<Revisione valorePrecedente=\"90\" data=\"2022-06-30\"/></Target>"                         \
    "<Consuntivo valore=\"72\"/>"                                                              \
    "<Variazione tipo=\"ridefinizione\" data=\"2022-06-30\" delibera=\"45/22\">"                \
    "<NomePrecedente>Pratiche PEC</NomePrecedente><Motivazione>m</Motivazione></Variazione>"  \
    "</Indicatore>"                                                                           \
    "<Indicatore id=\"i2\" peso=\"50\"><Nome>i2</Nome><Unita>N.</Unita>"                        \
    "<Target anno=\"2022\" operatore=\"ge\" valore=\"400\"/><Consuntivo valore=\"375\"/>"       \
    "<Variazione tipo=\"spostamento\" data=\"2022-03-15\" delibera=\"12\" "                     \
    "obiettivoPrecedente=\"o2\"><Motivazione>m</Motivazione></Variazione>"                      \
    "</Indicatore></ObiettivoOperativo>"                                                      \
    "<ObiettivoOperativo id=\"o2\" codice=\"01_02\" peso=\"40\"><Titolo>O2</Titolo>"            \
    "<Indicatore id=\"i3\" peso=\"100\"><Nome>i3</Nome><Unita>N.</Unita>"                       \
    "<Target anno=\"2022\" operatore=\"ge\" valore=\"100\"/>" second_actual "</Indicatore>"     \
    removal "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>\n"

static void removed_objective_not_counted(void **state)
{
    (void)state;
    /* removed: its indicator needs no consuntivo */
    pp_doc *doc = doc_of(TWO_OBJECTIVES(
        "<Variazione tipo=\"rimozione\" data=\"2022-09-01\"><Motivazione>Sospeso</Motivazione>"
        "</Variazione>",
        ""));
    assert_non_null(doc);
    near(node(doc, "i1")->result.achievement, 90.00);
    near(node(doc, "o1")->result.achievement, 91.875);
    pp_node *o2 = node(doc, "o2");
    assert_false(o2->result.counted);
    assert_string_equal(o2->result.why_not_counted, "rimosso in corso d'anno");
    near(node(doc, "o1")->result.effective_weight, 100.00);
    near(doc->root->result.achievement, 91.875);
    /* the move resolved to the objective it came from */
    const pp_change *mv = &node(doc, "i2")->changes[0];
    assert_int_equal(mv->kind, PP_CHANGE_MOVE);
    assert_ptr_equal(mv->from, o2);
    assert_string_equal(mv->delibera, "12");
    assert_int_equal(node(doc, "i1")->changes[0].kind, PP_CHANGE_REDEFINITION);
    assert_string_equal(node(doc, "i1")->changes[0].old_name, "Pratiche PEC");
    pp_doc_free(doc);
}

static void removed_objective_counted_by_choice(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(TWO_OBJECTIVES(
        "<Variazione tipo=\"rimozione\" data=\"2022-09-01\" conteggiato=\"true\">"
        "<Motivazione>Sospeso; conta quanto fatto fino a settembre</Motivazione></Variazione>",
        "<Consuntivo valore=\"50\"/>"));
    assert_non_null(doc);
    pp_node *o2 = node(doc, "o2");
    assert_true(o2->result.counted);
    near(o2->result.achievement, 50.00);
    near(doc->root->result.achievement, 75.125);
    pp_doc_free(doc);
}

static void removal_needs_reason_inside_year(void **state)
{
    (void)state;
    assert_diag(TWO_OBJECTIVES("<Variazione tipo=\"rimozione\" data=\"2023-01-10\"/>", ""),
                "error: Variazione of '01_02' dated 2023-01-10: a change during the year must "
                "fall inside 2022");
    assert_diag(TWO_OBJECTIVES("<Variazione tipo=\"rimozione\" data=\"2022-10-01\"/>", ""),
                "error: Variazione tipo=\"rimozione\" of '01_02' needs its reason (<Motivazione>)");
}

/* ---- 9. individual objectives with their own indicators ------------------------------- */

/* Maria: the tree's "o" (375 / 400 = 93,75) at 60 and her own objective at
 * 40 with 90 h of 120 (75,00) and a deadline met (100) at 50 % each =
 * 87,50; total 0,6 x 93,75 + 0,4 x 87,5 = 91,25. Luca: "o" and "s" with no
 * weights: plain mean 93,75. */
#define PEOPLE                                                                                   \
    "<Persone><Persona id=\"maria\"><Nome>Maria Rossi</Nome>"                                     \
    "<ObiettivoIndividuale rif=\"o\" peso=\"60\"/>"                                                \
    "<ObiettivoIndividuale id=\"own\" codice=\"IND_01\" peso=\"40\"><Titolo>Formazione</Titolo>"   \
    "<Indicatore id=\"h\" peso=\"50\"><Nome>Ore</Nome><Unita>h</Unita>"                            \
    "<Target anno=\"2022\" operatore=\"ge\" valore=\"120\"/><Consuntivo valore=\"90\"/></Indicatore>" \
    "<Indicatore id=\"p\" peso=\"50\"><Nome>Piano</Nome><Unita>data</Unita>"                       \
    "<Target anno=\"2022\" operatore=\"entro\" data=\"2022-03-31\"/>"                              \
    "<Consuntivo data=\"2022-03-20\"/></Indicatore>"                                              \
    "</ObiettivoIndividuale></Persona>"                                                          \
    "<Persona id=\"luca\"><Nome>Luca Bianchi</Nome><ObiettivoIndividuale rif=\"o\"/>"              \
    "<ObiettivoIndividuale rif=\"s\"/></Persona></Persone>\n"

static void person_total_with_own_objective(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(PEOPLE ONE_OBJECTIVE(IND("i", "100", "N.", "ge", "400", "375")));
    assert_non_null(doc);
    const pp_person *maria = &doc->people[0], *luca = &doc->people[1];
    pp_node *own = maria->objectives[1].own;
    assert_non_null(own);
    assert_null(own->parent);
    near(own->children[0]->result.achievement, 75.00);
    near(own->result.achievement, 87.50);
    near(maria->objectives[1].effective_weight, 40.00);
    assert_true(maria->has_total);
    near(maria->total, 91.25);
    near(luca->total, 93.75);
    near(luca->objectives[0].effective_weight, 50.00);
    /* the tree does not see the own objective */
    near(doc->root->result.achievement, 93.75);
    pp_doc_free(doc);
}

/* The totals reach score --format json and csv. */
static void person_total_in_score_output(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(PEOPLE ONE_OBJECTIVE(IND("i", "100", "N.", "ge", "400", "375")));
    assert_non_null(doc);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_true(pp_write_scores(doc, PP_FORMAT_JSON, f));
    fclose(f);
    assert_non_null(strstr(buf, "{\"person\": \"maria\", \"name\": \"Maria Rossi\", \"unit\": null, "
                                "\"achievement\": 91.25"));
    assert_non_null(strstr(buf, "{\"objective\": \"own\", \"own\": true, \"weight\": 40"));
    free(buf);
    f = open_memstream(&buf, &len);
    assert_true(pp_write_scores(doc, PP_FORMAT_CSV, f));
    fclose(f);
    assert_non_null(strstr(buf, "\r\nown,IND_01,operativo,Formazione,maria,40,40,,87.5,"));
    assert_non_null(strstr(buf, "\r\nmaria,,persona,Maria Rossi,,,,,91.25,"));
    free(buf);
    pp_doc_free(doc);
}

/* A removed objective (50 %) assigned to a person counts for the person no
 * more than for the tree: the total is o1's 91,875. */
static void person_total_leaves_out_removed(void **state)
{
    (void)state;
    pp_doc *doc = doc_of("<Persone><Persona id=\"x\"><Nome>X</Nome>"
                         "<ObiettivoIndividuale rif=\"o1\"/><ObiettivoIndividuale rif=\"o2\"/>"
                         "</Persona></Persone>\n" TWO_OBJECTIVES(
                             "<Variazione tipo=\"rimozione\" data=\"2022-09-01\">"
                             "<Motivazione>Sospeso</Motivazione></Variazione>",
                             "<Consuntivo valore=\"50\"/>"));
    assert_non_null(doc);
    near(node(doc, "o2")->result.achievement, 50.00);
    near(doc->people[0].total, 91.875);
    near(doc->people[0].objectives[0].effective_weight, 100.00);
    near(doc->people[0].objectives[1].effective_weight, 0.00);
    pp_doc_free(doc);
}

static void person_weights_sum(void **state)
{
    (void)state;
    assert_diag("<Persone><Persona id=\"x\"><Nome>X</Nome><ObiettivoIndividuale rif=\"o\" "
                "peso=\"50\"/><ObiettivoIndividuale rif=\"s\" peso=\"40\"/></Persona></Persone>"
                ONE_OBJECTIVE(IND("i", "100", "N.", "ge", "1", "1")),
                "error: the weights of the objectives of 'x' sum to 90.00, not 100");
}

/* ---- 10. results per organisational unit --------------------------------------------- */

/* Unit "u" answers for the strategic objective "s" (0,6 x 93,75 + 0,4 x 50
 * = 76,25) and for its operational objective "o2" (50 / 100 = 50), which
 * weighs 40 in "s": the unit's result is the plain mean (76,25 + 50) / 2 =
 * 63,125, whatever the weights. Unit "v" answers only for "o3", which
 * weighs 0: shown, not counted, so "v" has no result. */
static void unit_result_is_plain_mean(void **state)
{
    (void)state;
    pp_doc *doc = doc_of(
        "<Organizzazione><Unita id=\"u\" tipo=\"area\">Area</Unita>"
        "<Unita id=\"v\" tipo=\"ufficio\" padre=\"u\">Ufficio</Unita></Organizzazione>\n"
        "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"
        "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>"
        "<Classificazione unita=\"u\"/>"
        "<ObiettivoOperativo id=\"o1\" peso=\"60\"><Titolo>O1</Titolo>"
        IND("i1", "100", "N.", "ge", "400", "375") "</ObiettivoOperativo>"
        "<ObiettivoOperativo id=\"o2\" peso=\"40\"><Titolo>O2</Titolo>"
        "<Classificazione unita=\"u\"/>" IND("i2", "100", "N.", "ge", "100", "50")
        "</ObiettivoOperativo>"
        "<ObiettivoOperativo id=\"o3\" peso=\"0\"><Titolo>O3</Titolo>"
        "<Classificazione unita=\"v\"/>" IND("i3", "100", "N.", "ge", "10", "10")
        "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>\n");
    assert_non_null(doc);
    near(node(doc, "s")->result.achievement, 76.25); /* 0,6 x 93,75 + 0,4 x 50 */
    const pp_unit_org *u = &doc->units[0], *v = &doc->units[1];
    assert_int_equal(u->nobjectives, 2);
    assert_int_equal(u->ncounted, 2);
    assert_true(u->has_result);
    near(u->result, (76.25 + 50) / 2);
    assert_int_equal(v->nobjectives, 1); /* o3 weighs 0: shown, not counted */
    assert_int_equal(v->ncounted, 0);
    assert_false(v->has_result);
    pp_doc_free(doc);
}

/* ---- all together: fixtures/esempio-variazioni.xml ------------------------------------- */

/* Ente = 0,7 x 91,875 (01: 01_01 alone, 01_02 removed) + 0,3 x 60 (02,
 * removed but counted: 12 of 20) = 82,3125; Maria 0,6 x 91,875 + 0,4 x
 * 87,5 = 90,125; the Area answers for 01 and 01_01: 91,875. */
static void the_sample_document(void **state)
{
    (void)state;
    pp_diags d;
    pp_diags_init(&d, "esempio-variazioni.xml");
    pp_doc *doc = NULL;
    pp_status st =
        pp_open_document(PP_SOURCE_DIR "/fixtures/esempio-variazioni.xml", &d, &doc);
    assert_int_equal(d.count, 0);
    pp_diags_clear(&d);
    assert_int_equal(st, PP_OK);
    pp_score(doc);
    near(doc->root->result.achievement, 82.3125);
    assert_true(node(doc, "s2")->result.counted);
    assert_false(node(doc, "o2")->result.counted);
    near(doc->people[0].total, 90.125);
    near(doc->units[0].result, 91.875);
    assert_false(doc->units[1].has_result);
    assert_null(doc->approval_number);
    pp_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(open_tipologia_and_descriptive),
        cmocka_unit_test(approval_by_date_only),
        cmocka_unit_test(unit_required_with_target),
        cmocka_unit_test(removed_objective_not_counted),
        cmocka_unit_test(removed_objective_counted_by_choice),
        cmocka_unit_test(removal_needs_reason_inside_year),
        cmocka_unit_test(person_total_with_own_objective),
        cmocka_unit_test(person_total_in_score_output),
        cmocka_unit_test(person_total_leaves_out_removed),
        cmocka_unit_test(person_weights_sum),
        cmocka_unit_test(unit_result_is_plain_mean),
        cmocka_unit_test(the_sample_document),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
