/* Calendar dates (dd/mm/yyyy on the page, yyyy-mm-dd in data): parsing,
 * validity and day differences for deadlines. */
#include "date.h"

#include <stdio.h>

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool pp_date_valid(pp_date d)
{
    return d.y >= 1 && d.y <= 9999 && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
           d.d <= month_days(d.y, d.m);
}

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

bool pp_date_parse_iso(const char *s, pp_date *out)
{
    pp_date d;
    if (!s || !digits(s, 4, &d.y) || s[4] != '-' || !digits(s + 5, 2, &d.m) || s[7] != '-' ||
        !digits(s + 8, 2, &d.d) || s[10] != '\0')
        return false;
    if (!pp_date_valid(d)) return false;
    *out = d;
    return true;
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
