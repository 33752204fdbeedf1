/* Checks of the performance tree: weights, targets, measured values. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

typedef struct {
    pp_doc *doc;
    pp_diags *d;
    size_t indicators;
} tree_ctx;

static const char *label(const pp_node *n)
{
    return n->code ? n->code : n->id ? n->id : "?";
}

double pp_weight_tolerance(const pp_node *const *nodes, size_t n)
{
    double tol = 1e-9;
    for (size_t i = 0; i < n; i++) tol += 0.5 * pow(10, -nodes[i]->weight_decimals);
    /* The worst case grows with the number of siblings, the real error
     * does not: beyond one point it is no longer rounding. */
    return tol < 1.0 ? tol : 1.0;
}

/* ---- weights -------------------------------------------------------------- */

static void check_weight_range(tree_ctx *c, const pp_node *n)
{
    if (isnan(n->weight)) return; /* missing or malformed: the schema said so */
    if (n->weight < 0 || n->weight > 100)
        pp_error(c->d, n->pos.line, n->pos.col, "peso %.10g of '%s' is outside 0-100", n->weight,
                 label(n));
}

/* Sum of the counted (weight > 0) children of one kind (-1: all). */
static void check_group_sum(tree_ctx *c, const pp_node *parent, int kind, const char *what)
{
    const pp_node **group = malloc((parent->nchildren + 1) * sizeof *group);
    if (!group) return;
    size_t n = 0, all = 0;
    double sum = 0;
    bool invalid = false; /* a weight already reported: its sum says nothing */
    for (size_t i = 0; i < parent->nchildren; i++) {
        const pp_node *ch = parent->children[i];
        if (kind >= 0 && (int)ch->level != kind) continue;
        all++;
        invalid |= isnan(ch->weight) || ch->weight < 0 || ch->weight > 100;
        if (isnan(ch->weight) || ch->weight <= 0 || ch->weight > 100) continue;
        sum += ch->weight;
        group[n++] = ch;
    }
    double tol = pp_weight_tolerance(group, n);
    free(group);
    if (all == 0 || invalid) return;
    pp_pos p = parent->pos;
    const char *who = parent->level == PP_LEVEL_ENTE ? "Albero" : label(parent);
    if (n == 0)
        pp_error(c->d, p.line, p.col,
                 "all the %s of '%s' weigh 0: nothing would be counted", what, who);
    else if (fabs(sum - 100) > tol)
        pp_error(c->d, p.line, p.col,
                 "the weights of the %s of '%s' sum to %.2f, not 100 (allowed rounding: %.3f)",
                 what, who, sum, tol);
}

static void check_weights(tree_ctx *c, const pp_node *n)
{
    if (n->level == PP_LEVEL_INDICATORE || n->nchildren == 0) return;
    static const char *kids[] = {"areas (Ambito)", "strategic objectives", "children",
                                 "indicators", ""};
    bool has_ops = false, has_inds = false;
    for (size_t i = 0; i < n->nchildren; i++) {
        has_ops |= n->children[i]->level == PP_LEVEL_OPERATIVO;
        has_inds |= n->children[i]->level == PP_LEVEL_INDICATORE;
    }
    if (n->level == PP_LEVEL_STRATEGICO && c->doc->smvp.has_mix && has_ops && has_inds) {
        check_group_sum(c, n, PP_LEVEL_OPERATIVO, "operational objectives");
        check_group_sum(c, n, PP_LEVEL_INDICATORE, "strategic indicators");
    } else {
        check_group_sum(c, n, -1, kids[n->level]);
    }
}

/* ---- indicators ----------------------------------------------------------- */

/* For each target, the first target of the same year (itself when it is
 * the first): sorted, so that 100,000 targets cost no more than their
 * sort (comparing each with those before it was quadratic). */
typedef struct {
    int year;
    size_t index;
} year_index;

