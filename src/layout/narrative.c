/* Narrative content of the document's <Testi>: justified paragraphs,
 * lists, generic tables (caption, header row repeated, source line),
 * charts and images. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image_info.h"
#include "layout_internal.h"

/* ---- lists ------------------------------------------------------------------------- */

static bool list(ly_ctx *c, const pp_block *b)
{
    const ly_font *f = ly_font_of(c, LY_F_BODY);
    double indent = b->numbered ? 22 : 16, label_x = 4;
    bool first = true, ok = true;
    fl_gap(c, f->space_before);
    for (size_t i = 0; i < b->nitems && ok; i++) {
        char num[32];
        snprintf(num, sizeof num, "%zu.", i + 1);
        bool owned, body_owned;
        pp_lines *label = ly_shape(c, b->numbered ? num : "\u2022", LY_F_BODY, 0, PP_ALIGN_LEFT,
                                   &owned);
        pp_lines *body = ly_shape_rich(c, &b->items[i], LY_F_BODY, fl_width(c) - indent,
                                       PP_ALIGN_JUSTIFY, &body_owned);
        ok = label && body;
        if (ok && first) { /* the L tag goes after the headings waiting for it */
            ok = fl_need(c, pp_lines_height(body, 0, 1)) && fl_tag(c, "L", NULL);
            first = false;
        }
        ly_para p = {.lines = body, .indent = indent, .color = f->color, .tag = "LI",
                     .label = label, .label_x = label_x};
        if (ok) ok = fl_para(c, &p);
        if (ok && i + 1 < b->nitems) fl_gap(c, 2);
        if (owned) pp_lines_free(label);
        if (body_owned) pp_lines_free(body);
    }
    if (ok && !first) ok = fl_end(c);
    fl_gap(c, f->space_after);
    return ok;
}

/* ---- tables -------------------------------------------------------------------------- */

static size_t rich_chars(const pp_rich *r)
{
    size_t n = 0;
    for (size_t i = 0; r && i < r->nspans; i++)
        for (const unsigned char *p = (const unsigned char *)r->spans[i].text; p && *p; p++)
            if ((*p & 0xC0) != 0x80) n++;
    return n;
}

/* "+1.071,2", "-24,6", "5.809", "84%": figures are right-aligned. */
static bool numeric(const pp_rich *r)
{
    if (!r || r->nspans == 0) return false;
    size_t digits = 0, other = 0;
    for (size_t i = 0; i < r->nspans; i++)
        for (const char *p = r->spans[i].text; p && *p; p++) {
            if (*p >= '0' && *p <= '9') digits++;
            else if (!strchr("+-.,% ", *p)) other++;
        }
    return digits > 0 && other == 0;
}

/* Width in points of the widest word of a cell (words end at spaces only:
 * "10-30" in a calendar is one word and must not be broken at its
 * hyphen), shaped in the cell's font. */
static double widest_word(ly_ctx *c, const pp_rich *r, ly_font_role f)
{
    char word[256];
    size_t n = 0;
    double best = 0;
    for (size_t i = 0; r && i <= r->nspans; i++) {
        const char *p = i < r->nspans && r->spans[i].text ? r->spans[i].text : " ";
        for (; *p; p++) {
            bool end = *p == ' ' || *p == '\n' || *p == '\t';
            if (!end && n + 1 < sizeof word) {
                word[n++] = *p;
                continue;
            }
            if (n == 0) continue;
            word[n] = '\0';
            n = 0;
            bool owned;
            pp_lines *l = ly_shape(c, word, f, 0, PP_ALIGN_LEFT, &owned);
            if (!l) {
                c->oom = true;
                return best;
            }
            double w = pp_lines_width(l);
            if (w > best) best = w;
            if (owned) pp_lines_free(l);
        }
    }
    return best;
}

/* The least width of each column: its widest word, padded, capped at a
 * share of `width` (a URL may still break). Returns their sum. */
