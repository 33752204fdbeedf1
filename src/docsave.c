#include "docsave.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "check.h"
#include "load.h"
#include "schema.h"

pp_status pp_check_built(const pp_xmldoc *x, const char *name, pp_diags *d)
{
    pp_status schema = pp_schema_validate(x, d);
    if (schema == PP_ERR_ENV) return schema;
    pp_doc *doc = NULL;
    pp_status st = pp_load(x, name, d, &doc);
    if (st != PP_OK) return st;
    pp_check(doc, d);
    pp_doc_free(doc);
    pp_diags_sort(d);
    return schema != PP_OK || d->errors > 0 ? PP_ERR_INPUT : PP_OK;
}

/* The produced text, read back as any document is read. */
static pp_status recheck(const char *data, size_t len, const char *name, pp_diags *d)
{
    pp_diags again;
    pp_diags_init(&again, name);
    pp_doc *doc = NULL;
    pp_status st = pp_open_document_mem(data, len, name, &again, &doc);
    pp_doc_free(doc);
    if (st != PP_OK) {
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
        pp_error(d, 0, 0, "out of memory writing the document");
        return PP_ERR_ENV;
    }
    char *text = malloc((size_t)n + 1);
    if (text) {
        memcpy(text, buf, (size_t)n);
        text[n] = '\0';
    }
    xmlFree(buf);
    if (!text) {
        pp_error(d, 0, 0, "out of memory writing the document");
        return PP_ERR_ENV;
    }
    pp_status st = recheck(text, (size_t)n, name, d);
    if (st != PP_OK) {
        free(text);
        return st;
    }
    *data = text;
    *len = (size_t)n;
    return PP_OK;
}

/* "dir/name" -> "dir/.name.XXXXXX": the same folder, so rename is atomic. */
static char *temp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + 16;
    char *t = malloc(n);
    if (t) snprintf(t, n, "%.*s.%s.XXXXXX", (int)dir, path, path + dir);
    return t;
}

static bool write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        data += w;
        len -= (size_t)w;
    }
    return true;
}

pp_status pp_write_atomic(const char *path, const char *data, size_t len, pp_diags *d)
{
    char *tmp = temp_name(path);
    if (!tmp) {
        pp_error(d, 0, 0, "out of memory");
        return PP_ERR_ENV;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        pp_error(d, 0, 0, "cannot create a file next to %s: %s", path, strerror(errno));
        free(tmp);
        return PP_ERR_ENV;
    }
    /* mkstemp makes the file private; give it the mode of a new file */
    mode_t mask = umask(0);
    umask(mask);
    bool ok = fchmod(fd, 0666 & ~mask) == 0 && write_all(fd, data, len) && fsync(fd) == 0;
    int saved = errno;
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp, path) != 0) {
        saved = errno;
        ok = false;
    }
    if (!ok) {
        pp_error(d, 0, 0, "cannot write %s: %s", path, strerror(saved));
        unlink(tmp);
    }
    free(tmp);
    return ok ? PP_OK : PP_ERR_ENV;
}
