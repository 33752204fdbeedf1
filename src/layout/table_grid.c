/* The borders of a table as one stroked path per page.
 *
 * Each cell used to be a stroked rectangle of its own: on a page of 40
 * rows of 6 cells, 240 strokes, each a change of colour and a path that
 * cairo records, analyses and writes twice. The cells' boxes placed on a
 * page are collected instead, and when the page (or the table) ends their
 * edges are merged into the lines of the grid: one horizontal line per row
 * boundary, one vertical line per column boundary and run of rows, all in
 * one path.
 *
 * The look is the same: every edge of a stroked rectangle covers, with its
 * joins (mitred, square at a right angle), its own length plus half the
 * line width at both ends; so does a line with square ends. Lines are
 * drawn with butt ends by every backend, so each is lengthened by half the
 * line width instead. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "layout_internal.h"

#define BORDER_WIDTH 0.5

typedef struct {
    int64_t key;   /* the line's coordinate, rounded: edges that meet match */
    double at;     /* the line's coordinate (y of a horizontal line, x of a vertical one) */
    double from, to;
} edge;

bool tg_add(ly_table *t, double x, double y, double w, double h)
{
    if (!pp_grow(&t->grid, &t->cap_grid, t->ngrid + 1, sizeof *t->grid, 64)) {
        t->ok = false;
        t->c->oom = true;
        return false;
    }
    t->grid[t->ngrid++] = (ly_box){x, y, w, h};
    return true;
}

/* Ten-thousandths of a point: column sums that differ in the last bits
 * still fall on one line. */
static int64_t key_of(double v) { return (int64_t)llround(v * 1e4); }

static int by_line(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    if (x->from != y->from) return x->from < y->from ? -1 : 1;
    return (x->to > y->to) - (x->to < y->to);
}

/* Sorts the edges along their lines and joins those that touch or overlap;
 * returns how many lines are left at the front of e. */
static size_t merge(edge *e, size_t n)
{
    if (n == 0) return 0;
    qsort(e, n, sizeof *e, by_line);
    size_t out = 0;
    for (size_t i = 1; i < n; i++) {
        if (e[i].key == e[out].key && e[i].from <= e[out].to + 1e-4) {
            if (e[i].to > e[out].to) e[out].to = e[i].to;
        } else {
            e[++out] = e[i];
        }
    }
    return out + 1;
}

static pp_path_step *add_line(pp_path_step *s, const edge *e, bool horizontal)
{
    double hw = BORDER_WIDTH / 2;
    s[0] = (pp_path_step){.op = PP_PATH_MOVE};
    s[1] = (pp_path_step){.op = PP_PATH_LINE};
    if (horizontal) {
        s[0].x = e->from - hw, s[1].x = e->to + hw;
        s[0].y = s[1].y = e->at;
    } else {
        s[0].y = e->from - hw, s[1].y = e->to + hw;
        s[0].x = s[1].x = e->at;
    }
    return s + 2;
}

/* The path of the lines into the current page (arena memory). */
static bool emit(ly_table *t, const edge *h, size_t nh, const edge *v, size_t nv)
{
    ly_ctx *c = t->c;
    pp_page *p = fl_page(c);
    size_t nsteps = 2 * (nh + nv);
    pp_path_step *steps = p ? pp_arena_alloc(p->arena, nsteps * sizeof *steps) : NULL;
    if (!steps) {
        c->oom = true;
        return false;
    }
    pp_path_step *s = steps;
    for (size_t i = 0; i < nh; i++) s = add_line(s, &h[i], true);
    for (size_t i = 0; i < nv; i++) s = add_line(s, &v[i], false);
    pp_dl_item it = {.kind = PP_DL_PATH};
    it.u.path.nsteps = nsteps;
    it.u.path.steps = steps;
    it.u.path.paint = (pp_paint){.stroke = true, .stroke_color = ly_col(c, LY_C_BORDER),
                                 .line_width = BORDER_WIDTH};
    return fl_item(c, &it);
}

bool tg_flush(ly_table *t)
{
    size_t n = t->ngrid;
    t->ngrid = 0;
    if (n == 0) return true;
    edge *h = malloc(2 * n * sizeof *h), *v = malloc(2 * n * sizeof *v);
    if (!h || !v) {
        free(h);
        free(v);
        t->ok = false;
        t->c->oom = true;
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        const ly_box *b = &t->grid[i];
        double x1 = b->x + b->w, y1 = b->y + b->h;
        h[2 * i] = (edge){key_of(b->y), b->y, b->x, x1};
        h[2 * i + 1] = (edge){key_of(y1), y1, b->x, x1};
        v[2 * i] = (edge){key_of(b->x), b->x, b->y, y1};
        v[2 * i + 1] = (edge){key_of(x1), x1, b->y, y1};
    }
    bool ok = emit(t, h, merge(h, 2 * n), v, merge(v, 2 * n));
    free(h);
    free(v);
    return ok;
}
