/* CSV as spreadsheets save it, and Italian values in its cells. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "columns.h"
#include "csv.h"
#include "datawrite.h"
#include "parse_it.h"
#include "testutil.h"

/* Parses text; diagnostics into d (initialised here). */
static pp_status parse(const char *text, pp_diags *d, pp_csv **t)
{
    pp_diags_init(d, "t.csv");
    return pp_csv_parse(text, strlen(text), d, t);
}

static void excel_italian(void **state)
{
    (void)state;
    pp_diags d;
    pp_csv *t;
    assert_int_equal(parse("\xEF\xBB\xBF" "codice;peso\r\nA;1.234,56\r\nB;\"97,98 %\"\r\n", &d, &t),
                     PP_OK);
    assert_true(t->bom);
    assert_int_equal(t->delimiter, ';');
    assert_int_equal(t->nrows, 3);
    assert_string_equal(t->rows[0].fields[0], "codice"); /* no BOM left in it */
    assert_string_equal(t->rows[1].fields[1], "1.234,56");
    assert_string_equal(t->rows[2].fields[1], "97,98 %");
    assert_int_equal(t->rows[2].line, 3);
    assert_int_equal(d.count, 0);
    pp_csv_free(t);
    pp_diags_clear(&d);
}

static void delimiter_detection(void **state)
{
    (void)state;
    pp_diags d;
    pp_csv *t;
    assert_int_equal(parse("a,b,\"c;d\"\n1,2,3\n", &d, &t), PP_OK);
    assert_int_equal(t->delimiter, ',');
    assert_int_equal(t->rows[0].nfields, 3);
    assert_string_equal(t->rows[0].fields[2], "c;d");
    pp_csv_free(t);
    pp_diags_clear(&d);
    assert_int_equal(parse("a\tb\n1\t2\n", &d, &t), PP_OK);
    assert_int_equal(t->delimiter, '\t');
    pp_csv_free(t);
    pp_diags_clear(&d);
    /* Excel's first line naming the delimiter: it is row 1 */
    assert_int_equal(parse("sep=,\r\na;b,c\r\n", &d, &t), PP_OK);
    assert_int_equal(t->delimiter, ',');
    assert_int_equal(t->nrows, 1);
    assert_int_equal(t->rows[0].line, 2);
    assert_string_equal(t->rows[0].fields[0], "a;b");
    pp_csv_free(t);
    pp_diags_clear(&d);
}

static void quotes_and_new_lines(void **state)
{
    (void)state;
    pp_diags d;
    pp_csv *t;
    const char *text = "a;b;c\r\n"
                       "\"x;y\";\"line 1\nline 2\";\"say \"\"hi\"\"\"\r\n"
                       "  \"spaced\";;\r\n"
                       "last;row;without end";
    assert_int_equal(parse(text, &d, &t), PP_OK);
    assert_int_equal(t->nrows, 4);
    assert_string_equal(t->rows[1].fields[0], "x;y");
    assert_string_equal(t->rows[1].fields[1], "line 1\nline 2");
    assert_string_equal(t->rows[1].fields[2], "say \"hi\"");
    assert_int_equal(t->rows[2].line, 3); /* a new line in a cell is still row 2 */
    assert_string_equal(t->rows[2].fields[0], "spaced");
    assert_string_equal(pp_csv_field(&t->rows[2], 2), "");
    assert_string_equal(pp_csv_field(&t->rows[2], 9), ""); /* past the end */
    assert_string_equal(t->rows[3].fields[2], "without end");
    pp_csv_free(t);
    pp_diags_clear(&d);
}

static void line_ends(void **state)
{
    (void)state;
    pp_diags d;
    pp_csv *t;
    assert_int_equal(parse("a;b\r\n1;2\n3;4\r5;6\r\n\r\n", &d, &t), PP_OK);
    assert_int_equal(t->nrows, 5);
    assert_string_equal(t->rows[3].fields[1], "6");
    assert_true(pp_csv_row_blank(&t->rows[4]));
    assert_false(pp_csv_row_blank(&t->rows[3]));
    pp_csv_free(t);
    pp_diags_clear(&d);
}

