/* pp_layout_stream: plan -> a first pass that paginates the body, keeping
 * only each heading's page and the page count -> a second pass that lays
 * the body out again and finishes each page as it is left (INDICE entries,
 * running header, "Pagina N di M" footer, label), handing it to the
 * caller's sink -> the outline. pp_layout_document collects the pages. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "grow.h"
#include "layout_internal.h"
#include "numfmt.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- setup ------------------------------------------------------------------------ */

/* The layout's short label for a band the document labels the same way
 * ("parzialmente raggiunto"), NULL when the layout has none. */
static const char *layout_short(const pp_layout *l, const char *label)
{
    for (size_t i = 0; label && i < l->nbands; i++)
        if (l->bands[i].label && strcasecmp(l->bands[i].label, label) == 0)
            return l->bands[i].short_label;
    return NULL;
}

/* The SMVP's bands, completed from the layout: all of them when the
 * document has none, the colour of a band that lacks one, the short label
 * of a band the layout knows by the same name. Their words are printed
 * beside every indicator and objective: cut to LY_MAX_WORD characters. */
static bool effective_smvp(ly_ctx *c)
{
    const pp_smvp *s = &c->doc->smvp;
    const pp_layout *l = c->lay;
    c->smvp = *s;
    const pp_band *from = s->nbands ? s->bands : l->bands;
    size_t n = s->nbands ? s->nbands : l->nbands;
    pp_band *b = pp_arena_alloc(c->arena, (n ? n : 1) * sizeof *b);
    if (!b) return false;
    if (n) memcpy(b, from, n * sizeof *b);
    pp_rgb tmp;
    for (size_t i = 0; i < n; i++) {
        if (s->nbands && l->nbands > 0 && (!b[i].colour || !pp_rgb_parse(b[i].colour, &tmp)))
            b[i].colour = l->bands[i < l->nbands ? i : l->nbands - 1].colour;
        if (s->nbands && !b[i].short_label) b[i].short_label = layout_short(l, b[i].label);
        b[i].label = ly_clip(c, b[i].label, LY_MAX_WORD);
        b[i].status = ly_clip(c, b[i].status, LY_MAX_WORD);
    }
    c->smvp.bands = b;
    c->smvp.nbands = n;
    c->smvp.status_not_counted = c->smvp.status_not_counted
                                     ? ly_clip(c, c->smvp.status_not_counted, LY_MAX_WORD)
                                     : ly_lbl(c, LY_L_NOT_EVALUATED);
    return !c->oom;
}

static void figure_style(ly_ctx *c)
{
    c->fig.label = c->lay->fonts[LY_F_FIG_LABEL].spec;
    c->fig.value = c->lay->fonts[LY_F_FIG_VALUE].spec;
    c->fig.text = ly_col(c, LY_C_TEXT);
    c->fig.line = ly_col(c, LY_C_BORDER);
    c->fig.muted = ly_col(c, LY_C_MUTED);
    c->fig.bands = &c->smvp;
}

static char *doc_dir(ly_ctx *c)
{
    const char *p = c->doc->path;
    const char *slash = p ? strrchr(p, '/') : NULL;
    if (!slash) return NULL;
    return pp_arena_strndup(c->arena, p, slash == p ? 1 : (size_t)(slash - p));
}

/* ---- the body ------------------------------------------------------------------------ */

