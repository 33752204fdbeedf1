/* Backends draw display lists. The interface is deliberately cairo-like
 * (see cairo's surface backends): a backend is a table of operations over
 * an opaque state. Pages arrive one at a time, in order; finish() writes
 * the outline and closes the file. Output goes to a temporary file next to
 * the target and is renamed into place only on success, so a failed run
 * never leaves half a file (and never clobbers the previous good one). */
#ifndef PP_BACKEND_H
#define PP_BACKEND_H

#include "diag.h"
#include "dlist.h"

typedef struct pp_backend pp_backend;

typedef struct {
    pp_status (*page)(pp_backend *b, const pp_page *page, pp_diags *d);
    pp_status (*finish)(pp_backend *b, const pp_outline_entry *outline, size_t n, pp_diags *d);
    /* Frees everything; without a successful finish() removes the
     * temporary file. */
    void (*destroy)(pp_backend *b);
} pp_backend_ops;

struct pp_backend {
    const pp_backend_ops *ops;
};

/* Font table shared by the layout's text module and the backend. */
typedef struct {
    size_t (*count)(const void *ctx);
    const pp_dl_font *(*get)(const void *ctx, int index);
    const void *ctx;
} pp_font_table;

/* PDF through cairo: metadata, outline, links, tagged structure, fonts
 * embedded and subset, /Lang from meta->lang. The backend wraps all pages
 * in one "Document" structure element: layouts emit the elements inside it
 * (H1..H6, P, L, LI, Lbl, LBody, Table, THead, TBody, TR, TH, TD, Figure,
 * Caption, Sect, Div, Span, TOC, TOCI...: the standard PDF types; other
 * names are dropped with a warning). Links should point at destinations
 * that some page defines (a warning otherwise). A page's failure to read
 * an image is PP_ERR_INPUT; write failures are PP_ERR_ENV. */
pp_status pp_backend_cairo_pdf(const char *path, const pp_dl_meta *meta, pp_font_table fonts,
                               pp_diags *d, pp_backend **out);
/* One PNG per page: path_prefix + "-NNN.png", at `dpi`. */
pp_status pp_backend_cairo_png(const char *path_prefix, double dpi, pp_font_table fonts,
                               pp_diags *d, pp_backend **out);

#endif
