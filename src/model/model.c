/* The document model's own functions: allocation, names of levels, operators
 * and units, the tree walk, and what "target met" means. */
#include "model.h"

#include <math.h>

#include <stdlib.h>

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
    static const char *sym[] = {"N.", "%", "€", "gg", "h", "fte", ""};
    return (unsigned)u < 7 ? sym[u] : "";
}

const char *pp_rule_name(pp_rule r)
{
    static const char *names[] = {"lineare", "soglia", "binaria"};
    return (unsigned)r < 3 ? names[r] : "?";
}

const pp_target *pp_indicator_target(const pp_indicator *ind, int year)
{
    for (size_t i = 0; i < ind->ntargets; i++)
        if (ind->targets[i].year == year) return &ind->targets[i];
    return NULL;
}

bool pp_tree_walk(pp_node *n, pp_visit_fn fn, void *ctx)
{
    if (!n) return true;
    if (!fn(n, ctx)) return false;
    for (size_t i = 0; i < n->nchildren; i++)
        if (!pp_tree_walk(n->children[i], fn, ctx)) return false;
    return true;
}

bool pp_nearly_equal(double a, double b)
{
    return fabs(a - b) <= 1e-9 * fmax(1.0, fmax(fabs(a), fabs(b)));
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
