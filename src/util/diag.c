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

/* A diagnostic that cannot be stored must not pass unnoticed: the run
 * would look cleaner than it is. */
static void lose(pp_diags *d)
{
    d->lost++;
    d->oom = true;
}

pp_status pp_diag_oom(pp_diags *d)
{
    if (!d->oom) d->errors++; /* one error however often it is reported */
    d->oom = true;
    return PP_ERR_ENV;
}

pp_status pp_diags_status(const pp_diags *d, pp_status st) { return d->oom ? PP_ERR_ENV : st; }

void pp_diags_move(pp_diags *to, pp_diags *from)
{
    for (size_t i = 0; i < from->count; i++) {
        pp_diag *it = &from->items[i];
        if (to->count >= MAX_DIAGS) {
            to->truncated = true;
            free(it->message);
        } else if (!pp_grow(&to->items, &to->cap, to->count + 1, sizeof *to->items, 16)) {
            lose(to);
            free(it->message);
        } else {
            to->items[to->count++] = *it;
        }
    }
    /* out of memory counts as one error, however often it happened */
    to->errors += from->errors - (from->oom && to->oom && from->errors ? 1 : 0);
    to->warnings += from->warnings;
    to->truncated |= from->truncated;
    to->oom |= from->oom;
    to->lost += from->lost;
    from->count = 0; /* the messages belong to `to` now */
    pp_diags_clear(from);
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
        lose(d);
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = malloc(n > 0 ? (size_t)n + 1 : 1);
    if (!msg) {
        lose(d);
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
    if (d->lost)
        fprintf(out, "%s: error: out of memory (%zu problem%s could not be recorded)\n", d->file,
                d->lost, d->lost == 1 ? "" : "s");
    else if (d->oom)
        fprintf(out, "%s: error: out of memory\n", d->file);
}
