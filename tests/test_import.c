/* CSV -> document: the tree, ids, weights, values, and every problem at the
 * row and column of the spreadsheet. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export.h"
#include "import.h"
#include "testutil.h"

#define FIX PP_SOURCE_DIR "/fixtures/"

typedef struct {
    pp_diags csv, tpl;
    char *xml;
    size_t len;
    pp_status st;
} run;

static void import_text(run *r, const char *csv, const pp_import_opts *opts)
{
    pp_import_opts o = opts ? *opts : (pp_import_opts){0};
    o.csv_path = "t.csv";
    pp_diags_init(&r->csv, "t.csv");
    pp_diags_init(&r->tpl, "template.xml");
    r->st = pp_import_mem(&o, csv, strlen(csv), &r->csv, &r->tpl, &r->xml, &r->len);
}

static void import_file(run *r, const char *path, const pp_import_opts *opts)
{
    pp_import_opts o = opts ? *opts : (pp_import_opts){0};
    o.csv_path = path;
    pp_diags_init(&r->csv, path);
    pp_diags_init(&r->tpl, "template.xml");
    r->st = pp_import(&o, &r->csv, &r->tpl, &r->xml, &r->len);
}

static void done(run *r)
{
    free(r->xml);
    pp_diags_clear(&r->csv);
    pp_diags_clear(&r->tpl);
}

/* The produced document, scored. */
static pp_doc *open_result(const run *r)
{
    if (r->st != PP_OK) {
        pp_diags_print(&r->csv, stderr);
        pp_diags_print(&r->tpl, stderr);
        return NULL;
    }
    return scored_n(r->xml, r->len);
}

#define HEAD "ambito_titolo;strategico_codice;strategico_titolo;operativo_codice;operativo_titolo;" \
             "indicatore_codice;indicatore_nome;unita_misura;operatore;target_2023;indicatore_peso;" \
             "consuntivo;motivo_nd\n"

static void excel_plan(void **state)
{
    (void)state;
    run r;
    pp_import_opts o = {.ente = "Comune di Esempio"};
    import_file(&r, FIX "csv/piano-2023-excel.csv", &o);
    pp_doc *doc = open_result(&r);
    assert_non_null(doc);
    assert_int_equal(doc->kind, PP_DOC_PIANO);
    assert_int_equal(doc->year, 2023);
    assert_int_equal(doc->span_from, 2023);
    assert_int_equal(doc->span_to, 2025);
    assert_string_equal(doc->title, "Piano della performance 2023-2025");
    assert_string_equal(doc->admin_name, "Comune di Esempio");
    assert_int_equal(doc->root->nchildren, 2);
    assert_true(doc->root->children[0]->weight == 50); /* none given: equal */
    pp_node *ver = node(doc, "i_VER_01");
    assert_non_null(ver);
    assert_true(ver->ind->targets[0].value == 1234567.89);
    assert_int_equal(ver->ind->unit, PP_UNIT_EURO);
    pp_node *amb = node(doc, "i_AMB_01");
    assert_true(amb->ind->targets[1].value == 67.5);
    pp_node *deadline = node(doc, "i_AMB_02");
    assert_int_equal(deadline->ind->targets[0].op, PP_OP_ENTRO);
    assert_int_equal(deadline->ind->targets[0].date.m, 6);
    pp_node *man = node(doc, "i_MAN_02");
    assert_true(man->ind->has_soglia && man->ind->soglia == 10);
    assert_int_equal(man->nnotes, 2); /* one per line of the cell */
    assert_string_equal(man->notes[1], "Valore 2022: 6 gg");
    assert_string_equal(node(doc, "o_1.1.1")->title, "Manutenzione delle strade");
    pp_doc_free(doc);
    done(&r);
}

/* What LibreOffice (Italian locale, ';' and ',') and Excel (ANSI) write
 * of the same sheet reads as the same plan. */
