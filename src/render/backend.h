/* Render: display-list pages to output files, through backends.
 *
 * Modelled on cairo's surface layer: a backend implements only drawing
 * primitives (pp_backend_ops) over its own state; what every backend needs
 * lives here once, in the generic pp_backend that wraps it:
 *   - every item is checked before a backend sees it: finite coordinates,
 *     a known font, UTF-8 and clusters that cover the run, positive sizes;
 *     a broken item is skipped (a broken path as a whole), never drawn half;
 *   - logical structure: standard PDF structure types only, tags balanced
 *     (a stray end is dropped, tags left open are closed at the end, each
 *     with a warning), everything wrapped in one "Document" element;
 *   - links and destinations: a destination defined once, a link to a name
 *     no page defines and an outline entry without its destination are
 *     warned about; outline levels never jump;
 *   - output files: opened through pp_backend_file, written under a short
 *     temporary name in the target's folder and published (renamed) only
 *     when the whole document succeeded, all of a backend's files together.
 *
 * Pages arrive one at a time, in order (pp_backend_page), then
 * pp_backend_finish hands over the outline and completes the files, and
 * pp_backend_publish renames them into place: pp_render_pages publishes
 * only when every backend has finished. */
#ifndef PP_BACKEND_H
#define PP_BACKEND_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "dlist.h"
#include "outfile.h"

/* A text item as a backend draws it: already checked. */
typedef struct {
    const pp_dl_item *item;  /* kind PP_DL_TEXT, finite, nglyphs > 0, size > 0 */
    const pp_dl_font *font;  /* the face of item->u.text.font */
    const char *utf8;        /* the characters, NULL when not valid UTF-8 */
    size_t len;              /* bytes of utf8 */
    const pp_cluster *clusters; /* NULL when unusable: the whole run maps to utf8 */
    size_t nclusters;
} pp_run;

/* What a backend implements. `impl` is the backend's own state. Required:
 * begin_page, end_page, text, rect, line, path, image, finish, destroy.
 * The structure operations are optional: a backend without tag_begin gets
 * no tags, links, destinations or outline (a raster image has none). */
typedef struct {
    const char *name; /* "PDF", "PNG": for messages */
    pp_status (*begin_page)(void *impl, const pp_page *page, pp_diags *d);
    pp_status (*end_page)(void *impl, const pp_page *page, pp_diags *d);
    pp_status (*text)(void *impl, const pp_run *run, pp_diags *d);
    void (*rect)(void *impl, const pp_dl_item *it);
    void (*line)(void *impl, const pp_dl_item *it);
    void (*path)(void *impl, const pp_dl_item *it); /* every step finite, r >= 0 */
    /* A file that cannot be read is the input's fault: PP_ERR_INPUT. */
    pp_status (*image)(void *impl, const pp_dl_item *it, pp_diags *d);
    void (*tag_begin)(void *impl, const char *name, const char *alt);
    void (*tag_end)(void *impl, const char *name);
    void (*link)(void *impl, const pp_dl_item *it); /* dest: non-empty UTF-8 */
    void (*dest)(void *impl, const pp_dl_item *it); /* name: new, non-empty UTF-8 */
    /* After the last page: write the rest (outline entries all point at
     * defined destinations; each level at most one deeper than the last). */
    pp_status (*finish)(void *impl, const pp_outline_entry *outline, size_t n, pp_diags *d);
    /* Optional: a file of this backend, complete and closed, before it is
     * published (the PDF backend appends an incremental update). Only for
     * regular files: special files (pipes, devices) cannot be read back. */
    pp_status (*amend)(void *impl, const char *written, const char *target, pp_diags *d);
    void (*destroy)(void *impl);
} pp_backend_ops;

typedef struct pp_backend pp_backend;

/* Wraps a backend's state (owned from now on: ops->destroy frees it, even
 * on failure). NULL with a diagnostic when out of memory. */
pp_backend *pp_backend_new(const pp_backend_ops *ops, void *impl, pp_font_table fonts,
                           pp_diags *d);
/* An output file of the backend: written atomically and published at
 * pp_backend_finish. On failure (a diagnostic in d) *out is NULL:
 * PP_ERR_INPUT when path is an input of the run (outfile.h), else
 * PP_ERR_ENV. */
pp_status pp_backend_file(pp_backend *b, const char *path, pp_diags *d, pp_outfile **out);

/* A file to remove once the backend's files are published (an earlier
 * render's page that this one does not have). */
void pp_backend_obsolete(pp_backend *b, const char *path);

pp_status pp_backend_page(pp_backend *b, const pp_page *page, pp_diags *d);
/* After the last page: the rest of the output written, every file closed
 * (and amended), ready to be published. */
pp_status pp_backend_finish(pp_backend *b, const pp_outline_entry *outline, size_t n,
                            pp_diags *d);
/* After a successful finish: the files renamed into place, the obsolete
 * ones removed. */
pp_status pp_backend_publish(pp_backend *b, pp_diags *d);
/* Frees the backend; files not published are removed. */
void pp_backend_free(pp_backend *b);

/* One page to every backend, in order (the page stays the caller's). */
pp_status pp_render_page(pp_backend *const *backends, size_t nbackends, const pp_page *page,
                         pp_diags *d);
/* After the last page: finishes every backend with the outline and, when
 * all have finished, publishes their files. */
pp_status pp_render_finish(pp_backend *const *backends, size_t nbackends,
                           const pp_outline_entry *outline, size_t noutline, pp_diags *d);
/* Both for pages held in memory: every page to every backend, in order,
 * freeing each page once drawn, then pp_render_finish. */
pp_status pp_render_pages(pp_backend *const *backends, size_t nbackends, pp_page **pages,
                          size_t npages, const pp_outline_entry *outline, size_t noutline,
                          pp_diags *d);

#endif