static bool body(ly_ctx *c)
{
    bool ok = true;
    for (size_t i = 0; i < c->nplan && ok && !c->oom; i++) {
        const ly_plan_item *it = &c->plan[i];
        switch (it->kind) {
        case PL_COVER: ok = ly_cover(c); break;
        case PL_TOC: ok = ly_toc_reserve(c); break;
        case PL_HEADING: ok = fl_heading(c, it->heading); break;
        case PL_BLOCKS: ok = ly_blocks(c, it->blocks, it->nblocks); break;
        case PL_RESULTS: ok = ly_results(c); break;
        case PL_TREE: ok = ly_tree(c, it->flag); break;
        case PL_AREA: ok = ly_area(c, it->node); break;
        case PL_STRATEGIC: ok = ly_strategic(c, it->node); break;
        case PL_OPERATIONAL: ok = ly_operational(c, it->node); break;
        case PL_ENTE: ok = ly_ente(c); break;
        case PL_PERSON: ok = ly_person(c, it->person); break;
        case PL_NO_PEOPLE:
            ok = ly_text_para(c, ly_lbl(c, LY_L_NO_PEOPLE), LY_F_BODY, PP_ALIGN_LEFT, "P");
            break;
        case PL_UNIT: ok = ly_unit(c, it->unit); break;
        case PL_NO_UNITS:
            ok = ly_text_para(c, ly_lbl(c, LY_L_NO_UNITS), LY_F_BODY, PP_ALIGN_LEFT, "P");
            break;
        case PL_SISTEMA: ok = ly_sistema(c); break;
        case PL_PLAN_TREE: ok = ly_plan_tree(c); break;
        case PL_SCHEDA: ok = ly_scheda(c, it->node); break;
        case PL_CALENDAR: ok = ly_calendar(c); break;
        case PL_INDICATOR_TREE: ok = ly_indicator_tree(c); break;
        case PL_STRATEGY_MAP: ok = ly_strategy_map(c); break;
        case PL_ORIENT: ok = fl_orient(c, it->flag); break;
        case PL_PAGEBREAK: ok = fl_break(c); break; /* waiting headings go along */
        case PL_DASHBOARD: ok = ly_dashboard(c, it->unit); break;
        case PL_NO_DASHBOARDS:
            ok = ly_text_para(c, ly_lbl(c, LY_L_NO_DASHBOARDS), LY_F_BODY, PP_ALIGN_LEFT, "P");
            break;
        case PL_PERSON_DASHBOARD: ok = ly_person_dashboard(c, it->person); break;
        case PL_VARIATIONS: ok = ly_variations(c); break;
        case PL_TRENDS: ok = ly_trends(c); break;
        case PL_POINTS_LOST: ok = ly_points_lost(c, it->count); break;
        }
    }
    ok = ok && fl_flush(c);
    if (ok && c->flow.npages == 0) ok = fl_new_page(c, true, true); /* never an empty file */
    /* close what is still open on the last page */
    while (ok && c->flow.ntags > 0) ok = fl_end(c);
    return ok && !c->oom;
}

/* ---- running header and footer ---------------------------------------------------------- */

static bool add_line(pp_page *p, double x1, double x2, double y, pp_rgb colour)
{
    pp_dl_item it = {.kind = PP_DL_LINE};
    it.u.line.x1 = x1;
    it.u.line.x2 = x2;
    it.u.line.y1 = it.u.line.y2 = y;
    it.u.line.paint = (pp_paint){.stroke = true, .stroke_color = colour, .line_width = 0.5};
    return pp_page_add(p, &it) != NULL;
}

/* ---- page labels ----------------------------------------------------------------------- */

/* With <numbering front-matter="roman">, the pages before the first
 * numbered top-level section; else none. */
size_t ly_front_pages(const ly_ctx *c)
{
    if (!c->lay->roman_front) return 0;
    for (size_t i = 0; i < c->nheads; i++)
        if (c->heads[i].level == 1 && c->heads[i].number && c->heads[i].page > 0)
            return (size_t)c->heads[i].page - 1;
    return 0;
}

void ly_page_label(const ly_ctx *c, size_t index, char *buf, size_t size)
{
    size_t front = ly_front_pages(c);
    if (index < front) pp_fmt_roman((int)index + 1, buf, size);
    else snprintf(buf, size, "%zu", index - front + 1);
}

