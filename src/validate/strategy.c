/* The data of the strategy map: the perspectives of a Classificazione (no
 * one twice), the Classificazione of an area (only prospettiva and
 * risorse mean something there) and the cause-effect links between
 * strategic objectives (not to itself, not twice; that verso names a
 * strategic objective is checked with the other references, check.c). */
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

bool pp_link_skipped(const pp_node *n, size_t i)
{
    const char *to = n->links[i];
    if (!to || (n->id && strcmp(to, n->id) == 0)) return true;
    for (size_t j = 0; j < i; j++)
        if (n->links[j] && strcmp(n->links[j], to) == 0) return true;
    return false;
}

static void check_links(const pp_node *n, pp_diags *d)
{
    for (size_t i = 0; i < n->nlinks; i++) {
        const char *to = n->links[i];
        pp_pos p = n->link_pos[i];
        if (!to) continue; /* verso missing: the schema says so */
        if (n->id && strcmp(to, n->id) == 0) {
            pp_error(d, p.line, p.col,
                     "Collegamento verso='%s' is the objective itself: a link goes to another "
                     "strategic objective",
                     to);
            continue;
        }
        for (size_t j = 0; j < i; j++)
            if (n->links[j] && strcmp(n->links[j], to) == 0) {
                pp_error(d, p.line, p.col,
                         "second Collegamento verso='%s' in objective '%s' (the first is at "
                         "line %d)",
                         to, n->id ? n->id : "", n->link_pos[j].line);
                break;
            }
    }
}

static bool check_node(pp_node *n, void *ctx)
{
    pp_diags *d = ctx;
    if (n->has_class) check_perspectives(&n->cls, d);
    if (n->has_class && n->level == PP_LEVEL_AMBITO) check_area_class(n, d);
    if (n->level == PP_LEVEL_STRATEGICO) check_links(n, d);
    return true;
}

void pp_check_strategy(pp_doc *doc, pp_diags *d)
{
    if (doc->root) pp_tree_walk(doc->root, check_node, d);
}
