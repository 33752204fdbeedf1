/* Helpers shared by the figures (internal to fig_*.c): paints, paths with
 * arcs, structure tags, band colours and text clamped to a number of lines.
 * Everything appended to a page lives in the page's arena. */
#ifndef PP_FIG_COMMON_H
#define PP_FIG_COMMON_H

#include "figures.h"

#define FIG_PI 3.14159265358979323846

/* Grey used when a colour is missing or malformed. */
#define FIG_GREY ((pp_rgb){0.62, 0.62, 0.62})
#define FIG_WHITE ((pp_rgb){1, 1, 1})

pp_paint fig_fill(pp_rgb c);
pp_paint fig_stroke(pp_rgb c, double line_width);
pp_paint fig_fill_stroke(pp_rgb fill, pp_rgb stroke, double line_width);

/* Colour of band `band` of the SMVP, `fallback` when the band does not
 * exist or its colour is malformed. */
pp_rgb fig_band_colour(const pp_smvp *s, int band, pp_rgb fallback);
/* Label of the band ("raggiunto"), "non valutato" when band < 0. */
const char *fig_band_label(const pp_smvp *s, int band);
/* Grey level a monochrome printer gives the colour (0 black, 1 white). */
double fig_grey_level(pp_rgb c);
/* The colour darkened by factor k (0-1) towards black. */
pp_rgb fig_darker(pp_rgb c, double k);

bool fig_tag_begin(pp_page *p, const char *name, const char *alt);
bool fig_tag_end(pp_page *p, const char *name);
bool fig_rect(pp_page *p, double x, double y, double w, double h, pp_paint paint);
bool fig_line(pp_page *p, double x1, double y1, double x2, double y2, pp_rgb c, double lw);

/* A path under construction; steps are copied into the page on emit. A
 * path that outgrows its buffer is dropped (never truncated silently into
 * a wrong shape). */
#define FIG_PATH_MAX 64
typedef struct {
    pp_path_step steps[FIG_PATH_MAX];
    size_t n;
    bool overflow;
} fig_path;

void fig_path_init(fig_path *fp);
void fig_move(fig_path *fp, double x, double y);
void fig_lineto(fig_path *fp, double x, double y);
void fig_curve(fig_path *fp, double x1, double y1, double x2, double y2, double x3, double y3);
/* Clockwise arc (PP_PATH_ARC), a1 <= a2. */
void fig_arc(fig_path *fp, double cx, double cy, double r, double a1, double a2);
/* Counter-clockwise arc from a1 down to a2 (a2 <= a1), as Bezier curves,
 * since the display list only knows clockwise arcs. Starts with a line to
 * the arc's first point. */
void fig_arc_ccw(fig_path *fp, double cx, double cy, double r, double a1, double a2);
void fig_close(fig_path *fp);
bool fig_path_emit(const fig_path *fp, pp_page *p, pp_paint paint);

/* Filled disc (one clockwise arc). */
bool fig_disc(pp_page *p, double cx, double cy, double r, pp_paint paint);
/* Ring sector between radii r_in and r_out, angles a1 -> a2 clockwise. */
bool fig_ring_sector(pp_page *p, double cx, double cy, double r_in, double r_out, double a1,
                     double a2, pp_paint paint);
/* A thick segment with round ends, filled (so it never depends on how a
 * backend caps strokes). */
bool fig_thick_segment(pp_page *p, double x1, double y1, double x2, double y2, double t, pp_rgb c);

/* `bold` (may be NULL or "") followed by `text`, shaped to `width` and cut
 * to at most max_lines lines; when cut, the text ends with an ellipsis.
 * NULL only when out of memory (or when t is NULL). */
pp_lines *fig_shape_clamped(pp_text *t, const pp_font_spec *font, const char *bold,
                            const char *text, double width, pp_align align, size_t max_lines);
/* Emits every line of l with the top at y. */
bool fig_emit(const pp_lines *l, pp_page *p, double x, double y, pp_rgb c);
/* Height of l, 0 for NULL. */
double fig_height(const pp_lines *l);

/* Traffic light without its structure tag (for figures that hold lights),
 * and the symbol it shows for a band. */
typedef enum {
    FIG_SYMBOL_CHECK,
    FIG_SYMBOL_BANG,
    FIG_SYMBOL_CROSS,
    FIG_SYMBOL_QUESTION
} fig_symbol;
fig_symbol fig_light_symbol(const pp_smvp *smvp, int band);
bool fig_light(pp_page *p, const pp_smvp *smvp, int band, double cx, double cy, double radius);

/* Font spec derived from base with another size / weight. */
pp_font_spec fig_font(const pp_font_spec *base, double size, bool bold);

/* "97,98 %" or "N/D" for non-finite values. */
void fig_percent(double v, char *buf, size_t size);

static inline double fig_clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

#endif
