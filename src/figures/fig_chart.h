/* Internals of the charts (chart.c, bars.c, hbars.c, pie.c). */
#ifndef PP_FIG_CHART_H
#define PP_FIG_CHART_H

#include "fig_common.h"

#define CHART_PAD 2.0
/* Values beyond this are clamped, so sums and ranges stay finite. */
#define CHART_MAX_VALUE 1e300

/* Fixed colour-blind-friendly palette (Okabe & Ito), in an order that
 * alternates dark and light greys on a monochrome printout. */
#define CHART_NCOLOURS 8
pp_rgb chart_colour(size_t i);

/* A usable value: finite, clamped to +-CHART_MAX_VALUE; false for NaN. */
bool chart_value(double v, double *out);

/* Height of one line of the font. */
double chart_line_height(pp_text *t, const pp_font_spec *f);

/* A one-line label cut to `width` with an ellipsis. */
pp_lines *chart_label(pp_text *t, const pp_font_spec *f, const char *text, double width,
                      pp_align align);

/* Text centred in the box (used when there is nothing to plot). */
bool chart_message(pp_page *p, pp_text *t, const pp_figure_style *s, const char *msg, double x,
                   double y, double w, double h);

/* A value axis: round ticks from lo to hi by step, printed with decimals. */
typedef struct {
    double lo, hi, step;
    int decimals;
    size_t nticks;
} chart_axis;

/* Round ticks covering [vmin, vmax] (which hold 0): steps of 1, 2, 2.5 or
 * 5 times a power of ten, 4 to 6 ticks, the tightest range first. */
chart_axis chart_nice_axis(double vmin, double vmax);

/* "barre-orizzontali": a ranking, one horizontal bar per point of the first
 * series (hbars.c). */
bool chart_is_hbars(const pp_block *chart);
double chart_hbars_height(const pp_block *chart, double w);
bool chart_hbars(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_block *chart,
                 double x, double y, double w, double h);

bool chart_bars(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_block *chart, double x,
                double y, double w, double h);
bool chart_pie(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_block *chart, double x,
               double y, double w, double h);

#endif
