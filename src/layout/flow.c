/* Page flow: a cursor moving down the body box of the current page, new
 * pages when content does not fit, headings kept with what follows them,
 * and structure tags kept balanced on every page (the tags open at a page
 * break are closed there and reopened on the next page, so a backend can
 * draw each page on its own and the running header and footer, added when
 * the page is finished, sit outside any structure element). Only the last
 * page takes content: beginning a new page finishes the one before
 * (ly_page_done), which then leaves the flow.
 *
 * Termination: every placement either puts something on the page or moves
 * to a new page from a page that has content; an empty page always accepts
 * the next unit (a line, a row piece, a figure: the layout definition
 * guarantees a body of at least 144 x 144 pt, which every unit fits). */
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "layout_internal.h"

#define LY_MAX_PAGES 200000

static void body_box(const ly_ctx *c, bool landscape, double *x0, double *y0, double *x1,
                     double *y1)
{
    pp_layout_box b = pp_layout_page_box(c->lay, landscape);
    *x0 = b.x0;
    *x1 = b.x1;
    *y0 = b.y0 + c->lay->header_h;
    *y1 = b.y1 - c->lay->footer_h;
}

bool fl_init(ly_ctx *c)
{
    memset(&c->flow, 0, sizeof c->flow);
    return true;
}

void fl_free(ly_ctx *c)
{
    ly_flow *f = &c->flow;
    for (size_t i = 0; i < f->npages; i++) pp_page_free(f->pages[i]);
    free(f->pages);
    free(f->decor);
    for (int i = 0; i < f->npending; i++) pp_lines_free(f->pending_lines[i]);
    memset(f, 0, sizeof *f);
}

pp_page *fl_page(ly_ctx *c)
{
    ly_flow *f = &c->flow;
    if (f->npages == 0 && !fl_new_page(c, true, true)) return NULL;
    return f->pages[f->npages - 1];
}

bool fl_item(ly_ctx *c, const pp_dl_item *it)
{
    pp_page *p = fl_page(c);
    if (!p || !pp_page_add(p, it)) {
        c->oom = true;
        return false;
    }
    return true;
}

static bool add_tag(ly_ctx *c, pp_dl_kind kind, const char *name, const char *alt)
{
    pp_dl_item it = {.kind = kind};
    it.u.tag.name = name;
    it.u.tag.alt = alt;
    return fl_item(c, &it);
}

static void set_box(ly_ctx *c)
{
    ly_flow *f = &c->flow;
    body_box(c, f->landscape, &f->x0, &f->y0, &f->x1, &f->y1);
    f->y = f->y0;
}

bool fl_new_page(ly_ctx *c, bool force, bool decor)
{
    ly_flow *f = &c->flow;
    if (c->oom) return false;
    if (!force && f->npages > 0 && !f->has_content) {
        if (f->landscape != f->want_landscape) { /* turn the empty page */
            pp_page *p = f->pages[f->npages - 1];
            f->landscape = f->want_landscape;
            pp_layout_box b = pp_layout_page_box(c->lay, f->landscape);
            p->width = b.page_w;
            p->height = b.page_h;
            set_box(c);
        }
        return true;
    }
    if (f->npages >= LY_MAX_PAGES) {
        pp_error(c->d, 0, 0, "the document would take more than %d pages", LY_MAX_PAGES);
        c->oom = true;
        return false;
    }
    if (f->npages > 0) { /* close what is open: every page is balanced */
        for (int i = f->ntags - 1; i >= 0; i--)
            if (i < LY_MAX_TAGS && !add_tag(c, PP_DL_TAG_END, f->tags[i], NULL)) return false;
        if (!ly_page_done(c)) return false; /* nothing more goes on it */
    }
    /* Two arrays, one capacity: both grow alike from f->cap, and f->cap
     * moves only when both have. */
    size_t cap_pages = f->cap, cap_decor = f->cap;
    if (!pp_grow(&f->pages, &cap_pages, f->npages + 1, sizeof *f->pages, 64) ||
        !pp_grow(&f->decor, &cap_decor, f->npages + 1, sizeof *f->decor, 64)) {
        c->oom = true;
        return false;
    }
    f->cap = cap_pages;
    f->landscape = f->want_landscape;
    pp_layout_box b = pp_layout_page_box(c->lay, f->landscape);
    pp_page *p = pp_page_new((int)f->npages + 1, b.page_w, b.page_h);
    if (!p) {
        c->oom = true;
        return false;
    }
    f->pages[f->npages] = p;
    f->decor[f->npages] = decor ? 1 : 0;
    f->npages++;
    set_box(c);
    f->has_content = false;
    for (int i = 0; i < f->ntags && i < LY_MAX_TAGS; i++)
        if (!add_tag(c, PP_DL_TAG_BEGIN, f->tags[i], f->alts[i])) return false;
    return true;
}

bool fl_break(ly_ctx *c) { return fl_new_page(c, false, true); }

static pp_lines *shape_heading(ly_ctx *c, size_t index);

