/* Documents produced in memory (by import and merge): checked exactly as a
 * file is, then written so that a failure never leaves half a file. */
#ifndef PP_DOCSAVE_H
#define PP_DOCSAVE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "xmlsafe.h"

/* The tree as UTF-8 text (malloc'ed). `indent`: lay out the elements
 * built without blanks; false keeps the file's own formatting. Then the
 * text is checked again, as perfpdf will read it (pp_open_document_mem):
 * a text that does not validate is an internal error, reported in d. */
pp_status pp_serialize_checked(const pp_xmldoc *x, bool indent, const char *name, pp_diags *d,
                               char **data, size_t *len);

#endif
