/* Arena allocation: many small blocks freed at once with their owner. */
#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE (64 * 1024)
#define MIN_BLOCK_SIZE 1024
#define ALIGN 16

typedef struct block {
    struct block *next;
    size_t used, size;
    _Alignas(ALIGN) unsigned char data[];
} block;

struct pp_arena {
    block *head;
    size_t block_size;
};

pp_arena *pp_arena_new_sized(size_t block_size)
{
    pp_arena *a = calloc(1, sizeof(pp_arena));
    if (a) a->block_size = block_size < MIN_BLOCK_SIZE ? MIN_BLOCK_SIZE : block_size;
    return a;
}

pp_arena *pp_arena_new(void) { return pp_arena_new_sized(BLOCK_SIZE); }

void pp_arena_free(pp_arena *a)
{
    if (!a) return;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

void *pp_arena_alloc(pp_arena *a, size_t size)
{
    size_t need = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (need < size) return NULL; /* overflow */
    block *b = a->head;
    if (!b || b->size - b->used < need) {
        size_t cap = need > a->block_size ? need : a->block_size;
        b = malloc(sizeof(block) + cap);
        if (!b) return NULL;
        b->used = 0;
        b->size = cap;
        /* A large block goes behind the current one, so the current one
         * keeps serving small allocations. */
        if (a->head && need > a->block_size) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = b->data + b->used;
    b->used += need;
    memset(p, 0, size);
    return p;
}

char *pp_arena_strndup(pp_arena *a, const char *s, size_t n)
{
    if (!s) return NULL;
    char *d = pp_arena_alloc(a, n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *pp_arena_strdup(pp_arena *a, const char *s)
{
    return s ? pp_arena_strndup(a, s, strlen(s)) : NULL;
}

char *pp_arena_printf(pp_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *d = pp_arena_alloc(a, (size_t)n + 1);
    if (!d) return NULL;
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}
