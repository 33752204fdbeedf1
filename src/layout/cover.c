/* The cover: logo, administration, title, subtitle, and the approval line
 * ("Adottata con Deliberazione di Giunta n. 56/23 del 30/05/2023"). No
 * running header or footer. Each element is capped to a few lines so the
 * cover is one page whatever the input says. */
#include <stdio.h>
#include <string.h>

#include "image_info.h"
#include "layout_internal.h"

typedef struct {
    const char *text;
    ly_font_role font;
    size_t max_lines;
    double gap_after;
} cover_line;

/* Emits up to max_lines of text centred at y; returns the height used. */
static double centred(ly_ctx *c, const cover_line *cl, double y, double y_max)
{
    if (!cl->text || !*cl->text) return 0;
    const ly_font *f = ly_font_of(c, cl->font);
    pp_lines *l = pp_text_shape(c->text, cl->text, &f->spec, c->flow.x1 - c->flow.x0,
                                PP_ALIGN_CENTER);
    if (!l) {
        c->oom = true;
        return 0;
    }
    size_t n = pp_lines_count(l), k = 0;
    while (k < n && k < cl->max_lines && y + pp_lines_height(l, 0, k + 1) <= y_max) k++;
    double h = pp_lines_height(l, 0, k);
    if (k && !(fl_tag(c, "P", NULL) &&
               pp_lines_emit(l, 0, k, fl_page(c), c->flow.x0, y, f->color, false) && fl_end(c)))
        c->oom = true;
    pp_lines_free(l);
    return h;
}

static bool rule(ly_ctx *c, double y, double w)
{
    pp_dl_item it = {.kind = PP_DL_LINE};
    double mid = (c->flow.x0 + c->flow.x1) / 2;
    it.u.line.x1 = mid - w / 2;
    it.u.line.x2 = mid + w / 2;
    it.u.line.y1 = it.u.line.y2 = y;
    it.u.line.paint = (pp_paint){.stroke = true, .stroke_color = ly_col(c, LY_C_ACCENT),
                                 .line_width = 1.5};
    return fl_item(c, &it);
}

static bool logo(ly_ctx *c, double y, double max_h)
{
    const pp_doc *doc = c->doc;
    char *path = ly_resolve(c, doc->logo_file);
    int pw, ph;
    if (!path) return false;
    pp_status st = pp_image_size(path, &pw, &ph);
    if (st == PP_ERR_ENV) {
        c->oom = true;
        return false;
    }
    if (st != PP_OK) {
        pp_warning(c->d, doc->logo_pos.line, doc->logo_pos.col,
                   "logo '%s' cannot be read (PNG or JPEG expected); the cover goes without it",
                   doc->logo_file);
        return true;
    }
    double w = (c->flow.x1 - c->flow.x0) * 0.4, h = w * ph / pw;
    if (h > max_h) {
        w *= max_h / h;
        h = max_h;
    }
    pp_dl_item it = {.kind = PP_DL_IMAGE};
    it.u.image.file = path;
    it.u.image.x = (c->flow.x0 + c->flow.x1 - w) / 2;
    it.u.image.y = y;
    it.u.image.w = w;
    it.u.image.h = h;
    return fl_tag(c, "Figure", doc->logo_alt) && fl_item(c, &it) && fl_end(c);
}

static const char *approval(ly_ctx *c)
{
    const pp_doc *doc = c->doc;
    if (!doc->has_approval) return NULL;
    const char *kv[] = {"organo", doc->approval_organ ? doc->approval_organ : "",
                        "numero", doc->approval_number ? doc->approval_number : "",
                        "data", ly_date(c, doc->approval_date), NULL};
    /* an act recorded without its organ or number gets a sentence of its
     * own rather than "di  n.  del" with the gaps */
    ly_label which = doc->approval_organ && doc->approval_number ? LY_L_APPROVAL
                     : doc->approval_organ                      ? LY_L_APPROVAL_ORGAN
                     : doc->approval_number                     ? LY_L_APPROVAL_NUMBER
                                                                : LY_L_APPROVAL_DATE;
    char *s = ly_subst(c->arena, ly_lbl(c, which), kv);
    if (!s) c->oom = true;
    return s;
}

bool ly_cover(ly_ctx *c)
{
    if (!fl_flush(c) || !fl_orient(c, false) || !fl_new_page(c, true, false)) return false;
    ly_flow *f = &c->flow;
    /* the cover has no header or footer: it may use the whole margins box */
    pp_layout_box b = pp_layout_page_box(c->lay, false);
    double top = b.y0, bottom = b.y1, h = bottom - top;
    if (c->doc->logo_file && !logo(c, top, h * 0.15)) return false;
    const pp_doc *doc = c->doc;
    double y = top + h * 0.22;
    cover_line admin = {doc->admin_name, LY_F_COVER_ADMIN, 4, 0};
    y += centred(c, &admin, y, bottom);
    if (y + 14 < bottom && !rule(c, y + 10, (f->x1 - f->x0) * 0.3)) return false;
    y = y + 24 > top + h * 0.38 ? y + 24 : top + h * 0.38;
    /* title and subtitle as the layout words them (the PIAO's subsection
     * 2.2 names the PIAO and puts the Piano's own title under it) */
    char year[16];
    snprintf(year, sizeof year, "%d", doc->year);
    const char *kv[] = {"titolo", doc->title ? doc->title : "", "sottotitolo",
                        doc->subtitle ? doc->subtitle : "", "anno", year, NULL};
    const char *tt = ly_subst(c->arena, ly_lbl(c, LY_L_COVER_TITLE), kv);
    const char *st = ly_subst(c->arena, ly_lbl(c, LY_L_COVER_SUBTITLE), kv);
    if (!tt || !st) c->oom = true;
    cover_line title = {tt, LY_F_COVER_TITLE, 5, 0};
    y += centred(c, &title, y, bottom);
    cover_line sub = {st, LY_F_COVER_SUBTITLE, 3, 0};
    y += 8;
    y += centred(c, &sub, y, bottom);
    const char *appr = approval(c);
    double ya = y + 24 > top + h * 0.62 ? y + 24 : top + h * 0.62;
    cover_line al = {appr, LY_F_COVER_APPROVAL, 3, 0};
    centred(c, &al, ya, bottom);
    fl_advance(c, 0); /* what follows goes on a page of its own */
    return !c->oom;
}
