/* The schede of the 2023 update of the Piano of the Camera di Commercio
 * Riviere di Liguria (seed 001), fixtures/riviere-liguria-schede-2023.xml:
 * it validates, and it holds what the seed prints. Every count below is
 * taken from the seed's text, not from the program:
 * - 19 objectives at the strategic level: the overview table's 4 comuni
 *   and 7 specifici (2022-2024) and its 8 obiettivi di ente (2023), in 6
 *   ambiti; 51 operational objectives (47 "OBIETTIVO OPERATIVO" labels and
 *   4 unlabelled ones on the efficacia/efficienza scheda);
 * - 119 indicators: 40 on the objectives themselves, 79 on the operational
 *   ones (one row per indicator; six rows share Nota 88);
 * - targets: 18 for 2022 (the three-year rows), 116 for 2023 (every row but
 *   "da def." and the two with a 2024 target only), 26 for 2024 ("≤ dato
 *   medio nazionale" is not a number);
 * - 13 revised targets, old and new values as struck through and printed;
 * - every indicator has its note's fonte and serie storica (2020-2022;
 *   four years are printed only as NUM/DEN and have no value). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "figures.h"
#include "layout.h"
#include "numfmt.h"
#include "testutil.h"

#define FIXTURE PP_SOURCE_DIR "/fixtures/riviere-liguria-schede-2023.xml"

static int setup(void **state)
{
    pp_doc *doc = open_fixture(FIXTURE, 2 /* targets <= 0 without a soglia, as the seed */);
    *state = doc;
    return doc ? 0 : -1;
}

static int teardown(void **state)
{
    pp_doc_free(*state);
    return 0;
}

static void validates_with_two_known_warnings(void **state)
{
    (void)state;
    pp_diags d;
    pp_diags_init(&d, FIXTURE);
    pp_doc *doc = NULL;
    assert_int_equal(pp_open_document(FIXTURE, &d, &doc), PP_OK);
    assert_int_equal(d.errors, 0);
    /* The 2023 targets >= -6,00 % (equilibrio strutturale) and <= -8,75
     * (ritardo dei pagamenti) can only be scored if met: the seed gives no
     * soglia. */
    assert_int_equal(d.warnings, 2);
    pp_diags_clear(&d);
    assert_int_equal(doc->kind, PP_DOC_SCHEDE);
    assert_int_equal(doc->year, 2023);
    assert_int_equal(doc->span_from, 2022);
    assert_int_equal(doc->span_to, 2024);
    pp_doc_free(doc);
}

typedef struct {
    int ambiti, strategic, common, specific, ente, operational;
    int span_2022_2024, span_2023_2024, span_2023;
    int ind_strategic, ind_operational, with_unit_ref;
    int targets[3]; /* 2022, 2023, 2024 */
    int revisions, consuntivi, weights;
    int fonte, history_values, history_nd, nota_first, no_history;
} counts;

static bool count(pp_node *n, void *ctx)
{
    counts *c = ctx;
    c->weights += n->weight_written;
    switch (n->level) {
    case PP_LEVEL_AMBITO: c->ambiti++; return true;
    case PP_LEVEL_STRATEGICO:
        c->strategic++;
        if (n->has_class && n->cls.tipo) {
            c->common += strcmp(n->cls.tipo, "comune") == 0;
            c->specific += strcmp(n->cls.tipo, "specifico") == 0;
            c->ente += strcmp(n->cls.tipo, "ente") == 0;
        }
        c->span_2022_2024 += n->cls.year_from == 2022 && n->cls.year_to == 2024;
        c->span_2023_2024 += n->cls.year_from == 2023 && n->cls.year_to == 2024;
        c->span_2023 += n->cls.year_from == 2023 && n->cls.year_to == 2023;
        return true;
    case PP_LEVEL_OPERATIVO:
        c->operational++;
        c->with_unit_ref += n->has_class && n->cls.unit_ref;
        return true;
    case PP_LEVEL_INDICATORE: break;
    default: return true;
    }
    const pp_indicator *ind = n->ind;
    if (n->parent->level == PP_LEVEL_STRATEGICO) c->ind_strategic++;
    else c->ind_operational++;
    for (size_t i = 0; i < ind->ntargets; i++) {
        int y = ind->targets[i].year;
        assert_true(y >= 2022 && y <= 2024);
        c->targets[y - 2022]++;
        c->revisions += (int)ind->targets[i].nrevisions;
    }
    c->consuntivi += ind->actual.present;
    c->fonte += ind->fonte != NULL;
    c->no_history += ind->nhistory == 0;
    for (size_t i = 0; i < ind->nhistory; i++) {
        assert_true(ind->history[i].year >= 2020 && ind->history[i].year <= 2022);
        if (ind->history[i].available) c->history_values++;
        else c->history_nd++;
    }
    c->nota_first += n->nnotes > 0 && strncmp(n->notes[0], "Nota ", 5) == 0;
    return true;
}

