/* Performance tree diagram: building the boxes and arranging them.
 *
 * Levels are arranged top-down. A level's children go side by side (a row
 * of equal columns, joined to the parent by a bus) while every parent of
 * that level can give each child a column at least MIN_COL_W wide; from
 * the first level where that fails, children are listed under their
 * parent, indented, with a trunk and ticks like a file tree, so the whole
 * diagram always fits the width. Slicing (fig_tree_slice.c) then cuts the
 * diagram between boxes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fig_tree.h"
#include "numfmt.h"

#define MAX_BOX_W 260.0 /* of a box heading a column */
#define MAX_ROOT_W 320.0
#define MIN_DIAGRAM_W 60.0

static double min_col_w(const pp_tree_diagram *td) { return fmax(120, 15 * td->style.label.size); }

static bool shown(const pp_tree_diagram *td, const pp_node *n)
{
    if (!n) return false;
    pp_level max = td->operational ? PP_LEVEL_OPERATIVO : PP_LEVEL_STRATEGICO;
    return n->level <= max;
}

static size_t count(const pp_tree_diagram *td, const pp_node *n)
{
    size_t c = 1;
    for (size_t i = 0; i < n->nchildren; i++)
        if (shown(td, n->children[i]) && n->children[i]->level > n->level)
            c += count(td, n->children[i]);
    return c;
}

/* Copies the shown part of the model into td->nodes, depth first. */
static tnode *build(pp_tree_diagram *td, const pp_node *n, tnode *parent, int depth, size_t *used,
                    size_t *kids_used)
{
    tnode *t = &td->nodes[(*used)++];
    t->n = n;
    t->parent = parent;
    t->depth = depth;
    t->kids = &td->kidbuf[*kids_used];
    for (size_t i = 0; i < n->nchildren; i++)
        if (shown(td, n->children[i]) && n->children[i]->level > n->level) t->nkids++;
    *kids_used += t->nkids;
    size_t k = 0;
    for (size_t i = 0; i < n->nchildren; i++)
        if (shown(td, n->children[i]) && n->children[i]->level > n->level)
            t->kids[k++] = build(td, n->children[i], t, depth + 1, used, kids_used);
    return t;
}

/* ---- box contents ---------------------------------------------------------- */

static const char *node_title(const pp_tree_diagram *td, const tnode *t)
{
    if (t->n->level == PP_LEVEL_ENTE && td->doc->admin_name) return td->doc->admin_name;
    return t->n->title ? t->n->title : "";
}

static double light_room(const pp_tree_diagram *td) { return td->lh * 0.84 + 3; }

/* Shapes the texts of a box at its width and computes its height. */
static bool shape_box(pp_tree_diagram *td, tnode *t)
{
    const pp_figure_style *s = &td->style;
    double inner = t->box_w - TREE_STRIPE - 2 * TREE_PAD;
    if (inner < 1) inner = 1;
    /* Narrower than a glyph: the box stays, empty (words would overflow). */
    bool words = inner >= 1.5 * s->label.size;
    bool ente = t->n->level == PP_LEVEL_ENTE;
    pp_font_spec bold = fig_font(&s->label, s->label.size, true);
    t->title =
        fig_shape_clamped(td->t, ente ? &bold : &s->label, ente || !words ? NULL : t->n->code,
                          words ? node_title(td, t) : "", inner, PP_ALIGN_LEFT, ente ? 2 : 3);
    char num[64], buf[96];
    const pp_result *r = &t->n->result;
    fig_percent(r->has_achievement ? r->achievement : NAN, num, sizeof num);
    t->value = fig_shape_clamped(td->t, &bold, NULL, num, fmax(inner - light_room(td), 1),
                                 PP_ALIGN_RIGHT, 1);
    if (ente) {
        snprintf(buf, sizeof buf, "Performance di ente");
    } else if (!t->n->weight_printed) {
        buf[0] = '\0'; /* a plain mean: no weight to show, none invented */
    } else {
        pp_fmt_percent_it(t->n->weight, num, sizeof num);
        snprintf(buf, sizeof buf, "peso %s", num);
    }
    double value_w = t->value ? pp_lines_width(t->value) + light_room(td) : 0;
    t->weight =
        fig_shape_clamped(td->t, &s->label, NULL, words ? buf : "", inner, PP_ALIGN_LEFT, 1);
    if (!t->title || !t->value || !t->weight) return false;
    t->meta_two_lines = pp_lines_width(t->weight) + 8 + value_w > inner;
    double meta = td->lh * (t->meta_two_lines ? 2 : 1);
    t->box_h = TREE_PAD + pp_lines_total_height(t->title) + 2 + meta + TREE_PAD;
    return true;
}

