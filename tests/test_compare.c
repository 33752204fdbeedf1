/* compare/: the Piano as adopted against the Relazione. The fixture pair
 * (piano-piccolo-2024.xml, valpiccola-relazione-2024.xml) gives its exact
 * list of differences; small documents in memory show the matching by
 * code and by title, a change covered without an act, the refusals, and
 * the JSON and CSV forms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "compare.h"
#include "testutil.h"

#define PIANO PP_SOURCE_DIR "/fixtures/piano-piccolo-2024.xml"
#define RELAZIONE PP_SOURCE_DIR "/fixtures/valpiccola-relazione-2024.xml"

/* ---- helpers ------------------------------------------------------------------- */

static pp_doc *open_file(const char *path)
{
    pp_diags d;
    pp_diags_init(&d, path);
    pp_doc *doc = NULL;
    pp_status st = pp_open_document(path, &d, &doc);
    if (st != PP_OK) pp_diags_print(&d, stderr);
    assert_int_equal(st, PP_OK);
    pp_diags_clear(&d);
    return doc;
}

static pp_doc *open_mem(const char *xml, const char *name)
{
    pp_diags d;
    pp_diags_init(&d, name);
    pp_doc *doc = NULL;
    pp_status st = pp_open_document_mem(xml, strlen(xml), name, &d, &doc);
    if (st != PP_OK) pp_diags_print(&d, stderr);
    assert_int_equal(st, PP_OK);
    pp_diags_clear(&d);
    return doc;
}

/* A pair compared, kept for the assertions. */
typedef struct {
    pp_doc *piano, *rel;
    pp_arena *arena;
    pp_diags d;
    pp_compare_result r;
    pp_status st;
} pair;

static void compare(pair *p, pp_doc *piano, pp_doc *rel)
{
    p->piano = piano;
    p->rel = rel;
    p->arena = pp_arena_new();
    assert_non_null(p->arena);
    pp_diags_init(&p->d, "rel.xml");
    p->st = pp_compare(piano, rel, p->arena, &p->r, &p->d);
}

static void pair_free(pair *p)
{
    pp_diags_clear(&p->d);
    pp_arena_free(p->arena);
    pp_doc_free(p->piano);
    pp_doc_free(p->rel);
}

static void assert_str(const char *got, const char *want)
{
    if (!want) assert_null(got);
    else {
        assert_non_null(got);
        assert_string_equal(got, want);
    }
}

/* ---- the fixture pair ------------------------------------------------------------ */

typedef struct {
    const char *kind, *code, *old_value, *new_value;
    bool recorded;
    const char *delibera;
    int piano_line, rel_line;
} expected;

static const expected fixture_diffs[] = {
    {"peso", "1.1", "100 %", "70 %", false, NULL, 50, 64},
    {"target", "PAT_01", "70 %", "65 %", true, "48/24", 57, 70},
    {"peso", "1.1.1", "60 %", "100 %", false, NULL, 61, 79},
    {"target", "SCU_01", "3 N.", "2 N.", false, NULL, 68, 85},
    {"rimosso", "SCU_02", NULL, "rimosso (non conteggiato)", true, "52/24", 72, 90},
    {"aggiunto", "1.2", NULL, NULL, false, NULL, 0, 102},
    {"spostato", "1.1.2", "1.1", "1.2", true, "40/24", 79, 104},
    {"peso", "1.1.2", "40 %", "100 %", true, "40/24", 79, 104},
    {"peso", "ILL_01", "100 %", "70 %", true, "44/24", 82, 106},
    {"unita", "ILL_01", "%", "N.", true, "44/24", 82, 106},
    {"algoritmo", "ILL_01", "punti luce a LED / punti luce totali \u00d7 100",
     "punti luce sostituiti con lampade a LED nell'anno", true, "44/24", 82, 106},
    {"target", "ILL_01", "40 %", "600 N.", true, "44/24", 86, 110},
    {"aggiunto", "ILL_02", NULL, NULL, false, NULL, 0, 125},
    {"titolo", "2.1.1", "Pratiche edilizie online", "Pratiche edilizie digitali", false, NULL,
     101, 142},
    {"nome", "DIG_02", "Tempo medio di rilascio del permesso di costruire",
     "Giorni medi per il rilascio del permesso di costruire", true, "31/24", 112, 144},
    {"peso", "DIG_02", "50 %", "100 %", true, "31/24", 112, 144},
    {"operatore", "PAR_01", ">=", ">", false, NULL, 129, 165},
    {"rimosso", "DIG_01", NULL, NULL, false, NULL, 104, 0},
};

