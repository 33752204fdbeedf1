/* Validation: the one front end every command goes through.
 *
 *   read (safe XML) -> schema (XSD) -> model (loader) -> semantic checks
 *
 * A document is valid when the schema and the checks report no error; the
 * diagnostics (warnings too) are left in d, FILE:LINE:COL, sorted. */
#ifndef PP_VALIDATE_H
#define PP_VALIDATE_H

#include "diag.h"
#include "model.h"
#include "xmlsafe.h"

/* Reads, validates and loads a file. On PP_OK *out is the model. */
pp_status pp_open_document(const char *path, pp_diags *d, pp_doc **out);
/* The same from memory; `path` names the document in the model. */
pp_status pp_open_document_mem(const char *data, size_t len, const char *path, pp_diags *d,
                               pp_doc **out);
/* The same on a tree parsed or built in memory (import, merge): x stays the
 * caller's. With out == NULL the model is only checked, then dropped. */
pp_status pp_validate_tree(const pp_xmldoc *x, const char *path, pp_diags *d, pp_doc **out);

/* The semantic checks alone (what the schema cannot say), on a model. */
void pp_check(pp_doc *doc, pp_diags *d);

#endif
