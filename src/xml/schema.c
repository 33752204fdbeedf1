/* XSD validation against the vocabulary compiled into the program, with
 * libxml2's messages turned into diagnostics at line and column. */
#include "schema.h"

#include <libxml/xmlschemas.h>

extern const unsigned char pp_schema_xsd[];
extern const size_t pp_schema_xsd_len;

static void on_schema_error(void *ctx, xmlErrorPtr err)
{
    pp_diags *d = ctx;
    char msg[512];
    pp_xml_clean_message(err->message ? err->message : "schema violation", msg, sizeof msg);
    const xmlNode *node = err->node;
    int line = node ? pp_xml_line(node) : err->line;
    int col = node ? pp_xml_col(node) : (err->int2 > 0 ? err->int2 : 1);
    pp_diag_add(d, err->level == XML_ERR_WARNING ? PP_WARNING : PP_ERROR, line, col, "%s", msg);
}

static void on_schema_parse_error(void *ctx, xmlErrorPtr err)
{
    pp_diags *d = ctx;
    pp_error(d, 0, 0, "internal schema error: %s", err->message ? err->message : "?");
}

pp_status pp_schema_validate(const pp_xmldoc *x, pp_diags *d)
{
    pp_diags schema_diags;
    pp_diags_init(&schema_diags, "schema");
    xmlSchemaParserCtxtPtr pctxt =
        xmlSchemaNewMemParserCtxt((const char *)pp_schema_xsd, (int)pp_schema_xsd_len);
    if (!pctxt) {
        pp_error(d, 0, 0, "cannot load the document schema");
        return PP_ERR_ENV;
    }
    xmlSchemaSetParserStructuredErrors(pctxt, on_schema_parse_error, &schema_diags);
    xmlSchemaPtr schema = xmlSchemaParse(pctxt);
    xmlSchemaFreeParserCtxt(pctxt);
    pp_diags_clear(&schema_diags);
    if (!schema) {
        pp_error(d, 0, 0, "cannot load the document schema");
        return PP_ERR_ENV;
    }
    xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema);
    if (!vctxt) {
        xmlSchemaFree(schema);
        return pp_diag_oom(d);
    }
    xmlSchemaSetValidStructuredErrors(vctxt, on_schema_error, d);
    size_t before = d->errors;
    int rc = xmlSchemaValidateDoc(vctxt, x->doc);
    xmlSchemaFreeValidCtxt(vctxt);
    xmlSchemaFree(schema);
    if (rc < 0) {
        pp_error(d, 0, 0, "internal error while validating against the schema");
        return PP_ERR_ENV;
    }
    if (rc > 0 && d->errors == before) pp_error(d, 1, 1, "the document does not match the schema");
    return pp_diags_status(d, rc == 0 ? PP_OK : PP_ERR_INPUT);
}
