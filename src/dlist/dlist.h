/* The display list: what a page shows, in points, independent of any
 * backend. Layout produces it; backends (Cairo PDF/PNG, later libharu
 * PDF/A) only draw it. Modelled on cairo's own split between the drawing
 * API and its surface backends.
 *
 * Coordinates: points (1/72 inch), origin at the top-left corner of the
 * page, y grows downwards. Text items are positioned at their baseline.
 *
 * Memory: every page's items live in the page's arena (pp_page_free). */
#ifndef PP_DLIST_H
#define PP_DLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"

typedef struct {
    double r, g, b; /* 0-1 */
} pp_rgb;

/* A glyph of a shaped run: glyph index in the font and its offset from the
 * run's origin (pen position, baseline), in points. */
typedef struct {
    uint32_t id;
    float x, y;
} pp_glyph;

/* How the characters of a run map to its glyphs, in order: nbytes bytes of
 * utf8 became nglyphs glyphs (a ligature "fi" is 2 bytes, 1 glyph). Lets a
 * backend make text extraction exact. Same layout as cairo_text_cluster_t. */
typedef struct {
    int nbytes, nglyphs;
} pp_cluster;

typedef enum {
    PP_DL_TEXT,      /* a shaped run of glyphs in one font */
    PP_DL_RECT,      /* rectangle, filled and/or stroked */
    PP_DL_LINE,      /* straight segment */
    PP_DL_PATH,      /* polygon / curves / arcs, filled and/or stroked */
    PP_DL_IMAGE,     /* raster image from a file */
    PP_DL_TAG_BEGIN, /* logical structure (tagged PDF): H1, P, Table, TR, TH, TD, Figure, L, LI... */
    PP_DL_TAG_END,   /* closes the innermost open element; u.tag.name repeats its name */
    PP_DL_LINK,      /* clickable area to a named destination */
    PP_DL_DEST       /* named destination (target of links and outline) */
} pp_dl_kind;

typedef enum { PP_PATH_MOVE, PP_PATH_LINE, PP_PATH_CURVE, PP_PATH_ARC, PP_PATH_CLOSE } pp_path_op;

/* One path step. MOVE/LINE use x,y; CURVE uses x1,y1 and x2,y2 (control
 * points) and x,y (end point), as cairo_curve_to; ARC uses cx,cy,r and
 * angles a1 -> a2 in radians, clockwise on the page (cairo's convention). */
typedef struct {
    pp_path_op op;
    double x, y, x1, y1, x2, y2, cx, cy, r, a1, a2;
} pp_path_step;

typedef struct {
    bool fill, stroke;
    pp_rgb fill_color, stroke_color;
    double line_width;
    double dash; /* 0: solid, else dash length */
} pp_paint;

typedef struct pp_dl_item {
    pp_dl_kind kind;
    union {
        struct {
            int font;         /* index into the document's font table */
            double size;      /* points */
            pp_rgb color;
            double x, y;      /* baseline origin */
            const char *utf8; /* the characters of the run (for text extraction
                                 and for backends that set text, not glyphs) */
            size_t nglyphs;
            pp_glyph *glyphs;
            double width;     /* advance of the whole run */
            size_t nclusters; /* 0: unknown (the backend maps the whole run) */
            pp_cluster *clusters;
        } text;
        struct {
            double x, y, w, h;
            pp_paint paint;
        } rect;
        struct {
            double x1, y1, x2, y2;
            pp_paint paint; /* stroke_color, line_width, dash */
        } line;
        struct {
            size_t nsteps;
            pp_path_step *steps;
            pp_paint paint;
        } path;
        struct {
            const char *file; /* PNG or JPEG, absolute or relative to cwd */
            double x, y, w, h;
        } image;
        struct {
            const char *name; /* "H1", "P", "Table", "TR", "TH", "TD", "Figure", ... */
            const char *alt;  /* alternative text (Figure), or NULL */
        } tag;
        struct {
            double x, y, w, h;
            const char *dest;
        } link;
        struct {
            const char *name;
            double x, y;
        } dest;
    } u;
} pp_dl_item;

typedef struct {
    pp_arena *arena;
    int number;           /* 1-based, in document order */
    double width, height; /* points; landscape pages are wider than high */
    pp_dl_item *items;
    size_t nitems, cap;
    /* The page's label, as its footer numbers it (PDF page labels): front
     * matter in lower-case Roman numerals, then the body from 1. Unset
     * (label_number 0): the page's own number, in decimal. */
    bool label_roman;
    int label_number;
} pp_page;

/* A font used by the document, as any PDF writer can use it: the font
 * file and the face inside it. Text items give glyph ids of this face. */
typedef struct {
    const char *file;
    int face_index;
} pp_dl_font;

/* The fonts text items refer to (pp_dl_item.u.text.font is an index). The
 * shaper adds faces as it meets them, so the table is read through
 * functions, valid for as long as whoever made it lives. */
typedef struct {
    size_t (*count)(const void *ctx);
    const pp_dl_font *(*get)(const void *ctx, int index);
    const void *ctx;
} pp_font_table;

typedef struct {
    int level;          /* 1 = top */
    const char *title;
    const char *dest;   /* named destination */
} pp_outline_entry;

typedef struct {
    const char *title, *author, *subject, *keywords, *creator;
    const char *lang;   /* "it-IT" */
    pp_date date;       /* creation date written into the file */
} pp_dl_meta;

pp_page *pp_page_new(int number, double width, double height);
void pp_page_free(pp_page *p);
/* Appends an item (copied); returns the stored copy or NULL when out of
 * memory. Strings and arrays it points to must live in p->arena. */
pp_dl_item *pp_page_add(pp_page *p, const pp_dl_item *item);

#endif
