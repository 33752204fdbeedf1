/* Reading whole files, bounded: the one way input files are read. */
#include "files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    /* Doubling, but clamped to max: the buffer never outgrows the limit
     * (so not pp_grow, which would overshoot it). */
    size_t cap = 64 * 1024, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        fclose(f);
        return pp_diag_oom(d);
    }
    pp_status st = PP_OK;
    while (st == PP_OK) {
        if (n == cap) {
            if (cap >= max) {
                pp_error(d, 0, 0, "file larger than %zu MB", max / (1024 * 1024));
                st = PP_ERR_INPUT;
                break;
            }
            size_t ncap = cap * 2 > max ? max : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) { /* not a short file: out of memory */
                st = pp_diag_oom(d);
                break;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                pp_error(d, 0, 0, "read error: %s", strerror(errno));
                st = PP_ERR_ENV;
            }
            break;
        }
    }
    fclose(f);
    if (st != PP_OK) {
        free(buf);
        return st;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return PP_OK;
}