static int by_year(const void *a, const void *b)
{
    const year_index *x = a, *y = b;
    if (x->year != y->year) return x->year < y->year ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static size_t *first_of_year(const pp_indicator *ind)
{
    size_t n = ind->ntargets;
    year_index *order = malloc((n ? n : 1) * sizeof *order);
    size_t *first = malloc((n ? n : 1) * sizeof *first);
    if (!order || !first) {
        free(order);
        free(first);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) order[i] = (year_index){ind->targets[i].year, i};
    qsort(order, n, sizeof *order, by_year);
    for (size_t i = 0; i < n; i++)
        first[order[i].index] = i > 0 && order[i - 1].year == order[i].year
                                    ? first[order[i - 1].index]
                                    : order[i].index;
    free(order);
    return first;
}

static void check_targets(tree_ctx *c, const pp_node *n)
{
    const pp_indicator *ind = n->ind;
    const pp_doc *doc = c->doc;
    size_t *first = first_of_year(ind);
    if (!first) {
        pp_error(c->d, n->pos.line, n->pos.col, "out of memory while checking the targets");
        return;
    }
    for (size_t i = 0; i < ind->ntargets; i++) {
        const pp_target *t = &ind->targets[i];
        pp_pos p = t->pos;
        bool deadline = t->op == PP_OP_ENTRO;
        if (deadline && ind->unit != PP_UNIT_DATE)
            pp_error(c->d, p.line, p.col,
                     "a deadline (operatore=\"entro\") needs <Unita>data</Unita>, not '%s'",
                     pp_unit_symbol(ind->unit));
        if (!deadline && ind->unit == PP_UNIT_DATE)
            pp_error(c->d, p.line, p.col,
                     "an indicator measured in dates takes operatore=\"entro\", not '%s'",
                     pp_op_symbol(t->op));
        /* presence only: a malformed value was reported by the schema */
        if (deadline && (!t->attr_date || t->attr_value))
            pp_error(c->d, p.line, p.col, "a deadline target needs data=\"yyyy-mm-dd\" and no valore");
        if (!deadline && (!t->attr_value || t->attr_date))
            pp_error(c->d, p.line, p.col, "a numeric target needs valore and no data");
        if (first[i] != i)
            pp_error(c->d, p.line, p.col, "second target for %d (the first is at line %d)",
                     t->year, ind->targets[first[i]].pos.line);
        if (doc->span_from && t->year && (t->year < doc->span_from || t->year > doc->span_to))
            pp_warning(c->d, p.line, p.col, "target for %d is outside the Triennio %d-%d", t->year,
                       doc->span_from, doc->span_to);
        for (size_t k = 0; k < t->nrevisions; k++) {
            const pp_revision *r = &t->revisions[k];
            if (deadline ? !r->old_date.y : !r->has_value)
                pp_error(c->d, p.line, p.col, "Revisione needs the previous %s",
                         deadline ? "date (dataPrecedente)" : "value (valorePrecedente)");
        }
    }
    free(first);
}

static void check_rule(tree_ctx *c, const pp_node *n, const pp_target *t)
{
    const pp_indicator *ind = n->ind;
    pp_rule rule = ind->rule_set ? ind->rule
                   : ind->has_soglia ? PP_RULE_SOGLIA
                                     : c->doc->smvp.default_rule;
    pp_pos p = n->pos;
    if (rule == PP_RULE_SOGLIA && !ind->has_soglia) {
        pp_error(c->d, p.line, p.col, "indicator '%s' uses regola=\"soglia\" but has no <Soglia>",
                 label(n));
        return;
    }
    if (!t || t->op == PP_OP_ENTRO || !t->has_value) return;
    if (rule == PP_RULE_SOGLIA) {
        pp_pos sp = ind->soglia_pos;
        if (t->op == PP_OP_EQ)
            pp_error(c->d, sp.line, sp.col,
                     "a Soglia cannot score an '=' target (failure lies on both sides): use "
                     "regola=\"lineare\" or \"binaria\"");
        else if (((t->op == PP_OP_GE || t->op == PP_OP_GT) && !(ind->soglia < t->value)) ||
                 ((t->op == PP_OP_LE || t->op == PP_OP_LT) && !(ind->soglia > t->value)))
            pp_error(c->d, sp.line, sp.col,
                     "soglia %.10g cannot score a target '%s %.10g': it must lie on the side of "
                     "failure (%s the target)",
                     ind->soglia, pp_op_symbol(t->op), t->value,
                     t->op == PP_OP_GE || t->op == PP_OP_GT ? "below" : "above");
        return;
    }
    if (rule != PP_RULE_LINEARE || t->value > 0) return;
    if (t->op == PP_OP_EQ && t->value == 0) return; /* defined: 100 at 0, else 0 */
    bool relazione = c->doc->kind == PP_DOC_RELAZIONE;
    if (relazione && ind->actual.kind == PP_ACTUAL_VALUE && !ind->has_override &&
        !pp_target_met(t->op, ind->actual.value, t->value))
        pp_error(c->d, t->pos.line, t->pos.col,
                 "target %s %.10g is not met and a ratio to a %s target has no meaning: add a "
                 "<Soglia> (value at which achievement is 0 %%)",
                 pp_op_symbol(t->op), t->value, t->value == 0 ? "zero" : "negative");
    else if (!relazione)
        pp_warning(c->d, t->pos.line, t->pos.col,
                   "target %s %.10g can only be scored if met: add a <Soglia> for the case it is "
                   "not",
                   pp_op_symbol(t->op), t->value);
}

static void check_actual(tree_ctx *c, const pp_node *n, const pp_target *t)
{
    const pp_indicator *ind = n->ind;
    const pp_actual *a = &ind->actual;
    pp_pos p = a->pos.line ? a->pos : n->pos;
    int kinds = a->attr_nd + a->attr_value + a->attr_date;
    if (kinds > 1)
        pp_error(c->d, p.line, p.col, "Consuntivo takes one of valore, data or nd=\"true\"");
    if (a->kind == PP_ACTUAL_ND && (!a->nd_reason || !*a->nd_reason))
        pp_error(c->d, p.line, p.col,
                 "N/D without a reason: write why the value is not available inside <Consuntivo>");
    if (a->kind == PP_ACTUAL_VALUE && !a->from_ratio && ind->unit == PP_UNIT_DATE)
        pp_error(c->d, p.line, p.col, "a deadline is met on a date: use data=\"yyyy-mm-dd\"");
    if (a->kind == PP_ACTUAL_DATE && ind->unit != PP_UNIT_DATE)
        pp_error(c->d, p.line, p.col, "a consuntivo in '%s' is a number: use valore",
                 pp_unit_symbol(ind->unit));
    if (c->doc->kind == PP_DOC_RELAZIONE) {
        if (a->kind == PP_ACTUAL_NONE && !ind->has_override)
            pp_error(c->d, n->pos.line, n->pos.col,
                     "indicator '%s' has no <Consuntivo>: a Relazione needs the measured value "
                     "or nd=\"true\" with the reason",
                     label(n));
        if (!t && a->kind != PP_ACTUAL_ND && a->kind != PP_ACTUAL_NONE && !ind->has_override)
            pp_error(c->d, n->pos.line, n->pos.col, "indicator '%s' has no target for %d",
                     label(n), c->doc->year);
    } else if (a->kind != PP_ACTUAL_NONE && c->doc->kind == PP_DOC_PIANO) {
        pp_warning(c->d, p.line, p.col, "a Piano carries no consuntivo: it is ignored");
    }
    if (ind->denominator.has_value && ind->denominator.value == 0)
        pp_error(c->d, ind->denominator.pos.line, ind->denominator.pos.col,
                 "the denominator is 0: the ratio is undefined");
    if (a->kind == PP_ACTUAL_VALUE && !a->from_ratio && ind->numerator.has_value &&
        ind->denominator.has_value && ind->denominator.value != 0) {
        double r = ind->numerator.value / ind->denominator.value;
        if (ind->unit == PP_UNIT_PERCENT) r *= 100;
        if (fabs(r - a->value) > 0.005 * fmax(1, fabs(r)))
            pp_warning(c->d, p.line, p.col,
                       "consuntivo %.10g differs from numeratore/denominatore = %.4f", a->value, r);
    }
}

static void check_indicator(tree_ctx *c, const pp_node *n)
{
    const pp_indicator *ind = n->ind;
    if (!ind) return;
    c->indicators++;
    check_targets(c, n);
    const pp_target *t = pp_indicator_target(ind, c->doc->year);
    if (!t && c->doc->kind == PP_DOC_PIANO && ind->ntargets > 0)
        pp_warning(c->d, n->pos.line, n->pos.col, "indicator '%s' has no target for %d",
                   label(n), c->doc->year);
    check_rule(c, n, t);
    check_actual(c, n, t);
    if (ind->has_override) {
        pp_pos p = ind->override_pos;
        if (!ind->override_reason || !*ind->override_reason)
            pp_error(c->d, p.line, p.col,
                     "RaggiungimentoAttribuito needs the reason of whoever set it (as its text)");
        if (c->doc->kind != PP_DOC_RELAZIONE)
            pp_warning(c->d, p.line, p.col, "an achievement set by hand only makes sense in a Relazione");
    }
    for (size_t i = 0; i < ind->nhistory; i++)
        if (c->doc->year && ind->history[i].year >= c->doc->year)
            pp_warning(c->d, n->pos.line, n->pos.col,
                       "SerieStorica has a value for %d, not before the reference year %d",
                       ind->history[i].year, c->doc->year);
}

/* ---- structure ------------------------------------------------------------ */

static bool check_node(pp_node *n, void *ctx)
{
    tree_ctx *c = ctx;
    if (n->level != PP_LEVEL_ENTE) check_weight_range(c, n);
    check_weights(c, n);
    pp_pos p = n->pos;
    if (n->level == PP_LEVEL_OPERATIVO && n->nchildren == 0)
        pp_error(c->d, p.line, p.col, "operational objective '%s' has no indicator", label(n));
    if (n->level == PP_LEVEL_STRATEGICO && n->nchildren == 0)
        pp_error(c->d, p.line, p.col,
                 "strategic objective '%s' has neither indicators nor operational objectives",
                 label(n));
    if (n->level == PP_LEVEL_INDICATORE) check_indicator(c, n);
    return true;
}

/* Printed codes identify indicators for people (and when merging measured
 * values by code). Published documents do repeat a code now and then, and
 * scoring keys on ids, so a repeat is a warning, not an error. */
typedef struct {
    const pp_node **nodes;
    size_t n;
} code_list;

static bool collect_coded(pp_node *n, void *ctx)
{
    code_list *l = ctx;
    if (n->level == PP_LEVEL_INDICATORE && n->code) l->nodes[l->n++] = n;
    return true;
}

static bool count_coded(pp_node *n, void *ctx)
{
    if (n->level == PP_LEVEL_INDICATORE && n->code) (*(size_t *)ctx)++;
    return true;
}

static int by_code(const void *a, const void *b)
{
    const pp_node *x = *(const pp_node *const *)a, *y = *(const pp_node *const *)b;
    int c = strcmp(x->code, y->code);
    if (c) return c;
    return x->pos.line != y->pos.line ? (x->pos.line < y->pos.line ? -1 : 1)
                                      : (x->pos.col < y->pos.col ? -1 : x->pos.col > y->pos.col);
}

static void check_codes(tree_ctx *c)
{
    size_t count = 0;
    pp_tree_walk(c->doc->root, count_coded, &count);
    if (count < 2) return;
    code_list l = {malloc(count * sizeof *l.nodes), 0};
    if (!l.nodes) return;
    pp_tree_walk(c->doc->root, collect_coded, &l);
    qsort(l.nodes, l.n, sizeof *l.nodes, by_code);
    size_t run = 0; /* first node of the current run of equal codes */
    for (size_t i = 1; i < l.n; i++) {
        if (strcmp(l.nodes[run]->code, l.nodes[i]->code) != 0) {
            run = i;
            continue;
        }
        pp_warning(c->d, l.nodes[i]->pos.line, l.nodes[i]->pos.col,
                   "indicator code '%s' is already used at line %d: codes should be unique",
                   l.nodes[i]->code,
                 l.nodes[run]->pos.line);
    }
    free(l.nodes);
}

void pp_check_tree(pp_doc *doc, pp_diags *d)
{
    tree_ctx c = {doc, d, 0};
    pp_tree_walk(doc->root, check_node, &c);
    check_codes(&c);
    if (c.indicators == 0 && doc->root->nchildren > 0)
        pp_error(d, doc->tree_pos.line, doc->tree_pos.col,
                 "the tree has no indicator: there is nothing to measure");
}