static void fixture_pair(void **state)
{
    (void)state;
    pair p;
    compare(&p, open_file(PIANO), open_file(RELAZIONE));
    assert_int_equal(p.st, PP_OK);
    assert_int_equal(p.d.count, 0);
    size_t n = sizeof fixture_diffs / sizeof fixture_diffs[0];
    assert_int_equal(p.r.count, n);
    assert_int_equal(p.r.unrecorded, 8);
    assert_int_equal(p.r.year, 2024);
    for (size_t i = 0; i < n; i++) {
        const expected *e = &fixture_diffs[i];
        const pp_difference *df = &p.r.items[i];
        assert_string_equal(pp_diff_kind_name(df->kind, df->level), e->kind);
        assert_string_equal(df->code, e->code);
        assert_str(df->old_value, e->old_value);
        assert_str(df->new_value, e->new_value);
        assert_int_equal(df->recorded, e->recorded);
        assert_str(df->delibera, e->delibera);
        assert_int_equal(df->piano_pos.line, e->piano_line);
        assert_int_equal(df->rel_pos.line, e->rel_line);
        /* the side without the node has no node */
        assert_int_equal(df->piano_node != NULL, e->piano_line != 0);
        assert_int_equal(df->rel_node != NULL, e->rel_line != 0);
    }
    /* the act's date and where the Relazione records it */
    const pp_difference *pat = &p.r.items[1];
    assert_int_equal(pat->date.y, 2024);
    assert_int_equal(pat->date.m, 6);
    assert_int_equal(pat->date.d, 20);
    assert_int_equal(pat->record_pos.line, 71);
    char *rec = pp_difference_record_text(pat, p.arena);
    assert_string_equal(rec, "delibera n. 48/24 del 20/06/2024");
    assert_string_equal(pp_difference_record_text(&p.r.items[0], p.arena), "non registrata");
    assert_string_equal(pp_difference_describe(&p.r.items[3], p.arena),
                        "target: indicatore SCU_01 \"Plessi scolastici adeguati alla normativa "
                        "antincendio\": 3 N. -> 2 N.");
    assert_string_equal(pp_difference_describe(&p.r.items[5], p.arena),
                        "aggiunto: obiettivo strategico 1.2 \"Transizione energetica\"");
    pair_free(&p);
}

/* ---- documents in memory ------------------------------------------------------- */

#define HEAD_SPAN(kind, year, from, to, ente)                                               \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                          \
    "<DocumentoPerformance xmlns=\"urn:perfpdf:documento:1\" versione=\"1.0\">\n"           \
    "<DatiGenerali><Tipo>" kind "</Tipo><Titolo>T</Titolo>"                                 \
    "<AnnoRiferimento>" year "</AnnoRiferimento><Triennio da=\"" from "\" a=\"" to "\"/>"   \
    "<Amministrazione><Denominazione>" ente "</Denominazione></Amministrazione>"             \
    "</DatiGenerali>\n"
#define HEAD(kind, year, ente) HEAD_SPAN(kind, year, "2022", "2024", ente)

/* One area, one strategic and one operational objective around ind. */
#define TREE(ids, codes, titles, ind)                                                     \
    "<Albero><Ambito id=\"a" ids "\" codice=\"A" codes "\" peso=\"100\"><Titolo>Area " titles \
    "</Titolo>\n<ObiettivoStrategico id=\"s" ids "\" codice=\"S" codes "\" peso=\"100\">"   \
    "<Titolo>Strategia " titles "</Titolo>\n<ObiettivoOperativo id=\"o" ids "\" codice=\"O" \
    codes "\" peso=\"100\"><Titolo>Azione " titles "</Titolo>\n" ind                          \
    "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>\n"

#define PIANO_IND                                                                          \
    "<Indicatore id=\"i\" codice=\"I1\" peso=\"100\"><Nome>Pratiche evase</Nome>"          \
    "<Unita>N.</Unita><Target anno=\"2023\" operatore=\"ge\" valore=\"10\"/></Indicatore>\n"

