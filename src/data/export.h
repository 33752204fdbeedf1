/* The scored document as open data (D.Lgs. 33/2013).
 *
 * CSV: one row per indicator with the columns of columns.h in their
 * order: what `import` reads (so an exported file imports back to the same
 * tree), then the computed scores of the indicator and of each objective
 * above it. JSON: the document, its bands and every node with the fields
 * of `score --format json` plus titles, targets, units and values. */
#ifndef PP_EXPORT_H
#define PP_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "model.h"

typedef enum {
    PP_EXPORT_CSV,    /* RFC 4180: ',' CRLF, '.' decimals, ISO dates, no BOM */
    PP_EXPORT_CSV_IT, /* for Excel / Calc in Italian: BOM, ';', ',' decimals, dd/mm/yyyy */
    PP_EXPORT_JSON
} pp_export_format;

bool pp_parse_export_format(const char *s, pp_export_format *f);
/* doc must be scored (pp_score); false on a write error. */
bool pp_export(const pp_doc *doc, pp_export_format f, FILE *out);

/* Parts, in export_csv.c and export_json.c. */
bool pp_export_csv(const pp_doc *doc, bool italian, FILE *out);
bool pp_export_json(const pp_doc *doc, FILE *out);

#endif
