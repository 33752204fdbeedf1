/* perfpdf import: a spreadsheet of indicators (one row each) to a
 * document of the vocabulary, built as an XML tree, checked, serialised. */
#include "import_internal.h"

#include <stdlib.h>
#include <string.h>

#include "docsave.h"
#include "validate.h"
#include "load.h"
#include "files.h"

/* ---- helpers shared by the importer's files --------------------------------- */

const char *im_trim(importer *I, const char *s)
{
    const char *t;
    if (!pp_trim_copy(I->a, s, &t)) I->oom = true;
    return t;
}

const char *im_cell(importer *I, const pp_csv_row *r, pp_level l, pp_field f)
{
    return im_trim(I, pp_header_cell(&I->h, r, l, f));
}

const char *im_one_of(const char *s, const char *const *names, size_t n)
{
    char a[64], b[64];
    pp_header_normalise(s, a, sizeof a);
    for (size_t i = 0; i < n; i++) {
        pp_header_normalise(names[i], b, sizeof b);
        if (strcmp(a, b) == 0) return names[i];
    }
    return NULL;
}

int im_col(const importer *I, pp_level l, pp_field f) { return pp_header_col(&I->h, l, f); }

const char *im_colname(const importer *I, int col)
{
    return col > 0 ? pp_csv_field(&I->csv->rows[0], (size_t)col - 1) : "";
}

xmlNode *im_el(importer *I, const char *name, int row, int col)
{
    xmlNode *n = xmlNewDocNode(I->x.doc, I->ns, (const xmlChar *)name, NULL);
    if (!n || !pp_xml_set_pos(&I->x, n, row, col)) {
        xmlFreeNode(n);
        I->oom = true;
        return NULL;
    }
    return n;
}

xmlNode *im_text_el(importer *I, xmlNode *parent, const char *name, const char *text, int row,
                    int col)
{
    if (!text || !parent) return NULL;
    xmlNode *n = im_el(I, name, row, col);
    if (!n) return NULL;
    xmlNode *t = xmlNewDocText(I->x.doc, (const xmlChar *)text);
    if (!t) I->oom = true;
    else xmlAddChild(n, t);
    xmlAddChild(parent, n);
    return n;
}

void im_attr(importer *I, xmlNode *n, const char *name, const char *value)
{
    if (n && value && !xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value))
        I->oom = true;
}

bool im_number(importer *I, const char *s, int row, int col, pp_number *out)
{
    if (pp_parse_number_it(s, I->style, out)) return true;
    const char *like = I->style == PP_NUMSTYLE_C ? "1234.56" : "1.234,56";
    pp_error(I->d, row, col, "%s: '%s' is not a number (this file writes numbers as %s)",
             im_colname(I, col), s, like);
    return false;
}

/* ---- the file as a whole ------------------------------------------------------- */

static bool has_any(const pp_header *h, pp_level l)
{
    return pp_header_has(h, l, PP_F_ID) || pp_header_has(h, l, PP_F_CODICE) ||
           pp_header_has(h, l, PP_F_TITOLO);
}

static bool check_header(importer *I)
{
    const pp_header *h = &I->h;
    int line = I->csv->rows[0].line;
    size_t before = I->d->errors;
    if (!has_any(h, PP_LEVEL_AMBITO))
        pp_error(I->d, line, 1, "no column naming the ambito (ambito_titolo or ambito_codice)");
    if (!has_any(h, PP_LEVEL_STRATEGICO))
        pp_error(I->d, line, 1,
                 "no column naming the strategic objective (strategico_titolo or strategico_codice)");
    if (!pp_header_has(h, PP_LEVEL_INDICATORE, PP_F_TITOLO))
        pp_error(I->d, line, 1, "no column indicatore_nome (the indicator's name)");
    if (!pp_header_has(h, PP_LEVEL_INDICATORE, PP_F_UNITA_MISURA))
        pp_error(I->d, line, 1, "no column unita_misura (N., %%, €, gg, h, fte, data)");
    return I->d->errors == before;
}

static void target_years(const importer *I, im_head *H)
{
    for (unsigned t = 0; t < I->h.ntargets; t++) {
        int y = I->h.targets[t].year;
        if (y == 0) continue;
        if (!H->min_year || y < H->min_year) H->min_year = y;
        if (y > H->max_year) H->max_year = y;
    }
}

static bool any_actual(const importer *I)
{
    for (size_t i = 1; i < I->csv->nrows; i++) {
        const char *s = pp_header_cell(&I->h, &I->csv->rows[i], PP_LEVEL_INDICATORE,
                                       PP_F_CONSUNTIVO);
        if (*s) return true;
    }
    return false;
}