static void the_schede_as_printed(void **state)
{
    pp_doc *doc = *state;
    counts c = {0};
    pp_tree_walk(doc->root, count, &c);
    assert_int_equal(c.ambiti, 6);
    assert_int_equal(c.strategic, 19);
    assert_int_equal(c.common, 4);
    assert_int_equal(c.specific, 7);
    assert_int_equal(c.ente, 8);
    /* the overview's spans: ten objectives 2022-2024, the new 11th
     * 2023-2024, the obiettivi di ente 2023 */
    assert_int_equal(c.span_2022_2024, 10);
    assert_int_equal(c.span_2023_2024, 1);
    assert_int_equal(c.span_2023, 8);
    assert_int_equal(c.operational, 51);
    assert_int_equal(c.ind_strategic, 40);
    assert_int_equal(c.ind_operational, 79);
    /* two operational objectives answer to "tutti i servizi quando parte un
     * bando": no unit */
    assert_int_equal(c.with_unit_ref, 49);
    assert_int_equal(c.targets[0], 18);
    assert_int_equal(c.targets[1], 116);
    assert_int_equal(c.targets[2], 26);
    assert_int_equal(c.revisions, 13);
    assert_int_equal(c.consuntivi, 0); /* schede have none */
    assert_int_equal(c.weights, 0);    /* none printed: plain means */
    assert_int_equal(c.fonte, 119);
    assert_int_equal(c.nota_first, 119);
    assert_int_equal(c.no_history, 0);
    /* 119 indicators x 3 years, less the four NUM/DEN-only years (Nota 50:
     * 2020 and 2021, Nota 51: 2021, Nota 53: 2021) */
    assert_int_equal(c.history_values + c.history_nd, 119 * 3 - 4);
}

typedef struct {
    const char *id;
    int year;
    double old_value, value;
} revised;

static const pp_target *target_of(const pp_node *n, int year)
{
    for (size_t i = 0; i < n->ind->ntargets; i++)
        if (n->ind->targets[i].year == year) return &n->ind->targets[i];
    return NULL;
}

