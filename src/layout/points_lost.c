/* "Dove si sono persi i punti" (layout element <points-lost top="15"/>):
 * where the ente's points went (issue 14). A sentence with the ente's
 * achievement and the points it lost; the `top` indicators that cost most
 * as a horizontal bar chart and the areas as another; then those
 * indicators in a table grouped by area (each area's band with its
 * loss), ranked, with grado, weight on the ente and points lost, the
 * rest of each area in one line, the ente's total at the foot. The
 * figures are score/points_lost.c's: this file only prints them. */
#include <math.h>

#include "layout_internal.h"
#include "numfmt.h"
#include "score.h"

/* The chart shows at most these many bars (the table all of the top):
 * more would not be read, nor fit a page. */
#define MAX_BARS 30

bool ly_points_lost_any(const pp_doc *doc)
{
    const pp_node *root = doc->root;
    return root && root->result.has_points_lost && pp_points_lost_rank(doc, NULL, 0) > 0;
}

static const char *points(ly_ctx *c, double v)
{
    char buf[PP_FMT_IT_SIZE];
    pp_fmt_it(v, 2, buf, sizeof buf);
    const char *s = pp_arena_strdup(c->arena, buf);
    if (!s) c->oom = true;
    return s;
}

/* A label with its placeholders filled; out of memory is noted. */
static const char *subst(ly_ctx *c, ly_label k, const char *const *kv)
{
    const char *s = ly_subst(c->arena, ly_lbl(c, k), kv);
    if (!s) c->oom = true;
    return s;
}

static const pp_node *area_of(const pp_node *n)
{
    while (n && n->level != PP_LEVEL_AMBITO) n = n->parent;
    return n;
}

/* ---- the charts ------------------------------------------------------------------ */

static bool bar_chart(ly_ctx *c, const char *caption, pp_point *pts, size_t n)
{
    pp_series se = {NULL, pts, n};
    pp_block b = {.kind = PP_BLOCK_CHART, .caption = caption, .chart_type = "barre-orizzontali",
                  .chart_unit = ly_lbl(c, LY_L_LOST_UNIT), .series = &se, .nseries = 1};
    return ly_chart(c, &b);
}

/* "1. SOST_TUR_05 Numero di imprese...": the chart cuts it to its width.
 * Its caption says whether these are the first n of more (all: how many
 * lost points). */
static bool top_chart(ly_ctx *c, const pp_node *const *top, size_t n, size_t all)
{
    pp_point *pts = pp_arena_alloc(c->arena, n * sizeof *pts);
    char count[24];
    snprintf(count, sizeof count, "%zu", n);
    const char *kv[] = {"n", count, NULL};
    const char *caption = subst(c, all > n    ? LY_L_LOST_CHART
                                   : n == 1 ? LY_L_LOST_CHART_ONE
                                            : LY_L_LOST_CHART_ALL, kv);
    if (!pts || !caption) return !(c->oom = true);
    for (size_t i = 0; i < n; i++) {
        pts[i].label = pp_arena_printf(c->arena, "%zu. %s", i + 1, ly_code_title_ref(c, top[i]));
        pts[i].value = top[i]->result.points_lost;
        if (!pts[i].label) return !(c->oom = true);
    }
    return bar_chart(c, caption, pts, n);
}

/* Every area counted in the ente, what it lost (0 included); none with
 * fewer than two (nothing to compare) or more than a chart holds (the
 * table gives each area's loss). */
static bool areas_chart(ly_ctx *c)
{
    const pp_node *root = c->doc->root;
    pp_point *pts = pp_arena_alloc(c->arena, (root->nchildren + 1) * sizeof *pts);
    if (!pts) return !(c->oom = true);
    size_t n = 0;
    for (size_t i = 0; i < root->nchildren; i++) {
        const pp_node *a = root->children[i];
        if (!a->result.has_points_lost) continue;
        pts[n].label = ly_code_title_ref(c, a);
        pts[n++].value = a->result.points_lost;
    }
    return n < 2 || n > MAX_BARS || bar_chart(c, ly_lbl(c, LY_L_LOST_AREAS_CHART), pts, n);
}

