/* Semantic checks of the whole document (what the schema cannot say):
 * identifiers and references, the SMVP, bands and tolerance; the tree and
 * the files are in tree.c and files.c. */
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- identifiers --------------------------------------------------------- */

/* Open-addressing table of id -> position, sized once: linear overall. */
typedef struct {
    const char *id;
    pp_pos pos;
    char kind; /* 'n' node, 'u' unit, 'p' person, 's' section */
    const void *what;
} id_entry;

typedef struct {
    id_entry *slots;
    size_t cap;
} id_table;

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static id_entry *id_find(id_table *t, const char *id)
{
    if (!t->slots || !id) return NULL;
    for (size_t i = hash(id) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        if (!t->slots[i].id) return &t->slots[i];
        if (strcmp(t->slots[i].id, id) == 0) return &t->slots[i];
    }
}

static const id_entry *id_lookup(id_table *t, const char *id)
{
    id_entry *e = id_find(t, id);
    return e && e->id ? e : NULL;
}

static void id_define(id_table *t, pp_diags *d, const char *id, pp_pos pos, char kind,
                      const void *what)
{
    id_entry *e = id_find(t, id);
    if (!e) return;
    if (e->id) {
        pp_error(d, pos.line, pos.col, "duplicate id '%s' (first defined at line %d)", id,
                 e->pos.line);
        return;
    }
    *e = (id_entry){id, pos, kind, what};
}

typedef struct {
    id_table *ids;
    pp_diags *d;
    size_t count;
} id_walk;

static bool count_node(pp_node *n, void *ctx)
{
    (void)n;
    ((id_walk *)ctx)->count++;
    return true;
}

static bool define_node(pp_node *n, void *ctx)
{
    id_walk *w = ctx;
    if (n->level != PP_LEVEL_ENTE && n->id) id_define(w->ids, w->d, n->id, n->pos, 'n', n);
    return true;
}

static void section_ids(id_table *t, pp_diags *d, const pp_section *s)
{
    if (!s) return;
    if (s->id) id_define(t, d, s->id, s->pos, 's', s);
    for (size_t i = 0; i < s->nblocks; i++)
        if (s->blocks[i].kind == PP_BLOCK_SECTION) section_ids(t, d, s->blocks[i].section);
}

static size_t count_sections(const pp_section *s)
{
    size_t n = s ? 1 : 0;
    for (size_t i = 0; s && i < s->nblocks; i++)
        if (s->blocks[i].kind == PP_BLOCK_SECTION) n += count_sections(s->blocks[i].section);
    return n;
}

/* Own individual objectives and their indicators live outside the tree but
 * share its ids. */
static void walk_own(pp_doc *doc, pp_visit_fn fn, id_walk *w)
{
    for (size_t i = 0; i < doc->npeople; i++)
        for (size_t k = 0; k < doc->people[i].nobjectives; k++)
            if (doc->people[i].objectives[k].own)
                pp_tree_walk(doc->people[i].objectives[k].own, fn, w);
}

static bool build_ids(pp_doc *doc, pp_diags *d, id_table *t)
{
    id_walk w = {t, d, 0};
    pp_tree_walk(doc->root, count_node, &w);
    walk_own(doc, count_node, &w);
    size_t n = w.count + doc->nunits + doc->npeople;
    for (size_t i = 0; i < doc->nsections; i++) n += count_sections(&doc->sections[i]);
    t->cap = 16;
    while (t->cap < 2 * n) t->cap *= 2;
    t->slots = calloc(t->cap, sizeof *t->slots);
    if (!t->slots) return false;
    pp_tree_walk(doc->root, define_node, &w);
    walk_own(doc, define_node, &w);
    for (size_t i = 0; i < doc->nunits; i++)
        id_define(t, d, doc->units[i].id, doc->units[i].pos, 'u', &doc->units[i]);
    for (size_t i = 0; i < doc->npeople; i++)
        id_define(t, d, doc->people[i].id, doc->people[i].pos, 'p', &doc->people[i]);
    for (size_t i = 0; i < doc->nsections; i++) section_ids(t, d, &doc->sections[i]);
    return true;
}

/* ---- references ---------------------------------------------------------- */

/* What an id names, in the words of the messages. */
static const char *describe(const id_entry *e)
{
    static const char *levels[] = {"ente", "area (Ambito)", "strategic objective",
                                   "operational objective", "indicator"};
    switch (e->kind) {
    case 'n': return levels[((const pp_node *)e->what)->level];
    case 'u': return "organisational unit";
    case 'p': return "person";
    default: return "section";
    }
}

