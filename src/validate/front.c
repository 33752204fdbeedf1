/* The front end, once: schema, model and semantic checks of a parsed
 * document, for files, memory and trees built by import and merge. */
#include "validate.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "load.h"
#include "schema.h"

/* The checks of a loaded document, which goes to *out or is freed. Out of
 * memory anywhere (a check, a message that could not be stored) is the
 * machine's failure, whatever the input errors. */
static pp_status finish(pp_doc *doc, pp_status schema, pp_diags *d, pp_doc **out)
{
    pp_status st = pp_check(doc, d);
    pp_diags_sort(d);
    st = pp_diags_status(d, st);
    if (st == PP_OK && (schema != PP_OK || d->errors > 0)) st = PP_ERR_INPUT;
    if (st == PP_OK && out) *out = doc;
    else pp_doc_free(doc);
    return st;
}

pp_status pp_validate_tree(const pp_xmldoc *x, const char *path, pp_diags *d, pp_doc **out)
{
    if (out) *out = NULL;
    pp_doc *doc = NULL;
    /* Another kind of XML altogether: one clear message, not a schema dump. */
    if (!pp_load_is_document(x)) return pp_diags_status(d, pp_load(x, path, d, &doc));
    pp_status schema = pp_schema_validate(x, d);
    if (schema == PP_ERR_ENV) return schema;
    pp_status st = pp_load(x, path, d, &doc);
    return st != PP_OK ? pp_diags_status(d, st) : finish(doc, schema, d, out);
}

/* A tree parsed here is the model's only source: it is consumed as the
 * model is built and freed before the checks, so the peak of memory is
 * the tree's (see the README's budget), not the tree's and the model's. */
/* The tree is gone, but the C library keeps its pages for the next
 * allocations: at 100,000 indicators some 250 MB that the rest of the run
 * never needs (its own peak is the cairo writer's, later). glibc returns
 * them to the system on request; other C libraries do as they do. */
static void give_back_memory(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

static pp_status validate_parsed(pp_xmldoc *x, const char *path, pp_diags *d, pp_doc **out)
{
    *out = NULL;
    pp_doc *doc = NULL;
    pp_status schema = PP_OK, st;
    if (!pp_load_is_document(x)) {
        st = pp_load(x, path, d, &doc);
        pp_xml_free(x);
        return pp_diags_status(d, st);
    }
    schema = pp_schema_validate(x, d);
    st = schema == PP_ERR_ENV ? schema : pp_load_consume(x, path, d, &doc);
    pp_xml_free(x);
    give_back_memory();
    return st != PP_OK ? pp_diags_status(d, st) : finish(doc, schema, d, out);
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
