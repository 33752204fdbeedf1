/* The trend over the years: each node of a Relazione matched with the
 * node of the same level and code in each earlier Relazione. An earlier
 * document's coded nodes are sorted once (level, code, document order), so
 * matching a tree of N nodes against one of M costs N log M, not N x M
 * (a 10,000-indicator Relazione against its predecessor). */
#include "model.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const pp_node *node;
    size_t order; /* document order: of two nodes with one code, the first wins */
} entry;

typedef struct {
    entry *items;
    size_t n;
} index_of;

static bool count_coded(pp_node *n, void *ctx)
{
    if (n->code && n->level != PP_LEVEL_ENTE) ++*(size_t *)ctx;
    return true;
}

static bool add_coded(pp_node *n, void *ctx)
{
    index_of *x = ctx;
    if (n->code && n->level != PP_LEVEL_ENTE) {
        x->items[x->n] = (entry){n, x->n};
        x->n++;
    }
    return true;
}

static int compare_key(pp_level level, const char *code, const pp_node *b)
{
    if (level != b->level) return level < b->level ? -1 : 1;
    return strcmp(code, b->code);
}

static int compare_entries(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    int c = compare_key(a->node->level, a->node->code, b->node);
    return c ? c : a->order < b->order ? -1 : a->order > b->order;
}

/* The coded nodes of doc, sorted; false when out of memory. */
static bool build_index(const pp_doc *doc, index_of *x)
{
    size_t n = 0;
    x->items = NULL;
    x->n = 0;
    if (!doc->root) return true;
    pp_tree_walk(doc->root, count_coded, &n);
    if (n == 0) return true;
    x->items = malloc(n * sizeof *x->items);
    if (!x->items) return false;
    pp_tree_walk(doc->root, add_coded, x);
    qsort(x->items, x->n, sizeof *x->items, compare_entries);
    return true;
}

/* The first entry with n's level and code, or NULL. */
static const pp_node *find(const index_of *x, const pp_node *n)
{
    size_t lo = 0, hi = x->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_key(n->level, n->code, x->items[mid].node) > 0) lo = mid + 1;
        else hi = mid;
    }
    return lo < x->n && compare_key(n->level, n->code, x->items[lo].node) == 0
               ? x->items[lo].node
               : NULL;
}

typedef struct {
    pp_arena *arena;
    const pp_doc *const *prev;
    const index_of *indexes;
    size_t nprev;
} link_ctx;

static bool link_node(pp_node *n, void *ctx)
{
    link_ctx *l = ctx;
    n->past = pp_arena_alloc(l->arena, l->nprev * sizeof *n->past);
    if (!n->past) return false;
    for (size_t i = 0; i < l->nprev; i++)
        n->past[i] = n->level == PP_LEVEL_ENTE ? l->prev[i]->root
                     : n->code                 ? find(&l->indexes[i], n)
                                               : NULL;
    return true;
}

static bool clear_node(pp_node *n, void *ctx)
{
    (void)ctx;
    n->past = NULL;
    return true;
}

bool pp_doc_link_precedenti(pp_doc *doc, const pp_doc *const *prev, size_t n)
{
    doc->precedenti = NULL;
    doc->nprecedenti = 0;
    if (n == 0 || !doc->root) {
        if (doc->root) pp_tree_walk(doc->root, clear_node, NULL);
        return true;
    }
    index_of *indexes = calloc(n, sizeof *indexes);
    bool ok = indexes != NULL;
    for (size_t i = 0; ok && i < n; i++) ok = build_index(prev[i], &indexes[i]);
    link_ctx l = {doc->arena, prev, indexes, n};
    ok = ok && pp_tree_walk(doc->root, link_node, &l);
    for (size_t i = 0; indexes && i < n; i++) free(indexes[i].items);
    free(indexes);
    if (!ok) {
        pp_tree_walk(doc->root, clear_node, NULL);
        return false;
    }
    doc->precedenti = prev;
    doc->nprecedenti = n;
    return true;
}

typedef struct {
    size_t i, count;
} count_ctx;

static bool count_match(pp_node *n, void *ctx)
{
    count_ctx *c = ctx;
    if (n->level != PP_LEVEL_ENTE && n->past && n->past[c->i]) c->count++;
    return true;
}

size_t pp_doc_past_matches(const pp_doc *doc, size_t i)
{
    count_ctx c = {i, 0};
    if (doc->root && i < doc->nprecedenti) pp_tree_walk(doc->root, count_match, &c);
    return c.count;
}
