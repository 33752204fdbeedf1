/* The sample document of the backend tests (test_backend.c for cairo,
 * test_haru.c for libharu): two pages, portrait and landscape, with
 * headings, a justified paragraph with accented letters and a euro sign,
 * a filled and stroked rectangle, an arc path, a dashed line, a PNG
 * image, a link to the second page and an outline; the fixture that makes
 * the shaper and a fresh folder, and the helpers that read the files back
 * with poppler-utils and qpdf. Included once per test program. */
#ifndef PP_SAMPLE_DOC_H
#define PP_SAMPLE_DOC_H

#include <cairo.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "backend.h"
#include "testutil.h"
#include "text.h"

#define FONTS PP_SOURCE_DIR "/fonts"
#define PI 3.14159265358979323846

typedef struct {
    pp_text *text;
    char dir[256]; /* a fresh folder for this run's files */
} fixture;

static const pp_rgb BLACK = {0, 0, 0};

/* ---- helpers --------------------------------------------------------------- */

static char *run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Output of a shell command (NULL when it fails); caller frees. */
static char *run(const char *fmt, ...)
{
    char cmd[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while ((k = fread(buf + n, 1, cap - n - 1, p)) > 0) {
        n += k;
        if (n + 1 == cap)
            buf = realloc(buf, cap *= 2);
    }
    buf[n] = '\0';
    if (pclose(p) != 0) {
        fprintf(stderr, "command failed: %s\n%s\n", cmd, buf);
        free(buf);
        return NULL;
    }
    return buf;
}

static bool have_tools(void)
{
    char *s = run("command -v qpdf && command -v pdftotext && command -v pdffonts && "
                  "command -v pdfinfo && command -v pdfimages && command -v pdftoppm");
    free(s);
    return s != NULL;
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Number of entries of dir (without . and ..): temporary files show here. */
static int count_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    if (d)
        closedir(d);
    return n;
}

static void add_text(pp_text *t, pp_page *p, const char *s, const pp_font_spec *f, double x,
                     double y, double w, pp_align a)
{
    pp_lines *l = pp_text_shape(t, s, f, w, a);
    assert_non_null(l);
    assert_true(pp_lines_emit(l, 0, pp_lines_count(l), p, x, y, BLACK, false));
    pp_lines_free(l);
}

static void add(pp_page *p, pp_dl_item it)
{
    assert_non_null(pp_page_add(p, &it));
}

static void tag(pp_page *p, pp_dl_kind k, const char *name)
{
    pp_dl_item it = {.kind = k};
    it.u.tag.name = name;
    add(p, it);
}

/* A small PNG made with cairo (a red disc on blue). */
static void make_png(const char *path)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40, 30);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0.2, 0.3, 0.8);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.9, 0.1, 0.1);
    cairo_arc(cr, 20, 15, 10, 0, 2 * PI);
    cairo_fill(cr);
    cairo_destroy(cr);
    assert_int_equal(cairo_surface_write_to_png(s, path), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
}

/* ---- the sample document ------------------------------------------------------ */

static const char *PARA =
    "La Relazione sulla performance evidenzia i risultati organizzativi e individuali "
    "raggiunti nel 2022: il grado di raggiungimento complessivo è pari al 97,98 %, con un "
    "costo medio di 2,47 € per pratica e più attività per la città.";

