/* Values the schema lets through must be used or refused, never dropped:
 *
 * - every date-bearing element and attribute of the vocabulary, with every
 *   kind of xs:date (time zones, long and negative years, years out of
 *   range): either the document is refused, with the reason at the
 *   element, or every indicator with a consuntivo is counted by scoring;
 * - a value written but unusable (valore="NaN", a 400-digit number, a date
 *   with a time zone, nd=" true ") is named for what it is at its own
 *   element, and never reported as a missing <Consuntivo>, <Soglia>,
 *   previous value...;
 * - comparisons with targets are relative to the magnitudes: exact zeros,
 *   1e-12 and 1e15 score as on paper. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

/* ---- documents from a template --------------------------------------------- */

/* {KEY} in the template replaced by the value of KEY; keys not given keep
 * the default of `defaults`. */
typedef struct {
    const char *key, *value;
} subst;

static const subst defaults[] = {
    {"APPROVAL", "2023-05-30"}, {"DOCDATE", "2023-05-31"},
    {"DAYS", "30"},             {"DUE", "2022-11-30"},
    {"OLDDUE", "2022-10-31"},   {"REVDATE", "2022-07-15"},
    {"DONE", "2022-11-01"},     {"TARGET1", "operatore=\"ge\" valore=\"400\""},
    {"ACTUAL1", "<Consuntivo valore=\"375\"/>"},
    {"OLDVALUE", "valorePrecedente=\"420\""},
    {"SOGLIA", "<Soglia valore=\"60\"/>"},
    {"RULE", ""},
    {"RULE1", ""},
    {"MEASURES", ""},
    {"OVERRIDE", ""},
    {"PESO", "25"},
    {"YEAR", "2022"},
    {"SPANTO", "2024"},
    {"YEAR1", "2022"},
};

/* Four indicators, each with a consuntivo and a weight: a numeric one, one
 * with a revised deadline, one with a soglia, one "less is better". */
static const char *const template_doc =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<DocumentoPerformance xmlns=\"urn:perfpdf:documento:1\" versione=\"1.0\">\n"
    "<DatiGenerali><Tipo>relazione</Tipo><Titolo>T</Titolo>\n"
    "<AnnoRiferimento>{YEAR}</AnnoRiferimento>\n"
    "<Triennio da=\"2022\" a=\"{SPANTO}\"/>\n"
    "<Amministrazione><Denominazione>Ente</Denominazione></Amministrazione>\n"
    "<Approvazione><Organo>Giunta</Organo><NumeroDelibera>1/23</NumeroDelibera>\n"
    "<Data>{APPROVAL}</Data>\n"
    "</Approvazione>\n"
    "<DataDocumento>{DOCDATE}</DataDocumento>\n"
    "</DatiGenerali>\n"
    "<Sistema>\n"
    "<TolleranzaScadenza giorni=\"{DAYS}\"/>\n"
    "</Sistema>\n"
    "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>\n"
    "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>\n"
    "<ObiettivoOperativo id=\"o\" peso=\"100\"><Titolo>O</Titolo>\n"
    "<Indicatore id=\"i1\" peso=\"{PESO}\" {RULE1}><Nome>Numerico</Nome>\n"
    "{MEASURES}<Unita>N.</Unita>\n"
    "<Target anno=\"{YEAR1}\" {TARGET1}/>\n"
    "{ACTUAL1}\n"
    "{OVERRIDE}</Indicatore>\n"
    "<Indicatore id=\"i2\" peso=\"25\"><Nome>Scadenza</Nome><Unita>data</Unita>\n"
    "<Target anno=\"2022\" operatore=\"entro\" data=\"{DUE}\">\n"
    "<Revisione dataPrecedente=\"{OLDDUE}\" delibera=\"Delibera 80/22\" data=\"{REVDATE}\"/>\n"
    "</Target>\n"
    "<Consuntivo data=\"{DONE}\"/>\n"
    "</Indicatore>\n"
    "<Indicatore id=\"i3\" peso=\"25\" {RULE}><Nome>Con soglia</Nome><Unita>%</Unita>\n"
    "<Target anno=\"2022\" operatore=\"ge\" valore=\"90\">\n"
    "<Revisione {OLDVALUE} delibera=\"Delibera 80/22\"/>\n"
    "</Target>\n"
    "{SOGLIA}\n"
    "<Consuntivo valore=\"81\"/>\n"
    "</Indicatore>\n"
    "<Indicatore id=\"i4\" peso=\"25\"><Nome>Meno</Nome><Unita>fte</Unita>\n"
    "<Target anno=\"2022\" operatore=\"le\" valore=\"1.8\"/>\n"
    "<Consuntivo valore=\"1.57\"/>\n"
    "</Indicatore>\n"
    "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>\n"
    "</DocumentoPerformance>\n";

