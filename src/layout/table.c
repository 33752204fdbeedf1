/* Tables: cells of shaped lines (each line a "piece" of known height),
 * header rows repeated on every page, rows never split unless a row alone
 * is taller than a page, in which case it continues under a "(segue)" mark.
 * Every cell has its box (a rectangle, painted only when the cell is a
 * drawing) inside its TD/TH, so what a cell holds can be checked against
 * its box; the fills of a row go under its cells as one rectangle per run
 * of a colour, and the borders of a page's rows are one path (table_grid.c):
 * a few drawing operations per row instead of one or two per cell. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "layout_internal.h"

#define LIGHT_R 3.4 /* radius of a traffic light, points */

ly_table *tb_new(ly_ctx *c, const double *widths, size_t ncols)
{
    ly_table *t = calloc(1, sizeof *t);
    if (t) t->colw = calloc(ncols ? ncols : 1, sizeof(double));
    if (!t || !t->colw) {
        free(t);
        c->oom = true;
        return NULL;
    }
    t->c = c;
    t->ncols = ncols;
    t->ok = true;
    t->width = fl_width(c);
    double sum = 0;
    for (size_t i = 0; i < ncols; i++) sum += widths[i] > 0 ? widths[i] : 0;
    for (size_t i = 0; i < ncols; i++)
        t->colw[i] = sum > 0 ? t->width * (widths[i] > 0 ? widths[i] : 0) / sum : t->width / ncols;
    /* no column narrower than a short word (on a small page, all equal):
     * the room comes from the wider columns, in proportion */
    double em = ly_font_of(c, LY_F_TABLE_HEAD)->spec.size;
    double floor_w = 2.5 * em + 2 * c->lay->cell_pad;
    if (floor_w > t->width / ncols) floor_w = t->width / ncols;
    double lack = 0, spare = 0;
    for (size_t i = 0; i < ncols; i++) {
        if (t->colw[i] < floor_w) lack += floor_w - t->colw[i];
        else spare += t->colw[i] - floor_w;
    }
    for (size_t i = 0; lack > 0 && spare > 0 && i < ncols; i++)
        t->colw[i] = t->colw[i] < floor_w
                         ? floor_w
                         : t->colw[i] - (t->colw[i] - floor_w) * (lack / spare);
    return t;
}

void tb_free(ly_table *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->nrows; i++) {
        for (size_t k = 0; k < t->rows[i].ncells; k++) free(t->rows[i].cells[k].pieces);
        free(t->rows[i].cells);
    }
    free(t->rows);
    for (size_t i = 0; i < t->nowned; i++) pp_lines_free(t->owned[i]);
    free(t->owned);
    free(t->colw);
    free(t->grid);
    free(t);
}

static bool fail(ly_table *t)
{
    t->ok = false;
    t->c->oom = true;
    return false;
}

ly_row *tb_row(ly_table *t, bool header)
{
    if (!t->ok) return NULL;
    if (header && t->nrows != t->nhead) header = false; /* headers come first */
    if (!pp_grow(&t->rows, &t->cap, t->nrows + 1, sizeof *t->rows, 8)) {
        fail(t);
        return NULL;
    }
    ly_row *r = &t->rows[t->nrows++];
    *r = (ly_row){.header = header};
    r->cells = calloc(t->ncols ? t->ncols : 1, sizeof(ly_cell));
    if (!r->cells) {
        t->nrows--;
        fail(t);
        return NULL;
    }
    if (header) t->nhead++;
    return r;
}

ly_cell *tb_cell(ly_table *t, ly_row *r, int span)
{
    if (!t->ok || !r || (size_t)r->next_col >= t->ncols) return NULL;
    if (span < 1) span = 1;
    if ((size_t)(r->next_col + span) > t->ncols) span = (int)t->ncols - r->next_col;
    ly_cell *cell = &r->cells[r->ncells++];
    *cell = (ly_cell){.col = r->next_col, .span = span};
    for (int i = 0; i < span; i++) cell->w += t->colw[r->next_col + i];
    r->next_col += span;
    return cell;
}

void tb_fill(ly_cell *cell, pp_rgb colour)
{
    if (!cell) return;
    cell->fill = true;
    cell->fill_color = colour;
}

void tb_alt(ly_cell *cell, const char *alt)
{
    if (cell) cell->alt = alt;
}

