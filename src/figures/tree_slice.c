/* Cutting the tree diagram into slices at most max_h tall, between boxes.
 *
 * The diagram is filled slice by slice like newspaper columns: each column
 * (the diagram itself, and every child column of a row) takes boxes in
 * order until the next one does not fit, and continues at the top of the
 * next slice under a "segue: I > 01_04 ..." label naming the boxes it
 * continues from. A box is placed only with the first boxes under it (its
 * `need`), so no box ends a slice alone; the first box of a slice is
 * always placed, so every slice makes progress and slicing ends (a box
 * taller than max_h, which no sensible page allows, gets a slice of its
 * own that is taller than asked). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fig_tree.h"
#include "grow.h"

double tree_segue_height(const pp_tree_diagram *td) { return td->lh + 4; }

static tree_op *add_op(pp_tree_diagram *td, tree_slice *s, op_kind kind)
{
    if (!pp_grow(&s->ops, &s->cap, s->nops + 1, sizeof *s->ops, 32)) {
        td->oom = true;
        return NULL;
    }
    tree_op *o = &s->ops[s->nops++];
    memset(o, 0, sizeof *o);
    o->kind = kind;
    return o;
}

static void add_line(pp_tree_diagram *td, tree_slice *s, double x1, double y1, double x2, double y2)
{
    tree_op *o = add_op(td, s, OP_LINE);
    if (o) o->x = x1, o->y = y1, o->x2 = x2, o->y2 = y2;
}

static void place_box(pp_tree_diagram *td, tree_slice *s, tnode *t, double y)
{
    tree_op *o = add_op(td, s, OP_BOX);
    if (o) o->node = t, o->x = t->box_x, o->y = y;
    t->placed = true;
    t->y = y;
    td->placed_any = true;
}

/* The diagram owns its labels until the next slicing. */
static bool keep_label(pp_tree_diagram *td, pp_lines *l)
{
    if (!l || !pp_grow(&td->labels, &td->cap_labels, td->nlabels + 1, sizeof *td->labels, 8)) {
        pp_lines_free(l);
        td->oom = true;
        return false;
    }
    td->labels[td->nlabels++] = l;
    return true;
}

/* The next box a column will place: NULL when it continues in a row (whose
 * own columns carry the labels). */
static const tnode *next_box(const tnode *c)
{
    while (c && c->placed) {
        if (c->mode != KIDS_LIST || c->next >= c->nkids) return NULL;
        c = c->kids[c->next];
    }
    return c;
}

/* "segue: I › 01_04 Competitività…": the boxes above the next one, from
 * the area down (the ente is named only when nothing else is). */
static double segue(pp_tree_diagram *td, tree_slice *s, const tnode *column, double y)
{
    const tnode *next = next_box(column);
    if (!next || !next->parent) return y;
    const tnode *chain[16];
    size_t n = 0;
    for (const tnode *a = next->parent; a && n < 16; a = a->parent)
        if (a->parent || n == 0) chain[n++] = a;
    char buf[512] = "segue: ";
    size_t len = strlen(buf);
    for (size_t i = n; i-- > 0 && len < sizeof buf - 1;) {
        const pp_node *m = chain[i]->n;
        const char *code = m->code && m->code[0] ? m->code : NULL;
        bool last = i == 0;
        int k = snprintf(buf + len, sizeof buf - len, "%s%s%s%s", code ? code : "",
                         code && last ? " " : "", !code || last ? (m->title ? m->title : "") : "",
                         last ? "" : " \xE2\x80\xBA ");
        if (k < 0) break;
        len += (size_t)k;
    }
    pp_font_spec f = td->style.label;
    f.italic = true;
    pp_lines *l = fig_shape_clamped(td->t, &f, NULL, buf, column->col_w, PP_ALIGN_LEFT, 1);
    if (!keep_label(td, l)) return y;
    tree_op *o = add_op(td, s, OP_SEGUE);
    if (o) o->text = l, o->x = column->col_x, o->y = y;
    return y + tree_segue_height(td);
}

static double fill(pp_tree_diagram *td, tree_slice *s, tnode *t, double y, double ymax);

/* Children listed under t: a trunk from t (or from the top of the slice)
 * with a tick to each child placed here. */
static double fill_list(pp_tree_diagram *td, tree_slice *s, tnode *t, double y, bool fresh,
                        double ymax)
{
    double trunk_x = t->box_x + TREE_INDENT / 2, trunk_top = y, last_tick = NAN;
    double cy = fresh ? y + TREE_LGAP : y, bottom = fresh ? y : -INFINITY;
    while (t->next < t->nkids && !td->oom) {
        tnode *k = t->kids[t->next];
        bool was_placed = k->placed;
        double b = fill(td, s, k, cy, ymax);
        if (!was_placed && k->placed) {
            last_tick = k->y + fmin(k->box_h / 2, td->lh);
            add_line(td, s, trunk_x, last_tick, k->box_x, last_tick);
        }
        bottom = fmax(bottom, b);
        if (!k->done) break;
        t->next++;
        cy = b + TREE_LGAP;
    }
    t->done = t->next >= t->nkids;
    /* A list that goes on in the next slice keeps its trunk to the bottom. */
    double end = t->done ? last_tick
                         : fmax(isnan(last_tick) ? trunk_top : last_tick, bottom - TREE_LINE / 2);
    if (!isnan(end) && end > trunk_top) add_line(td, s, trunk_x, trunk_top, trunk_x, end);
    return bottom;
}

