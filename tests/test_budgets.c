/* Budgets of a plan: the risorse of the operational objectives under a
 * strategic objective that add up to more than its own are a warning at
 * the strategic objective; within it (to the cent), or where one side
 * gives none, nothing is said. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testdiag.h"
#include "testutil.h"

#define OPERATIONAL(ID, BUDGET)                                                        \
    "      <ObiettivoOperativo id=\"" ID "\" codice=\"" ID "\">\n"                     \
    "        <Titolo>Operativo " ID "</Titolo>\n"                                      \
    "        " BUDGET "\n"                                                             \
    "        <Indicatore id=\"i_" ID "\"><Nome>Pratiche</Nome><Unita>N.</Unita>"        \
    "<Target anno=\"2024\" operatore=\"ge\" valore=\"10\"/></Indicatore>\n"            \
    "      </ObiettivoOperativo>\n"

static const char plan[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<DocumentoPerformance xmlns=\"urn:perfpdf:documento:1\" versione=\"1.0\">\n"
    "  <DatiGenerali><Tipo>piano</Tipo><Titolo>Piano 2024</Titolo>\n"
    "    <AnnoRiferimento>2024</AnnoRiferimento>\n"
    "    <Amministrazione><Denominazione>Comune di Esempio</Denominazione></Amministrazione>\n"
    "  </DatiGenerali>\n"
    "  <Sistema><Aggregazione livello=\"ente\" metodo=\"media\"/>"
    "<Aggregazione livello=\"ambito\" metodo=\"media\"/>"
    "<Aggregazione livello=\"strategico\" metodo=\"media\"/>"
    "<Aggregazione livello=\"operativo\" metodo=\"media\"/></Sistema>\n"
    "  <Albero><Ambito id=\"a1\" codice=\"1\"><Titolo>Servizi</Titolo>\n"
    /* line 9, its Classificazione line 10: exceeded by 0,01 € */
    "    <ObiettivoStrategico id=\"s1\" codice=\"1.1\"><Titolo>Over</Titolo>\n"
    "      <Classificazione risorse=\"100000\"/>\n"
    OPERATIONAL("o1", "<Classificazione risorse=\"60000\"/>")
    OPERATIONAL("o2", "<Classificazione risorse=\"40000.01\"/>")
    "    </ObiettivoStrategico>\n"
    /* exactly its budget, one child without any */
    "    <ObiettivoStrategico id=\"s2\" codice=\"1.2\"><Titolo>Exact</Titolo>\n"
    "      <Classificazione risorse=\"100000.50\"/>\n"
    OPERATIONAL("o3", "<Classificazione risorse=\"60000.25\"/>")
    OPERATIONAL("o4", "<Classificazione risorse=\"40000.25\"/>")
    OPERATIONAL("o5", "")
    "    </ObiettivoStrategico>\n"
    /* no budget of its own: nothing to exceed */
    "    <ObiettivoStrategico id=\"s3\" codice=\"1.3\"><Titolo>None</Titolo>\n"
    OPERATIONAL("o6", "<Classificazione risorse=\"5000\"/>")
    "    </ObiettivoStrategico>\n"
    "  </Ambito></Albero>\n"
    "</DocumentoPerformance>\n";

static void operational_over_strategic(void **state)
{
    (void)state;
    pp_diags d;
    pp_doc *doc = NULL;
    assert_int_equal(open_text(plan, &d, &doc), PP_OK);
    assert_true(has_diag(&d, "10:7: warning: the budgets of the operational objectives of "
                             "'1.1' add up to 100.000,01 €, more than its own 100.000,00 €"));
    assert_int_equal(d.count, 1);
    pp_diags_clear(&d);
    pp_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(operational_over_strategic)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
