/* The dashboards of a plan (seed 004, Allegati 2 and 3): <dashboards/>
 * gives each organisational unit that some objective names (unita) a
 * table of those objectives, each followed by its indicators; <people
 * categoria="po"/> gives each person of that kind the same table of the
 * objectives and indicators assigned to them.
 *
 * Columns: code, objective or indicator, the target of the reference
 * year; when some indicator of the document carries a Monitoraggio, the
 * latest value measured and its partial achievement, computed by the
 * scoring rules themselves (pp_score_partial: never a second copy of
 * them); then the codes of the units of the row (an indicator's are its
 * objective's: the vocabulary gives units to objectives) and the holders
 * of the individual objectives that name the row. */
#include <string.h>

#include "layout_internal.h"
#include "score.h"

static const char *const dash = "\u2013";

/* ---- monitoring ------------------------------------------------------------------------- */

/* The latest usable Monitoraggio of an indicator, or NULL. */
static const pp_monitoring *latest(const pp_indicator *ind)
{
    const pp_monitoring *best = NULL;
    for (size_t i = 0; ind && i < ind->nmonitoring; i++) {
        const pp_monitoring *m = &ind->monitoring[i];
        if (m->date.y && (!best || pp_date_diff(best->date, m->date) > 0)) best = m;
    }
    return best;
}

static bool find_latest(pp_node *n, void *ctx)
{
    pp_date *when = ctx;
    const pp_monitoring *m = n->level == PP_LEVEL_INDICATORE ? latest(n->ind) : NULL;
    if (m && (!when->y || pp_date_diff(*when, m->date) > 0)) *when = m->date;
    return true;
}

/* The latest monitoring date of the document (y == 0: none): the
 * columns appear only when there is one, and the header names it. */
static pp_date document_latest(const ly_ctx *c)
{
    pp_date when = {0, 0, 0};
    /* the walk wants a mutable node; nothing here changes it */
    if (c->doc->root) pp_tree_walk((pp_node *)c->doc->root, find_latest, &when);
    for (size_t i = 0; i < c->doc->npeople; i++)
        for (size_t k = 0; k < c->doc->people[i].nobjectives; k++)
            if (c->doc->people[i].objectives[k].own)
                pp_tree_walk(c->doc->people[i].objectives[k].own, find_latest, &when);
    return when;
}

/* ---- what a row says ------------------------------------------------------------------ */

static const pp_unit_org *unit_by_id(const pp_doc *d, const char *id)
{
    for (size_t i = 0; id && i < d->nunits; i++)
        if (d->units[i].id && strcmp(d->units[i].id, id) == 0) return &d->units[i];
    return NULL;
}

/* "U0.1 U1.1": the codes (else ids) of the units of the row's objective. */
static const char *units_text(ly_ctx *c, const pp_node *n)
{
    if (n->level == PP_LEVEL_INDICATORE && n->parent) n = n->parent;
    const char *s = "";
    for (size_t i = 0; s && i < n->cls.nunit_refs; i++) {
        const pp_unit_org *u = unit_by_id(c->doc, n->cls.unit_refs[i]);
        const char *code = u && u->code ? u->code : n->cls.unit_refs[i];
        s = pp_arena_printf(c->arena, "%s%s%s", s, *s ? " " : "", ly_clip(c, code, LY_MAX_WORD));
    }
    if (!s) c->oom = true;
    return s;
}

/* The holders of the individual objectives that name n, by name. */
static const char *holders_text(ly_ctx *c, const pp_node *n)
{
    const char *s = "";
    for (size_t i = 0; s && i < c->doc->npeople; i++) {
        const pp_person *p = &c->doc->people[i];
        bool holds = false;
        for (size_t k = 0; k < p->nobjectives; k++)
            holds |= pp_individual_node(&p->objectives[k]) == n;
        if (!holds) continue;
        const char *name = p->name ? p->name : p->id ? p->id : "?";
        s = pp_arena_printf(c->arena, "%s%s%s", s, *s ? ", " : "",
                            ly_clip(c, name, LY_MAX_WORD));
    }
    if (!s) c->oom = true;
    return s;
}

