/* The scoring rules of DOMAIN.md §4, each a pure function: linear,
 * threshold (soglia), binary, deadline, tolerance bands, bands; and the score
 * of one indicator. */
#include "score.h"

#include <limits.h>
#include <math.h>

static double clamp100(double v)
{
    if (isnan(v)) return v;
    return v < 0 ? 0 : v > 100 ? 100 : v;
}

double pp_rule_linear(pp_op op, double a, double t)
{
    if (pp_target_met(op, a, t)) return 100;
    switch (op) {
    case PP_OP_GE:
    case PP_OP_GT: /* short of a "more is better" target: a / t */
        return t > 0 ? clamp100(100 * a / t) : NAN;
    case PP_OP_LE:
    case PP_OP_LT: /* over a "less is better" target: 2 - a / t, floored at 0 */
        return t > 0 ? clamp100(100 * (2 - a / t)) : NAN;
    case PP_OP_EQ:
        if (t == 0) return 0;
        if (t < 0) return NAN;
        return clamp100(a < t ? 100 * a / t : 100 * (2 - a / t));
    case PP_OP_ENTRO:
        return NAN;
    }
    return NAN;
}

double pp_rule_threshold(pp_op op, double a, double t, double s)
{
    if (pp_target_met(op, a, t)) return 100;
    switch (op) {
    case PP_OP_GE:
    case PP_OP_GT:
        if (!(s < t)) return NAN;
        return a <= s ? 0 : clamp100(100 * (a - s) / (t - s));
    case PP_OP_LE:
    case PP_OP_LT:
        if (!(s > t)) return NAN;
        return a >= s ? 0 : clamp100(100 * (s - a) / (s - t));
    case PP_OP_EQ:
        /* Failure lies on both sides of an "=" target: the soglia gives the
         * distance at which achievement is 0, on either side alike (the
         * reading SMVPs give a tolerance "± x"), linear in between. */
        if (pp_nearly_equal(s, t) || isnan(s)) return NAN;
        return clamp100(100 * (1 - fabs(a - t) / fabs(t - s)));
    default:
        return NAN;
    }
}

double pp_rule_deadline_threshold(pp_date due, pp_date done, pp_date soglia)
{
    long span = pp_date_diff(due, soglia);
    if (span <= 0) return NAN;
    return pp_rule_deadline(due, done, span > INT_MAX ? INT_MAX : (int)span);
}

double pp_rule_binary(pp_op op, double a, double t) { return pp_target_met(op, a, t) ? 100 : 0; }

double pp_rule_deadline(pp_date due, pp_date done, int tolerance_days)
{
    long late = pp_date_diff(due, done);
    if (late <= 0) return 100;
    if (tolerance_days <= 0 || late >= tolerance_days) return 0;
    return 100.0 * (1.0 - (double)late / tolerance_days);
}

double pp_apply_tolerance(const pp_tolerance *t, double achievement)
{
    if (!t || !t->set) return achievement;
    /* at least, or equal but for the noise of the computation */
    double full = 100 - t->tolerance;
    if (achievement >= full || pp_nearly_equal(achievement, full)) return 100;
    if (achievement < t->critical && !pp_nearly_equal(achievement, t->critical)) return 0;
    return achievement;
}

int pp_band_of(const pp_smvp *s, double achievement)
{
    /* Judge the value the reader sees: 79,996 prints 80,00 and must not be
     * shown in the band below 80. */
    double shown = round(achievement * 100) / 100;
    int band = -1;
    for (size_t i = 0; i < s->nbands; i++)
        if (shown >= s->bands[i].from || pp_nearly_equal(shown, s->bands[i].from)) band = (int)i;
    return s->nbands > 0 && band < 0 ? 0 : band;
}

bool pp_weight_counts(const pp_smvp *s, const pp_node *n)
{
    if (!n->parent) return true;
    /* no peso: a plain mean counts every child alike; elsewhere it is an
     * error validation reports */
    if (isnan(n->weight)) return !n->weight_written && s->plain_mean[n->parent->level];
    return n->weight > 0;
}

void pp_apply_removal(pp_node *n)
{
    const pp_change *rm = pp_node_removal(n);
    if (!rm || rm->counted || !n->result.counted) return;
    n->result.counted = false;
    n->result.why_not_counted = "rimosso in corso d'anno";
}

