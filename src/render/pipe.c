/* Pages drawn on other cores while the layout goes on (pipe.h).
 *
 * A ring of `depth` slots between one producer (the layout) and one
 * drawing thread per backend. Page number `seq` goes to slot seq % depth;
 * backend k has drawn done[k] pages. The producer waits while the slowest
 * backend is `depth` pages behind; backend k waits while it has drawn
 * everything handed over. The backend that draws a page last frees it.
 * Every backend sees the pages in order, on one thread, so each output is
 * byte for byte what drawing them in turn on one thread gives. */
#include "pipe.h"

#include <stdlib.h>
#include <string.h>

#include <pthread.h>
#include <time.h>

typedef struct pp_render_pipe pp_render_pipe;

typedef struct {
    pp_render_pipe *pipe;
    size_t k;       /* which backend */
    pthread_t thread;
    pp_diags d;     /* this thread's diagnostics, merged at close */
    pp_status st;   /* its first failure */
    double busy_s;  /* time spent drawing */
} drawer;

struct pp_render_pipe {
    pp_backend *const *backends;
    size_t nb;
    pp_page **ring;
    size_t *left;   /* per slot: backends yet to draw its page */
    size_t depth;
    size_t head;    /* pages handed over */
    size_t *done;   /* per backend: pages drawn (or skipped after a failure) */
    bool closing;
    bool failed;    /* some backend failed: the producer stops */
    pthread_mutex_t lock;
    pthread_cond_t page_in, page_out;
    drawer *drawers;
    size_t nthreads; /* 0: drawing on the producer's thread */
    pp_status st_inline;
    double busy_inline;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Draws one page on backend k unless it has failed; then, under the lock,
 * counts it and frees it when k was the last to need it. */
static void draw_one(pp_render_pipe *p, drawer *w, size_t seq)
{
    pp_page *page = p->ring[seq % p->depth];
    if (w->st == PP_OK) {
        double t = now();
        w->st = pp_render_page(&p->backends[w->k], 1, page, &w->d);
        w->busy_s += now() - t;
    }
    pthread_mutex_lock(&p->lock);
    if (w->st != PP_OK) p->failed = true;
    p->done[w->k] = seq + 1;
    if (--p->left[seq % p->depth] == 0) {
        p->ring[seq % p->depth] = NULL;
        pp_page_free(page);
    }
    pthread_cond_broadcast(&p->page_out);
    pthread_mutex_unlock(&p->lock);
}

static void *drawer_main(void *arg)
{
    drawer *w = arg;
    pp_render_pipe *p = w->pipe;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (p->done[w->k] == p->head && !p->closing) pthread_cond_wait(&p->page_in, &p->lock);
        bool more = p->done[w->k] < p->head;
        size_t seq = p->done[w->k];
        pthread_mutex_unlock(&p->lock);
        if (!more) return NULL;
        draw_one(p, w, seq);
    }
}

/* The drawing threads, one per backend; false when the system refuses
 * one (those started are stopped by the caller's close). */
static bool start_threads(pp_render_pipe *p)
{
    for (size_t k = 0; k < p->nb; k++) {
        drawer *w = &p->drawers[k];
        *w = (drawer){.pipe = p, .k = k, .st = PP_OK};
        pp_diags_init(&w->d, NULL);
        if (pthread_create(&w->thread, NULL, drawer_main, w) != 0) {
            pp_diags_clear(&w->d);
            return false;
        }
        p->nthreads = k + 1;
    }
    return true;
}

static size_t slowest(const pp_render_pipe *p)
{
    size_t m = p->head;
    for (size_t k = 0; k < p->nb; k++)
        if (p->done[k] < m) m = p->done[k];
    return m;
}