static void revised_targets_keep_their_old_values(void **state)
{
    pp_doc *doc = *state;
    static const revised expected[] = {
        {"i_s02_1", 2023, 15, 20},       {"i_s02_1", 2024, 16, 23},
        {"i_s02_2", 2023, 6, 8},         {"i_s02_2", 2024, 7, 9},
        {"i_s02_3", 2023, 65, 64},       {"i_s02_4", 2023, 3900, 4000},
        {"i_s04_1", 2024, -6.20, -3.00}, {"i_s04_3", 2022, 70.34, 68},
        {"i_s04_4", 2024, 16.72, 14},    {"i_s06_1", 2023, 84, 120},
        {"i_s06_1", 2024, 91, 130},      {"i_s07_1", 2023, 150, 270},
        {"i_s07_1", 2024, 160, 300},
    };
    for (size_t i = 0; i < sizeof expected / sizeof *expected; i++) {
        const revised *e = &expected[i];
        pp_node *n = node(doc, e->id);
        if (!n) fail_msg("%s is not in the fixture", e->id);
        const pp_target *t = target_of(n, e->year);
        if (!t) fail_msg("%s has no %d target", e->id, e->year);
        assert_int_equal(t->nrevisions, 1);
        assert_true(t->revisions[0].has_value);
        assert_float_equal(t->revisions[0].old_value, e->old_value, 1e-9);
        assert_float_equal(t->value, e->value, 1e-9);
        /* the update revises them itself; Diritto annuale 2022 was revised
         * by the Giunta at the 2022 monitoring */
        bool giunta = strcmp(e->id, "i_s04_3") == 0;
        assert_int_equal(t->revisions[0].in_document, !giunta);
        assert_int_equal(t->revisions[0].delibera != NULL, giunta);
        /* every revision but equilibrio strutturale 2024 says why */
        if (strcmp(e->id, "i_s04_1") != 0) assert_non_null(t->revisions[0].reason);
        else assert_null(t->revisions[0].reason);
    }
    const pp_target *t = target_of(node(doc, "i_s04_4"), 2024);
    assert_string_equal(t->revisions[0].reason,
                        "Alla luce di un'analisi più approfondita da cui risultava irrealistico "
                        "il target per il 2024, si ritiene di modificarlo come evidenziato.");
}

static double history(const pp_node *n, int year, bool *available)
{
    for (size_t i = 0; i < n->ind->nhistory; i++)
        if (n->ind->history[i].year == year) {
            *available = n->ind->history[i].available;
            return n->ind->history[i].value;
        }
    fail_msg("%s has no serie storica for %d", n->id, year);
    return NAN;
}

static void notes_fonte_and_serie_storica(void **state)
{
    pp_doc *doc = *state;
    bool av;
    /* Nota 5: Cruscotto transizione digitale, 2020: ND 2021: 948 2022: 1.134 */
    pp_node *n = node(doc, "i_s01_1_3");
    assert_non_null(n);
    assert_string_equal(n->ind->fonte, "Cruscotto transizione digitale");
    history(n, 2020, &av);
    assert_false(av);
    assert_float_equal(history(n, 2021, &av), 948, 1e-9);
    assert_true(av);
    assert_float_equal(history(n, 2022, &av), 1134, 1e-9);
    assert_string_equal(n->notes[0], "Nota 5");
    /* Nota 19 bis: Bilancio consuntivo, 2020: -7,32% 2021: -8,33 2022: ND */
    n = node(doc, "i_s04_1");
    assert_string_equal(n->ind->fonte, "Bilancio consuntivo");
    assert_float_equal(history(n, 2020, &av), -7.32, 1e-9);
    assert_float_equal(history(n, 2021, &av), -8.33, 1e-9);
    history(n, 2022, &av);
    assert_false(av);
    assert_string_equal(n->notes[0], "Nota 19 bis");
    /* Nota 88 (Applicativo Prosa) is shared by the six indicators of the
     * arretrato sanzioni; the last one's target is "da def.": none. */
    for (int k = 1; k <= 6; k++) {
        char id[32];
        snprintf(id, sizeof id, "i_s14_3_%d", k);
        n = node(doc, id);
        if (!n) fail_msg("%s is not in the fixture", id);
        assert_string_equal(n->ind->fonte, "Applicativo Prosa");
        assert_string_equal(n->notes[0], "Nota 88");
        assert_int_equal(n->ind->ntargets, k == 6 ? 0 : 1);
    }
    /* Deadlines: "entro il 30/4" */
    n = node(doc, "i_s12_1_1");
    assert_int_equal(n->ind->ntargets, 1);
    assert_int_equal(n->ind->targets[0].op, PP_OP_ENTRO);
    assert_int_equal(n->ind->targets[0].date.m, 4);
    assert_int_equal(n->ind->targets[0].date.d, 30);
}

