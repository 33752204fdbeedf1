/* Pie of the first series: positive values only, clockwise from twelve
 * o'clock in the author's order, slices in the fixed palette separated by
 * white lines, and a legend with label and percentage ("26,8 %"). Slices
 * beyond what the palette and the legend can tell apart are gathered in
 * one "Altre voci" slice. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fig_chart.h"
#include "numfmt.h"

#define MAX_SLICES CHART_NCOLOURS
#define MIN_LEGEND_W 150.0

typedef struct {
    const char *label;
    double value; /* share of the largest value, so that sums stay finite */
} slice;

/* Positive values of the series, scaled by the largest. */
static size_t positive_slices(const pp_series *se, slice *out)
{
    double max = 0, v;
    for (size_t i = 0; i < se->npoints; i++)
        if (chart_value(se->points[i].value, &v) && v > max) max = v;
    size_t n = 0;
    for (size_t i = 0; max > 0 && i < se->npoints; i++)
        if (chart_value(se->points[i].value, &v) && v > 0)
            out[n++] = (slice){se->points[i].label ? se->points[i].label : "", v / max};
    return n;
}

/* Keeps the keep - 1 largest slices in their order and gathers the rest
 * into a last "Altre voci" slice. */
static size_t gather(slice *sl, size_t n, size_t keep)
{
    if (n <= keep || keep < 2) return n;
    double other = 0;
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        size_t larger = 0; /* rank, earlier slices winning ties */
        for (size_t j = 0; j < n; j++)
            if (sl[j].value > sl[i].value || (sl[j].value == sl[i].value && j < i)) larger++;
        if (larger < keep - 1)
            sl[kept++] = sl[i];
        else
            other += sl[i].value;
    }
    sl[kept++] = (slice){"Altre voci", other};
    return kept;
}

static bool slices(pp_page *p, const slice *sl, size_t n, double total, double cx, double cy,
                   double r)
{
    double cum = 0, a1 = -FIG_PI / 2;
    for (size_t i = 0; i < n; i++) {
        cum += sl[i].value;
        /* The last slice closes the circle exactly. */
        double a2 = i + 1 == n ? 1.5 * FIG_PI : -FIG_PI / 2 + 2 * FIG_PI * cum / total;
        if (a2 > a1) {
            fig_path fp;
            fig_path_init(&fp);
            fig_move(&fp, cx, cy);
            fig_lineto(&fp, cx + r * cos(a1), cy + r * sin(a1));
            fig_arc(&fp, cx, cy, r, a1, a2);
            fig_close(&fp);
            if (!fig_path_emit(&fp, p, fig_fill_stroke(chart_colour(i), FIG_WHITE, 0.75)))
                return false;
        }
        a1 = a2;
    }
    return true;
}

typedef struct {
    pp_text *t;
    const pp_figure_style *s;
    double lh;
} pie_ctx;

static bool legend(const pie_ctx *c, pp_page *p, const slice *sl, size_t n, double total, double x,
                   double y, double w)
{
    double sw = 0.75 * c->s->label.size, row = c->lh + 2;
    char pct[MAX_SLICES][32];
    double pct_w = 0;
    for (size_t i = 0; i < n; i++) {
        pp_fmt_it(sl[i].value / total * 100, 1, pct[i], sizeof pct[i] - 2);
        snprintf(pct[i] + strlen(pct[i]), 3, " %%");
        pp_lines *l = pp_text_shape(c->t, pct[i], &c->s->label, 0, PP_ALIGN_LEFT);
        if (!l) return false;
        pct_w = fmax(pct_w, pp_lines_width(l));
        pp_lines_free(l);
    }
    double text_w = w - sw - 4 - pct_w - 6;
    if (text_w < 2 * c->s->label.size) return true; /* no room for words: slices only */
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        double ry = y + (double)i * row;
        pp_lines *name = chart_label(c->t, &c->s->label, sl[i].label, text_w, PP_ALIGN_LEFT);
        pp_lines *val = pp_text_shape(c->t, pct[i], &c->s->label, pct_w, PP_ALIGN_RIGHT);
        ok = name && val &&
             fig_rect(p, x, ry + (c->lh - sw) / 2, sw, sw, fig_fill(chart_colour(i))) &&
             fig_emit(name, p, x + sw + 4, ry, c->s->text) &&
             fig_emit(val, p, x + w - pct_w, ry, c->s->text);
        pp_lines_free(name);
        pp_lines_free(val);
    }
    return ok;
}

bool chart_pie(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_block *chart, double x,
               double y, double w, double h)
{
    const pp_series *se = &chart->series[0];
    slice *sl = malloc((se->npoints + 1) * sizeof *sl);
    if (!sl) return false;
    size_t n = positive_slices(se, sl);
    pie_ctx c = {t, s, chart_line_height(t, &s->label)};
    double row = c.lh + 2, iw = w - 2 * CHART_PAD, ih = h - 2 * CHART_PAD;
    /* Legend beside the pie when the box is wide enough, else under it. */
    bool side = iw - fmin(ih, iw / 2) - 12 >= MIN_LEGEND_W;
    size_t rows = side ? (size_t)fmax(0, floor(ih / row)) : 0;
    double d;
    if (side) {
        d = fmin(ih, fmin(iw / 2, 220));
    } else {
        rows = n < MAX_SLICES ? n : MAX_SLICES;
        while (rows > 0 && ih - 6 - (double)rows * row < 40) rows--;
        d = fmin(iw, ih - (rows ? 6 + (double)rows * row : 0));
    }
    if (rows > MAX_SLICES) rows = MAX_SLICES;
    n = gather(sl, n, rows >= 2 ? rows : MAX_SLICES);
    double total = 0;
    for (size_t i = 0; i < n; i++) total += sl[i].value;
    bool ok;
    if (n == 0 || !(total > 0)) {
        ok = chart_message(p, t, s, "Nessun valore positivo da rappresentare", x, y, w, h);
    } else if (d < 20) {
        ok = chart_message(p, t, s, "Spazio insufficiente per il grafico", x, y, w, h);
    } else {
        double r = d / 2 - 0.5; /* the white separators stay inside */
        double cx = x + CHART_PAD + (side ? d / 2 : iw / 2), cy = y + CHART_PAD + d / 2;
        size_t shown = rows < n ? 0 : n; /* a legend that cannot list every slice is left out */
        double lx = side ? x + CHART_PAD + d + 12 : x + CHART_PAD;
        double lw = fmin(side ? iw - d - 12 : iw, 280);
        double ly =
            side ? y + CHART_PAD + fmax(0, (d - (double)shown * row) / 2) : y + CHART_PAD + d + 6;
        if (!side) lx = x + CHART_PAD + (iw - lw) / 2;
        ok = slices(p, sl, n, total, cx, cy, r) &&
             (shown == 0 || legend(&c, p, sl, shown, total, lx, ly, lw));
    }
    free(sl);
    return ok;
}
