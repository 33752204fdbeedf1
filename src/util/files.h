/* Files in and out: whole-file reading with a size limit. */
#ifndef PP_FILES_H
#define PP_FILES_H

#include <stddef.h>

#include "diag.h"

/* Reads a whole file into a malloc'ed, NUL-terminated buffer; more than
 * `max` bytes is PP_ERR_INPUT, as is a missing file or a folder. */
pp_status pp_read_file(const char *path, size_t max, char **data, size_t *len, pp_diags *d);

#endif