static bool count_comments(pp_node *n, void *ctx)
{
    if (n->level == PP_LEVEL_STRATEGICO && n->comment) ++*(int *)ctx;
    return true;
}

static void comment_paragraphs(void **state)
{
    int comments = 0;
    pp_tree_walk(((pp_doc *)*state)->root, count_comments, &comments);
    /* schede 1, 2, 4, 7, 8, 9, 10, 11, dati personali, competenze, pari
     * opportunità, relazione con l'utenza (3, 5, 6, corruzione,
     * efficacia/efficienza, standard di qualità, iniziative promozionali
     * have none) */
    assert_int_equal(comments, 12);
}

/* ---- the new vocabulary's errors ---------------------------------------------------------- */

#define REVISED(attrs)                                                                        \
    DOC_HEAD("schede")                                                                        \
    ONE_OBJECTIVE("<Indicatore id=\"i\" peso=\"100\"><Nome>i</Nome><Unita>N.</Unita>\n"                    \
                  "<Target anno=\"2023\" operatore=\"ge\" valore=\"5\">\n"                    \
                  "<Revisione valorePrecedente=\"4\" " attrs "/>\n"                           \
                  "</Target></Indicatore>\n") DOC_TAIL

static void revision_in_the_document_takes_no_act(void **state)
{
    (void)state;
    pp_diags d;
    pp_doc *doc = NULL;
    assert_int_not_equal(open_text(REVISED("nelDocumento=\"true\" delibera=\"12\""), &d, &doc),
                         PP_OK);
    assert_true(has_diag(&d, "7:1: error: Revisione nelDocumento=\"true\" of 'i' takes neither "
                             "delibera nor data: this document is the act that revises the "
                             "target"));
    pp_diags_clear(&d);
    assert_int_not_equal(open_text(REVISED("nelDocumento=\"true\" data=\"2023-03-01\""), &d, &doc),
                         PP_OK);
    assert_true(has_diag(&d, "7:1: error: Revisione nelDocumento=\"true\" of 'i' takes neither "
                             "delibera nor data: this document is the act that revises the "
                             "target"));
    pp_diags_clear(&d);
    /* without nelDocumento the act or the date is still required */
    assert_int_not_equal(open_text(REVISED(""), &d, &doc), PP_OK);
    assert_true(has_diag(&d, "6:1: error: Revisione of 'i' needs delibera (the act) or data "
                             "(when it was decided)"));
    pp_diags_clear(&d);
    assert_int_equal(open_text(REVISED("nelDocumento=\"true\""), &d, &doc), PP_OK);
    assert_int_equal(d.errors, 0);
    pp_diags_clear(&d);
    assert_true(node(doc, "i")->ind->targets[0].revisions[0].in_document);
    assert_null(node(doc, "i")->ind->targets[0].revisions[0].reason);
    pp_doc_free(doc);
}

#define SPAN(attrs)                                                                            \
    DOC_HEAD("schede")                                                                         \
    "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"                              \
    "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>\n"                          \
    "<Classificazione " attrs "/>\n"                                                          \
    "<Indicatore id=\"i\" peso=\"100\"><Nome>i</Nome><Unita>N.</Unita>"                                     \
    "<Target anno=\"2023\" operatore=\"ge\" valore=\"5\"/></Indicatore>"                       \
    "</ObiettivoStrategico></Ambito></Albero>\n" DOC_TAIL

static void span_and_kind(void **state)
{
    (void)state;
    pp_diags d;
    pp_doc *doc = NULL;
    assert_int_not_equal(open_text(SPAN("tipo=\"ente\" dal=\"2024\" al=\"2022\""), &d, &doc), PP_OK);
    assert_true(has_diag(&d, "5:1: error: Classificazione dal=\"2024\" al=\"2022\": the span of "
                             "'s' ends before it begins"));
    pp_diags_clear(&d);
    /* a span outside the years the schema knows is refused there */
    assert_int_not_equal(open_text(SPAN("dal=\"1850\""), &d, &doc), PP_OK);
    assert_true(d.errors > 0);
    pp_diags_clear(&d);
    assert_int_equal(open_text(SPAN("tipo=\"ente\" dal=\"2023\" al=\"2023\""), &d, &doc), PP_OK);
    pp_diags_clear(&d);
    pp_node *so = node(doc, "s");
    assert_string_equal(so->cls.tipo, "ente");
    assert_int_equal(so->cls.year_from, 2023);
    assert_int_equal(so->cls.year_to, 2023);
    pp_doc_free(doc);
}