static double min_widths(ly_ctx *c, const pp_block *b, size_t ncols, double width, double *minw)
{
    double pad = 2 * c->lay->cell_pad + 1, cap = width / (ncols < 3 ? (double)ncols : 3);
    double sum = 0;
    for (size_t k = 0; k < ncols; k++) minw[k] = pad;
    for (size_t r = 0; r <= b->nrows; r++) {
        const pp_row *row = r < b->nrows ? &b->rows[r] : b->header;
        ly_font_role f = r < b->nrows ? LY_F_TABLE : LY_F_TABLE_HEAD;
        for (size_t k = 0; row && k < row->ncells && k < ncols; k++) {
            double w = widest_word(c, &row->cells[k], f) + pad;
            if (w > minw[k]) minw[k] = fmin(w, cap);
        }
    }
    for (size_t k = 0; k < ncols; k++) sum += minw[k];
    return sum;
}

/* Column widths (points) for a table `width` wide: the document's relative
 * widths when it gives them all, else from the texts (characters estimated
 * at 0.55 em: the rest of the width goes to the columns with long texts);
 * never less than a column's widest word while the words fit at all. */
static void column_widths(ly_ctx *c, const pp_block *b, size_t ncols, double width,
                          const double *minw, double *w)
{
    double cw = 0.55 * ly_font_of(c, LY_F_TABLE_HEAD)->spec.size, pad = 2 * c->lay->cell_pad;
    bool given = b->ncolumns >= ncols;
    double given_sum = 0;
    for (size_t k = 0; given && k < ncols; k++) {
        given = b->columns[k].width > 0;
        given_sum += b->columns[k].width;
    }
    for (size_t k = 0; k < ncols; k++) w[k] = 3 * cw + pad;
    for (size_t r = 0; !given && r <= b->nrows; r++) {
        const pp_row *row = r < b->nrows ? &b->rows[r] : b->header;
        for (size_t k = 0; row && k < row->ncells && k < ncols; k++) {
            double n = (double)rich_chars(&row->cells[k]);
            if (n > 60) n = 60;
            if (n * cw + pad > w[k]) w[k] = n * cw + pad;
        }
    }
    if (given)
        for (size_t k = 0; k < ncols; k++) w[k] = width * b->columns[k].width / given_sum;
    double sum_nat = 0, sum_min = 0;
    for (size_t k = 0; k < ncols; k++) {
        if (w[k] < minw[k]) w[k] = minw[k];
        sum_nat += w[k];
        sum_min += minw[k];
    }
    if (sum_nat > width && sum_min < width) { /* share what is left over the minimums */
        double extra = width - sum_min, over = sum_nat - sum_min;
        for (size_t k = 0; k < ncols; k++)
            w[k] = minw[k] + (over > 0 ? extra * (w[k] - minw[k]) / over : 0);
    }
}

static pp_align cell_align(const pp_block *b, size_t k, const pp_rich *rich, bool head)
{
    pp_cell_align a = k < b->ncolumns ? b->columns[k].align : PP_CELL_AUTO;
    switch (a) {
    case PP_CELL_LEFT: return PP_ALIGN_LEFT;
    case PP_CELL_CENTER: return PP_ALIGN_CENTER;
    case PP_CELL_RIGHT: return PP_ALIGN_RIGHT;
    case PP_CELL_AUTO: break;
    }
    return !head && numeric(rich) ? PP_ALIGN_RIGHT : PP_ALIGN_LEFT;
}