static const char *value_of(const char *key, size_t len, const subst *given, size_t ngiven)
{
    for (size_t i = 0; i < ngiven; i++)
        if (strlen(given[i].key) == len && strncmp(given[i].key, key, len) == 0)
            return given[i].value;
    for (size_t i = 0; i < sizeof defaults / sizeof *defaults; i++)
        if (strlen(defaults[i].key) == len && strncmp(defaults[i].key, key, len) == 0)
            return defaults[i].value;
    fail_msg("no value for {%.*s}", (int)len, key);
    return "";
}

/* The template with its keys replaced (free it). */
static char *make_doc(const subst *given, size_t ngiven)
{
    size_t cap = strlen(template_doc) + 1;
    for (size_t i = 0; i < ngiven; i++) cap += 2 * strlen(given[i].value);
    for (size_t i = 0; i < sizeof defaults / sizeof *defaults; i++)
        cap += 2 * strlen(defaults[i].value);
    char *out = malloc(cap), *o = out;
    for (const char *p = template_doc; *p;) {
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        if (!close) {
            *o++ = *p++;
            continue;
        }
        const char *v = value_of(p + 1, (size_t)(close - p - 1), given, ngiven);
        o += sprintf(o, "%s", v);
        p = close + 1;
    }
    *o = '\0';
    return out;
}

/* Line and column of the first occurrence of `what` in the text, as the
 * diagnostics number them (from 1). */
static pp_pos where(const char *text, const char *what)
{
    const char *at = strstr(text, what);
    assert_non_null(at);
    pp_pos p = {1, 1};
    for (const char *q = text; q < at; q++) {
        if (*q == '\n') p.line++, p.col = 1;
        else p.col++;
    }
    return p;
}

static bool error_at(const pp_diags *d, pp_pos p)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == PP_ERROR && d->items[i].line == p.line &&
            d->items[i].col == p.col)
            return true;
    return false;
}

static const char *message_with(const pp_diags *d, const char *part)
{
    for (size_t i = 0; i < d->count; i++)
        if (strstr(d->items[i].message, part)) return d->items[i].message;
    return NULL;
}

static void print_diags(const pp_diags *d)
{
    for (size_t i = 0; i < d->count; i++)
        fprintf(stderr, "  %d:%d: %s\n", d->items[i].line, d->items[i].col, d->items[i].message);
}

/* ---- counted indicators -------------------------------------------------------- */

typedef struct {
    size_t with_actual, counted;
} tally;

static bool count(pp_node *n, void *ctx)
{
    tally *t = ctx;
    if (!n->ind) return true;
    if (n->ind->actual.kind != PP_ACTUAL_NONE && n->ind->actual.kind != PP_ACTUAL_ND &&
        n->weight > 0)
        t->with_actual++;
    if (n->result.counted) t->counted++;
    return true;
}

/* The document is refused with an error at `element`'s start tag, or it
 * is valid and scoring counts every indicator with a consuntivo. Returns
 * whether it was refused. */
static bool refused_or_all_counted(const char *xml, const char *element, const char *label)
{
    pp_diags d;
    pp_doc *doc = NULL;
    pp_status st = open_text(xml, &d, &doc);
    bool refused = st != PP_OK;
    if (refused) {
        if (st != PP_ERR_INPUT || !error_at(&d, where(xml, element))) {
            fprintf(stderr, "%s: refused, but not at %s:\n", label, element);
            print_diags(&d);
            fail();
        }
    } else {
        pp_score(doc);
        tally t = {0, 0};
        pp_tree_walk(doc->root, count, &t);
        if (t.with_actual != t.counted || t.with_actual != 4) {
            fprintf(stderr, "%s: valid, %zu indicators with a consuntivo, %zu counted\n", label,
                    t.with_actual, t.counted);
            fail();
        }
        pp_doc_free(doc);
    }
    pp_diags_clear(&d);
    return refused;
}

