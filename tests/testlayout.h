/* Layout in the unit tests: the compiled-in layout of a kind of document,
 * and a document laid out into pages, with any diagnostic on stderr. */
#ifndef PP_TESTLAYOUT_H
#define PP_TESTLAYOUT_H

#include <stdio.h>

#include "layout.h"

/* The layout perfpdf uses for that kind when none is on disk, parsed;
 * NULL when it does not parse. Free it with pp_layout_free. */
static inline pp_layout *builtin_layout(pp_doc_kind kind)
{
    size_t len = 0;
    const char *xml = pp_layout_builtin(kind, &len);
    pp_diags d;
    pp_diags_init(&d, pp_layout_file_name(kind));
    pp_layout *l = NULL;
    if (pp_layout_parse(xml, len, &d, &l) != PP_OK) pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    return l;
}

/* doc laid out with l into pages (free them with pp_pages_free); false
 * when the layout fails. */
static inline bool laid_out(const pp_doc *doc, const pp_layout *l, pp_text *text,
                            pp_pages *pages)
{
    pp_diags d;
    pp_diags_init(&d, "layout");
    pp_status st = pp_layout_document(doc, l, text, pages, &d);
    if (st != PP_OK) pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    return st == PP_OK;
}

#endif
