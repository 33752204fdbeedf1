/* Numbers as the Italian page prints them ("1.146.100,00", "97,98 %"), as
 * data formats write them, and as the XML vocabulary writes them. */
#ifndef PP_NUMFMT_H
#define PP_NUMFMT_H

#include <stdbool.h>
#include <stddef.h>

/* Room for any pp_fmt_it() result, so that no figure is ever cut: a
 * double has at most 309 integer digits (DBL_MAX), which take 102 thousands
 * separators; then the sign, the comma, at most 6 decimals and the NUL. */
#define PP_FMT_IT_SIZE (1 + 309 + 102 + 1 + 6 + 1)
/* pp_fmt_percent_it() adds " %". */
#define PP_FMT_PERCENT_SIZE (PP_FMT_IT_SIZE + 2)

/* v with `decimals` decimals, '.' between thousands and ',' before the
 * decimals. Rounds half away from zero, as a reader expects ("0,005" ->
 * "0,01"). Non-finite values print as "N/D". */
void pp_fmt_it(double v, int decimals, char *buf, size_t size);
/* n (1 to 3999) in lower-case Roman numerals ("iv"), as front matter is
 * numbered; decimal outside that range. */
void pp_fmt_roman(int n, char *buf, size_t size);
/* "97,98 %" */
void pp_fmt_percent_it(double v, char *buf, size_t size);
/* The number for data formats (json, csv, xml): the fewest significant
 * digits (15 to 17) that strtod reads back as exactly v, written out with
 * '.' decimals and never an exponent, so that every reader (our import,
 * xs:decimal, a spreadsheet) gets the same double back: 1e-7 is
 * "0.0000001", 1e15 "1000000000000000". "0" for zeros of either sign,
 * "null" when not finite. A buffer of PP_FMT_DATA_SIZE bytes holds any
 * double written out (up to 309 digits before the point, 340 after). */
#define PP_FMT_DATA_SIZE 352
void pp_fmt_data(double v, char *buf, size_t size);

/* Parses an xs:decimal ("-12.50"); false when malformed or out of range.
 * *decimals receives the number of digits written after the point. */
bool pp_parse_decimal(const char *s, double *v, int *decimals);
/* Significant digits of a written decimal, from its first to its last
 * non-zero digit ("0.0500" 1, "1000" 1, "123.45" 5); 0 for zero or when
 * malformed. Beyond 15 a double no longer tells every such number apart. */
int pp_decimal_significant(const char *s);
/* The most significant digits a value may be written with and still be
 * told apart from every other value so written. */
#define PP_DECIMAL_DIGITS 15

#endif
