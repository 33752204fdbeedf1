/* Figures drawn into a box of a page: gauges, traffic lights, charts and
 * the performance tree diagram. Each function draws inside (x, y, w, h)
 * (points, top-left origin) and never outside it; the layout decides where
 * the box goes and how tall it is (see the *_height helpers). Colours of
 * bands come from the SMVP (pp_band.colour, "#RRGGBB"). Every figure is
 * wrapped in a "Figure" structure tag with an alternative text. */
#ifndef PP_FIGURES_H
#define PP_FIGURES_H

#include "dlist.h"
#include "model.h"
#include "text.h"

/* Fonts and colours the figures use, from the layout definition. */
typedef struct {
    pp_font_spec label;  /* small labels */
    pp_font_spec value;  /* big numbers (gauge value) */
    pp_rgb text, line, muted;
    /* The bands in effect: the document's, completed by the layout's
     * fallback bands when it has none. NULL: the document's own. */
    const pp_smvp *bands;
} pp_figure_style;

/* "#2E7D32" -> rgb; false when malformed. */
bool pp_rgb_parse(const char *hex, pp_rgb *out);

/* Semicircular dial: one sector per band in its colour, needle at `value`
 * (0-100), the value printed "97,98 %" under the pivot, `caption` under it
 * (wrapped). Height for a given width: pp_gauge_height. */
double pp_gauge_height(pp_text *t, const pp_figure_style *s, double w, const char *caption);
bool pp_gauge_draw(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_smvp *smvp,
                   double value, const char *caption, double x, double y, double w);

/* Traffic-light mark for a band, readable in grey: a filled disc in the
 * band's colour with a symbol inside (check for the top band, "!" for a
 * middle one, cross for the lowest, "?" for not evaluated: band < 0). */
bool pp_light_draw(pp_page *p, pp_text *t, const pp_smvp *smvp, int band, double cx, double cy,
                   double radius);

/* Charts from narrative content (pp_block of kind PP_BLOCK_CHART):
 * "barre" (grouped bars, one colour per series, value axis with Italian
 * numbers, legend), "torta" (pie of the first series, legend with
 * percentages) and "barre-orizzontali" (a ranking: one horizontal bar per
 * point of the first series, labelled at the left, its value at its end;
 * the layout makes it, e.g. for the points lost). The chart's title (pp_block.caption) is not drawn: the
 * layout prints it as the figure's caption; it goes into the alternative
 * text. pp_chart_height guesses without shaping text; pp_chart_draw fits
 * whatever box it gets (legend, then labels are left out when short). */
double pp_chart_height(const pp_block *chart, double w);
bool pp_chart_draw(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_block *chart,
                   double x, double y, double w, double h);

/* The trend of an indicator on a scheda: its serie storica (the years
 * with a value) as a line of dots and its numeric targets as open squares,
 * years on the x axis, each value written in Italian numbers, a legend at
 * the bottom, `title` (cut to two lines) at the top; wrapped in a Figure
 * tag with `alt`. pp_trend_values counts what it would plot: a trend says
 * something from three values on. */
size_t pp_trend_values(const pp_indicator *ind);
bool pp_trend_draw(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_indicator *ind,
                   const char *title, const char *alt, double x, double y, double w, double h);

/* Performance tree diagram: boxes and connectors ente -> areas ->
 * strategic objectives (and operational ones when `operational`), each box
 * with code, title, weight and achievement coloured by band. A large tree
 * continues over several boxes-worth of pages: the layout asks for the
 * slices. */
typedef struct pp_tree_diagram pp_tree_diagram;
pp_tree_diagram *pp_tree_diagram_new(pp_text *t, const pp_figure_style *s, const pp_doc *doc,
                                     bool operational, double w);
void pp_tree_diagram_free(pp_tree_diagram *td);
/* Number of slices needed when each slice may be at most max_h tall.
 * Slices are cut between boxes; a continuation slice starts with a
 * "segue: ..." label naming the boxes it continues. A slice is taller than
 * max_h only when max_h is less than one box (then it holds that box). */
size_t pp_tree_diagram_slices(pp_tree_diagram *td, double max_h);
/* The same, with the first slice at most first_h tall (the room left on
 * the current page, under a heading). When not even the first box fits
 * first_h, slice 0 is empty (height 0, draws nothing): start the diagram
 * on the next page. */
size_t pp_tree_diagram_slices_after(pp_tree_diagram *td, double first_h, double max_h);
double pp_tree_diagram_slice_height(pp_tree_diagram *td, size_t slice);
/* Boxes drawn in a slice (a last slice of a few boxes is worth avoiding). */
size_t pp_tree_diagram_slice_boxes(pp_tree_diagram *td, size_t slice);
bool pp_tree_diagram_draw(pp_tree_diagram *td, size_t slice, pp_page *p, double x, double y);

/* Strategy map (BSC): one horizontal band per perspective the strategic
 * objectives use, top to bottom Utenti-imprese-territorio, Processi
 * interni, Apprendimento e crescita, Economico-finanziaria (then "Senza
 * prospettiva" for objectives without one); each strategic objective a box
 * (code and title) in its first perspective's band, across two bands when
 * it also names the adjacent one (a perspective not adjacent is named in
 * the box, "anche: ..."); boxes coloured by area with a legend of
 * the areas under the map; an arrow per resolved Collegamento, from the
 * cause's box to the effect's. The arrangement (columns, font size, lines
 * per box) is chosen to fit w x max_h: boxes shrink, rows wrap inside a
 * band. pp_strategy_map_objectives: the strategic objectives with a
 * perspective (0: no map to draw). */
typedef struct pp_strategy_map pp_strategy_map;
size_t pp_strategy_map_objectives(const pp_doc *doc);
/* NULL only when out of memory. */
pp_strategy_map *pp_strategy_map_new(pp_text *t, const pp_figure_style *s, const pp_doc *doc,
                                     double w, double max_h);
void pp_strategy_map_free(pp_strategy_map *sm);
/* At most max_h, unless not even one line per box fits it (infinite for
 * more objectives than any page holds): then the layout draws nothing. */
double pp_strategy_map_height(const pp_strategy_map *sm);
bool pp_strategy_map_draw(const pp_strategy_map *sm, pp_page *p, double x, double y);

#endif
