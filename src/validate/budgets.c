/* Budgets (Classificazione risorse): the resources the objectives under a
 * node are given should fit in the node's own. More is not an error (a
 * plan may fund an operational objective from outside its strategic
 * objective's budget), but it is what a reader of the Piano would take for
 * a typing mistake, so it is a warning at the node that is exceeded. */
#include "check.h"
#include "numfmt.h"

#include <math.h>

/* Half a cent: budgets are written in euro with at most two decimals. */
#define BUDGET_SLACK 0.005

typedef struct {
    pp_diags *d;
} budget_ctx;

static const char *children_word(pp_level level)
{
    switch (level) {
    case PP_LEVEL_AMBITO: return "strategic objectives";
    case PP_LEVEL_STRATEGICO: return "operational objectives";
    default: return "objectives";
    }
}

static bool check_node_budget(pp_node *n, void *ctx)
{
    budget_ctx *c = ctx;
    if (n->level == PP_LEVEL_ENTE || n->level == PP_LEVEL_INDICATORE) return true;
    if (!n->has_class || !n->cls.has_budget || !isfinite(n->cls.budget)) return true;
    double sum = 0;
    size_t funded = 0;
    for (size_t i = 0; i < n->nchildren; i++) {
        const pp_node *k = n->children[i];
        if (k->level == PP_LEVEL_INDICATORE || !k->has_class || !k->cls.has_budget ||
            !isfinite(k->cls.budget))
            continue;
        sum += k->cls.budget;
        funded++;
    }
    if (funded == 0 || sum <= n->cls.budget + BUDGET_SLACK) return true;
    char total[PP_FMT_IT_SIZE], own[PP_FMT_IT_SIZE];
    pp_fmt_it(sum, 2, total, sizeof total);
    pp_fmt_it(n->cls.budget, 2, own, sizeof own);
    pp_pos p = n->cls.pos.line ? n->cls.pos : n->pos;
    pp_warning(c->d, p.line, p.col,
               "the budgets of the %s of '%s' add up to %s €, more than its own %s €",
               children_word(n->level), n->code && *n->code ? n->code : n->title, total, own);
    return true;
}

void pp_check_budgets(pp_doc *doc, pp_diags *d)
{
    budget_ctx c = {d};
    if (doc->root) pp_tree_walk(doc->root, check_node_budget, &c);
}