/* ---- the table ----------------------------------------------------------------------- */

typedef struct {
    ly_table *t;
    pp_date when; /* the header's monitoring date; y == 0: no monitoring columns */
} dash_table;

static bool cell(dash_table *d, ly_row *r, const char *text, pp_align align, pp_rgb colour,
                 bool group)
{
    ly_ctx *c = d->t->c;
    ly_cell *k = tb_cell(d->t, r, 1);
    if (group) tb_fill(k, ly_col(c, LY_C_GROUP_BG));
    return text && k && tb_text(d->t, k, text, LY_F_TABLE, align, colour, false);
}

/* The latest value of an indicator ("al dd/mm/yyyy" under it when taken
 * on another day than the header's) and its partial achievement. */
static bool monitoring_cells(dash_table *d, ly_row *r, const pp_node *n)
{
    ly_ctx *c = d->t->c;
    pp_rgb text = ly_col(c, LY_C_TEXT);
    const pp_monitoring *m = n->level == PP_LEVEL_INDICATORE ? latest(n->ind) : NULL;
    bool group = n->level != PP_LEVEL_INDICATORE;
    if (!m) return cell(d, r, group ? "" : dash, PP_ALIGN_RIGHT, text, group) &&
                   cell(d, r, group ? "" : dash, PP_ALIGN_RIGHT, text, group);
    const pp_actual *a = &m->value;
    const char *value = a->kind == PP_ACTUAL_VALUE ? ly_value(c, a->value, n->ind)
                        : a->kind == PP_ACTUAL_DATE ? ly_date(c, a->date)
                                                    : ly_lbl(c, LY_L_ND);
    ly_cell *k = tb_cell(d->t, r, 1);
    bool ok = k && value && tb_text(d->t, k, value, LY_F_TABLE, PP_ALIGN_RIGHT, text, false);
    if (ok && pp_date_diff(d->when, m->date) != 0) {
        const char *kv[] = {"data", ly_date(c, m->date), NULL};
        const char *at = ly_subst(c->arena, ly_lbl(c, LY_L_MONITORING_AT), kv);
        ok = at && tb_text(d->t, k, at, LY_F_NOTE, PP_ALIGN_RIGHT, ly_col(c, LY_C_MUTED), false);
        if (!at) c->oom = true;
    }
    double partial;
    const char *pct = pp_score_partial(c->doc, n->ind, a, &partial) ? ly_percent(c, partial) : dash;
    return ok && cell(d, r, pct, PP_ALIGN_RIGHT, text, false);
}

/* One row: an objective on the group colour, or an indicator. */
static bool dash_row(dash_table *d, const pp_node *n)
{
    ly_ctx *c = d->t->c;
    pp_rgb text = ly_col(c, LY_C_TEXT);
    bool group = n->level != PP_LEVEL_INDICATORE;
    ly_row *r = tb_row(d->t, false);
    if (!r) return false;
    const char *code = n->code ? ly_clip(c, n->code, LY_MAX_WORD) : "";
    const char *title = n->title ? ly_clip(c, n->title, LY_MAX_REFERENCE) : "";
    const pp_target *t = n->ind ? pp_indicator_target(n->ind, c->doc->year) : NULL;
    const char *target = group ? "" : t ? ly_target(c, t, n->ind) : dash;
    bool ok = cell(d, r, code, PP_ALIGN_LEFT, text, group) &&
              cell(d, r, title, PP_ALIGN_LEFT, text, group) &&
              cell(d, r, target, PP_ALIGN_RIGHT, text, group);
    if (ok && d->when.y) ok = monitoring_cells(d, r, n);
    return ok && cell(d, r, units_text(c, n), PP_ALIGN_LEFT, text, group) &&
           cell(d, r, holders_text(c, n), PP_ALIGN_LEFT, text, group);
}