static void same_plan_from_every_spreadsheet(void **state)
{
    (void)state;
    const char *files[] = {FIX "csv/piano-2023-libreoffice-semicolon.csv",
                           FIX "csv/piano-2023-libreoffice-comma.csv",
                           FIX "csv/piano-2023-excel-ansi.csv"};
    run ref;
    import_file(&ref, FIX "csv/piano-2023-excel.csv", NULL);
    pp_doc *a = open_result(&ref);
    assert_non_null(a);
    for (size_t i = 0; i < 3; i++) {
        run r;
        import_file(&r, files[i], NULL);
        pp_doc *b = open_result(&r);
        assert_non_null(b);
        assert_string_equal(node(b, "i_VER_01")->title, node(a, "i_VER_01")->title);
        assert_true(node(b, "i_VER_01")->ind->targets[0].value == 1234567.89);
        assert_true(node(b, "i_AMB_01")->ind->targets[0].value == 65);
        assert_string_equal(node(b, "o_1.2.1")->title, "Raccolta differenziata");
        assert_int_equal(b->root->children[0]->children[0]->nchildren, 2);
        pp_doc_free(b);
        done(&r);
    }
    pp_doc_free(a);
    done(&ref);
}

static void relazione_with_values(void **state)
{
    (void)state;
    run r;
    import_text(&r, HEAD "A;1;S;1.1;O;X 1;Uno;N.;>=;\"1.000\";50;\"1.200\";\n"
                         "A;1;S;1.1;O;X 2;Due;%;<=;\"5,5\";50;N/D;non rilevato\n", NULL);
    pp_doc *doc = open_result(&r);
    assert_non_null(doc);
    assert_int_equal(doc->kind, PP_DOC_RELAZIONE); /* consuntivi given */
    assert_string_equal(doc->title, "Relazione sulla performance 2023");
    pp_node *one = node(doc, "i_X_1"); /* the code made an id */
    assert_non_null(one);
    assert_true(one->ind->actual.value == 1200);
    pp_node *two = node(doc, "i_X_2");
    assert_int_equal(two->ind->actual.kind, PP_ACTUAL_ND);
    assert_string_equal(two->ind->actual.nd_reason, "non rilevato");
    assert_true(doc->root->result.achievement == 100);
    pp_doc_free(doc);
    done(&r);
}

/* Every mistake of the sheet in one run, at its row and column. */
static void all_errors_at_their_cells(void **state)
{
    (void)state;
    run r;
    import_text(&r, HEAD "A;1;S;1.1;O;X1;;N.;>=;\"0,5\";50;;\n"
                         "A;1;S;1.1;O;X2;Due;km;>=;10;50;;\n"
                         "A;1;S;1.1;O;X3;Tre;N.;circa;10;50;;\n"
                         "A;1;S;1.1;O;X4;Quattro;N.;>=;dieci;50;;\n"
                         "A;1;S;1.1;O;X5;Cinque;N.;>=;10;50;N/D;\n"
                         "A;1;S;1.1;O;X6;Sei;data;>=;30/06/2023;50;;\n"
                         "A;1;S;1.1;O;X7;Sette;N.;>=;1.8;50;;\n",
                NULL);
    assert_int_equal(r.st, PP_ERR_INPUT);
    assert_true(has_diag(&r.csv, "2:7: error: indicatore_nome: the indicator has no name"));
    assert_true(has_diag(&r.csv, "3:8: error: unita_misura: 'km' is not a unit (N., %, €, gg, h, "
                                 "fte, data)"));
    assert_true(has_diag(&r.csv, "4:9: error: operatore: 'circa' is not an operator (>=, <=, =, "
                                 ">, <, entro)"));
    assert_true(has_diag(&r.csv, "5:10: error: target_2023: 'dieci' is not a number (this file "
                                 "writes numbers as 1.234,56)"));
    assert_true(has_diag(&r.csv, "6:12: error: consuntivo: N/D needs the reason, in the column "
                                 "motivo_nd"));
    assert_true(has_diag(&r.csv, "7:10: error: target_2023: '30/06/2023' is a date: a deadline is "
                                 "written 'Entro dd/mm/yyyy'"));
    assert_true(has_diag(&r.csv, "8:10: error: target_2023: '1.8' is not a number (this file "
                                 "writes numbers as 1.234,56)"));
    assert_null(r.xml);
    done(&r);
}

/* Dates of years a document cannot hold are refused at their cells, said
 * so; they used to go through as year 22 or 2300. */
static void dates_out_of_range(void **state)
{
    (void)state;
    run r;
    import_text(&r, HEAD "A;1;S;1.1;O;X1;Uno;data;entro;30/06/2300;50;01/07/2023;\n"
                         "A;1;S;1.1;O;X2;Due;data;entro;30/06/2023;50;15/07/0023;\n",
                NULL);
    assert_int_equal(r.st, PP_ERR_INPUT);
    assert_true(has_diag(&r.csv, "2:10: error: target_2023: '30/06/2300' has a year out of range "
                                 "(1900-2199)"));
    assert_true(has_diag(&r.csv, "3:12: error: consuntivo: '15/07/0023' has a year out of range "
                                 "(1900-2199)"));
    assert_null(r.xml);
    done(&r);
}