#define PIANO_DOC                                                                          \
    HEAD("piano", "2022", "Comune di Prova") TREE("", "1", "uno", PIANO_IND) DOC_TAIL

static pp_doc *piano_doc(void) { return open_mem(PIANO_DOC, "piano.xml"); }

/* Ids differ: the nodes are matched by code, so nothing is added or
 * removed; the new Nome of the indicator is a change of its own. */
static void match_by_code(void **state)
{
    (void)state;
    static const char rel[] =
        HEAD("relazione", "2023", "Comune di Prova")
        TREE("x", "1", "uno",
             "<Indicatore id=\"ix\" codice=\"I1\" peso=\"100\"><Nome>Pratiche chiuse</Nome>"
             "<Unita>N.</Unita><Target anno=\"2023\" operatore=\"ge\" valore=\"10\"/>"
             "<Consuntivo valore=\"12\"/></Indicatore>\n") DOC_TAIL;
    pair p;
    compare(&p, piano_doc(), open_mem(rel, "rel.xml"));
    assert_int_equal(p.st, PP_OK);
    assert_int_equal(p.r.count, 1);
    const pp_difference *df = &p.r.items[0];
    assert_int_equal(df->kind, PP_DIFF_TITLE);
    assert_string_equal(df->old_value, "Pratiche evase");
    assert_string_equal(df->new_value, "Pratiche chiuse");
    assert_false(df->recorded);
    assert_false(df->record_found);
    assert_int_equal(p.r.unrecorded, 1);
    pair_free(&p);
}

/* Neither ids nor codes agree: titles do, but for case and blanks. */
static void match_by_title(void **state)
{
    (void)state;
    static const char rel[] =
        HEAD("relazione", "2023", "Comune di Prova")
        "<Albero><Ambito id=\"k1\" codice=\"K1\" peso=\"100\"><Titolo>AREA  uno</Titolo>\n"
        "<ObiettivoStrategico id=\"k2\" codice=\"K2\" peso=\"100\"><Titolo> strategia uno"
        "</Titolo>\n<ObiettivoOperativo id=\"k3\" codice=\"K3\" peso=\"100\"><Titolo>Azione\n"
        " Uno</Titolo>\n"
        "<Indicatore id=\"k4\" codice=\"K4\" peso=\"100\"><Nome>pratiche EVASE</Nome>"
        "<Unita>N.</Unita><Target anno=\"2023\" operatore=\"ge\" valore=\"10\"/>"
        "<Consuntivo valore=\"12\"/></Indicatore>\n"
        "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>\n" DOC_TAIL;
    pair p;
    compare(&p, piano_doc(), open_mem(rel, "rel.xml"));
    assert_int_equal(p.st, PP_OK);
    assert_int_equal(p.r.count, 0);
    pair_free(&p);
    /* one title that differs in a word: the indicator no longer matches */
    static const char other[] =
        HEAD("relazione", "2023", "Comune di Prova")
        TREE("", "1", "uno",
             "<Indicatore id=\"k4\" codice=\"K4\" peso=\"100\"><Nome>Pratiche avviate</Nome>"
             "<Unita>N.</Unita><Target anno=\"2023\" operatore=\"ge\" valore=\"10\"/>"
             "<Consuntivo valore=\"12\"/></Indicatore>\n") DOC_TAIL;
    compare(&p, piano_doc(), open_mem(other, "rel.xml"));
    assert_int_equal(p.r.count, 2);
    assert_int_equal(p.r.items[0].kind, PP_DIFF_ADDED);
    assert_string_equal(p.r.items[0].code, "K4");
    assert_int_equal(p.r.items[1].kind, PP_DIFF_REMOVED);
    assert_string_equal(p.r.items[1].code, "I1");
    assert_int_equal(p.r.unrecorded, 2);
    pair_free(&p);
}

/* A Relazione whose indicator I1 has the target 8 for 2023 (the Piano's
 * is 10), with the Revisione of the given attributes. */
