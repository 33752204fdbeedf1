/* The document model's own functions: allocation, names of levels, operators
 * and units, the tree walk, and what "target met" means. */
#include "model.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

pp_doc *pp_doc_new(void)
{
    /* The model is built while the XML tree is freed, element by element
     * (pp_load_consume): small blocks fit in the holes the tree leaves,
     * instead of new memory on top of it (validate of a 20 MB plan: 243 ->
     * 223 MB). */
    pp_arena *a = pp_arena_new_sized(4 * 1024);
    if (!a) return NULL;
    pp_doc *doc = pp_arena_alloc(a, sizeof *doc);
    if (!doc) {
        pp_arena_free(a);
        return NULL;
    }
    doc->arena = a;
    return doc;
}

void pp_doc_free(pp_doc *doc)
{
    if (doc) pp_arena_free(doc->arena); /* doc itself lives in the arena */
}

const char *pp_level_name(pp_level l)
{
    static const char *names[] = {"ente", "ambito", "strategico", "operativo", "indicatore"};
    return (unsigned)l < 5 ? names[l] : "?";
}

const char *pp_op_symbol(pp_op op)
{
    static const char *sym[] = {">=", "<=", "=", ">", "<", "Entro"};
    return (unsigned)op < 6 ? sym[op] : "?";
}

const char *pp_unit_symbol(pp_unit u)
{
    static const char *sym[] = {"N.", "%", "€", "gg", "h", "fte", "", ""};
    return (unsigned)u < 8 ? sym[u] : "";
}

const char *pp_rule_name(pp_rule r)
{
    static const char *names[] = {"lineare", "soglia", "binaria"};
    return (unsigned)r < 3 ? names[r] : "?";
}

const pp_node *pp_individual_node(const pp_individual *io)
{
    return io->own ? io->own : io->objective;
}

bool pp_person_kind_parse(const char *s, pp_person_kind *k)
{
    static const char *const names[] = {"segretario", "dirigente", "po", "dipendente"};
    for (size_t i = 0; s && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i]) == 0) {
            *k = (pp_person_kind)(PP_PERSON_SEGRETARIO + i);
            return true;
        }
    return false;
}

bool pp_node_names_unit(const pp_node *n, const char *unit_id)
{
    if (!n->has_class || !unit_id) return false;
    for (size_t i = 0; i < n->cls.nunit_refs; i++)
        if (strcmp(n->cls.unit_refs[i], unit_id) == 0) return true;
    return false;
}

const pp_change *pp_node_removal(const pp_node *n)
{
    for (size_t i = 0; n && i < n->nchanges; i++)
        if (n->changes[i].kind == PP_CHANGE_REMOVAL) return &n->changes[i];
    return NULL;
}

bool pp_node_dropped(const pp_node *n)
{
    for (; n; n = n->parent) {
        const pp_change *r = pp_node_removal(n);
        if (r && !r->counted) return true;
    }
    return false;
}

const pp_target *pp_indicator_target(const pp_indicator *ind, int year)
{
    for (size_t i = 0; i < ind->ntargets; i++)
        if (ind->targets[i].year == year) return &ind->targets[i];
    return NULL;
}

const pp_soglia *pp_indicator_soglia(const pp_indicator *ind, int year)
{
    const pp_soglia *every = NULL;
    for (size_t i = 0; i < ind->nsoglie; i++) {
        if (ind->soglie[i].year == year && year) return &ind->soglie[i];
        if (ind->soglie[i].year == 0 && !every) every = &ind->soglie[i];
    }
    return every;
}

static bool not_measured(const pp_node *n)
{
    if (n->level != PP_LEVEL_STRATEGICO && n->level != PP_LEVEL_OPERATIVO) return false;
    if (n->declared_not_measured) return true;
    if (n->nchildren == 0) return false; /* an empty objective is an error, not this */
    for (size_t i = 0; i < n->nchildren; i++) {
        const pp_node *c = n->children[i];
        /* only a weight written as 0 says "not counted": an absent one
         * (plain mean) or an unusable one does not */
        if (!(c->weight_written && c->weight == 0) && !c->unmeasured) return false;
    }
    return true;
}

void pp_node_mark_not_measured(pp_node *n) { n->unmeasured = not_measured(n); }

bool pp_objective_not_measured(const pp_node *n) { return n->unmeasured; }

bool pp_tree_walk(pp_node *n, pp_visit_fn fn, void *ctx)
{
    if (!n) return true;
    if (!fn(n, ctx)) return false;
    for (size_t i = 0; i < n->nchildren; i++)
        if (!pp_tree_walk(n->children[i], fn, ctx)) return false;
    return true;
}

/* Equal within the rounding of a few operations (4 units of roundoff of
 * the larger magnitude): 0.1 + 0.2 is 0.3, 3 / 10 * 100 is 30, but two
 * values written with up to 15 significant digits that differ on paper
 * are at least 7.8e-16 apart relatively, and stay different. Relative
 * only: at 1e-12 and at 1e15 alike, and 0 equals only 0. */
bool pp_nearly_equal(double a, double b)
{
    if (a == b) return true;
    return fabs(a - b) <= 2 * DBL_EPSILON * fmax(fabs(a), fabs(b));
}

bool pp_target_met(pp_op op, double a, double t)
{
    bool eq = pp_nearly_equal(a, t);
    switch (op) {
    case PP_OP_GE: return eq || a > t;
    case PP_OP_LE: return eq || a < t;
    case PP_OP_EQ: return eq;
    case PP_OP_GT: return !eq && a > t;
    case PP_OP_LT: return !eq && a < t;
    case PP_OP_ENTRO: return false;
    }
    return false;
}

char *pp_doc_file_path(const pp_doc *doc, const char *file)
{
    const char *slash = doc->path ? strrchr(doc->path, '/') : NULL;
    size_t dir = file[0] == '/' || !slash ? 0 : (size_t)(slash - doc->path) + 1;
    char *s = malloc(dir + strlen(file) + 1);
    if (!s) return NULL;
    memcpy(s, doc->path ? doc->path : "", dir);
    strcpy(s + dir, file);
    return s;
}

static bool section_files(const pp_doc *doc, const pp_section *s, pp_file_fn fn, void *ctx)
{
    for (size_t i = 0; s && i < s->nblocks; i++) {
        const pp_block *b = &s->blocks[i];
        if (b->kind == PP_BLOCK_IMAGE && b->file && !fn(doc, b->file, b->pos, ctx)) return false;
        if (b->kind == PP_BLOCK_SECTION && !section_files(doc, b->section, fn, ctx)) return false;
    }
    return true;
}

bool pp_doc_each_file(const pp_doc *doc, pp_file_fn fn, void *ctx)
{
    if (doc->logo_file && !fn(doc, doc->logo_file, doc->logo_pos, ctx)) return false;
    for (size_t i = 0; i < doc->nsections; i++)
        if (!section_files(doc, &doc->sections[i], fn, ctx)) return false;
    return true;
}
