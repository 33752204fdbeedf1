/* Files in and out: whole-file reading with a size limit; the files a
 * document names opened only when they are regular files. */
#ifndef PP_FILES_H
#define PP_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* Reads a whole file into a malloc'ed, NUL-terminated buffer; more than
 * `max` bytes is PP_ERR_INPUT, as is a missing file or a folder. */
pp_status pp_read_file(const char *path, size_t max, char **data, size_t *len, pp_diags *d);

/* Opens for reading a file the document names (a logo, an image): only a
 * regular file, since a FIFO or /dev/stdin would block validation or
 * rendering for ever. NULL with *why saying why (strerror, or
 * PP_NOT_REGULAR). The command line's own files (the document, a CSV, a
 * layout) are the user's choice and go through pp_read_file. */
FILE *pp_open_regular(const char *path, const char **why);
extern const char *const PP_NOT_REGULAR;

/* Reads what is left of f into a malloc'ed, NUL-terminated buffer of at
 * most max bytes; false on a read error, on no memory, or (*too_big) when
 * there is more. */
bool pp_read_stream(FILE *f, size_t max, char **data, size_t *len, bool *too_big);

#endif