static void windows_1252(void **state)
{
    (void)state;
    pp_diags d;
    pp_csv *t;
    assert_int_equal(parse("unit\xe0;costo\n\x80;caff\xe8\n", &d, &t), PP_OK);
    assert_true(t->cp1252);
    assert_string_equal(t->rows[0].fields[0], "unit\xC3\xA0");
    assert_string_equal(t->rows[1].fields[0], "\xE2\x82\xAC");
    assert_string_equal(t->rows[1].fields[1], "caff\xC3\xA8");
    assert_true(has_diag(&d, "0:0: warning: not UTF-8: read as Windows-1252 (save as \"CSV UTF-8\" "
                             "to be sure)"));
    pp_csv_free(t);
    pp_diags_clear(&d);
}

/* Every problem of a broken file, each at its row and column. */
static void broken_file(void **state)
{
    (void)state;
    pp_diags d;
    pp_csv *t = NULL;
    const char *text = "\xEF\xBB\xBF" "a;b;c\n"
                       "1;\"x\"y;3\n"
                       "2;\xC3\x28;4\x01\n"
                       "3;4;\"open\n"
                       "and never closed\n";
    assert_int_equal(parse(text, &d, &t), PP_ERR_INPUT);
    assert_non_null(t); /* what could be read, for the caller to check further */
    assert_int_equal(t->nrows, 4);
    assert_string_equal(t->rows[3].fields[2], "open\nand never closed\n");
    pp_csv_free(t);
    assert_int_equal(d.errors, 4);
    assert_true(has_diag(&d, "2:2: error: text after the closing quote: a quote inside a quoted "
                             "field is written \"\""));
    assert_true(has_diag(&d, "3:2: error: invalid UTF-8 text: save the sheet as \"CSV UTF-8\""));
    assert_true(has_diag(&d, "3:3: error: a control character (U+0001) in the cell: a document "
                             "cannot hold it"));
    assert_true(has_diag(&d, "4:3: error: unterminated quoted field: the closing \" is missing"));
    pp_diags_clear(&d);
}

static void not_csv(void **state)
{
    (void)state;
    pp_diags d;
    pp_csv *t;
    assert_int_equal(parse("PK\x03\x04zipped", &d, &t), PP_ERR_INPUT);
    assert_true(has_diag(&d, "0:0: error: this is a spreadsheet (.xlsx / .ods), not a CSV file: "
                             "save it as CSV"));
    pp_diags_clear(&d);
    pp_diags_init(&d, "t.csv");
    assert_int_equal(pp_csv_parse("\xFF\xFE" "a\0;\0", 6, &d, &t), PP_ERR_INPUT);
    assert_true(has_diag(&d, "0:0: error: UTF-16 text: save the sheet as \"CSV UTF-8\" (or CSV "
                             "with ';')"));
    pp_diags_clear(&d);
    pp_diags_init(&d, "t.csv");
    assert_int_equal(pp_csv_parse("a;b\n\0;1\n", 8, &d, &t), PP_ERR_INPUT);
    pp_diags_clear(&d);
}

static void bounded(void **state)
{
    (void)state;
    size_t n = PP_CSV_MAX_FIELD + 10;
    char *text = malloc(n + 8);
    assert_non_null(text);
    memcpy(text, "a;b\nx;", 6);
    memset(text + 6, 'z', n);
    text[6 + n] = '\0';
    pp_diags d;
    pp_csv *t;
    assert_int_equal(parse(text, &d, &t), PP_ERR_INPUT);
    assert_true(has_diag(&d, "2:2: error: field longer than 100000 characters"));
    assert_int_equal(strlen(t->rows[1].fields[1]), PP_CSV_MAX_FIELD); /* the first part */
    pp_csv_free(t);
    pp_diags_clear(&d);
    /* columns */
    size_t cols = PP_CSV_MAX_FIELDS + 5, o = 0;
    char *wide = malloc(cols * 2 + 2);
    assert_non_null(wide);
    for (size_t i = 0; i < cols; i++) wide[o++] = 'x', wide[o++] = ';';
    wide[o] = '\0';
    assert_int_equal(parse(wide, &d, &t), PP_ERR_INPUT);
    assert_true(has_diag(&d, "1:1001: error: more than 1000 columns"));
    assert_int_equal(t->rows[0].nfields, PP_CSV_MAX_FIELDS);
    pp_csv_free(t);
    pp_diags_clear(&d);
    free(wide);
    free(text);
}