/* Header text shaped once per orientation; only its first line is shown. */
static bool decorate(ly_ctx *c, pp_page *p, size_t index)
{
    pp_lines *const *header = c->header;
    bool land = p->width > p->height;
    pp_layout_box b = pp_layout_page_box(c->lay, land);
    const ly_font *hf = ly_font_of(c, LY_F_HEADER), *ff = ly_font_of(c, LY_F_FOOTER);
    pp_rgb rule = ly_col(c, LY_C_RULE);
    bool ok = true;
    if (c->lay->header_h > 0 && header[land]) {
        double h = pp_lines_height(header[land], 0, 1);
        if (h <= c->lay->header_h) {
            ok = pp_lines_emit(header[land], 0, 1, p, b.x0, b.y0, hf->color, false);
            if (h + 3 <= c->lay->header_h) ok = ok && add_line(p, b.x0, b.x1, b.y0 + h + 2, rule);
        }
    }
    if (c->lay->footer_h > 0) {
        char n[24], m[24];
        size_t front = ly_front_pages(c);
        ly_page_label(c, index, n, sizeof n);
        snprintf(m, sizeof m, "%zu", c->total_pages - front);
        const char *kv[] = {"n", n, "m", m, NULL};
        char *text = ly_subst(c->arena, ly_lbl(c, index < front ? LY_L_FOOTER_FRONT : LY_L_FOOTER),
                              kv);
        pp_lines *l = text ? pp_text_shape(c->text, text, &ff->spec, 0, PP_ALIGN_LEFT) : NULL;
        if (!l) return false;
        double h = pp_lines_height(l, 0, 1), w = pp_lines_width(l);
        if (h <= c->lay->footer_h && w <= b.x1 - b.x0) {
            ok = ok && pp_lines_emit(l, 0, 1, p, b.x1 - w, b.y1 - h, ff->color, false);
            if (h + 3 <= c->lay->footer_h)
                ok = ok && add_line(p, b.x0, b.x1, b.y1 - h - 2, rule);
        }
        pp_lines_free(l);
    }
    return ok;
}

/* The running header, shaped once per orientation for the second pass. */
static bool shape_header(ly_ctx *c)
{
    const pp_doc *doc = c->doc;
    const char *kv[] = {"amministrazione", doc->admin_name ? doc->admin_name : "", "titolo",
                        doc->title ? doc->title : "", NULL};
    char *text = ly_subst(c->arena, ly_lbl(c, LY_L_HEADER), kv);
    if (!text) return false;
    for (int land = 0; land < 2; land++) {
        pp_layout_box b = pp_layout_page_box(c->lay, land);
        c->header[land] = pp_text_shape(c->text, text, &ly_font_of(c, LY_F_HEADER)->spec,
                                        b.x1 - b.x0, PP_ALIGN_LEFT);
        if (!c->header[land]) return false;
    }
    return true;
}

bool ly_page_done(ly_ctx *c)
{
    ly_flow *f = &c->flow;
    size_t i = f->npages - 1;
    pp_page *p = f->pages[i];
    f->pages[i] = NULL; /* it leaves the flow */
    if (c->pass == LY_PASS_PAGINATE) { /* its number is all the first pass keeps */
        pp_page_free(p);
        return true;
    }
    size_t front = ly_front_pages(c);
    p->label_roman = i < front;
    p->label_number = (int)(i < front ? i + 1 : i - front + 1);
    if (!ly_toc_fill_page(c, i, p) || (f->decor[i] && !decorate(c, p, i))) {
        pp_page_free(p);
        c->oom = true;
        return false;
    }
    pp_status st = c->sink->page(c->sink->ctx, p, c->sink_d);
    if (st != PP_OK) c->sink_status = st;
    return st == PP_OK;
}

/* ---- the two passes ---------------------------------------------------------------------- */

/* The flow and the INDICE as before the body; the headings not placed. */
static void reset(ly_ctx *c)
{
    fl_free(c);
    fl_init(c);
    if (c->toc_lines)
        for (size_t i = 0; i < c->nheads; i++) pp_lines_free(c->toc_lines[i]);
    free(c->toc_lines);
    c->toc_lines = NULL;
    c->has_toc = false;
    c->toc_first = c->toc_pages = 0;
    for (size_t i = 0; i < c->nheads; i++) c->heads[i].placed = 0;
}

