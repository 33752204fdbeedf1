/* Documents produced in memory by import and merge: serialised, then read
 * back through the front end exactly as a file is, so nothing invalid leaves. */
#include "docsave.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "validate.h"

/* The produced text, read back as any document is read. */
static pp_status recheck(const char *data, size_t len, const char *name, pp_diags *d)
{
    pp_diags again;
    pp_diags_init(&again, name);
    pp_doc *doc = NULL;
    pp_status st = pp_open_document_mem(data, len, name, &again, &doc);
    pp_doc_free(doc);
    if (again.oom) { /* out of memory reading it back: not the document's fault */
        st = pp_diag_oom(d);
    } else if (st != PP_OK) {
        pp_error(d, 0, 0, "internal error: the document produced does not validate:");
        for (size_t i = 0; i < again.count && i < 20; i++)
            pp_error(d, 0, 0, "  line %d:%d: %s", again.items[i].line, again.items[i].col,
                     again.items[i].message);
        st = st == PP_ERR_INPUT ? PP_ERR_ENV : st;
    }
    pp_diags_clear(&again);
    return st;
}

pp_status pp_serialize_checked(const pp_xmldoc *x, bool indent, const char *name, pp_diags *d,
                               char **data, size_t *len)
{
    xmlChar *buf = NULL;
    int n = 0;
    *data = NULL;
    *len = 0;
    xmlDocDumpFormatMemoryEnc(x->doc, &buf, &n, "UTF-8", indent ? 1 : 0);
    if (!buf || n <= 0) {
        xmlFree(buf);
        return pp_diag_oom(d);
    }
    char *text = malloc((size_t)n + 1);
    if (text) {
        memcpy(text, buf, (size_t)n);
        text[n] = '\0';
    }
    xmlFree(buf);
    if (!text) return pp_diag_oom(d);
    pp_status st = recheck(text, (size_t)n, name, d);
    if (st != PP_OK) {
        free(text);
        return st;
    }
    *data = text;
    *len = (size_t)n;
    return PP_OK;
}
