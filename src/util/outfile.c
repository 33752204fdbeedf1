/* Output files: written under a temporary name in the target's folder,
 * renamed into place only when complete (see outfile.h). */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "DIR/.perfpdf-XXXXXX" for mkstemp: the same folder, so the rename is
 * atomic; a short name, so any target name the system accepts works. */
static char *temp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    static const char name[] = ".perfpdf-XXXXXX";
    char *t = malloc(dirlen + sizeof name);
    if (t) {
        memcpy(t, path, dirlen);
        memcpy(t + dirlen, name, sizeof name);
    }
    return t;
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
    if (!o->tmp) {
        pp_error(d, 0, 0, "out of memory");
        return false;
    }
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        pp_error(d, 0, 0, "cannot write %s: %s", o->path, strerror(errno));
        free(o->tmp);
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
    if (!(o->path = strdup(path))) {
        pp_error(d, 0, 0, "out of memory");
        return PP_ERR_ENV;
    }
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

bool pp_outfile_write(pp_outfile *o, const void *data, size_t len)
{
    if (o->discard)
        return true;
    if (o->err || !o->f)
        return false;
    if (len && fwrite(data, 1, len, o->f) != len) {
        o->err = errno ? errno : EIO;
        return false;
    }
    return true;
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
    free(o->tmp);
    o->tmp = NULL;
    return PP_OK;
}

void pp_outfile_abort(pp_outfile *o)
{
    if (o->f)
        fclose(o->f);
    if (o->tmp)
        unlink(o->tmp);
    free(o->tmp);
    free(o->path);
    *o = (pp_outfile){0};
}

pp_status pp_write_file(const char *path, const void *data, size_t len, pp_diags *d)
{
    pp_outfile o;
    if (pp_outfile_open(&o, path, d) != PP_OK)
        return PP_ERR_ENV;
    pp_status st = PP_OK;
    if (!pp_outfile_write(&o, data, len)) {
        pp_outfile_error(&o, d);
        st = PP_ERR_ENV;
    }
    if (st == PP_OK)
        st = pp_outfile_close(&o, d);
    if (st == PP_OK)
        st = pp_outfile_commit(&o, d);
    pp_outfile_abort(&o);
    return st;
}
