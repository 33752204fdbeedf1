/* The trend of one indicator on a scheda: its serie storica as a line of
 * dots, its numeric targets as open squares, one column per year from the
 * first value to the last, each value written beside its mark in Italian
 * numbers, and a legend at the bottom. A deadline has no value to plot;
 * a year the serie storica gives as n.d. is left out. Everything stays in
 * the box it is given: what does not fit (legend, then value labels) is
 * left out rather than drawn over the edge. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fig_chart.h"
#include "numfmt.h"

#define TREND_MAX 64 /* points drawn; a longer serie storica keeps its last years */
#define MARK 2.2

typedef struct {
    int year;
    double value;
    bool target;
} trend_point;

/* The values, history first then targets, each group by year (insertion
 * sort: a handful of values). */
static size_t collect(const pp_indicator *ind, trend_point *pts)
{
    size_t n = 0;
    for (size_t i = 0; i < ind->nhistory && n < TREND_MAX; i++) {
        double v;
        if (ind->history[i].available && chart_value(ind->history[i].value, &v))
            pts[n++] = (trend_point){ind->history[i].year, v, false};
    }
    for (size_t i = 0; i < ind->ntargets && n < TREND_MAX; i++) {
        const pp_target *t = &ind->targets[i];
        double v;
        if (t->op != PP_OP_ENTRO && t->has_value && chart_value(t->value, &v))
            pts[n++] = (trend_point){t->year, v, true};
    }
    for (size_t i = 1; i < n; i++) {
        trend_point p = pts[i];
        size_t k = i;
        while (k > 0 && pts[k - 1].target == p.target && pts[k - 1].year > p.year) {
            pts[k] = pts[k - 1];
            k--;
        }
        pts[k] = p;
    }
    return n;
}

size_t pp_trend_values(const pp_indicator *ind)
{
    trend_point pts[TREND_MAX];
    return ind ? collect(ind, pts) : 0;
}

/* The fewest decimals (up to 3) that write v as the document does. */
static int decimals_of(double v)
{
    for (int d = 0; d < 3; d++) {
        double k = pow(10, d);
        if (fabs(v * k - round(v * k)) < 1e-6) return d;
    }
    return 3;
}

typedef struct {
    pp_page *p;
    pp_text *t;
    const pp_figure_style *s;
    double x0, x1, top, bottom; /* the plot */
    int y0, y1;                 /* years on the x axis */
    double lo, hi;              /* values on the y axis */
    double lh;
} plot;

static double px(const plot *pl, int year)
{
    if (pl->y1 == pl->y0) return (pl->x0 + pl->x1) / 2;
    return pl->x0 + (double)(year - pl->y0) / (pl->y1 - pl->y0) * (pl->x1 - pl->x0);
}

static double py(const plot *pl, double v)
{
    return pl->bottom - (v - pl->lo) / (pl->hi - pl->lo) * (pl->bottom - pl->top);
}

/* A label centred on cx, above (or below) y, moved inside [xa, xb] x
 * [ya, yb]; left out when the box is narrower than the label. */
static bool label_at(plot *pl, const char *text, double cx, double y, bool above, double xa,
                     double xb, double ya, double yb, pp_rgb colour)
{
    pp_lines *l = pp_text_shape(pl->t, text, &pl->s->label, 0, PP_ALIGN_LEFT);
    if (!l) return false;
    double w = pp_lines_width(l), h = pp_lines_total_height(l);
    bool ok = true;
    if (w <= xb - xa && h <= yb - ya) {
        double lx = fig_clamp(cx - w / 2, xa, xb - w);
        double ly = fig_clamp(above ? y - MARK - 1 - h : y + MARK + 1, ya, yb - h);
        ok = fig_emit(l, pl->p, lx, ly, colour);
    }
    pp_lines_free(l);
    return ok;
}

/* History above its dot, a target under its square; in a year with both,
 * the higher of the two takes the label above, so the labels never meet. */
