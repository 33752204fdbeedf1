/* Size: one objective with 10,000 indicators validates and scores in
 * bounded time (every stage is linear in the input). */
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

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(ten_thousand_indicators)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