static void italian_numbers(void **state)
{
    (void)state;
    pp_number n;
    assert_true(pp_parse_number_it("1.234,56", PP_NUMSTYLE_IT, &n));
    assert_true(n.value == 1234.56);
    assert_string_equal(n.text, "1234.56");
    assert_int_equal(n.decimals, 2);
    assert_true(pp_parse_number_it("97,98 %", PP_NUMSTYLE_IT, &n));
    assert_true(n.value == 97.98 && n.percent);
    assert_true(pp_parse_number_it("-0,5", PP_NUMSTYLE_IT, &n));
    assert_string_equal(n.text, "-0.5");
    assert_true(pp_parse_number_it("\xE2\x88\x92" "3", PP_NUMSTYLE_IT, &n)); /* U+2212 */
    assert_true(n.value == -3);
    assert_true(pp_parse_number_it(" \xE2\x82\xAC 1.000,00 ", PP_NUMSTYLE_IT, &n));
    assert_string_equal(n.text, "1000.00");
    assert_true(pp_parse_number_it("16,40 fte", PP_NUMSTYLE_IT, &n));
    assert_true(pp_parse_number_it("1.234", PP_NUMSTYLE_IT, &n));
    assert_true(n.value == 1234);
    assert_true(pp_parse_number_it("1.234", PP_NUMSTYLE_C, &n));
    assert_true(n.value == 1.234);
    assert_true(pp_parse_number_it("1.8", PP_NUMSTYLE_C, &n));
    assert_true(pp_parse_number_it("-0", PP_NUMSTYLE_C, &n));
    assert_string_equal(n.text, "0");
    assert_true(pp_parse_number_it("0,5", PP_NUMSTYLE_ANY, &n) && n.value == 0.5);
    assert_true(pp_parse_number_it("1.234.567", PP_NUMSTYLE_ANY, &n) && n.value == 1234567);
    assert_true(pp_parse_number_it("1.8", PP_NUMSTYLE_ANY, &n) && n.value == 1.8);
    const char *bad_it[] = {"1.8", "12.34,5", "1,2,3", "", "abc", "12abc", "1.234.56", ",", "5.",
                            "1e5", "--1", "12 34"};
    for (size_t i = 0; i < sizeof bad_it / sizeof *bad_it; i++)
        assert_false(pp_parse_number_it(bad_it[i], PP_NUMSTYLE_IT, &n));
    assert_false(pp_parse_number_it("0,5", PP_NUMSTYLE_C, &n));
    assert_false(pp_parse_number_it("1234567890123456789012345678901", PP_NUMSTYLE_C, &n));
}

static void not_available(void **state)
{
    (void)state;
    const char *yes[] = {"N/D", "nd", "n.d.", " N/D\xC2\xA0", "Non disponibile"};
    const char *no[] = {"", "0", "N/A", "nda", "N/D 2022"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) assert_true(pp_is_nd(yes[i]));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) assert_false(pp_is_nd(no[i]));
}

static void number_styles(void **state)
{
    (void)state;
    assert_int_equal(pp_number_style("0,5"), PP_NUMSTYLE_IT);
    assert_int_equal(pp_number_style("1.234.567"), PP_NUMSTYLE_IT);
    assert_int_equal(pp_number_style("1.8"), PP_NUMSTYLE_C);
    assert_int_equal(pp_number_style("1.234"), PP_NUMSTYLE_ANY);
    assert_int_equal(pp_number_style("12"), PP_NUMSTYLE_ANY);
    assert_int_equal(pp_number_style("30.06.2022"), PP_NUMSTYLE_ANY);
    assert_int_equal(pp_number_style("N/D"), PP_NUMSTYLE_ANY);
}

