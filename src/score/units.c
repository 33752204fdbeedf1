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

#include <string.h>

bool pp_unit_names(const pp_unit_org *u, const pp_node *n)
{
    return (n->level == PP_LEVEL_STRATEGICO || n->level == PP_LEVEL_OPERATIVO) &&
           pp_node_names_unit(n, u->id);
}

/* The unit an objective names at position k: resolved by the checks; in a
 * document built without them, looked up by id. */
static pp_unit_org *unit_at(pp_doc *doc, const pp_node *n, size_t k)
{
    if (n->cls.units && n->cls.units[k]) return n->cls.units[k];
    for (size_t i = 0; i < doc->nunits; i++)
        if (doc->units[i].id && strcmp(doc->units[i].id, n->cls.unit_refs[k]) == 0)
            return &doc->units[i];
    return NULL;
}

/* While walking, a unit's result holds the sum of its counted
 * achievements. */
static bool add_objective(pp_node *n, void *ctx)
{
    pp_doc *doc = ctx;
    if (n->level != PP_LEVEL_STRATEGICO && n->level != PP_LEVEL_OPERATIVO) return true;
    if (!n->has_class) return true;
    for (size_t k = 0; k < n->cls.nunit_refs; k++) {
        pp_unit_org *u = unit_at(doc, n, k);
        if (!u) continue;
        u->nobjectives++;
        if (n->result.counted && n->result.has_achievement) {
            u->ncounted++;
            u->result += n->result.achievement;
        }
    }
    return true;
}

/* One walk of the tree for all units (a walk per unit made scoring
 * quadratic in documents with a unit per office); no allocation, so
 * scoring cannot fail. */
void pp_score_units(pp_doc *doc)
{
    for (size_t i = 0; i < doc->nunits; i++) {
        pp_unit_org *u = &doc->units[i];
        u->nobjectives = u->ncounted = 0;
        u->result = 0;
    }
    if (doc->root) pp_tree_walk(doc->root, add_objective, doc);
    for (size_t i = 0; i < doc->nunits; i++) {
        pp_unit_org *u = &doc->units[i];
        u->has_result = u->ncounted > 0;
        u->result = u->has_result ? u->result / (double)u->ncounted : 0;
        u->band = u->has_result ? pp_band_of(&doc->smvp, u->result) : -1;
    }
}
