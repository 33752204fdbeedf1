/* Reading whole files, bounded: the one way input files are read; and
 * opening the files a document names, which must be regular files. */
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const PP_NOT_REGULAR =
    "not a regular file (a FIFO, a device or a folder: it could block or never end)";

/* stat() before open(), so that a FIFO is not even opened (opening one
 * blocks until a writer comes); O_NONBLOCK and fstat() after, so that a
 * file swapped for a FIFO in between is caught on the descriptor itself. */
FILE *pp_open_regular(const char *path, const char **why)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        *why = strerror(errno);
        return NULL;
    }
    if (!S_ISREG(sb.st_mode)) {
        *why = PP_NOT_REGULAR;
        return NULL;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *why = strerror(errno);
        return NULL;
    }
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        *why = PP_NOT_REGULAR;
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        *why = strerror(errno);
        close(fd);
    }
    return f;
}

bool pp_read_stream(FILE *f, size_t max, char **data, size_t *len, bool *too_big)
{
    /* A regular file's size is known: one buffer of that size and a spare
     * byte (to see the end), not the doubling that may leave half of it
     * unused; a pipe or a file that grows still gets doubling. */
    struct stat sb;
    size_t cap = 64 * 1024, n = 0;
    long at = ftell(f);
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && at >= 0 && sb.st_size >= at &&
        (unsigned long long)(sb.st_size - at) < max)
        cap = (size_t)(sb.st_size - at) + 1;
    char *buf = malloc(cap + 1);
    *data = NULL;
    *len = 0;
    *too_big = false;
    while (buf) {
        if (n == cap) {
            if (cap >= max) {
                *too_big = true;
                break;
            }
            cap = cap * 2 > max ? max : cap * 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) break;
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) break;
            buf[n] = '\0';
            *data = buf;
            *len = n;
            return true;
        }
    }
    free(buf);
    return false;
}

pp_status pp_read_file(const char *path, size_t max, char **data, size_t *len, pp_diags *d)
{
    *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        pp_error(d, 0, 0, "cannot open: %s", strerror(errno));
        return errno == ENOENT || errno == EISDIR || errno == ENOTDIR ? PP_ERR_INPUT : PP_ERR_ENV;
    }
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        fclose(f);
        pp_error(d, 0, 0, "is a directory, not a file");
        return PP_ERR_INPUT;
    }
    bool too_big;
    errno = 0;
    bool ok = pp_read_stream(f, max, data, len, &too_big);
    int err = errno;
    bool read_error = ferror(f) != 0;
    fclose(f);
    if (ok) return PP_OK;
    if (too_big) {
        pp_error(d, 0, 0, "file larger than %zu MB", max / (1024 * 1024));
        return PP_ERR_INPUT;
    }
    if (!read_error) return pp_diag_oom(d);
    pp_error(d, 0, 0, "read error: %s", strerror(err));
    return PP_ERR_ENV;
}
