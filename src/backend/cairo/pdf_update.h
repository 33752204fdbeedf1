/* What cairo 1.16 cannot write into a PDF, added afterwards as an
 * incremental update (ISO 32000-1, 7.5.6): the original bytes stay as they
 * are and a new version of a few objects is appended with its own xref
 * section and trailer. Used for the document language (/Lang, needed by
 * screen readers and accessibility checks), /ViewerPreferences
 * /DisplayDocTitle, a document information dictionary with dates in the
 * D: form (cairo 1.16 omits the prefix), and alternative text for figures. */
#ifndef PP_PDF_UPDATE_H
#define PP_PDF_UPDATE_H

#include "diag.h"

typedef struct {
    const char *lang; /* catalog /Lang: letters, digits and '-' only; NULL: none */
    const char *info; /* a complete information dictionary "<< ... >>"; NULL: keep */
    /* Alternative text of each Figure structure element, in the order the
     * Figure tags began (NULL entries: none). Given to cairo's Figure
     * elements in object order; skipped with a warning if the counts differ. */
    const char *const *figure_alt;
    size_t nfigures;
} pp_pdf_fixes;

/* Appends to the PDF file at path a new catalog with /Lang and
 * /ViewerPreferences /DisplayDocTitle, the new information dictionary and
 * the Figure elements with /Alt. PP_ERR_ENV with a diagnostic when the
 * file cannot be read, parsed (only classic xref tables, as cairo writes
 * them) or written. */
pp_status pp_pdf_update(const char *path, const pp_pdf_fixes *fx, pp_diags *d);

/* A PDF text string for utf8: "(...)" when printable ASCII, else UTF-16BE
 * hex "<FEFF...>". Caller g_free()s. */
char *pp_pdf_text_string(const char *utf8);

#endif
