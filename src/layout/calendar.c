/* The calendar of the phases (<calendar/>): the document's <Calendario> as
 * a Gantt-style table. N. and Attività, then one narrow column per month
 * from the earliest month of any activity to the latest (the years in a
 * header row above the months), then Attori. Each phase is a band row
 * across the table; each activity fills the cells of its months with one
 * bar in the accent colour, a Figure whose alternative text says the
 * months in words ("giugno–settembre 2018") for a screen reader. */
#include <stdlib.h>

#include "layout_internal.h"

static const char *const month_abbr[12] = {"Gen", "Feb", "Mar", "Apr", "Mag", "Giu",
                                           "Lug", "Ago", "Set", "Ott", "Nov", "Dic"};
static const char *const month_name[12] = {"gennaio", "febbraio", "marzo",    "aprile",
                                           "maggio",  "giugno",   "luglio",   "agosto",
                                           "settembre", "ottobre", "novembre", "dicembre"};

/* The text columns want at least these widths; months that do not fit
 * beside them get one-letter headers, in narrower columns that share what
 * the text columns leave, TEXT_SHARE of the width. */
#define TEXT_SHARE 0.4
#define MIN_ACTIVITY_W 110.0
#define MIN_ACTORS_W 70.0

static bool usable(const pp_activity *a)
{
    return a->from.y && a->to.y && pp_month_index(a->to) >= pp_month_index(a->from);
}

/* The first month and the number of months of the calendar; 0 when no
 * activity has usable months. */
static int calendar_span(const pp_doc *doc, int *first)
{
    int lo = 0, hi = 0;
    bool any = false;
    for (size_t f = 0; f < doc->nphases; f++)
        for (size_t i = 0; i < doc->phases[f].nactivities; i++) {
            const pp_activity *a = &doc->phases[f].activities[i];
            if (!usable(a)) continue;
            int from = pp_month_index(a->from), to = pp_month_index(a->to);
            if (!any || from < lo) lo = from;
            if (!any || to > hi) hi = to;
            any = true;
        }
    *first = lo;
    return any ? hi - lo + 1 : 0;
}

/* Width of a short text in a font, as a cell needs it. */
static double text_w(ly_ctx *c, const char *s, ly_font_role f)
{
    bool owned;
    pp_lines *l = ly_shape(c, s, f, 1000, PP_ALIGN_LEFT, &owned);
    if (!l) {
        c->oom = true;
        return 0;
    }
    double w = pp_lines_width(l);
    if (owned) pp_lines_free(l);
    return w;
}

typedef struct {
    ly_ctx *c;
    int first, months;
    double month_w, number_w;
    double year_w; /* a year's four digits in a header cell */
    bool letters; /* one-letter month headers */
} calendar;

/* The width the table needs: the number column, the months and the least
 * the text columns can do with. */
static double needed(const calendar *k)
{
    return k->number_w + k->months * k->month_w + MIN_ACTIVITY_W + MIN_ACTORS_W;
}

/* Month width for a body `width` wide. */
static void size_months(calendar *k, double width)
{
    ly_ctx *c = k->c;
    double pad = 2 * c->lay->cell_pad + 1, widest = 0;
    for (int m = 0; m < 12; m++) {
        double w = text_w(c, month_abbr[m], LY_F_TABLE_HEAD);
        if (w > widest) widest = w;
    }
    k->month_w = widest + pad;
    k->number_w = text_w(c, "00.", LY_F_TABLE) + pad;
    k->year_w = text_w(c, "0000", LY_F_TABLE_HEAD) + pad;
    k->letters = needed(k) > width;
    if (k->letters) k->month_w = (1 - TEXT_SHARE) * width / k->months;
}

/* "giugno–settembre 2018", "ottobre 2018–gennaio 2019", "dicembre 2018". */
static const char *months_words(ly_ctx *c, pp_month from, pp_month to)
{
    const char *s;
    if (pp_month_index(from) == pp_month_index(to))
        s = pp_arena_printf(c->arena, "%s %d", month_name[from.m - 1], from.y);
    else if (from.y == to.y)
        s = pp_arena_printf(c->arena, "%s\u2013%s %d", month_name[from.m - 1],
                            month_name[to.m - 1], to.y);
    else
        s = pp_arena_printf(c->arena, "%s %d\u2013%s %d", month_name[from.m - 1], from.y,
                            month_name[to.m - 1], to.y);
    if (!s) c->oom = true;
    return s;
}

static ly_cell *head_cell(ly_table *t, ly_row *r, int span, const char *text, pp_align align)
{
    ly_ctx *c = t->c;
    ly_cell *cell = tb_cell(t, r, span);
    tb_fill(cell, ly_col(c, LY_C_HEAD_BG));
    if (!tb_text(t, cell, text, LY_F_TABLE_HEAD, align, ly_col(c, LY_C_HEAD_FG), false))
        return NULL;
    return cell;
}

/* Two header rows: the years over their months, then N., Attività, the
 * months and Attori. */