static bool table(ly_ctx *c, const pp_block *b)
{
    size_t ncols = b->header ? b->header->ncells : 0;
    for (size_t r = 0; r < b->nrows; r++)
        if (b->rows[r].ncells > ncols) ncols = b->rows[r].ncells;
    if (ncols == 0) return true;
    double *w = calloc(2 * ncols, sizeof *w), *minw = w + ncols;
    if (!w) {
        c->oom = true;
        return false;
    }
    /* a table whose words do not fit across a portrait page goes on a
     * landscape one (the layout may say never), and the flow turns back */
    bool was = c->flow.want_landscape, turn = false;
    double need = min_widths(c, b, ncols, fl_width(c), minw);
    if (!was && c->lay->wide_tables_landscape && need > fl_width(c)) {
        turn = fl_orient(c, true);
        if (!turn) {
            free(w);
            return false;
        }
        min_widths(c, b, ncols, fl_width(c), minw);
    }
    column_widths(c, b, ncols, fl_width(c), minw, w);
    ly_table *t = tb_new(c, w, ncols);
    free(w);
    if (!t) return false;
    t->caption = b->caption;
    char *src = NULL;
    if (b->source) {
        const char *kv[] = {"fonte", b->source, NULL};
        src = ly_subst(c->arena, ly_lbl(c, LY_L_SOURCE), kv);
        t->source = src;
    }
    bool ok = true;
    pp_rgb text = ly_col(c, LY_C_TEXT), head_fg = ly_col(c, LY_C_HEAD_FG);
    for (size_t r = 0; ok && r <= b->nrows; r++) {
        const pp_row *row = r == 0 ? b->header : &b->rows[r - 1];
        if (!row) continue;
        bool head = r == 0;
        ly_row *tr = tb_row(t, head);
        for (size_t k = 0; ok && k < ncols; k++) {
            ly_cell *cell = tb_cell(t, tr, 1);
            const pp_rich *rich = k < row->ncells ? &row->cells[k] : NULL;
            if (head) tb_fill(cell, ly_col(c, LY_C_HEAD_BG));
            pp_rich empty = {0};
            ok = tb_rich(t, cell, rich ? rich : &empty, head ? LY_F_TABLE_HEAD : LY_F_TABLE,
                         cell_align(b, k, rich, head), head ? head_fg : text);
        }
    }
    ok = ok && tb_place(t);
    tb_free(t);
    fl_gap(c, c->lay->paragraph_gap);
    if (ok && turn) ok = fl_orient(c, was);
    return ok && !c->oom;
}

/* ---- figures ---------------------------------------------------------------------------- */

static bool caption(ly_ctx *c, const char *text)
{
    if (!text || !*text) return true;
    return ly_text_para(c, text, LY_F_CAPTION, PP_ALIGN_LEFT, "Caption");
}

bool ly_chart(ly_ctx *c, const pp_block *b)
{
    double w = fl_width(c), body = fl_body_height(c) * 0.9;
    double h = pp_chart_height(b, w);
    for (int i = 0; i < 8 && h > body; i++) {
        w *= 0.8;
        h = pp_chart_height(b, w);
    }
    if (h > body) h = body;
    double cap = 0;
    if (b->caption && *b->caption) {
        const ly_font *f = ly_font_of(c, LY_F_CAPTION);
        cap = f->spec.size * 1.5 + f->space_before + f->space_after;
    }
    if (!fl_need(c, cap + h) || !caption(c, b->caption)) return false;
    if (!fl_need(c, h)) return false;
    double x = c->flow.x0 + (fl_width(c) - w) / 2;
    if (!pp_chart_draw(fl_page(c), c->text, &c->fig, b, x, c->flow.y, w, h)) {
        c->oom = true;
        return false;
    }
    fl_advance(c, h);
    fl_gap(c, c->lay->paragraph_gap);
    return true;
}

char *ly_resolve(ly_ctx *c, const char *file)
{
    if (!file) return NULL;
    char *s = file[0] == '/' || !c->doc_dir ? pp_arena_strdup(c->arena, file)
                                             : pp_arena_printf(c->arena, "%s/%s", c->doc_dir, file);
    if (!s) c->oom = true;
    return s;
}

/* A box with the alternative text where an image cannot be read: the page
 * still says what should be there. */
