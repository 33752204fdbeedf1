/* Measured values (consuntivi) from a CSV into a Piano, which becomes a
 * Relazione. The plan's own XML tree is edited, so the file keeps its
 * order, comments and formatting; only Consuntivo (and, when the CSV has
 * them, RaggiungimentoAttribuito) elements, Tipo and Titolo change.
 * Targets are never touched.
 *
 * The CSV names each indicator by indicatore_id or indicatore_codice (a
 * code used twice in the plan is an error for that row) and gives
 * consuntivo: a number, a date for deadlines, or N/D with motivo_nd. */
#ifndef PP_MERGE_H
#define PP_MERGE_H

#include <stddef.h>

#include "diag.h"

typedef enum {
    PP_MISSING_ERROR, /* an indicator left without a value is an error */
    PP_MISSING_ND     /* ... becomes N/D with nd_reason (a warning) */
} pp_missing;

typedef struct {
    const char *plan_path, *values_path;
    pp_missing missing;
    const char *nd_reason; /* NULL: "Consuntivo non pervenuto" */
    const char *title;     /* NULL: a title starting "Piano" becomes
                              "Relazione sulla performance YEAR" */
} pp_merge_opts;

typedef struct {
    size_t filled;   /* indicators that got a value */
    size_t unknown;  /* CSV rows naming no indicator of the plan */
    size_t missing;  /* indicators left without a value */
    char *title;     /* the Relazione's title (malloc'ed: pp_merge_report_clear) */
} pp_merge_report;

/* Frees what the report holds: call it after every pp_merge, whatever it
 * returned. */
void pp_merge_report_clear(pp_merge_report *r);

/* On PP_OK *xml is the Relazione (malloc'ed, validated). Problems of the
 * plan and of the result go to plan_d (plan positions), those of the
 * CSV to csv_d (row, column). */
pp_status pp_merge(const pp_merge_opts *o, pp_diags *plan_d, pp_diags *csv_d, char **xml,
                   size_t *len, pp_merge_report *rep);

#endif