/* Problems only the document shows (here the weights) still name the
 * spreadsheet's row and column. */
static void document_errors_at_rows(void **state)
{
    (void)state;
    run r;
    import_text(&r, HEAD "A;1;S;1.1;O;X1;Uno;N.;>=;10;50;;\n"
                         "A;1;S;1.1;O;X2;Due;N.;>=;10;40;;\n", NULL);
    assert_int_equal(r.st, PP_ERR_INPUT);
    assert_true(has_diag(&r.csv, "2:4: error: the weights of the indicators of '1.1' sum to 90.00, "
                                 "not 100 (allowed rounding: 1.000)"));
    done(&r);
}

static void weights(void **state)
{
    (void)state;
    run r;
    import_text(&r, HEAD "A;1;S;1.1;O;X1;Uno;N.;>=;10;;;\n"
                         "A;1;S;1.1;O;X2;Due;N.;>=;10;;;\n"
                         "A;1;S;1.1;O;X3;Tre;N.;>=;10;;;\n", NULL);
    pp_doc *doc = open_result(&r);
    assert_non_null(doc);
    assert_true(node(doc, "i_X1")->weight == 33.34);
    assert_true(node(doc, "i_X2")->weight == 33.33);
    pp_doc_free(doc);
    done(&r);
    import_text(&r, HEAD "A;1;S;1.1;O;X1;Uno;N.;>=;10;60;;\n"
                         "A;1;S;1.1;O;X2;Due;N.;>=;10;;;\n", NULL);
    assert_true(has_diag(&r.csv, "3:11: error: no peso: give one to all the indicators of '1.1', "
                                 "or to none (equal weights)"));
    done(&r);
}

static void ids(void **state)
{
    (void)state;
    run r;
    import_text(&r, "ambito_titolo;strategico_titolo;operativo_titolo;indicatore_id;"
                    "indicatore_codice;indicatore_nome;unita_misura;target_2023\n"
                    "A;S;O;;REGISTRO IMPRESE_03;Uno;N.;>= 1\n"
                    "A;S;O;;REGISTRO IMPRESE_03;Due;N.;>= 1\n"
                    "A;S;O;;;Tre;N.;>= 1\n"
                    "A;S;O;mio_id;;Quattro;N.;>= 1\n", NULL);
    pp_doc *doc = open_result(&r);
    assert_non_null(doc);
    assert_non_null(node(doc, "i_REGISTRO_IMPRESE_03"));
    assert_non_null(node(doc, "i_REGISTRO_IMPRESE_03_2")); /* codes repeat, ids do not */
    assert_string_equal(node(doc, "i_1_1_1_3")->title, "Tre"); /* by position */
    assert_string_equal(node(doc, "mio_id")->title, "Quattro");
    assert_non_null(node(doc, "o_1_1_1"));
    pp_doc_free(doc);
    done(&r);
    import_text(&r, "ambito_titolo;strategico_titolo;indicatore_id;indicatore_nome;unita_misura;"
                    "target_2023\n"
                    "A;S;x;Uno;N.;>= 1\n"
                    "A;S;x;Due;N.;>= 1\n"
                    "A;S;1x;Tre;N.;>= 1\n", NULL);
    assert_true(has_diag(&r.csv, "3:3: error: indicatore_id: id 'x' is already used at row 2"));
    assert_true(has_diag(&r.csv, "4:3: error: indicatore_id: '1x' is not a valid id (a letter or "
                                 "'_' first, then letters, digits, '.', '-', '_')"));
    done(&r);
}

static void objectives_must_agree(void **state)
{
    (void)state;
    run r;
    import_text(&r, "ambito_codice;ambito_titolo;strategico_titolo;indicatore_nome;unita_misura;"
                    "target_2023\n"
                    "1;Area uno;S;Uno;N.;>= 1\n"
                    "1;Area due;S;Due;N.;>= 1\n"
                    "2;Area;;Tre;N.;>= 1\n", NULL);
    assert_int_equal(r.st, PP_ERR_INPUT);
    assert_true(has_diag(&r.csv, "3:2: error: ambito_titolo: 'Area due' here, 'Area uno' at row 2 "
                                 "for the same ambito"));
    assert_true(has_diag(&r.csv, "4:3: error: the row names no strategic objective (its id, codice "
                                 "or titolo)"));
    done(&r);
}

