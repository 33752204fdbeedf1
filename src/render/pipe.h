/* The page pipe: pages handed to the backends by the layout, drawn on
 * other cores while the layout goes on.
 *
 * Laying out and drawing take comparable time; done in turn, one core
 * waits for the other. With the pipe each backend draws on a thread of its
 * own, in page order (so every file is byte for byte what drawing on one
 * thread gives), while the caller lays out the next pages; at most `depth`
 * pages wait, so memory stays flat. Without threads (asked for, or refused
 * by the system) the pipe draws each page at once on the caller's thread.
 *
 * Diagnostics of the drawing threads are kept apart and appended to the
 * caller's at pp_render_pipe_close, backend by backend. */
#ifndef PP_PIPE_H
#define PP_PIPE_H

#include <stdbool.h>
#include <stddef.h>

#include "backend.h"

typedef struct pp_render_pipe pp_render_pipe;

/* A pipe to the backends (borrowed: they must outlive the pipe). Out of
 * memory: PP_ERR_ENV with a diagnostic. */
pp_status pp_render_pipe_new(pp_backend *const *backends, size_t nbackends, size_t depth,
                             bool threads, pp_diags *d, pp_render_pipe **out);
/* True when the pages are drawn on other threads. */
bool pp_render_pipe_threaded(const pp_render_pipe *p);
/* Hands a page over (owned by the pipe from now on, freed once every
 * backend has drawn it); waits while `depth` pages are waiting. A failure
 * of a backend (on this page or an earlier one) is returned here so that
 * the layout stops; its diagnostic reaches d at pp_render_pipe_close. */
pp_status pp_render_pipe_page(pp_render_pipe *p, pp_page *page, pp_diags *d);
/* Waits until every page handed over is drawn, stops the threads and
 * appends their diagnostics to d; the first backend failure, else PP_OK.
 * *draw_s (optional): the drawing time of the busiest backend. */
pp_status pp_render_pipe_close(pp_render_pipe *p, pp_diags *d, double *draw_s);
/* Closes (if not done) and frees; pages still held are freed. */
void pp_render_pipe_free(pp_render_pipe *p);

#endif
