/* Internals shared by the cairo backends (PDF and PNG): the output file
 * written atomically, and the drawing of display-list pages. */
#ifndef PP_BACKEND_CAIRO_H
#define PP_BACKEND_CAIRO_H

#include <stdio.h>

#include <cairo.h>
#include <glib.h>

#include "backend.h"

/* ---- output file --------------------------------------------------------- */

/* A file written next to its target under a temporary name and renamed
 * into place by pp_outfile_commit, so a failed run leaves no file. A target
 * that exists and is not a regular file (/dev/stdout, /dev/full, a pipe) is
 * written straight into, with no temporary (tmp == NULL). */
typedef struct {
    char *path;
    char *tmp;
    FILE *f;
    int err;      /* errno of the first failed write, 0 while all is well */
    bool discard; /* drop further writes (the file is being abandoned) */
} pp_outfile;

/* On failure, nothing to clean up (o is left zeroed). */
pp_status pp_outfile_open(pp_outfile *o, const char *path, pp_diags *d);
/* A cairo_write_func_t over a pp_outfile. */
cairo_status_t pp_outfile_write(void *closure, const unsigned char *data, unsigned int length);
/* Flushes, syncs and closes; PP_ERR_ENV with the reason on any failure. */
pp_status pp_outfile_close(pp_outfile *o, pp_diags *d);
/* Renames the closed temporary file onto the target. */
pp_status pp_outfile_commit(pp_outfile *o, pp_diags *d);
/* Closes and removes the temporary file if any; frees everything. Safe
 * after commit and on a zeroed pp_outfile. */
void pp_outfile_abort(pp_outfile *o);
/* "cannot write PATH: REASON" for a failed write (o->err). */
void pp_outfile_error(const pp_outfile *o, pp_diags *d);

/* ---- drawing ------------------------------------------------------------- */

typedef struct {
    pp_font_table fonts;
    bool structure;       /* PDF: structure tags, links and destinations */
    GPtrArray *open_tags; /* names of the structure tags still open */
    GHashTable *dests;    /* destination names defined so far */
    GHashTable *links;    /* destination names linked to */
    GHashTable *images;   /* file name -> cairo_surface_t*, drawn once, reused */
    bool document_open;   /* the Document tag wrapping all pages */
    GPtrArray *figure_alt; /* alt text of each Figure tag begun, in order (may be NULL) */
    cairo_glyph_t *glyphs;
    size_t cap_glyphs;
} pp_cairo_drawer;

void pp_cairo_drawer_init(pp_cairo_drawer *dr, pp_font_table fonts, bool structure);
void pp_cairo_drawer_clear(pp_cairo_drawer *dr);
/* Draws the items of p (the page size is the caller's business). */
pp_status pp_cairo_draw_page(pp_cairo_drawer *dr, cairo_t *cr, const pp_page *p, pp_diags *d);
/* Ends structure tags left open (with a warning: the layout forgot them). */
void pp_cairo_close_tags(pp_cairo_drawer *dr, cairo_t *cr, pp_diags *d);
/* Ends the Document tag the drawer opens around all pages (PDF). */
void pp_cairo_end_document(pp_cairo_drawer *dr, cairo_t *cr);
/* Font options matching the shaper's (no hinting, unhinted metrics). */
void pp_cairo_set_font_options(cairo_t *cr);
/* An attribute string value for cairo_tag_begin: 'text' with ' and \ escaped. */
void pp_cairo_quote(GString *s, const char *text);

#endif
