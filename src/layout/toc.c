/* The INDICE. Its entries are known from the plan before pagination, so
 * the pages they need are reserved up front; in the second pass (every
 * heading's page known from the first), each page of the INDICE gets its
 * entries, with page numbers, dot leaders and links, when it is finished. */
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

#define NUM_W 30    /* column of the page numbers */
#define LEVEL_IN 14 /* indent per level */

static ly_font_role entry_font(int level) { return level <= 1 ? LY_F_TOC1 : LY_F_TOC2; }

static double entry_indent(int level) { return (level - 1) * LEVEL_IN; }

/* Height of entry i including the space before it. */
static double entry_height(const ly_ctx *c, size_t i)
{
    const ly_font *f = ly_font_of(c, entry_font(c->heads[i].level));
    return f->space_before + pp_lines_total_height(c->toc_lines[i]);
}

static bool title(ly_ctx *c)
{
    const ly_font *f = ly_font_of(c, LY_F_TOC_TITLE);
    pp_lines *l = pp_text_shape(c->text, ly_lbl(c, LY_L_TOC), &f->spec, fl_width(c),
                                PP_ALIGN_LEFT);
    if (!l) {
        c->oom = true;
        return false;
    }
    pp_dl_item dest = {.kind = PP_DL_DEST};
    dest.u.dest.name = "toc";
    dest.u.dest.x = c->flow.x0;
    dest.u.dest.y = c->flow.y;
    /* at most what fits: a title is one line in any sane layout */
    size_t n = pp_lines_count(l), k = 0;
    while (k < n && pp_lines_height(l, 0, k + 1) <= fl_avail(c) / 4) k++;
    bool ok = fl_item(c, &dest) && fl_tag(c, "H1", NULL) &&
              pp_lines_emit(l, 0, k ? k : 1, fl_page(c), c->flow.x0, c->flow.y, f->color, false);
    if (!ok) c->oom = true;
    fl_advance(c, pp_lines_height(l, 0, k ? k : 1) + f->space_after);
    pp_lines_free(l);
    return ok && fl_end(c);
}

/* An entry of the INDICE is at most a few lines: a very long title is cut
 * (with an ellipsis) at a character boundary; the heading itself is whole. */