static bool run_pass(ly_ctx *c, ly_pass pass)
{
    reset(c);
    c->pass = pass;
    return body(c) && ly_page_done(c); /* the last page is finished too */
}

/* What the body allocates in the arena (the texts of cells, notes,
 * labels) serves only the pages, which the first pass drops: it gets an
 * arena of its own, freed at its end. Nothing of the context points into
 * it: the plan and the headings are made before, the shaped-text cache
 * and the INDICE's lines are malloc'ed. */
static bool first_pass(ly_ctx *c)
{
    pp_arena *kept = c->arena, *scratch = pp_arena_new();
    if (!scratch) return false;
    c->arena = scratch;
    bool ok = run_pass(c, LY_PASS_PAGINATE);
    c->arena = kept;
    pp_arena_free(scratch);
    return ok;
}

/* The second pass must paginate as the first did (the same decisions on
 * the same inputs); were it not so, its INDICE and footers would lie. */
static bool same_pagination(ly_ctx *c)
{
    for (size_t i = 0; i < c->nheads; i++)
        if (c->heads[i].placed != c->heads[i].page) {
            pp_error(c->d, 0, 0,
                     "internal error: the second pass of the layout put heading \"%s\" on page "
                     "%d, the first on page %d",
                     c->heads[i].text, c->heads[i].placed, c->heads[i].page);
            return false;
        }
    if (c->flow.npages != c->total_pages) {
        pp_error(c->d, 0, 0,
                 "internal error: the second pass of the layout made %zu pages, the first %zu",
                 c->flow.npages, c->total_pages);
        return false;
    }
    return true;
}

/* With the first pass's numbers, again; warnings were given by the first
 * pass (the same ones), errors are passed on. */
static bool second_pass(ly_ctx *c)
{
    c->total_pages = c->flow.npages;
    for (size_t i = 0; i < c->nheads; i++) c->heads[i].page = c->heads[i].placed;
    if (!shape_header(c)) return false;
    pp_diags *d = c->d, quiet;
    pp_diags_init(&quiet, d->file);
    c->d = &quiet;
    bool ok = run_pass(c, LY_PASS_EMIT);
    c->d = d;
    for (size_t i = 0; i < quiet.count; i++)
        if (quiet.items[i].severity == PP_ERROR)
            pp_diag_add(d, PP_ERROR, quiet.items[i].line, quiet.items[i].col, "%s",
                        quiet.items[i].message);
    if (quiet.oom || quiet.lost) pp_diag_oom(d);
    pp_diags_clear(&quiet);
    return ok && same_pagination(c);
}

/* ---- result ------------------------------------------------------------------------------- */

/* The outline and the page count; the context's arena moves to the
 * result, for the outline's titles and destinations live in it. */
static bool take_result(ly_ctx *c, pp_pages *out)
{
    size_t n = c->nheads + (c->has_toc ? 1 : 0), k = 0;
    out->outline = pp_arena_alloc(c->arena, (n ? n : 1) * sizeof *out->outline);
    if (!out->outline) return false;
    if (c->has_toc) out->outline[k++] = (pp_outline_entry){1, ly_lbl(c, LY_L_TOC), "toc"};
    for (size_t i = 0; i < c->nheads; i++)
        if (c->heads[i].page > 0)
            out->outline[k++] = (pp_outline_entry){c->heads[i].level, c->heads[i].text,
                                                   c->heads[i].dest};
    out->noutline = k;
    out->pages = NULL;
    out->npages = c->total_pages;
    out->arena = c->arena;
    c->arena = NULL;
    return true;
}

void pp_pages_free(pp_pages *p)
{
    if (!p) return;
    for (size_t i = 0; p->pages && i < p->npages; i++) pp_page_free(p->pages[i]);
    free(p->pages);
    pp_arena_free(p->arena);
    *p = (pp_pages){0};
}