static const void *resolve(id_table *t, pp_diags *d, const char *ref, char kind, pp_pos pos,
                           const char *attr, const char *expected)
{
    if (!ref) return NULL;
    const id_entry *e = id_lookup(t, ref);
    if (!e) {
        pp_error(d, pos.line, pos.col, "%s='%s' refers to no element of the document", attr, ref);
        return NULL;
    }
    if (e->kind != kind) {
        pp_error(d, pos.line, pos.col, "%s='%s' must refer to %s, not to the %s at line %d", attr,
                 ref, expected, describe(e), e->pos.line);
        return NULL;
    }
    return e->what;
}

typedef struct {
    id_table *ids;
    pp_diags *d;
} ref_walk;

static bool check_class_refs(pp_node *n, void *ctx)
{
    ref_walk *w = ctx;
    /* an area's unita / responsabile are refused as such (strategy.c) */
    if (!n->has_class || n->level == PP_LEVEL_AMBITO) return true;
    /* each unit of the list, with the message a single one has */
    for (size_t i = 0; i < n->cls.nunit_refs; i++) {
        const char *ref = n->cls.unit_refs[i];
        n->cls.units[i] = (pp_unit_org *)resolve(w->ids, w->d, ref, 'u', n->cls.pos, "unita",
                                                  "an organisational unit (Unita)");
        for (size_t k = 0; k < i; k++)
            if (strcmp(n->cls.unit_refs[k], ref) == 0) {
                pp_error(w->d, n->cls.pos.line, n->cls.pos.col,
                         "unita names '%s' twice: each unit once", ref);
                break;
            }
    }
    resolve(w->ids, w->d, n->cls.manager_ref, 'p', n->cls.pos, "responsabile", "a person (Persona)");
    /* the span prints as "2022–2024": backwards it says nothing (each year
     * alone was bounded by the loader) */
    const pp_class *k = &n->cls;
    if (k->year_from && k->year_to && k->year_from > k->year_to)
        pp_error(w->d, k->pos.line, k->pos.col,
                 "Classificazione dal=\"%d\" al=\"%d\": the span of '%s' ends before it begins",
                 k->year_from, k->year_to, n->code ? n->code : n->id ? n->id : "?");
    return true;
}

/* obiettivoPrecedente of a move: an objective of the kind the node can sit
 * in (an indicator in a strategic or operational objective, an operational
 * objective in a strategic one), and not the one it is in now. */
static void check_move_ref(ref_walk *w, pp_node *n, pp_change *ch)
{
    const pp_node *from = resolve(w->ids, w->d, ch->from_ref, 'n', ch->pos,
                                  "obiettivoPrecedente", "an objective");
    if (!from) return;
    static const char *const level_words[] = {"ente", "area (Ambito)", "strategic objective",
                                              "operational objective", "indicator"};
    bool fits = n->level == PP_LEVEL_INDICATORE
                    ? from->level == PP_LEVEL_STRATEGICO || from->level == PP_LEVEL_OPERATIVO
                    : n->parent && from->level == n->parent->level;
    if (!fits) {
        pp_error(w->d, ch->pos.line, ch->pos.col,
                 "obiettivoPrecedente='%s' must refer to %s, not to the %s at line %d",
                 ch->from_ref,
                 n->level == PP_LEVEL_INDICATORE ? "a strategic or operational objective"
                                                 : "a strategic objective",
                 level_words[from->level], from->pos.line);
        return;
    }
    if (from == n->parent) {
        pp_error(w->d, ch->pos.line, ch->pos.col,
                 "obiettivoPrecedente='%s' is the objective it is in now: a move names where it "
                 "came from",
                 ch->from_ref);
        return;
    }
    ch->from = from;
}

static bool check_change_refs(pp_node *n, void *ctx)
{
    for (size_t i = 0; i < n->nchanges; i++)
        if (n->changes[i].kind == PP_CHANGE_MOVE && n->changes[i].from_ref)
            check_move_ref(ctx, n, &n->changes[i]);
    return true;
}

/* Collegamento verso: a strategic objective. Resolved links are what the
 * strategy map draws as arrows. */
static bool check_link_refs(pp_node *n, void *ctx)
{
    ref_walk *w = ctx;
    for (size_t i = 0; i < n->nlinks; i++) {
        if (!n->links[i] || pp_link_to_itself(n, i)) continue;
        const pp_node *to = resolve(w->ids, w->d, n->links[i], 'n', n->link_pos[i], "verso",
                                    "a strategic objective");
        if (to && to->level != PP_LEVEL_STRATEGICO) {
            pp_error(w->d, n->link_pos[i].line, n->link_pos[i].col,
                     "verso='%s' must refer to a strategic objective, not to the %s at line %d",
                     n->links[i], describe(&(id_entry){.kind = 'n', .what = to}),
                     to->pos.line);
            to = NULL;
        }
        n->link_nodes[i] = to;
    }
    return true;
}