static bool add_piece(ly_table *t, ly_cell *cell, ly_piece p)
{
    if (!pp_grow(&cell->pieces, &cell->cap, cell->npieces + 1, sizeof *cell->pieces, 4))
        return fail(t);
    cell->pieces[cell->npieces++] = p;
    cell->h += p.h;
    return true;
}

static bool own(ly_table *t, pp_lines *l)
{
    if (!pp_grow(&t->owned, &t->cap_owned, t->nowned + 1, sizeof *t->owned, 16)) {
        pp_lines_free(l);
        return fail(t);
    }
    t->owned[t->nowned++] = l;
    return true;
}

/* Horizontal padding: the layout's, less in a very narrow cell, so that
 * the cell keeps room for at least a glyph. */
static double hpad(const ly_table *t, double w)
{
    double p = t->c->lay->cell_pad;
    return p < w / 8 ? p : w / 8;
}

static double inner(const ly_table *t, const ly_cell *cell, double indent)
{
    double w = cell->w - 2 * hpad(t, cell->w) - indent;
    return w > 4 ? w : 4;
}

static bool add_lines(ly_table *t, ly_cell *cell, const pp_lines *l, pp_rgb color, bool strike,
                      double indent, bool light, int band)
{
    for (size_t i = 0; i < pp_lines_count(l); i++) {
        ly_piece p = {.lines = l, .line = i, .h = pp_lines_height(l, i, 1), .indent = indent,
                      .color = color, .strike = strike, .light = light && i == 0, .band = band};
        if (!add_piece(t, cell, p)) return false;
    }
    return true;
}

bool tb_text_at(ly_table *t, ly_cell *cell, const char *utf8, ly_font_role f, pp_align align,
                pp_rgb color, bool strike, double indent)
{
    if (!t->ok || !cell) return false;
    if (inner(t, cell, 0) < indent + 24) indent = 0;
    bool owned;
    pp_lines *l = ly_shape(t->c, utf8 ? utf8 : "", f, inner(t, cell, indent), align, &owned);
    if (!l || (owned && !own(t, l))) return fail(t);
    return add_lines(t, cell, l, color, strike, indent, false, 0);
}

bool tb_text(ly_table *t, ly_cell *cell, const char *utf8, ly_font_role f, pp_align align,
             pp_rgb color, bool strike)
{
    return tb_text_at(t, cell, utf8, f, align, color, strike, 0);
}

bool tb_rich(ly_table *t, ly_cell *cell, const pp_rich *text, ly_font_role f, pp_align align,
             pp_rgb color)
{
    if (!t->ok || !cell) return false;
    bool owned;
    pp_lines *l = ly_shape_rich(t->c, text, f, inner(t, cell, 0), align, &owned);
    if (!l || (owned && !own(t, l))) return fail(t);
    return add_lines(t, cell, l, color, false, 0, false, 0);
}

bool tb_light_text(ly_table *t, ly_cell *cell, int band, const char *utf8, ly_font_role f,
                   pp_rgb color)
{
    if (!t->ok || !cell) return false;
    double indent = 2 * LIGHT_R + 4;
    if (inner(t, cell, 0) < indent + 12) indent = 0; /* too narrow for a light */
    bool owned;
    pp_lines *l = ly_shape(t->c, utf8, f, inner(t, cell, indent), PP_ALIGN_LEFT, &owned);
    if (!l || (owned && !own(t, l))) return fail(t);
    return add_lines(t, cell, l, color, false, indent, indent > 0, band);
}

/* A band word on one line: "PARZIALMENTE RAGGIUNTO" wrapped in every row
 * of a narrow column reads badly; its short label does not wrap. */
bool tb_light_text_fit(ly_table *t, ly_cell *cell, int band, const char *utf8,
                       const char *brief, ly_font_role f, pp_rgb color)
{
    if (!t->ok || !cell) return false;
    if (brief && *brief) {
        double indent = 2 * LIGHT_R + 4;
        if (inner(t, cell, 0) < indent + 12) indent = 0;
        bool owned;
        pp_lines *l = ly_shape(t->c, utf8, f, inner(t, cell, indent), PP_ALIGN_LEFT, &owned);
        if (!l) return fail(t);
        bool wraps = pp_lines_count(l) > 1;
        if (owned) pp_lines_free(l);
        if (wraps) utf8 = brief;
    }
    return tb_light_text(t, cell, band, utf8, f, color);
}

/* ---- placing ---------------------------------------------------------------------------- */