/* ---- the schede on the page ---------------------------------------------------------------- */

typedef struct {
    pp_pages pages;
    pp_text *text;
    pp_layout *lay;
    char *all; /* every text run, each followed by a space */
} rendered;

/* With layout_file NULL, the layout perfpdf render picks for a document
 * of Tipo schede. */
static void render_with(pp_doc *doc, const char *layout_file, rendered *r)
{
    pp_diags d;
    pp_diags_init(&d, "render");
    *r = (rendered){0};
    assert_int_equal(pp_text_new(pp_fonts_dir_default(), &d, &r->text), PP_OK);
    assert_string_equal(pp_layout_file_name(PP_DOC_SCHEDE), "schede.xml");
    size_t len;
    const char *builtin = pp_layout_builtin(PP_DOC_SCHEDE, &len);
    if (layout_file) assert_int_equal(pp_layout_load(layout_file, &d, &r->lay), PP_OK);
    else assert_int_equal(pp_layout_parse(builtin, len, &d, &r->lay), PP_OK);
    pp_status st = pp_layout_document(doc, r->lay, r->text, &r->pages, &d);
    if (st != PP_OK) pp_diags_print(&d, stderr);
    assert_int_equal(st, PP_OK);
    pp_diags_clear(&d);
    size_t n = 0, cap = 1 << 20;
    r->all = malloc(cap);
    assert_non_null(r->all);
    for (size_t i = 0; i < r->pages.npages; i++) {
        const pp_page *p = r->pages.pages[i];
        for (size_t k = 0; k < p->nitems; k++) {
            if (p->items[k].kind != PP_DL_TEXT) continue;
            const char *u = p->items[k].u.text.utf8;
            size_t l = strlen(u);
            while (n + l + 2 > cap) assert_non_null(r->all = realloc(r->all, cap *= 2));
            memcpy(r->all + n, u, l);
            n += l;
            r->all[n++] = ' ';
        }
    }
    r->all[n] = '\0';
}

static void render(pp_doc *doc, rendered *r) { render_with(doc, NULL, r); }

static void rendered_free(rendered *r)
{
    pp_pages_free(&r->pages);
    pp_layout_free(r->lay);
    pp_text_free(r->text);
    free(r->all);
}

/* Whether `name` is printed, its lines broken anywhere (after a space or
 * a slash): the text and the name are compared without their spaces. */
static char *squeeze(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    assert_non_null(out);
    for (; *s; s++)
        if (*s != ' ') *o++ = *s;
    *o = '\0';
    return out;
}

static bool printed(const char *all, const char *name)
{
    char *a = squeeze(all), *n = squeeze(name);
    bool found = strstr(a, n) != NULL;
    free(a);
    free(n);
    return found;
}

typedef struct {
    const rendered *r;
    size_t missing;
} names_ctx;

static bool name_printed(pp_node *n, void *ctx)
{
    names_ctx *c = ctx;
    const char *name = n->level == PP_LEVEL_INDICATORE ? n->ind->name : n->title;
    if (n->level < PP_LEVEL_AMBITO || !name) return true;
    if (!printed(c->r->all, name)) {
        fprintf(stderr, "not printed: %s\n", name);
        c->missing++;
    }
    return true;
}

