/* The differences of one matched pair of nodes, their printable values,
 * and the element of the Relazione that records each (see compare.h for
 * which element records which change). */
#include <math.h>
#include <string.h>

#include "compare_internal.h"
#include "numfmt.h"

pp_difference *cmp_add(cmp_ctx *c, pp_diff_kind kind, const pp_node *p, const pp_node *r)
{
    pp_compare_result *o = c->out;
    if (o->count == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        pp_difference *items = pp_arena_alloc(c->arena, cap * sizeof *items);
        if (!items) return NULL;
        if (o->count) memcpy(items, o->items, o->count * sizeof *items);
        o->items = items;
        c->cap = cap;
    }
    const pp_node *n = r ? r : p;
    pp_difference *df = &o->items[o->count++];
    *df = (pp_difference){.kind = kind, .level = n->level, .code = n->code ? n->code : n->id,
                          .title = n->title, .piano_node = p, .rel_node = r};
    if (p) df->piano_pos = p->pos;
    if (r) df->rel_pos = r->pos;
    o->unrecorded++; /* until a record is found (record) */
    return df;
}

/* The element at pos, with delibera and date, records df: recorded only
 * when it names an act. */
static void record(cmp_ctx *c, pp_difference *df, const char *delibera, pp_date date, pp_pos pos)
{
    df->record_found = true;
    df->delibera = delibera;
    df->date = date;
    df->record_pos = pos;
    if (delibera && !df->recorded) {
        df->recorded = true;
        c->out->unrecorded--;
    }
}

/* The node's first Variazione of a kind (for a ridefinizione: with the
 * previous name / algorithm when `what` asks for it), preferring one with
 * a delibera. */
enum { ANY, NAME, ALGORITHM };
static const pp_change *change_of(const pp_node *n, pp_change_kind kind, int what)
{
    const pp_change *found = NULL;
    for (size_t i = 0; i < n->nchanges; i++) {
        const pp_change *ch = &n->changes[i];
        if (ch->kind != kind || (what == NAME && !ch->old_name) ||
            (what == ALGORITHM && !ch->old_algorithm))
            continue;
        if (ch->delibera) return ch;
        if (!found) found = ch;
    }
    return found;
}

static void record_change(cmp_ctx *c, pp_difference *df, const pp_change *ch)
{
    if (ch) record(c, df, ch->delibera, ch->date, ch->pos);
}

/* ---- printable values --------------------------------------------------------- */

static char *number(cmp_ctx *c, double v, int decimals, const char *unit)
{
    char buf[PP_FMT_IT_SIZE];
    pp_fmt_it(v, decimals < 0 ? 0 : decimals > 6 ? 6 : decimals, buf, sizeof buf);
    return unit && *unit ? pp_arena_printf(c->arena, "%s %s", buf, unit)
                         : pp_arena_strdup(c->arena, buf);
}

static char *target_text(cmp_ctx *c, const pp_indicator *ind, const pp_target *t)
{
    if (t->op == PP_OP_ENTRO) {
        char buf[16];
        pp_date_format_it(t->date, buf);
        return pp_arena_printf(c->arena, "Entro %s", buf);
    }
    return number(c, t->value, ind->decimals, pp_unit_symbol(ind->unit));
}

static const char *unit_text(pp_unit u)
{
    return u == PP_UNIT_DATE ? "data" : u == PP_UNIT_NONE ? "nessuna" : pp_unit_symbol(u);
}

/* Sets the values of df; false when out of memory (a value wanted but
 * not made). */
static bool values(pp_difference *df, const char *old_value, const char *new_value)
{
    df->old_value = old_value;
    df->new_value = new_value;
    return old_value && new_value;
}

/* ---- the kinds ---------------------------------------------------------------- */

static bool moved(cmp_ctx *c, const pp_node *p, const pp_node *r)
{
    const pp_node *pp = p->parent, *rp = r->parent;
    if (!pp || !rp || rp->level == PP_LEVEL_ENTE) return true;
    if (cmp_partner(c->rside, rp) == pp) return true;
    pp_difference *df = cmp_add(c, PP_DIFF_MOVED, p, r);
    if (!df) return false;
    if (!values(df, pp->code ? pp->code : pp->id, rp->code ? rp->code : rp->id)) return false;
    record_change(c, df, change_of(r, PP_CHANGE_MOVE, ANY));
    return true;
}

static bool removed(cmp_ctx *c, const pp_node *p, const pp_node *r)
{
    const pp_change *ch = pp_node_removal(r);
    if (!ch) return true;
    pp_difference *df = cmp_add(c, PP_DIFF_REMOVED, p, r);
    if (!df) return false;
    df->new_value = ch->counted ? "rimosso (conteggiato)" : "rimosso (non conteggiato)";
    record_change(c, df, ch);
    return true;
}

static bool title(cmp_ctx *c, const pp_node *p, const pp_node *r)
{
    if (cmp_same_text(p->title, r->title)) return true;
    pp_difference *df = cmp_add(c, PP_DIFF_TITLE, p, r);
    if (!df) return false;
    df->old_value = p->title;
    df->new_value = r->title;
    record_change(c, df, change_of(r, PP_CHANGE_REDEFINITION, NAME));
    return true;
}

