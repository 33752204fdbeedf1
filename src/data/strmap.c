/* A small string -> pointer hash map in an arena, for codes and ids met
 * while importing and merging. */
#include "strmap.h"

#include <stdint.h>
#include <string.h>

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

bool pp_strmap_init(pp_strmap *m, pp_arena *a, size_t max_entries)
{
    size_t cap = 16;
    while (cap < 2 * max_entries + 1) {
        if (cap > SIZE_MAX / 4 / sizeof *m->slots) return false;
        cap *= 2;
    }
    m->slots = pp_arena_alloc(a, cap * sizeof *m->slots);
    m->cap = cap;
    m->count = 0;
    m->max = max_entries;
    return m->slots != NULL;
}

/* At most half full, so the probe always ends on the key or a hole. */
static pp_strmap_slot *find(const pp_strmap *m, const char *key)
{
    for (size_t i = hash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1))
        if (!m->slots[i].key || strcmp(m->slots[i].key, key) == 0) return &m->slots[i];
}

void *pp_strmap_get(const pp_strmap *m, const char *key)
{
    if (!m->slots) return NULL;
    pp_strmap_slot *s = find(m, key);
    return s->key ? s->value : NULL;
}

pp_strmap_slot *pp_strmap_put(pp_strmap *m, const char *key)
{
    if (!m->slots) return NULL;
    pp_strmap_slot *s = find(m, key);
    if (s->key) return s;
    if (m->count == m->max) return NULL;
    s->key = key;
    s->value = NULL;
    m->count++;
    return s;
}