/* Headings waiting for their content go with it to the turned page: they
 * are shaped again for its width (a handful of lines, not the body). */
bool fl_orient(ly_ctx *c, bool landscape)
{
    ly_flow *f = &c->flow;
    bool turn = f->want_landscape != landscape;
    f->want_landscape = landscape;
    for (int i = 0; turn && i < f->npending; i++) {
        pp_lines *l = shape_heading(c, f->pending[i]);
        if (!l) return false;
        pp_lines_free(f->pending_lines[i]);
        f->pending_lines[i] = l;
    }
    if (f->npages > 0 && f->landscape != landscape) return fl_new_page(c, false, true);
    return true;
}

double fl_avail(const ly_ctx *c) { return c->flow.y1 - c->flow.y; }

double fl_body_height(const ly_ctx *c)
{
    double x0, y0, x1, y1;
    body_box(c, c->flow.want_landscape, &x0, &y0, &x1, &y1);
    return y1 - y0;
}

double fl_width(const ly_ctx *c)
{
    double x0, y0, x1, y1;
    body_box(c, c->flow.want_landscape, &x0, &y0, &x1, &y1);
    return x1 - x0;
}

void fl_advance(ly_ctx *c, double h)
{
    ly_flow *f = &c->flow;
    f->y += h;
    if (f->y > f->y1) f->y = f->y1;
    f->has_content = true;
}

/* No gap at the top of a page, nor before a heading still waiting (its
 * own space after does that job). */
void fl_gap(ly_ctx *c, double g)
{
    ly_flow *f = &c->flow;
    if (!f->has_content || f->npending > 0) return;
    f->y += g;
    if (f->y > f->y1) f->y = f->y1;
}

bool fl_tag(ly_ctx *c, const char *name, const char *alt)
{
    ly_flow *f = &c->flow;
    if (!fl_page(c)) return false;
    if (f->ntags < LY_MAX_TAGS) {
        f->tags[f->ntags] = name;
        f->alts[f->ntags] = alt;
    }
    f->ntags++;
    return f->ntags > LY_MAX_TAGS || add_tag(c, PP_DL_TAG_BEGIN, name, alt);
}

bool fl_end(ly_ctx *c)
{
    ly_flow *f = &c->flow;
    if (f->ntags == 0) return true;
    f->ntags--;
    if (f->ntags >= LY_MAX_TAGS) return true;
    return add_tag(c, PP_DL_TAG_END, f->tags[f->ntags], NULL);
}

/* ---- lines ------------------------------------------------------------------------ */

/* Places lines from the cursor on, over as many pages as needed. */
static bool place_lines(ly_ctx *c, const ly_para *p)
{
    ly_flow *f = &c->flow;
    size_t n = pp_lines_count(p->lines), i = 0, guard = 2 * n + 4;
    while (i < n && guard-- > 0 && !c->oom) {
        double avail = fl_avail(c), h = 0;
        size_t k = 0;
        while (i + k < n) {
            double lh = pp_lines_height(p->lines, i + k, 1);
            if (h + lh > avail + 1e-6) break;
            h += lh;
            k++;
        }
        if (k == 0 && f->has_content) {
            if (!fl_new_page(c, false, true)) return false;
            continue;
        }
        if (k == 0) { /* an empty page takes a line, whatever its height */
            k = 1;
            h = pp_lines_height(p->lines, i, 1);
        }
        if (i + k < n && n - (i + k) == 1 && k >= 3) { /* no widow */
            k--;
            h -= pp_lines_height(p->lines, i + k, 1);
        }
        pp_page *pg = fl_page(c);
        if (!pg || !pp_lines_emit(p->lines, i, k, pg, f->x0 + p->indent, f->y, p->color, false)) {
            c->oom = true;
            return false;
        }
        fl_advance(c, h);
        i += k;
        if (i < n && !fl_new_page(c, false, true)) return false;
    }
    return !c->oom;
}

/* ---- headings --------------------------------------------------------------------- */

static ly_font_role heading_font(int level)
{
    return level <= 1 ? LY_F_H1 : level == 2 ? LY_F_H2 : level == 3 ? LY_F_H3 : LY_F_H4;
}

