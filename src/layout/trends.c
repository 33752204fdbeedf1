/* The trend over the years (<trends/>): the document's results beside
 * those of the earlier Relazioni given with --precedenti (doc->precedenti,
 * each node's `past`, matched by code in model/match.c).
 *   1. a table: ente, each area and its strategic objectives, one column
 *      per year, the grado with the band's traffic light (the bands of
 *      this document, one legend for every year);
 *   2. a bar chart of ente and areas, one colour per year (figures/'s
 *      narrative chart, as a chart block built here);
 *   3. a table of the indicators that some earlier year has: their
 *      consuntivi per year, beside the serie storica the document prints.
 * A node or year without a match prints "–". At most TREND_YEARS earlier
 * years are shown, the most recent ones: a column per year must stay
 * readable on a portrait page. */
#include <math.h>

#include "layout_internal.h"
#include "score.h"

#define TREND_YEARS 6
#define DASH "\u2013"

typedef struct {
    ly_ctx *c;
    size_t first; /* the first earlier document shown */
    size_t ncols; /* name column, the earlier years shown, this year */
} trend;

static trend trend_of(ly_ctx *c)
{
    size_t n = c->doc->nprecedenti;
    size_t first = n > TREND_YEARS ? n - TREND_YEARS : 0;
    return (trend){c, first, 1 + (n - first) + 1};
}

/* Widths: the name takes half, the years share the rest. */
static ly_table *new_table(const trend *tr, double name_share)
{
    double *w = pp_arena_alloc(tr->c->arena, tr->ncols * sizeof *w);
    if (!w) {
        tr->c->oom = true;
        return NULL;
    }
    w[0] = name_share;
    for (size_t i = 1; i < tr->ncols; i++) w[i] = (100 - name_share) / (double)(tr->ncols - 1);
    return tb_new(tr->c, w, tr->ncols);
}

static bool head(const trend *tr, ly_table *t, const char *first)
{
    ly_ctx *c = tr->c;
    const char **labels = pp_arena_alloc(c->arena, tr->ncols * sizeof *labels);
    if (!labels) return c->oom = true, false;
    labels[0] = first;
    for (size_t i = tr->first, k = 1; i < c->doc->nprecedenti; i++, k++)
        labels[k] = pp_arena_printf(c->arena, "%d", c->doc->precedenti[i]->year);
    labels[tr->ncols - 1] = pp_arena_printf(c->arena, "%d", c->doc->year);
    for (size_t k = 0; k < tr->ncols; k++)
        if (!labels[k]) return c->oom = true, false;
    return ly_head_row(t, labels, tr->ncols);
}

/* The node as scored in the earlier document i, or NULL. */
static const pp_node *past(const pp_node *n, size_t i) { return n->past ? n->past[i] : NULL; }

/* A grado cell: light and percentage, "N/D", or a dash. */
static bool grado_cell(ly_table *t, ly_row *r, const pp_node *n)
{
    ly_ctx *c = t->c;
    ly_cell *cell = tb_cell(t, r, 1);
    if (!n) return tb_text(t, cell, DASH, LY_F_TABLE, PP_ALIGN_LEFT, ly_col(c, LY_C_MUTED), false);
    if (!n->result.has_achievement)
        return tb_text(t, cell, ly_achievement(c, n), LY_F_TABLE, PP_ALIGN_LEFT,
                       ly_col(c, LY_C_MUTED), false);
    int band = c->smvp.nbands ? pp_band_of(&c->smvp, n->result.achievement) : -1;
    return tb_light_text(t, cell, band, ly_percent(c, n->result.achievement), LY_F_TABLE,
                         ly_col(c, LY_C_TEXT));
}

/* One row of the first table: the name (indented, filled), then a grado
 * per year. */
static bool node_row(const trend *tr, ly_table *t, const pp_node *n, const char *name,
                     double indent, int fill)
{
    ly_ctx *c = tr->c;
    ly_row *r = tb_row(t, false);
    ly_cell *cell = r ? tb_cell(t, r, 1) : NULL;
    if (cell && fill >= 0) tb_fill(cell, ly_col(c, (ly_colour)fill));
    bool ok = cell && tb_text_at(t, cell, name, LY_F_TABLE, PP_ALIGN_LEFT,
                                 ly_col(c, LY_C_TEXT), false, indent);
    for (size_t i = tr->first; ok && i < c->doc->nprecedenti; i++) ok = grado_cell(t, r, past(n, i));
    return ok && grado_cell(t, r, n);
}

static bool results_table(const trend *tr)
{
    ly_ctx *c = tr->c;
    const pp_node *root = c->doc->root;
    ly_table *t = new_table(tr, 46);
    if (!t) return false;
    t->caption = ly_lbl(c, LY_L_TRENDS_CAPTION);
    bool ok = head(tr, t, ly_lbl(c, LY_L_COL_TRENDS)) &&
              node_row(tr, t, root, ly_lbl(c, LY_L_ENTE), 0, LY_C_BAND_BG);
    for (size_t a = 0; ok && a < root->nchildren; a++) {
        const pp_node *area = root->children[a];
        ok = node_row(tr, t, area, ly_code_title(c, area), 0, LY_C_GROUP_BG);
        for (size_t s = 0; ok && s < area->nchildren; s++)
            if (area->children[s]->level == PP_LEVEL_STRATEGICO)
                ok = node_row(tr, t, area->children[s], ly_code_title(c, area->children[s]), 10,
                              -1);
    }
    ok = ok && tb_place(t);
    tb_free(t);
    return ok;
}

/* ---- the chart --------------------------------------------------------------------- */

