/* Layout: the scored model -> pages of display list (dlist.h) and the
 * document outline, which the caller hands to the backends. Layout knows
 * no backend. What the pages look like (page size and
 * margins, fonts, colours, the outline of the document, the columns of the
 * indicator tables, the Italian labels) is data: a layout definition file
 * (layouts/relazione.xml documents the format), so a user changes the look
 * without recompiling.
 *
 * Two passes, so that pages leave memory as soon as they are finished: the
 * INDICE pages are reserved up front (the headings are known from the model
 * before pagination), but their page numbers and the "Pagina N di M"
 * footers are known only at the end. The first pass paginates, dropping
 * every page once it is complete and keeping only each heading's page and
 * the page count; the second lays out again, the same decisions on the same
 * inputs, now with those numbers, and hands each page to a sink the moment
 * it is finished (INDICE entries, header, footer and label included). The
 * second pass checks that it put every heading where the first did.
 * Memory stays flat in the number of pages; the price is laying out twice. */
#ifndef PP_LAYOUT_H
#define PP_LAYOUT_H

#include <stddef.h>

#include "diag.h"
#include "dlist.h"
#include "model.h"
#include "text.h"

typedef struct pp_layout pp_layout;

/* Reads a layout definition. Problems are FILE:LINE:COL diagnostics in d
 * (d->file should name path); PP_ERR_INPUT for a bad definition,
 * PP_ERR_ENV when the file cannot be read. */
pp_status pp_layout_load(const char *path, pp_diags *d, pp_layout **out);
/* The same from memory. */
pp_status pp_layout_parse(const char *data, size_t len, pp_diags *d, pp_layout **out);
void pp_layout_free(pp_layout *l);

/* The definition compiled into the program for a kind of document (the
 * copy of layouts/piano.xml for a Piano, of layouts/relazione.xml for the
 * rest, at build time); NULL when there is none. */
const char *pp_layout_builtin(pp_doc_kind kind, size_t *len);
/* The file name of that definition in a layouts folder ("piano.xml"). */
const char *pp_layout_file_name(pp_doc_kind kind);

/* Warns (in d) about font families the bundled set lacks. */
void pp_layout_check_fonts(const pp_layout *l, const pp_text *t, pp_diags *d);

/* The area nothing is drawn outside of, for a portrait or landscape page:
 * the page minus its margins (running header and footer included). */
typedef struct {
    double page_w, page_h;
    double x0, y0, x1, y1;
} pp_layout_box;
pp_layout_box pp_layout_page_box(const pp_layout *l, bool landscape);

/* Document properties: title, author (the administration), subject,
 * keywords, language, and the date: the document's own date, else
 * `fallback` (the caller's SOURCE_DATE_EPOCH or today). Strings live in the
 * document's arena. */
pp_dl_meta pp_layout_meta(const pp_doc *doc, const pp_layout *l, pp_date fallback);

typedef struct {
    double plan_s;   /* outline and INDICE reservation */
    double body_s;   /* first pass: pagination of the body */
    double finish_s; /* second pass with the page numbers known, the sink's time included */
} pp_layout_stats;

/* The document laid out: every page in order (NULL from pp_layout_stream:
 * the sink had them), the page count, the outline (titles and destinations
 * live in `arena`), and the time each phase took. */
typedef struct {
    pp_page **pages;
    size_t npages;
    pp_outline_entry *outline;
    size_t noutline;
    pp_arena *arena;
    pp_layout_stats stats;
} pp_pages;

/* Where the finished pages go, one at a time and in order, complete
 * (INDICE entries, running header and footer, label). The sink owns the
 * page from the call on, whatever it returns; a status other than PP_OK
 * (with its diagnostic in d) stops the layout, which returns that status. */
typedef struct {
    pp_status (*page)(void *ctx, pp_page *page, pp_diags *d);
    void *ctx;
} pp_page_sink;

/* Lays out the scored document, handing every page to the sink as soon as
 * it is finished, so that at most a page or two are held at a time.
 * PP_ERR_ENV when out of memory (or past the page limit, with a
 * diagnostic), else the sink's status when it refused a page. *out gets the
 * page count, the outline and the timings (pages NULL); free it with
 * pp_pages_free, also after a failure. Warnings are given once. */
pp_status pp_layout_stream(const pp_doc *doc, const pp_layout *l, pp_text *text,
                           const pp_page_sink *sink, pp_pages *out, pp_diags *d);
/* The same, every page collected in out->pages (for tests and tools that
 * look at the pages; a whole document in memory). On success free *out
 * with pp_pages_free (pages already handed on and freed are NULL). */
pp_status pp_layout_document(const pp_doc *doc, const pp_layout *l, pp_text *text, pp_pages *out,
                             pp_diags *d);
void pp_pages_free(pp_pages *p);

#endif
