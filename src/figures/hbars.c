/* Horizontal bar chart ("barre-orizzontali"): a ranking, one bar per point
 * of the first series, top to bottom in the order given, the label at the
 * left (one line, cut with an ellipsis), the value in Italian numbers at
 * the end of the bar, a value axis with round ticks under the bars (the
 * ticks of bars.c) and light grid lines. Long labels read across, which a
 * vertical chart of twenty indicators cannot do. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fig_chart.h"
#include "numfmt.h"

#define ROW_H 15.0   /* a bar's row, as the layout sizes the box */
#define MIN_ROW 0.8  /* rows lower than this many label lines do not fit */
#define LABEL_SHARE 0.42
#define TICK_GAP 3.0

bool chart_is_hbars(const pp_block *chart)
{
    return chart->chart_type && strcmp(chart->chart_type, "barre-orizzontali") == 0;
}

static size_t npoints(const pp_block *chart) { return chart->nseries ? chart->series[0].npoints : 0; }

double chart_hbars_height(const pp_block *chart, double w)
{
    (void)w;
    const double line = 11;
    double unit = chart->chart_unit && chart->chart_unit[0] ? line + 2 : 0;
    /* as tall as bars.c's at most: more bars get lower rows, or the box
     * says there is no room */
    return fmin(unit + (double)npoints(chart) * ROW_H + line + TICK_GAP + 2 * CHART_PAD, 520);
}

typedef struct {
    pp_page *p;
    pp_text *t;
    const pp_figure_style *s;
    const pp_series *se;
    double lh;
    chart_axis ax;
    double x0, x1; /* the plot, value lo to hi */
} hbars;

static double value_x(const hbars *b, double v)
{
    return b->x0 + (v - b->ax.lo) / (b->ax.hi - b->ax.lo) * (b->x1 - b->x0);
}

static pp_lines *number(const hbars *b, double v, int decimals)
{
    char buf[PP_FMT_IT_SIZE];
    pp_fmt_it(v, decimals, buf, sizeof buf);
    return pp_text_shape(b->t, buf, &b->s->label, 0, PP_ALIGN_LEFT);
}

/* Widest label and widest value, as shaped. */
static bool widths(hbars *b, double *label_w, double *value_w)
{
    *label_w = *value_w = 0;
    for (size_t i = 0; i < b->se->npoints; i++) {
        const pp_point *pt = &b->se->points[i];
        pp_lines *l = pp_text_shape(b->t, pt->label ? pt->label : "", &b->s->label, 0,
                                    PP_ALIGN_LEFT);
        pp_lines *v = number(b, pt->value, 2);
        if (l) *label_w = fmax(*label_w, pp_lines_width(l));
        if (v) *value_w = fmax(*value_w, pp_lines_width(v));
        bool ok = l && v;
        pp_lines_free(l);
        pp_lines_free(v);
        if (!ok) return false;
    }
    return true;
}

/* Grid lines at the ticks and their numbers under the plot. */
static bool axis_under(hbars *b, double top, double bottom)
{
    pp_rgb light = {0.85, 0.85, 0.85};
    for (size_t i = 0; i < b->ax.nticks; i++) {
        double v = b->ax.lo + (double)i * b->ax.step;
        if (fabs(v) < b->ax.step * 1e-9) v = 0;
        double tx = value_x(b, v);
        pp_lines *l = number(b, v, b->ax.decimals);
        if (!l) return false;
        double lw = pp_lines_width(l);
        bool ok = fig_line(b->p, tx, top, tx, bottom, light, 0.4) &&
                  fig_emit(l, b->p, tx - lw / 2, bottom + TICK_GAP, b->s->muted);
        pp_lines_free(l);
        if (!ok) return false;
    }
    return fig_line(b->p, value_x(b, 0), top, value_x(b, 0), bottom, b->s->line, 0.75);
}

/* One row: label, bar, value. */
static bool row(hbars *b, size_t i, double lx, double label_w, double y, double rh)
{
    const pp_point *pt = &b->se->points[i];
    double v;
    if (!chart_value(pt->value, &v)) v = 0;
    pp_lines *l = chart_label(b->t, &b->s->label, pt->label, label_w, PP_ALIGN_RIGHT);
    pp_lines *n = number(b, v, 2);
    double ty = y + (rh - b->lh) / 2, bh = fmax(rh * 0.62, 1);
    double xa = value_x(b, 0), xv = value_x(b, v);
    bool ok = l && n && fig_emit(l, b->p, lx, ty, b->s->text) &&
              fig_rect(b->p, fmin(xa, xv), y + (rh - bh) / 2, fabs(xv - xa), bh,
                       fig_fill(chart_colour(0))) &&
              fig_emit(n, b->p, fmax(xa, xv) + 3, ty, b->s->text);
    pp_lines_free(l);
    pp_lines_free(n);
    return ok;
}

bool chart_hbars(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_block *chart,
                 double x, double y, double w, double h)
{
    hbars b = {.p = p, .t = t, .s = s, .se = &chart->series[0],
               .lh = chart_line_height(t, &s->label)};
    size_t n = b.se->npoints;
    double vmin = 0, vmax = 0, v;
    for (size_t i = 0; i < n; i++) {
        if (!chart_value(b.se->points[i].value, &v)) continue;
        vmin = fmin(vmin, v);
        vmax = fmax(vmax, v);
    }
    b.ax = chart_nice_axis(vmin, vmax);
    double label_w, value_w;
    if (!widths(&b, &label_w, &value_w)) return false;
    bool ok = true;
    double top = y + CHART_PAD;
    const char *unit = chart->chart_unit;
    if (unit && unit[0]) {
        pp_lines *u = chart_label(t, &s->label, unit, w / 2, PP_ALIGN_LEFT);
        if (!u) return false;
        ok = fig_emit(u, p, x + CHART_PAD, top, s->muted);
        pp_lines_free(u);
        top += b.lh + 2;
    }
    label_w = fmin(label_w, LABEL_SHARE * w);
    b.x0 = x + CHART_PAD + label_w + 4;
    b.x1 = x + w - CHART_PAD - value_w - 4;
    double bottom = y + h - CHART_PAD - b.lh - TICK_GAP;
    double rh = fmin(ROW_H, (bottom - top) / (double)n);
    if (rh < MIN_ROW * b.lh || b.x1 - b.x0 < 3 * s->label.size)
        return ok && chart_message(p, t, s, "Spazio insufficiente per il grafico", x, y, w, h);
    bottom = top + rh * (double)n;
    ok = ok && axis_under(&b, top, bottom);
    for (size_t i = 0; ok && i < n; i++)
        ok = row(&b, i, x + CHART_PAD, label_w, top + (double)i * rh, rh);
    return ok;
}
