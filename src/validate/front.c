/* The front end, once: schema, model and semantic checks of a parsed
 * document, for files, memory and trees built by import and merge. */
#include "validate.h"

#include "load.h"
#include "schema.h"

pp_status pp_validate_tree(const pp_xmldoc *x, const char *path, pp_diags *d, pp_doc **out)
{
    if (out) *out = NULL;
    pp_doc *doc = NULL;
    /* Another kind of XML altogether: one clear message, not a schema dump. */
    if (!pp_load_is_document(x)) return pp_diags_status(d, pp_load(x, path, d, &doc));
    pp_status schema = pp_schema_validate(x, d);
    if (schema == PP_ERR_ENV) return schema;
    pp_status st = pp_load(x, path, d, &doc);
    if (st == PP_OK) st = pp_check(doc, d);
    pp_diags_sort(d);
    /* Out of memory anywhere (a check, a message that could not be
     * stored) is the machine's failure, whatever the input errors. */
    st = pp_diags_status(d, st);
    if (st == PP_OK && (schema != PP_OK || d->errors > 0)) st = PP_ERR_INPUT;
    if (st == PP_OK && out) *out = doc;
    else pp_doc_free(doc);
    return st;
}

static pp_status validate_parsed(pp_xmldoc *x, const char *path, pp_diags *d, pp_doc **out)
{
    pp_status st = pp_validate_tree(x, path, d, out);
    pp_xml_free(x);
    return st;
}

pp_status pp_open_document(const char *path, pp_diags *d, pp_doc **out)
{
    *out = NULL;
    pp_xmldoc x;
    pp_status st = pp_xml_read(path, d, &x);
    return pp_diags_status(d, st != PP_OK ? st : validate_parsed(&x, path, d, out));
}

pp_status pp_open_document_mem(const char *data, size_t len, const char *path, pp_diags *d,
                               pp_doc **out)
{
    *out = NULL;
    pp_xmldoc x;
    pp_status st = pp_xml_parse(data, len, d, &x);
    return pp_diags_status(d, st != PP_OK ? st : validate_parsed(&x, path, d, out));
}
