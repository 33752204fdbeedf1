/* Output files: the one way perfpdf writes a file.
 *
 * A regular file (or a new one) is written under a short temporary name in
 * the target's folder and renamed into place only when complete, flushed
 * and synced, so a failed run leaves no file and never clobbers the
 * previous good one. A target that exists and is not a regular file
 * (/dev/stdout, a pipe, a device) is written straight into, with no
 * temporary (tmp == NULL). */
#ifndef PP_OUTFILE_H
#define PP_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

typedef struct {
    char *path;
    char *tmp;
    FILE *f;
    int err;      /* errno of the first failed write, 0 while all is well */
    bool discard; /* drop further writes (the file is being abandoned) */
} pp_outfile;

/* On failure, nothing to clean up (o is left zeroed). */
pp_status pp_outfile_open(pp_outfile *o, const char *path, pp_diags *d);
/* Appends; false (and o->err set) once a write has failed. */
bool pp_outfile_write(pp_outfile *o, const void *data, size_t len);
/* Flushes, syncs and closes; PP_ERR_ENV with the reason on any failure. */
pp_status pp_outfile_close(pp_outfile *o, pp_diags *d);
/* Renames the closed temporary file onto the target. */
pp_status pp_outfile_commit(pp_outfile *o, pp_diags *d);
/* Closes and removes the temporary file if any; frees everything. Safe
 * after commit and on a zeroed pp_outfile. */
void pp_outfile_abort(pp_outfile *o);
/* "cannot write PATH: REASON" for a failed write (o->err). */
void pp_outfile_error(const pp_outfile *o, pp_diags *d);

/* The whole of data to path, atomically as above. */
pp_status pp_write_file(const char *path, const void *data, size_t len, pp_diags *d);

#endif
