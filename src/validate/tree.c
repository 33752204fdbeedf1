/* Checks of the performance tree: weights, targets, measured values. */
#include <float.h>
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
    /* the binary noise of the sum itself, relative to the 100 it should be */
    double tol = (double)(n + 1) * DBL_EPSILON * 100;
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

/* The written weights of one group of children. */
typedef struct {
    double sum, tol;
    size_t counted, all; /* weight > 0; every child of the group */
    bool invalid;        /* a weight already reported: its sum says nothing */
    bool oom;
} group_sum;

/* Sum of the counted (weight > 0) children of one kind (-1: all). */
static group_sum sum_group(const pp_node *parent, int kind)
{
    group_sum g = {0};
    const pp_node **group = calloc(parent->nchildren + 1, sizeof *group);
    if (!group) {
        g.oom = true;
        return g;
    }
    for (size_t i = 0; i < parent->nchildren; i++) {
        const pp_node *ch = parent->children[i];
        if (kind >= 0 && (int)ch->level != kind) continue;
        g.all++;
        g.invalid |= isnan(ch->weight) || ch->weight < 0 || ch->weight > 100;
        if (isnan(ch->weight) || ch->weight <= 0 || ch->weight > 100) continue;
        g.sum += ch->weight;
        group[g.counted++] = ch;
    }
    g.tol = pp_weight_tolerance(group, g.counted);
    free(group);
    return g;
}

static void check_group_sum(tree_ctx *c, const pp_node *parent, int kind, const char *what)
{
    group_sum g = sum_group(parent, kind);
    if (g.oom) {
        pp_diag_oom(c->d);
        return;
    }
    if (g.all == 0 || g.invalid) return;
    pp_pos p = parent->pos;
    const char *who = parent->level == PP_LEVEL_ENTE ? "Albero" : label(parent);
    if (g.counted == 0) {
        /* an objective whose children all weigh 0 is "non oggetto di
         * misurazione": shown, not counted (pp_objective_not_measured) */
        if (!pp_objective_not_measured(parent))
            pp_error(c->d, p.line, p.col,
                     "all the %s of '%s' weigh 0: nothing would be counted", what, who);
    } else if (fabs(g.sum - 100) > g.tol) {
        pp_error(c->d, p.line, p.col,
                 "the weights of the %s of '%s' sum to %.2f, not 100 (allowed rounding: %.3f)",
                 what, who, g.sum, g.tol);
    }
}

/* A strategic objective with both groups and no ComposizioneStrategica:
 * one weighted mean over all its children if their weights sum to 100
 * together; otherwise (each group sums to 100, most often) the document
 * must say how the groups combine. */
static void check_unstated_mix(tree_ctx *c, const pp_node *n)
{
    group_sum all = sum_group(n, -1);
    if (all.oom) {
        pp_diag_oom(c->d);
        return;
    }
    if (all.invalid || all.counted == 0 || fabs(all.sum - 100) <= all.tol) {
        check_group_sum(c, n, -1, "children");
        return;
    }
    group_sum ops = sum_group(n, PP_LEVEL_OPERATIVO), inds = sum_group(n, PP_LEVEL_INDICATORE);
    if (ops.oom || inds.oom) {
        pp_diag_oom(c->d);
        return;
    }
    pp_error(c->d, n->pos.line, n->pos.col,
             "strategic objective '%s' has both operational objectives (weights sum to %.2f) "
             "and its own indicators (weights sum to %.2f): say how they combine with "
             "<ComposizioneStrategica operativi=\"...\" indicatori=\"...\"/> in <Sistema>, or "
             "that only one group counts (operativi=\"100\" indicatori=\"0\", or the reverse)",
             label(n), ops.sum, inds.sum);
}

/* In a plain mean the weights are not used: written ones that differ
 * would suggest a weighted mean the document does not compute. */
static void check_unused_weights(tree_ctx *c, const pp_node *n)
{
    double first = NAN;
    for (size_t i = 0; i < n->nchildren; i++) {
        double w = n->children[i]->weight;
        if (isnan(w) || w == 0) continue;
        if (isnan(first)) first = w;
        else if (fabs(w - first) > 0.011) {
            pp_warning(c->d, n->pos.line, n->pos.col,
                       "the weights of the children of '%s' differ, but they are not used: "
                       "<Aggregazione livello=\"%s\" metodo=\"media\"/> makes it a plain mean",
                       n->level == PP_LEVEL_ENTE ? "Albero" : label(n), pp_level_name(n->level));
            return;
        }
    }
}