/* The unit a unit's padre names, or -1 (none, or not a unit: reported
 * elsewhere). */
static long parent_unit(const pp_doc *doc, id_table *t, size_t i)
{
    const id_entry *e = id_lookup(t, doc->units[i].parent_ref);
    if (!e || e->kind != 'u') return -1;
    return (long)((const pp_unit_org *)e->what - doc->units);
}

/* Every unit on a cycle of padre is reported. Each unit is walked once
 * (a chain of 10,000 nested units used to be walked from each of them:
 * 20 s for 32,000): a walk stops at a unit already seen, and when that
 * unit is on the walk itself, the units from it on form a cycle. */
static void check_unit_cycles(const pp_doc *doc, id_table *t, pp_diags *d)
{
    size_t n = doc->nunits;
    size_t *on_walk = calloc(n ? n : 1, sizeof *on_walk); /* 0: unseen, else walk + 1 */
    size_t *walk = malloc((n ? n : 1) * sizeof *walk);    /* the units of this walk */
    if (!on_walk || !walk) {
        free(on_walk);
        free(walk);
        pp_diag_oom(d);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (on_walk[i]) continue;
        size_t len = 0;
        long j = (long)i;
        while (j >= 0 && !on_walk[j]) {
            on_walk[j] = i + 1;
            walk[len++] = (size_t)j;
            j = parent_unit(doc, t, (size_t)j);
        }
        if (j < 0 || on_walk[j] != i + 1) continue; /* reached a root or an earlier walk */
        size_t k = len;
        while (walk[k - 1] != (size_t)j) k--; /* the cycle is walk[k - 1 .. len) */
        for (k--; k < len; k++) {
            const pp_unit_org *u = &doc->units[walk[k]];
            pp_error(d, u->pos.line, u->pos.col,
                     "unit '%s' is its own ancestor (padre forms a cycle)", u->id);
        }
    }
    free(on_walk);
    free(walk);
}

/* An own individual objective sits outside the tree (parent NULL): its
 * indicators are not the tree's. */
static bool indicator_in_tree(const pp_node *n)
{
    const pp_node *up = n;
    while (up->parent) up = up->parent;
    return up->level == PP_LEVEL_ENTE;
}

static void check_refs(pp_doc *doc, id_table *t, pp_diags *d)
{
    for (size_t i = 0; i < doc->nunits; i++) {
        const pp_unit_org *u = &doc->units[i];
        resolve(t, d, u->parent_ref, 'u', u->pos, "padre", "an organisational unit (Unita)");
        resolve(t, d, u->manager_ref, 'p', u->pos, "responsabile", "a person (Persona)");
    }
    check_unit_cycles(doc, t, d);
    for (size_t i = 0; i < doc->npeople; i++) {
        pp_person *p = &doc->people[i];
        resolve(t, d, p->unit_ref, 'u', p->pos, "unita", "an organisational unit (Unita)");
        for (size_t k = 0; k < p->nobjectives; k++) {
            pp_individual *o = &p->objectives[k];
            const pp_node *n = resolve(t, d, o->ref, 'n', o->pos, "rif",
                                       "an objective or an indicator");
            /* an own objective refers to itself: its id is defined, not resolved */
            if (n && !n->parent && n->level == PP_LEVEL_OPERATIVO) {
                pp_error(d, o->pos.line, o->pos.col,
                         "rif='%s' must refer to an objective of the tree, not to the own "
                         "individual objective at line %d",
                         o->ref, n->pos.line);
                n = NULL;
            }
            /* an indicator of an own objective is not the tree's */
            if (n && n->level == PP_LEVEL_INDICATORE && !indicator_in_tree(n)) {
                pp_error(d, o->pos.line, o->pos.col,
                         "rif='%s' must refer to an indicator of the tree, not to one of an own "
                         "individual objective (line %d)",
                         o->ref, n->pos.line);
                n = NULL;
            }
            if (n && n->level != PP_LEVEL_STRATEGICO && n->level != PP_LEVEL_OPERATIVO &&
                n->level != PP_LEVEL_INDICATORE) {
                pp_error(d, o->pos.line, o->pos.col,
                         "rif='%s' must refer to a strategic or operational objective or an "
                         "indicator, not to the area '%s'",
                         o->ref, o->ref);
                n = NULL;
            }
            o->objective = n;
            if (o->has_weight && (o->weight < 0 || o->weight > 100))
                pp_error(d, o->pos.line, o->pos.col, "peso %.10g is outside 0-100", o->weight);
        }
    }
    ref_walk w = {t, d};
    pp_tree_walk(doc->root, check_class_refs, &w);
    pp_tree_walk(doc->root, check_change_refs, &w);
    pp_tree_walk(doc->root, check_link_refs, &w);
}

