/* Helpers shared by the loader's files (load.c, load_text.c). */
#ifndef PP_LOAD_INTERNAL_H
#define PP_LOAD_INTERNAL_H

#include <libxml/tree.h>

#include "load.h"
#include "numfmt.h"

typedef struct {
    pp_doc *doc;
    pp_arena *a;
    pp_diags *d; /* values that are written but unusable (load_value.c) */
    bool oom;
    bool consume; /* free each element of a list once it is loaded */
} loader;

/* First / next child element named `name` in our namespace (any when
 * NULL): the loader reads nothing else, so the namespace is fixed here. */
static inline xmlNode *ld_first(const xmlNode *parent, const char *name)
{
    return pp_xml_first(parent, PP_NS, name);
}
static inline xmlNode *ld_next(const xmlNode *after, const char *name)
{
    return pp_xml_next(after, PP_NS, name);
}
static inline size_t ld_count(const xmlNode *parent, const char *name)
{
    return pp_xml_count(parent, PP_NS, name);
}
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
/* <Calendario> (load_calendar.c); nothing when cal is NULL. */
void ld_calendar(loader *L, const xmlNode *cal);

/* ---- scalar values (load_value.c) ------------------------------------------
 * Each reads attribute `attr` of n (n's own text when attr is NULL; nothing
 * when n is NULL). LD_BAD: it is written but unusable, and an error at n
 * says why (unless the schema said it already); the output is untouched. */
typedef enum { LD_ABSENT, LD_OK, LD_BAD } ld_read;

/* xs:decimal; *decimals (may be NULL): digits after the point. */
ld_read ld_number(loader *L, const xmlNode *n, const char *attr, double *v, int *decimals);
/* The same for a value compared with others (target, soglia, consuntivo):
 * a warning when it has more significant digits than can be told apart. */
ld_read ld_scored_number(loader *L, const xmlNode *n, const char *attr, double *v,
                         int *decimals);
/* A whole number from min to max. */
ld_read ld_int(loader *L, const xmlNode *n, const char *attr, int min, int max, int *out);
/* A date: yyyy-mm-dd, a real day, years PP_DATE_YEAR_MIN-MAX, no time zone. */
ld_read ld_date(loader *L, const xmlNode *n, const char *attr, pp_date *d);
/* xs:boolean. */
ld_read ld_bool(loader *L, const xmlNode *n, const char *attr, bool *b);
/* The error for a value of n (attr NULL: its text) that cannot be used. */
void ld_bad_value(loader *L, const xmlNode *n, const char *attr, const char *value,
                  const char *why);

#endif
