/* Grouped bar chart: a value axis with 4-6 round ticks in Italian numbers,
 * light grid lines, a zero line (negative values go below it), one colour
 * per series, category labels under the bars (thinned out when crowded)
 * and a legend of the series at the bottom. Whatever does not fit the box
 * is left out, legend first, then the category labels. */
#include <math.h>
#include <stdlib.h>

#include "fig_chart.h"
#include "numfmt.h"

#define MIN_PLOT 24.0 /* a plot lower than this is not worth drawing */
#define TICK_GAP 4.0

typedef chart_axis axis;

axis chart_nice_axis(double vmin, double vmax)
{
    if (!(vmax > vmin)) vmax = vmin + 1;
    double range = vmax - vmin;
    if (!isfinite(range)) range = CHART_MAX_VALUE; /* unreachable with clamped values */
    static const double mant[] = {1, 2, 2.5, 5};
    axis best = {0};
    double best_span = INFINITY;
    int e0 = (int)floor(log10(range));
    for (int e = e0 - 2; e <= e0 + 1; e++) {
        for (size_t m = 0; m < 4; m++) {
            double step = mant[m] * pow(10, e);
            double lo = floor(vmin / step + 1e-9) * step, hi = ceil(vmax / step - 1e-9) * step;
            double n = round((hi - lo) / step) + 1;
            if (!isfinite(n) || n < 4 || n > 6) continue;
            double span = (hi - lo) + fabs(n - 5) * step * 1e-6; /* ties: 5 ticks */
            if (span < best_span) {
                best_span = span;
                int dec = -e + (m == 2 ? 1 : 0);
                best = (axis){lo, hi, step, dec < 0 ? 0 : dec > 6 ? 6 : dec, (size_t)n};
            }
        }
    }
    if (best.nticks == 0) /* not expected; five plain steps */
        best = (axis){vmin, vmax, range / 4, 2, 5};
    return best;
}

typedef struct {
    pp_text *t;
    const pp_figure_style *s;
    const pp_block *chart;
    double lh; /* a label line */
    size_t ncat;
    bool show_legend, show_labels;
    double legend_h;
    axis ax;
    pp_lines **ticks; /* one per tick */
    double axis_w;
} bars;

static const char *category(const pp_block *c, size_t i)
{
    for (size_t k = 0; k < c->nseries; k++)
        if (i < c->series[k].npoints && c->series[k].points[i].label)
            return c->series[k].points[i].label;
    return "";
}

static bool has_names(const pp_block *c)
{
    for (size_t k = 0; k < c->nseries; k++)
        if (c->series[k].name && c->series[k].name[0]) return true;
    return false;
}

/* Legend items flowing in rows: returns the height, draws when p != NULL. */
static double legend(bars *b, pp_page *p, double x, double y, double w, bool *ok)
{
    double sw = 0.75 * b->s->label.size, gap = 12, cx = x, cy = y;
    double row_h = b->lh + 2;
    for (size_t k = 0; k < b->chart->nseries; k++) {
        const char *name = b->chart->series[k].name;
        pp_lines *l = chart_label(b->t, &b->s->label, name && name[0] ? name : "Serie",
                                  fmax(w - sw - 3, 1), PP_ALIGN_LEFT);
        if (!l) {
            *ok = false;
            return 0;
        }
        double iw = sw + 3 + pp_lines_width(l);
        if (cx > x && cx + iw > x + w) {
            cx = x;
            cy += row_h;
        }
        if (p) {
            *ok = *ok && fig_rect(p, cx, cy + (b->lh - sw) / 2, sw, sw, fig_fill(chart_colour(k)));
            *ok = *ok && fig_emit(l, p, cx + sw + 3, cy, b->s->text);
        }
        pp_lines_free(l);
        cx += iw + gap;
    }
    return cy + row_h - y;
}

