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

/* Reads, validates and loads a file. On PP_OK *out is the model.
 * PP_ERR_INPUT: the file is wrong (errors in d); PP_ERR_ENV: it could not
 * be read or memory ran out. */
pp_status pp_open_document(const char *path, pp_diags *d, pp_doc **out);
/* The same from memory; `path` names the document in the model. */
pp_status pp_open_document_mem(const char *data, size_t len, const char *path, pp_diags *d,
                               pp_doc **out);
/* The same on a tree parsed or built in memory (import, merge): x stays the
 * caller's. With out == NULL the model is only checked, then dropped.
 * Memory running out anywhere (d->oom) makes it PP_ERR_ENV, even when the
 * document has errors too: the report would be incomplete. */
pp_status pp_validate_tree(const pp_xmldoc *x, const char *path, pp_diags *d, pp_doc **out);

/* The semantic checks alone (what the schema cannot say), on a model. The
 * problems found are diagnostics in d; the status is PP_ERR_ENV when
 * memory ran out (some checks did not run), else PP_OK. */
pp_status pp_check(pp_doc *doc, pp_diags *d);

#endif