static double row_height(const ly_table *t, const ly_row *r)
{
    double h = 0;
    for (size_t i = 0; i < r->ncells; i++)
        if (r->cells[i].h > h) h = r->cells[i].h;
    return h + 2 * t->c->lay->cell_pad;
}

static double x_of(const ly_table *t, int col)
{
    double x = t->c->flow.x0;
    for (int i = 0; i < col; i++) x += t->colw[i];
    return x;
}

/* The "(segue)" mark of a continued row goes in its widest cell. */
static size_t widest(const ly_row *r)
{
    size_t k = 0;
    for (size_t i = 1; i < r->ncells; i++)
        if (r->cells[i].w > r->cells[k].w) k = i;
    return k;
}

static bool same_fill(const ly_cell *a, const ly_cell *b)
{
    return a->fill && b->fill && !a->alt && !b->alt && a->fill_color.r == b->fill_color.r &&
           a->fill_color.g == b->fill_color.g && a->fill_color.b == b->fill_color.b;
}

/* The fills of a row's cells (but drawings, filled in their own Figure), one
 * rectangle per run of neighbouring cells of a colour: a header row is one. */
static bool row_fills(ly_table *t, const ly_row *r, double y, double h)
{
    for (size_t i = 0; i < r->ncells; i++) {
        const ly_cell *first = &r->cells[i];
        if (!first->fill || first->alt) continue;
        while (i + 1 < r->ncells && same_fill(first, &r->cells[i + 1])) i++;
        const ly_cell *last = &r->cells[i];
        pp_dl_item fill = {.kind = PP_DL_RECT};
        fill.u.rect.x = x_of(t, first->col);
        fill.u.rect.y = y;
        fill.u.rect.w = x_of(t, last->col) + last->w - fill.u.rect.x;
        fill.u.rect.h = h;
        fill.u.rect.paint = (pp_paint){.fill = true, .fill_color = first->fill_color};
        if (!fl_item(t->c, &fill)) return false;
    }
    return true;
}

/* Pieces [from[i], to[i]) of each cell, in a row box of height h. */
static bool emit_chunk(ly_table *t, const ly_row *r, const size_t *from, const size_t *to,
                       double h, const pp_lines *segue)
{
    ly_ctx *c = t->c;
    double pad = c->lay->cell_pad, y = c->flow.y;
    size_t mark = widest(r);
    if (!fl_tag(c, "TR", NULL) || !row_fills(t, r, y, h)) return false;
    for (size_t i = 0; i < r->ncells && !c->oom; i++) {
        const ly_cell *cell = &r->cells[i];
        double x = x_of(t, cell->col), px = x + hpad(t, cell->w);
        if (!fl_tag(c, r->header ? "TH" : "TD", NULL)) return false;
        pp_dl_item box = {.kind = PP_DL_RECT};
        box.u.rect.x = x;
        box.u.rect.y = y;
        box.u.rect.w = cell->w;
        box.u.rect.h = h;
        if (cell->alt) /* a drawing: the box is the picture */
            box.u.rect.paint = (pp_paint){.fill = cell->fill, .fill_color = cell->fill_color};
        if (!tg_add(t, x, y, cell->w, h)) return false;
        if (cell->alt && !fl_tag(c, "Figure", cell->alt)) return false;
        if (!fl_item(c, &box)) return false;
        if (cell->alt && !fl_end(c)) return false;
        double py = y + pad;
        if (segue && i == mark) {
            if (!pp_lines_emit(segue, 0, pp_lines_count(segue), fl_page(c), px, py,
                               ly_col(c, LY_C_MUTED), false))
                return fail(t);
            py += pp_lines_total_height(segue);
        }
        for (size_t k = from[i]; k < to[i]; k++) {
            const ly_piece *p = &cell->pieces[k];
            if (p->light && !pp_light_draw(fl_page(c), c->text, &c->smvp, p->band,
                                           px + LIGHT_R, py + p->h / 2, LIGHT_R))
                return fail(t);
            if (!pp_lines_emit(p->lines, p->line, 1, fl_page(c), px + p->indent, py, p->color,
                               p->strike))
                return fail(t);
            py += p->h;
        }
        if (!fl_end(c)) return false;
    }
    if (!fl_end(c)) return false;
    fl_advance(c, h);
    return !c->oom;
}