/* ---- the table --------------------------------------------------------------------- */

typedef struct {
    size_t count; /* indicators of the area that lost something */
    double sum;   /* and what they lost */
} area_sum;

static bool sum_visit(pp_node *n, void *ctx)
{
    area_sum *s = ctx;
    if (n->level == PP_LEVEL_INDICATORE && n->result.has_points_lost &&
        n->result.points_lost > 0) {
        s->count++;
        s->sum += n->result.points_lost;
    }
    return true;
}

static bool group_row(ly_table *t, const pp_node *area)
{
    ly_ctx *c = t->c;
    /* a reference to the area, printed whole in section 3: cut as others are */
    const char *kv[] = {"codice", ly_clip(c, area->code ? area->code : "", LY_MAX_REFERENCE),
                        "titolo", ly_clip(c, area->title ? area->title : "", LY_MAX_REFERENCE),
                        "punti", points(c, area->result.points_lost), NULL};
    ly_row *r = tb_row(t, false);
    if (!r) return false;
    r->keep_next = true;
    ly_cell *cell = tb_cell(t, r, (int)t->ncols);
    tb_fill(cell, ly_col(c, LY_C_BAND_BG));
    return tb_text(t, cell, subst(c, LY_L_LOST_AREA, kv), LY_F_BAND,
                   PP_ALIGN_LEFT, ly_col(c, LY_C_BAND_FG), false);
}

/* A figure right-aligned in a cell of its own. */
static bool figure_cell(ly_table *t, ly_row *r, const char *text, ly_font_role f)
{
    return tb_text(t, tb_cell(t, r, 1), text, f, PP_ALIGN_RIGHT, ly_col(t->c, LY_C_TEXT), false);
}

/* Rank, indicator (its objective under it), grado in its band's tint,
 * weight on the ente, points lost. */
static bool indicator_row(ly_table *t, size_t rank, const pp_node *n)
{
    ly_ctx *c = t->c;
    char num[24];
    snprintf(num, sizeof num, "%zu", rank);
    const char *kv[] = {"obiettivo", n->parent ? ly_code_title_ref(c, n->parent) : "", NULL};
    ly_row *r = tb_row(t, false);
    if (!r || !figure_cell(t, r, num, LY_F_TABLE)) return false;
    ly_cell *name = tb_cell(t, r, 1);
    if (!tb_text(t, name, ly_code_title_ref(c, n), LY_F_TABLE, PP_ALIGN_LEFT,
                 ly_col(c, LY_C_TEXT), false) ||
        !tb_text(t, name, subst(c, LY_L_LOST_OBJECTIVE, kv), LY_F_NOTE, PP_ALIGN_LEFT,
                 ly_col(c, LY_C_MUTED), false))
        return false;
    if (!figure_cell(t, r, ly_achievement(c, n), LY_F_TABLE)) return false;
    int band = ly_band(c, n);
    if (band >= 0) tb_fill(&r->cells[r->ncells - 1], ly_band_tint(c, band));
    return figure_cell(t, r, ly_percent(c, n->result.ente_share), LY_F_TABLE) &&
           figure_cell(t, r, points(c, n->result.points_lost), LY_F_TABLE_HEAD);
}

/* A row across the first columns and a figure in the last. */
static bool closing_row(ly_table *t, const char *label, double value, bool total)
{
    ly_ctx *c = t->c;
    ly_row *r = tb_row(t, false);
    if (!r) return false;
    ly_font_role f = total ? LY_F_TABLE_HEAD : LY_F_TABLE;
    pp_rgb colour = total ? ly_col(c, LY_C_BAND_FG) : ly_col(c, LY_C_MUTED);
    ly_cell *a = tb_cell(t, r, (int)t->ncols - 1), *b = tb_cell(t, r, 1);
    if (total) {
        tb_fill(a, ly_col(c, LY_C_BAND_BG));
        tb_fill(b, ly_col(c, LY_C_BAND_BG));
    }
    return tb_text(t, a, label, f, PP_ALIGN_LEFT, colour, false) &&
           tb_text(t, b, points(c, value), f, PP_ALIGN_RIGHT, colour, false);
}