static void every_objective_and_indicator_printed(void **state)
{
    pp_doc *doc = *state;
    rendered r;
    render(doc, &r);
    names_ctx c = {&r, 0};
    pp_tree_walk(doc->root, name_printed, &c);
    assert_int_equal(c.missing, 0);
    /* kinds, spans, a reason, a responsible service, a serie storica */
    assert_true(printed(r.all, "Obiettivo strategico comune"));
    assert_true(printed(r.all, "Obiettivo strategico specifico"));
    assert_true(printed(r.all, "Obiettivo di ente"));
    assert_true(strstr(r.all, "2022\u20132024") && strstr(r.all, "2023\u20132024"));
    assert_true(printed(r.all, "Target rivisto (2023, 2024): Il target per il 2023 e 2024 viene "
                               "aggiornato sulla base dei risultati relativi al 2022."));
    assert_true(printed(r.all, "Responsabile: Servizio \"Digitalizzazione, infrastrutture ed "
                               "agevolazioni\""));
    assert_true(printed(r.all, "2020: n.d. \u00b7 2021: 948 N. \u00b7 2022: 1.134 N."));
    /* a serie storica keeps its decimals where the targets have none */
    assert_true(printed(r.all, "2020: 13,85 % \u00b7 2021: 17,47 % \u00b7 2022: n.d."));
    /* a plan: no results */
    assert_null(strstr(r.all, "N/D"));
    assert_null(strstr(r.all, "RAGGIUNTO"));
    assert_null(strstr(r.all, "DA VALUTARE"));
    /* INDICE and outline: the INDICE, 6 ambiti, 19 sheets */
    assert_int_equal(r.pages.noutline, 1 + 6 + 19);
    int level2 = 0;
    for (size_t i = 0; i < r.pages.noutline; i++) level2 += r.pages.outline[i].level == 2;
    assert_int_equal(level2, 19);
    assert_string_equal(r.pages.outline[2].title, node(doc, "s01")->title);
    rendered_free(&r);
}

/* A line item crossing the run: from its start to its end, between its
 * baseline and its top. */
static bool struck(const pp_page *p, const pp_dl_item *run)
{
    for (size_t k = 0; k < p->nitems; k++) {
        const pp_dl_item *it = &p->items[k];
        if (it->kind != PP_DL_LINE || it->u.line.y1 != it->u.line.y2) continue;
        double y = it->u.line.y1, size = run->u.text.size;
        if (fabs(it->u.line.x1 - run->u.text.x) < 0.01 &&
            fabs(it->u.line.x2 - (run->u.text.x + run->u.text.width)) < 0.01 &&
            y < run->u.text.y && y > run->u.text.y - size)
            return true;
    }
    return false;
}

/* The old value "≥ 15 %" of each revised target printed struck through (a
 * line across it in the display list), the new one beside it not. */
static bool run_with(const rendered *r, const char *needle, bool strike)
{
    for (size_t i = 0; i < r->pages.npages; i++) {
        const pp_page *p = r->pages.pages[i];
        for (size_t k = 0; k < p->nitems; k++) {
            const pp_dl_item *it = &p->items[k];
            if (it->kind != PP_DL_TEXT || strncmp(it->u.text.utf8, needle, strlen(needle)) != 0)
                continue;
            char next = it->u.text.utf8[strlen(needle)];
            if ((next >= '0' && next <= '9') || next == ',') continue; /* 15 is not 150 */
            if (struck(p, it) == strike && it->u.text.width > 0) return true;
        }
    }
    return false;
}

