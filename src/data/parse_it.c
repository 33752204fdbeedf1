/* Values as Italian spreadsheets write them: "1.234,5", "12,5 %",
 * "30/06/2022", operators and units, read into the model's types. */
#include "parse_it.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PP_STR_(x) #x
#define PP_STR(x) PP_STR_(x)

#define MAX_DIGITS 30 /* each side of the separator: more is not a measure */

size_t pp_blank_at(const char *s)
{
    if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') return 1;
    if (strncmp(s, "\xC2\xA0", 2) == 0) return 2;     /* no-break space */
    if (strncmp(s, "\xE2\x80\xAF", 3) == 0) return 3; /* narrow no-break space */
    return 0;
}

static const char *skip_blanks(const char *s)
{
    for (size_t n; (n = pp_blank_at(s)) > 0;) s += n;
    return s;
}

static bool at_end(const char *s) { return *skip_blanks(s) == '\0'; }

/* Length of the blank that ends at s + len (0 when none). */
static size_t blank_before(const char *s, size_t len)
{
    for (size_t n = 1; n <= 3 && n <= len; n++)
        if (pp_blank_at(s + len - n) == n) return n;
    return 0;
}

bool pp_trim_copy(pp_arena *a, const char *s, const char **out)
{
    s = skip_blanks(s);
    size_t len = strlen(s);
    for (size_t n; (n = blank_before(s, len)) > 0;) len -= n;
    *out = NULL;
    if (len == 0) return true;
    *out = pp_arena_strndup(a, s, len);
    return *out != NULL;
}

bool pp_is_nd(const char *s)
{
    char letters[32];
    size_t n = 0;
    while (*s && n + 1 < sizeof letters) {
        size_t blank = pp_blank_at(s);
        char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
        if (blank) s += blank;
        else if (c >= 'a' && c <= 'z') letters[n++] = c, s++;
        else if (c == '/' || c == '.') s++;
        else return false;
    }
    letters[n] = '\0';
    return !*s && (strcmp(letters, "nd") == 0 || strcmp(letters, "nondisponibile") == 0);
}

/* ---- numbers ------------------------------------------------------------------ */

/* A unit written after the number; advances past it. */
static bool unit_suffix(const char **s, bool *percent)
{
    static const char *units[] = {"%", "\xE2\x82\xAC", "N.", "gg", "giorni", "h",
                                  "ore", "fte", "euro"};
    const char *p = skip_blanks(*s);
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        size_t n = strlen(units[i]);
        if (strncasecmp(p, units[i], n) == 0 && at_end(p + n)) {
            *percent = i == 0;
            *s = p + n;
            return true;
        }
    }
    return false;
}

typedef struct {
    bool negative;
    char body[2 * MAX_DIGITS + 16]; /* digits and separators as written */
    bool percent;
} raw_number;

static const char *sign_and_currency(const char *p, bool *negative)
{
    p = skip_blanks(p);
    if (strncmp(p, "\xE2\x82\xAC", 3) == 0) p = skip_blanks(p + 3);
    if (*p == '+' || *p == '-') {
        *negative = *p == '-';
        p++;
    } else if (strncmp(p, "\xE2\x88\x92", 3) == 0) { /* U+2212 minus sign */
        *negative = true;
        p += 3;
    }
    if (strncmp(p, "\xE2\x82\xAC", 3) == 0) p = skip_blanks(p + 3);
    return p;
}

/* Splits a cell into sign, body ([0-9.,]+) and unit. */
static bool split_number(const char *s, raw_number *r)
{
    memset(r, 0, sizeof *r);
    const char *p = sign_and_currency(s, &r->negative);
    size_t n = 0;
    while ((*p >= '0' && *p <= '9') || *p == '.' || *p == ',') {
        if (n + 1 >= sizeof r->body) return false;
        r->body[n++] = *p++;
    }
    if (n == 0) return false;
    return at_end(p) || unit_suffix(&p, &r->percent);
}

/* "1.234.567": groups of three after the first group of one to three. */
static bool valid_grouping(const char *s, size_t len)
{
    size_t group = 0, groups = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '.') {
            if (group == 0 || (groups == 0 && group > 3) || (groups > 0 && group != 3))
                return false;
            groups++;
            group = 0;
        } else {
            group++;
        }
    }
    return groups == 0 || group == 3;
}

