/* Shared by merge.c (the CSV side) and merge_tree.c (the XML side). */
#ifndef PP_MERGE_INTERNAL_H
#define PP_MERGE_INTERNAL_H

#include <libxml/tree.h>

#include "columns.h"
#include "merge.h"
#include "parse_it.h"
#include "strmap.h"
#include "xmlsafe.h"

/* An indicator of the plan and what the CSV says of it. */
typedef struct {
    xmlNode *el; /* <Indicatore> */
    const char *id, *code;
    bool has_unit;
    pp_unit unit;
    bool had_actual, had_override; /* in the plan already */
    int code_twin_line;            /* another indicator with this code, 0 none */
    int row;                       /* the CSV row that gave its value, 0 none */
    pp_actual_kind kind;           /* the value to write */
    pp_number value;
    pp_date date;
    const char *reason;
    bool set_override;
    pp_number override;
    const char *override_reason;
} mind;

typedef struct {
    const pp_merge_opts *o;
    pp_merge_report *rep;
    pp_arena *a;
    pp_diags *plan_d, *csv_d;
    pp_xmldoc x;
    pp_csv *csv;
    pp_header h;
    pp_numstyle style;
    mind *inds;
    size_t n, cap;
    pp_strmap by_id, by_code;
    bool oom;
} merger;

/* merge_tree.c */
bool mg_collect(merger *M);            /* the plan's indicators */
void mg_apply(merger *M, mind *t);     /* writes the values of one indicator */
void mg_missing(merger *M, mind *t);   /* one left without a value */
void mg_make_relazione(merger *M);     /* Tipo, Titolo */

#endif
