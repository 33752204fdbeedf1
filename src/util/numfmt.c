/* Numbers in and out: the Italian page format, the shortest round-trip
 * form for data, and xs:decimal parsing. */
#include "numfmt.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

void pp_fmt_it(double v, int decimals, char *buf, size_t size)
{
    if (!isfinite(v)) {
        snprintf(buf, size, "N/D");
        return;
    }
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    double scale = pow(10, decimals);
    double r = round(fabs(v) * scale) / scale; /* half away from zero */
    char raw[64];
    snprintf(raw, sizeof raw, "%.*f", decimals, r);
    char *dot = strchr(raw, '.');
    size_t int_len = dot ? (size_t)(dot - raw) : strlen(raw);
    char out[96];
    size_t o = 0;
    int negative = v < 0 && r != 0;
    if (negative) out[o++] = '-';
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0) out[o++] = '.';
        out[o++] = raw[i];
    }
    if (dot) {
        out[o++] = ',';
        for (const char *p = dot + 1; *p; p++) out[o++] = *p;
    }
    out[o] = '\0';
    snprintf(buf, size, "%s", out);
}

void pp_fmt_percent_it(double v, char *buf, size_t size)
{
    char n[64];
    pp_fmt_it(v, 2, n, sizeof n);
    snprintf(buf, size, "%s %%", n);
}

void pp_fmt_data(double v, char *buf, size_t size)
{
    if (!isfinite(v)) {
        snprintf(buf, size, "null");
        return;
    }
    /* 15 significant digits survive any double round trip of a decimal
     * written with up to 15 digits, and hide the binary noise of sums. */
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.15g", v);
    if (strchr(tmp, 'e')) snprintf(tmp, sizeof tmp, "%.6f", v);
    if (strcmp(tmp, "-0") == 0) snprintf(tmp, sizeof tmp, "0");
    snprintf(buf, size, "%s", tmp);
}

bool pp_parse_decimal(const char *s, double *v, int *decimals)
{
    if (!s) return false;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    const char *p = s;
    if (*p == '+' || *p == '-') p++;
    int int_digits = 0, frac_digits = 0;
    while (*p >= '0' && *p <= '9') p++, int_digits++;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') p++, frac_digits++;
    }
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    if (*p || int_digits + frac_digits == 0) return false;
    double x = strtod(s, NULL);
    if (!isfinite(x)) return false;
    *v = x;
    if (decimals) *decimals = frac_digits;
    return true;
}

int pp_decimal_significant(const char *s)
{
    double v;
    if (!pp_parse_decimal(s, &v, NULL)) return 0;
    int first = -1, last = -1, i = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') continue;
        if (*p != '0') {
            if (first < 0) first = i;
            last = i;
        }
        i++;
    }
    return first < 0 ? 0 : last - first + 1;
}