static void header_problems(void **state)
{
    (void)state;
    run r;
    import_text(&r, "titolo;nome\nx;y\n", NULL);
    assert_int_equal(r.st, PP_ERR_INPUT);
    assert_true(has_diag(&r.csv, "1:1: error: no column naming the ambito (ambito_titolo or "
                                 "ambito_codice)"));
    assert_true(has_diag(&r.csv, "1:1: error: no column unita_misura (N., %, €, gg, h, fte, data)"));
    assert_true(has_diag(&r.csv, "1:1: warning: unknown column 'titolo': ignored"));
    done(&r);
}

/* With ComposizioneStrategica, a strategic objective's own indicators and
 * its operational objectives are weighed apart: equal weights per group. */
static void mixed_strategic_weights(void **state)
{
    (void)state;
    const char *tpl = PP_BUILD_DIR "/test_import_mix.xml";
    FILE *f = fopen(tpl, "wb");
    assert_non_null(f);
    fputs(DOC_HEAD("piano") "<Sistema><ComposizioneStrategica operativi=\"40\" indicatori=\"60\"/>"
          "</Sistema>" ONE_OBJECTIVE(IND_ND("x", "100")) DOC_TAIL, f);
    fclose(f);
    run r;
    pp_import_opts o = {.template_path = tpl};
    import_text(&r, "ambito_titolo;strategico_titolo;operativo_titolo;indicatore_nome;unita_misura;"
                    "target_2022\n"
                    "A;S;;Strategico 1;N.;>= 1\n"
                    "A;S;;Strategico 2;N.;>= 1\n"
                    "A;S;O;Operativo;N.;>= 1\n", &o);
    pp_doc *doc = open_result(&r);
    assert_non_null(doc);
    assert_true(node(doc, "i_1_1_1")->weight == 50);
    assert_true(node(doc, "o_1_1_3")->weight == 100);
    pp_doc_free(doc);
    done(&r);
}

/* The Pistoia-Prato Relazione exported, imported back with itself as the
 * template: the same tree, node by node. */
static void pistoia_round_trip(void **state)
{
    (void)state;
    pp_diags d;
    pp_diags_init(&d, "pistoia");
    pp_doc *orig = NULL;
    assert_int_equal(pp_open_document(FIX "pistoia-prato-relazione-2022.xml", &d, &orig), PP_OK);
    pp_diags_clear(&d);
    pp_score(orig);
    char *csv = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&csv, &len);
    assert_true(pp_export(orig, PP_EXPORT_CSV_IT, mem));
    fclose(mem);
    run r;
    pp_import_opts o = {.template_path = FIX "pistoia-prato-relazione-2022.xml"};
    import_text(&r, csv, &o);
    pp_doc *back = open_result(&r);
    assert_non_null(back);
    assert_int_equal(r.csv.errors + r.tpl.errors, 0);
    assert_string_equal(back->title, orig->title);
    assert_int_equal(back->npeople, orig->npeople);
    assert_int_equal(back->nsections, orig->nsections);
    for (size_t i = 0; i < orig->root->nchildren; i++)
        assert_string_equal(back->root->children[i]->id, orig->root->children[i]->id);
    assert_true(back->root->result.achievement == orig->root->result.achievement);
    pp_node *o1 = node(orig, "i_03_01_05_06"), *b1 = node(back, "i_03_01_05_06");
    assert_true(b1->result.overridden && b1->result.achievement == o1->result.achievement);
    pp_doc_free(back);
    pp_doc_free(orig);
    free(csv);
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(excel_plan),
        cmocka_unit_test(same_plan_from_every_spreadsheet),
        cmocka_unit_test(relazione_with_values),
        cmocka_unit_test(all_errors_at_their_cells),
        cmocka_unit_test(dates_out_of_range),
        cmocka_unit_test(document_errors_at_rows),
        cmocka_unit_test(weights),
        cmocka_unit_test(ids),
        cmocka_unit_test(objectives_must_agree),
        cmocka_unit_test(header_problems),
        cmocka_unit_test(mixed_strategic_weights),
        cmocka_unit_test(pistoia_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