/* The template: checked as a document, then read as a tree to copy from. */
static pp_status open_template(im_head *H, pp_diags *tpl_d)
{
    const char *path = H->o->template_path;
    if (!path) return PP_OK;
    pp_doc *doc = NULL;
    pp_status st = pp_open_document(path, tpl_d, &doc);
    if (st != PP_OK) return st;
    H->tpl_kind = doc->kind == PP_DOC_PIANO ? "piano" : doc->kind == PP_DOC_SCHEDE ? "schede"
                                                                                  : "relazione";
    H->tpl_year = doc->year;
    H->tpl_mix = doc->smvp.has_mix;
    pp_doc_free(doc);
    pp_diags_clear(tpl_d); /* its warnings are not the import's business */
    return pp_xml_read(path, tpl_d, &H->tpl);
}

static bool settle_kind_and_year(importer *I, im_head *H)
{
    const char *kind = H->o->kind ? H->o->kind : H->tpl_kind;
    if (!kind) kind = any_actual(I) ? "relazione" : "piano";
    I->relazione = strcmp(kind, "relazione") == 0;
    if (!I->relazione && any_actual(I))
        pp_warning(I->d, I->csv->rows[0].line, pp_header_col(&I->h, PP_LEVEL_INDICATORE, PP_F_CONSUNTIVO),
                   "a Piano has no consuntivi: the column is ignored (--kind relazione makes a "
                   "Relazione)");
    I->year = H->o->year ? H->o->year : H->tpl_year ? H->tpl_year : H->min_year;
    if (I->year == 0) {
        pp_error(I->d, I->csv->rows[0].line, 1,
                 "no reference year: add target columns (target_2023, target_2024...) or give "
                 "--year");
        return false;
    }
    return true;
}

/* A column of the indicator itself (not of the objectives above it). */
static bool indicator_column(const pp_header *h, int col)
{
    for (int f = 0; f < PP_F_COUNT; f++)
        if (h->where[PP_LEVEL_INDICATORE][f] == col - 1) return true;
    for (unsigned t = 0; t < h->ntargets; t++)
        if (h->targets[t].col == col - 1) return true;
    return false;
}

/* Diagnostics of the built document: positions below zero belong to
 * elements copied from the template (see import_head.c). Those about an
 * indicator whose row has an error of its own already are left out: they
 * would only repeat it in the words of the XML. (Objectives span rows:
 * what is said of them is kept.) */
static void route(const importer *I, const pp_diags *all, pp_diags *tpl_d, const bool *bad_row,
                  size_t nrows)
{
    for (size_t i = 0; i < all->count; i++) {
        const pp_diag *g = &all->items[i];
        if (g->line > 0 && (size_t)g->line <= nrows && bad_row[g->line - 1] &&
            indicator_column(&I->h, g->col))
            continue;
        pp_diags *to = g->line < 0 ? tpl_d : I->d;
        pp_diag_add(to, g->severity, g->line < 0 ? -g->line : g->line, g->col, "%s", g->message);
    }
    if (all->truncated) pp_error(I->d, 0, 0, "too many problems: the first are shown");
    if (all->oom) pp_diag_oom(I->d); /* the routed list must not look complete */
}

/* Rows (by line) with an error already. */
static bool *bad_rows(const importer *I, size_t *nrows)
{
    *nrows = (size_t)I->csv->rows[I->csv->nrows - 1].line;
    bool *bad = calloc(*nrows + 1, sizeof *bad);
    for (size_t i = 0; bad && i < I->d->count; i++) {
        const pp_diag *g = &I->d->items[i];
        if (g->severity == PP_ERROR && g->line > 0 && (size_t)g->line <= *nrows)
            bad[g->line - 1] = true;
    }
    return bad;
}

static pp_status check_built(importer *I, pp_diags *tpl_d)
{
    size_t nrows;
    bool *bad = bad_rows(I, &nrows);
    if (!bad) {
        I->oom = true;
        return PP_ERR_ENV;
    }
    pp_diags all;
    pp_diags_init(&all, I->d->file);
    pp_status st = pp_validate_tree(&I->x, I->d->file, &all, NULL);
    route(I, &all, tpl_d, bad, nrows);
    pp_diags_clear(&all);
    free(bad);
    return st;
}

/* The CSV has errors already: report what else the document would have. */
static pp_status check_rest(importer *I, pp_diags *tpl_d)
{
    pp_status st = check_built(I, tpl_d);
    return st == PP_ERR_ENV ? st : PP_ERR_INPUT;
}