static bool shape_ticks(bars *b)
{
    b->ticks = calloc(b->ax.nticks, sizeof *b->ticks);
    if (!b->ticks) return false;
    b->axis_w = 0;
    for (size_t i = 0; i < b->ax.nticks; i++) {
        double v = b->ax.lo + (double)i * b->ax.step;
        if (fabs(v) < b->ax.step * 1e-9) v = 0;
        char buf[PP_FMT_IT_SIZE];
        pp_fmt_it(v, b->ax.decimals, buf, sizeof buf);
        b->ticks[i] = pp_text_shape(b->t, buf, &b->s->label, 0, PP_ALIGN_LEFT);
        if (!b->ticks[i]) return false;
        b->axis_w = fmax(b->axis_w, pp_lines_width(b->ticks[i]));
    }
    return true;
}

static double value_y(const bars *b, double v, double top, double bottom)
{
    return bottom - (v - b->ax.lo) / (b->ax.hi - b->ax.lo) * (bottom - top);
}

static bool grid(bars *b, pp_page *p, double x0, double x1, double top, double bottom)
{
    pp_rgb light = {0.85, 0.85, 0.85};
    for (size_t i = 0; i < b->ax.nticks; i++) {
        double ty = value_y(b, b->ax.lo + (double)i * b->ax.step, top, bottom);
        const pp_lines *l = b->ticks[i];
        if (!fig_line(p, x0, ty, x1, ty, light, 0.4) ||
            !fig_emit(l, p, x0 - TICK_GAP - pp_lines_width(l), ty - b->lh / 2, b->s->muted))
            return false;
    }
    return true;
}

static bool draw_bars(bars *b, pp_page *p, double x0, double x1, double top, double bottom)
{
    size_t ns = b->chart->nseries;
    double slot = (x1 - x0) / (double)b->ncat;
    double group = slot * (ns > 1 ? 0.8 : 0.6), bw = group / (double)ns;
    double gap = bw > 4 ? fmin(1, bw * 0.1) : 0;
    double y0 = value_y(b, 0, top, bottom);
    for (size_t k = 0; k < ns; k++) {
        const pp_series *se = &b->chart->series[k];
        for (size_t i = 0; i < se->npoints && i < b->ncat; i++) {
            double v;
            if (!chart_value(se->points[i].value, &v)) continue;
            double yv = value_y(b, v, top, bottom);
            double bx = x0 + (double)i * slot + (slot - group) / 2 + (double)k * bw + gap / 2;
            if (!fig_rect(p, bx, fmin(y0, yv), bw - gap, fabs(yv - y0), fig_fill(chart_colour(k))))
                return false;
        }
    }
    return fig_line(p, x0, y0, x1, y0, b->s->line, 0.75);
}

/* Category labels under the bars; when the slots are narrower than the
 * widest label only every k-th category is labelled, on k slots' width. */
static bool labels(bars *b, pp_page *p, double x, double w, double x0, double x1, double top)
{
    double slot = (x1 - x0) / (double)b->ncat, widest = 0;
    for (size_t i = 0; i < b->ncat; i++) {
        pp_lines *l = pp_text_shape(b->t, category(b->chart, i), &b->s->label, 0, PP_ALIGN_LEFT);
        if (!l) return false;
        widest = fmax(widest, pp_lines_width(l));
        pp_lines_free(l);
    }
    /* Every label, on two lines when needed; when even that is crowded,
     * every k-th label on one line. */
    double size = b->s->label.size;
    size_t k = slot >= fmax(widest / 2 + 4, 3.5 * size)
                   ? 1
                   : (size_t)ceil((fmin(widest, 10 * size) + 6) / slot);
    double lw = fmin((double)k * slot, w - 2 * CHART_PAD) - 2;
    if (lw < b->s->label.size) return true;
    double prev_end = -INFINITY;
    for (size_t i = 0; i < b->ncat; i += k) {
        double lx = x0 + ((double)i + 0.5) * slot - lw / 2;
        lx = fig_clamp(lx, x + CHART_PAD, x + w - CHART_PAD - lw);
        if (lx < prev_end - 1e-6) continue; /* pushed onto its neighbour by the box's edge */
        prev_end = lx + lw;
        pp_lines *l = fig_shape_clamped(b->t, &b->s->label, NULL, category(b->chart, i), lw,
                                        PP_ALIGN_CENTER, 2);
        if (!l) return false;
        bool ok = fig_emit(l, p, lx, top, b->s->text);
        pp_lines_free(l);
        if (!ok) return false;
    }
    return true;
}

