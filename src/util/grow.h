/* Growable arrays: the one place where a capacity is doubled.
 *
 *     if (!pp_grow(&list->items, &list->cap, list->n + 1, sizeof *list->items, 16))
 *         ... out of memory: the array is as it was ...
 *     list->items[list->n++] = x;
 *
 * items_ptr is the address of the array's pointer (a T **). It is taken as
 * void * and read and written with memcpy, because writing a T * through
 * a void ** is not allowed by C's aliasing rules. */
#ifndef PP_GROW_H
#define PP_GROW_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* Makes room for at least `need` elements of elem_size bytes in a
 * malloc'ed array (NULL with *cap 0 at first): the capacity starts at
 * `initial` and doubles. True when there is room; false when out of memory
 * or the size would overflow, and then *items_ptr and *cap are untouched. */
bool pp_grow(void *items_ptr, size_t *cap, size_t need, size_t elem_size, size_t initial);

/* The same for an array in an arena, which cannot be reallocated: a larger
 * one is allocated in a and the first `used` elements copied over (the old
 * one stays in the arena until the arena is freed). */
bool pp_grow_arena(pp_arena *a, void *items_ptr, size_t *cap, size_t used, size_t need,
                   size_t elem_size, size_t initial);

#endif