static pp_page *page_one(pp_text *t, const char *png)
{
    pp_font_spec h1 = {.family = "Titillium Web", .size = 20, .bold = true};
    pp_font_spec body = {.family = "DejaVu Serif", .size = 10, .line_spacing = 1.2};
    pp_page *p = pp_page_new(1, 595.276, 841.89);
    tag(p, PP_DL_TAG_BEGIN, "H1");
    add_text(t, p, "Relazione sulla performance 2022", &h1, 56.7, 56.7, 480, PP_ALIGN_LEFT);
    tag(p, PP_DL_TAG_END, "H1");
    tag(p, PP_DL_TAG_BEGIN, "P");
    add_text(t, p, PARA, &body, 56.7, 100, 300, PP_ALIGN_JUSTIFY);
    tag(p, PP_DL_TAG_END, "P");
    pp_dl_item it = {.kind = PP_DL_RECT};
    it.u.rect = (__typeof__(it.u.rect)){56.7, 200, 120, 40,
                                    {true, true, {0.85, 0.92, 1}, {0, 0.3, 0.6}, 1.5, 0}};
    add(p, it);
    /* A gauge: a half ring as an arc path, and a dashed line. */
    pp_path_step *steps = pp_arena_alloc(p->arena, 3 * sizeof *steps);
    steps[0] = (pp_path_step){.op = PP_PATH_ARC, .cx = 300, .cy = 260, .r = 50, .a1 = PI,
                              .a2 = 2 * PI};
    steps[1] = (pp_path_step){.op = PP_PATH_CURVE, .x1 = 330, .y1 = 300, .x2 = 270, .y2 = 300,
                              .x = 250, .y = 260};
    steps[2] = (pp_path_step){.op = PP_PATH_CLOSE};
    it = (pp_dl_item){.kind = PP_DL_PATH};
    it.u.path.nsteps = 3;
    it.u.path.steps = steps;
    it.u.path.paint = (pp_paint){true, true, {0.2, 0.7, 0.3}, {0, 0, 0}, 1, 0};
    add(p, it);
    it = (pp_dl_item){.kind = PP_DL_LINE};
    it.u.line = (__typeof__(it.u.line)){56.7, 320, 538, 320, {.stroke_color = {0.5, 0.5, 0.5},
                                                          .line_width = 0.5, .dash = 3}};
    add(p, it);
    it = (pp_dl_item){.kind = PP_DL_TAG_BEGIN};
    it.u.tag.name = "Figure";
    it.u.tag.alt = "Logo: un cerchio rosso su fondo blu";
    add(p, it);
    it = (pp_dl_item){.kind = PP_DL_IMAGE};
    it.u.image = (__typeof__(it.u.image)){png, 400, 200, 80, 60};
    add(p, it);
    tag(p, PP_DL_TAG_END, "Figure");
    /* A link to the second page's heading. */
    add_text(t, p, "Vai alla sezione 2", &body, 56.7, 340, 0, PP_ALIGN_LEFT);
    it = (pp_dl_item){.kind = PP_DL_LINK};
    it.u.link = (__typeof__(it.u.link)){56.7, 340, 100, 14, "sez-2"};
    add(p, it);
    it = (pp_dl_item){.kind = PP_DL_DEST};
    it.u.dest = (__typeof__(it.u.dest)){"sez-1", 56.7, 56.7};
    add(p, it);
    return p;
}

static pp_page *page_two(pp_text *t)
{
    pp_font_spec h1 = {.family = "Titillium Web", .size = 18, .weight = 600};
    pp_font_spec body = {.family = "DejaVu Serif", .size = 10, .italic = true};
    pp_page *p = pp_page_new(2, 841.89, 595.276); /* landscape */
    pp_dl_item it = {.kind = PP_DL_DEST};
    it.u.dest = (__typeof__(it.u.dest)){"sez-2", 56.7, 56.7};
    add(p, it);
    tag(p, PP_DL_TAG_BEGIN, "H1");
    add_text(t, p, "Sezione 2 – Obiettivi", &h1, 56.7, 56.7, 700, PP_ALIGN_LEFT);
    tag(p, PP_DL_TAG_END, "H1");
    tag(p, PP_DL_TAG_BEGIN, "P");
    add_text(t, p, "Pagina orizzontale: tabelle larghe.", &body, 56.7, 100, 700, PP_ALIGN_LEFT);
    tag(p, PP_DL_TAG_END, "P");
    return p;
}

static const pp_dl_meta META = {.title = "Relazione sulla performance 2022",
                                .author = "Comune di Prova",
                                .subject = "Relazione sulla performance",
                                .keywords = "performance, obiettivi",
                                .creator = "perfpdf",
                                .lang = "it-IT",
                                .date = {2023, 6, 30}};

static const pp_outline_entry OUTLINE[] = {{1, "Relazione sulla performance", "sez-1"},
                                           {2, "Sezione 2 – Obiettivi", "sez-2"}};

/* Opens the backend under test on path. */
typedef pp_status (*open_backend_fn)(const char *path, const pp_dl_meta *meta,
                                     pp_font_table fonts, pp_diags *d, pp_backend **out);

/* Renders the two sample pages into path through the backend open opens. */
static pp_status render_sample(fixture *fx, open_backend_fn open, const char *path, pp_diags *d)
{
    char png[300];
    snprintf(png, sizeof png, "%s/logo.png", fx->dir);
    if (!exists(png))
        make_png(png);
    pp_backend *b = NULL;
    pp_status st = open(path, &META, pp_text_font_table(fx->text), d, &b);
    if (st != PP_OK)
        return st;
    pp_page *pages[2] = {page_one(fx->text, png), page_two(fx->text)};
    for (int i = 0; i < 2 && st == PP_OK; i++)
        st = pp_backend_page(b, pages[i], d);
    if (st == PP_OK)
        st = pp_backend_finish(b, OUTLINE, 2, d);
    if (st == PP_OK)
        st = pp_backend_publish(b, d);
    pp_backend_free(b);
    pp_page_free(pages[0]);
    pp_page_free(pages[1]);
    return st;
}