/* Every form of xs:date, and a few that the schema refuses itself. */
static const char *const date_forms[] = {
    "2022-11-30",       "2022-11-30Z",      "2022-11-30+01:00", "2022-11-30-14:00",
    "2022-11-30+14:00", "99999-11-30",      "-2022-11-30",      "10000-11-30",
    "0999-11-30",       "1899-12-31",       "2200-01-01",       "0000-01-01",
    "2022-02-29",       "2022-11-30T10:00", " 2022-11-30 ",     "2022-11-30+15:00",
    "1900-01-01",       "2199-12-31",       "-0001-01-01Z",     "2022-1-30",
};

/* Each place of the vocabulary that holds a date, and where the error
 * for it belongs. */
static const struct {
    const char *key, *element;
} date_places[] = {
    {"APPROVAL", "<Data>"},       {"DOCDATE", "<DataDocumento>"},
    {"DUE", "<Target anno=\"2022\" operatore=\"entro\""},
    {"OLDDUE", "<Revisione dataPrecedente"},
    {"REVDATE", "<Revisione dataPrecedente"},
    {"DONE", "<Consuntivo data"},
};

static void every_date_is_used_or_refused(void **state)
{
    (void)state;
    for (size_t p = 0; p < sizeof date_places / sizeof *date_places; p++) {
        for (size_t f = 0; f < sizeof date_forms / sizeof *date_forms; f++) {
            subst s[] = {{date_places[p].key, date_forms[f]}};
            /* a deadline "due" after the approval date... : keep the day
             * of the default where the form keeps it valid */
            char *xml = make_doc(s, 1);
            char label[128];
            snprintf(label, sizeof label, "%s=\"%s\"", date_places[p].key, date_forms[f]);
            bool refused = refused_or_all_counted(xml, date_places[p].element, label);
            /* what must be refused is refused; a plain date is used */
            bool plain = strcmp(date_forms[f], "2022-11-30") == 0 ||
                         strcmp(date_forms[f], "1900-01-01") == 0 ||
                         strcmp(date_forms[f], "2199-12-31") == 0;
            if (plain == refused) {
                fprintf(stderr, "%s: %s\n", label, refused ? "refused" : "accepted");
                fail();
            }
            free(xml);
        }
    }
}

/* The messages for the dates the schema accepts but the engine cannot
 * use: what is wrong, at the element that carries it. */
static void date_messages(void **state)
{
    (void)state;
    static const struct {
        const char *key, *value, *element, *message;
    } cases[] = {
        {"DONE", "2022-11-30Z", "<Consuntivo data",
         "Consuntivo data '2022-11-30Z': a time zone is not allowed, write 2022-11-30"},
        {"DUE", "2022-11-30+01:00", "<Target anno=\"2022\" operatore=\"entro\"",
         "Target data '2022-11-30+01:00': a time zone is not allowed, write 2022-11-30"},
        {"DUE", "99999-11-30", "<Target anno=\"2022\" operatore=\"entro\"",
         "Target data '99999-11-30': year 99999 is out of range (1900-2199)"},
        {"DONE", "-2022-11-30", "<Consuntivo data",
         "Consuntivo data '-2022-11-30': year -2022 is out of range (1900-2199)"},
        {"OLDDUE", "10000-01-01", "<Revisione dataPrecedente",
         "Revisione dataPrecedente '10000-01-01': year 10000 is out of range (1900-2199)"},
        {"REVDATE", "2022-07-15Z", "<Revisione dataPrecedente",
         "Revisione data '2022-07-15Z': a time zone is not allowed, write 2022-07-15"},
        {"APPROVAL", "2023-05-30-05:00", "<Data>",
         "Data '2023-05-30-05:00': a time zone is not allowed, write 2023-05-30"},
        {"DOCDATE", "0999-12-31", "<DataDocumento>",
         "DataDocumento '0999-12-31': year 0999 is out of range (1900-2199)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        subst s[] = {{cases[i].key, cases[i].value}};
        char *xml = make_doc(s, 1);
        pp_pos p = where(xml, cases[i].element);
        char expected[512];
        snprintf(expected, sizeof expected, "%d:%d: error: %s", p.line, p.col, cases[i].message);
        pp_diags d;
        pp_doc *doc = NULL;
        assert_int_equal(open_text(xml, &d, &doc), PP_ERR_INPUT);
        assert_true(has_diag(&d, expected));
        assert_int_equal(d.errors, 1); /* that one, and nothing "missing" */
        pp_diags_clear(&d);
        free(xml);
    }
}

/* A deadline tolerance the model cannot hold used to become 0 (late = 0 %)
 * in silence. */
static void tolerance_days(void **state)
{
    (void)state;
    static const char *const refused[] = {"1000000", "99999999999", "3661"};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        subst s[] = {{"DAYS", refused[i]}};
        char *xml = make_doc(s, 1);
        pp_pos p = where(xml, "<TolleranzaScadenza");
        pp_diags d;
        pp_doc *doc = NULL;
        assert_int_equal(open_text(xml, &d, &doc), PP_ERR_INPUT);
        assert_true(error_at(&d, p));
        pp_diags_clear(&d);
        free(xml);
    }
    subst s[] = {{"DAYS", "3660"}, {"DONE", "2022-12-30"}}; /* 30 days late */
    char *xml = make_doc(s, 2);
    pp_doc *doc = scored(xml);
    assert_non_null(doc);
    assert_float_equal(node(doc, "i2")->result.achievement, 100.0 * (1 - 30.0 / 3660), 1e-9);
    pp_doc_free(doc);
    free(xml);
}

