/* Points lost (issue 14): how many points of the ente's percentage each
 * counted node cost. A node's loss is (100 - achievement) times the
 * product of the effective weights from the node up to the ente, so the
 * losses of the counted indicators sum to 100 - the ente's achievement
 * and a node's loss is the sum of its counted children's.
 *
 * The weights are those the roll-up wrote (pp_result.effective_weight,
 * after N/D re-weighting, weight 0, plain means and the strategic mix),
 * not a second copy of its rules. The one place where a node's
 * achievement is not the weighted mean of its children is a tolerance
 * band on an objective (FasciaTolleranza: a mean of 92 % counts 100, one
 * under the critical level counts 0). There the node's own loss is what
 * the ente lost through it, and it is shared among its children in
 * proportion to the losses they would have by the weights alone: inside a
 * band counted 100 they cost nothing, under the critical level they carry
 * the whole 100 - 0 in their proportions. An indicator is always a leaf:
 * its achievement, whether computed, banded or set by hand
 * (RaggiungimentoAttribuito), is what it costs. */
#include "score.h"

#include <math.h>
#include <string.h>

static bool reset(pp_node *n, void *ctx)
{
    (void)ctx;
    n->result.has_points_lost = false;
    n->result.points_lost = 0;
    n->result.ente_share = 0;
    return true;
}

/* What the counted child c would lose of its parent's 100 by the weights
 * alone. */
static double raw_loss(const pp_node *c)
{
    return c->result.effective_weight / 100 * (100 - c->result.achievement);
}

/* Shares n's loss (already set) among its counted children, then theirs. */
static void distribute(pp_node *n)
{
    double sum = 0;
    for (size_t i = 0; i < n->nchildren; i++)
        if (n->children[i]->result.counted) sum += raw_loss(n->children[i]);
    for (size_t i = 0; i < n->nchildren; i++) {
        pp_node *c = n->children[i];
        pp_result *r = &c->result;
        if (!r->counted || !r->has_achievement) continue;
        r->has_points_lost = true;
        r->ente_share = n->result.ente_share * r->effective_weight / 100;
        /* all children at 100: nothing to share (the node itself loses
         * nothing, as a band never lowers 100) */
        r->points_lost = sum > 0 ? n->result.points_lost * raw_loss(c) / sum : 0;
        distribute(c);
    }
}

void pp_score_points_lost(pp_doc *doc)
{
    pp_node *root = doc->root;
    if (!root) return;
    pp_tree_walk(root, reset, NULL);
    if (!root->result.has_achievement) return;
    root->result.has_points_lost = true;
    root->result.ente_share = 100;
    root->result.points_lost = 100 - root->result.achievement;
    distribute(root);
}

/* Most points first; equal losses in document order (where written in
 * the file, then by id), so the ranking is the same on every run. */
static bool before(const pp_node *x, const pp_node *y)
{
    double lx = x->result.points_lost, ly = y->result.points_lost;
    if (lx != ly) return lx > ly;
    if (x->pos.line != y->pos.line) return x->pos.line < y->pos.line;
    if (x->pos.col != y->pos.col) return x->pos.col < y->pos.col;
    return strcmp(x->id ? x->id : "", y->id ? y->id : "") < 0;
}

/* The first cap of the ranking, kept sorted as the walk finds them: a
 * section prints a few of thousands, so no list of all is needed. */
typedef struct {
    const pp_node **out;
    size_t n, cap, all;
} rank_ctx;

static bool collect(pp_node *n, void *ctx)
{
    rank_ctx *k = ctx;
    if (n->level != PP_LEVEL_INDICATORE || !n->result.has_points_lost ||
        !(n->result.points_lost > 0))
        return true;
    k->all++;
    size_t at = k->n;
    while (at > 0 && before(n, k->out[at - 1])) at--;
    if (at >= k->cap) return true;
    size_t last = k->n < k->cap ? k->n : k->cap - 1;
    memmove(&k->out[at + 1], &k->out[at], (last - at) * sizeof *k->out);
    k->out[at] = n;
    if (k->n < k->cap) k->n++;
    return true;
}

size_t pp_points_lost_rank(const pp_doc *doc, const pp_node **out, size_t cap)
{
    rank_ctx k = {out, 0, cap, 0};
    if (doc->root) pp_tree_walk(doc->root, collect, &k);
    return k.all;
}

double pp_points_lost_rounded(double points)
{
    double r = round(points * 1e9) / 1e9;
    return r == 0 ? 0 : r; /* no "-0" */
}
