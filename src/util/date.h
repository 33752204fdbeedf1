/* Calendar dates (proleptic Gregorian), as the documents use them. */
#ifndef PP_DATE_H
#define PP_DATE_H

#include <stdbool.h>

typedef struct {
    int y, m, d; /* y == 0: no date */
} pp_date;

bool pp_date_valid(pp_date d);
/* "yyyy-mm-dd" exactly; false when malformed or not a real day. */
bool pp_date_parse_iso(const char *s, pp_date *out);
/* Days since 1970-01-01 (negative before). */
long pp_date_days(pp_date d);
/* Signed number of days from a to b. */
long pp_date_diff(pp_date a, pp_date b);
/* "dd/mm/yyyy" into buf (at least 11 bytes). */
void pp_date_format_it(pp_date d, char *buf);

#endif
