/* Results per organisational unit (DOMAIN §5: "the same scores grouped by
 * office"): a unit's result is the plain mean of the achievements of the
 * objectives, strategic or operational, whose Classificazione names it
 * among its units (unita: an objective naming several counts in each), among those that count in the tree (not N/D, not
 * weighing 0, not removed).
 *
 * Plain, not weighted: an objective's peso is its share of its own parent,
 * and the objectives of one unit have different parents, so their weights
 * are not comparable; each objective the unit answers for counts the same.
 * A unit's sub-units are not folded in: each unit answers for what names
 * it. */
#include "score.h"

bool pp_unit_names(const pp_unit_org *u, const pp_node *n)
{
    return (n->level == PP_LEVEL_STRATEGICO || n->level == PP_LEVEL_OPERATIVO) &&
           pp_node_names_unit(n, u->id);
}

typedef struct {
    pp_unit_org *unit;
    double sum;
} unit_walk;

static bool add_objective(pp_node *n, void *ctx)
{
    unit_walk *w = ctx;
    if (!pp_unit_names(w->unit, n)) return true;
    w->unit->nobjectives++;
    if (n->result.counted && n->result.has_achievement) {
        w->unit->ncounted++;
        w->sum += n->result.achievement;
    }
    return true;
}

/* One walk per unit: no allocation, so scoring cannot fail; units are few. */
void pp_score_units(pp_doc *doc)
{
    for (size_t i = 0; doc->root && i < doc->nunits; i++) {
        pp_unit_org *u = &doc->units[i];
        unit_walk w = {u, 0};
        u->nobjectives = u->ncounted = 0;
        pp_tree_walk(doc->root, add_objective, &w);
        u->has_result = u->ncounted > 0;
        u->result = u->has_result ? w.sum / (double)u->ncounted : 0;
        u->band = u->has_result ? pp_band_of(&doc->smvp, u->result) : -1;
    }
}