#define REL_REVISED(revision_attrs)                                                        \
    HEAD("relazione", "2023", "Comune di Prova")                                           \
    TREE("", "1", "uno",                                                                   \
         "<Indicatore id=\"i\" codice=\"I1\" peso=\"100\"><Nome>Pratiche evase</Nome>"     \
         "<Unita>N.</Unita><Target anno=\"2023\" operatore=\"ge\" valore=\"8\">"            \
         "<Revisione " revision_attrs "/></Target>"                                         \
         "<Consuntivo valore=\"9\"/></Indicatore>\n") DOC_TAIL

/* A target revised with a date but without a delibera: found, yet not
 * recorded by an act. A deadline moved, with its act: recorded. */
static void revision_without_act(void **state)
{
    (void)state;
    static const char rel[] = REL_REVISED("valorePrecedente=\"10\" data=\"2023-05-02\"");
    pair p;
    compare(&p, piano_doc(), open_mem(rel, "rel.xml"));
    assert_int_equal(p.r.count, 1);
    const pp_difference *df = &p.r.items[0];
    assert_int_equal(df->kind, PP_DIFF_TARGET);
    assert_string_equal(df->old_value, "10 N.");
    assert_string_equal(df->new_value, "8 N.");
    assert_true(df->record_found);
    assert_false(df->recorded);
    assert_int_equal(p.r.unrecorded, 1);
    assert_string_equal(pp_difference_record_text(df, p.arena),
                        "non registrata (variazione del 02/05/2023 senza delibera)");
    pair_free(&p);
}

/* A target revised by an act whose valorePrecedente is not the Piano's
 * (12 where the Piano adopted 10): the act revised another target, so the
 * change is not recorded; the same act stating 10 records it. */
static void revision_of_another_value(void **state)
{
    (void)state;
    static const char other[] =
        REL_REVISED("valorePrecedente=\"12\" delibera=\"7/23\" data=\"2023-05-02\"");
    pair p;
    compare(&p, piano_doc(), open_mem(other, "rel.xml"));
    assert_int_equal(p.r.count, 1);
    const pp_difference *df = &p.r.items[0];
    assert_int_equal(df->kind, PP_DIFF_TARGET);
    assert_false(df->recorded);
    assert_true(df->record_found);
    assert_string_equal(df->record_prior, "12 N.");
    assert_int_equal(p.r.unrecorded, 1);
    assert_string_equal(pp_difference_record_text(df, p.arena),
                        "non registrata (la delibera n. 7/23 del 02/05/2023 rivede 12 N., non il "
                        "valore del Piano)");
    pair_free(&p);

    static const char same[] =
        REL_REVISED("valorePrecedente=\"10\" delibera=\"7/23\" data=\"2023-05-02\"");
    compare(&p, piano_doc(), open_mem(same, "rel.xml"));
    assert_int_equal(p.r.count, 1);
    assert_true(p.r.items[0].recorded);
    assert_null(p.r.items[0].record_prior);
    assert_int_equal(p.r.unrecorded, 0);
    pair_free(&p);
}

/* ---- refusals -------------------------------------------------------------------- */

static void refused(const char *piano_xml, const char *rel_xml, const char *diag)
{
    pair p;
    compare(&p, open_mem(piano_xml, "piano.xml"), open_mem(rel_xml, "rel.xml"));
    assert_int_equal(p.st, PP_ERR_INPUT);
    assert_int_equal(p.r.count, 0);
    assert_true(has_diag(&p.d, diag));
    pair_free(&p);
}

#define REL_SPAN(year, from, to, ente)                                                     \
    HEAD_SPAN("relazione", year, from, to, ente)                                           \
    TREE("", "1", "uno",                                                                   \
         "<Indicatore id=\"i\" codice=\"I1\" peso=\"100\"><Nome>Pratiche evase</Nome>"     \
         "<Unita>N.</Unita><Target anno=\"" year "\" operatore=\"ge\" valore=\"10\"/>"     \
         "<Consuntivo valore=\"12\"/></Indicatore>\n") DOC_TAIL
#define REL_OK(year, ente) REL_SPAN(year, "2022", "2024", ente)

/* The same tree, the same target for the year: nothing changed. */
static void no_change(void **state)
{
    (void)state;
    pair p;
    compare(&p, piano_doc(), open_mem(REL_OK("2023", "Comune  di prova"), "rel.xml"));
    assert_int_equal(p.st, PP_OK);
    assert_int_equal(p.r.count, 0);
    assert_int_equal(p.r.unrecorded, 0);
    assert_int_equal(p.d.count, 0);
    pair_free(&p);
}