static bool head_rows(ly_table *t, const calendar *k)
{
    ly_ctx *c = t->c;
    ly_row *years = tb_row(t, true);
    bool ok = years && head_cell(t, years, 2, "", PP_ALIGN_LEFT);
    for (int m = k->first; ok && m < k->first + k->months;) {
        int y = m / 12, span = 12 - m % 12;
        if (m + span > k->first + k->months) span = k->first + k->months - m;
        /* a year over too few months for its four digits: the last two */
        bool fits = k->year_w <= span * k->month_w;
        const char *label = fits ? pp_arena_printf(c->arena, "%d", y)
                                 : pp_arena_printf(c->arena, "\u2019%02d", y % 100);
        if (!label) c->oom = true;
        ok = label && head_cell(t, years, span, label, PP_ALIGN_CENTER);
        m += span;
    }
    ok = ok && head_cell(t, years, 1, "", PP_ALIGN_LEFT);
    ly_row *r = ok ? tb_row(t, true) : NULL;
    ok = r && head_cell(t, r, 1, ly_lbl(c, LY_L_COL_NUMBER), PP_ALIGN_RIGHT) &&
         head_cell(t, r, 1, ly_lbl(c, LY_L_COL_ACTIVITY), PP_ALIGN_LEFT);
    for (int m = k->first; ok && m < k->first + k->months; m++) {
        const char *abbr = month_abbr[m % 12];
        char letter[2] = {abbr[0], '\0'};
        ok = head_cell(t, r, 1, k->letters ? letter : abbr, PP_ALIGN_CENTER) != NULL;
    }
    return ok && head_cell(t, r, 1, ly_lbl(c, LY_L_COL_ACTORS), PP_ALIGN_LEFT);
}

static bool phase_row(ly_table *t, const pp_phase *ph)
{
    ly_ctx *c = t->c;
    ly_row *r = tb_row(t, false);
    if (r) r->keep_next = true;
    ly_cell *cell = tb_cell(t, r, (int)t->ncols);
    tb_fill(cell, ly_col(c, LY_C_BAND_BG));
    return tb_text(t, cell, ph->title, LY_F_BAND, PP_ALIGN_LEFT, ly_col(c, LY_C_BAND_FG), false);
}

/* Empty month cells from month m to end (excluded). */
static bool empty_months(ly_table *t, ly_row *r, int m, int end)
{
    for (; m < end; m++)
        if (!tb_cell(t, r, 1)) return false;
    return true;
}

static bool activity_row(ly_table *t, const calendar *k, const pp_activity *a, size_t number)
{
    ly_ctx *c = t->c;
    pp_rgb text = ly_col(c, LY_C_TEXT);
    ly_row *r = tb_row(t, false);
    const char *n = pp_arena_printf(c->arena, "%zu.", number);
    if (!n) c->oom = true;
    bool ok = n && tb_text(t, tb_cell(t, r, 1), n, LY_F_TABLE, PP_ALIGN_RIGHT, text, false) &&
              tb_text(t, tb_cell(t, r, 1), a->title, LY_F_TABLE, PP_ALIGN_LEFT, text, false);
    int end = k->first + k->months;
    if (ok && usable(a)) {
        int from = pp_month_index(a->from), to = pp_month_index(a->to);
        ly_cell *bar = empty_months(t, r, k->first, from) ? tb_cell(t, r, to - from + 1) : NULL;
        const char *alt = bar ? months_words(c, a->from, a->to) : NULL;
        tb_fill(bar, ly_col(c, LY_C_ACCENT));
        tb_alt(bar, alt);
        ok = alt && empty_months(t, r, to + 1, end);
    } else if (ok) {
        ok = empty_months(t, r, k->first, end);
    }
    return ok && tb_text(t, tb_cell(t, r, 1), a->actors ? a->actors : "", LY_F_TABLE,
                         PP_ALIGN_LEFT, text, false);
}

/* Column widths in points: the text columns share what the months leave,
 * the activity the larger part. */
static void column_widths(const calendar *k, double width, double *w)
{
    size_t n = 0;
    double rest = width - k->number_w - k->months * k->month_w;
    w[n++] = k->number_w;
    w[n++] = rest * 0.58;
    for (int m = 0; m < k->months; m++) w[n++] = k->month_w;
    w[n] = rest * 0.42;
}

static bool place(ly_ctx *c, calendar *k)
{
    size_t ncols = (size_t)k->months + 3;
    double *w = calloc(ncols, sizeof *w);
    if (!w) {
        c->oom = true;
        return false;
    }
    ly_table *t = tb_new(c, w, ncols);
    if (!t) {
        free(w);
        return false;
    }
    /* the widths as computed: tb_new's floor for narrow columns would
     * widen the months */
    column_widths(k, t->width, w);
    for (size_t i = 0; i < ncols; i++) t->colw[i] = w[i];
    free(w);
    t->caption = ly_lbl(c, LY_L_CALENDAR_CAPTION);
    bool ok = head_rows(t, k);
    for (size_t f = 0; ok && f < c->doc->nphases; f++) {
        const pp_phase *ph = &c->doc->phases[f];
        ok = phase_row(t, ph);
        for (size_t i = 0; ok && i < ph->nactivities; i++)
            ok = activity_row(t, k, &ph->activities[i], i + 1);
    }
    ok = ok && tb_place(t);
    tb_free(t);
    fl_gap(c, c->lay->paragraph_gap);
    return ok && !c->oom;
}

bool ly_calendar(ly_ctx *c)
{
    calendar k = {.c = c};
    k.months = calendar_span(c->doc, &k.first);
    if (k.months == 0) return true;
    size_months(&k, fl_width(c));
    if (c->oom) return false;
    /* too wide for a portrait page: a landscape one, as for the
     * narrative tables (the layout may say never), then back */
    bool was = c->flow.want_landscape, turn = false;
    if (!was && c->lay->wide_tables_landscape && needed(&k) > fl_width(c)) {
        if (!fl_orient(c, true)) return false;
        turn = true;
        size_months(&k, fl_width(c));
    }
    bool ok = place(c, &k);
    if (ok && turn) ok = fl_orient(c, was);
    return ok;
}
