/* The tree with its indicators (<indicator-tree/>, a plan's Allegato 1):
 * area -> strategic -> operational as one table, each objective with its
 * Risorse (when the document gives budgets) and under it its indicators
 * with Algoritmo, Unità and one target column per year of the Triennio. A
 * year without a target prints "–". A plan has no results: nothing here
 * reads a score. */
#include <stdlib.h>

#include "layout_internal.h"
#include "numfmt.h"

static const char *const dash = "\u2013";

typedef struct {
    ly_table *t;
    int from, to;  /* the Triennio */
    bool budgets;  /* a Risorse column */
} itree;

/* A target as the three-year indicator tables print it beside a Unità
 * column: the operator and the number without the unit (">= 80"); a
 * deadline as "Entro ...". */
static const char *target_text(ly_ctx *c, const pp_target *tg, const pp_indicator *ind)
{
    if (!tg) return dash;
    if (tg->op == PP_OP_ENTRO || !tg->has_value) return ly_target(c, tg, ind);
    char num[PP_FMT_IT_SIZE];
    pp_fmt_it(tg->value, ly_decimals(c, ind), num, sizeof num);
    const char *s = pp_arena_printf(c->arena, "%s %s", ly_op(c, tg->op), num);
    if (!s) c->oom = true;
    return s ? s : "";
}

/* An objective: its title over the indicator columns, its budget last. */
static bool objective_row(itree *it, const pp_node *n, int depth)
{
    ly_table *t = it->t;
    ly_ctx *c = t->c;
    static const ly_colour fills[] = {LY_C_BAND_BG, LY_C_GROUP_BG};
    ly_font_role f = depth == 0 ? LY_F_BAND : LY_F_TABLE_HEAD;
    pp_rgb fg = ly_col(c, depth == 0 ? LY_C_BAND_FG : LY_C_TEXT);
    ly_row *r = tb_row(t, false);
    if (r) r->keep_next = true; /* with its first indicator or objective */
    ly_cell *name = tb_cell(t, r, (int)t->ncols - (it->budgets ? 1 : 0));
    ly_cell *b = it->budgets ? tb_cell(t, r, 1) : NULL;
    if (depth < 2) {
        tb_fill(name, ly_col(c, fills[depth]));
        if (b) tb_fill(b, ly_col(c, fills[depth]));
    }
    bool ok = tb_text_at(t, name, ly_code_title(c, n), f, PP_ALIGN_LEFT, fg, false, depth * 8.0);
    double v;
    if (ok && b)
        ok = tb_text(t, b, ly_budget(n, &v) ? ly_number(c, v) : dash, f, PP_ALIGN_RIGHT, fg,
                     false);
    return ok;
}

static bool indicator_row(itree *it, const pp_node *n, int depth)
{
    ly_table *t = it->t;
    ly_ctx *c = t->c;
    const pp_indicator *ind = n->ind;
    pp_rgb text = ly_col(c, LY_C_TEXT);
    ly_row *r = tb_row(t, false);
    const char *unit = pp_unit_symbol(ind->unit); /* "" for dates: "Entro ..." says it */
    bool ok = tb_text_at(t, tb_cell(t, r, 1), ly_code_title(c, n), LY_F_TABLE, PP_ALIGN_LEFT,
                         text, false, depth * 8.0) &&
              tb_text(t, tb_cell(t, r, 1),
                      ind->algorithm && *ind->algorithm ? ind->algorithm : dash, LY_F_TABLE,
                      PP_ALIGN_LEFT, text, false) &&
              tb_text(t, tb_cell(t, r, 1), unit && *unit ? unit : dash, LY_F_TABLE,
                      PP_ALIGN_LEFT, text, false);
    for (int y = it->from; ok && y <= it->to; y++)
        ok = tb_text(t, tb_cell(t, r, 1), target_text(c, pp_indicator_target(ind, y), ind),
                     LY_F_TABLE, PP_ALIGN_RIGHT, text, false);
    if (ok && it->budgets) ok = tb_cell(t, r, 1) != NULL;
    return ok;
}

/* An objective and, under it, its own indicators (level INDICATORE among
 * its children), then its operational objectives when it is strategic. */
static bool objective(itree *it, const pp_node *n, int depth)
{
    bool ok = objective_row(it, n, depth);
    for (size_t i = 0; ok && i < n->nchildren; i++)
        if (n->children[i]->level == PP_LEVEL_INDICATORE)
            ok = indicator_row(it, n->children[i], depth + 1);
    for (size_t i = 0; ok && i < n->nchildren; i++)
        if (n->level == PP_LEVEL_STRATEGICO && n->children[i]->level == PP_LEVEL_OPERATIVO)
            ok = objective(it, n->children[i], depth + 1);
    return ok;
}

static bool head_row(itree *it)
{
    ly_ctx *c = it->t->c;
    size_t n = 0, years = (size_t)(it->to - it->from + 1);
    const char *labels[3 + 10 + 1]; /* ly_triennio: at most 10 years */
    labels[n++] = ly_lbl(c, LY_L_COL_OBJECTIVE_INDICATOR);
    labels[n++] = ly_lbl(c, LY_L_COL_ALGORITHM);
    labels[n++] = ly_lbl(c, LY_L_COL_UNIT);
    for (size_t i = 0; i < years; i++) {
        char year[16];
        snprintf(year, sizeof year, "%d", it->from + (int)i);
        const char *kv[] = {"anno", year, NULL};
        labels[n] = ly_subst(c->arena, ly_lbl(c, LY_L_COL_TARGET_YEAR), kv);
        if (!labels[n++]) {
            c->oom = true;
            return false;
        }
    }
    if (it->budgets) labels[n++] = ly_lbl(c, LY_L_COL_BUDGET);
    return ly_head_row(it->t, labels, n);
}

bool ly_indicator_tree(ly_ctx *c)
{
    const pp_node *root = c->doc->root;
    double ente;
    itree it = {.budgets = ly_budget(root, &ente)};
    ly_triennio(c, &it.from, &it.to);
    size_t years = (size_t)(it.to - it.from + 1), n = 0;
    double w[3 + 10 + 1];
    w[n++] = 30;
    w[n++] = 20;
    w[n++] = 7;
    for (size_t i = 0; i < years; i++) w[n++] = 33.0 / (double)years;
    if (it.budgets) w[n++] = 13;
    it.t = tb_new(c, w, n);
    if (!it.t) return false;
    bool ok = head_row(&it);
    for (size_t a = 0; ok && a < root->nchildren; a++) {
        const pp_node *area = root->children[a];
        ok = objective_row(&it, area, 0);
        for (size_t s = 0; ok && s < area->nchildren; s++)
            if (area->children[s]->level == PP_LEVEL_STRATEGICO)
                ok = objective(&it, area->children[s], 1);
    }
    ok = ok && tb_place(it.t);
    tb_free(it.t);
    fl_gap(c, c->lay->paragraph_gap * 2);
    return ok && !c->oom;
}