static void refusals(void **state)
{
    (void)state;
    refused(REL_OK("2023", "Comune di Prova"), REL_OK("2023", "Comune di Prova"),
            "0:0: error: piano.xml is a Relazione, not a Piano: the Piano comes first, then the "
            "Relazione");
    refused(PIANO_DOC, PIANO_DOC,
            "0:0: error: rel.xml is a Piano, not a Relazione: the Piano comes first, then the "
            "Relazione");
    refused(PIANO_DOC, REL_OK("2023", "Comune di Altrove"),
            "0:0: error: the Relazione is of 'Comune di Altrove', the Piano of 'Comune di Prova': "
            "another administration");
    refused(PIANO_DOC, REL_SPAN("2025", "2025", "2027", "Comune di Prova"),
            "3:55: error: the Relazione is of 2025, outside the Piano's Triennio 2022-2024");
}

/* ---- output ---------------------------------------------------------------------- */

static char *written(const pp_compare_result *r, pp_compare_format f)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    assert_non_null(mem);
    assert_true(pp_compare_write(r, f, mem));
    assert_int_equal(fclose(mem), 0);
    return text;
}

static void formats(void **state)
{
    (void)state;
    pair p;
    compare(&p, open_file(PIANO), open_file(RELAZIONE));
    char *text = written(&p.r, PP_CMP_TEXT);
    assert_non_null(strstr(text, "piano-piccolo-2024.xml:68 -> "));
    assert_non_null(strstr(text, "valpiccola-relazione-2024.xml:85: target: indicatore SCU_01 "
                                 "\"Plessi scolastici adeguati alla normativa antincendio\": "
                                 "3 N. -> 2 N.; NON REGISTRATA\n"));
    assert_non_null(strstr(text, "(assente): rimosso: indicatore DIG_01"));
    assert_non_null(strstr(text, "\n18 variazioni, di cui 8 non registrate\n"));
    free(text);
    char *json = written(&p.r, PP_CMP_JSON);
    assert_non_null(strstr(json, "\"year\": 2024,\n  \"changes\": 18,\n  \"unrecorded\": 8,"));
    assert_non_null(strstr(
        json, "{\"kind\": \"target\", \"level\": \"indicatore\", \"code\": \"PAT_01\", "
              "\"title\": \"Edifici pubblici con certificato di agibilità aggiornato\", "
              "\"old\": \"70 %\", \"new\": \"65 %\", \"recorded\": true, \"delibera\": "
              "\"48/24\", \"date\": \"20/06/2024\", \"revised_value\": null, "
              "\"piano_line\": 57, \"piano_col\": 11, "
              "\"relazione_line\": 70, \"relazione_col\": 11}"));
    assert_non_null(strstr(json, "\"piano_line\": null, \"piano_col\": null, "
                                 "\"relazione_line\": 102"));
    free(json);
    char *csv = written(&p.r, PP_CMP_CSV);
    assert_true(strncmp(csv, "kind,level,code,title,old,new,recorded,delibera,date,piano_file,"
                             "piano_line,relazione_file,relazione_line,revised_value\r\n",
                        114) == 0);
    assert_non_null(strstr(csv, "\r\noperatore,indicatore,PAR_01,Consultazioni pubbliche "
                                "online,>=,>,false,,,"));
    assert_non_null(strstr(csv, "\r\nrimosso,indicatore,DIG_01,Pratiche edilizie presentate "
                                "online,,,false,,,"));
    free(csv);
    /* nothing changed: said in words, and an empty list */
    pp_compare_result none = {"p.xml", "r.xml", 2024, NULL, 0, 0};
    char *t = written(&none, PP_CMP_TEXT);
    assert_string_equal(t, "Nessuna variazione rispetto al Piano\n");
    free(t);
    char *j = written(&none, PP_CMP_JSON);
    assert_non_null(strstr(j, "\"differences\": []\n}\n"));
    free(j);
    pair_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixture_pair),  cmocka_unit_test(no_change),
        cmocka_unit_test(match_by_code), cmocka_unit_test(match_by_title),
        cmocka_unit_test(revision_without_act),
        cmocka_unit_test(revision_of_another_value), cmocka_unit_test(refusals),
        cmocka_unit_test(formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