static bool emit_row(ly_table *t, const ly_row *r)
{
    size_t from[r->ncells ? r->ncells : 1], to[r->ncells ? r->ncells : 1];
    for (size_t i = 0; i < r->ncells; i++) {
        from[i] = 0;
        to[i] = r->cells[i].npieces;
    }
    return emit_chunk(t, r, from, to, row_height(t, r), NULL);
}

static double head_height(const ly_table *t)
{
    double h = 0;
    for (size_t i = 0; i < t->nhead; i++) h += row_height(t, &t->rows[i]);
    return h;
}

static bool emit_head(ly_table *t)
{
    for (size_t i = 0; i < t->nhead; i++)
        if (!emit_row(t, &t->rows[i])) return false;
    return true;
}

/* A new page inside the table: the Table tag is closed and reopened by the
 * flow; the header rows come again. */
static bool next_page(ly_table *t, bool repeat)
{
    if (!tg_flush(t) || !fl_new_page(t->c, false, true)) return false;
    return !repeat || emit_head(t);
}

/* A row taller than a page: as many pieces of each cell as fit, then the
 * rest on the next pages under "(segue)". Each round places at least one
 * piece of every unfinished cell, so it ends. */
static bool split_row(ly_table *t, const ly_row *r, bool repeat, const pp_lines *segue)
{
    ly_ctx *c = t->c;
    double pad = c->lay->cell_pad;
    size_t n = r->ncells ? r->ncells : 1, from[n], to[n], total = 0;
    for (size_t i = 0; i < r->ncells; i++) {
        from[i] = to[i] = 0;
        total += r->cells[i].npieces;
    }
    bool cont = false, fresh = false;
    size_t mark = widest(r);
    for (size_t guard = 0; guard <= 2 * total + 2 && !c->oom; guard++) {
        double seg = cont && segue ? pp_lines_total_height(segue) : 0;
        double room = fl_avail(c) - 2 * pad, chunk = 0;
        bool left = false, cramped = false;
        for (size_t i = 0; i < r->ncells; i++) /* does every cell's next piece fit here? */
            if (from[i] < r->cells[i].npieces &&
                (i == mark ? seg : 0) + r->cells[i].pieces[from[i]].h > room + 1e-6)
                cramped = true;
        if (cramped && !fresh && c->flow.has_content) {
            if (!next_page(t, repeat)) return false;
            fresh = true;
            continue;
        }
        fresh = false;
        for (size_t i = 0; i < r->ncells; i++) {
            const ly_cell *cell = &r->cells[i];
            double h = i == mark ? seg : 0;
            to[i] = from[i];
            while (to[i] < cell->npieces && h + cell->pieces[to[i]].h <= room + 1e-6)
                h += cell->pieces[to[i]++].h;
            if (to[i] == from[i] && to[i] < cell->npieces) h += cell->pieces[to[i]++].h;
            if (h > chunk) chunk = h;
            if (to[i] < cell->npieces) left = true;
        }
        if (!emit_chunk(t, r, from, to, chunk + 2 * pad, cont ? segue : NULL)) return false;
        if (!left) return true;
        for (size_t i = 0; i < r->ncells; i++) from[i] = to[i];
        if (!next_page(t, repeat)) return false;
        cont = fresh = true;
    }
    return !c->oom;
}

static bool place_caption(ly_table *t, const pp_lines *cap, const pp_lines *src, bool end)
{
    ly_ctx *c = t->c;
    const pp_lines *l = end ? src : cap;
    if (!l) return true;
    ly_para p = {.lines = l, .color = ly_font_of(c, end ? LY_F_NOTE : LY_F_CAPTION)->color,
                 .tag = end ? "P" : "Caption"};
    if (end) fl_gap(c, 2);
    return fl_para(c, &p);
}

/* Height of row i and the rows it keeps with: the band rows that follow
 * it and the first row that is not one; a few at most (a tree's levels),
 * so that a long run of bands costs no more than a short one. */
#define MAX_KEEP_CHAIN 6
static double keep_chain(const ly_table *t, size_t i)
{
    double h = row_height(t, &t->rows[i]);
    for (int n = 0; t->rows[i].keep_next && i + 1 < t->nrows && n < MAX_KEEP_CHAIN; n++)
        h += row_height(t, &t->rows[++i]);
    return h;
}

