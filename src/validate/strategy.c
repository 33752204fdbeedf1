/* The data of the strategy map: the perspectives of a Classificazione (no
 * one twice), the Classificazione of an area (only prospettiva and
 * risorse mean something there) and the cause-effect links between
 * strategic objectives (not to itself, not twice; that verso names a
 * strategic objective is checked with the other references, check.c). */
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void check_perspectives(const pp_class *k, pp_diags *d)
{
    for (size_t i = 1; i < k->nperspectives; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(k->perspectives[i], k->perspectives[j]) == 0) {
                pp_error(d, k->pos.line, k->pos.col,
                         "prospettiva names '%s' twice", k->perspectives[i]);
                break;
            }
}

/* An area is no objective: it has no missione, unit or manager of its
 * own; what a document writes there would be printed nowhere. */
static void check_area_class(const pp_node *n, pp_diags *d)
{
    const pp_class *k = &n->cls;
    const char *written[6];
    size_t nw = 0;
    if (k->missione) written[nw++] = "missione";
    if (k->programma) written[nw++] = "programma";
    if (k->cofog) written[nw++] = "cofog";
    if (k->tipo) written[nw++] = "tipo";
    if (k->unit_ref) written[nw++] = "unita";
    if (k->manager_ref) written[nw++] = "responsabile";
    for (size_t i = 0; i < nw; i++)
        pp_error(d, k->pos.line, k->pos.col,
                 "the Classificazione of an area (Ambito '%s') takes only prospettiva and "
                 "risorse, not %s",
                 n->id ? n->id : "", written[i]);
    if (k->has_gender)
        pp_error(d, k->pos.line, k->pos.col,
                 "the Classificazione of an area (Ambito '%s') takes only prospettiva and "
                 "risorse, not genere",
                 n->id ? n->id : "");
}

bool pp_link_to_itself(const pp_node *n, size_t i)
{
    return n->links[i] && n->id && strcmp(n->links[i], n->id) == 0;
}

/* A link and where it is written, sorted by id and then by place: a
 * repeated id is found in n log n (an objective may be written with any
 * number of links). */
typedef struct {
    const char *id;
    size_t i;
} link_ref;

static int by_id(const void *a, const void *b)
{
    const link_ref *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* A link to itself; a link repeated (reported at the second and later,
 * and not drawn: the map shows one arrow). */
static void check_links(pp_node *n, pp_diags *d)
{
    link_ref *order = malloc(n->nlinks * sizeof *order);
    size_t m = 0;
    if (!order) {
        pp_diag_oom(d);
        return;
    }
    for (size_t i = 0; i < n->nlinks; i++) {
        if (!n->links[i]) continue; /* verso missing: the schema says so */
        if (pp_link_to_itself(n, i))
            pp_error(d, n->link_pos[i].line, n->link_pos[i].col,
                     "Collegamento verso='%s' is the objective itself: a link goes to another "
                     "strategic objective",
                     n->links[i]);
        else
            order[m++] = (link_ref){n->links[i], i};
    }
    qsort(order, m, sizeof *order, by_id);
    for (size_t k = 1; k < m; k++) {
        size_t first = order[k - 1].i, i = order[k].i;
        if (strcmp(order[k - 1].id, order[k].id) != 0) continue;
        order[k].i = first; /* the first of the run stays the one named */
        pp_error(d, n->link_pos[i].line, n->link_pos[i].col,
                 "Collegamento verso='%s' repeats the one at line %d in objective '%s'",
                 n->links[i], n->link_pos[first].line, n->id ? n->id : "");
        n->link_nodes[i] = NULL;
    }
    free(order);
}

static bool check_node(pp_node *n, void *ctx)
{
    pp_diags *d = ctx;
    if (n->has_class) check_perspectives(&n->cls, d);
    if (n->has_class && n->level == PP_LEVEL_AMBITO) check_area_class(n, d);
    if (n->level == PP_LEVEL_STRATEGICO && n->nlinks) check_links(n, d);
    return true;
}

void pp_check_strategy(pp_doc *doc, pp_diags *d)
{
    if (doc->root) pp_tree_walk(doc->root, check_node, d);
}
