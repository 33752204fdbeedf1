/* Arena allocator: the model of one document is allocated here and freed
 * in one call, so every allocation has one owner (the arena) and no path
 * can leak a piece of the tree. */
#ifndef PP_ARENA_H
#define PP_ARENA_H

#include <stddef.h>

typedef struct pp_arena pp_arena;

pp_arena *pp_arena_new(void); /* blocks of 64 KB */
/* Blocks of about block_size bytes: small blocks reuse the holes that
 * freed memory leaves (the model, built as the XML tree is freed). */
pp_arena *pp_arena_new_sized(size_t block_size);
void pp_arena_free(pp_arena *a);

/* Zeroed memory, aligned for any type; NULL only when out of memory. */
void *pp_arena_alloc(pp_arena *a, size_t size);
/* Copy of s (NULL stays NULL). */
char *pp_arena_strdup(pp_arena *a, const char *s);
char *pp_arena_strndup(pp_arena *a, const char *s, size_t n);
/* printf into the arena. */
char *pp_arena_printf(pp_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
