/* Internals shared by the cairo backends (PDF and PNG): the drawing
 * primitives of pp_backend_ops, over one cairo context per page. Items
 * arrive checked (backend.h); cairo errors are sticky, so nothing here
 * hands cairo anything the generic layer did not check. */
#ifndef PP_CAIRO_DRAW_H
#define PP_CAIRO_DRAW_H

#include <cairo.h>
#include <glib.h>

#include "backend.h"

/* The first member of both backends' state, so the shared operations take
 * either. */
typedef struct {
    cairo_t *cr;         /* the page being drawn */
    bool raster;         /* PNG: JPEG images show a placeholder */
    GHashTable *faces;   /* font index -> cairo_font_face_t*, made once */
    GHashTable *images;  /* file name -> cairo_surface_t*, read once */
    cairo_glyph_t *glyphs;
    size_t cap_glyphs;
} pp_cairo_drawer;

void pp_cairo_drawer_init(pp_cairo_drawer *dr, bool raster);
void pp_cairo_drawer_clear(pp_cairo_drawer *dr);
/* Font options matching the shaper's (no hinting, unhinted metrics). */
void pp_cairo_set_font_options(cairo_t *cr);

/* The drawing operations of pp_backend_ops (impl is a pp_cairo_drawer). */
pp_status pp_cairo_text(void *impl, const pp_run *run, pp_diags *d);
void pp_cairo_rect(void *impl, const pp_dl_item *it);
void pp_cairo_line(void *impl, const pp_dl_item *it);
void pp_cairo_path(void *impl, const pp_dl_item *it);
pp_status pp_cairo_image(void *impl, const pp_dl_item *it, pp_diags *d);

#endif
