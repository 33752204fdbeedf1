/* Drawing the strategy map: bands with their labels in a strip on the
 * left, the boxes coloured by area with code and title, the arrows
 * (routed around the boxes in their way when a lane beside them is free)
 * and the legend of the areas. */
#include "fig_strategy.h"

#include <math.h>

#define SM_HEAD_LEN 5.0
#define SM_HEAD_HALF 2.4
#define SM_MAX_ROUTED 200

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
        /* inset by half the line's width, so its ends stay in the figure */
        if (k > 0 && !fig_line(p, x + 0.3, by, x + sm->w - 0.3, by, s->muted, 0.6)) return false;
    }
    pp_paint frame = fig_stroke(s->line, 0.8);
    return fig_rect(p, x + 0.4, y + 0.4, sm->w - 0.8, sm->map_h - 0.8, frame);
}

/* An arrow's way: 2 to 4 points, the head at the last. */
typedef struct {
    double x[4], y[4];
    int n;
} sm_route;

/* Where an arrow from box a to box b leaves a and reaches b: the facing
 * edges (top / bottom when one box is above the other, else the sides),
 * at the point of the edge nearest the other box's centre. */
static void straight(const sm_box *a, const sm_box *b, sm_route *r)
{
    double acx = a->x + a->w / 2, bcx = b->x + b->w / 2;
    double acy = a->y + a->h / 2, bcy = b->y + b->h / 2;
    r->n = 2;
    if (b->y + b->h <= a->y || a->y + a->h <= b->y) {
        bool up = b->y + b->h <= a->y;
        r->x[0] = fig_clamp(bcx, a->x + 6, a->x + a->w - 6);
        r->x[1] = fig_clamp(acx, b->x + 6, b->x + b->w - 6);
        r->y[0] = up ? a->y : a->y + a->h;
        r->y[1] = up ? b->y + b->h : b->y;
    } else {
        bool right = bcx > acx;
        r->x[0] = right ? a->x + a->w : a->x;
        r->x[1] = right ? b->x : b->x + b->w;
        r->y[0] = fig_clamp(bcy, a->y + 4, a->y + a->h - 4);
        r->y[1] = fig_clamp(acy, b->y + 4, b->y + b->h - 4);
    }
}

/* True when the segment passes through no box but a and b (sampled: the
 * boxes are far wider than the step). */
static bool clear(const pp_strategy_map *sm, const sm_box *a, const sm_box *b, double x1,
                  double y1, double x2, double y2)
{
    for (int i = 1; i < 64; i++) {
        double px = x1 + (x2 - x1) * i / 64, py = y1 + (y2 - y1) * i / 64;
        for (size_t k = 0; k < sm->nboxes; k++) {
            const sm_box *c = &sm->boxes[k];
            if (c == a || c == b) continue;
            if (px > c->x - 1 && px < c->x + c->w + 1 && py > c->y - 1 && py < c->y + c->h + 1)
                return false;
        }
    }
    return true;
}

static bool route_clear(const pp_strategy_map *sm, const sm_box *a, const sm_box *b,
                        const sm_route *r)
{
    for (int i = 0; i + 1 < r->n; i++)
        if (!clear(sm, a, b, r->x[i], r->y[i], r->x[i + 1], r->y[i + 1])) return false;
    return true;
}

/* Around the boxes in between: out of a's side, along a lane beside every
 * box of the rows the arrow passes, into b's same side. side: 1 right,
 * -1 left; lane: the how-many-th detour, so detours do not overlap. */