static void italian_dates(void **state)
{
    (void)state;
    pp_date d;
    char b[11];
    assert_true(pp_parse_date_it("30/06/2022", &d));
    pp_date_format_iso(d, b);
    assert_string_equal(b, "2022-06-30");
    assert_true(pp_parse_date_it("1/7/22", &d) && d.y == 2022 && d.m == 7 && d.d == 1);
    assert_true(pp_parse_date_it("2022-06-30", &d) && d.d == 30);
    assert_true(pp_parse_date_it("30.06.2022", &d));
    assert_true(pp_parse_date_it("30-06-2022 00:00:00", &d));
    assert_true(pp_parse_date_it("2022-06-30T00:00", &d));
    assert_false(pp_parse_date_it("31/02/2022", &d));
    assert_false(pp_parse_date_it("30/06/2022x", &d));
    assert_false(pp_parse_date_it("30/06-2022", &d));
    assert_false(pp_parse_date_it("30/06/202", &d));
    assert_false(pp_parse_date_it("400", &d));
    /* a date of a year no document can hold: refused, and said so */
    assert_false(pp_parse_date_it("30/06/2300", &d));
    assert_false(pp_parse_date_it("30/06/0022", &d));
    assert_false(pp_parse_date_it("1850-06-30", &d));
    assert_true(pp_parse_date_it("29/02/2024", &d));
    assert_string_equal(pp_date_it_problem("30/06/2300"), "has a year out of range (1900-2199)");
    assert_string_equal(pp_date_it_problem("1850-06-30"), "has a year out of range (1900-2199)");
    assert_null(pp_date_it_problem("30/06/2022"));
    assert_null(pp_date_it_problem("31/02/2300"));
    assert_null(pp_date_it_problem("dieci"));
}

/* csv-it neutralises text cells a spreadsheet would run as formulas, and
 * reading such a file gives back the texts exactly; plain csv is exact. */
static void spreadsheet_guard(void **state)
{
    (void)state;
    static const struct {
        const char *text, *it;
    } cases[] = {
        {"=1+1", "'=1+1"},
        {"+39 anni", "'+39 anni"},
        {"-5", "'-5"}, /* a text that looks like a number is a text */
        {"@SUM(A1)", "'@SUM(A1)"},
        {"\tx", "'\tx"},
        {"'=x", "''=x"},
        {"''x", "'''x"},
        {"'abc", "'abc"}, /* an apostrophe before a letter: as it is */
        {"a=b", "a=b"},
        {"=a;b", "\"'=a;b\""},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&buf, &len);
        pp_csv_write_text(m, cases[i].text, ';', true);
        fclose(m);
        assert_string_equal(buf, cases[i].it);
        free(buf);
        m = open_memstream(&buf, &len); /* plain csv: untouched */
        pp_csv_write_text(m, cases[i].text, ',', false);
        fclose(m);
        assert_string_equal(buf, cases[i].text);
        free(buf);
        /* read back from a ';' file (csv-it): the guard comes off */
        char text[256];
        snprintf(text, sizeof text, "nome;x\r\n%s;1\r\n", cases[i].it);
        pp_diags d;
        pp_csv *t;
        assert_int_equal(parse(text, &d, &t), PP_OK);
        assert_string_equal(pp_csv_field(&t->rows[1], 0), cases[i].text);
        pp_csv_free(t);
        pp_diags_clear(&d);
    }
    /* a plain ',' file keeps every apostrophe; with a BOM it is a csv-it
     * saved again with ',' */
    pp_diags d;
    pp_csv *t;
    assert_int_equal(parse("nome,x\r\n'=x,1\r\n''y,2\r\n", &d, &t), PP_OK);
    assert_string_equal(pp_csv_field(&t->rows[1], 0), "'=x");
    assert_string_equal(pp_csv_field(&t->rows[2], 0), "''y");
    pp_csv_free(t);
    pp_diags_clear(&d);
    assert_int_equal(parse("\xEF\xBB\xBF" "nome,x\r\n'=x,1\r\n", &d, &t), PP_OK);
    assert_string_equal(pp_csv_field(&t->rows[1], 0), "=x");
    pp_csv_free(t);
    pp_diags_clear(&d);
}

