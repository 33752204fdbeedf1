/* XML document -> model. */
#ifndef PP_LOAD_H
#define PP_LOAD_H

#include "diag.h"
#include "model.h"
#include "xmlsafe.h"

#define PP_NS "urn:perfpdf:documento:1"

/* Builds the model from a parsed document. Tolerant by design: whatever the
 * schema already rejects (a missing element, a malformed number) is simply
 * left absent here, so the semantic checks can still run and the user sees
 * every problem in one run. PP_ERR_ENV only when out of memory; PP_ERR_INPUT
 * when the root is not a perfpdf document at all. */
pp_status pp_load(const pp_xmldoc *x, const char *path, pp_diags *d, pp_doc **out);

/* Reads, validates (schema + semantic checks) and loads a file: the whole
 * front end in one call. On PP_OK *out is the model; diagnostics (warnings
 * too) are in d. */
pp_status pp_open_document(const char *path, pp_diags *d, pp_doc **out);
/* The same from memory; `path` names the document in the model. */
pp_status pp_open_document_mem(const char *data, size_t len, const char *path, pp_diags *d,
                               pp_doc **out);

/* Parses an xs:decimal ("-12.50"); false when malformed or out of range.
 * *decimals receives the number of digits written after the point. */
bool pp_parse_decimal(const char *s, double *v, int *decimals);

#endif
