/* Internals of the charts (fig_chart.c, fig_bars.c, fig_pie.c). */
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

bool chart_bars(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_block *chart, double x,
                double y, double w, double h);
bool chart_pie(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_block *chart, double x,
               double y, double w, double h);

#endif
