/* A string -> pointer map for the data commands (ids, codes, rows),
 * sized once for a known number of entries: linear, no rehashing, and
 * every slot in the caller's arena. Keys are not copied: they must live
 * as long as the map. */
#ifndef PP_STRMAP_H
#define PP_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

typedef struct {
    const char *key;
    void *value;
} pp_strmap_slot;

typedef struct {
    pp_strmap_slot *slots;
    size_t cap, count, max;
} pp_strmap;

/* Room for max_entries; false when out of memory. */
bool pp_strmap_init(pp_strmap *m, pp_arena *a, size_t max_entries);
/* The value of key, NULL when absent. */
void *pp_strmap_get(const pp_strmap *m, const char *key);
/* The slot of key, made (value NULL) when absent; NULL when the map
 * already holds max_entries keys. */
pp_strmap_slot *pp_strmap_put(pp_strmap *m, const char *key);

#endif
