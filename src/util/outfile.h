/* Output files: the one way perfpdf writes a file.
 *
 * A regular file (or a new one) is written under a short temporary name in
 * the target's folder and renamed into place only when complete, flushed
 * and synced, so a failed run leaves no file and never clobbers the
 * previous good one. A target that exists and is not a regular file
 * (/dev/stdout, a pipe, a device) is written straight into, with no
 * temporary (tmp == NULL). The temporary is ".perfpdf-XXXXXX" in the
 * target's folder: short, so any name the system accepts can be a target. */
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

/* On failure, nothing to clean up (o is left zeroed): PP_ERR_INPUT for an
 * empty name or an input of this run, PP_ERR_ENV otherwise (a folder, a
 * read-only file, no permission). A symbolic link is followed: the file it
 * names is replaced, the link stays. Replacing a file keeps its mode (and
 * its owner where allowed); a new file follows the umask. */
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

/* Marks a file as an input of this run: opening it as an output is then
 * refused (PP_ERR_INPUT), whatever name reaches it (device and inode are
 * compared). A path that does not exist is no input. False when out of
 * memory. */
bool pp_outfile_protect(const char *path);
void pp_outfile_unprotect_all(void);

/* Removes a file this run's outputs make obsolete (pages of an earlier,
 * longer render); an input of the run is never removed. A file already
 * gone is fine. */
pp_status pp_outfile_remove(const char *path, pp_diags *d);

/* Installs handlers of SIGINT, SIGTERM and SIGHUP that remove every
 * temporary file being written, then end the process by the same signal.
 * (SIGKILL cannot be caught: it leaves a hidden .perfpdf-XXXXXX beside the
 * target, never a half-written target.) */
void pp_outfile_cleanup_on_signals(void);

/* The whole of data to path, atomically as above. */
pp_status pp_write_file(const char *path, const void *data, size_t len, pp_diags *d);

#endif
