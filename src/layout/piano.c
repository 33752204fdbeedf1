/* What only a plan prints (<layout kind="piano">): the SMVP in words,
 * generated from the document's <Sistema> (<sistema/>), never typed in the
 * layout; and the tree area -> strategic -> operational as one table of
 * planned weights and, when the document gives them, budgets with totals
 * per area and for the ente (<plan-tree/>). A plan has no results: nothing
 * here reads a score. */
#include <math.h>
#include <string.h>

#include "layout_internal.h"
#include "numfmt.h"

void ly_triennio(const ly_ctx *c, int *from, int *to)
{
    const pp_doc *d = c->doc;
    if (d->span_from > 0 && d->span_to >= d->span_from && d->span_to - d->span_from < 10) {
        *from = d->span_from;
        *to = d->span_to;
    } else *from = *to = d->year;
}

/* ---- the SMVP in words ---------------------------------------------------------------- */

/* "90" for a whole number, "92,5" otherwise. */
static const char *pct(ly_ctx *c, double v)
{
    char buf[PP_FMT_IT_SIZE];
    if (pp_nearly_equal(v, round(v))) snprintf(buf, sizeof buf, "%.0f", v);
    else pp_fmt_it(v, 2, buf, sizeof buf);
    const char *s = pp_arena_strdup(c->arena, buf);
    if (!s) c->oom = true;
    return s;
}

static bool sentence(ly_ctx *c, ly_label k, const char *const *kv)
{
    const char *s = ly_subst(c->arena, ly_lbl(c, k), kv);
    if (!s) {
        c->oom = true;
        return false;
    }
    return ly_text_para(c, s, LY_F_BODY, PP_ALIGN_JUSTIFY, "P");
}

static bool has_deadline(pp_node *n, void *ctx)
{
    bool *found = ctx;
    for (size_t i = 0; n->ind && i < n->ind->ntargets; i++)
        if (n->ind->targets[i].op == PP_OP_ENTRO) *found = true;
    return !*found;
}

/* "da 0 % a meno di 60 %: non raggiunto; ..." */
static const char *bands_text(ly_ctx *c)
{
    const char *s = "";
    for (size_t i = 0; s && i < c->smvp.nbands; i++)
        s = pp_arena_printf(c->arena, "%s%s%s: %s", s, i ? "; " : "", ly_band_range(c, i),
                            c->smvp.bands[i].label ? c->smvp.bands[i].label : "");
    if (!s) c->oom = true;
    return s;
}

bool ly_sistema(ly_ctx *c)
{
    const pp_smvp *s = &c->doc->smvp;
    static const ly_label rules[] = {LY_L_SMVP_RULE_LINEARE, LY_L_SMVP_RULE_SOGLIA,
                                     LY_L_SMVP_RULE_BINARIA};
    bool ok = sentence(c, rules[s->default_rule], (const char *const[]){NULL});
    bool deadline = false;
    if (c->doc->root) pp_tree_walk(c->doc->root, has_deadline, &deadline);
    if (ok && deadline) {
        char days[16];
        snprintf(days, sizeof days, "%d", s->deadline_tolerance_days);
        const char *kv[] = {"giorni", days, NULL};
        ok = sentence(c, s->deadline_tolerance_days > 0 ? LY_L_SMVP_DEADLINE_DAYS
                                                        : LY_L_SMVP_DEADLINE,
                      kv);
    }
    /* tolerance bands, from the indicator up: indexed by level - strategico */
    static const ly_label tol[] = {LY_L_SMVP_TOLERANCE_STRATEGICO, LY_L_SMVP_TOLERANCE_OPERATIVO,
                                   LY_L_SMVP_TOLERANCE_INDICATORE};
    for (int i = 2; ok && i >= 0; i--) {
        const pp_tolerance *t = &s->tolerance[i];
        if (!t->set || !isfinite(t->tolerance) || !isfinite(t->critical)) continue;
        const char *kv[] = {"da", pct(c, 100 - t->tolerance), "critico", pct(c, t->critical),
                            NULL};
        ok = !c->oom && sentence(c, tol[i], kv);
    }
    if (ok && s->has_mix) {
        const char *kv[] = {"operativi", pct(c, s->mix_operativi), "indicatori",
                            pct(c, s->mix_indicatori), NULL};
        ly_label k = !(s->mix_indicatori > 0) ? LY_L_SMVP_MIX_OPERATIVI
                     : !(s->mix_operativi > 0) ? LY_L_SMVP_MIX_INDICATORI
                                               : LY_L_SMVP_MIX;
        ok = !c->oom && sentence(c, k, kv);
    }
    /* plain means (Aggregazione metodo="media"), from the operational
     * level up; the weights sentence only when some level is weighted */
    static const ly_label mean[] = {LY_L_SMVP_MEAN_ENTE, LY_L_SMVP_MEAN_AMBITO,
                                    LY_L_SMVP_MEAN_STRATEGICO, LY_L_SMVP_MEAN_OPERATIVO};
    bool weighted = false;
    for (int i = 3; ok && i >= 0; i--) {
        if (s->plain_mean[i]) ok = sentence(c, mean[i], (const char *const[]){NULL});
        else weighted = true;
    }
    if (ok && weighted) ok = sentence(c, LY_L_SMVP_WEIGHTS, (const char *const[]){NULL});
    if (ok && s->nbands > 0) {
        const char *kv[] = {"fasce", bands_text(c), NULL};
        ok = !c->oom && sentence(c, LY_L_SMVP_BANDS, kv);
    }
    return ok;
}