static void revised_targets_struck_through(void **state)
{
    pp_doc *doc = *state;
    rendered r;
    render(doc, &r);
    static const char *const ids[] = {"i_s02_1", "i_s02_2", "i_s02_3", "i_s02_4", "i_s04_1",
                                      "i_s04_3", "i_s04_4", "i_s06_1", "i_s07_1"};
    size_t checked = 0;
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
        const pp_node *n = node(doc, ids[i]);
        for (size_t t = 0; t < n->ind->ntargets; t++) {
            const pp_target *tg = &n->ind->targets[t];
            if (tg->nrevisions == 0) continue;
            char num[PP_FMT_IT_SIZE], old[PP_FMT_IT_SIZE + 8], now[PP_FMT_IT_SIZE + 8];
            pp_fmt_it(tg->revisions[0].old_value, n->ind->decimals, num, sizeof num);
            snprintf(old, sizeof old, ">= %s", num);
            pp_fmt_it(tg->value, n->ind->decimals, num, sizeof num);
            snprintf(now, sizeof now, ">= %s", num);
            if (!run_with(&r, old, true)) fail_msg("%s: %s is not struck through", ids[i], old);
            if (!run_with(&r, now, false)) fail_msg("%s: %s is not printed", ids[i], now);
            checked++;
        }
    }
    assert_int_equal(checked, 13);
    rendered_free(&r);
}

/* Every trend chart (a Figure with its alternative text) inside the page
 * body, one for each indicator with three values or more. */
typedef struct {
    size_t wanted;
} trend_count;

static bool count_trends(pp_node *n, void *ctx)
{
    if (n->level == PP_LEVEL_INDICATORE && pp_trend_values(n->ind) >= 3)
        ((trend_count *)ctx)->wanted++;
    return true;
}

static void inside_body(const pp_dl_item *it, const pp_layout_box *b)
{
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    switch (it->kind) {
    case PP_DL_TEXT:
        x0 = it->u.text.x, x1 = x0 + it->u.text.width;
        y0 = it->u.text.y - 0.8 * it->u.text.size, y1 = it->u.text.y + 0.2 * it->u.text.size;
        break;
    case PP_DL_RECT:
        x0 = it->u.rect.x, x1 = x0 + it->u.rect.w, y0 = it->u.rect.y, y1 = y0 + it->u.rect.h;
        break;
    case PP_DL_LINE:
        x0 = fmin(it->u.line.x1, it->u.line.x2), x1 = fmax(it->u.line.x1, it->u.line.x2);
        y0 = fmin(it->u.line.y1, it->u.line.y2), y1 = fmax(it->u.line.y1, it->u.line.y2);
        break;
    case PP_DL_PATH:
        x0 = y0 = INFINITY, x1 = y1 = -INFINITY;
        for (size_t i = 0; i < it->u.path.nsteps; i++) {
            const pp_path_step *s = &it->u.path.steps[i];
            double r = s->op == PP_PATH_ARC ? s->r : 0;
            double cx = s->op == PP_PATH_ARC ? s->cx : s->x, cy = s->op == PP_PATH_ARC ? s->cy : s->y;
            if (s->op == PP_PATH_CLOSE) continue;
            x0 = fmin(x0, cx - r), x1 = fmax(x1, cx + r), y0 = fmin(y0, cy - r), y1 = fmax(y1, cy + r);
        }
        break;
    default: return;
    }
    if (x0 < b->x0 - 0.5 || x1 > b->x1 + 0.5 || y0 < b->y0 - 0.5 || y1 > b->y1 + 0.5)
        fail_msg("figure item at %.1f,%.1f-%.1f,%.1f outside the body %.1f,%.1f-%.1f,%.1f", x0,
                 y0, x1, y1, b->x0, b->y0, b->x1, b->y1);
}

/* The trend charts of doc inside the body of their pages; returns how many. */
static size_t trends_inside(pp_doc *doc)
{
    rendered r;
    render(doc, &r);
    pp_layout_box body = pp_layout_page_box(r.lay, false);
    size_t found = 0;
    for (size_t i = 0; i < r.pages.npages; i++) {
        const pp_page *p = r.pages.pages[i];
        int depth = 0;
        for (size_t k = 0; k < p->nitems; k++) {
            const pp_dl_item *it = &p->items[k];
            if (it->kind == PP_DL_TAG_BEGIN && strcmp(it->u.tag.name, "Figure") == 0 &&
                it->u.tag.alt && strncmp(it->u.tag.alt, "Andamento dell'indicatore", 25) == 0) {
                found++;
                depth = 1;
            } else if (depth && it->kind == PP_DL_TAG_BEGIN) depth++;
            else if (depth && it->kind == PP_DL_TAG_END) depth--;
            else if (depth) inside_body(it, &body);
        }
    }
    rendered_free(&r);
    return found;
}

