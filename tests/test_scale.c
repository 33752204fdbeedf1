/* Size: one objective with 10,000 indicators validates and scores in
 * bounded time (every stage is linear in the input); so do the shapes
 * that once were quadratic: a long chain of units, many targets of one
 * year, a paragraph of many pieces of text. Each of those is checked at
 * n and 4n: near-linear is about 4 times, more than 10 times fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>

#include "testutil.h"

static char *ten_thousand(void)
{
    size_t cap = 10000 * 256 + 4096, n = 0;
    char *s = malloc(cap);
    n += (size_t)snprintf(s + n, cap - n, "%s", DOC_HEAD("relazione"));
    n += (size_t)snprintf(s + n, cap - n,
                          "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"
                          "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>"
                          "<ObiettivoOperativo id=\"o\" peso=\"100\"><Titolo>O</Titolo>\n");
    for (int i = 0; i < 10000; i++)
        n += (size_t)snprintf(s + n, cap - n,
                              "<Indicatore id=\"i%d\" codice=\"K%05d\" peso=\"0.01\"><Nome>Indicatore %d"
                              "</Nome><Unita>N.</Unita><Target anno=\"2022\" operatore=\"ge\" "
                              "valore=\"100\"/><Consuntivo valore=\"%d\"/></Indicatore>\n",
                              i, i, i, i % 2 ? 100 : 50);
    snprintf(s + n, cap - n, "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>%s",
             DOC_TAIL);
    return s;
}

static void ten_thousand_indicators(void **state)
{
    (void)state;
    char *xml = ten_thousand();
    clock_t t0 = clock();
    pp_doc *doc = scored(xml);
    double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_non_null(doc);
    assert_int_equal(node(doc, "o")->nchildren, 10000);
    assert_float_equal(doc->root->result.achievement, 75, 1e-6);
    assert_float_equal(node(doc, "i1")->result.effective_weight, 0.01, 1e-9);
    assert_true(seconds < 5); /* about 0.2 s here; generous for sanitizer builds */
    pp_doc_free(doc);
    free(xml);
}

/* ---- n and 4n ------------------------------------------------------------------ */

/* A growable string for the documents below. */
typedef struct {
    char *s;
    size_t n, cap;
} buf;

static void put(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (b->n + (size_t)n + 1 > b->cap) {
        b->cap = (b->n + (size_t)n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

typedef char *(*make_doc)(size_t n);

/* Validates the document of size n; its errors in *errors. */
static double validate_seconds(make_doc make, size_t n, size_t *errors)
{
    char *xml = make(n);
    pp_diags d;
    pp_doc *doc = NULL;
    clock_t t0 = clock();
    open_text(xml, &d, &doc);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    *errors = d.errors;
    pp_diags_clear(&d);
    pp_doc_free(doc);
    free(xml);
    return s;
}

/* Time at 4n within 10 times the time at n (plus a little, so that
 * times too short to measure do not decide). */
static void near_linear(const char *what, make_doc make, size_t n, size_t want_n,
                        size_t want_4n)
{
    size_t e1, e4;
    double t1 = validate_seconds(make, n, &e1), t4 = validate_seconds(make, 4 * n, &e4);
    fprintf(stderr, "%s: %zu: %.3f s, %zu: %.3f s\n", what, n, t1, 4 * n, t4);
    assert_int_equal(e1, want_n);
    assert_int_equal(e4, want_4n);
    assert_true(t4 < 10 * t1 + 0.05);
}

/* n units, each the parent of the next, and two that form a cycle: each
 * unit used to be walked up to the root (20 s for 32,000). */
static char *unit_chain(size_t n)
{
    buf b = {0};
    put(&b, "%s<Organizzazione>", DOC_HEAD("relazione"));
    for (size_t i = 0; i < n; i++) {
        put(&b, "<Unita id=\"u%zu\" tipo=\"ufficio\"", i);
        if (i) put(&b, " padre=\"u%zu\"", i - 1);
        put(&b, ">Ufficio</Unita>\n");
    }
    put(&b, "<Unita id=\"x\" tipo=\"area\" padre=\"y\">X</Unita>"
            "<Unita id=\"y\" tipo=\"area\" padre=\"x\">Y</Unita></Organizzazione>\n");
    put(&b, "%s%s", ONE_OBJECTIVE(IND("i", "100", "N.", "ge", "1", "1")), DOC_TAIL);
    return b.s;
}

static void long_unit_chain(void **state)
{
    (void)state;
    near_linear("units nested", unit_chain, 10000, 2, 2);
}

/* n targets of one year: each was compared with all those before it, and
 * reported once per earlier one (5 billion errors for 100,000). */
static char *same_year_targets(size_t n)
{
    buf b = {0};
    put(&b, "%s%s", DOC_HEAD("relazione"),
        "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"
        "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>"
        "<ObiettivoOperativo id=\"o\" peso=\"100\"><Titolo>O</Titolo>"
        "<Indicatore id=\"i\" peso=\"100\"><Nome>I</Nome><Unita>N.</Unita>\n");
    for (size_t i = 0; i < n; i++) put(&b, "<Target anno=\"2022\" operatore=\"ge\" valore=\"1\"/>\n");
    put(&b, "<Consuntivo valore=\"1\"/></Indicatore></ObiettivoOperativo></ObiettivoStrategico>"
            "</Ambito></Albero>%s", DOC_TAIL);
    return b.s;
}

static void many_targets_of_one_year(void **state)
{
    (void)state;
    near_linear("targets of one year", same_year_targets, 10000, 9999, 39999);
}

/* A paragraph of n pieces of text split by empty elements: each piece was joined
 * to a copy of the text before it (32,000 pieces: 780 MB, 2 s). */
static char *split_paragraph(size_t n)
{
    buf b = {0};
    put(&b, "%s%s<Testi><Sezione><Titolo>T</Titolo><Paragrafo>", DOC_HEAD("relazione"),
        ONE_OBJECTIVE(IND("i", "100", "N.", "ge", "1", "1")));
    for (size_t i = 0; i < n; i++) put(&b, "testo <Corsivo/>");
    put(&b, "</Paragrafo></Sezione></Testi>%s", DOC_TAIL);
    return b.s;
}

static void paragraph_of_many_pieces(void **state)
{
    (void)state;
    near_linear("pieces of a paragraph", split_paragraph, 50000, 0, 0);
    char *xml = split_paragraph(1000);
    pp_doc *doc = scored(xml);
    free(xml);
    assert_non_null(doc);
    const pp_rich *r = &doc->sections[0].blocks[0].text;
    assert_int_equal(r->nspans, 1);
    assert_int_equal(strlen(r->spans[0].text), 6 * 1000 - 1);
    pp_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(ten_thousand_indicators),
                                       cmocka_unit_test(long_unit_chain),
                                       cmocka_unit_test(many_targets_of_one_year),
                                       cmocka_unit_test(paragraph_of_many_pieces)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
