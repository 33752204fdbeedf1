/* Calendar dates (dd/mm/yyyy on the page, yyyy-mm-dd in data): parsing,
 * validity and day differences for deadlines. The reader knows the whole
 * lexical space of xs:date, so that every date the schema lets through is
 * either used or refused with the reason, never silently dropped. */
#include "date.h"

#include <stdio.h>
#include <string.h>

static bool leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(long y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

static bool real_day(long y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

bool pp_date_valid(pp_date d)
{
    return d.y >= PP_DATE_YEAR_MIN && d.y <= PP_DATE_YEAR_MAX && real_day(d.y, d.m, d.d);
}

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* A time zone of xs:date: "Z" or "+hh:mm" / "-hh:mm"; length read, 0 when
 * there is none, -1 when what follows is not one. */
static int zone_length(const char *s)
{
    int h, m;
    if (*s == 'Z') return 1;
    if (*s != '+' && *s != '-') return 0;
    if (!digits(s + 1, 2, &h) || s[3] != ':' || !digits(s + 4, 2, &m) || h > 14 || m > 59)
        return -1;
    return 6;
}

pp_date_status pp_date_read(const char *s, pp_date *out)
{
    if (!s) return PP_DATE_MALFORMED;
    while (blank(*s)) s++;
    bool negative = *s == '-';
    if (negative) s++;
    /* The year has four digits or more; beyond 9 digits it only matters
     * that it is out of range. */
    long year = 0;
    int ny = 0, month, day;
    for (; *s >= '0' && *s <= '9'; s++, ny++)
        if (year < 1000000000L) year = year * 10 + (*s - '0');
    if (ny < 4 || *s != '-' || !digits(s + 1, 2, &month) || s[3] != '-' ||
        !digits(s + 4, 2, &day))
        return PP_DATE_MALFORMED;
    s += 6;
    int zone = zone_length(s);
    if (zone < 0) return PP_DATE_MALFORMED;
    s += zone;
    while (blank(*s)) s++;
    if (*s) return PP_DATE_MALFORMED;
    if (negative || year < PP_DATE_YEAR_MIN || year > PP_DATE_YEAR_MAX) return PP_DATE_RANGE;
    if (!real_day(year, month, day)) return PP_DATE_NO_DAY;
    if (zone) return PP_DATE_TIMEZONE;
    *out = (pp_date){(int)year, month, day};
    return PP_DATE_OK;
}

bool pp_date_parse_iso(const char *s, pp_date *out) { return pp_date_read(s, out) == PP_DATE_OK; }

void pp_date_explain(pp_date_status st, const char *s, char *buf, size_t size)
{
    while (s && blank(*s)) s++;
    switch (st) {
    case PP_DATE_OK:
        snprintf(buf, size, "a valid date");
        break;
    case PP_DATE_MALFORMED:
        snprintf(buf, size, "not a date: write it yyyy-mm-dd, e.g. 2022-06-30");
        break;
    case PP_DATE_NO_DAY:
        snprintf(buf, size, "there is no such day");
        break;
    case PP_DATE_RANGE: {
        /* the year as written, sign included, shortened when absurd */
        size_t n = strspn(s + (*s == '-'), "0123456789") + (*s == '-');
        snprintf(buf, size, "year %.*s%s is out of range (%d-%d)", n > 12 ? 12 : (int)n, s,
                 n > 12 ? "..." : "", PP_DATE_YEAR_MIN, PP_DATE_YEAR_MAX);
        break;
    }
    case PP_DATE_TIMEZONE:
        snprintf(buf, size, "a time zone is not allowed, write %.10s", s);
        break;
    }
}

/* Howard Hinnant's days_from_civil. */
long pp_date_days(pp_date d)
{
    long y = d.y - (d.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long pp_date_diff(pp_date a, pp_date b) { return pp_date_days(b) - pp_date_days(a); }

void pp_date_format_it(pp_date d, char *buf)
{
    /* components are bounded first, so the text always fits 10 chars */
    unsigned dd = (unsigned)d.d % 100, mm = (unsigned)d.m % 100, yy = (unsigned)d.y % 10000;
    snprintf(buf, 11, "%02u/%02u/%04u", dd, mm, yy);
}
