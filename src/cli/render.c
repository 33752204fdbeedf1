/* The `render` subcommand: read, validate and score the document, load the
 * layout definition and the bundled fonts, then lay the document out into
 * the PDF (and, with --png, one PNG per page). Prints diagnostics and picks
 * the exit status (0 ok, 2 bad input or usage, 1 environment). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <glib.h>

#include "cli.h"

#include "backend_cairo.h"
#include "backend_haru.h"
#include "layout.h"
#include "pipe.h"
#include "score.h"

#ifndef PERFPDF_SOURCE_LAYOUTS_DIR
#define PERFPDF_SOURCE_LAYOUTS_DIR ""
#endif
#ifndef PERFPDF_INSTALLED_LAYOUTS_DIR
#define PERFPDF_INSTALLED_LAYOUTS_DIR ""
#endif

typedef struct {
    const char *file, *out, *layout, *png_dir, *pdfa_out, *owner_password;
    const char *piano; /* --piano: the Piano this Relazione reports on */
    bool timings, pdfa, protect;
    char *generated_password; /* --protect without --owner-password */
    pp_cli_list precedenti;   /* --precedenti FILE... */
} options;

/* The command line of render into o; PP_CLI_RUN or the exit status. */
static int parse_args(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    const pp_cli_option opts[] = {
        {.names = {"-o", "--output"}, .value = &o->out, .nonempty = "a file name"},
        {.names = {"--layout"}, .value = &o->layout, .nonempty = "a file name"},
        {.names = {"--png"}, .value = &o->png_dir, .nonempty = "a folder name"},
        {.names = {"--timings"}, .flag = &o->timings},
        {.names = {"--pdfa"}, .flag = &o->pdfa},
        {.names = {"--pdfa-output"}, .value = &o->pdfa_out, .nonempty = "a file name"},
        {.names = {"--protect"}, .flag = &o->protect},
        {.names = {"--owner-password"}, .value = &o->owner_password, .nonempty = "a password",
         .text = true},
        {.names = {"--piano"}, .value = &o->piano, .nonempty = "a file name"},
        {.names = {"--precedenti"}, .list = &o->precedenti, .nonempty = "a file name"},
        {.names = {NULL}},
    };
    const pp_cli_spec spec = {
        "render",
        "perfpdf render FILE [-o OUT.pdf] [--pdfa | --protect [--owner-password PW]]\n"
        "                    [--pdfa-output OUT-A.pdf] [--layout FILE] [--png DIR] [--timings]\n"
        "                    [--piano PIANO.xml] [--precedenti EARLIER.xml...]",
        opts, 1, 1, "one FILE"};
    int npos;
    int rc = pp_cli_parse(&spec, argc, argv, &o->file, &npos);
    if (rc != PP_CLI_RUN) return rc;
    if (o->pdfa && o->protect)
        return pp_cli_usage_error(&spec, "--protect cannot be combined with --pdfa: a PDF/A file "
                                         "may not be encrypted (write the protected copy and the "
                                         "PDF/A copy with -o OUT.pdf --protect --pdfa-output "
                                         "OUT-A.pdf)");
    if (o->pdfa && o->pdfa_out)
        return pp_cli_usage_error(&spec, "--pdfa-output with --pdfa: -o is already the PDF/A "
                                         "copy");
    if (o->pdfa_out && o->out && strcmp(o->pdfa_out, o->out) == 0)
        return pp_cli_usage_error(&spec, "--pdfa-output names the same file as -o");
    if (o->owner_password && !o->protect)
        return pp_cli_usage_error(&spec, "--owner-password is for --protect");
    return PP_CLI_RUN;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}


/* "dir/name.xml" -> "name" */
static char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    size_t n = dot && dot != b ? (size_t)(dot - b) : strlen(b);
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, b, n);
        s[n] = '\0';
    }
    return s;
}

static bool ensure_dir(const char *dir)
{
    if (mkdir(dir, 0777) == 0 || errno == EEXIST) {
        struct stat sb;
        if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode)) return true;
    }
    fprintf(stderr, "perfpdf render: cannot create the folder %s: %s\n", dir,
            errno == EEXIST ? "a file has that name" : strerror(errno));
    return false;
}