/* A row for n and, for an objective, one for each of its indicators. */
static bool dash_rows(dash_table *d, const pp_node *n)
{
    bool ok = dash_row(d, n);
    for (size_t i = 0; ok && n->level != PP_LEVEL_INDICATORE && i < n->nchildren; i++)
        if (n->children[i]->level == PP_LEVEL_INDICATORE) ok = dash_row(d, n->children[i]);
    return ok;
}

static bool dash_open(ly_ctx *c, dash_table *d)
{
    static const double with[] = {8, 36, 11, 11, 8, 12, 14}, without[] = {9, 49, 12, 14, 16};
    d->when = document_latest(c);
    size_t ncols = d->when.y ? 7 : 5;
    d->t = tb_new(c, d->when.y ? with : without, ncols);
    if (!d->t) return false;
    const char *year = pp_arena_printf(c->arena, "%d", c->doc->year);
    const char *kv[] = {"anno", year ? year : "", "data", d->when.y ? ly_date(c, d->when) : "",
                        NULL};
    const char *labels[] = {ly_lbl(c, LY_L_COL_CODE), ly_lbl(c, LY_L_COL_DASH_ITEM),
                            ly_subst(c->arena, ly_lbl(c, LY_L_COL_DASH_TARGET), kv),
                            ly_subst(c->arena, ly_lbl(c, LY_L_COL_MONITORING), kv),
                            ly_lbl(c, LY_L_COL_PARTIAL), ly_lbl(c, LY_L_COL_UNITS),
                            ly_lbl(c, LY_L_COL_HOLDERS)};
    if (!year || !labels[2] || !labels[3]) {
        c->oom = true;
        return false;
    }
    if (!d->when.y) { /* no monitoring: units and holders follow the target */
        labels[3] = labels[5];
        labels[4] = labels[6];
    }
    return ly_head_row(d->t, labels, ncols);
}

static bool dash_close(ly_ctx *c, dash_table *d, bool ok)
{
    ok = ok && tb_place(d->t);
    tb_free(d->t);
    fl_gap(c, c->lay->paragraph_gap * 2);
    return ok;
}

/* ---- per unit ------------------------------------------------------------------------- */

static bool objective_names(const pp_node *n, const pp_unit_org *u)
{
    return (n->level == PP_LEVEL_STRATEGICO || n->level == PP_LEVEL_OPERATIVO) &&
           pp_node_names_unit(n, u->id);
}

static bool names_unit(pp_node *n, void *ctx)
{
    return !objective_names(n, ctx); /* stop at the first */
}

bool ly_unit_has_dashboard(const ly_ctx *c, const pp_unit_org *u)
{
    return c->doc->root && !pp_tree_walk((pp_node *)c->doc->root, names_unit, (void *)u);
}

typedef struct {
    dash_table *d;
    const pp_unit_org *unit;
    bool ok;
} unit_walk;

static bool unit_objective(pp_node *n, void *ctx)
{
    unit_walk *w = ctx;
    if (w->ok && objective_names(n, w->unit)) w->ok = dash_rows(w->d, n);
    return w->ok;
}

bool ly_dashboard(ly_ctx *c, const pp_unit_org *u)
{
    dash_table d = {0};
    if (!dash_open(c, &d)) return d.t ? dash_close(c, &d, false) : false;
    unit_walk w = {&d, u, true};
    pp_tree_walk((pp_node *)c->doc->root, unit_objective, &w);
    return dash_close(c, &d, w.ok);
}

/* ---- per person ------------------------------------------------------------------------ */

bool ly_person_dashboard(ly_ctx *c, const pp_person *p)
{
    dash_table d = {0};
    if (!dash_open(c, &d)) return d.t ? dash_close(c, &d, false) : false;
    bool ok = true;
    for (size_t i = 0; ok && i < p->nobjectives; i++) {
        const pp_node *n = pp_individual_node(&p->objectives[i]);
        if (n) ok = dash_rows(&d, n); /* unresolved: reported by validation */
    }
    return dash_close(c, &d, ok);
}
