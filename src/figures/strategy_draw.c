/* Drawing the strategy map: bands with their labels in a strip on the
 * left, the arrows' lines (under the boxes, so a line that would cross a
 * box goes behind it), the boxes coloured by area with code and title,
 * the arrowheads on top, and the legend of the areas. */
#include "fig_strategy.h"

#include <math.h>

#define SM_HEAD_LEN 5.0
#define SM_HEAD_HALF 2.4

static const pp_rgb band_ground[2] = {{0.95, 0.96, 0.98}, {1, 1, 1}};
static const pp_rgb strip_ground = {0.84, 0.88, 0.93};
static const pp_rgb arrow_colour = {0.25, 0.25, 0.30};

static bool draw_bands(const pp_strategy_map *sm, pp_page *p, double x, double y)
{
    const pp_figure_style *s = &sm->style;
    for (size_t k = 0; k < sm->nbands; k++) {
        const sm_band *b = &sm->bands[k];
        double by = y + b->y;
        if (!fig_rect(p, x, by, sm->w, b->h, fig_fill(band_ground[k % 2])) ||
            !fig_rect(p, x, by, sm->strip_w, b->h, fig_fill(strip_ground)) ||
            !fig_emit(b->label, p, x + SM_PAD, by + (b->h - fig_height(b->label)) / 2, s->text))
            return false;
        if (k > 0 && !fig_line(p, x, by, x + sm->w, by, s->muted, 0.6)) return false;
    }
    pp_paint frame = fig_stroke(s->line, 0.8);
    return fig_rect(p, x + 0.4, y + 0.4, sm->w - 0.8, sm->map_h - 0.8, frame);
}

/* Where an arrow from box a to box b leaves a and reaches b: the facing
 * edges (top / bottom when one box is above the other, else the sides),
 * at the point of the edge nearest the other box's centre. */
static void arrow_ends(const sm_box *a, const sm_box *b, double *x1, double *y1, double *x2,
                       double *y2)
{
    double acx = a->x + a->w / 2, bcx = b->x + b->w / 2;
    double acy = a->y + a->h / 2, bcy = b->y + b->h / 2;
    if (b->y + b->h <= a->y || a->y + a->h <= b->y) {
        bool up = b->y + b->h <= a->y;
        *x1 = fig_clamp(bcx, a->x + 6, a->x + a->w - 6);
        *x2 = fig_clamp(acx, b->x + 6, b->x + b->w - 6);
        *y1 = up ? a->y : a->y + a->h;
        *y2 = up ? b->y + b->h : b->y;
    } else {
        bool right = bcx > acx;
        *x1 = right ? a->x + a->w : a->x;
        *x2 = right ? b->x : b->x + b->w;
        *y1 = fig_clamp(bcy, a->y + 4, a->y + a->h - 4);
        *y2 = fig_clamp(acy, b->y + 4, b->y + b->h - 4);
    }
}

static const sm_box *box_of(const pp_strategy_map *sm, const pp_node *n)
{
    for (size_t i = 0; i < sm->nboxes; i++)
        if (sm->boxes[i].n == n) return &sm->boxes[i];
    return NULL;
}

/* heads: false draws the lines, true the arrowheads. */
static bool draw_arrows(const pp_strategy_map *sm, pp_page *p, double x, double y, bool heads)
{
    for (size_t i = 0; i < sm->nboxes; i++) {
        const sm_box *a = &sm->boxes[i];
        for (size_t k = 0; k < a->n->nlinks; k++) {
            const sm_box *b = a->n->link_nodes[k] ? box_of(sm, a->n->link_nodes[k]) : NULL;
            if (!b) continue;
            double x1, y1, x2, y2;
            arrow_ends(a, b, &x1, &y1, &x2, &y2);
            x1 += x, x2 += x, y1 += y, y2 += y;
            double dx = x2 - x1, dy = y2 - y1, len = hypot(dx, dy);
            double ux = len > 1e-9 ? dx / len : 0, uy = len > 1e-9 ? dy / len : 1;
            double bx = x2 - ux * SM_HEAD_LEN, by = y2 - uy * SM_HEAD_LEN;
            if (!heads) {
                if (!fig_line(p, x1, y1, bx, by, arrow_colour, 0.8)) return false;
                continue;
            }
            fig_path fp;
            fig_path_init(&fp);
            fig_move(&fp, x2, y2);
            fig_lineto(&fp, bx - uy * SM_HEAD_HALF, by + ux * SM_HEAD_HALF);
            fig_lineto(&fp, bx + uy * SM_HEAD_HALF, by - ux * SM_HEAD_HALF);
            fig_close(&fp);
            if (!fig_path_emit(&fp, p, fig_fill(arrow_colour))) return false;
        }
    }
    return true;
}

static bool draw_boxes(const pp_strategy_map *sm, pp_page *p, double x, double y)
{
    const pp_figure_style *s = &sm->style;
    for (size_t i = 0; i < sm->nboxes; i++) {
        const sm_box *b = &sm->boxes[i];
        pp_paint paint = fig_fill_stroke(sm_area_colour(b->area), s->line, 0.6);
        if (!fig_rect(p, x + b->x, y + b->y, b->w, b->h, paint) ||
            !fig_emit(b->text, p, x + b->x + SM_PAD, y + b->y + SM_PAD, s->text))
            return false;
    }
    return true;
}

static bool draw_legend(const pp_strategy_map *sm, pp_page *p, double x, double y)
{
    double col_w = (sm->w - (sm->legend_cols - 1) * 12) / sm->legend_cols;
    double ly = y + sm->legend_y;
    for (size_t i = 0; i < sm->nareas; i += sm->legend_cols) {
        double row = 0;
        for (size_t c = 0; c < sm->legend_cols && i + c < sm->nareas; c++) {
            double lx = x + c * (col_w + 12);
            const pp_lines *l = sm->legend[i + c];
            pp_paint sw = fig_fill_stroke(sm_area_colour(i + c), sm->style.line, 0.5);
            if (!fig_rect(p, lx, ly + 1, SM_SWATCH, SM_SWATCH, sw) ||
                !fig_emit(l, p, lx + SM_SWATCH + 4, ly, sm->style.text))
                return false;
            row = fmax(row, fmax(fig_height(l), SM_SWATCH));
        }
        ly += row + 2;
    }
    return true;
}

bool pp_strategy_map_draw(const pp_strategy_map *sm, pp_page *p, double x, double y)
{
    return fig_tag_begin(p, "Figure", sm->alt) && draw_bands(sm, p, x, y) &&
           draw_arrows(sm, p, x, y, false) && draw_boxes(sm, p, x, y) &&
           draw_arrows(sm, p, x, y, true) && draw_legend(sm, p, x, y) &&
           fig_tag_end(p, "Figure");
}
