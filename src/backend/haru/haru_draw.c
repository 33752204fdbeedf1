/* Rectangles, lines and paths in PDF's coordinates (y up), with the paint
 * the display list gives. libharu's own arc operator measures angles from
 * the top, counter to the display list's convention, and always starts a
 * new subpath: arcs are drawn here as Bézier curves instead, at most a
 * quarter turn each (error below 0.03 % of the radius). */
#include <math.h>

#include <hpdf_pages.h>

#include "haru_internal.h"

static void set_fill(haru_backend *b, pp_rgb c)
{
    HPDF_Page_SetRGBFill(b->page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
}

/* libharu's SetDash takes whole points, and the INDICE's dotted leaders
 * are 0,7 pt: the dash operator is written into the page's content stream
 * through libharu's stream functions, with the length as given. */
static void set_dash(haru_backend *b, double dash)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)b->page->attr;
    if (!(dash > 0 && isfinite(dash))) {
        HPDF_Page_SetDash(b->page, NULL, 0, 0);
        return;
    }
    HPDF_Stream_WriteStr(attr->stream, "[");
    HPDF_Stream_WriteReal(attr->stream, (HPDF_REAL)(dash > 1000 ? 1000 : dash));
    HPDF_Stream_WriteStr(attr->stream, "] 0 d\012");
}

void haru_set_stroke(haru_backend *b, pp_rgb c, double width, double dash)
{
    HPDF_Page_SetRGBStroke(b->page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
    HPDF_Page_SetLineWidth(b->page, (HPDF_REAL)(width > 0 ? width : 1.0));
    set_dash(b, dash);
}

/* The colours and line of a paint: set before a path is begun, as PDF
 * allows no state change inside a path. */
static void prepare(haru_backend *b, const pp_paint *pt)
{
    if (pt->stroke) haru_set_stroke(b, pt->stroke_color, pt->line_width, pt->dash);
    if (pt->fill) set_fill(b, pt->fill_color);
}

/* Fills and/or strokes the path just built; ends it either way. */
static void paint(haru_backend *b, const pp_paint *pt)
{
    if (pt->fill && pt->stroke) HPDF_Page_FillStroke(b->page);
    else if (pt->fill) HPDF_Page_Fill(b->page);
    else if (pt->stroke) HPDF_Page_Stroke(b->page);
    else HPDF_Page_EndPath(b->page);
}

void pp_haru_rect(void *impl, const pp_dl_item *it)
{
    haru_backend *b = impl;
    const double x = it->u.rect.x, y = it->u.rect.y, w = it->u.rect.w, h = it->u.rect.h;
    prepare(b, &it->u.rect.paint);
    HPDF_Page_Rectangle(b->page, (HPDF_REAL)x, (HPDF_REAL)haru_y(b, y + h), (HPDF_REAL)w,
                        (HPDF_REAL)h);
    paint(b, &it->u.rect.paint);
}

void pp_haru_line(void *impl, const pp_dl_item *it)
{
    haru_backend *b = impl;
    pp_paint pt = it->u.line.paint;
    pt.fill = false;
    pt.stroke = true;
    prepare(b, &pt);
    HPDF_Page_MoveTo(b->page, (HPDF_REAL)it->u.line.x1, (HPDF_REAL)haru_y(b, it->u.line.y1));
    HPDF_Page_LineTo(b->page, (HPDF_REAL)it->u.line.x2, (HPDF_REAL)haru_y(b, it->u.line.y2));
    paint(b, &pt);
}

typedef struct {
    bool current; /* a current point exists */
} path_state;

static void move_or_line(haru_backend *b, path_state *ps, double x, double y, bool line)
{
    if (line && ps->current) HPDF_Page_LineTo(b->page, (HPDF_REAL)x, (HPDF_REAL)haru_y(b, y));
    else HPDF_Page_MoveTo(b->page, (HPDF_REAL)x, (HPDF_REAL)haru_y(b, y));
    ps->current = true;
}

/* One Bézier segment of the circle (cx, cy, r) from angle a to b, |b-a| <=
 * pi/2, in display-list coordinates (angles clockwise on the page). */
static void arc_segment(haru_backend *bk, double cx, double cy, double r, double a, double b)
{
    double k = 4.0 / 3.0 * tan((b - a) / 4);
    double x0 = cx + r * cos(a), y0 = cy + r * sin(a);
    double x3 = cx + r * cos(b), y3 = cy + r * sin(b);
    double x1 = x0 - k * r * sin(a), y1 = y0 + k * r * cos(a);
    double x2 = x3 + k * r * sin(b), y2 = y3 - k * r * cos(b);
    HPDF_Page_CurveTo(bk->page, (HPDF_REAL)x1, (HPDF_REAL)haru_y(bk, y1), (HPDF_REAL)x2,
                      (HPDF_REAL)haru_y(bk, y2), (HPDF_REAL)x3, (HPDF_REAL)haru_y(bk, y3));
}

/* As the display list defines an arc (cairo's convention): a line from the
 * current point to its start, an end angle below the start taken a turn
 * later, at most a few turns. */
static void arc(haru_backend *b, path_state *ps, const pp_path_step *s)
{
    double a1 = s->a1, a2 = s->a2;
    for (int i = 0; a2 < a1 && i < 64; i++) a2 += 2 * G_PI;
    if (a2 < a1) return;
    if (a2 - a1 > 8 * G_PI) a2 = a1 + 8 * G_PI;
    move_or_line(b, ps, s->cx + s->r * cos(a1), s->cy + s->r * sin(a1), true);
    if (s->r <= 0) return;
    int n = (int)ceil((a2 - a1) / (G_PI / 2));
    for (int i = 0; i < n; i++)
        arc_segment(b, s->cx, s->cy, s->r, a1 + (a2 - a1) * i / n, a1 + (a2 - a1) * (i + 1) / n);
}

void pp_haru_path(void *impl, const pp_dl_item *it)
{
    haru_backend *b = impl;
    path_state ps = {false};
    prepare(b, &it->u.path.paint);
    for (size_t i = 0; i < it->u.path.nsteps; i++) {
        const pp_path_step *s = &it->u.path.steps[i];
        switch (s->op) {
        case PP_PATH_MOVE: move_or_line(b, &ps, s->x, s->y, false); break;
        case PP_PATH_LINE: move_or_line(b, &ps, s->x, s->y, true); break;
        case PP_PATH_CURVE:
            if (!ps.current) move_or_line(b, &ps, s->x1, s->y1, false);
            HPDF_Page_CurveTo(b->page, (HPDF_REAL)s->x1, (HPDF_REAL)haru_y(b, s->y1),
                              (HPDF_REAL)s->x2, (HPDF_REAL)haru_y(b, s->y2), (HPDF_REAL)s->x,
                              (HPDF_REAL)haru_y(b, s->y));
            break;
        case PP_PATH_ARC: arc(b, &ps, s); break;
        case PP_PATH_CLOSE:
            if (ps.current) HPDF_Page_ClosePath(b->page);
            break;
        }
    }
    if (ps.current) paint(b, &it->u.path.paint);
}
