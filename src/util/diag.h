/* Diagnostics: problems found in an input file, kept as data.
 *
 * Library code never prints and never exits: it appends diagnostics to a
 * list (with file, line and column) and returns a status; main() decides
 * what to print and which exit code follows (see pp_status). */
#ifndef PP_DIAG_H
#define PP_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum {
    PP_OK = 0,
    PP_ERR_INPUT = 2, /* the input is wrong: the user can fix it */
    PP_ERR_ENV = 1    /* environment or internal failure */
} pp_status;

typedef enum { PP_WARNING, PP_ERROR } pp_severity;

typedef struct {
    pp_severity severity;
    int line, col; /* 0 when unknown */
    char *message;
} pp_diag;

typedef struct {
    const char *file; /* name printed in front of every message */
    pp_diag *items;
    size_t count, cap;
    size_t errors, warnings;
    bool truncated; /* too many diagnostics: the rest were dropped */
} pp_diags;

void pp_diags_init(pp_diags *d, const char *file);
void pp_diags_clear(pp_diags *d);

void pp_diag_add(pp_diags *d, pp_severity sev, int line, int col,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
#define pp_error(d, line, col, ...) pp_diag_add(d, PP_ERROR, line, col, __VA_ARGS__)
#define pp_warning(d, line, col, ...) pp_diag_add(d, PP_WARNING, line, col, __VA_ARGS__)

/* Stable sort by position (line, column, then order of discovery). */
void pp_diags_sort(pp_diags *d);
/* "FILE:LINE:COL: error: message", one per line. */
void pp_diags_print(const pp_diags *d, FILE *out);

#endif