static const char *entry_text(ly_ctx *c, const char *s)
{
    const size_t max_chars = 240;
    size_t chars = 0, i = 0;
    for (; s[i] && chars < max_chars; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) chars++;
    while (s[i] && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    if (!s[i]) return s;
    char *t = pp_arena_printf(c->arena, "%.*s\u2026", (int)i, s);
    if (!t) c->oom = true;
    return t ? t : s;
}

bool ly_toc_reserve(ly_ctx *c)
{
    if (c->has_toc) return true; /* one INDICE per document */
    c->toc_lines = calloc(c->nheads ? c->nheads : 1, sizeof(pp_lines *));
    if (!c->toc_lines) {
        c->oom = true;
        return false;
    }
    if (!fl_flush(c) || !fl_orient(c, false) || !fl_new_page(c, true, true)) return false;
    c->has_toc = true;
    c->toc_first = c->flow.npages - 1;
    if (!title(c)) return false;
    double w = fl_width(c), y = c->flow.y, y0 = c->flow.y0, y1 = c->flow.y1;
    size_t pages = 1;
    for (size_t i = 0; i < c->nheads; i++) {
        const ly_heading *h = &c->heads[i];
        if (!h->in_toc) continue;
        double indent = entry_indent(h->level);
        c->toc_lines[i] = pp_text_shape(c->text, entry_text(c, h->text), &ly_font_of(c, entry_font(h->level))->spec,
                                        w - indent - NUM_W - 12, PP_ALIGN_LEFT);
        if (!c->toc_lines[i]) {
            c->oom = true;
            return false;
        }
        double eh = entry_height(c, i);
        if (y + eh > y1 && y > y0) {
            pages++;
            y = y0;
        }
        y += eh;
    }
    c->toc_pages = pages;
    for (size_t p = 1; p < pages; p++)
        if (!fl_new_page(c, true, true)) return false;
    fl_advance(c, 0); /* the body starts on a page of its own */
    return true;
}

/* Right end of the text emitted on page p since item `from`. */
static double text_end(const pp_page *p, size_t from, double x)
{
    for (size_t i = from; i < p->nitems; i++)
        if (p->items[i].kind == PP_DL_TEXT && p->items[i].u.text.x + p->items[i].u.text.width > x)
            x = p->items[i].u.text.x + p->items[i].u.text.width;
    return x;
}

static bool add(pp_page *p, const pp_dl_item *it) { return pp_page_add(p, it) != NULL; }

static bool tag(pp_page *p, pp_dl_kind kind, const char *name)
{
    pp_dl_item it = {.kind = kind};
    it.u.tag.name = name;
    return add(p, &it);
}

/* One entry: text, dot leader, page number, and a link over all of it. */
static bool entry(ly_ctx *c, pp_page *p, size_t i, double x0, double x1, double y)
{
    const ly_heading *h = &c->heads[i];
    const ly_font *f = ly_font_of(c, entry_font(h->level));
    const pp_lines *l = c->toc_lines[i];
    size_t n = pp_lines_count(l);
    double x = x0 + entry_indent(h->level), top = y + f->space_before;
    char num[16];
    ly_page_label(c, (size_t)h->page - 1, num, sizeof num);
    pp_lines *nl = pp_text_shape(c->text, num, &f->spec, 0, PP_ALIGN_LEFT);
    if (!nl) return false;
    bool ok = tag(p, PP_DL_TAG_BEGIN, "TOCI") &&
              (n < 2 || pp_lines_emit(l, 0, n - 1, p, x, top, f->color, false));
    double last_top = top + pp_lines_height(l, 0, n ? n - 1 : 0);
    size_t mark = p->nitems;
    ok = ok && (n == 0 || pp_lines_emit(l, n - 1, 1, p, x, last_top, f->color, false));
    double end = text_end(p, mark, x), num_x = x1 - pp_lines_width(nl);
    double base = last_top + pp_lines_baseline(l, n ? n - 1 : 0);
    if (ok && num_x - end > 12) {
        pp_dl_item dots = {.kind = PP_DL_LINE};
        dots.u.line.x1 = end + 4;
        dots.u.line.x2 = num_x - 4;
        dots.u.line.y1 = dots.u.line.y2 = base - 0.5;
        dots.u.line.paint = (pp_paint){.stroke = true, .stroke_color = ly_col(c, LY_C_MUTED),
                                       .line_width = 0.7, .dash = 0.7};
        ok = add(p, &dots);
    }
    ok = ok && pp_lines_emit(nl, 0, 1, p, num_x, last_top + pp_lines_baseline(l, n ? n - 1 : 0) -
                                                      pp_lines_baseline(nl, 0),
                             f->color, false);
    pp_dl_item link = {.kind = PP_DL_LINK};
    link.u.link.x = x;
    link.u.link.y = top;
    link.u.link.w = x1 - x;
    link.u.link.h = pp_lines_total_height(l);
    link.u.link.dest = h->dest;
    ok = ok && add(p, &link) && tag(p, PP_DL_TAG_END, "TOCI");
    pp_lines_free(nl);
    return ok;
}

/* The entries are laid out from the first page of the INDICE on, as when
 * reserving, and only those that fall on page `index` are emitted: each
 * page is filled when it is finished, without holding the others. */
bool ly_toc_fill_page(ly_ctx *c, size_t index, pp_page *p)
{
    size_t end = c->toc_first + c->toc_pages;
    if (!c->has_toc || index < c->toc_first || index >= end) return true;
    pp_layout_box b = pp_layout_page_box(c->lay, false);
    double y0 = b.y0 + c->lay->header_h, y1 = b.y1 - c->lay->footer_h;
    /* the title took the top of the first page, as when reserving */
    double y = y0;
    {
        const ly_font *f = ly_font_of(c, LY_F_TOC_TITLE);
        pp_lines *l = pp_text_shape(c->text, ly_lbl(c, LY_L_TOC), &f->spec, b.x1 - b.x0,
                                    PP_ALIGN_LEFT);
        if (!l) return false;
        size_t n = pp_lines_count(l), k = 0;
        while (k < n && pp_lines_height(l, 0, k + 1) <= (y1 - y0) / 4) k++;
        y += pp_lines_height(l, 0, k ? k : 1) + f->space_after;
        pp_lines_free(l);
    }
    size_t page = c->toc_first;
    bool ok = page != index || tag(p, PP_DL_TAG_BEGIN, "TOC");
    for (size_t i = 0; ok && page <= index && i < c->nheads; i++) {
        if (!c->heads[i].in_toc) continue;
        double eh = entry_height(c, i);
        if (y + eh > y1 && y > y0 && page + 1 < end) {
            if (page == index) ok = tag(p, PP_DL_TAG_END, "TOC");
            page++;
            y = y0;
            if (page == index) ok = ok && tag(p, PP_DL_TAG_BEGIN, "TOC");
        }
        if (page == index) ok = ok && entry(c, p, i, b.x0, b.x1, y);
        y += eh;
    }
    if (page == index) ok = ok && tag(p, PP_DL_TAG_END, "TOC");
    if (!ok) c->oom = true;
    return ok;
}