/* Children in a row of columns: a bus under t when t is placed here; in a
 * later slice each unfinished column starts with its "segue" label. */
static double fill_row(pp_tree_diagram *td, tree_slice *s, tnode *t, double y, bool fresh,
                       double ymax)
{
    double cx = t->box_x + t->box_w / 2, bus_y = y + TREE_VGAP / 2;
    double kids_top = fresh ? y + TREE_VGAP : y, bottom = fresh ? y : -INFINITY, lo = cx, hi = cx;
    bool all_done = true, any = false;
    for (size_t i = 0; i < t->nkids && !td->oom; i++) {
        tnode *k = t->kids[i];
        if (k->done) continue;
        double ky = fresh ? kids_top : segue(td, s, k, kids_top);
        bool was_placed = k->placed;
        bottom = fmax(bottom, fill(td, s, k, ky, ymax));
        if (fresh && !was_placed && k->placed) {
            double kx = k->box_x + k->box_w / 2;
            add_line(td, s, kx, bus_y, kx, k->y);
            lo = fmin(lo, kx), hi = fmax(hi, kx), any = true;
        }
        all_done = all_done && k->done;
    }
    if (any) {
        add_line(td, s, cx, y, cx, bus_y);
        if (hi > lo) add_line(td, s, lo, bus_y, hi, bus_y);
    }
    t->done = all_done;
    return bottom;
}

/* Places what fits of t's subtree from y down to ymax; returns the bottom
 * of what was placed (-INFINITY when nothing). */
static double fill(pp_tree_diagram *td, tree_slice *s, tnode *t, double y, double ymax)
{
    bool fresh = false;
    double bottom = -INFINITY;
    if (!t->placed) {
        if (y + t->need > ymax && td->placed_any) return bottom;
        place_box(td, s, t, y);
        fresh = true;
        bottom = y + t->box_h;
    }
    if (t->mode == KIDS_NONE) {
        t->done = true;
        return bottom;
    }
    double from = fresh ? bottom : y;
    double b = t->mode == KIDS_LIST ? fill_list(td, s, t, from, fresh, ymax)
                                    : fill_row(td, s, t, from, fresh, ymax);
    return fmax(bottom, b);
}

void tree_slices_clear(pp_tree_diagram *td)
{
    for (size_t i = 0; i < td->nslices; i++) free(td->slices[i].ops);
    free(td->slices);
    td->slices = NULL;
    td->nslices = 0;
    for (size_t i = 0; i < td->nlabels; i++) pp_lines_free(td->labels[i]);
    free(td->labels);
    td->labels = NULL;
    td->nlabels = td->cap_labels = 0;
    td->sliced = false;
}

/* The lowest point any item of the slice reaches. */
static double slice_height(const tree_slice *s, double segue_h)
{
    double h = 0;
    for (size_t i = 0; i < s->nops; i++) {
        const tree_op *o = &s->ops[i];
        double b = o->kind == OP_BOX    ? o->y + o->node->box_h
                   : o->kind == OP_LINE ? fmax(o->y, o->y2) + TREE_LINE / 2
                                        : o->y + segue_h;
        h = fmax(h, b);
    }
    return h;
}

bool tree_slice_all(pp_tree_diagram *td, double first_h, double max_h)
{
    tree_slices_clear(td);
    if (!(max_h > 0)) max_h = INFINITY; /* NaN too */
    if (!(first_h >= 0) || first_h > max_h) first_h = max_h;
    td->oom = false;
    for (size_t i = 0; i < td->nnodes; i++) {
        tnode *t = &td->nodes[i];
        t->placed = t->done = false;
        t->next = 0;
    }
    /* Each slice but an empty first one places at least one box. */
    size_t limit = td->nnodes + 1;
    td->slices = calloc(limit, sizeof *td->slices);
    if (!td->slices) return false;
    do {
        tree_slice *s = &td->slices[td->nslices++];
        bool first = td->nslices == 1;
        /* A short first slice may stay empty; any other places a box. */
        td->placed_any = first && first_h < max_h;
        if (td->nnodes) {
            tnode *root = &td->nodes[0];
            double y = root->placed ? segue(td, s, root, 0) : 0;
            fill(td, s, root, y, first ? first_h : max_h);
        }
        s->height = slice_height(s, tree_segue_height(td));
    } while (td->nnodes && !td->nodes[0].done && td->nslices < limit && !td->oom);
    if (td->oom) {
        tree_slices_clear(td);
        return false;
    }
    td->sliced = true;
    return true;
}