static pp_status check_and_write(importer *I, pp_diags *tpl_d, char **xml, size_t *len)
{
    pp_status st = check_built(I, tpl_d);
    if (st != PP_OK) return st;
    return pp_serialize_checked(&I->x, true, I->d->file, I->d, xml, len);
}

static bool new_document(importer *I)
{
    I->x.doc = xmlNewDoc((const xmlChar *)"1.0");
    I->x.positions = pp_arena_new();
    if (!I->x.doc || !I->x.positions) return !(I->oom = true);
    I->root_el = xmlNewDocNode(I->x.doc, NULL, (const xmlChar *)"DocumentoPerformance", NULL);
    if (!I->root_el) return !(I->oom = true);
    xmlDocSetRootElement(I->x.doc, I->root_el);
    I->ns = xmlNewNs(I->root_el, (const xmlChar *)PP_NS, NULL);
    if (!I->ns) return !(I->oom = true);
    xmlSetNs(I->root_el, I->ns);
    im_attr(I, I->root_el, "versione", "1.0");
    I->holder = im_el(I, "Indicatori", 0, 0);
    return !I->oom;
}

static pp_status build(importer *I, im_head *H, pp_diags *tpl_d, char **xml, size_t *len)
{
    pp_header_read(&I->csv->rows[0], &I->h, I->d);
    if (!check_header(I)) return PP_ERR_INPUT;
    if (I->csv->nrows < 2) {
        pp_error(I->d, I->csv->rows[0].line, 1, "no rows after the header");
        return PP_ERR_INPUT;
    }
    target_years(I, H);
    if (!settle_kind_and_year(I, H)) return PP_ERR_INPUT;
    I->style = pp_header_number_style(&I->h, I->csv);
    I->mix = H->tpl_mix;
    if (!new_document(I)) return PP_ERR_ENV;
    size_t errors = I->d->errors;
    im_rows(I);
    if (!I->root.first && I->d->errors == errors) {
        pp_error(I->d, I->csv->rows[0].line, 1, "no rows after the header but blank ones");
        return PP_ERR_INPUT;
    }
    xmlNode *albero = I->oom ? NULL : im_albero(I);
    if (!I->oom && albero) im_document(I, H, albero);
    if (I->oom) return PP_ERR_ENV;
    if (I->d->errors > I->errors0) { /* the document would only repeat them */
        if (I->root.first) return check_rest(I, tpl_d);
        return PP_ERR_INPUT;
    }
    return check_and_write(I, tpl_d, xml, len);
}

pp_status pp_import_mem(const pp_import_opts *o, const char *csv, size_t csv_len,
                        pp_diags *csv_d, pp_diags *tpl_d, char **xml, size_t *len)
{
    *xml = NULL;
    *len = 0;
    importer I = {0};
    im_head H = {0};
    H.o = o;
    I.d = csv_d;
    I.errors0 = csv_d->errors;
    I.a = pp_arena_new();
    pp_csv *table = NULL;
    pp_status st = I.a ? pp_csv_parse(csv, csv_len, csv_d, &table) : pp_diag_oom(csv_d);
    if (table && table->nrows == 0) {
        pp_error(csv_d, 0, 0, "the file is empty");
        st = PP_ERR_INPUT;
    }
    if (table && table->nrows > 0) { /* with syntax errors too: report the cells' */
        pp_status tpl = open_template(&H, tpl_d);
        I.csv = table;
        pp_status built = tpl == PP_OK ? build(&I, &H, tpl_d, xml, len) : tpl;
        if (st == PP_OK || built == PP_ERR_ENV) st = built;
    }
    if (I.oom) pp_diag_oom(csv_d);
    st = pp_diags_status(tpl_d, pp_diags_status(csv_d, st));
    if (st != PP_OK) {
        free(*xml);
        *xml = NULL;
        *len = 0;
    }
    xmlFreeNode(I.holder);
    pp_xml_free(&I.x);
    pp_xml_free(&H.tpl);
    pp_csv_free(table);
    pp_arena_free(I.a);
    return st;
}

pp_status pp_import(const pp_import_opts *o, pp_diags *csv_d, pp_diags *tpl_d, char **xml,
                    size_t *len)
{
    char *data;
    size_t n;
    *xml = NULL;
    *len = 0;
    pp_status st = pp_read_file(o->csv_path, PP_CSV_MAX_FILE, &data, &n, csv_d);
    if (st != PP_OK) return st;
    st = pp_import_mem(o, data, n, csv_d, tpl_d, xml, len);
    free(data);
    return st;
}