pp_status pp_render_pipe_new(pp_backend *const *backends, size_t nb, size_t depth, bool threads,
                             pp_diags *d, pp_render_pipe **out)
{
    *out = NULL;
    pp_render_pipe *p = calloc(1, sizeof *p);
    if (!p) return pp_diag_oom(d);
    p->backends = backends;
    p->nb = nb;
    p->depth = depth ? depth : 1;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->page_in, NULL);
    pthread_cond_init(&p->page_out, NULL);
    p->ring = calloc(p->depth, sizeof *p->ring);
    p->left = calloc(p->depth, sizeof *p->left);
    p->done = calloc(nb ? nb : 1, sizeof *p->done);
    p->drawers = calloc(nb ? nb : 1, sizeof *p->drawers);
    if (!p->ring || !p->left || !p->done || !p->drawers) {
        pp_render_pipe_free(p);
        return pp_diag_oom(d);
    }
    /* Without threads (asked for, or refused by the system) the pages are
     * drawn in turn on the caller's thread: the same files, one core. */
    if (threads && nb > 0 && !start_threads(p)) {
        pthread_mutex_lock(&p->lock);
        p->closing = true;
        pthread_cond_broadcast(&p->page_in);
        pthread_mutex_unlock(&p->lock);
        for (size_t k = 0; k < p->nthreads; k++) pthread_join(p->drawers[k].thread, NULL);
        for (size_t k = 0; k < p->nthreads; k++) pp_diags_clear(&p->drawers[k].d);
        p->nthreads = 0;
        p->closing = false;
    }
    *out = p;
    return PP_OK;
}

bool pp_render_pipe_threaded(const pp_render_pipe *p)
{
    return p->nthreads > 0;
}

pp_status pp_render_pipe_page(pp_render_pipe *p, pp_page *page, pp_diags *d)
{
    if (p->nthreads == 0) {
        double t = now();
        if (p->st_inline == PP_OK) p->st_inline = pp_render_page(p->backends, p->nb, page, d);
        p->busy_inline += now() - t;
        pp_page_free(page);
        return p->st_inline;
    }
    pthread_mutex_lock(&p->lock);
    while (p->head - slowest(p) >= p->depth && !p->failed) pthread_cond_wait(&p->page_out, &p->lock);
    bool failed = p->failed;
    if (!failed) {
        p->ring[p->head % p->depth] = page;
        p->left[p->head % p->depth] = p->nb;
        p->head++;
        pthread_cond_broadcast(&p->page_in);
    }
    pthread_mutex_unlock(&p->lock);
    if (!failed) return PP_OK;
    pp_page_free(page);
    /* The reason is in a drawer's diagnostics, merged into d at close. */
    return PP_ERR_ENV;
}

pp_status pp_render_pipe_close(pp_render_pipe *p, pp_diags *d, double *draw_s)
{
    if (p->nthreads == 0) {
        if (draw_s) *draw_s = p->busy_inline;
        return p->st_inline;
    }
    pthread_mutex_lock(&p->lock);
    p->closing = true;
    pthread_cond_broadcast(&p->page_in);
    pthread_mutex_unlock(&p->lock);
    pp_status st = PP_OK;
    double busy = 0;
    for (size_t k = 0; k < p->nthreads; k++) {
        drawer *w = &p->drawers[k];
        pthread_join(w->thread, NULL);
        pp_diags_move(d, &w->d);
        if (st == PP_OK) st = w->st;
        if (w->busy_s > busy) busy = w->busy_s;
    }
    p->nthreads = 0;
    if (draw_s) *draw_s = busy;
    return st;
}

void pp_render_pipe_free(pp_render_pipe *p)
{
    if (!p) return;
    if (p->nthreads) {
        pp_diags scratch;
        pp_diags_init(&scratch, NULL);
        pp_render_pipe_close(p, &scratch, NULL);
        pp_diags_clear(&scratch);
    }
    if (p->ring)
        for (size_t i = 0; i < p->depth; i++) pp_page_free(p->ring[i]);
    free(p->ring);
    free(p->left);
    free(p->done);
    free(p->drawers);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->page_in);
    pthread_cond_destroy(&p->page_out);
    free(p);
}