static bool all_digits(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

/* Integer and fraction digits of the body in `style`. */
static bool digits_of(const char *body, pp_numstyle style, char *ip, char *fp)
{
    const char *dec = strchr(body, style == PP_NUMSTYLE_IT ? ',' : '.');
    size_t ilen = dec ? (size_t)(dec - body) : strlen(body);
    const char *frac = dec ? dec + 1 : "";
    size_t flen = strlen(frac);
    if ((dec && flen == 0) || !all_digits(frac, flen) || flen > MAX_DIGITS) return false;
    if (style == PP_NUMSTYLE_C && !all_digits(body, ilen)) return false;
    if (style == PP_NUMSTYLE_IT && (memchr(body, ',', ilen) || !valid_grouping(body, ilen)))
        return false;
    size_t n = 0;
    for (size_t i = 0; i < ilen; i++)
        if (body[i] != '.') {
            if (n >= MAX_DIGITS) return false;
            ip[n++] = body[i];
        }
    if (n == 0 && flen == 0) return false;
    if (n == 0) ip[n++] = '0';
    ip[n] = '\0';
    memcpy(fp, frac, flen + 1);
    return true;
}

static pp_numstyle resolve_style(const char *body, pp_numstyle style)
{
    if (style != PP_NUMSTYLE_ANY) return style;
    if (strchr(body, ',')) return PP_NUMSTYLE_IT;
    const char *dot = strchr(body, '.');
    return dot && valid_grouping(body, strlen(body)) ? PP_NUMSTYLE_IT : PP_NUMSTYLE_C;
}

bool pp_parse_number_it(const char *s, pp_numstyle style, pp_number *out)
{
    raw_number r;
    char ip[MAX_DIGITS + 1], fp[MAX_DIGITS + 1];
    if (!s || !split_number(s, &r)) return false;
    if (!digits_of(r.body, resolve_style(r.body, style), ip, fp)) return false;
    pp_number n = {0};
    snprintf(n.text, sizeof n.text, "%s%s%s%s", r.negative ? "-" : "", ip, *fp ? "." : "", fp);
    n.value = strtod(n.text, NULL);
    if (!isfinite(n.value)) return false;
    if (n.value == 0 && r.negative) memmove(n.text, n.text + 1, strlen(n.text)); /* no "-0" */
    n.decimals = (int)strlen(fp);
    n.percent = r.percent;
    *out = n;
    return true;
}

pp_numstyle pp_number_style(const char *s)
{
    raw_number r;
    char ip[MAX_DIGITS + 1], fp[MAX_DIGITS + 1];
    if (!s || !split_number(s, &r)) return PP_NUMSTYLE_ANY;
    bool it = digits_of(r.body, PP_NUMSTYLE_IT, ip, fp);
    bool c = digits_of(r.body, PP_NUMSTYLE_C, ip, fp);
    if (it && !c) return PP_NUMSTYLE_IT; /* "0,5", "1.234.567" */
    if (c && !it) return PP_NUMSTYLE_C;
    return PP_NUMSTYLE_ANY;
}

/* ---- dates ----------------------------------------------------------------------- */

/* 1 to `max` digits; advances. */
static bool read_int(const char **s, int max, int *v)
{
    int n = 0, x = 0;
    while (**s >= '0' && **s <= '9' && n < max) x = x * 10 + (*(*s)++ - '0'), n++;
    *v = x;
    return n > 0 && !(**s >= '0' && **s <= '9');
}

/* " 00:00" or "T00:00:00" after a date (spreadsheets export date-times). */
static bool time_or_end(const char *s)
{
    if (at_end(s)) return true;
    if (*s != ' ' && *s != 'T') return false;
    s++;
    int h, m, sec;
    if (!read_int(&s, 2, &h) || *s++ != ':' || !read_int(&s, 2, &m)) return false;
    if (*s == ':' && (s++, !read_int(&s, 2, &sec))) return false;
    return at_end(s);
}

/* A real day of any year: the shape and the calendar. The range of years
 * is checked after, so that its message can say what is wrong. */
static bool some_day(pp_date d)
{
    pp_date in_range = {2000, d.m, d.d};
    bool leap_day = d.m == 2 && d.d == 29;
    bool leap = (d.y % 4 == 0 && d.y % 100 != 0) || d.y % 400 == 0;
    return pp_date_valid(in_range) && (!leap_day || leap);
}

static bool iso_date(const char *s, pp_date *out)
{
    pp_date d;
    if (!read_int(&s, 4, &d.y) || *s++ != '-' || !read_int(&s, 2, &d.m) || *s++ != '-' ||
        !read_int(&s, 2, &d.d) || !time_or_end(s) || !some_day(d))
        return false;
    *out = d;
    return true;
}

static bool italian_date(const char *s, pp_date *out)
{
    pp_date d;
    if (!read_int(&s, 2, &d.d)) return false;
    char sep = *s;
    if (sep != '/' && sep != '-' && sep != '.') return false;
    s++;
    if (!read_int(&s, 2, &d.m) || *s++ != sep) return false;
    const char *ys = s;
    if (!read_int(&s, 4, &d.y) || (s - ys != 2 && s - ys != 4) || !time_or_end(s)) return false;
    if (s - ys == 2) d.y += 2000;
    if (!some_day(d)) return false;
    *out = d;
    return true;
}

static bool any_year(const char *s, pp_date *out)
{
    if (!s) return false;
    s = skip_blanks(s);
    return iso_date(s, out) || italian_date(s, out);
}

bool pp_parse_date_it(const char *s, pp_date *out)
{
    pp_date d;
    if (!any_year(s, &d) || !pp_date_valid(d)) return false;
    *out = d;
    return true;
}

const char *pp_date_it_problem(const char *s)
{
    pp_date d;
    if (!any_year(s, &d) || pp_date_valid(d)) return NULL;
    return "has a year out of range (" PP_STR(PP_DATE_YEAR_MIN) "-" PP_STR(PP_DATE_YEAR_MAX) ")";
}

void pp_date_format_iso(pp_date d, char *buf)
{
    unsigned dd = (unsigned)d.d % 100, mm = (unsigned)d.m % 100, yy = (unsigned)d.y % 10000;
    snprintf(buf, 11, "%04u-%02u-%02u", yy, mm, dd);
}

/* ---- operators and units ------------------------------------------------------------ */

typedef struct {
    const char *text;
    pp_op op;
    bool word; /* must be followed by a blank, a digit or the end */
} op_token;

static const op_token op_tokens[] = {
    {">=", PP_OP_GE, false}, {"=>", PP_OP_GE, false}, {"\xE2\x89\xA5", PP_OP_GE, false},
    {"<=", PP_OP_LE, false}, {"=<", PP_OP_LE, false}, {"\xE2\x89\xA4", PP_OP_LE, false},
    {"==", PP_OP_EQ, false}, {"=", PP_OP_EQ, false},  {">", PP_OP_GT, false},
    {"<", PP_OP_LT, false},  {"ge", PP_OP_GE, true},  {"le", PP_OP_LE, true},
    {"eq", PP_OP_EQ, true},  {"gt", PP_OP_GT, true},  {"lt", PP_OP_LT, true},
    {"entro", PP_OP_ENTRO, true}};

bool pp_parse_op_prefix(const char *s, pp_op *op, const char **rest)
{
    if (!s) return false;
    s = skip_blanks(s);
    for (size_t i = 0; i < sizeof op_tokens / sizeof *op_tokens; i++) {
        const op_token *t = &op_tokens[i];
        size_t n = strlen(t->text);
        if (strncasecmp(s, t->text, n) != 0) continue;
        const char *after = s + n;
        if (t->word && *after && !pp_blank_at(after) && !(*after >= '0' && *after <= '9'))
            continue;
        *op = t->op;
        *rest = skip_blanks(after);
        return true;
    }
    return false;
}

bool pp_parse_op_it(const char *s, pp_op *op)
{
    const char *rest;
    return pp_parse_op_prefix(s, op, &rest) && *rest == '\0';
}

const char *pp_op_name(pp_op op)
{
    static const char *names[] = {"ge", "le", "eq", "gt", "lt", "entro"};
    return (unsigned)op < 6 ? names[op] : "ge";
}

typedef struct {
    const char *text;
    pp_unit unit;
} unit_token;

static const unit_token unit_tokens[] = {
    {"N.", PP_UNIT_N},        {"N", PP_UNIT_N},         {"numero", PP_UNIT_N},
    {"%", PP_UNIT_PERCENT},   {"\xE2\x82\xAC", PP_UNIT_EURO}, {"euro", PP_UNIT_EURO},
    {"EUR", PP_UNIT_EURO},    {"gg", PP_UNIT_DAYS},     {"giorni", PP_UNIT_DAYS},
    {"h", PP_UNIT_HOURS},     {"ore", PP_UNIT_HOURS},   {"fte", PP_UNIT_FTE},
    {"data", PP_UNIT_DATE},   {"scadenza", PP_UNIT_DATE}};

bool pp_parse_unit_it(const char *s, pp_unit *u)
{
    if (!s) return false;
    s = skip_blanks(s);
    for (size_t i = 0; i < sizeof unit_tokens / sizeof *unit_tokens; i++) {
        size_t n = strlen(unit_tokens[i].text);
        if (strncasecmp(s, unit_tokens[i].text, n) == 0 && at_end(s + n)) {
            *u = unit_tokens[i].unit;
            return true;
        }
    }
    return false;
}
