/* Matching the nodes of the Piano and the Relazione: by id, else by code,
 * else by title, always within one level (an indicator never matches an
 * objective). Each key is looked up in a sorted index, so that a 10,000
 * indicator pair is matched in n log n, not n². */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compare_internal.h"

typedef struct {
    pp_level level;
    const char *key;
    size_t index; /* in document order: the first unmatched wins ties */
} entry;

typedef enum { KEY_ID, KEY_CODE, KEY_TITLE } key_kind;

static const char *skip_blanks(const char *s)
{
    while (isspace((unsigned char)*s)) s++;
    return s;
}

/* The next character of *s as compared: lower case, a run of blanks as
 * one ' ' (none at the end), 0 at the end. */
static int next_char(const char **s)
{
    const char *p = *s;
    if (isspace((unsigned char)*p)) {
        *s = skip_blanks(p);
        return **s ? ' ' : 0;
    }
    if (!*p) return 0;
    *s = p + 1;
    return tolower((unsigned char)*p);
}

/* Compares two texts ignoring ASCII case and runs of blanks. */
static int text_cmp(const char *a, const char *b)
{
    a = skip_blanks(a);
    b = skip_blanks(b);
    for (;;) {
        int ca = next_char(&a), cb = next_char(&b);
        if (ca != cb) return ca - cb;
        if (!ca) return 0;
    }
}

bool cmp_same_text(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return text_cmp(a, b) == 0;
}

static int entry_cmp(const void *x, const void *y)
{
    const entry *a = x, *b = y;
    if (a->level != b->level) return a->level < b->level ? -1 : 1;
    int c = text_cmp(a->key, b->key);
    if (c) return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

static const char *key_of(const pp_node *n, key_kind k)
{
    return k == KEY_ID ? n->id : k == KEY_CODE ? n->code : n->title;
}

typedef struct {
    cmp_side *s;
    size_t cap;
    bool ok;
} collect_ctx;

static bool collect(pp_node *n, void *ctx)
{
    collect_ctx *c = ctx;
    if (n->level == PP_LEVEL_ENTE) return true;
    if (c->s->count == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        const pp_node **nodes = realloc(c->s->nodes, cap * sizeof *nodes);
        if (!nodes) return c->ok = false;
        c->s->nodes = nodes;
        c->cap = cap;
    }
    c->s->nodes[c->s->count++] = n;
    return true;
}

static bool collect_side(const pp_doc *doc, cmp_side *s)
{
    *s = (cmp_side){0};
    collect_ctx c = {s, 0, true};
    /* the walk wants a mutable node; nothing here changes it */
    if (doc->root) pp_tree_walk((pp_node *)doc->root, collect, &c);
    if (!c.ok) return false;
    s->partner = calloc(s->count ? s->count : 1, sizeof *s->partner);
    return s->partner != NULL;
}

/* The first entry at or after i not yet taken in this pass: next[i] is
 * the next one to try (i itself when free), followed with path halving,
 * so that many nodes with the same key ("Indicatore" ten thousand times)
 * stay n log n rather than n². */
static size_t first_free(size_t *next, size_t i)
{
    while (next[i] != i) {
        next[i] = next[next[i]];
        i = next[i];
    }
    return i;
}

/* One pass: every unmatched node of r whose key is that of an unmatched
 * node of p (the first in p's order) is matched to it. */
static bool match_by(cmp_side *p, cmp_side *r, key_kind k)
{
    entry *idx = malloc((p->count ? p->count : 1) * sizeof *idx);
    size_t *next = malloc((p->count + 1) * sizeof *next);
    if (!idx || !next) {
        free(idx);
        free(next);
        return false;
    }
    size_t n = 0;
    for (size_t i = 0; i < p->count; i++) {
        const char *key = key_of(p->nodes[i], k);
        if (!p->partner[i] && key) idx[n++] = (entry){p->nodes[i]->level, key, i};
    }
    qsort(idx, n, sizeof *idx, entry_cmp);
    for (size_t i = 0; i <= n; i++) next[i] = i; /* next[n]: past the end, always free */
    for (size_t i = 0; i < r->count; i++) {
        const char *key = key_of(r->nodes[i], k);
        if (r->partner[i] || !key) continue;
        /* lower bound of (level, key), then the first still free */
        entry probe = {r->nodes[i]->level, key, 0};
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (entry_cmp(&idx[mid], &probe) < 0) lo = mid + 1;
            else hi = mid;
        }
        lo = first_free(next, lo);
        if (lo == n || idx[lo].level != probe.level || text_cmp(idx[lo].key, key) != 0) continue;
        p->partner[idx[lo].index] = r->nodes[i];
        r->partner[i] = p->nodes[idx[lo].index];
        next[lo] = lo + 1;
    }
    free(idx);
    free(next);
    return true;
}

static int place_cmp(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t)((const cmp_place *)x)->node;
    uintptr_t b = (uintptr_t)((const cmp_place *)y)->node;
    return a < b ? -1 : a > b;
}

/* The places sorted by address: only a lookup, so the order of addresses
 * never shows in the output. */
static bool index_places(cmp_side *s)
{
    s->places = malloc((s->count ? s->count : 1) * sizeof *s->places);
    if (!s->places) return false;
    for (size_t i = 0; i < s->count; i++) s->places[i] = (cmp_place){s->nodes[i], i};
    qsort(s->places, s->count, sizeof *s->places, place_cmp);
    return true;
}

bool cmp_match(const pp_doc *piano, const pp_doc *rel, cmp_side *p, cmp_side *r)
{
    *r = (cmp_side){0};
    if (!collect_side(piano, p) || !collect_side(rel, r)) return false;
    return match_by(p, r, KEY_ID) && match_by(p, r, KEY_CODE) && match_by(p, r, KEY_TITLE) &&
           index_places(p) && index_places(r);
}

void cmp_side_free(cmp_side *s)
{
    free(s->nodes);
    free(s->partner);
    free(s->places);
    *s = (cmp_side){0};
}

const pp_node *cmp_partner(const cmp_side *s, const pp_node *n)
{
    cmp_place probe = {n, 0};
    const cmp_place *hit = bsearch(&probe, s->places, s->count, sizeof *s->places, place_cmp);
    return hit ? s->partner[hit->index] : NULL;
}
