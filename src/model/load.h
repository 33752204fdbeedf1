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
/* The same, freeing each element of a list (areas, objectives,
 * indicators, units, people, sections, blocks, rows, items) as soon as it
 * is loaded, so that the tree and the model are never both whole in
 * memory; x is left partly freed, for pp_xml_free only. */
pp_status pp_load_consume(pp_xmldoc *x, const char *path, pp_diags *d, pp_doc **out);
/* True when the root is <DocumentoPerformance> in our namespace. */
bool pp_load_is_document(const pp_xmldoc *x);

#endif
