/* The trend over the years (<trends/>): the document's results beside
 * those of the earlier Relazioni given with --precedenti (doc->precedenti,
 * each node's `past`, matched by code in model/match.c).
 *   1. a table: ente, each area and its strategic objectives, one column
 *      per year, the grado with the band's traffic light (the bands of
 *      this document, one legend for every year);
 *   2. a bar chart of ente and areas, one colour per year (figures/'s
 *      narrative chart, as a chart block built here);
 *   3. a table of the indicators that some earlier year has (or the
 *      document's own serie storica for those years): their consuntivi per
 *      year and, under a year's, the document's serie storica for that
 *      year where it says something else (no Relazione of that year has
 *      the indicator, or another value: a unit changed, a figure revised).
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
        const char *label = k == 0    ? ly_lbl(c, LY_L_TRENDS_ENTE)
                            : n->code ? n->code
                                      : ly_clip(c, n->title, 40);
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
    bool series; /* some cell gives the document's serie storica */
} ind_rows;

/* The value the document's own serie storica gives for `year`, or NULL. */
static const pp_history *own_history(const pp_node *n, int year)
{
    for (size_t i = 0; n->ind && i < n->ind->nhistory; i++)
        if (n->ind->history[i].year == year) return &n->ind->history[i];
    return NULL;
}

static bool has_past(const trend *tr, const pp_node *n)
{
    for (size_t i = tr->first; i < tr->c->doc->nprecedenti; i++)
        if (past(n, i) || own_history(n, tr->c->doc->precedenti[i]->year)) return true;
    return false;
}

/* Whether the serie storica says something the Relazione of that year
 * does not: it has no such indicator, no consuntivo, or another value. */
static bool history_differs(const pp_history *h, const pp_node *p)
{
    if (!p || p->ind->actual.kind != PP_ACTUAL_VALUE) return h->available;
    return !h->available || fabs(h->value - p->ind->actual.value) > 1e-9;
}

/* "serie storica: 310 N.", in the mark colour, under a year's value. */
static bool series_line(ly_table *t, ly_cell *cell, const pp_node *n, const pp_history *h)
{
    ly_ctx *c = t->c;
    const char *v = h->available ? ly_history_value(c, h->value, n->ind) : "n.d.";
    if (v) v = ly_unbroken(c, v);
    const char *kv[] = {"valore", v, NULL};
    const char *line = v ? ly_subst(c->arena, ly_lbl(c, LY_L_TRENDS_SERIES), kv) : NULL;
    if (!line) return c->oom = true, false;
    return tb_text(t, cell, line, LY_F_NOTE, PP_ALIGN_RIGHT, ly_col(c, LY_C_MARK), false);
}

/* A year's cell: the consuntivo of the Relazione of that year (p; NULL: a
 * dash) and, under it, the document's serie storica for that year where
 * it says something else. *noted: a serie storica line was printed. */
static bool value_cell(ly_table *t, ly_row *r, const pp_node *p, const pp_node *n, int year,
                       bool *noted)
{
    ly_ctx *c = t->c;
    ly_cell *cell = tb_cell(t, r, 1);
    const char *s = p ? ly_actual(c, p->ind) : DASH;
    pp_rgb colour = p && p->ind->actual.kind == PP_ACTUAL_VALUE ? ly_col(c, LY_C_TEXT)
                                                                : ly_col(c, LY_C_MUTED);
    bool ok = tb_text(t, cell, s, LY_F_TABLE, PP_ALIGN_RIGHT, colour, false);
    const pp_history *h = n ? own_history(n, year) : NULL;
    if (!ok || !h || !history_differs(h, p)) return ok;
    *noted = true;
    return series_line(t, cell, n, h);
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
        w->ok = value_cell(t, r, past(n, i), n, c->doc->precedenti[i]->year, &w->series);
    w->ok = w->ok && value_cell(t, r, n, NULL, c->doc->year, &w->series);
    w->rows++;
    return w->ok;
}

/* The height a note paragraph takes in the flow. */
static double note_height(ly_ctx *c, ly_label k)
{
    const ly_font *f = ly_font_of(c, LY_F_NOTE);
    pp_lines *l = pp_text_shape(c->text, ly_lbl(c, k), &f->spec, fl_width(c), PP_ALIGN_LEFT);
    if (!l) return c->oom = true, 0;
    double h = f->space_before + pp_lines_total_height(l) + f->space_after;
    pp_lines_free(l);
    return h;
}

/* The indicators' consuntivi per year, then the notes: what a serie
 * storica line means (when one is printed) and what a dash means. */
static bool indicators_table(const trend *tr)
{
    ly_ctx *c = tr->c;
    ly_table *t = new_table(tr, 46);
    if (!t) return false;
    t->caption = ly_lbl(c, LY_L_TRENDS_INDICATORS);
    ind_rows w = {tr, t, 0, head(tr, t, ly_lbl(c, LY_L_COL_INDICATOR)), false};
    /* the tree walk wants a mutable node; nothing here changes it */
    if (w.ok) pp_tree_walk((pp_node *)c->doc->root, ind_row, &w);
    ly_label notes[2] = {LY_L_TRENDS_SERIES_NOTE, LY_L_TRENDS_NOTE};
    size_t first = w.series ? 0 : 1; /* the serie storica's only when a cell shows it */
    bool ok = w.ok;
    if (ok && w.rows > 0) {
        /* the notes under the table stay with its last row */
        for (size_t i = first; i < 2; i++) t->keep_after += note_height(c, notes[i]);
        ok = tb_place(t);
    }
    tb_free(t);
    for (size_t i = first; ok && i < 2; i++)
        ok = ly_text_para(c, ly_lbl(c, notes[i]), LY_F_NOTE, PP_ALIGN_LEFT, "P");
    return ok;
}

/* The column storico of an indicator table: "2022: 40,00 %" a line per
 * earlier year, newest first, and under a year the document's serie
 * storica where it says something else (as in the trend's table). */
bool ly_history_cell(ly_table *t, ly_cell *cell, const pp_node *n)
{
    ly_ctx *c = t->c;
    bool any = false, ok = true;
    for (size_t i = c->doc->nprecedenti; ok && i-- > 0;) {
        int year = c->doc->precedenti[i]->year;
        const pp_node *p = past(n, i);
        const pp_history *h = own_history(n, year);
        if (!p && !h) continue;
        const char *line = pp_arena_printf(c->arena, "%d: %s", year,
                                           p && p->ind ? ly_actual(c, p->ind) : DASH);
        if (!line) return c->oom = true, false;
        ok = tb_text(t, cell, line, LY_F_TABLE, PP_ALIGN_RIGHT, ly_col(c, LY_C_TEXT), false);
        if (ok && h && history_differs(h, p && p->ind ? p : NULL)) ok = series_line(t, cell, n, h);
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
    ok = ok && chart(&tr) && indicators_table(&tr);
    return ok && !c->oom;
}
