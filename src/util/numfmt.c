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
    double scale = pow(10, decimals), a = fabs(v);
    /* Half away from zero. From 2^52 up a double is a whole number, and
     * scaling it could overflow to infinity. */
    double r = a >= 0x1p52 ? a : round(a * scale) / scale;
    /* The digits of |v| whole: 309 integer digits, the point, 6 decimals. */
    char raw[309 + 1 + 6 + 1];
    snprintf(raw, sizeof raw, "%.*f", decimals, r);
    char *dot = strchr(raw, '.');
    size_t int_len = dot ? (size_t)(dot - raw) : strlen(raw);
    char out[PP_FMT_IT_SIZE];
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
    char n[PP_FMT_IT_SIZE];
    pp_fmt_it(v, 2, n, sizeof n);
    snprintf(buf, size, "%s %%", n);
}

/* The shortest "%.*e" form of v that reads back exactly: 15 significant
 * digits hide nothing for any decimal written with up to 15, 17 always
 * suffice for a double. */
static void shortest_e(double v, char *e, size_t size)
{
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(e, size, "%.*e", digits - 1, v);
        if (strtod(e, NULL) == v) return;
    }
}

/* "-1.2345e+02" -> "-123.45": the digits of the mantissa placed by the
 * exponent, without trailing zeros after the point. */
static void plain_from_e(const char *e, char buf[PP_FMT_DATA_SIZE])
{
    char mant[24];
    size_t nm = 0;
    bool negative = *e == '-';
    const char *p = e + negative;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9' && nm + 1 < sizeof mant) mant[nm++] = *p;
    while (nm > 1 && mant[nm - 1] == '0') nm--; /* 1.2500 -> 125 */
    int exp = *p == 'e' ? atoi(p + 1) : 0;
    size_t o = 0;
    if (negative) buf[o++] = '-';
    if (exp < 0) { /* 0.000ddd */
        buf[o++] = '0';
        buf[o++] = '.';
        for (int i = -1; i > exp; i--) buf[o++] = '0';
        for (size_t i = 0; i < nm; i++) buf[o++] = mant[i];
    } else { /* ddd000 or ddd.ddd */
        for (int i = 0; i <= exp; i++) buf[o++] = (size_t)i < nm ? mant[i] : '0';
        if (nm > (size_t)exp + 1) {
            buf[o++] = '.';
            for (size_t i = (size_t)exp + 1; i < nm; i++) buf[o++] = mant[i];
        }
    }
    buf[o] = '\0';
}

void pp_fmt_data(double v, char *buf, size_t size)
{
    if (!isfinite(v)) {
        snprintf(buf, size, "null");
        return;
    }
    if (v == 0) { /* also -0: a sign on zero means nothing to a reader */
        snprintf(buf, size, "0");
        return;
    }
    char e[40], plain[PP_FMT_DATA_SIZE];
    shortest_e(v, e, sizeof e);
    plain_from_e(e, plain);
    /* A buffer too small for the written-out form still gets the exact
     * number, with an exponent, rather than a cut one. */
    snprintf(buf, size, "%s", strlen(plain) < size ? plain : e);
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

void pp_fmt_roman(int n, char *buf, size_t size)
{
    static const struct {
        int value;
        const char *digits;
    } r[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
             {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
    if (!size) return;
    if (n < 1 || n > 3999) {
        snprintf(buf, size, "%d", n);
        return;
    }
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
        for (; n >= r[i].value; n -= r[i].value) {
            size_t k = strlen(r[i].digits);
            if (len + k + 1 > size) return;
            memcpy(buf + len, r[i].digits, k + 1);
            len += k;
        }
}