static bool file_exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* The layout for the document's kind (layouts/piano.xml for a Piano,
 * layouts/relazione.xml otherwise) of the source tree or of the
 * installation (malloc'ed), NULL when neither exists. */
static char *installed_layout(pp_doc_kind kind)
{
    const char *dirs[] = {PERFPDF_SOURCE_LAYOUTS_DIR, PERFPDF_INSTALLED_LAYOUTS_DIR};
    const char *name = pp_layout_file_name(kind);
    for (size_t i = 0; i < 2; i++) {
        if (!dirs[i][0]) continue;
        size_t len = strlen(dirs[i]) + strlen(name) + 2;
        char *path = malloc(len);
        if (!path) return NULL;
        snprintf(path, len, "%s/%s", dirs[i], name);
        if (file_exists(path)) return path;
        free(path);
    }
    return NULL;
}

/* --layout FILE, else the installed layout for the document's kind
 * (layouts/piano.xml, layouts/relazione.xml), else the copy compiled into
 * the program. The file read is an input of the run. */
static pp_status load_layout(const options *o, const pp_doc *doc, pp_layout **out)
{
    char *found = o->layout ? NULL : installed_layout(doc->kind);
    const char *path = o->layout ? o->layout : found;
    pp_diags d;
    pp_diags_init(&d, path ? path : "layout (built in)");
    pp_status st;
    if (path && !pp_cli_protect(path)) st = PP_ERR_ENV;
    else if (path) st = pp_layout_load(path, &d, out);
    else {
        size_t len;
        const char *data = pp_layout_builtin(doc->kind, &len);
        st = pp_layout_parse(data, len, &d, out);
    }
    st = pp_diags_status(&d, st);
    pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    free(found);
    return st;
}

/* The bundled fonts are inputs too: no output may replace one. */
static bool protect_fonts(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) return true; /* pp_text_new says what is wrong with the folder */
    bool ok = true;
    for (struct dirent *e; ok && (e = readdir(dp));) {
        if (e->d_name[0] == '.') continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(len);
        if (path) snprintf(path, len, "%s/%s", dir, e->d_name);
        ok = path && pp_cli_protect(path);
        free(path);
    }
    closedir(dp);
    return ok;
}

/* The date written into the file when the document has none:
 * SOURCE_DATE_EPOCH (reproducible builds), else today. */
static pp_date fallback_date(void)
{
    time_t t = time(NULL);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long long v = strtoll(sde, &end, 10);
        if (*end == '\0' && v >= 0) t = (time_t)v;
    }
    struct tm tm;
    if (!gmtime_r(&t, &tm)) return (pp_date){1970, 1, 1};
    return (pp_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

typedef struct {
    pp_backend *b[3];
    size_t n;
} backends;

/* The owner password of a protected copy when none is given: random, so
 * that nobody can lift the protection; under SOURCE_DATE_EPOCH (a
 * reproducible build) derived from it and the input instead, so that the
 * same input gives the same bytes. */
static char *owner_password(const options *o)
{
    if (o->owner_password) return g_strdup(o->owner_password);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *seed = g_strconcat("perfpdf-owner:", sde, ":", o->file, NULL);
        char *pw = g_compute_checksum_for_string(G_CHECKSUM_SHA256, seed, -1);
        g_free(seed);
        return pw;
    }
    guint32 r[4];
    for (size_t i = 0; i < 4; i++) r[i] = g_random_int();
    return g_strdup_printf("%08x%08x%08x%08x", r[0], r[1], r[2], r[3]);
}

static pp_status open_haru(const char *path, bool pdfa, const options *o,
                           const pp_dl_meta *meta, pp_font_table fonts, backends *bk,
                           pp_diags *d)
{
    pp_haru_options ho = {.pdfa = pdfa};
    char *pw = NULL;
    if (!pdfa && o->protect) {
        ho.protect = true;
        ho.owner_password = pw = owner_password(o);
    }
    pp_status st = pp_backend_haru_pdf(path, meta, fonts, &ho, d, &bk->b[bk->n]);
    g_free(pw);
    if (st == PP_OK) bk->n++;
    return st;
}