static void cleanup(ly_ctx *c)
{
    if (c->toc_lines)
        for (size_t i = 0; i < c->nheads; i++) pp_lines_free(c->toc_lines[i]);
    free(c->toc_lines);
    fl_free(c);
    pp_lines_free(c->header[0]);
    pp_lines_free(c->header[1]);
    ly_cache_free(c);
    pp_arena_free(c->arena);
}

pp_status pp_layout_stream(const pp_doc *doc, const pp_layout *l, pp_text *text,
                           const pp_page_sink *sink, pp_pages *out, pp_diags *d)
{
    ly_ctx c = {.doc = doc, .lay = l, .text = text, .d = d, .sink = sink, .sink_d = d};
    *out = (pp_pages){0};
    double t0 = now();
    c.arena = pp_arena_new();
    bool ok = c.arena && effective_smvp(&c) && ly_cache_new(&c) && fl_init(&c);
    if (ok) {
        figure_style(&c);
        c.doc_dir = doc_dir(&c);
        ok = ly_plan_build(&c);
    }
    double t1 = now();
    ok = ok && first_pass(&c);
    double t2 = now();
    ok = ok && second_pass(&c);
    double t3 = now();
    ok = ok && take_result(&c, out);
    pp_status st = PP_OK;
    if (!ok) {
        st = c.sink_status != PP_OK ? c.sink_status : PP_ERR_ENV;
        if (st == PP_ERR_ENV && d->errors == 0)
            pp_error(d, 0, 0, "out of memory while laying out the document");
        pp_pages_free(out);
    } else {
        out->stats = (pp_layout_stats){t1 - t0, t2 - t1, t3 - t2};
    }
    cleanup(&c);
    return st;
}

/* ---- every page kept ---------------------------------------------------------------------- */

typedef struct {
    pp_page **pages;
    size_t n, cap;
} collected;

static pp_status collect(void *ctx, pp_page *page, pp_diags *d)
{
    collected *k = ctx;
    if (!pp_grow(&k->pages, &k->cap, k->n + 1, sizeof *k->pages, 64)) {
        pp_page_free(page);
        return pp_diag_oom(d);
    }
    k->pages[k->n++] = page;
    return PP_OK;
}

pp_status pp_layout_document(const pp_doc *doc, const pp_layout *l, pp_text *text, pp_pages *out,
                             pp_diags *d)
{
    collected k = {0};
    pp_page_sink sink = {collect, &k};
    pp_status st = pp_layout_stream(doc, l, text, &sink, out, d);
    if (st == PP_OK) {
        out->pages = k.pages;
        out->npages = k.n;
    } else {
        for (size_t i = 0; i < k.n; i++) pp_page_free(k.pages[i]);
        free(k.pages);
    }
    return st;
}

/* ---- metadata --------------------------------------------------------------------------------- */

pp_dl_meta pp_layout_meta(const pp_doc *doc, const pp_layout *l, pp_date fallback)
{
    static const char *const kinds[] = {"piano", "relazione", "schede"};
    char year[16];
    snprintf(year, sizeof year, "%d", doc->year);
    const char *kv[] = {"titolo", doc->title ? doc->title : "",
                        "amministrazione", doc->admin_name ? doc->admin_name : "",
                        "tipo", (unsigned)doc->kind < 3 ? kinds[doc->kind] : "",
                        "anno", year, NULL};
    pp_dl_meta m = {0};
    m.title = doc->title;
    m.author = doc->admin_name;
    m.subject = ly_subst(doc->arena, l->labels[LY_L_SUBJECT], kv);
    m.keywords = ly_subst(doc->arena, l->labels[LY_L_KEYWORDS], kv);
    m.creator = "perfpdf";
    m.lang = "it-IT";
    m.date = pp_date_valid(doc->document_date) ? doc->document_date : fallback;
    return m;
}