static void not_counted(pp_result *r, const char *why)
{
    r->counted = false;
    r->has_achievement = false;
    r->why_not_counted = why;
}

/* Achievement of value a (the consuntivo, or a partial value) by the
 * indicator's rule, or NAN with *why set. */
static double rule_value(const pp_doc *doc, const pp_indicator *ind, const pp_target *t,
                         const pp_actual *a, const char **why)
{
    if (t->op == PP_OP_ENTRO) {
        if (a->kind == PP_ACTUAL_NOT_COMPLETED) return 0; /* never done: 0, soglia or not */
        if (a->kind != PP_ACTUAL_DATE || !t->date.y) {
            *why = "scadenza senza data di completamento";
            return NAN;
        }
        if (ind->has_soglia_date)
            return pp_rule_deadline_threshold(t->date, a->date, ind->soglia_date);
        return pp_rule_deadline(t->date, a->date, doc->smvp.deadline_tolerance_days);
    }
    if (a->kind != PP_ACTUAL_VALUE || !t->has_value) {
        *why = "nessun valore misurato";
        return NAN;
    }
    pp_rule rule = ind->rule_set ? ind->rule : ind->has_soglia ? PP_RULE_SOGLIA : doc->smvp.default_rule;
    double v = rule == PP_RULE_BINARIA ? pp_rule_binary(t->op, a->value, t->value)
               : rule == PP_RULE_SOGLIA && ind->has_soglia
                   ? pp_rule_threshold(t->op, a->value, t->value, ind->soglia)
                   : pp_rule_linear(t->op, a->value, t->value);
    if (isnan(v)) *why = "target non raggiunto e regola non definita";
    return v;
}

static void deviation(const pp_indicator *ind, const pp_target *t, pp_result *r)
{
    const pp_actual *a = &ind->actual;
    if (t->op == PP_OP_ENTRO && a->kind == PP_ACTUAL_DATE && t->date.y) {
        r->has_deviation = true;
        r->deviation = (double)pp_date_diff(t->date, a->date);
    } else if (t->op != PP_OP_ENTRO && a->kind == PP_ACTUAL_VALUE && t->has_value) {
        r->has_deviation = true;
        r->deviation = a->value - t->value;
    }
}

void pp_score_indicator(const pp_doc *doc, pp_node *n)
{
    pp_result *r = &n->result;
    const pp_indicator *ind = n->ind;
    r->band = -1;
    r->effective_weight = 0;
    if (!ind) {
        not_counted(r, "non è un indicatore");
        return;
    }
    const pp_target *t = pp_indicator_target(ind, doc->year);
    r->target = t;
    if (t) deviation(ind, t, r);
    double v = NAN;
    const char *why = NULL;
    if (ind->has_override) {
        v = r->computed = ind->override_value;
        r->overridden = true;
    } else if (ind->actual.kind == PP_ACTUAL_ND) {
        why = "N/D";
    } else if (ind->ntargets == 0) {
        why = "indicatore descrittivo (senza target)";
    } else if (!t) {
        why = "nessun target per l'anno";
    } else if (ind->actual.kind == PP_ACTUAL_NONE) {
        why = "nessun consuntivo";
    } else {
        v = r->computed = rule_value(doc, ind, t, &ind->actual, &why);
        if (!isnan(v)) v = pp_apply_tolerance(&doc->smvp.tolerance[2], v);
    }
    if (isnan(v)) {
        not_counted(r, why);
        return;
    }
    r->has_achievement = true;
    r->achievement = clamp100(v);
    r->counted = pp_weight_counts(&doc->smvp, n);
    if (!r->counted) r->why_not_counted = "peso 0";
    pp_apply_removal(n);
    r->band = pp_band_of(&doc->smvp, r->achievement);
}

bool pp_score_partial(const pp_doc *doc, const pp_indicator *ind, const pp_actual *a,
                      double *achievement)
{
    const pp_target *t = pp_indicator_target(ind, doc->year);
    const char *why = NULL;
    if (!t || a->kind == PP_ACTUAL_NONE || a->kind == PP_ACTUAL_ND) return false;
    double v = rule_value(doc, ind, t, a, &why);
    if (isnan(v)) return false;
    *achievement = clamp100(pp_apply_tolerance(&doc->smvp.tolerance[2], v));
    return true;
}