/* ---- malformed, not missing --------------------------------------------------- */

/* Forbidden words: what the checks said when they took a malformed value
 * for a missing one. */
static const char *const missing_words[] = {
    "has no <Consuntivo>", "has no <Soglia>", "needs the previous", "needs valore",
    "needs data=", "has no value", "has no target for", "outside the Triennio",
    "second target",
};

static void malformed_is_not_missing(void **state)
{
    (void)state;
    static const char *const big =
        "1000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000";
    char big_actual[600], big_target[600];
    snprintf(big_actual, sizeof big_actual, "<Consuntivo valore=\"%s\"/>", big);
    snprintf(big_target, sizeof big_target, "operatore=\"ge\" valore=\"%s\"", big);
    const struct {
        const char *key, *value, *element;
    } cases[] = {
        {"ACTUAL1", "<Consuntivo valore=\"NaN\"/>", "<Consuntivo valore"},
        {"ACTUAL1", big_actual, "<Consuntivo valore"},
        {"ACTUAL1", "<Consuntivo valore=\"1e3\"/>", "<Consuntivo valore"},
        {"ACTUAL1", "<Consuntivo nd=\"yes\"/>", "<Consuntivo nd"},
        {"ACTUAL1", "<Consuntivo data=\"2022-11-30Z\"/>", "<Consuntivo data=\"2022-11-30Z"},
        {"ACTUAL1", "<Consuntivo data=\"10000-11-30\"/>", "<Consuntivo data=\"10000"},
        {"TARGET1", "operatore=\"ge\" valore=\"NaN\"", "<Target anno=\"2022\" operatore=\"ge\" valore=\"NaN"},
        {"TARGET1", big_target, "<Target anno=\"2022\" operatore=\"ge\" valore=\"1000"},
        {"SOGLIA", "<Soglia valore=\"NaN\"/>", "<Soglia"},
        {"OLDVALUE", "valorePrecedente=\"NaN\"", "<Revisione valorePrecedente"},
        {"OLDDUE", "2022-10-31Z", "<Revisione dataPrecedente"},
        {"PESO", "NaN", "<Indicatore id=\"i1\""},
        {"YEAR1", "20222", "<Target anno=\"20222\""},
        {"YEAR1", "2022.5", "<Target anno=\"2022.5\""},
        {"YEAR", "20222", "<AnnoRiferimento>"},
        {"SPANTO", "x", "<Triennio"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        subst s[] = {{cases[i].key, cases[i].value}, {"RULE", "regola=\"soglia\""}};
        char *xml = make_doc(s, 2);
        pp_diags d;
        pp_doc *doc = NULL;
        pp_status st = open_text(xml, &d, &doc);
        bool ok = st == PP_ERR_INPUT && error_at(&d, where(xml, cases[i].element));
        for (size_t w = 0; w < sizeof missing_words / sizeof *missing_words; w++)
            ok = ok && !message_with(&d, missing_words[w]);
        if (!ok) {
            fprintf(stderr, "%s=%.60s:\n", cases[i].key, cases[i].value);
            print_diags(&d);
            fail();
        }
        pp_diags_clear(&d);
        free(xml);
    }
}

/* With no usable consuntivo but an override or measures that are written
 * wrong, the wrong value is the message, not a missing consuntivo. */
static void malformed_override_and_measures(void **state)
{
    (void)state;
    const struct {
        const char *actual, *extra_key, *extra, *element;
    } cases[] = {
        {"", "OVERRIDE", "<RaggiungimentoAttribuito valore=\"NaN\">Deciso</RaggiungimentoAttribuito>\n",
         "<RaggiungimentoAttribuito"},
        {"", "MEASURES",
         "<Numeratore valore=\"NaN\">Fatti</Numeratore><Denominatore valore=\"50\">Previsti</Denominatore>\n",
         "<Numeratore"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        subst s[] = {{"ACTUAL1", cases[i].actual}, {cases[i].extra_key, cases[i].extra}};
        char *xml = make_doc(s, 2);
        pp_diags d;
        pp_doc *doc = NULL;
        assert_int_equal(open_text(xml, &d, &doc), PP_ERR_INPUT);
        bool ok = error_at(&d, where(xml, cases[i].element)) &&
                  !message_with(&d, "has no <Consuntivo>");
        if (!ok) {
            print_diags(&d);
            fail();
        }
        pp_diags_clear(&d);
        free(xml);
    }
}

/* Handled, not refused: what xs:boolean and xs:decimal allow around a value. */
static void blanks_around_values(void **state)
{
    (void)state;
    subst s[] = {{"ACTUAL1", "<Consuntivo nd=\" true \">Dato non pervenuto</Consuntivo>"},
                 {"TARGET1", "operatore=\"ge\" valore=\" 400 \""}};
    char *xml = make_doc(s, 2);
    pp_doc *doc = scored(xml);
    assert_non_null(doc);
    assert_int_equal(node(doc, "i1")->ind->actual.kind, PP_ACTUAL_ND);
    assert_false(node(doc, "i1")->result.counted);
    pp_doc_free(doc);
    free(xml);
    /* a <Consuntivo> that is there but says nothing: said about it */
    subst e[] = {{"ACTUAL1", "<Consuntivo nd=\"false\"/>"}};
    xml = make_doc(e, 1);
    pp_pos p = where(xml, "<Consuntivo nd");
    char expected[256];
    snprintf(expected, sizeof expected,
             "%d:%d: error: Consuntivo of 'i1' has no value: write valore, data or "
             "nd=\"true\" with the reason",
             p.line, p.col);
    pp_diags d;
    pp_doc *bad = NULL;
    assert_int_equal(open_text(xml, &d, &bad), PP_ERR_INPUT);
    assert_true(has_diag(&d, expected));
    pp_diags_clear(&d);
    free(xml);
}

/* More significant digits than a double tells apart: used, with a warning
 * that says what it means. */
static void too_many_digits(void **state)
{
    (void)state;
    subst s[] = {{"ACTUAL1", "<Consuntivo valore=\"123456789.123456789\"/>"}};
    char *xml = make_doc(s, 1);
    pp_diags d;
    pp_doc *doc = NULL;
    assert_int_equal(open_text(xml, &d, &doc), PP_OK);
    pp_pos p = where(xml, "<Consuntivo valore");
    char expected[512];
    snprintf(expected, sizeof expected,
             "%d:%d: warning: Consuntivo valore '123456789.123456789' has 18 significant "
             "digits: perfpdf computes with 15, so values that differ only after the 15th "
             "count as equal",
             p.line, p.col);
    assert_true(has_diag(&d, expected));
    pp_diags_clear(&d);
    pp_doc_free(doc);
    free(xml);
}

/* ---- comparisons relative to the magnitudes ----------------------------------- */

static double achievement_of(const char *op, const char *target, const char *actual,
                             const char *rule)
{
    char t[256], a[256], r[64] = "";
    snprintf(t, sizeof t, "operatore=\"%s\" valore=\"%s\"", op, target);
    snprintf(a, sizeof a, "<Consuntivo valore=\"%s\"/>", actual);
    if (*rule) snprintf(r, sizeof r, "regola=\"%s\"", rule);
    subst s[] = {{"TARGET1", t}, {"ACTUAL1", a}, {"RULE1", r}};
    char *xml = make_doc(s, 3);
    pp_doc *doc = scored(xml);
    assert_non_null(doc);
    const pp_result *res = &node(doc, "i1")->result;
    double v = res->has_achievement ? res->achievement : NAN;
    pp_doc_free(doc);
    free(xml);
    return v;
}

static void tiny_huge_and_zero(void **state)
{
    (void)state;
    /* used to be 100: 0 was "nearly" 1e-9 */
    assert_float_equal(achievement_of("ge", "0.000000001", "0", ""), 0, 1e-12);
    assert_float_equal(achievement_of("ge", "0.000000001", "0", "binaria"), 0, 1e-12);
    /* used to be 100: 1e-10 was "nearly" 0 */
    assert_float_equal(achievement_of("eq", "0", "0.0000000001", ""), 0, 1e-12);
    assert_float_equal(achievement_of("eq", "0", "0", ""), 100, 1e-12);
    assert_float_equal(achievement_of("eq", "0", "-0.000", ""), 100, 1e-12);
    /* tiny magnitudes: 1e-12 against 2e-12 is half way */
    assert_float_equal(achievement_of("ge", "0.000000000002", "0.000000000001", ""), 50, 1e-9);
    assert_float_equal(achievement_of("ge", "0.000000000001", "0.000000000001", "binaria"), 100,
                       1e-12);
    assert_float_equal(achievement_of("ge", "0.000000000001", "0.000000000000999", "binaria"),
                       0, 1e-12);
    assert_float_equal(achievement_of("gt", "0.000000000001", "0.000000000001", "binaria"), 0,
                       1e-12);
    /* huge magnitudes: one unit in 1e15 is not equal */
    assert_float_equal(achievement_of("ge", "1000000000000001", "1000000000000000", "binaria"),
                       0, 1e-12);
    assert_float_equal(achievement_of("eq", "1000000000000000", "1000000000000001", "binaria"),
                       0, 1e-12);
    assert_float_equal(achievement_of("eq", "1000000000000000", "1000000000000000", "binaria"),
                       100, 1e-12);
    assert_float_equal(achievement_of("le", "999999999999999", "1000000000000000", "binaria"),
                       0, 1e-12);
    assert_float_equal(achievement_of("ge", "0.999999999999999", "0.999999999999998", "binaria"),
                       0, 1e-12);
}

/* The rule functions themselves, with values computed as the engine does. */
static void equality_is_relative(void **state)
{
    (void)state;
    assert_true(pp_target_met(PP_OP_EQ, 0.1 + 0.2, 0.3));        /* equal on paper */
    assert_true(pp_target_met(PP_OP_EQ, 3.0 / 10 * 100, 30));    /* a ratio x100 */
    assert_true(pp_target_met(PP_OP_EQ, 1e15 * (0.1 + 0.2), 3e14));
    assert_true(pp_target_met(PP_OP_EQ, 1e-12 * (0.1 + 0.2), 3e-13));
    assert_false(pp_target_met(PP_OP_GE, 0, 1e-9));
    assert_false(pp_target_met(PP_OP_EQ, 1e-10, 0));
    assert_false(pp_target_met(PP_OP_EQ, 1e-300, 0));
    assert_true(pp_target_met(PP_OP_EQ, -0.0, 0));
    assert_false(pp_target_met(PP_OP_EQ, 1e15 + 1, 1e15));
    assert_false(pp_target_met(PP_OP_GE, 1e-12, 1.000000000000001e-12));
    assert_false(pp_target_met(PP_OP_GT, 1e-12, 1e-12));
    assert_true(pp_target_met(PP_OP_LE, 1e-12, 1e-12));
    assert_false(pp_nearly_equal(0.999999999999999, 0.999999999999998));
    assert_false(pp_nearly_equal(999999999999999, 999999999999998));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_date_is_used_or_refused),
        cmocka_unit_test(date_messages),
        cmocka_unit_test(tolerance_days),
        cmocka_unit_test(malformed_is_not_missing),
        cmocka_unit_test(malformed_override_and_measures),
        cmocka_unit_test(blanks_around_values),
        cmocka_unit_test(too_many_digits),
        cmocka_unit_test(tiny_huge_and_zero),
        cmocka_unit_test(equality_is_relative),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