static const char *heading_tag(int level)
{
    static const char *const tags[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
    return tags[level < 1 ? 0 : level > 6 ? 5 : level - 1];
}

static double heading_height(const ly_ctx *c, size_t idx, const pp_lines *l, bool first)
{
    const ly_font *font = ly_font_of(c, heading_font(c->heads[idx].level));
    return (first && !c->flow.has_content ? 0 : font->space_before) + pp_lines_total_height(l) +
           font->space_after;
}

static bool place_heading(ly_ctx *c, size_t idx, const pp_lines *l)
{
    ly_flow *f = &c->flow;
    ly_heading *h = &c->heads[idx];
    const ly_font *font = ly_font_of(c, heading_font(h->level));
    fl_gap(c, font->space_before);
    /* the heading's first line must fit here; a heading never ends a page */
    if (fl_avail(c) < pp_lines_height(l, 0, 1) && f->has_content && !fl_new_page(c, false, true))
        return false;
    if (!fl_tag(c, heading_tag(h->level), NULL)) return false;
    pp_dl_item dest = {.kind = PP_DL_DEST};
    dest.u.dest.name = h->dest;
    dest.u.dest.x = f->x0;
    dest.u.dest.y = f->y;
    if (!fl_item(c, &dest)) return false;
    h->placed = (int)f->npages;
    ly_para p = {.lines = l, .color = font->color};
    if (!place_lines(c, &p) || !fl_end(c)) return false;
    fl_gap(c, font->space_after);
    return true;
}

static bool place_pending(ly_ctx *c)
{
    ly_flow *f = &c->flow;
    int n = f->npending;
    size_t idx[LY_MAX_PENDING];
    pp_lines *lines[LY_MAX_PENDING];
    memcpy(idx, f->pending, sizeof idx);
    memcpy(lines, f->pending_lines, sizeof lines);
    f->npending = 0; /* from here on they are being placed */
    bool ok = true;
    for (int i = 0; i < n; i++) {
        if (ok) ok = place_heading(c, idx[i], lines[i]);
        pp_lines_free(lines[i]);
        f->pending_lines[i] = NULL;
    }
    return ok && !c->oom;
}

/* A page of the wanted orientation to put things on. */
static bool ready_page(ly_ctx *c)
{
    ly_flow *f = &c->flow;
    if (c->oom) return false;
    if (f->npages == 0 && !fl_new_page(c, true, true)) return false;
    return f->landscape == f->want_landscape || fl_new_page(c, false, true);
}

static double pending_height(const ly_ctx *c)
{
    const ly_flow *f = &c->flow;
    double total = 0;
    for (int i = 0; i < f->npending; i++)
        total += heading_height(c, f->pending[i], f->pending_lines[i], i == 0);
    return total;
}

double fl_room_under_headings(ly_ctx *c)
{
    return ready_page(c) ? fl_avail(c) - pending_height(c) : 0;
}

bool fl_need(ly_ctx *c, double h)
{
    ly_flow *f = &c->flow;
    if (!ready_page(c)) return false;
    double total = h + pending_height(c);
    if (total > fl_avail(c) + 1e-6 && f->has_content && !fl_new_page(c, false, true))
        return false;
    return place_pending(c);
}

static pp_lines *shape_heading(ly_ctx *c, size_t index)
{
    const ly_heading *h = &c->heads[index];
    pp_lines *l = pp_text_shape(c->text, h->text, &ly_font_of(c, heading_font(h->level))->spec,
                                fl_width(c), PP_ALIGN_LEFT);
    if (!l) c->oom = true;
    return l;
}

bool fl_heading(ly_ctx *c, size_t index)
{
    ly_flow *f = &c->flow;
    if (f->npending == LY_MAX_PENDING) { /* a chain of empty headings: place the oldest */
        pp_lines *l = f->pending_lines[0];
        size_t idx = f->pending[0];
        memmove(f->pending, f->pending + 1, (LY_MAX_PENDING - 1) * sizeof f->pending[0]);
        memmove(f->pending_lines, f->pending_lines + 1,
                (LY_MAX_PENDING - 1) * sizeof f->pending_lines[0]);
        f->npending--;
        if (f->npages == 0 && !fl_new_page(c, true, true)) return false;
        bool ok = place_heading(c, idx, l);
        pp_lines_free(l);
        if (!ok) return false;
    }
    pp_lines *l = shape_heading(c, index);
    if (!l) return false;
    f->pending[f->npending] = index;
    f->pending_lines[f->npending] = l;
    f->npending++;
    return true;
}

bool fl_flush(ly_ctx *c)
{
    if (c->flow.npending == 0) return true;
    return fl_need(c, 0);
}

bool fl_para(ly_ctx *c, const ly_para *p)
{
    size_t n = pp_lines_count(p->lines);
    if (n == 0) return true;
    /* keep-with-next and no orphan: the first two lines (a paragraph of two
     * lines stays whole: split, it would leave one line on each page) */
    double first = pp_lines_height(p->lines, 0, n >= 2 ? 2 : 1);
    if (!fl_need(c, first)) return false;
    if (p->tag && !fl_tag(c, p->tag, NULL)) return false;
    ly_flow *f = &c->flow;
    if (p->label) {
        pp_page *pg = fl_page(c);
        if (!fl_tag(c, "Lbl", NULL) || !pg ||
            !pp_lines_emit(p->label, 0, 1, pg, f->x0 + p->label_x, f->y, p->color, false) ||
            !fl_end(c) || !fl_tag(c, "LBody", NULL)) {
            c->oom = true;
            return false;
        }
    }
    if (!place_lines(c, p)) return false;
    if (p->label && !fl_end(c)) return false;
    return !p->tag || fl_end(c);
}
