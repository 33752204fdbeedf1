/* Validation against the document schema (src/schema/documento.xsd, compiled
 * into the program). */
#ifndef PP_SCHEMA_H
#define PP_SCHEMA_H

#include "diag.h"
#include "xmlsafe.h"

/* Appends one diagnostic per schema violation. PP_OK when valid,
 * PP_ERR_INPUT when not, PP_ERR_ENV when the schema itself cannot load. */
pp_status pp_schema_validate(const pp_xmldoc *x, pp_diags *d);

#endif