static void trend_charts_inside_the_page(void **state)
{
    pp_doc *doc = *state;
    trend_count want = {0};
    pp_tree_walk(doc->root, count_trends, &want);
    assert_true(want.wanted > 20);
    assert_int_equal(trends_inside(doc), want.wanted);
}

/* A serie storica of 31 years, with negative values and targets beyond it,
 * and a flat one: both charts stay in their boxes. */
static void long_and_flat_trends(void **state)
{
    (void)state;
    char *xml = malloc(1 << 16);
    assert_non_null(xml);
    int n = snprintf(xml, 1 << 16, "%s",
                     DOC_HEAD("schede")
                     "<Sistema><Aggregazione livello=\"strategico\" metodo=\"media\"/></Sistema>"
                     "<Albero><Ambito id=\"a\" peso=\"100\"><Titolo>A</Titolo>"
                     "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>"
                     "<Indicatore id=\"i\"><Nome>Serie lunga</Nome><Unita>N.</Unita>"
                     "<Target anno=\"2022\" operatore=\"ge\" valore=\"5\"/>"
                     "<Target anno=\"2024\" operatore=\"le\" valore=\"-3\"/><SerieStorica>");
    for (int y = 1990; y <= 2020; y++)
        n += snprintf(xml + n, (1 << 16) - (size_t)n, "<Valore anno=\"%d\" valore=\"%d\"/>",
                      y, (y % 7) * 1000 - 2000);
    snprintf(xml + n, (1 << 16) - (size_t)n, "%s",
             "</SerieStorica></Indicatore>"
             "<Indicatore id=\"j\"><Nome>Piatta</Nome><Unita>%</Unita>"
             "<Target anno=\"2023\" operatore=\"eq\" valore=\"0\"/><SerieStorica>"
             "<Valore anno=\"2020\" valore=\"0\"/><Valore anno=\"2021\" valore=\"0\"/>"
             "</SerieStorica></Indicatore></ObiettivoStrategico></Ambito></Albero>" DOC_TAIL);
    pp_doc *doc = scored(xml);
    free(xml);
    assert_non_null(doc);
    assert_int_equal(pp_trend_values(node(doc, "i")->ind), 31 + 2);
    assert_int_equal(trends_inside(doc), 2);
    pp_doc_free(doc);
}

/* The Relazione's notes say a revision made by the document and its
 * reason; without a reason the note is as before. */
static void relazione_notes_of_revisions(void **state)
{
    pp_doc *doc = *state;
    rendered r;
    render_with(doc, PP_SOURCE_DIR "/layouts/relazione.xml", &r);
    assert_true(printed(r.all, "Grado di adesione al cassetto digitale: target rivisto (>= 15,00"));
    assert_true(printed(r.all, "20,00 %) con il presente documento \u2013 Il target per il "
                               "2023 e 2024 viene aggiornato sulla base dei risultati relativi al "
                               "2022 (ad oggi è disponibile solo il dato al 30/9)."));
    rendered_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(validates_with_two_known_warnings),
        cmocka_unit_test(the_schede_as_printed),
        cmocka_unit_test(revised_targets_keep_their_old_values),
        cmocka_unit_test(notes_fonte_and_serie_storica),
        cmocka_unit_test(comment_paragraphs),
        cmocka_unit_test(revision_in_the_document_takes_no_act),
        cmocka_unit_test(span_and_kind),
        cmocka_unit_test(every_objective_and_indicator_printed),
        cmocka_unit_test(revised_targets_struck_through),
        cmocka_unit_test(trend_charts_inside_the_page),
        cmocka_unit_test(long_and_flat_trends),
        cmocka_unit_test(relazione_notes_of_revisions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
