/* The cairo backends: the accessible, tagged PDF for publication and PNG
 * previews, drawing the display list through cairo (see backend.h). */
#ifndef PP_BACKEND_CAIRO_H
#define PP_BACKEND_CAIRO_H

#include "backend.h"

/* PDF through cairo: metadata, outline, links, tagged structure, fonts
 * embedded and subset, /Lang from meta->lang, figures' alternative text.
 * Layouts emit the standard PDF structure types (H1..H6, P, L, LI, Table,
 * TR, TH, TD, Figure...). Same input, same bytes: every date in the file
 * comes from meta->date, never from the clock. */
pp_status pp_backend_cairo_pdf(const char *path, const pp_dl_meta *meta, pp_font_table fonts,
                               pp_diags *d, pp_backend **out);
/* One PNG per page, path_prefix + "-NNN.png", at `dpi`, on white. */
pp_status pp_backend_cairo_png(const char *path_prefix, double dpi, pp_font_table fonts,
                               pp_diags *d, pp_backend **out);

#endif