static void operators_and_units(void **state)
{
    (void)state;
    pp_op op;
    pp_unit u;
    const char *rest;
    assert_true(pp_parse_op_it(">=", &op) && op == PP_OP_GE);
    assert_true(pp_parse_op_it("\xE2\x89\xA4", &op) && op == PP_OP_LE);
    assert_true(pp_parse_op_it("=", &op) && op == PP_OP_EQ);
    assert_true(pp_parse_op_it("lt", &op) && op == PP_OP_LT);
    assert_true(pp_parse_op_it("Entro", &op) && op == PP_OP_ENTRO);
    assert_false(pp_parse_op_it("legge", &op));
    assert_true(pp_parse_op_prefix("Entro 30/06/2022", &op, &rest) && op == PP_OP_ENTRO);
    assert_string_equal(rest, "30/06/2022");
    assert_true(pp_parse_op_prefix(">= 400", &op, &rest) && op == PP_OP_GE);
    assert_string_equal(rest, "400");
    assert_true(pp_parse_unit_it("N.", &u) && u == PP_UNIT_N);
    assert_true(pp_parse_unit_it("giorni", &u) && u == PP_UNIT_DAYS);
    assert_true(pp_parse_unit_it("FTE", &u) && u == PP_UNIT_FTE);
    assert_true(pp_parse_unit_it("\xE2\x82\xAC", &u) && u == PP_UNIT_EURO);
    assert_true(pp_parse_unit_it("data", &u) && u == PP_UNIT_DATE);
    assert_false(pp_parse_unit_it("km", &u));
}

static void headers(void **state)
{
    (void)state;
    char b[64];
    pp_header_normalise("Unità di misura", b, sizeof b);
    assert_string_equal(b, "unita_di_misura");
    pp_header_normalise("  Target 2023 ", b, sizeof b);
    assert_string_equal(b, "target_2023");
    pp_diags d;
    pp_csv *t;
    assert_int_equal(parse("Codice obiettivo strategico;Unità di misura;Target 2023;PESO;Colore;"
                           "Peso indicatore\n", &d, &t), PP_OK);
    pp_header h;
    pp_header_read(&t->rows[0], &h, &d);
    assert_int_equal(pp_header_col(&h, PP_LEVEL_STRATEGICO, PP_F_CODICE), 1);
    assert_int_equal(pp_header_col(&h, PP_LEVEL_INDICATORE, PP_F_UNITA_MISURA), 2);
    assert_int_equal(h.ntargets, 1);
    assert_int_equal(h.targets[0].year, 2023);
    assert_int_equal(pp_header_col(&h, PP_LEVEL_INDICATORE, PP_F_PESO), 4);
    assert_true(has_diag(&d, "1:5: warning: unknown column 'Colore': ignored"));
    assert_true(has_diag(&d, "1:6: error: column 'Peso indicatore' repeats column 4 "
                             "('indicatore_peso')"));
    pp_csv_free(t);
    pp_diags_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(excel_italian),       cmocka_unit_test(delimiter_detection),
        cmocka_unit_test(quotes_and_new_lines), cmocka_unit_test(line_ends),
        cmocka_unit_test(windows_1252),        cmocka_unit_test(broken_file),
        cmocka_unit_test(not_csv),             cmocka_unit_test(bounded),
        cmocka_unit_test(italian_numbers),     cmocka_unit_test(number_styles),
        cmocka_unit_test(not_available),
        cmocka_unit_test(italian_dates),       cmocka_unit_test(operators_and_units),
        cmocka_unit_test(headers),             cmocka_unit_test(spreadsheet_guard),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
