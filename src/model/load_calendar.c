/* The loader of <Calendario>: the phases of preparing the document and
 * their activities, month to month. The checks (validate/calendar.c) say
 * what is wrong with the months; here a month that cannot be read is
 * reported and kept as y == 0. */
#include "load_internal.h"

#include <string.h>

/* Years of a month, as the schema's Anno bounds them. */
#define MONTH_YEAR_MIN 1990
#define MONTH_YEAR_MAX 2199

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

/* "yyyy-mm" exactly (the schema's Mese). */
static pp_month read_month(loader *L, const xmlNode *n, const char *attr)
{
    pp_month m = {0, 0};
    const char *s = ld_attr(L, n, attr);
    if (!s) return m;
    if (strlen(s) != 7 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2)) {
        ld_bad_value(L, n, attr, s, "not a month: write it yyyy-mm, e.g. 2018-06");
        return m;
    }
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int mo = (s[5] - '0') * 10 + (s[6] - '0');
    if (mo < 1 || mo > 12) {
        ld_bad_value(L, n, attr, s, "no such month (01-12)");
        return m;
    }
    if (y < MONTH_YEAR_MIN || y > MONTH_YEAR_MAX) {
        ld_bad_value(L, n, attr, s, "year out of range (1990-2199)");
        return m;
    }
    return (pp_month){y, mo};
}

static void load_phase(loader *L, const xmlNode *x, pp_phase *ph)
{
    ph->title = ld_child_text(L, x, "Titolo");
    ph->pos = ld_pos(x);
    ph->nactivities = ld_count(x, "Attivita");
    ph->activities = ld_array(L, ph->nactivities, sizeof *ph->activities);
    if (!ph->activities) {
        ph->nactivities = 0;
        return;
    }
    size_t i = 0;
    for (xmlNode *a = ld_first(x, "Attivita"); a; a = ld_next(a, "Attivita"), i++) {
        pp_activity *act = &ph->activities[i];
        act->title = ld_child_text(L, a, "Titolo");
        act->actors = ld_child_text(L, a, "Attori");
        act->from = read_month(L, a, "da");
        act->to = read_month(L, a, "a");
        act->pos = ld_pos(a);
    }
}

void ld_calendar(loader *L, const xmlNode *cal)
{
    pp_doc *doc = L->doc;
    if (!cal) return;
    doc->calendar_pos = ld_pos(cal);
    doc->nphases = ld_count(cal, "Fase");
    doc->phases = ld_array(L, doc->nphases, sizeof *doc->phases);
    if (!doc->phases) {
        doc->nphases = 0;
        return;
    }
    size_t i = 0;
    for (xmlNode *f = ld_first(cal, "Fase"); f; f = ld_done(L, f, "Fase"), i++)
        load_phase(L, f, &doc->phases[i]);
}