static pp_status open_backends(const options *o, const char *out, const char *base,
                               const pp_dl_meta *meta, pp_font_table fonts, backends *bk,
                               pp_diags *d)
{
    pp_status st;
    if (o->pdfa || o->protect) {
        st = open_haru(out, o->pdfa, o, meta, fonts, bk, d);
    } else {
        st = pp_backend_cairo_pdf(out, meta, fonts, d, &bk->b[0]);
        if (st == PP_OK) bk->n = 1;
    }
    if (st == PP_OK && o->pdfa_out) st = open_haru(o->pdfa_out, true, o, meta, fonts, bk, d);
    if (st != PP_OK || !o->png_dir) return st;
    if (!ensure_dir(o->png_dir)) return PP_ERR_ENV;
    size_t len = strlen(o->png_dir) + strlen(base) + 2;
    char *prefix = malloc(len);
    if (!prefix) return PP_ERR_ENV;
    snprintf(prefix, len, "%s/%s", o->png_dir, base);
    st = pp_backend_cairo_png(prefix, 110, fonts, d, &bk->b[bk->n]);
    free(prefix);
    if (st == PP_OK) bk->n++;
    return st;
}

static void print_timings(double load, double score, const pp_layout_stats *s, double draw,
                          double total, size_t pages)
{
    fprintf(stderr,
            "timings: read+validate %.3f s, score %.3f s, plan %.3f s, pagination %.3f s, "
            "page numbers %.3f s, drawing %.3f s; total %.3f s (%zu pages)\n",
            load, score, s->plan_s, s->body_s, s->finish_s, draw, total, pages);
}

/* The layout's sink: each page handed to the pipe as soon as it is
 * finished; the backends draw it on their own threads while the layout
 * goes on, then it is freed, so that pages do not pile up in memory. */
typedef struct {
    pp_render_pipe *pipe;
    double wait_s; /* the layout waiting for the backends */
} page_sink;

static pp_status draw_page(void *ctx, pp_page *page, pp_diags *d)
{
    page_sink *s = ctx;
    double t = now();
    pp_status st = pp_render_pipe_page(s->pipe, page, d);
    s->wait_s += now() - t;
    return st;
}

/* PERFPDF_THREADS=1 draws on the layout's thread (one core): the same
 * files, for comparison and for debugging. */
static bool drawing_threads(void)
{
    const char *v = getenv("PERFPDF_THREADS");
    return !(v && strcmp(v, "1") == 0);
}

/* Pages as the pipe holds them at most: enough that the layout rarely
 * waits for a page that is slow to draw (a figure), few enough that
 * memory stays flat. */
#define PIPE_DEPTH 8

/* Layout, every page to the backends as it is finished; the files are
 * published only when everything has succeeded. */
static pp_status lay_out_and_draw(const options *o, const char *out, const char *base,
                                  pp_doc *doc, const pp_layout *lay, pp_text *text,
                                  pp_pages *pages, double *draw_s, pp_diags *d)
{
    pp_layout_check_fonts(lay, text, d);
    pp_dl_meta meta = pp_layout_meta(doc, lay, fallback_date());
    backends bk = {{NULL, NULL, NULL}, 0};
    pp_status st = open_backends(o, out, base, &meta, pp_text_font_table(text), &bk, d);
    page_sink sink = {NULL, 0};
    if (st == PP_OK) st = pp_render_pipe_new(bk.b, bk.n, PIPE_DEPTH, drawing_threads(), d, &sink.pipe);
    if (st == PP_OK)
        st = pp_layout_stream(doc, lay, text, &(pp_page_sink){draw_page, &sink}, pages, d);
    double drawn = 0;
    if (sink.pipe) {
        pp_status pst = pp_render_pipe_close(sink.pipe, d, &drawn);
        /* a backend's failure explains a layout stopped by the sink */
        if (pst != PP_OK) st = pst;
    }
    pp_render_pipe_free(sink.pipe);
    st = pp_diags_status(d, st); /* no PDF published after a lost warning */
    double t = now();
    if (st == PP_OK) st = pp_render_finish(bk.b, bk.n, pages->outline, pages->noutline, d);
    *draw_s = drawn + (now() - t);
    /* the layout's second pass includes its waits for the backends */
    pages->stats.finish_s -= sink.wait_s;
    for (size_t i = 0; i < 3; i++) pp_backend_free(bk.b[i]);
    return st;
}