/* The area's ranked indicators among the top, then the rest in a line. */
static bool area_rows(ly_table *t, const pp_node *area, const pp_node *const *top, size_t n)
{
    ly_ctx *c = t->c;
    area_sum all = {0, 0}, shown = {0, 0};
    pp_tree_walk((pp_node *)area, sum_visit, &all);
    bool ok = group_row(t, area);
    for (size_t i = 0; ok && i < n; i++) {
        if (area_of(top[i]) != area) continue;
        ok = indicator_row(t, i + 1, top[i]);
        shown.count++;
        shown.sum += top[i]->result.points_lost;
    }
    if (!ok || all.count <= shown.count) return ok;
    char count[24];
    snprintf(count, sizeof count, "%zu", all.count - shown.count);
    double rest = fmax(all.sum - shown.sum, 0);
    const char *kv[] = {"n", count, "punti", points(c, rest), NULL};
    const char *label = subst(c, LY_L_LOST_OTHERS, kv);
    return label && closing_row(t, label, rest, false);
}

static bool lost_table(ly_ctx *c, const pp_node *const *top, size_t n)
{
    static const double w[] = {6, 57, 12, 12, 13};
    ly_table *t = tb_new(c, w, 5);
    if (!t) return false;
    const char *labels[] = {ly_lbl(c, LY_L_COL_NUMBER), ly_lbl(c, LY_L_COL_INDICATOR),
                            ly_lbl(c, LY_L_COL_ACHIEVEMENT), ly_lbl(c, LY_L_LOST_COL_SHARE),
                            ly_lbl(c, LY_L_LOST_COL_POINTS)};
    const pp_node *root = c->doc->root;
    bool ok = ly_head_row(t, labels, 5);
    for (size_t i = 0; ok && i < root->nchildren; i++) {
        const pp_node *a = root->children[i];
        if (a->result.has_points_lost && a->result.points_lost > 0) ok = area_rows(t, a, top, n);
    }
    ok = ok && closing_row(t, ly_lbl(c, LY_L_LOST_TOTAL), root->result.points_lost, true) &&
         tb_place(t);
    tb_free(t);
    fl_gap(c, c->lay->paragraph_gap);
    return ok;
}

/* ---- the section -------------------------------------------------------------------- */

static bool intro(ly_ctx *c)
{
    const pp_result *r = &c->doc->root->result;
    const char *kv[] = {"ente", ly_percent(c, r->achievement), "persi",
                        points(c, r->points_lost), NULL};
    const char *text = subst(c, LY_L_LOST_INTRO, kv);
    return text && ly_text_para(c, text, LY_F_BODY, PP_ALIGN_LEFT, "P");
}

/* A tolerance band on objectives shares their loss (score/points_lost.c):
 * say so where it happens. */
static bool bands_note(ly_ctx *c)
{
    const pp_smvp *s = &c->doc->smvp;
    if (!s->tolerance[0].set && !s->tolerance[1].set) return true;
    return ly_text_para(c, ly_lbl(c, LY_L_LOST_NOTE_BANDS), LY_F_NOTE, PP_ALIGN_LEFT, "P");
}

bool ly_points_lost(ly_ctx *c, size_t top)
{
    const pp_node **ranked = pp_arena_alloc(c->arena, (top ? top : 1) * sizeof *ranked);
    if (!ranked) return !(c->oom = true);
    size_t all = pp_points_lost_rank(c->doc, ranked, top);
    size_t n = all < top ? all : top;
    return intro(c) && top_chart(c, ranked, n < MAX_BARS ? n : MAX_BARS, all) && areas_chart(c) && lost_table(c, ranked, n) &&
           bands_note(c) && !c->oom;
}
