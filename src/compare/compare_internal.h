/* What the files of the compare stage share. */
#ifndef PP_COMPARE_INTERNAL_H
#define PP_COMPARE_INTERNAL_H

#include "compare.h"

/* The nodes of one document in document order (the ente left out), and
 * for each its partner in the other document (NULL: unmatched). */
typedef struct {
    const pp_node *node;
    size_t index;
} cmp_place;

typedef struct {
    const pp_node **nodes;
    const pp_node **partner;
    size_t count;
    cmp_place *places; /* for cmp_partner */
} cmp_side;

/* Collects the nodes of both trees and matches them level by level: by
 * id, then the rest by code, then the rest by normalised title. False
 * when out of memory (buffers are malloc'ed: cmp_side_free). */
bool cmp_match(const pp_doc *piano, const pp_doc *rel, cmp_side *p, cmp_side *r);
void cmp_side_free(cmp_side *s);
/* The partner of n, one of the nodes of side s (NULL: unmatched). */
const pp_node *cmp_partner(const cmp_side *s, const pp_node *n);
/* Titles equal but for case and blanks. */
bool cmp_same_text(const char *a, const char *b);

/* The differences of one matched pair, appended to out (values.c).
 * False when out of memory. */
typedef struct {
    pp_arena *arena;
    const pp_doc *piano, *rel;
    const cmp_side *pside, *rside;
    pp_compare_result *out;
    size_t cap;
} cmp_ctx;

pp_difference *cmp_add(cmp_ctx *c, pp_diff_kind kind, const pp_node *p, const pp_node *r);
bool cmp_pair(cmp_ctx *c, const pp_node *p, const pp_node *r);

#endif
