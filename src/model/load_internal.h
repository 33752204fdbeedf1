/* Helpers shared by the loader's files (load.c, load_text.c). */
#ifndef PP_LOAD_INTERNAL_H
#define PP_LOAD_INTERNAL_H

#include <libxml/tree.h>

#include "load.h"
#include "numfmt.h"

typedef struct {
    pp_doc *doc;
    pp_arena *a;
    bool oom;
    bool consume; /* free each element of a list once it is loaded */
} loader;

/* First / next child element named `name` in our namespace (any when NULL). */
xmlNode *ld_first(const xmlNode *parent, const char *name);
xmlNode *ld_next(const xmlNode *after, const char *name);
size_t ld_count(const xmlNode *parent, const char *name);
/* The next sibling named `name` after c (any when NULL), c itself freed
 * when the loader consumes the tree: for loops over the elements of a
 * list, so that the tree shrinks as the model grows. */
xmlNode *ld_done(loader *L, xmlNode *c, const char *name);
/* Attribute value copied to the arena, NULL when absent. */
const char *ld_attr(loader *L, const xmlNode *n, const char *name);
/* Text content, whitespace collapsed and trimmed; NULL when n is NULL. */
const char *ld_text(loader *L, const xmlNode *n);
/* Text of the first child named `name`. */
const char *ld_child_text(loader *L, const xmlNode *parent, const char *name);
pp_pos ld_pos(const xmlNode *n);
/* Array of `count` zeroed elements in the arena. */
void *ld_array(loader *L, size_t count, size_t size);
/* Collapses runs of white space into one space (in place); returns s. */
char *ld_collapse(char *s, bool trim);

void ld_sections(loader *L, const xmlNode *testi);

#endif