/* ---- fixtures ----------------------------------------------------------------- */

/* A fixture whose files go to a fresh folder named after the test. */
static int setup_in(void **state, const char *name)
{
    fixture *fx = calloc(1, sizeof *fx);
    pp_diags d;
    pp_diags_init(&d, "fonts");
    if (pp_text_new(FONTS, &d, &fx->text) != PP_OK) {
        pp_diags_print(&d, stderr);
        return -1;
    }
    pp_diags_clear(&d);
    const char *tmp = getenv("TMPDIR");
    snprintf(fx->dir, sizeof fx->dir, "%s/%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", name);
    if (!mkdtemp(fx->dir))
        return -1;
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    if (getenv("PP_KEEP_OUTPUT")) /* to look at the files */
        fprintf(stderr, "output kept in %s\n", fx->dir);
    else
        free(run("rm -rf '%s'", fx->dir));
    pp_text_free(fx->text);
    free(fx);
    return 0;
}

/* One page of w x h points showing the image file img at (x, y, iw, ih),
 * through the backend open opens, into pdf. */
static pp_status image_page(fixture *fx, open_backend_fn open, const char *img, double x,
                            double y, double iw, double ih, double w, double h, const char *pdf,
                            pp_diags *d)
{
    pp_backend *b = NULL;
    pp_status st = open(pdf, &META, pp_text_font_table(fx->text), d, &b);
    if (st != PP_OK) return st;
    pp_page *p = pp_page_new(1, w, h);
    pp_dl_item it = {.kind = PP_DL_IMAGE};
    it.u.image = (__typeof__(it.u.image)){img, x, y, iw, ih};
    add(p, it);
    st = pp_backend_page(b, p, d);
    if (st == PP_OK) st = pp_backend_finish(b, NULL, 0, d);
    if (st == PP_OK) st = pp_backend_publish(b, d);
    pp_backend_free(b);
    pp_page_free(p);
    return st;
}

/* Rendering into path fails with an error naming path and reason, and
 * leaves no file behind. */
static void assert_fails_cleanly(fixture *fx, open_backend_fn open, const char *path,
                                 const char *reason)
{
    int before = count_files(fx->dir);
    pp_diags d;
    pp_diags_init(&d, "test");
    assert_int_equal(render_sample(fx, open, path, &d), PP_ERR_ENV);
    assert_true(d.errors > 0);
    bool named = false;
    for (size_t i = 0; i < d.count; i++)
        named |= strstr(d.items[i].message, path) && strstr(d.items[i].message, reason);
    if (!named)
        pp_diags_print(&d, stderr);
    assert_true(named);
    pp_diags_clear(&d);
    assert_int_equal(count_files(fx->dir), before);
}

/* Write errors of every kind: a full device, a folder nobody can write, a
 * missing folder, a read-only one, the disk filling up in the middle. */
static void assert_write_errors_leave_nothing(fixture *fx, open_backend_fn open)
{
    char path[300];
    make_png(strcat(strcpy(path, fx->dir), "/logo.png"));
    /* A full device: written straight into, fails on flush. */
    assert_fails_cleanly(fx, open, "/dev/full", strerror(ENOSPC));
    /* A folder nobody can write (not even root). */
    assert_fails_cleanly(fx, open, "/proc/perfpdf-test.pdf", "");
    assert_false(exists("/proc/perfpdf-test.pdf"));
    /* A missing folder. */
    snprintf(path, sizeof path, "%s/no/such/dir.pdf", fx->dir);
    assert_fails_cleanly(fx, open, path, strerror(ENOENT));
    /* A read-only folder (root may write anyway: then nothing to test). */
    if (geteuid() != 0) {
        char ro[280];
        snprintf(ro, sizeof ro, "%.270s/ro", fx->dir);
        assert_int_equal(mkdir(ro, 0555), 0);
        snprintf(path, sizeof path, "%s/x.pdf", ro);
        assert_fails_cleanly(fx, open, path, strerror(EACCES));
        assert_int_equal(count_files(ro), 0);
        rmdir(ro);
    }
    /* The disk fills up in the middle of the file: a file size limit makes
     * writes fail the same way ENOSPC does. */
    struct rlimit old, small;
    getrlimit(RLIMIT_FSIZE, &old);
    small = old;
    small.rlim_cur = 4096;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    snprintf(path, sizeof path, "%s/big.pdf", fx->dir);
    assert_fails_cleanly(fx, open, path, strerror(EFBIG));
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, prev);
    assert_false(exists(path));
}

#endif