/* ---- the tree as a table ----------------------------------------------------------------- */

/* An objective's budget: its own when written, else the sum of its
 * children's (so nothing is counted twice). */
static bool budget_of(const pp_node *n, double *out)
{
    if (n->has_class && n->cls.has_budget && isfinite(n->cls.budget)) {
        *out = n->cls.budget;
        return true;
    }
    bool any = false;
    double sum = 0;
    for (size_t i = 0; i < n->nchildren; i++) {
        double b;
        if (n->children[i]->level != PP_LEVEL_INDICATORE && budget_of(n->children[i], &b)) {
            sum += b;
            any = true;
        }
    }
    *out = sum;
    return any;
}

bool ly_budget(const pp_node *n, double *out) { return budget_of(n, out); }

typedef struct {
    ly_table *t;
    bool budgets;
} tree_table;

static bool tree_row(tree_table *tt, const pp_node *n, int depth)
{
    ly_table *t = tt->t;
    ly_ctx *c = t->c;
    pp_rgb text = ly_col(c, LY_C_TEXT);
    ly_font_role f = depth == 0 ? LY_F_BAND : LY_F_TABLE;
    pp_rgb col = depth == 0 ? ly_col(c, LY_C_BAND_FG) : text;
    ly_row *r = tb_row(t, false);
    if (!r) return false;
    ly_cell *name = tb_cell(t, r, 1), *w = tb_cell(t, r, 1);
    ly_cell *b = tt->budgets ? tb_cell(t, r, 1) : NULL;
    if (depth < 2) {
        pp_rgb fill = ly_col(c, depth == 0 ? LY_C_BAND_BG : LY_C_GROUP_BG);
        tb_fill(name, fill);
        tb_fill(w, fill);
        if (b) tb_fill(b, fill);
    }
    bool ok = tb_text_at(t, name, ly_code_title(c, n), f, PP_ALIGN_LEFT, col, false,
                         depth * 12.0) &&
              tb_text(t, w, n->weight_printed ? ly_percent(c, n->weight) : "\u2013", f,
                      PP_ALIGN_RIGHT, col, false);
    double v;
    if (ok && b)
        ok = tb_text(t, b, budget_of(n, &v) ? ly_number(c, v) : "\u2013", f, PP_ALIGN_RIGHT, col,
                     false);
    return ok;
}

static bool total_row(tree_table *tt, const char *label, bool has, double v)
{
    ly_table *t = tt->t;
    ly_ctx *c = t->c;
    ly_row *r = tb_row(t, false);
    if (!r) return false;
    ly_cell *name = tb_cell(t, r, 2), *b = tb_cell(t, r, 1);
    pp_rgb fg = ly_col(c, LY_C_BAND_FG);
    return tb_text(t, name, label, LY_F_BAND, PP_ALIGN_RIGHT, fg, false) &&
           tb_text(t, b, has ? ly_number(c, v) : "\u2013", LY_F_BAND, PP_ALIGN_RIGHT, fg, false);
}

bool ly_plan_tree(ly_ctx *c)
{
    const pp_node *root = c->doc->root;
    double ente;
    tree_table tt = {NULL, budget_of(root, &ente)};
    static const double w3[] = {64, 14, 22}, w2[] = {84, 16};
    tt.t = tt.budgets ? tb_new(c, w3, 3) : tb_new(c, w2, 2);
    if (!tt.t) return false;
    const char *labels[] = {ly_lbl(c, LY_L_COL_OBJECTIVE), ly_lbl(c, LY_L_COL_WEIGHT),
                            ly_lbl(c, LY_L_COL_BUDGET)};
    bool ok = ly_head_row(tt.t, labels, tt.budgets ? 3 : 2);
    for (size_t a = 0; ok && a < root->nchildren; a++) {
        const pp_node *area = root->children[a];
        ok = tree_row(&tt, area, 0);
        for (size_t s = 0; ok && s < area->nchildren; s++) {
            const pp_node *so = area->children[s];
            if (so->level != PP_LEVEL_STRATEGICO) continue;
            ok = tree_row(&tt, so, 1);
            for (size_t o = 0; ok && o < so->nchildren; o++)
                if (so->children[o]->level == PP_LEVEL_OPERATIVO)
                    ok = tree_row(&tt, so->children[o], 2);
        }
        if (ok && tt.budgets) {
            double v;
            bool has = budget_of(area, &v);
            const char *kv[] = {"codice", area->code ? area->code : "", "titolo",
                                area->title ? area->title : "", NULL};
            const char *label = ly_subst(c->arena, ly_lbl(c, LY_L_AREA_TOTAL), kv);
            ok = label && total_row(&tt, label, has, v);
            if (!label) c->oom = true;
        }
    }
    if (ok && tt.budgets) ok = total_row(&tt, ly_lbl(c, LY_L_ENTE_TOTAL), true, ente);
    ok = ok && tb_place(tt.t);
    tb_free(tt.t);
    fl_gap(c, c->lay->paragraph_gap * 2);
    return ok;
}
