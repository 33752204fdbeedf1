/* The scored tree as text (for people), CSV and JSON (for programs). */
#ifndef PP_SCORE_OUT_H
#define PP_SCORE_OUT_H

#include <stdio.h>

#include "model.h"

typedef enum { PP_FORMAT_TEXT, PP_FORMAT_CSV, PP_FORMAT_JSON } pp_format;

bool pp_parse_format(const char *s, pp_format *f);
/* Writes the scored tree; returns false on a write error. */
bool pp_write_scores(const pp_doc *doc, pp_format f, FILE *out);

#endif
