/* Output files of the cairo backends: written under a temporary name in
 * the target's folder, renamed into place only when complete. */
#include "backend_cairo.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "DIR/.BASE.XXXXXX" for mkstemp: same folder, so rename is atomic. */
static char *temp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    int dirlen = slash ? (int)(slash - path) : 1;
    const char *dir = slash ? path : ".";
    if (slash == path)
        dirlen = 1; /* "/file" */
    return g_strdup_printf("%.*s/.%s.XXXXXX", dirlen, dir, base);
}

static bool open_special(pp_outfile *o, pp_diags *d)
{
    if (!(o->f = fopen(o->path, "wb"))) {
        pp_error(d, 0, 0, "cannot write %s: %s", o->path, strerror(errno));
        return false;
    }
    return true;
}

static bool open_temp(pp_outfile *o, pp_diags *d)
{
    o->tmp = temp_template(o->path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        pp_error(d, 0, 0, "cannot write %s: %s", o->path, strerror(errno));
        g_free(o->tmp);
        o->tmp = NULL;
        return false;
    }
    /* mkstemp makes the file private (0600); the result is an ordinary
     * document, so give it the permissions a plain fopen would. */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    if (!(o->f = fdopen(fd, "wb"))) {
        pp_error(d, 0, 0, "cannot write %s: %s", o->path, strerror(errno));
        close(fd);
        return false;
    }
    return true;
}

/* On failure everything is released (and the temporary removed) here. */
pp_status pp_outfile_open(pp_outfile *o, const char *path, pp_diags *d)
{
    *o = (pp_outfile){0};
    if (!path || !*path) {
        pp_error(d, 0, 0, "no output file name");
        return PP_ERR_ENV;
    }
    o->path = g_strdup(path);
    struct stat st;
    bool ok;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        pp_error(d, 0, 0, "cannot write %s: it is a folder", path);
        ok = false;
    } else if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        ok = open_special(o, d);
    } else {
        ok = open_temp(o, d);
    }
    if (!ok) {
        pp_outfile_abort(o);
        return PP_ERR_ENV;
    }
    return PP_OK;
}

cairo_status_t pp_outfile_write(void *closure, const unsigned char *data, unsigned int length)
{
    pp_outfile *o = closure;
    if (o->discard)
        return CAIRO_STATUS_SUCCESS;
    if (o->err || !o->f)
        return CAIRO_STATUS_WRITE_ERROR;
    if (length && fwrite(data, 1, length, o->f) != length) {
        o->err = errno ? errno : EIO;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

void pp_outfile_error(const pp_outfile *o, pp_diags *d)
{
    pp_error(d, 0, 0, "cannot write %s: %s", o->path ? o->path : "output",
             strerror(o->err ? o->err : EIO));
}

pp_status pp_outfile_close(pp_outfile *o, pp_diags *d)
{
    if (!o->f)
        return o->err ? (pp_outfile_error(o, d), PP_ERR_ENV) : PP_OK;
    errno = 0;
    if (fflush(o->f) != 0 && !o->err)
        o->err = errno ? errno : EIO;
    /* Sync the temporary before renaming it, so the new name never points
     * at data still in flight. Special files may not support fsync. */
    if (o->tmp && !o->err && fsync(fileno(o->f)) != 0)
        o->err = errno;
    if (fclose(o->f) != 0 && !o->err)
        o->err = errno ? errno : EIO;
    o->f = NULL;
    if (o->err) {
        pp_outfile_error(o, d);
        return PP_ERR_ENV;
    }
    return PP_OK;
}

pp_status pp_outfile_commit(pp_outfile *o, pp_diags *d)
{
    if (!o->tmp)
        return PP_OK;
    if (rename(o->tmp, o->path) != 0) {
        pp_error(d, 0, 0, "cannot write %s: %s", o->path, strerror(errno));
        return PP_ERR_ENV;
    }
    g_free(o->tmp);
    o->tmp = NULL;
    return PP_OK;
}

void pp_outfile_abort(pp_outfile *o)
{
    if (o->f)
        fclose(o->f);
    if (o->tmp)
        unlink(o->tmp);
    g_free(o->tmp);
    g_free(o->path);
    *o = (pp_outfile){0};
}
