/* Checks of an indicator's soglie (DOMAIN §4, §8): each <Soglia> is a
 * number for a numeric target or a date for a deadline, one per year (or
 * one for every year), and the soglia of the reference year lies where
 * the target is missed: below a ">=" target, above a "<=" one, anywhere
 * but on an "=" target itself, after a deadline. */
#include <math.h>

#include "check.h"

/* The shape of one <Soglia>: valore or data, as the unit wants. A value
 * written but unusable was reported where it is written. */
static void check_shape(pp_diags *d, const pp_indicator *ind, const pp_soglia *s)
{
    pp_pos p = s->pos;
    bool deadline = ind->unit == PP_UNIT_DATE;
    if (s->attr_value == s->attr_date)
        pp_error(d, p.line, p.col,
                 "Soglia takes valore (a numeric target) or data (a deadline), one of them");
    else if (deadline && s->attr_value)
        pp_error(d, p.line, p.col, "a deadline's Soglia is a date: use data=\"yyyy-mm-dd\"");
    else if (!deadline && s->attr_date)
        pp_error(d, p.line, p.col, "a Soglia in '%s' is a number: use valore",
                 pp_unit_symbol(ind->unit));
}

/* One soglia per year, one for every year; a year's soglia needs that
 * year's target. */
static void check_years(pp_diags *d, const pp_indicator *ind, size_t i)
{
    const pp_soglia *s = &ind->soglie[i];
    pp_pos p = s->pos;
    for (size_t k = 0; k < i; k++) {
        if (ind->soglie[k].year != s->year) continue;
        if (s->year)
            pp_error(d, p.line, p.col, "second Soglia for %d (the first is at line %d)", s->year,
                     ind->soglie[k].pos.line);
        else
            pp_error(d, p.line, p.col,
                     "second Soglia without anno (the first is at line %d): give each the year "
                     "of its target",
                     ind->soglie[k].pos.line);
        return;
    }
    if (s->year && !pp_indicator_target(ind, s->year))
        pp_warning(d, p.line, p.col, "Soglia for %d, but the indicator has no target for %d",
                   s->year, s->year);
}

/* A deadline's date soglia comes after the due date. */
static void check_date_soglia(pp_diags *d, const pp_indicator *ind, const pp_target *t)
{
    if (!ind->has_soglia_date || !t->date.y) return;
    if (pp_date_diff(t->date, ind->soglia_date) > 0) return;
    char due[16], s[16];
    pp_date_format_it(t->date, due);
    pp_date_format_it(ind->soglia_date, s);
    pp_pos p = ind->soglia_pos;
    pp_error(d, p.line, p.col,
             "soglia %s must come after the deadline %s: achievement is 0 %% on that day", s,
             due);
}

/* The numeric soglia of the reference year against its target. */
static void check_side(pp_diags *d, const pp_indicator *ind, const pp_target *t)
{
    pp_pos sp = ind->soglia_pos;
    if (t->op == PP_OP_EQ) {
        if (pp_nearly_equal(ind->soglia, t->value))
            pp_error(d, sp.line, sp.col,
                     "soglia %.10g is the target itself: achievement would jump from 0 to 100 "
                     "%%; the soglia is the value at which it is 0 %%",
                     ind->soglia);
        return;
    }
    bool more_better = t->op == PP_OP_GE || t->op == PP_OP_GT;
    if ((more_better && !(ind->soglia < t->value)) || (!more_better && !(ind->soglia > t->value)))
        pp_error(d, sp.line, sp.col,
                 "soglia %.10g cannot score a target '%s %.10g': it must lie on the side of "
                 "failure (%s the target)",
                 ind->soglia, pp_op_symbol(t->op), t->value, more_better ? "below" : "above");
}

void pp_check_soglie(pp_diags *d, const pp_indicator *ind, const pp_target *t, bool by_soglia)
{
    for (size_t i = 0; i < ind->nsoglie; i++) {
        check_shape(d, ind, &ind->soglie[i]);
        check_years(d, ind, i);
    }
    if (!t) return;
    if (t->op == PP_OP_ENTRO) check_date_soglia(d, ind, t);
    else if (by_soglia && ind->has_soglia && t->has_value) check_side(d, ind, t);
}
