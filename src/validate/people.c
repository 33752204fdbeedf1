/* Checks of individual objectives (Persone): each is a tree objective by
 * reference or the person's own objective with its own indicators, never
 * both and never neither; a person's weights are given to all of them or to
 * none and sum to 100. What rif refers to is checked in check.c. */
#include <math.h>

#include "check.h"

static const char *who(const pp_person *p) { return p->id ? p->id : "?"; }

/* rif or own content, and an own objective complete enough to be scored. */
static void check_kind(pp_doc *doc, const pp_person *p, pp_individual *io, pp_diags *d)
{
    pp_pos at = io->pos;
    if (io->ref) {
        if (io->own_content)
            pp_error(d, at.line, at.col,
                     "ObiettivoIndividuale of '%s' takes rif (an objective of the tree) or its own "
                     "Titolo and Indicatore elements, not both",
                     who(p));
        return;
    }
    pp_node *own = io->own;
    if (!own) return; /* out of memory: reported by the loader */
    if (!own->id)
        pp_error(d, at.line, at.col,
                 "ObiettivoIndividuale of '%s' without rif is the person's own objective: it "
                 "needs an id",
                 who(p));
    if (!own->title)
        pp_error(d, at.line, at.col,
                 "the own objective '%s' of '%s' needs a <Titolo>",
                 own->code ? own->code : own->id ? own->id : "?", who(p));
    if (own->nchildren == 0)
        pp_error(d, at.line, at.col,
                 "the own objective '%s' of '%s' has no indicator: give rif (an objective of the "
                 "tree) or its own <Indicatore> elements",
                 own->code ? own->code : own->id ? own->id : "?", who(p));
    else
        pp_check_detached(doc, d, own);
}

/* All weighted or none; the positive ones summing to 100 within the
 * rounding their written digits allow (as the tree's weights). */
static void check_weights(const pp_person *p, pp_diags *d)
{
    size_t weighted = 0, counted = 0;
    double sum = 0, tol = 0;
    for (size_t i = 0; i < p->nobjectives; i++) {
        const pp_individual *io = &p->objectives[i];
        if (!io->has_weight) continue;
        weighted++;
        if (!(io->weight > 0) || io->weight > 100) continue; /* range reported in check.c */
        counted++;
        sum += io->weight;
        tol += 0.5 * pow(10, -io->weight_decimals);
    }
    if (weighted == 0) return;
    pp_pos at = p->pos;
    if (weighted < p->nobjectives) {
        pp_error(d, at.line, at.col,
                 "peso is given to %zu of the %zu objectives of '%s': give it to all of them or "
                 "to none (then they count equally)",
                 weighted, p->nobjectives, who(p));
        return;
    }
    if (tol > 1) tol = 1;
    if (counted > 0 && fabs(sum - 100) > tol + 1e-9)
        pp_error(d, at.line, at.col,
                 "the weights of the objectives of '%s' sum to %.2f, not 100 (allowed rounding: "
                 "%.3f)",
                 who(p), sum, tol);
    else if (counted == 0)
        pp_error(d, at.line, at.col, "all the objectives of '%s' weigh 0: nothing would be counted",
                 who(p));
}

void pp_check_people(pp_doc *doc, pp_diags *d)
{
    for (size_t i = 0; i < doc->npeople; i++) {
        pp_person *p = &doc->people[i];
        for (size_t k = 0; k < p->nobjectives; k++) check_kind(doc, p, &p->objectives[k], d);
        check_weights(p, d);
    }
}