/* ---- general data and SMVP ----------------------------------------------- */

static void check_general(const pp_doc *doc, pp_diags *d)
{
    if (doc->span_from && doc->span_to) {
        pp_pos sp = doc->span_pos;
        if (doc->span_to < doc->span_from)
            pp_error(d, sp.line, sp.col, "Triennio: 'a' (%d) is before 'da' (%d)", doc->span_to, doc->span_from);
        else if (doc->year && (doc->year < doc->span_from || doc->year > doc->span_to))
            pp_error(d, doc->year_pos.line, doc->year_pos.col, "AnnoRiferimento %d is outside the Triennio %d-%d", doc->year,
                     doc->span_from, doc->span_to);
    }
    if (doc->has_approval && doc->approval_date.y && doc->year) {
        pp_pos p = doc->approval_pos;
        if (doc->kind == PP_DOC_RELAZIONE && doc->approval_date.y <= doc->year)
            pp_warning(d, p.line, p.col,
                       "a Relazione on %d approved in %d, before the year was over", doc->year,
                       doc->approval_date.y);
        if (doc->kind == PP_DOC_PIANO && doc->approval_date.y > doc->year)
            pp_warning(d, p.line, p.col, "a Piano for %d approved only in %d", doc->year,
                       doc->approval_date.y);
    }
}

static void check_smvp(const pp_doc *doc, pp_diags *d)
{
    const pp_smvp *s = &doc->smvp;
    /* A Relazione judges its results by bands; when the document gives none
     * the judgement printed is not the administration's own: say so. (Which
     * bands are assumed is the renderer's business: its legend states them.) */
    if (s->nbands == 0 && doc->kind == PP_DOC_RELAZIONE && doc->root && doc->root->nchildren > 0)
        pp_warning(d, doc->tree_pos.line, doc->tree_pos.col,
                   "no bands given (<Fasce> in <Sistema>): the judgements printed use bands the "
                   "document does not state");
    for (size_t i = 0; i < s->nbands; i++) {
        const pp_band *b = &s->bands[i];
        /* an unusable da is reported where it is written: no order to check */
        if (isnan(b->from) || (i > 0 && isnan(s->bands[i - 1].from))) continue;
        if (i == 0 && b->from != 0)
            pp_error(d, b->pos.line, b->pos.col, "the first Fascia must start at da=\"0\"");
        if (i > 0 && b->from <= s->bands[i - 1].from)
            pp_error(d, b->pos.line, b->pos.col,
                     "Fascia da=\"%.10g\" must be greater than the previous one (%.10g)", b->from,
                     s->bands[i - 1].from);
    }
    for (int k = 0; k < 3; k++) {
        const pp_tolerance *t = &s->tolerance[k];
        const pp_pos *rep = &s->tolerance_repeat[k];
        if (rep->line)
            pp_error(d, rep->line, rep->col,
                     "second FasciaTolleranza for livello \"%s\" (the first is at line %d)",
                     pp_level_name((pp_level)(PP_LEVEL_STRATEGICO + k)), t->pos.line);
        if (t->set && 100 - t->tolerance < t->critical)
            pp_error(d, t->pos.line, t->pos.col,
                     "tolleranza %.10g and critico %.10g overlap: 100 - tolleranza must be at "
                     "least critico",
                     t->tolerance, t->critical);
    }
    for (int k = 0; k < 4; k++) {
        const pp_pos *rep = &s->plain_mean_repeat[k];
        if (rep->line)
            pp_error(d, rep->line, rep->col,
                     "second Aggregazione for livello \"%s\" (the first is at line %d)",
                     pp_level_name((pp_level)k), s->plain_mean_pos[k].line);
    }
    if (s->has_mix && (s->mix_operativi + s->mix_indicatori < 99.995 ||
                       s->mix_operativi + s->mix_indicatori > 100.005))
        pp_error(d, s->mix_pos.line, s->mix_pos.col,
                 "ComposizioneStrategica: operativi + indicatori is %.10g, not 100",
                 s->mix_operativi + s->mix_indicatori);
}

pp_status pp_check(pp_doc *doc, pp_diags *d)
{
    check_general(doc, d);
    check_smvp(doc, d);
    id_table ids = {0};
    if (!build_ids(doc, d, &ids)) return pp_diag_oom(d);
    check_refs(doc, &ids, d);
    free(ids.slots);
    if (doc->root) pp_check_tree(doc, d);
    pp_check_budgets(doc, d);
    pp_check_changes(doc, d);
    pp_check_people(doc, d);
    pp_check_monitoring(doc, d);
    pp_check_calendar(doc, d);
    pp_check_strategy(doc, d);
    pp_check_files(doc, d);
    return pp_diags_status(d, PP_OK);
}