/* ---- arrangement ------------------------------------------------------------ */

/* Places the boxes of the children of t once t's mode is known. */
static void place_kids(const pp_tree_diagram *td, tnode *t)
{
    if (t->mode == KIDS_ROW) {
        double cw = (t->col_w - TREE_HGAP * (double)(t->nkids - 1)) / (double)t->nkids;
        for (size_t i = 0; i < t->nkids; i++) {
            tnode *k = t->kids[i];
            k->col_x = t->col_x + (double)i * (cw + TREE_HGAP);
            k->col_w = cw;
            k->box_w = fmin(cw, MAX_BOX_W);
            k->box_x = k->col_x + (cw - k->box_w) / 2;
        }
    } else if (t->mode == KIDS_LIST) {
        for (size_t i = 0; i < t->nkids; i++) {
            tnode *k = t->kids[i];
            k->col_x = t->box_x + TREE_INDENT;
            k->col_w = fmax(t->box_x + t->box_w - k->col_x, 1);
            k->box_x = k->col_x;
            k->box_w = k->col_w;
        }
    }
    (void)td;
}

/* Decides the mode of each level, top-down, and places every box. */
static void arrange(pp_tree_diagram *td)
{
    tnode *root = &td->nodes[0];
    root->col_x = 0;
    root->col_w = td->w;
    root->box_w = fmin(td->w, MAX_ROOT_W);
    root->box_x = (td->w - root->box_w) / 2;
    bool rows = true;
    for (int depth = 0; depth < 8; depth++) {
        bool any = false;
        for (size_t i = 0; i < td->nnodes; i++) {
            tnode *t = &td->nodes[i];
            if (t->depth != depth || !t->nkids) continue;
            any = true;
            double cw = (t->col_w - TREE_HGAP * (double)(t->nkids - 1)) / (double)t->nkids;
            if (cw < min_col_w(td)) rows = false;
        }
        if (!any) break;
        for (size_t i = 0; i < td->nnodes; i++) {
            tnode *t = &td->nodes[i];
            if (t->depth != depth || !t->nkids) continue;
            t->mode = rows ? KIDS_ROW : KIDS_LIST;
            place_kids(td, t);
        }
    }
}

/* Height that must be free below a box's top for it to be placed: the box
 * and the first boxes under it, so a box never ends a slice alone. */
static double need(tnode *t)
{
    t->need = t->box_h;
    if (t->mode == KIDS_LIST) {
        for (size_t i = 0; i < t->nkids; i++) need(t->kids[i]);
        t->need += TREE_LGAP + t->kids[0]->need;
    } else if (t->mode == KIDS_ROW) {
        double m = 0;
        for (size_t i = 0; i < t->nkids; i++) m = fmax(m, need(t->kids[i]));
        t->need += TREE_VGAP + m;
    }
    return t->need;
}

static bool layout(pp_tree_diagram *td)
{
    pp_lines *probe = pp_text_shape(td->t, "Ag", &td->style.label, 0, PP_ALIGN_LEFT);
    if (!probe) return false;
    td->lh = pp_lines_total_height(probe);
    pp_lines_free(probe);
    arrange(td);
    for (size_t i = 0; i < td->nnodes; i++)
        if (!shape_box(td, &td->nodes[i])) return false;
    need(&td->nodes[0]);
    return true;
}

pp_tree_diagram *pp_tree_diagram_new(pp_text *t, const pp_figure_style *s, const pp_doc *doc,
                                     bool operational, double w)
{
    if (!t || !s || !doc) return NULL;
    pp_tree_diagram *td = calloc(1, sizeof *td);
    if (!td) return NULL;
    td->t = t;
    td->style = *s;
    td->doc = doc;
    td->operational = operational;
    td->w = w;
    /* Too narrow for a box (or no tree): an empty diagram. */
    if (!doc->root || !(w >= MIN_DIAGRAM_W) || !isfinite(w)) return td;
    size_t n = count(td, doc->root);
    td->nodes = calloc(n, sizeof *td->nodes);
    td->kidbuf = calloc(n, sizeof *td->kidbuf);
    if (!td->nodes || !td->kidbuf) {
        pp_tree_diagram_free(td);
        return NULL;
    }
    size_t used = 0, kids_used = 0;
    build(td, doc->root, NULL, 0, &used, &kids_used);
    td->nnodes = used;
    if (!layout(td)) {
        pp_tree_diagram_free(td);
        return NULL;
    }
    return td;
}