static bool label_above(const trend_point *pts, size_t n, size_t i)
{
    for (size_t k = 0; k < n; k++)
        if (k != i && pts[k].year == pts[i].year && pts[k].target != pts[i].target)
            return pts[i].value > pts[k].value ||
                   (pts[i].value == pts[k].value && !pts[i].target);
    return !pts[i].target;
}

static bool value_label(plot *pl, const trend_point *q, bool above, double xa, double xb,
                        double ya, double yb, pp_rgb colour)
{
    char num[PP_FMT_IT_SIZE];
    pp_fmt_it(q->value, decimals_of(q->value), num, sizeof num);
    return label_at(pl, num, px(pl, q->year), py(pl, q->value), above, xa, xb, ya, yb, colour);
}

static bool marks(plot *pl, const trend_point *pts, size_t n, bool target, pp_rgb colour)
{
    fig_path fp;
    fig_path_init(&fp);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (pts[i].target != target) continue;
        double x = px(pl, pts[i].year), y = py(pl, pts[i].value);
        if (k++ == 0) fig_move(&fp, x, y);
        else fig_lineto(&fp, x, y);
    }
    bool ok = k < 2 || fig_path_emit(&fp, pl->p, fig_stroke(colour, target ? 0.6 : 1.2));
    for (size_t i = 0; ok && i < n; i++) {
        if (pts[i].target != target) continue;
        double x = px(pl, pts[i].year), y = py(pl, pts[i].value);
        ok = target ? fig_rect(pl->p, x - MARK, y - MARK, 2 * MARK, 2 * MARK,
                               fig_fill_stroke(FIG_WHITE, colour, 0.9))
                    : fig_disc(pl->p, x, y, MARK, fig_fill(colour));
    }
    return ok;
}

/* The legend: a dot "serie storica", a square "target"; height 0 when it
 * does not fit the width. */
static bool legend(plot *pl, double x, double y, double w, pp_rgb hist, pp_rgb targ)
{
    pp_lines *a = pp_text_shape(pl->t, "serie storica", &pl->s->label, 0, PP_ALIGN_LEFT);
    pp_lines *b = a ? pp_text_shape(pl->t, "target", &pl->s->label, 0, PP_ALIGN_LEFT) : NULL;
    bool ok = a && b;
    double need = ok ? 4 * MARK + 6 + pp_lines_width(a) + 10 + pp_lines_width(b) : 0;
    if (ok && need <= w) {
        double cy = y + pl->lh / 2, cx = x + MARK;
        ok = fig_disc(pl->p, cx, cy, MARK, fig_fill(hist)) &&
             fig_emit(a, pl->p, cx + MARK + 3, y, pl->s->text);
        cx += MARK + 3 + pp_lines_width(a) + 10 + MARK;
        ok = ok && fig_rect(pl->p, cx - MARK, cy - MARK, 2 * MARK, 2 * MARK,
                            fig_fill_stroke(FIG_WHITE, targ, 0.9)) &&
             fig_emit(b, pl->p, cx + MARK + 3, y, pl->s->text);
    }
    pp_lines_free(a);
    pp_lines_free(b);
    return ok;
}

/* A label every `step` years, so that a long serie storica does not print
 * its years over each other (a year label is about 20 points wide). */
static bool years(plot *pl, double y)
{
    bool ok = true;
    int fit = (int)((pl->x1 - pl->x0) / 26) + 1, span = pl->y1 - pl->y0 + 1;
    int step = fit > 0 && span > fit ? (span + fit - 1) / fit : 1;
    for (int yr = pl->y0; ok && yr <= pl->y1; yr += step) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d", yr);
        pp_lines *l = pp_text_shape(pl->t, buf, &pl->s->label, 0, PP_ALIGN_LEFT);
        if (!l) return false;
        double w = pp_lines_width(l);
        ok = fig_line(pl->p, px(pl, yr), pl->bottom, px(pl, yr), pl->bottom + 2, pl->s->line,
                      0.4) &&
             fig_emit(l, pl->p, px(pl, yr) - w / 2, y, pl->s->muted);
        pp_lines_free(l);
    }
    return ok;
}

