/* Diagnostics: problems found in an input file, kept as data.
 *
 * Library code never prints and never exits: it appends diagnostics to a
 * list (with file, line and column) and returns a status; main() decides
 * what to print and which exit code follows (see pp_status).
 *
 * Running out of memory is one policy everywhere: whoever sees an
 * allocation fail calls pp_diag_oom (or returns failure to a caller that
 * does), and the statuses of the front end (validate.h), of import and
 * merge and of the command line go through pp_diags_status, so the run
 * ends with PP_ERR_ENV and "out of memory" -- never as bad input, never as
 * a success with a check or a message silently missing. */
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
    bool oom;       /* memory ran out: the run cannot succeed */
    size_t lost;    /* diagnostics dropped for lack of memory */
} pp_diags;

void pp_diags_init(pp_diags *d, const char *file);
void pp_diags_clear(pp_diags *d);

void pp_diag_add(pp_diags *d, pp_severity sev, int line, int col,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
#define pp_error(d, line, col, ...) pp_diag_add(d, PP_ERROR, line, col, __VA_ARGS__)
#define pp_warning(d, line, col, ...) pp_diag_add(d, PP_WARNING, line, col, __VA_ARGS__)

/* Records that memory ran out (d->oom, counted as an error) and returns
 * PP_ERR_ENV. Storing nothing, it cannot fail itself: pp_diags_print
 * says "out of memory" for it. */
pp_status pp_diag_oom(pp_diags *d);
/* st, or PP_ERR_ENV when memory ran out while d was being filled. */
pp_status pp_diags_status(const pp_diags *d, pp_status st);
/* Appends from's diagnostics (and its counts) to `to`, emptying from:
 * what another thread found, added to the run's own. */
void pp_diags_move(pp_diags *to, pp_diags *from);

/* Stable sort by position (line, column, then order of discovery). */
void pp_diags_sort(pp_diags *d);
/* "FILE:LINE:COL: error: message", one per line; then "FILE: error: out
 * of memory" when memory ran out. */
void pp_diags_print(const pp_diags *d, FILE *out);

#endif