static bool placeholder(ly_ctx *c, const char *alt, double w, double h)
{
    pp_dl_item box = {.kind = PP_DL_RECT};
    box.u.rect.x = c->flow.x0 + (fl_width(c) - w) / 2;
    box.u.rect.y = c->flow.y;
    box.u.rect.w = w;
    box.u.rect.h = h;
    box.u.rect.paint = (pp_paint){.stroke = true, .stroke_color = ly_col(c, LY_C_BORDER),
                                  .line_width = 0.5, .dash = 3};
    if (!fl_item(c, &box)) return false;
    pp_lines *l = pp_text_shape(c->text, alt ? alt : "", &ly_font_of(c, LY_F_NOTE)->spec, w - 8,
                                PP_ALIGN_CENTER);
    if (!l) {
        c->oom = true;
        return false;
    }
    size_t n = pp_lines_count(l), k = 0;
    while (k < n && pp_lines_height(l, 0, k + 1) <= h - 8) k++;
    bool ok = pp_lines_emit(l, 0, k, fl_page(c), box.u.rect.x + 4, box.u.rect.y + 4,
                            ly_col(c, LY_C_MUTED), false);
    pp_lines_free(l);
    if (!ok) c->oom = true;
    return ok;
}

bool ly_image_block(ly_ctx *c, const char *file, const char *alt, double percent, double max_h,
                    pp_pos pos)
{
    char *path = ly_resolve(c, file);
    if (!path) return false;
    int pw = 0, ph = 0;
    pp_status st = pp_image_size(path, &pw, &ph);
    if (st == PP_ERR_ENV) {
        c->oom = true;
        return false;
    }
    bool readable = st == PP_OK;
    if (!readable)
        pp_warning(c->d, pos.line, pos.col, "image '%s' cannot be read (PNG or JPEG expected): "
                                            "a box with its alternative text takes its place",
                   file);
    double bw = fl_width(c), w, h;
    if (readable) {
        w = percent > 0 ? bw * percent / 100 : pw * 0.75; /* 96 dpi */
        if (w > bw) w = bw;
        h = w * ph / pw;
    } else {
        w = bw * 0.5;
        h = w * 0.4;
    }
    if (max_h <= 0 || max_h > fl_body_height(c)) max_h = fl_body_height(c);
    if (h > max_h) { /* keep the proportions */
        w *= max_h / h;
        h = max_h;
    }
    if (!fl_need(c, h) || !fl_tag(c, "Figure", alt)) return false;
    bool ok;
    if (readable) {
        pp_dl_item it = {.kind = PP_DL_IMAGE};
        it.u.image.file = path;
        it.u.image.x = c->flow.x0 + (bw - w) / 2;
        it.u.image.y = c->flow.y;
        it.u.image.w = w;
        it.u.image.h = h;
        ok = fl_item(c, &it);
    } else ok = placeholder(c, alt, w, h);
    fl_advance(c, h);
    return ok && fl_end(c);
}

/* ---- blocks -------------------------------------------------------------------------------- */

bool ly_blocks(ly_ctx *c, const pp_block *blocks, size_t n)
{
    bool ok = true;
    for (size_t i = 0; i < n && ok && !c->oom; i++) {
        const pp_block *b = &blocks[i];
        switch (b->kind) {
        case PP_BLOCK_PARAGRAPH:
            ok = ly_rich_para(c, &b->text, LY_F_BODY, PP_ALIGN_JUSTIFY, 0, "P");
            break;
        case PP_BLOCK_LIST: ok = list(c, b); break;
        case PP_BLOCK_TABLE: ok = table(c, b); break;
        case PP_BLOCK_CHART: ok = ly_chart(c, b); break;
        case PP_BLOCK_IMAGE:
            ok = ly_image_block(c, b->file, b->alt, b->width_percent, 0, b->pos);
            if (ok) fl_gap(c, c->lay->paragraph_gap);
            break;
        case PP_BLOCK_PAGEBREAK: ok = fl_break(c); break;
        case PP_BLOCK_SECTION: break; /* the plan made it a heading of its own */
        }
    }
    return ok && !c->oom;
}
