/* Calendar dates (proleptic Gregorian), as the documents use them. */
#ifndef PP_DATE_H
#define PP_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int y, m, d; /* y == 0: no date */
} pp_date;

/* The years a document's dates may fall in. Plans and reports are about
 * the years 1990-2199 (the schema's Anno); a few years more below leave
 * room for old deliberations. Outside this range a date is a typing
 * error, and refused: it would print and compute as nonsense. */
#define PP_DATE_YEAR_MIN 1900
#define PP_DATE_YEAR_MAX 2199

/* A real day of a year in the range above. */
bool pp_date_valid(pp_date d);

/* What is wrong with a written date, for a message that says it. */
typedef enum {
    PP_DATE_OK,
    PP_DATE_MALFORMED, /* not yyyy-mm-dd at all */
    PP_DATE_NO_DAY,    /* 2022-02-31 */
    PP_DATE_RANGE,     /* year outside PP_DATE_YEAR_MIN-MAX (99999, -2022) */
    PP_DATE_TIMEZONE   /* 2022-11-30Z, 2022-11-30+01:00: the day is unclear */
} pp_date_status;

/* Reads anything of the lexical space of xs:date: blanks around, a
 * negative or longer year, a time zone. Only "yyyy-mm-dd" naming a valid
 * day is PP_DATE_OK (and fills *out); every other case says why not. */
pp_date_status pp_date_read(const char *s, pp_date *out);
/* "yyyy-mm-dd" exactly (blanks around allowed); false when malformed, not a
 * real day, out of range or with a time zone. */
bool pp_date_parse_iso(const char *s, pp_date *out);
/* Why `s` was refused with status st, for a message after the date itself:
 * "a time zone is not allowed, write 2022-11-30". */
void pp_date_explain(pp_date_status st, const char *s, char *buf, size_t size);

/* Days since 1970-01-01 (negative before). */
long pp_date_days(pp_date d);
/* Signed number of days from a to b. */
long pp_date_diff(pp_date a, pp_date b);
/* "dd/mm/yyyy" into buf (at least 11 bytes). */
void pp_date_format_it(pp_date d, char *buf);

#endif