static void check_weights(tree_ctx *c, const pp_node *n)
{
    if (n->level == PP_LEVEL_INDICATORE || n->nchildren == 0) return;
    const pp_smvp *s = &c->doc->smvp;
    if (s->plain_mean[n->level]) {
        check_unused_weights(c, n);
        return;
    }
    static const char *kids[] = {"areas (Ambito)", "strategic objectives", "children",
                                 "indicators", ""};
    bool has_ops = false, has_inds = false;
    for (size_t i = 0; i < n->nchildren; i++) {
        has_ops |= n->children[i]->level == PP_LEVEL_OPERATIVO;
        has_inds |= n->children[i]->level == PP_LEVEL_INDICATORE;
    }
    bool mixed = n->level == PP_LEVEL_STRATEGICO && has_ops && has_inds;
    /* an unusable ComposizioneStrategica is reported there: whether these
     * weights should sum to 100 once or twice is then unknown */
    if (mixed && s->mix_present && !s->has_mix) return;
    if (mixed && s->has_mix) {
        /* a group with a share of 0 is shown as printed, not counted */
        if (s->mix_operativi > 0)
            check_group_sum(c, n, PP_LEVEL_OPERATIVO, "operational objectives");
        if (s->mix_indicatori > 0)
            check_group_sum(c, n, PP_LEVEL_INDICATORE, "strategic indicators");
    } else if (mixed) {
        check_unstated_mix(c, n);
    } else {
        check_group_sum(c, n, -1, kids[n->level]);
    }
}

/* Whether a node's weight may be left out: its parent is a plain mean, or
 * it belongs to a group of a strategic objective that does not count. */
static bool weight_optional(const pp_smvp *s, const pp_node *n)
{
    const pp_node *p = n->parent;
    if (!p || s->plain_mean[p->level]) return true;
    if (p->level != PP_LEVEL_STRATEGICO || !s->has_mix) return false;
    return n->level == PP_LEVEL_OPERATIVO ? s->mix_operativi == 0 : s->mix_indicatori == 0;
}

