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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(open_tipologia_and_descriptive),
        cmocka_unit_test(approval_by_date_only),
        cmocka_unit_test(unit_required_with_target),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
