/* Diagnostics in the unit tests: the exact "LINE:COL: SEVERITY: MESSAGE"
 * form the expectations are written in. Needs only diag.h, so a test that
 * links a single stage can use it. */
#ifndef PP_TESTDIAG_H
#define PP_TESTDIAG_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"

/* Room for "LINE:COL: SEVERITY: " with any two ints. */
#define DIAG_PREFIX_SIZE 48

/* "LINE:COL: SEVERITY: ", how the expectations write a diagnostic before
 * its message. */
static inline void diag_prefix(const pp_diag *g, char *buf, size_t size)
{
    snprintf(buf, size, "%d:%d: %s: ", g->line, g->col,
             g->severity == PP_ERROR ? "error" : "warning");
}

/* True when the diagnostic reads exactly "LINE:COL: SEV: MESSAGE"; compared
 * in two parts so that a message of any length is compared whole. */
static inline bool diag_is(const pp_diag *g, const char *expected)
{
    char prefix[DIAG_PREFIX_SIZE];
    diag_prefix(g, prefix, sizeof prefix);
    size_t n = strlen(prefix);
    return strncmp(expected, prefix, n) == 0 && strcmp(expected + n, g->message) == 0;
}

/* True when some diagnostic reads exactly "LINE:COL: SEV: MESSAGE"; if none
 * does, says so on stderr with the diagnostics there are. */
static inline bool has_diag(const pp_diags *d, const char *expected)
{
    for (size_t i = 0; i < d->count; i++)
        if (diag_is(&d->items[i], expected)) return true;
    fprintf(stderr, "expected diagnostic not found: %s\nfound:\n", expected);
    for (size_t i = 0; i < d->count; i++) {
        char prefix[DIAG_PREFIX_SIZE];
        diag_prefix(&d->items[i], prefix, sizeof prefix);
        fprintf(stderr, "  %s%s\n", prefix, d->items[i].message);
    }
    return false;
}

#endif