static bool detour(const pp_strategy_map *sm, const sm_box *a, const sm_box *b, int side,
                   size_t lane, sm_route *r)
{
    double top = fmin(a->y, b->y), bottom = fmax(a->y + a->h, b->y + b->h);
    double edge = side > 0 ? 0 : sm->w;
    for (size_t k = 0; k < sm->nboxes; k++) {
        const sm_box *c = &sm->boxes[k];
        if (c->y + c->h < top || c->y > bottom) continue;
        edge = side > 0 ? fmax(edge, c->x + c->w) : fmin(edge, c->x);
    }
    double x = edge + side * (8 + 4.0 * (double)(lane % 3));
    if (x > sm->w - 3 || x < sm->strip_w + 3) return false;
    double ay = a->y + a->h / 2, by = b->y + b->h / 2;
    double ax = side > 0 ? a->x + a->w : a->x, bx = side > 0 ? b->x + b->w : b->x;
    *r = (sm_route){{ax, x, x, bx}, {ay, ay, by, by}, 4};
    return route_clear(sm, a, b, r);
}

static const sm_box *box_of(const pp_strategy_map *sm, const pp_node *n)
{
    for (size_t i = 0; i < sm->nboxes; i++)
        if (sm->boxes[i].n == n) return &sm->boxes[i];
    return NULL;
}

/* One arrow: its line, then its head (a filled triangle, the only filled
 * paths of the map: tests count them). */
static bool draw_arrow(pp_page *p, const sm_route *r, double x, double y)
{
    int n = r->n;
    double x2 = x + r->x[n - 1], y2 = y + r->y[n - 1];
    double dx = x2 - (x + r->x[n - 2]), dy = y2 - (y + r->y[n - 2]), len = hypot(dx, dy);
    double ux = len > 1e-9 ? dx / len : 0, uy = len > 1e-9 ? dy / len : 1;
    double bx = x2 - ux * SM_HEAD_LEN, by = y2 - uy * SM_HEAD_LEN;
    fig_path line, head;
    fig_path_init(&line);
    fig_move(&line, x + r->x[0], y + r->y[0]);
    for (int i = 1; i + 1 < n; i++) fig_lineto(&line, x + r->x[i], y + r->y[i]);
    fig_lineto(&line, bx, by);
    fig_path_init(&head);
    fig_move(&head, x2, y2);
    fig_lineto(&head, bx - uy * SM_HEAD_HALF, by + ux * SM_HEAD_HALF);
    fig_lineto(&head, bx + uy * SM_HEAD_HALF, by - ux * SM_HEAD_HALF);
    fig_close(&head);
    return fig_path_emit(&line, p, fig_stroke(arrow_colour, 0.8)) &&
           fig_path_emit(&head, p, fig_fill(arrow_colour));
}

/* Straight from edge to edge when no box is in the way; else around the
 * boxes on the right or on the left; else straight across (drawn over
 * the boxes, so that it is seen to pass, not to end there). */
static bool draw_arrows(const pp_strategy_map *sm, pp_page *p, double x, double y)
{
    size_t lane = 0, routed = 0;
    for (size_t i = 0; i < sm->nboxes; i++) {
        const sm_box *a = &sm->boxes[i];
        for (size_t k = 0; k < a->n->nlinks; k++) {
            const sm_box *b = a->n->link_nodes[k] ? box_of(sm, a->n->link_nodes[k]) : NULL;
            if (!b) continue;
            sm_route r;
            straight(a, b, &r);
            /* past SM_MAX_ROUTED arrows the map is a thicket anyway: the
             * rest go straight, which keeps thousands of links linear */
            if (routed++ < SM_MAX_ROUTED && !route_clear(sm, a, b, &r)) {
                sm_route d;
                if (detour(sm, a, b, 1, lane, &d) || detour(sm, a, b, -1, lane, &d)) {
                    r = d;
                    lane++;
                }
            }
            if (!draw_arrow(p, &r, x, y)) return false;
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
            !fig_emit(b->text, p, x + b->x + SM_PAD, y + b->y + SM_PAD, s->text) ||
            !fig_emit(b->also, p, x + b->x + SM_PAD, y + b->y + SM_PAD + fig_height(b->text),
                      s->muted))
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
            if (!fig_rect(p, lx + 0.25, ly + 1, SM_SWATCH - 0.5, SM_SWATCH - 0.5, sw) ||
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
           draw_boxes(sm, p, x, y) && draw_arrows(sm, p, x, y) &&
           draw_legend(sm, p, x, y) && fig_tag_end(p, "Figure");
}