void pp_tree_diagram_free(pp_tree_diagram *td)
{
    if (!td) return;
    tree_slices_clear(td);
    for (size_t i = 0; i < td->nnodes; i++) {
        pp_lines_free(td->nodes[i].title);
        pp_lines_free(td->nodes[i].weight);
        pp_lines_free(td->nodes[i].value);
    }
    free(td->nodes);
    free(td->kidbuf);
    free(td);
}

size_t pp_tree_diagram_slices(pp_tree_diagram *td, double max_h)
{
    return pp_tree_diagram_slices_after(td, max_h, max_h);
}

size_t pp_tree_diagram_slices_after(pp_tree_diagram *td, double first_h, double max_h)
{
    if (!td || !tree_slice_all(td, first_h, max_h)) return 0;
    return td->nslices;
}

static bool ensure_sliced(pp_tree_diagram *td)
{
    return td->sliced || tree_slice_all(td, INFINITY, INFINITY);
}

double pp_tree_diagram_slice_height(pp_tree_diagram *td, size_t slice)
{
    if (!td || !ensure_sliced(td) || slice >= td->nslices) return 0;
    return td->slices[slice].height;
}

size_t pp_tree_diagram_slice_boxes(pp_tree_diagram *td, size_t slice)
{
    if (!td || !ensure_sliced(td) || slice >= td->nslices) return 0;
    size_t n = 0;
    for (size_t i = 0; i < td->slices[slice].nops; i++) n += td->slices[slice].ops[i].kind == OP_BOX;
    return n;
}

static size_t level_count(const pp_tree_diagram *td, pp_level level)
{
    size_t c = 0;
    for (size_t i = 0; i < td->nnodes; i++) c += td->nodes[i].n->level == level;
    return c;
}

static char *tree_alt(const pp_tree_diagram *td, pp_page *p, size_t slice)
{
    if (!td->nnodes) return pp_arena_strdup(p->arena, "Albero della performance");
    const pp_node *root = td->nodes[0].n;
    char num[64], part[64] = "", ops[64] = "";
    fig_percent(root->result.has_achievement ? root->result.achievement : NAN, num, sizeof num);
    if (td->nslices > 1) snprintf(part, sizeof part, " (parte %zu di %zu)", slice + 1, td->nslices);
    if (td->operational)
        snprintf(ops, sizeof ops, ", %zu obiettivi operativi", level_count(td, PP_LEVEL_OPERATIVO));
    return pp_arena_printf(p->arena,
                           "Albero della performance%s: %s, performance di ente %s; %zu aree "
                           "strategiche, %zu obiettivi strategici%s",
                           part, node_title(td, &td->nodes[0]), num,
                           level_count(td, PP_LEVEL_AMBITO), level_count(td, PP_LEVEL_STRATEGICO),
                           ops);
}

bool pp_tree_diagram_draw(pp_tree_diagram *td, size_t slice, pp_page *p, double x, double y)
{
    if (!td || !p || !ensure_sliced(td) || slice >= td->nslices) return false;
    /* Nowhere to draw, or an empty first slice: no figure at all. */
    if (!isfinite(x) || !isfinite(y) || td->slices[slice].nops == 0) return true;
    char *alt = tree_alt(td, p, slice);
    if (!alt || !fig_tag_begin(p, "Figure", alt)) return false;
    const tree_slice *s = &td->slices[slice];
    const pp_figure_style *st = &td->style;
    for (size_t i = 0; i < s->nops; i++) {
        const tree_op *o = &s->ops[i];
        bool ok = true;
        if (o->kind == OP_BOX)
            ok = tree_draw_box(td, o->node, p, x + o->x, y + o->y);
        else if (o->kind == OP_LINE)
            ok = fig_line(p, x + o->x, y + o->y, x + o->x2, y + o->y2, st->line, TREE_LINE);
        else
            ok = fig_emit(o->text, p, x + o->x, y + o->y + 1, st->muted);
        if (!ok) return false;
    }
    return fig_tag_end(p, "Figure");
}