static int render(const options *o, pp_doc *doc, double t_start, double t_load, double t_score)
{
    pp_layout *lay = NULL;
    pp_status st = load_layout(o, doc, &lay);
    if (st != PP_OK) return pp_exit_code(st);
    char *base = base_name(o->file), *out = NULL;
    if (!base) {
        pp_layout_free(lay);
        return 1;
    }
    if (o->out) out = strdup(o->out);
    else if (ensure_dir("out")) {
        size_t len = strlen(base) + 9;
        out = malloc(len);
        if (out) snprintf(out, len, "out/%s.pdf", base);
    }
    pp_diags d;
    pp_diags_init(&d, o->file);
    pp_text *text = NULL;
    pp_pages pages = {0};
    double draw_s = 0;
    st = out ? PP_OK : PP_ERR_ENV;
    if (st == PP_OK) {
        const char *fonts = pp_fonts_dir_default();
        if (!fonts) {
            pp_error(&d, 0, 0, "the bundled fonts folder was not found (set PERFPDF_FONTS)");
            st = PP_ERR_ENV;
        } else if (!protect_fonts(fonts)) {
            st = PP_ERR_ENV;
        } else st = pp_text_new(fonts, &d, &text);
    }
    if (st == PP_OK) st = lay_out_and_draw(o, out, base, doc, lay, text, &pages, &draw_s, &d);
    /* a warning lost for lack of memory: the PDF is there, but the run
     * must not claim a success it cannot vouch for */
    st = pp_diags_status(&d, st);
    pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    if (st == PP_OK) fprintf(stderr, "%s: %s (%zu pages)\n", o->file, out, pages.npages);
    if (o->timings)
        print_timings(t_load - t_start, t_score - t_load, &pages.stats, draw_s, now() - t_start,
                      pages.npages);
    pp_pages_free(&pages);
    pp_text_free(text);
    pp_layout_free(lay);
    free(base);
    free(out);
    return pp_exit_code(st);
}

/* The Piano this Relazione reports on (--piano): "Variazioni rispetto al
 * Piano", where the layout asks for them. */
static pp_status open_piano(const options *o, pp_doc *doc, pp_doc **piano)
{
    *piano = NULL;
    if (!o->piano) return PP_OK;
    pp_diags d;
    pp_diags_init(&d, o->file);
    pp_status st = pp_cli_open_piano(o->piano, doc, &d, piano);
    pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    return st;
}

/* The document, scored, with its Piano (--piano) and its earlier
 * Relazioni (--precedenti). */
static int run(const options *o)
{
    double t0 = now();
    pp_doc *doc = NULL;
    pp_status st = pp_cli_open(o->file, &doc);
    if (st != PP_OK) return pp_exit_code(st);
    double t1 = now();
    pp_score(doc);
    pp_doc *piano = NULL;
    pp_cli_precedenti prev = {0};
    st = open_piano(o, doc, &piano);
    if (st == PP_OK) st = pp_cli_open_precedenti(doc, &o->precedenti, &prev);
    double t2 = now();
    int rc = st == PP_OK ? render(o, doc, t0, t1, t2) : pp_exit_code(st);
    pp_doc_free(doc);
    pp_doc_free(piano);
    pp_cli_precedenti_free(&prev);
    return rc;
}

int pp_cmd_render(int argc, char **argv)
{
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc == PP_CLI_RUN) rc = run(&o);
    free(o.precedenti.items);
    return rc;
}