static void check_weight_written(tree_ctx *c, const pp_node *n)
{
    if (n->weight_written || weight_optional(&c->doc->smvp, n)) return;
    pp_error(c->d, n->pos.line, n->pos.col,
             "'%s' has no peso: write it, or say that its parent's level is a plain mean "
             "with <Aggregazione livello=\"%s\" metodo=\"media\"/> in <Sistema>",
             label(n), pp_level_name(n->parent->level));
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
    if (ind->ntargets > 0 && ind->unit == PP_UNIT_NONE)
        pp_error(c->d, n->pos.line, n->pos.col,
                 "indicator '%s' has a target but no <Unita>: only a descriptive indicator "
                 "(without targets) goes without a unit",
                 label(n));
    size_t *first = first_of_year(ind);
    if (!first) {
        pp_diag_oom(c->d);
        return;
    }
    for (size_t i = 0; i < ind->ntargets; i++) {
        const pp_target *t = &ind->targets[i];
        pp_pos p = t->pos;
        bool deadline = t->op == PP_OP_ENTRO;
        if (ind->unit == PP_UNIT_NONE) {
            /* said once above; the unit checks below would only repeat it */
        } else if (deadline && ind->unit != PP_UNIT_DATE)
            pp_error(c->d, p.line, p.col,
                     "a deadline (operatore=\"entro\") needs <Unita>data</Unita>, not '%s'",
                     pp_unit_symbol(ind->unit));
        else if (!deadline && ind->unit == PP_UNIT_DATE)
            pp_error(c->d, p.line, p.col,
                     "an indicator measured in dates takes operatore=\"entro\", not '%s'",
                     pp_op_symbol(t->op));
        /* presence only: a malformed value was reported by the schema */
        if (deadline && (!t->attr_date || t->attr_value))
            pp_error(c->d, p.line, p.col, "a deadline target needs data=\"yyyy-mm-dd\" and no valore");
        if (!deadline && (!t->attr_value || t->attr_date))
            pp_error(c->d, p.line, p.col, "a numeric target needs valore and no data");
        if (t->year && first[i] != i)
            pp_error(c->d, p.line, p.col, "second target for %d (the first is at line %d)",
                     t->year, ind->targets[first[i]].pos.line);
        if (doc->span_from && doc->span_to && t->year &&
            (t->year < doc->span_from || t->year > doc->span_to))
            pp_warning(c->d, p.line, p.col, "target for %d is outside the Triennio %d-%d", t->year,
                       doc->span_from, doc->span_to);
        for (size_t k = 0; k < t->nrevisions; k++) {
            const pp_revision *r = &t->revisions[k];
            /* written but unusable: the loader named the value already */
            if (deadline ? !r->attr_old_date : !r->attr_old_value)
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
    pp_check_soglie(c->d, ind, t, rule == PP_RULE_SOGLIA);
    pp_pos p = n->pos;
    bool deadline = t && t->op == PP_OP_ENTRO;
    if (rule == PP_RULE_SOGLIA && !ind->has_soglia && !deadline) {
        if (!ind->soglia_present) /* else its unusable value is reported there */
            pp_error(c->d, p.line, p.col,
                     "indicator '%s' uses regola=\"soglia\" but has no <Soglia>", label(n));
        return;
    }
    if (!t || deadline || !t->has_value || rule == PP_RULE_SOGLIA) return;
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

/* Whether "no target for the year" can be said: the reference year and
 * every target's year were readable (an unusable one is reported where it
 * is written, and may well be the missing target). */
static bool years_known(const tree_ctx *c, const pp_indicator *ind)
{
    if (!c->doc->year) return false;
    for (size_t i = 0; i < ind->ntargets; i++)
        if (!ind->targets[i].year) return false;
    return true;
}

/* Why a Relazione indicator has nothing to score, said about the element
 * that is wrong: a <Consuntivo> written without a value, or none at all. A
 * value written but unusable (a date with a time zone, valore="NaN", the
 * override's or the measures' values) was reported at its own element by
 * the loader or the schema: calling the indicator's consuntivo missing
 * would point at the wrong thing. */
static bool under_unmeasured(const pp_node *n)
{
    for (const pp_node *p = n->parent; p; p = p->parent)
        if (pp_objective_not_measured(p)) return true;
    return false;
}

static void check_missing_actual(tree_ctx *c, const pp_node *n)
{
    const pp_indicator *ind = n->ind;
    const pp_actual *a = &ind->actual;
    bool unreadable = a->malformed || (ind->override_present && !ind->has_override) ||
                      (!a->present && ((ind->numerator.attr_value && !ind->numerator.has_value) ||
                                       (ind->denominator.attr_value &&
                                        !ind->denominator.has_value)));
    if (a->kind != PP_ACTUAL_NONE || ind->has_override || unreadable) return;
    /* "non oggetto di misurazione": nothing was measured, by design */
    if (under_unmeasured(n)) return;
    /* removed during the year and not counted: nothing was measured */
    if (pp_node_dropped(n)) return;
    if (a->present)
        pp_error(c->d, a->pos.line, a->pos.col,
                 "Consuntivo of '%s' has no value: write valore, data or nd=\"true\" with the "
                 "reason",
                 label(n));
    else
        pp_error(c->d, n->pos.line, n->pos.col,
                 "indicator '%s' has no <Consuntivo>: a Relazione needs the measured value "
                 "or nd=\"true\" with the reason",
                 label(n));
}

/* Half a unit of the last digit written: how far a consuntivo rounded to
 * its decimals may lie from its exact ratio. */
static double written_rounding(const pp_actual *a)
{
    return 0.5 * pow(10, -a->decimals);
}

static void check_actual(tree_ctx *c, const pp_node *n, const pp_target *t)
{
    const pp_indicator *ind = n->ind;
    const pp_actual *a = &ind->actual;
    pp_pos p = a->pos.line ? a->pos : n->pos;
    int kinds = a->attr_nd + a->attr_value + a->attr_date;
    if (kinds > 1)
        pp_error(c->d, p.line, p.col, "Consuntivo takes one of valore, data or nd=\"true\"");
    else if (kinds == 1 && a->attr_not_completed)
        pp_error(c->d, p.line, p.col,
                 "Consuntivo nonCompletato=\"true\" is a deadline never met: it takes no valore, "
                 "data or nd");
    if (a->attr_not_completed && ind->unit != PP_UNIT_DATE)
        pp_error(c->d, p.line, p.col,
                 "nonCompletato=\"true\" is for deadlines (<Unita>data</Unita>): a target in '%s' "
                 "not reached has its measured valore",
                 pp_unit_symbol(ind->unit));
    if (a->kind == PP_ACTUAL_ND && (!a->nd_reason || !*a->nd_reason))
        pp_error(c->d, p.line, p.col,
                 "N/D without a reason: write why the value is not available inside <Consuntivo>");
    if (a->kind == PP_ACTUAL_VALUE && !a->from_ratio && ind->unit == PP_UNIT_DATE)
        pp_error(c->d, p.line, p.col, "a deadline is met on a date: use data=\"yyyy-mm-dd\"");
    if (a->kind == PP_ACTUAL_DATE && ind->unit != PP_UNIT_DATE)
        pp_error(c->d, p.line, p.col, "a consuntivo in '%s' is a number: use valore",
                 pp_unit_symbol(ind->unit));
    if (c->doc->kind == PP_DOC_RELAZIONE) {
        check_missing_actual(c, n);
        /* without any target the indicator is descriptive: nothing to miss */
        if (!t && ind->ntargets > 0 && a->kind != PP_ACTUAL_ND && a->kind != PP_ACTUAL_NONE &&
            !ind->has_override && years_known(c, ind))
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
        /* relative (0.5 %), or the rounding of the written digits for
         * values too small for that: never an absolute floor */
        if (fabs(r - a->value) > fmax(0.005 * fabs(r), written_rounding(a)))
            pp_warning(c->d, p.line, p.col,
                       "consuntivo %.10g differs from numeratore/denominatore = %.10g", a->value,
                       r);
    }
}

/* An indicator without any target (a descriptive one: "N. imprese attive")
 * is printed but never scored. A weight would make its siblings' weights
 * look short of 100 once it is left out, so it must weigh 0; a tipologia is
 * free text but not blank. */
static void check_descriptive(tree_ctx *c, const pp_node *n)
{
    const pp_indicator *ind = n->ind;
    if (ind->tipologia && strspn(ind->tipologia, " \t\r\n") == strlen(ind->tipologia))
        pp_error(c->d, n->pos.line, n->pos.col, "indicator '%s': tipologia is blank", label(n));
    if (ind->ntargets > 0 || ind->has_override) return;
    if (!isnan(n->weight) && n->weight > 0)
        pp_error(c->d, n->pos.line, n->pos.col,
                 "indicator '%s' has no target: a descriptive indicator is not scored, so its "
                 "peso must be 0, not %.10g",
                 label(n), n->weight);
}

static void check_indicator(tree_ctx *c, const pp_node *n)
{
    const pp_indicator *ind = n->ind;
    if (!ind) return;
    c->indicators++;
    check_targets(c, n);
    const pp_target *t = pp_indicator_target(ind, c->doc->year);
    if (!t && c->doc->kind == PP_DOC_PIANO && ind->ntargets > 0 && years_known(c, ind))
        pp_warning(c->d, n->pos.line, n->pos.col, "indicator '%s' has no target for %d",
                   label(n), c->doc->year);
    check_rule(c, n, t);
    check_actual(c, n, t);
    check_descriptive(c, n);
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

/* Objectives may be "non oggetto di misurazione"; an area made only of
 * them would have no score at all. */
static void check_area_measured(tree_ctx *c, const pp_node *n)
{
    for (size_t i = 0; i < n->nchildren; i++)
        if (!pp_objective_not_measured(n->children[i])) return;
    if (n->nchildren == 0) return;
    pp_error(c->d, n->pos.line, n->pos.col,
             "every strategic objective of '%s' is \"non oggetto di misurazione\" (nonMisurato, "
             "or all its indicators weigh 0): nothing would be counted",
             label(n));
}

static bool check_node(pp_node *n, void *ctx)
{
    tree_ctx *c = ctx;
    if (n->level != PP_LEVEL_ENTE) {
        check_weight_written(c, n);
        check_weight_range(c, n);
    }
    check_weights(c, n);
    pp_pos p = n->pos;
    if (n->level == PP_LEVEL_OPERATIVO && n->nchildren == 0)
        pp_error(c->d, p.line, p.col, "operational objective '%s' has no indicator", label(n));
    if (n->level == PP_LEVEL_STRATEGICO && n->nchildren == 0)
        pp_error(c->d, p.line, p.col,
                 "strategic objective '%s' has neither indicators nor operational objectives",
                 label(n));
    if (n->level == PP_LEVEL_AMBITO) check_area_measured(c, n);
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
    if (!l.nodes) {
        pp_diag_oom(c->d);
        return;
    }
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
                   l.nodes[i]->code, l.nodes[run]->pos.line);
    }
    free(l.nodes);
}

void pp_check_detached(pp_doc *doc, pp_diags *d, pp_node *objective)
{
    tree_ctx c = {doc, d, 0};
    check_weights(&c, objective); /* its own peso is checked with the person's */
    for (size_t i = 0; i < objective->nchildren; i++)
        pp_tree_walk(objective->children[i], check_node, &c);
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
