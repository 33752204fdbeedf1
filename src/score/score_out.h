/* The scored tree as text (for people), CSV and JSON (for programs). */
#ifndef PP_SCORE_OUT_H
#define PP_SCORE_OUT_H

#include <stdio.h>

#include "model.h"

typedef enum { PP_FORMAT_TEXT, PP_FORMAT_CSV, PP_FORMAT_JSON } pp_format;

bool pp_parse_format(const char *s, pp_format *f);
/* The fields `score --format json` writes for one node, without braces:
 * "id", "code", "level", "title", "parent", "weight", "effective_weight",
 * "actual", "achievement", "band", "overridden", "points_lost" (export adds
 * its own). */
void pp_json_node_fields(const pp_doc *doc, const pp_node *n, FILE *out);
/* Writes the scored tree; returns false on a write error. */
bool pp_write_scores(const pp_doc *doc, pp_format f, FILE *out);

#endif