static bool weight(cmp_ctx *c, const pp_node *p, const pp_node *r)
{
    bool pw = !isnan(p->weight), rw = !isnan(r->weight);
    if (pw == rw && (!pw || pp_nearly_equal(p->weight, r->weight))) return true;
    pp_difference *df = cmp_add(c, PP_DIFF_WEIGHT, p, r);
    if (!df) return false;
    df->piano_pos = p->weight_pos.line ? p->weight_pos : p->pos;
    df->rel_pos = r->weight_pos.line ? r->weight_pos : r->pos;
    int dec = p->weight_decimals > r->weight_decimals ? p->weight_decimals : r->weight_decimals;
    if ((pw && !(df->old_value = number(c, p->weight, dec, "%"))) ||
        (rw && !(df->new_value = number(c, r->weight, dec, "%"))))
        return false;
    record_change(c, df, change_of(r, PP_CHANGE_REDEFINITION, ANY));
    /* the act that moves a node gives it its weight in the new objective */
    if (!df->recorded) record_change(c, df, change_of(r, PP_CHANGE_MOVE, ANY));
    return true;
}

static bool unit(cmp_ctx *c, const pp_node *p, const pp_node *r)
{
    if (p->ind->unit == r->ind->unit) return true;
    pp_difference *df = cmp_add(c, PP_DIFF_UNIT, p, r);
    if (!df) return false;
    values(df, unit_text(p->ind->unit), unit_text(r->ind->unit));
    record_change(c, df, change_of(r, PP_CHANGE_REDEFINITION, ANY));
    return true;
}

static bool algorithm(cmp_ctx *c, const pp_node *p, const pp_node *r)
{
    if (cmp_same_text(p->ind->algorithm, r->ind->algorithm)) return true;
    pp_difference *df = cmp_add(c, PP_DIFF_ALGORITHM, p, r);
    if (!df) return false;
    df->old_value = p->ind->algorithm;
    df->new_value = r->ind->algorithm;
    record_change(c, df, change_of(r, PP_CHANGE_REDEFINITION, ALGORITHM));
    return true;
}

/* A target is revised by a Revisione of it with an act; one made by the
 * Relazione itself (nelDocumento) has the Relazione's act of adoption. */
static const pp_revision *revision_of(const pp_target *t)
{
    const pp_revision *best = NULL;
    for (size_t i = 0; i < t->nrevisions; i++) {
        const pp_revision *rv = &t->revisions[i];
        if (!best || (rv->delibera && !best->delibera)) best = rv;
    }
    return best;
}

static void record_revision(cmp_ctx *c, pp_difference *df, const pp_target *t)
{
    const pp_revision *best = revision_of(t);
    if (!best) return;
    if (best->in_document)
        record(c, df, c->rel->approval_number, c->rel->approval_date, best->pos);
    else
        record(c, df, best->delibera, best->date, best->pos);
}

static bool same_target_value(const pp_target *a, const pp_target *b)
{
    if ((a->op == PP_OP_ENTRO) != (b->op == PP_OP_ENTRO)) return false;
    if (a->op == PP_OP_ENTRO) return pp_date_days(a->date) == pp_date_days(b->date);
    return a->has_value == b->has_value && (!a->has_value || pp_nearly_equal(a->value, b->value));
}

/* The Revisione that records a target's change states the value it
 * revises (valorePrecedente, dataPrecedente). When that is not the
 * Piano's value the act revised another target than the one adopted (or
 * the Piano was changed again without a trace): the change is not
 * recorded, and the text says what the act states. False when out of
 * memory. */
static bool prior_matches(cmp_ctx *c, pp_difference *df, const pp_indicator *ind,
                          const pp_target *pt, const pp_target *rt)
{
    const pp_revision *rv = revision_of(rt);
    if (!df->recorded || !rv) return true;
    pp_target prior = *pt;
    if (pt->op == PP_OP_ENTRO) {
        if (!rv->old_date.y) return true; /* the act states no previous date */
        prior.date = rv->old_date;
    } else {
        if (!rv->has_value) return true;
        prior.value = rv->old_value;
        prior.has_value = true;
    }
    if (same_target_value(&prior, pt)) return true;
    if (!(df->record_prior = target_text(c, ind, &prior))) return false;
    df->recorded = false;
    c->out->unrecorded++;
    return true;
}

static bool targets(cmp_ctx *c, const pp_node *p, const pp_node *r)
{
    const pp_target *pt = pp_indicator_target(p->ind, c->out->year);
    const pp_target *rt = pp_indicator_target(r->ind, c->out->year);
    if (!pt && !rt) return true;
    if (pt && rt && pt->op != rt->op) {
        pp_difference *df = cmp_add(c, PP_DIFF_OPERATOR, p, r);
        if (!df) return false;
        df->piano_pos = pt->pos;
        df->rel_pos = rt->pos;
        values(df, pp_op_symbol(pt->op), pp_op_symbol(rt->op));
        record_revision(c, df, rt);
        if (!df->recorded) record_change(c, df, change_of(r, PP_CHANGE_REDEFINITION, ANY));
    }
    if (pt && rt && same_target_value(pt, rt)) return true;
    pp_difference *df = cmp_add(c, PP_DIFF_TARGET, p, r);
    if (!df) return false;
    df->piano_pos = pt ? pt->pos : p->pos;
    df->rel_pos = rt ? rt->pos : r->pos;
    if ((pt && !(df->old_value = target_text(c, p->ind, pt))) ||
        (rt && !(df->new_value = target_text(c, r->ind, rt))))
        return false;
    if (rt) record_revision(c, df, rt);
    return !pt || !rt || prior_matches(c, df, p->ind, pt, rt);
}

bool cmp_pair(cmp_ctx *c, const pp_node *p, const pp_node *r)
{
    if (!removed(c, p, r) || !moved(c, p, r) || !title(c, p, r) || !weight(c, p, r))
        return false;
    if (!p->ind || !r->ind) return true;
    return unit(c, p, r) && algorithm(c, p, r) && targets(c, p, r);
}
