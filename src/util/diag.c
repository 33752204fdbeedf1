/* Diagnostics as data: collected with file, line and column, sorted and
 * printed only by the command line. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

/* A hostile file can produce millions of errors; a clerk reads the first. */
#define MAX_DIAGS 1000

void pp_diags_init(pp_diags *d, const char *file)
{
    memset(d, 0, sizeof *d);
    d->file = file;
}

void pp_diags_clear(pp_diags *d)
{
    for (size_t i = 0; i < d->count; i++) free(d->items[i].message);
    free(d->items);
    const char *file = d->file;
    pp_diags_init(d, file);
}

void pp_diag_add(pp_diags *d, pp_severity sev, int line, int col, const char *fmt, ...)
{
    if (sev == PP_ERROR) d->errors++;
    else d->warnings++;
    if (d->count >= MAX_DIAGS) {
        d->truncated = true;
        return;
    }
    if (!pp_grow(&d->items, &d->cap, d->count + 1, sizeof *d->items, 16)) {
        d->truncated = true;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = malloc(n > 0 ? (size_t)n + 1 : 1);
    if (!msg) {
        d->truncated = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    d->items[d->count++] = (pp_diag){sev, line, col, msg};
}

static int by_position(const void *pa, const void *pb)
{
    const pp_diag *a = pa, *b = pb;
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    if (a->col != b->col) return a->col < b->col ? -1 : 1;
    return 0;
}

void pp_diags_sort(pp_diags *d)
{
    /* qsort is not stable; insertion sort keeps discovery order for equal
     * positions and is linear on the nearly sorted lists we produce. */
    for (size_t i = 1; i < d->count; i++) {
        pp_diag x = d->items[i];
        size_t j = i;
        while (j > 0 && by_position(&d->items[j - 1], &x) > 0) {
            d->items[j] = d->items[j - 1];
            j--;
        }
        d->items[j] = x;
    }
}

void pp_diags_print(const pp_diags *d, FILE *out)
{
    for (size_t i = 0; i < d->count; i++) {
        const pp_diag *g = &d->items[i];
        const char *sev = g->severity == PP_ERROR ? "error" : "warning";
        if (g->line > 0)
            fprintf(out, "%s:%d:%d: %s: %s\n", d->file, g->line, g->col, sev, g->message);
        else /* about the file as a whole (cannot open it, ...) */
            fprintf(out, "%s: %s: %s\n", d->file, sev, g->message);
    }
    if (d->truncated)
        fprintf(out, "%s: too many problems, only the first %d are shown\n", d->file, MAX_DIAGS);
}