bool tb_place(ly_table *t)
{
    ly_ctx *c = t->c;
    if (!t->ok) return false;
    bool owned;
    double widest_col = 0;
    for (size_t i = 0; i < t->ncols; i++)
        if (t->colw[i] > widest_col) widest_col = t->colw[i];
    pp_lines *segue = ly_shape(c, ly_lbl(c, LY_L_CONTINUED), LY_F_NOTE,
                               widest_col - 2 * hpad(t, widest_col), PP_ALIGN_LEFT, &owned);
    pp_lines *cap = t->caption ? pp_text_shape(c->text, t->caption,
                                               &ly_font_of(c, LY_F_CAPTION)->spec, t->width,
                                               PP_ALIGN_LEFT)
                               : NULL;
    pp_lines *src = t->source ? pp_text_shape(c->text, t->source, &ly_font_of(c, LY_F_NOTE)->spec,
                                              t->width, PP_ALIGN_LEFT)
                              : NULL;
    bool ok = segue && (!t->caption || cap) && (!t->source || src);
    if (!ok) c->oom = true;
    double body = fl_body_height(c), head = head_height(t);
    double cap_h = cap ? pp_lines_total_height(cap) + ly_font_of(c, LY_F_CAPTION)->space_after : 0;
    /* headers repeat only when they leave room for rows */
    bool repeat = head <= body / 2;
    double first = t->nrows > t->nhead ? row_height(t, &t->rows[t->nhead]) : 0;
    if (first > body - head - cap_h) first = 0; /* a split row: any room will do */
    /* a short table is kept whole: it moves rather than leave a row or two
     * behind */
    double all = cap_h + head;
    for (size_t i = t->nhead; i < t->nrows; i++) all += row_height(t, &t->rows[i]);
    if (all <= body * 0.35) first = all - cap_h - head;
    if (ok) {
        fl_gap(c, ly_font_of(c, LY_F_CAPTION)->space_before);
        ok = fl_need(c, cap_h + head + first + 1);
    }
    if (ok) ok = fl_tag(c, "Table", NULL);
    if (ok && cap) {
        ok = place_caption(t, cap, NULL, false);
        fl_gap(c, ly_font_of(c, LY_F_CAPTION)->space_after);
    }
    for (size_t i = 0; ok && i < t->nhead; i++) {
        const ly_row *r = &t->rows[i];
        ok = repeat ? emit_row(t, r) : split_row(t, r, false, segue);
    }
    size_t on_page = 0; /* body rows of this table on the current page */
    for (size_t i = t->nhead; ok && i < t->nrows; i++) {
        const ly_row *r = &t->rows[i];
        double h = row_height(t, r);
        size_t pages_before = c->flow.npages;
        /* no widow: the last row does not go alone to the next page */
        double room = body - (repeat ? head : 0);
        bool widow = i + 2 == t->nrows && on_page > 0 && h <= fl_avail(c) + 1e-6 &&
                     h + row_height(t, &t->rows[i + 1]) > fl_avail(c) + 1e-6 &&
                     h + row_height(t, &t->rows[i + 1]) <= room;
        /* nor does what follows the table (its notes) go alone */
        bool tail = i + 1 == t->nrows && on_page > 0 && t->keep_after > 0 &&
                    h <= fl_avail(c) + 1e-6 && h + t->keep_after > fl_avail(c) + 1e-6 &&
                    h + t->keep_after <= room;
        /* nor a band row (nor bands over bands) without the first row
         * under them */
        double chain = r->keep_next ? keep_chain(t, i) : h;
        bool band = r->keep_next && on_page > 0 && h <= fl_avail(c) + 1e-6 &&
                    chain > fl_avail(c) + 1e-6 && chain <= room;
        widow = widow || tail || band;
        if (widow) {
            ok = next_page(t, repeat) && emit_row(t, r);
        } else if (h <= fl_avail(c) + 1e-6) {
            ok = emit_row(t, r);
        } else if (h <= body - (repeat ? head : 0)) {
            ok = next_page(t, repeat) && emit_row(t, r);
        } else {
            /* start it here if a useful part fits, else on a new page */
            if (fl_avail(c) < body / 4) ok = next_page(t, repeat);
            ok = ok && split_row(t, r, repeat, segue);
        }
        on_page = c->flow.npages == pages_before ? on_page + 1 : 1;
    }
    if (ok) ok = tg_flush(t) && fl_end(c);
    if (ok && src) ok = place_caption(t, NULL, src, true);
    if (owned) pp_lines_free(segue);
    pp_lines_free(cap);
    pp_lines_free(src);
    return ok && !c->oom;
}
