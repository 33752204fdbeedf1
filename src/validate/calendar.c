/* The calendar of the phases (<Calendario>): every activity ends no
 * earlier than it starts, and the whole calendar fits the columns a page
 * can give its months. A month the loader could not read is reported
 * there and left out here. */
#include "check.h"

/* One column per month: more than three years of narrow columns do not
 * fit across even a landscape page. */
#define MAX_CALENDAR_MONTHS 36

void pp_check_calendar(const pp_doc *doc, pp_diags *d)
{
    bool any = false;
    pp_month first = {0, 0}, last = {0, 0};
    for (size_t f = 0; f < doc->nphases; f++) {
        const pp_phase *ph = &doc->phases[f];
        for (size_t i = 0; i < ph->nactivities; i++) {
            const pp_activity *a = &ph->activities[i];
            if (a->from.y == 0 || a->to.y == 0) continue;
            if (pp_month_index(a->to) < pp_month_index(a->from)) {
                pp_error(d, a->pos.line, a->pos.col,
                         "Attivita: a='%04d-%02d' is before da='%04d-%02d'", a->to.y, a->to.m,
                         a->from.y, a->from.m);
                continue;
            }
            if (!any || pp_month_index(a->from) < pp_month_index(first)) first = a->from;
            if (!any || pp_month_index(a->to) > pp_month_index(last)) last = a->to;
            any = true;
        }
    }
    int months = any ? pp_month_index(last) - pp_month_index(first) + 1 : 0;
    if (months > MAX_CALENDAR_MONTHS)
        pp_error(d, doc->calendar_pos.line, doc->calendar_pos.col,
                 "Calendario: the activities span %d months (%04d-%02d to %04d-%02d): at most "
                 "%d can be printed",
                 months, first.y, first.m, last.y, last.m, MAX_CALENDAR_MONTHS);
}
