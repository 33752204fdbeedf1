/* Writers of open-data formats, shared by `score` and `export`: JSON
 * strings and numbers, RFC 4180 CSV fields. Numbers are "C" numbers
 * (numfmt.h pp_fmt_data) unless said otherwise. */
#ifndef PP_DATAWRITE_H
#define PP_DATAWRITE_H

#include <stdbool.h>
#include <stdio.h>

/* A JSON string ("null" for NULL). */
void pp_json_string(FILE *out, const char *s);
/* A JSON number ("null" when !present or not finite). */
void pp_json_number(FILE *out, bool present, double v);
/* A CSV field: quoted when it holds the delimiter, a quote or a line end;
 * nothing for NULL. */
void pp_csv_write_field(FILE *out, const char *s, char delimiter);
/* A number for a CSV cell, nothing when !present; `comma`: with a decimal
 * comma, as an Italian spreadsheet reads it ("1234,5"). */
void pp_csv_write_number(FILE *out, bool present, double v, bool comma);

#endif
