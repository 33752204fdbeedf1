/* Growable arrays: capacity doubling with overflow checks, for malloc'ed
 * and arena arrays, so that no caller repeats the arithmetic. */
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The capacity to grow to: initial, doubled until need fits; 0 when the
 * byte size would not fit in a size_t. */
static size_t next_cap(size_t cap, size_t need, size_t elem_size, size_t initial)
{
    size_t n = cap ? cap : initial ? initial : 1;
    while (n < need) {
        if (n > SIZE_MAX / 2) return 0;
        n *= 2;
    }
    return elem_size && n > SIZE_MAX / elem_size ? 0 : n;
}

bool pp_grow(void *items_ptr, size_t *cap, size_t need, size_t elem_size, size_t initial)
{
    if (need <= *cap) return true;
    size_t n = next_cap(*cap, need, elem_size, initial);
    if (!n) return false;
    void *old;
    memcpy(&old, items_ptr, sizeof old);
    void *items = realloc(old, n * elem_size);
    if (!items) return false;
    memcpy(items_ptr, &items, sizeof items);
    *cap = n;
    return true;
}

bool pp_grow_arena(pp_arena *a, void *items_ptr, size_t *cap, size_t used, size_t need,
                   size_t elem_size, size_t initial)
{
    if (need <= *cap) return true;
    size_t n = next_cap(*cap, need, elem_size, initial);
    if (!n) return false;
    void *items = pp_arena_alloc(a, n * elem_size);
    if (!items) return false;
    void *old;
    memcpy(&old, items_ptr, sizeof old);
    if (used) memcpy(items, old, used * elem_size);
    memcpy(items_ptr, &items, sizeof items);
    *cap = n;
    return true;
}
