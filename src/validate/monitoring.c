/* Checks of mid-year monitoring (<Monitoraggio>): a partial value taken on
 * a day of the reference year, one per day, in the form the indicator's
 * target of that year is scored on (a number, or the date a deadline was
 * met), or N/D with its reason. The dashboards print the latest one with
 * the partial achievement the scoring rules give it, so a value those
 * rules cannot read is rejected here rather than printed wrong. */
#include "check.h"

static const char *label(const pp_node *n)
{
    return n->code ? n->code : n->id ? n->id : "?";
}

/* valore, dataEsito or nd: exactly one, and the one the target reads. */
static void check_form(pp_diags *d, const pp_node *n, const pp_monitoring *m, const pp_target *t)
{
    const pp_actual *a = &m->value;
    pp_pos p = m->pos;
    int forms = a->attr_value + a->attr_date + a->attr_nd;
    if (a->malformed) return; /* the value itself is reported by the loader */
    if (forms != 1) {
        pp_error(d, p.line, p.col,
                 "Monitoraggio of '%s' takes one of valore, dataEsito or nd=\"true\"", label(n));
        return;
    }
    if (a->kind == PP_ACTUAL_ND && (!a->nd_reason || !*a->nd_reason))
        pp_error(d, p.line, p.col,
                 "Monitoraggio of '%s' is N/D without a reason: write why inside <Monitoraggio>",
                 label(n));
    if (!t || a->kind == PP_ACTUAL_ND) return;
    if (t->op == PP_OP_ENTRO && a->kind != PP_ACTUAL_DATE)
        pp_error(d, p.line, p.col,
                 "Monitoraggio of '%s': a deadline is met on a date: use dataEsito=\"yyyy-mm-dd\"",
                 label(n));
    else if (t->op != PP_OP_ENTRO && a->kind != PP_ACTUAL_VALUE)
        pp_error(d, p.line, p.col, "Monitoraggio of '%s': the target is a number: use valore",
                 label(n));
}

static void check_indicator(const pp_doc *doc, pp_diags *d, const pp_node *n)
{
    const pp_indicator *ind = n->ind;
    const pp_target *t = pp_indicator_target(ind, doc->year);
    if (ind->nmonitoring > 0 && !t)
        pp_error(d, ind->monitoring[0].pos.line, ind->monitoring[0].pos.col,
                 "Monitoraggio of '%s': the indicator has no target for %d to measure it against",
                 label(n), doc->year);
    for (size_t i = 0; i < ind->nmonitoring; i++) {
        const pp_monitoring *m = &ind->monitoring[i];
        check_form(d, n, m, t);
        if (!m->date.y) continue; /* unusable date: reported by the loader */
        char when[16];
        pp_date_format_it(m->date, when);
        if (m->date.y != doc->year)
            pp_error(d, m->pos.line, m->pos.col,
                     "Monitoraggio of '%s' on %s is outside the reference year %d", label(n),
                     when, doc->year);
        for (size_t k = 0; k < i; k++)
            if (pp_date_diff(ind->monitoring[k].date, m->date) == 0) {
                pp_error(d, m->pos.line, m->pos.col,
                         "second Monitoraggio of '%s' on %s (the first is at line %d)", label(n),
                         when, ind->monitoring[k].pos.line);
                break;
            }
    }
}

typedef struct {
    const pp_doc *doc;
    pp_diags *d;
} mon_walk;

static bool visit(pp_node *n, void *ctx)
{
    mon_walk *w = ctx;
    if (n->level == PP_LEVEL_INDICATORE && n->ind) check_indicator(w->doc, w->d, n);
    return true;
}

void pp_check_monitoring(pp_doc *doc, pp_diags *d)
{
    mon_walk w = {doc, d};
    if (doc->root) pp_tree_walk(doc->root, visit, &w);
    for (size_t i = 0; i < doc->npeople; i++)
        for (size_t k = 0; k < doc->people[i].nobjectives; k++)
            if (doc->people[i].objectives[k].own)
                pp_tree_walk(doc->people[i].objectives[k].own, visit, &w);
}