static void value_range(plot *pl, const trend_point *pts, size_t n)
{
    pl->lo = pl->hi = pts[0].value;
    pl->y0 = pl->y1 = pts[0].year;
    for (size_t i = 1; i < n; i++) {
        pl->lo = fmin(pl->lo, pts[i].value);
        pl->hi = fmax(pl->hi, pts[i].value);
        if (pts[i].year < pl->y0) pl->y0 = pts[i].year;
        if (pts[i].year > pl->y1) pl->y1 = pts[i].year;
    }
    /* a flat series sits in the middle, not on an edge */
    double pad = pl->hi > pl->lo ? (pl->hi - pl->lo) * 0.08 : fmax(fabs(pl->hi) * 0.1, 1);
    pl->lo -= pad;
    pl->hi += pad;
    if (!isfinite(pl->hi - pl->lo)) pl->lo = -(pl->hi = CHART_MAX_VALUE / 2);
}

bool pp_trend_draw(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_indicator *ind,
                   const char *title, const char *alt, double x, double y, double w, double h)
{
    trend_point pts[TREND_MAX];
    size_t n = ind ? collect(ind, pts) : 0;
    plot pl = {p, t, s, 0, 0, 0, 0, 0, 0, 0, 0, chart_line_height(t, &s->label)};
    pp_rgb hist = chart_colour(0), targ = chart_colour(5);
    if (!fig_tag_begin(p, "Figure", alt) ||
        !fig_rect(p, x, y, w, h, fig_stroke(s->line, 0.4)))
        return false;
    double pad = 4, cy = y + pad;
    bool ok = true;
    if (title && *title) {
        pp_lines *l = fig_shape_clamped(t, &s->label, NULL, title, w - 2 * pad, PP_ALIGN_LEFT, 2);
        if (!l) return false;
        if (fig_height(l) < h / 3) {
            ok = fig_emit(l, p, x + pad, cy, s->text);
            cy += fig_height(l) + 2;
        }
        pp_lines_free(l);
    }
    double legend_y = y + h - pad - pl.lh, years_y = legend_y - pl.lh - 1;
    /* room for a value label above the top mark and under the lowest */
    pl.top = cy + pl.lh + MARK + 2;
    pl.bottom = years_y - 5 - pl.lh - MARK;
    if (n < 1 || pl.bottom - pl.top < 12) /* no room for a plot: the frame and title only */
        return ok && fig_tag_end(p, "Figure");
    value_range(&pl, pts, n);
    double margin = fmin(28, w / 6);
    pl.x0 = x + margin;
    pl.x1 = x + w - margin;
    /* the axis line under the room of the lowest label; the ticks hang from it */
    double axis = years_y - 3, save = pl.bottom;
    ok = ok && fig_line(p, x + pad, axis, x + w - pad, axis, s->line, 0.4);
    pl.bottom = axis;
    ok = ok && years(&pl, years_y);
    pl.bottom = save;
    ok = ok && marks(&pl, pts, n, false, hist) && marks(&pl, pts, n, true, targ);
    /* years closer than a label is wide: only the last value of the serie
     * storica and the targets are written */
    bool dense = pl.y1 > pl.y0 && (pl.x1 - pl.x0) / (pl.y1 - pl.y0) < 24;
    size_t last = n;
    for (size_t i = 0; i < n; i++)
        if (!pts[i].target) last = i;
    for (size_t i = 0; ok && i < n; i++)
        if (!dense || pts[i].target || i == last)
            ok = value_label(&pl, &pts[i], label_above(pts, n, i), x + pad, x + w - pad, cy,
                             axis - 1, pts[i].target ? targ : s->text);
    ok = ok && legend(&pl, x + pad, legend_y, w - 2 * pad, hist, targ);
    return ok && fig_tag_end(p, "Figure");
}
