/* Values as people type them in an Italian spreadsheet: numbers
 * ("1.234,56", "97,98 %", "-0,5"), dates ("30/06/2022"), target operators
 * (">=", "ge", "Entro") and units ("N.", "giorni"). The inverse of
 * numfmt.h, for reading CSV cells. */
#ifndef PP_PARSE_IT_H
#define PP_PARSE_IT_H

#include <stdbool.h>

#include "arena.h"
#include "date.h"
#include "model.h"

/* Which separators a file uses. IT: '.' groups thousands, ',' is the
 * decimal separator; C: '.' is the decimal separator and there is no
 * grouping. ANY: a comma makes it IT, else C unless the dots group
 * thousands ("1.234" is then 1234, as an Italian reader means it). */
typedef enum { PP_NUMSTYLE_ANY, PP_NUMSTYLE_IT, PP_NUMSTYLE_C } pp_numstyle;

typedef struct {
    double value;
    int decimals;   /* digits written after the decimal separator */
    bool percent;   /* written with a '%' */
    char text[64];  /* the same number as an xs:decimal: "-1234.56" */
} pp_number;

/* Parses a whole cell: blanks around, an optional sign (also U+2212), an
 * optional "€" before and one unit after ("%", "€", "N.", "gg", "h",
 * "fte", "giorni", "ore"). False when it is not a number in that style. */
bool pp_parse_number_it(const char *s, pp_numstyle style, pp_number *out);
/* The style a cell proves: IT for a decimal comma ("0,5"), C for a dot that
 * cannot group thousands ("1.8"), ANY when it proves nothing ("12",
 * "1.234", text). */
pp_numstyle pp_number_style(const char *s);

/* "30/06/2022", "1/7/22" (2000-2099), "30-06-2022", "30.06.2022",
 * "2022-06-30"; an optional time of day after it is ignored. Years outside
 * PP_DATE_YEAR_MIN-MAX are refused, as the document would refuse them. */
bool pp_parse_date_it(const char *s, pp_date *out);
/* For a cell pp_parse_date_it refused: "has a year out of range
 * (1900-2199)" when it is a date of a year a document cannot hold, else
 * NULL (it is not a date at all). */
const char *pp_date_it_problem(const char *s);
/* "yyyy-mm-dd" into buf (at least 11 bytes). */
void pp_date_format_iso(pp_date d, char *buf);

/* A whole cell naming an operator: ">=", "=>", "≥", "<=", "≤", "=", ">",
 * "<", "ge", "le", "eq", "gt", "lt", "entro" (any case). */
bool pp_parse_op_it(const char *s, pp_op *op);
/* An operator at the start of s ("Entro 30/06/2022", ">= 400"): on
 * success *rest points after it and its blanks. */
bool pp_parse_op_prefix(const char *s, pp_op *op, const char **rest);
/* The vocabulary's name of an operator: "ge", ..., "entro". */
const char *pp_op_name(pp_op op);
/* "N.", "N", "numero", "%", "€", "euro", "gg", "giorni", "h", "ore", "fte",
 * "data", "scadenza" (any case). */
bool pp_parse_unit_it(const char *s, pp_unit *u);

/* "N/D", "ND", "n.d.", "non disponibile" (any case): a value not available. */
bool pp_is_nd(const char *s);

/* Length of the blank (ASCII space, tab, CR, LF, U+00A0, U+202F) at s. */
size_t pp_blank_at(const char *s);
/* s without blanks at either end, copied into the arena; *out NULL when
 * nothing is left. False only when out of memory. */
bool pp_trim_copy(pp_arena *a, const char *s, const char **out);

#endif