static void value_range(const pp_block *c, double *vmin, double *vmax)
{
    *vmin = 0, *vmax = 0;
    for (size_t k = 0; k < c->nseries; k++)
        for (size_t i = 0; i < c->series[k].npoints; i++) {
            double v;
            if (!chart_value(c->series[k].points[i].value, &v)) continue;
            *vmin = fmin(*vmin, v);
            *vmax = fmax(*vmax, v);
        }
}

static bool bars_body(bars *b, pp_page *p, double x, double y, double w, double h)
{
    bool ok = true;
    double top = y + CHART_PAD;
    const char *unit = b->chart->chart_unit;
    if (unit && unit[0]) {
        pp_lines *u = chart_label(b->t, &b->s->label, unit, w / 2, PP_ALIGN_LEFT);
        if (!u) return false;
        ok = fig_emit(u, p, x + CHART_PAD, top, b->s->muted);
        pp_lines_free(u);
        top += b->lh + 2;
    }
    double x0 = x + CHART_PAD + b->axis_w + TICK_GAP, x1 = x + w - CHART_PAD;
    double label_h = 2 * b->lh + 3, legend_h = b->legend_h + 4;
    double plot_top = top + b->lh / 2;
    double bottom = y + h - CHART_PAD;
    /* What fits: the plot first, then the labels, then the legend. */
    b->show_labels = b->show_legend = false;
    double plot_bottom = bottom - b->lh / 2;
    if (b->legend_h > 0 && plot_bottom - legend_h - label_h - plot_top >= 3 * MIN_PLOT)
        b->show_legend = true, plot_bottom -= legend_h;
    if (plot_bottom - label_h - plot_top >= MIN_PLOT) b->show_labels = true, plot_bottom -= label_h;
    if (plot_bottom - plot_top < MIN_PLOT || x1 - x0 < MIN_PLOT)
        return ok &&
               chart_message(p, b->t, b->s, "Spazio insufficiente per il grafico", x, y, w, h);
    ok = ok && grid(b, p, x0, x1, plot_top, plot_bottom) &&
         draw_bars(b, p, x0, x1, plot_top, plot_bottom);
    if (b->show_labels) ok = ok && labels(b, p, x, w, x0, x1, plot_bottom + b->lh / 2 + 2);
    if (b->show_legend) legend(b, p, x + CHART_PAD, bottom - b->legend_h, w - 2 * CHART_PAD, &ok);
    return ok;
}

bool chart_bars(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_block *chart, double x,
                double y, double w, double h)
{
    bars b = {.t = t, .s = s, .chart = chart, .lh = chart_line_height(t, &s->label)};
    for (size_t k = 0; k < chart->nseries; k++)
        if (chart->series[k].npoints > b.ncat) b.ncat = chart->series[k].npoints;
    double vmin, vmax;
    value_range(chart, &vmin, &vmax);
    b.ax = chart_nice_axis(vmin, vmax);
    bool ok = shape_ticks(&b);
    if (ok && has_names(chart)) b.legend_h = legend(&b, NULL, 0, 0, w - 2 * CHART_PAD, &ok);
    ok = ok && bars_body(&b, p, x, y, w, h);
    for (size_t i = 0; b.ticks && i < b.ax.nticks; i++) pp_lines_free(b.ticks[i]);
    free(b.ticks);
    return ok;
}