static double value_of(const pp_node *n)
{
    return n && n->result.has_achievement ? n->result.achievement : NAN;
}

/* One series (a year) of the chart: the ente, then each area. */
static bool fill_series(ly_ctx *c, pp_series *s, int year, size_t which, bool current)
{
    const pp_node *root = c->doc->root;
    s->name = pp_arena_printf(c->arena, "%d", year);
    s->npoints = 1 + root->nchildren;
    s->points = pp_arena_alloc(c->arena, s->npoints * sizeof *s->points);
    if (!s->name || !s->points) return c->oom = true, false;
    for (size_t k = 0; k < s->npoints; k++) {
        const pp_node *n = k == 0 ? root : root->children[k - 1];
        const char *label = k == 0 ? "Ente" : n->code ? n->code : ly_clip(c, n->title, 40);
        s->points[k] = (pp_point){label, value_of(current ? n : past(n, which))};
    }
    return true;
}

static bool chart(const trend *tr)
{
    ly_ctx *c = tr->c;
    size_t nyears = tr->ncols - 1;
    pp_series *series = pp_arena_alloc(c->arena, nyears * sizeof *series);
    if (!series) return c->oom = true, false;
    bool ok = true;
    for (size_t i = tr->first, k = 0; ok && i < c->doc->nprecedenti; i++, k++)
        ok = fill_series(c, &series[k], c->doc->precedenti[i]->year, i, false);
    ok = ok && fill_series(c, &series[nyears - 1], c->doc->year, 0, true);
    pp_block b = {.kind = PP_BLOCK_CHART, .caption = ly_lbl(c, LY_L_TRENDS_CHART),
                  .chart_type = "barre", .chart_unit = "%", .series = series,
                  .nseries = nyears};
    return ok && ly_blocks(c, &b, 1);
}

/* ---- the indicators ------------------------------------------------------------------ */

typedef struct {
    const trend *tr;
    ly_table *t;
    size_t rows;
    bool ok;
} ind_rows;

static bool has_past(const trend *tr, const pp_node *n)
{
    for (size_t i = tr->first; i < tr->c->doc->nprecedenti; i++)
        if (past(n, i)) return true;
    return false;
}

static bool value_cell(ly_table *t, ly_row *r, const pp_node *n)
{
    ly_ctx *c = t->c;
    const char *s = n ? ly_actual(c, n->ind) : DASH;
    pp_rgb colour = n && n->ind->actual.kind == PP_ACTUAL_VALUE ? ly_col(c, LY_C_TEXT)
                                                                : ly_col(c, LY_C_MUTED);
    return tb_text(t, tb_cell(t, r, 1), s, LY_F_TABLE, PP_ALIGN_RIGHT, colour, false);
}

static bool ind_row(pp_node *n, void *ctx)
{
    ind_rows *w = ctx;
    const trend *tr = w->tr;
    if (!w->ok || n->level != PP_LEVEL_INDICATORE || !has_past(tr, n)) return w->ok;
    ly_ctx *c = tr->c;
    ly_table *t = w->t;
    ly_row *r = tb_row(t, false);
    w->ok = r && tb_text(t, tb_cell(t, r, 1), ly_code_title_ref(c, n), LY_F_TABLE,
                         PP_ALIGN_LEFT, ly_col(c, LY_C_TEXT), false);
    for (size_t i = tr->first; w->ok && i < c->doc->nprecedenti; i++)
        w->ok = value_cell(t, r, past(n, i));
    w->ok = w->ok && value_cell(t, r, n);
    w->rows++;
    return w->ok;
}

static bool indicators_table(const trend *tr)
{
    ly_ctx *c = tr->c;
    ly_table *t = new_table(tr, 46);
    if (!t) return false;
    t->caption = ly_lbl(c, LY_L_TRENDS_INDICATORS);
    ind_rows w = {tr, t, 0, head(tr, t, ly_lbl(c, LY_L_COL_INDICATOR))};
    /* the tree walk wants a mutable node; nothing here changes it */
    if (w.ok) pp_tree_walk((pp_node *)c->doc->root, ind_row, &w);
    bool ok = w.ok && (w.rows == 0 || tb_place(t));
    tb_free(t);
    return ok;
}

bool ly_history_cell(ly_table *t, ly_cell *cell, const pp_node *n)
{
    ly_ctx *c = t->c;
    bool any = false, ok = true;
    for (size_t i = c->doc->nprecedenti; ok && i-- > 0;) {
        const pp_node *p = past(n, i);
        if (!p || !p->ind) continue;
        const char *line = pp_arena_printf(c->arena, "%d: %s", c->doc->precedenti[i]->year,
                                           ly_actual(c, p->ind));
        if (!line) return c->oom = true, false;
        ok = tb_text(t, cell, line, LY_F_TABLE, PP_ALIGN_RIGHT, ly_col(c, LY_C_TEXT), false);
        any = true;
    }
    return ok && (any || tb_text(t, cell, DASH, LY_F_TABLE, PP_ALIGN_RIGHT,
                                 ly_col(c, LY_C_MUTED), false));
}

bool ly_trends(ly_ctx *c)
{
    if (!c->doc->root || c->doc->nprecedenti == 0) return true;
    trend tr = trend_of(c);
    bool ok = results_table(&tr);
    fl_gap(c, c->lay->paragraph_gap);
    ok = ok && chart(&tr) && indicators_table(&tr) &&
         ly_text_para(c, ly_lbl(c, LY_L_TRENDS_NOTE), LY_F_NOTE, PP_ALIGN_LEFT, "P");
    return ok && !c->oom;
}
