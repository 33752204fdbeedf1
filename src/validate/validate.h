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

/* Earlier Relazioni for the trend over the years (precedenti.c), each
 * already opened (pp_open_document) and scored. pp_check_precedente:
 * errors in d (whose file is prev's) when prev cannot stand beside doc:
 * not a Relazione, another administration (Denominazione), a year not
 * before doc's, or the year of one of `seen` (the earlier documents taken
 * so far). pp_check_precedente_matches, once doc is linked
 * (pp_doc_link_precedenti): a warning in d when no code of doc is found
 * in precedenti[i], whose trend would show the ente alone. */
void pp_check_precedente(const pp_doc *doc, const pp_doc *prev, const pp_doc *const *seen,
                         size_t nseen, pp_diags *d);
void pp_check_precedente_matches(const pp_doc *doc, size_t i, pp_diags *d);

#endif
