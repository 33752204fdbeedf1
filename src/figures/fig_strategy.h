/* Internals of the strategy map: strategy_map.c gathers the objectives
 * and chooses the arrangement, strategy_draw.c draws it. */
#ifndef PP_FIG_STRATEGY_H
#define PP_FIG_STRATEGY_H

#include "fig_common.h"

/* The four perspectives in BSC order and the band of objectives without. */
#define SM_NPERSP 5

typedef struct {
    const pp_node *n;
    int persp;      /* first perspective, 0-3; 4 for none */
    int home;       /* band of its first perspective */
    int other;      /* an adjacent perspective it also names (0-3), or -1 */
    int other_band; /* its band, or -1 */
    int band, band2; /* bands it takes (band2 = band + 1 when it spans) */
    size_t area;    /* index of its area among sm->areas */
    pp_lines *text; /* code (bold) and title */
    /* The perspectives it names besides the band(s) it is drawn in
     * ("anche: Economico-finanziaria", malloc'ed), NULL when none; shaped
     * in italics under the title. */
    char *also_text;
    pp_lines *also;
    double x, y, w, h; /* relative to the map's top-left corner */
} sm_box;

typedef struct {
    int persp;
    pp_lines *label;
    double y, h;
} sm_band;

struct pp_strategy_map {
    pp_text *t;
    pp_figure_style style;
    double w, h;     /* the whole figure, legend included */
    double max_h;    /* the room it was arranged for */
    double strip_w;  /* the band labels' strip */
    sm_band bands[SM_NPERSP];
    size_t nbands;
    sm_box *boxes;
    size_t nboxes;
    const pp_node **areas; /* areas with a box, in document order */
    pp_lines **legend;     /* one entry per area */
    size_t nareas;
    double map_h, legend_h, legend_y;
    size_t legend_cols;
    size_t nlinks;   /* arrows drawn */
    char *alt;
};

extern const char *const sm_perspective_names[SM_NPERSP];
/* Fill colour of area i's boxes (and its legend swatch). */
pp_rgb sm_area_colour(size_t i);

#define SM_GAP 6.0   /* between boxes, around rows */
#define SM_ROW_GAP 22.0 /* between rows, when the room allows: the arrows' room */
#define SM_PAD 3.0   /* inside a box */
#define SM_SWATCH 8.0

#endif
