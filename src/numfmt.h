/* Numbers as the Italian page prints them: "1.146.100,00", "97,98 %". */
#ifndef PP_NUMFMT_H
#define PP_NUMFMT_H

#include <stddef.h>

/* v with `decimals` decimals, '.' between thousands and ',' before the
 * decimals. Rounds half away from zero, as a reader expects ("0,005" ->
 * "0,01"). Non-finite values print as "N/D". */
void pp_fmt_it(double v, int decimals, char *buf, size_t size);
/* "97,98 %" */
void pp_fmt_percent_it(double v, char *buf, size_t size);
/* Shortest round-trip-safe "C" representation for data formats (json/csv):
 * '.' decimals, no exponent for ordinary magnitudes, deterministic. */
void pp_fmt_data(double v, char *buf, size_t size);

#endif
