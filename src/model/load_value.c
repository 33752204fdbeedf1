/* The loader's readers of scalar values (numbers, dates, booleans, whole
 * numbers), one rule for all of them: a value that is written but cannot
 * be used is an error at its element, named for what it is ("Consuntivo
 * data '2022-11-30Z': a time zone is not allowed"). It is never treated as
 * absent in silence, which would drop an indicator from the score or
 * report it as missing. When the schema has already reported that very
 * attribute at that element, its message stands alone. */
#include "load_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* libxml2 reports a bad attribute as "Element 'X', attribute 'a': ..." and
 * bad content as "Element 'X': ...", at the element's line and column. */
static bool schema_said(const loader *L, const xmlNode *n, const char *attr)
{
    char needle[128];
    if (attr) snprintf(needle, sizeof needle, "attribute '%s'", attr);
    else snprintf(needle, sizeof needle, "Element '%s':", (const char *)n->name);
    pp_pos p = ld_pos(n);
    for (size_t i = 0; i < L->d->count; i++) {
        const pp_diag *g = &L->d->items[i];
        if (g->severity == PP_ERROR && g->line == p.line && g->col == p.col &&
            strstr(g->message, needle))
            return true;
    }
    return false;
}

/* The value as a message quotes it: at most 40 bytes, cut on a character
 * boundary, line ends as spaces. */
static void quote(const char *v, char *buf, size_t size)
{
    enum { MAX = 40 };
    size_t n = strlen(v), o = 0;
    bool cut = n > MAX;
    if (cut) {
        n = MAX;
        while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80) n--;
    }
    for (size_t i = 0; i < n && o + 4 < size; i++)
        buf[o++] = v[i] == '\n' || v[i] == '\r' || v[i] == '\t' ? ' ' : v[i];
    if (cut && o + 4 < size) memcpy(buf + o, "...", 3), o += 3;
    buf[o] = '\0';
}

void ld_bad_value(loader *L, const xmlNode *n, const char *attr, const char *value,
                  const char *why)
{
    if (schema_said(L, n, attr)) return;
    char shown[64];
    quote(value ? value : "", shown, sizeof shown);
    pp_pos p = ld_pos(n);
    pp_error(L->d, p.line, p.col, "%s%s%s '%s': %s", (const char *)n->name, attr ? " " : "",
             attr ? attr : "", shown, why);
}

/* The attribute's value, or the element's text when attr is NULL. */
static const char *raw(loader *L, const xmlNode *n, const char *attr)
{
    if (!n) return NULL;
    return attr ? ld_attr(L, n, attr) : ld_text(L, n);
}

static ld_read number_of(loader *L, const xmlNode *n, const char *attr, const char *s,
                         double *v, int *decimals)
{
    if (!s) return LD_ABSENT;
    if (pp_parse_decimal(s, v, decimals)) return LD_OK;
    ld_bad_value(L, n, attr, s,
                 "not a number: write it with a point before the decimals and no exponent, "
                 "e.g. 1234.56");
    return LD_BAD;
}

ld_read ld_number(loader *L, const xmlNode *n, const char *attr, double *v, int *decimals)
{
    return number_of(L, n, attr, raw(L, n, attr), v, decimals);
}

/* Two such values that differ only beyond PP_DECIMAL_DIGITS may be the
 * same double, or within the noise pp_nearly_equal forgives: say so. */
ld_read ld_scored_number(loader *L, const xmlNode *n, const char *attr, double *v,
                         int *decimals)
{
    const char *s = raw(L, n, attr);
    ld_read r = number_of(L, n, attr, s, v, decimals);
    int digits = r == LD_OK ? pp_decimal_significant(s) : 0;
    if (digits > PP_DECIMAL_DIGITS) {
        char shown[64];
        quote(s, shown, sizeof shown);
        pp_pos p = ld_pos(n);
        pp_warning(L->d, p.line, p.col,
                   "%s %s '%s' has %d significant digits: perfpdf computes with %d, so values "
                   "that differ only after the %dth count as equal",
                   (const char *)n->name, attr ? attr : "", shown, digits, PP_DECIMAL_DIGITS,
                   PP_DECIMAL_DIGITS);
    }
    return r;
}

ld_read ld_int(loader *L, const xmlNode *n, const char *attr, int min, int max, int *out)
{
    const char *s = raw(L, n, attr);
    if (!s) return LD_ABSENT;
    double v;
    bool whole = pp_parse_decimal(s, &v, NULL) && v == floor(v);
    if (whole && v >= min && v <= max) {
        *out = (int)v;
        return LD_OK;
    }
    char why[96];
    if (whole) snprintf(why, sizeof why, "out of range (%d-%d)", min, max);
    else snprintf(why, sizeof why, "not a whole number");
    ld_bad_value(L, n, attr, s, why);
    return LD_BAD;
}

ld_read ld_date(loader *L, const xmlNode *n, const char *attr, pp_date *d)
{
    const char *s = raw(L, n, attr);
    if (!s) return LD_ABSENT;
    pp_date_status st = pp_date_read(s, d);
    if (st == PP_DATE_OK) return LD_OK;
    char why[128];
    pp_date_explain(st, s, why, sizeof why);
    ld_bad_value(L, n, attr, s, why);
    return LD_BAD;
}

/* xs:boolean: true, false, 1, 0, with blanks around (whitespace collapse). */
ld_read ld_bool(loader *L, const xmlNode *n, const char *attr, bool *b)
{
    const char *s = raw(L, n, attr);
    if (!s) return LD_ABSENT;
    size_t lead = strspn(s, " \t\r\n"), len = strlen(s + lead);
    while (len > 0 && strchr(" \t\r\n", s[lead + len - 1])) len--;
    static const char *const words[] = {"true", "1", "false", "0"};
    for (int i = 0; i < 4; i++)
        if (len == strlen(words[i]) && strncmp(s + lead, words[i], len) == 0) {
            *b = i < 2;
            return LD_OK;
        }
    ld_bad_value(L, n, attr, s, "not a boolean: write true or false");
    return LD_BAD;
}
