/* The generic backend layer (src/render) driven with a recording backend:
 * no cairo, no fonts, only the interface. Every check and piece of
 * bookkeeping that backend.h promises is held here: items checked before
 * a backend sees them, structure balanced and wrapped, destinations and
 * outline cleaned, output files published together or not at all. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "backend.h"
#include "pipe.h"
#include "testdiag.h"

/* ---- the recording backend ------------------------------------------------------ */

typedef struct {
    char log[8192]; /* one line per call, "op arg" */
    pp_backend *self;
    const char *file; /* opened at the first page when set */
    pp_outfile *out;
    bool fail_end_page;
    char amended[512];
} rec;

static void say(rec *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(rec *r, const char *fmt, ...)
{
    size_t n = strlen(r->log);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->log + n, sizeof r->log - n, fmt, ap);
    va_end(ap);
    n = strlen(r->log);
    if (n + 1 < sizeof r->log) strcat(r->log, "\n");
}

static pp_status r_begin(void *impl, const pp_page *p, pp_diags *d)
{
    rec *r = impl;
    say(r, "begin %d", p->number);
    if (r->file && !r->out && pp_backend_file(r->self, r->file, d, &r->out) != PP_OK)
        return PP_ERR_ENV;
    if (r->out) pp_outfile_write(r->out, "page\n", 5);
    return PP_OK;
}

static pp_status r_end(void *impl, const pp_page *p, pp_diags *d)
{
    rec *r = impl;
    say(r, "end %d", p->number);
    if (r->fail_end_page) {
        pp_error(d, 0, 0, "disk full");
        return PP_ERR_ENV;
    }
    return PP_OK;
}

static pp_status r_text(void *impl, const pp_run *run, pp_diags *d)
{
    (void)d;
    say(impl, "text %s font=%s utf8=%s clusters=%zu", run->item->u.text.utf8, run->font->file,
        run->utf8 ? "yes" : "no", run->clusters ? run->nclusters : 0);
    return PP_OK;
}

static void r_rect(void *impl, const pp_dl_item *it) { say(impl, "rect %g", it->u.rect.w); }
static void r_line(void *impl, const pp_dl_item *it) { say(impl, "line %g", it->u.line.x2); }
static void r_path(void *impl, const pp_dl_item *it) { say(impl, "path %zu", it->u.path.nsteps); }

static pp_status r_image(void *impl, const pp_dl_item *it, pp_diags *d)
{
    (void)d;
    say(impl, "image %s", it->u.image.file);
    return PP_OK;
}

static void r_tag_begin(void *impl, const char *name, const char *alt)
{
    say(impl, "tag %s%s%s", name, alt ? " alt=" : "", alt ? alt : "");
}

static void r_tag_end(void *impl, const char *name) { say(impl, "/tag %s", name); }
static void r_link(void *impl, const pp_dl_item *it) { say(impl, "link %s", it->u.link.dest); }
static void r_dest(void *impl, const pp_dl_item *it) { say(impl, "dest %s", it->u.dest.name); }

static pp_status r_finish(void *impl, const pp_outline_entry *o, size_t n, pp_diags *d)
{
    (void)d;
    rec *r = impl;
    for (size_t i = 0; i < n; i++) say(r, "outline %d %s %s", o[i].level, o[i].title, o[i].dest);
    say(r, "finish");
    return PP_OK;
}

static pp_status r_amend(void *impl, const char *written, const char *target, pp_diags *d)
{
    (void)d;
    rec *r = impl;
    struct stat sb;
    /* Amended before publication: the target does not exist yet. */
    snprintf(r->amended, sizeof r->amended, "%s %s", stat(written, &sb) == 0 ? "tmp" : "-",
             stat(target, &sb) == 0 ? "visible" : "hidden");
    return PP_OK;
}

static void r_destroy(void *impl) { say(impl, "destroy"); }

static const pp_backend_ops STRUCTURED = {
    "REC",   r_begin,     r_end,     r_text, r_rect, r_line,   r_path,   r_image,
    r_tag_begin, r_tag_end, r_link, r_dest, r_finish, r_amend, r_destroy};
static const pp_backend_ops FLAT = {"FLAT", r_begin, r_end,  r_text, r_rect, r_line, r_path,
                                    r_image, NULL,   NULL,  NULL,   NULL,   r_finish, NULL,
                                    r_destroy};

/* ---- fonts and pages --------------------------------------------------------------- */

static const pp_dl_font FONT = {"Test.ttf", 0};
static size_t font_count(const void *ctx) { (void)ctx; return 1; }
static const pp_dl_font *font_get(const void *ctx, int i)
{
    (void)ctx;
    return i == 0 ? &FONT : NULL;
}
static const pp_font_table FONTS = {font_count, font_get, NULL};

static pp_backend *new_rec(rec *r, const pp_backend_ops *ops, pp_diags *d)
{
    memset(r, 0, sizeof *r);
    pp_diags_init(d, "test");
    r->self = pp_backend_new(ops, r, FONTS, d);
    assert_non_null(r->self);
    return r->self;
}

static pp_glyph GLYPHS[2] = {{1, 0, 0}, {2, 5, 0}};

static void add_text(pp_page *p, const char *utf8, int font, double x)
{
    pp_dl_item it = {.kind = PP_DL_TEXT};
    it.u.text.font = font;
    it.u.text.size = 10;
    it.u.text.x = x;
    it.u.text.y = 20;
    it.u.text.utf8 = utf8;
    it.u.text.nglyphs = 2;
    it.u.text.glyphs = GLYPHS;
    it.u.text.width = 10;
    assert_non_null(pp_page_add(p, &it));
}

static void add_tag(pp_page *p, pp_dl_kind kind, const char *name, const char *alt)
{
    pp_dl_item it = {.kind = kind};
    it.u.tag.name = name;
    it.u.tag.alt = alt;
    assert_non_null(pp_page_add(p, &it));
}

static void add_dest(pp_page *p, const char *name)
{
    pp_dl_item it = {.kind = PP_DL_DEST};
    it.u.dest.name = name;
    it.u.dest.x = 1;
    it.u.dest.y = 2;
    assert_non_null(pp_page_add(p, &it));
}

static void add_link(pp_page *p, const char *dest)
{
    pp_dl_item it = {.kind = PP_DL_LINK};
    it.u.link.dest = dest;
    it.u.link.w = it.u.link.h = 10;
    assert_non_null(pp_page_add(p, &it));
}


/* ---- items ------------------------------------------------------------------------- */

static void broken_items_never_reach_the_backend(void **state)
{
    (void)state;
    rec r;
    pp_diags d;
    pp_backend *b = new_rec(&r, &STRUCTURED, &d);
    pp_page *p = pp_page_new(1, 100, 100);
    add_text(p, "ok", 0, 1);
    add_text(p, "nan", 0, NAN);
    pp_dl_item it = {.kind = PP_DL_RECT};
    it.u.rect.w = 4; /* unpainted: a table cell's box, nothing to draw */
    pp_page_add(p, &it);
    it.u.rect.w = 3;
    it.u.rect.paint.stroke = true;
    pp_page_add(p, &it);
    it.u.rect.h = INFINITY;
    pp_page_add(p, &it);
    pp_path_step steps[2] = {{.op = PP_PATH_MOVE, .x = 1, .y = 1},
                             {.op = PP_PATH_ARC, .cx = 1, .cy = 1, .r = -1}};
    it = (pp_dl_item){.kind = PP_DL_PATH};
    it.u.path.nsteps = 1;
    it.u.path.steps = steps;
    pp_page_add(p, &it);
    it.u.path.nsteps = 2; /* a negative radius: the whole path is dropped */
    pp_page_add(p, &it);
    it = (pp_dl_item){.kind = PP_DL_IMAGE};
    it.u.image.file = "logo.png";
    it.u.image.w = it.u.image.h = 0; /* nothing to draw */
    pp_page_add(p, &it);
    assert_int_equal(pp_backend_page(b, p, &d), PP_OK);
    assert_string_equal(r.log, "begin 1\ntag Document\ntext ok font=Test.ttf utf8=yes clusters=0\n"
                               "rect 3\npath 1\nend 1\n");
    pp_page_free(p);
    pp_backend_free(b);
    pp_diags_clear(&d);
}

static void text_mapping_is_checked(void **state)
{
    (void)state;
    rec r;
    pp_diags d;
    pp_backend *b = new_rec(&r, &FLAT, &d);
    pp_page *p = pp_page_new(1, 100, 100);
    add_text(p, "\xff\xfe", 0, 1); /* not UTF-8: drawn, but not mapped to text */
    pp_cluster good[] = {{1, 1}, {1, 1}}, bad[] = {{1, 1}, {5, 1}};
    add_text(p, "ab", 0, 1);
    p->items[p->nitems - 1].u.text.clusters = good;
    p->items[p->nitems - 1].u.text.nclusters = 2;
    add_text(p, "cd", 0, 1);
    p->items[p->nitems - 1].u.text.clusters = bad; /* more bytes than the text */
    p->items[p->nitems - 1].u.text.nclusters = 2;
    assert_int_equal(pp_backend_page(b, p, &d), PP_OK);
    assert_non_null(strstr(r.log, "utf8=no clusters=0"));
    assert_non_null(strstr(r.log, "text ab font=Test.ttf utf8=yes clusters=2"));
    assert_non_null(strstr(r.log, "text cd font=Test.ttf utf8=yes clusters=0"));
    /* no structure for a backend without it: no Document tag */
    assert_null(strstr(r.log, "tag"));
    pp_page_free(p);
    pp_backend_free(b);
    pp_diags_clear(&d);
}

static void unknown_font_is_an_internal_error(void **state)
{
    (void)state;
    rec r;
    pp_diags d;
    pp_backend *b = new_rec(&r, &FLAT, &d);
    pp_page *p = pp_page_new(1, 100, 100);
    add_text(p, "x", 7, 1);
    assert_int_equal(pp_backend_page(b, p, &d), PP_ERR_ENV);
    assert_true(has_diag(&d, "0:0: error: internal error: text refers to unknown font 7"));
    /* a failed backend takes nothing more */
    assert_int_equal(pp_backend_page(b, p, &d), PP_ERR_ENV);
    assert_int_equal(pp_backend_finish(b, NULL, 0, &d), PP_ERR_ENV);
    pp_page_free(p);
    pp_backend_free(b);
    pp_diags_clear(&d);
}

/* ---- structure --------------------------------------------------------------------- */

static void tags_are_balanced_and_wrapped(void **state)
{
    (void)state;
    rec r;
    pp_diags d;
    pp_backend *b = new_rec(&r, &STRUCTURED, &d);
    pp_page *p = pp_page_new(1, 100, 100);
    add_tag(p, PP_DL_TAG_BEGIN, "Sect", NULL);
    add_tag(p, PP_DL_TAG_BEGIN, "Bogus", NULL);    /* ignored, its end too */
    add_tag(p, PP_DL_TAG_END, "Bogus", NULL);
    add_tag(p, PP_DL_TAG_END, "P", NULL);          /* does not match Sect: dropped */
    add_tag(p, PP_DL_TAG_BEGIN, "Figure", "Grafico \xc3\xa8"); /* alt text passed on */
    add_tag(p, PP_DL_TAG_END, "Figure", NULL);
    add_tag(p, PP_DL_TAG_BEGIN, "P", NULL);        /* left open */
    assert_int_equal(pp_backend_page(b, p, &d), PP_OK);
    assert_int_equal(pp_backend_finish(b, NULL, 0, &d), PP_OK);
    assert_string_equal(r.log, "begin 1\ntag Document\ntag Sect\ntag Figure alt=Grafico \xc3\xa8\n"
                               "/tag Figure\ntag P\nend 1\n/tag P\n/tag Sect\n/tag Document\n"
                               "finish\n");
    assert_true(has_diag(&d, "0:0: warning: internal: structure tag \"Bogus\" ignored"));
    assert_true(has_diag(&d, "0:0: warning: internal: structure tag end \"P\" does not match \"Sect\""));
    assert_true(has_diag(&d, "0:0: warning: internal: structure tag \"P\" left open"));
    pp_page_free(p);
    pp_backend_free(b);
    pp_diags_clear(&d);
}

static void destinations_links_and_outline(void **state)
{
    (void)state;
    rec r;
    pp_diags d;
    pp_backend *b = new_rec(&r, &STRUCTURED, &d);
    pp_page *p = pp_page_new(1, 100, 100);
    add_dest(p, "a");
    add_dest(p, "a"); /* twice: the second is dropped */
    add_dest(p, "");  /* no name */
    add_link(p, "a");
    add_link(p, "nowhere");
    add_dest(p, "b");
    assert_int_equal(pp_backend_page(b, p, &d), PP_OK);
    const pp_outline_entry ol[] = {{1, "A", "a"}, {3, "B", "b"}, {1, "C", "c"}, {0, "B0", "b"}};
    assert_int_equal(pp_backend_finish(b, ol, 4, &d), PP_OK);
    /* B jumps from level 1 to 3: it becomes 2; C has no destination; a level
     * below 1 counts as 1. */
    assert_string_equal(r.log, "begin 1\ntag Document\ndest a\nlink a\nlink nowhere\ndest b\nend 1\n"
                               "/tag Document\noutline 1 A a\noutline 2 B b\noutline 1 B0 b\n"
                               "finish\n");
    assert_true(has_diag(&d, "0:0: warning: internal: destination \"a\" defined twice"));
    assert_true(has_diag(&d, "0:0: warning: link to \"nowhere\": no such destination in the document"));
    assert_true(has_diag(&d, "0:0: warning: outline entry \"C\": no destination \"c\" in the document"));
    pp_page_free(p);
    pp_backend_free(b);
    pp_diags_clear(&d);
}

/* ---- files ------------------------------------------------------------------------- */

static void files_are_published_only_at_the_end(void **state)
{
    (void)state;
    char dir[] = "/tmp/pp-render-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.rec", dir);
    rec r;
    pp_diags d;
    pp_backend *b = new_rec(&r, &STRUCTURED, &d);
    r.file = path;
    pp_page *p = pp_page_new(1, 100, 100);
    assert_int_equal(pp_backend_page(b, p, &d), PP_OK);
    assert_int_not_equal(access(path, F_OK), 0); /* not there while being written */
    assert_int_equal(pp_backend_finish(b, NULL, 0, &d), PP_OK);
    assert_string_equal(r.amended, "tmp hidden");  /* amended before it is published */
    assert_int_not_equal(access(path, F_OK), 0);
    assert_int_equal(pp_backend_publish(b, &d), PP_OK);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char buf[16] = "";
    assert_non_null(fgets(buf, sizeof buf, f));
    fclose(f);
    assert_string_equal(buf, "page\n");
    pp_backend_free(b);
    unlink(path);
    rmdir(dir);
    pp_page_free(p);
    pp_diags_clear(&d);
}

static void a_failed_document_leaves_nothing(void **state)
{
    (void)state;
    char dir[] = "/tmp/pp-render-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.rec", dir);
    rec r;
    pp_diags d;
    pp_backend *b = new_rec(&r, &STRUCTURED, &d);
    r.file = path;
    r.fail_end_page = true;
    pp_page *p = pp_page_new(1, 100, 100);
    assert_int_equal(pp_backend_page(b, p, &d), PP_ERR_ENV);
    pp_backend_free(b);
    assert_non_null(strstr(r.log, "destroy"));
    assert_int_equal(rmdir(dir), 0); /* empty: no temporary left behind */
    pp_page_free(p);
    pp_diags_clear(&d);
}

static void pages_go_to_every_backend_in_order(void **state)
{
    (void)state;
    rec r1, r2;
    pp_diags d;
    pp_backend *b[2] = {new_rec(&r1, &STRUCTURED, &d), NULL};
    pp_diags d2;
    b[1] = new_rec(&r2, &FLAT, &d2);
    pp_page *pages[2] = {pp_page_new(1, 100, 100), pp_page_new(2, 100, 100)};
    add_dest(pages[1], "x");
    const pp_outline_entry ol[] = {{1, "X", "x"}};
    assert_int_equal(pp_render_pages(b, 2, pages, 2, ol, 1, &d), PP_OK);
    assert_null(pages[0]); /* each page freed once drawn */
    assert_null(pages[1]);
    assert_string_equal(r1.log, "begin 1\ntag Document\nend 1\nbegin 2\ndest x\nend 2\n"
                                "/tag Document\noutline 1 X x\nfinish\n");
    assert_string_equal(r2.log, "begin 1\nend 1\nbegin 2\nend 2\nfinish\n");
    pp_backend_free(b[0]);
    pp_backend_free(b[1]);
    pp_diags_clear(&d);
    pp_diags_clear(&d2);
}

/* ---- the page pipe ------------------------------------------------------------------ */

/* Pages 1..n, each with a destination and a line of text, through a pipe
 * to a structured and a flat backend; the logs of both. */
static void pipe_run(bool threads, size_t depth, size_t n, rec *r1, rec *r2)
{
    pp_diags d, d2;
    pp_backend *b[2] = {new_rec(r1, &STRUCTURED, &d), NULL};
    b[1] = new_rec(r2, &FLAT, &d2);
    pp_render_pipe *pipe;
    assert_int_equal(pp_render_pipe_new(b, 2, depth, threads, &d, &pipe), PP_OK);
    assert_int_equal(pp_render_pipe_threaded(pipe), threads);
    for (size_t i = 1; i <= n; i++) {
        pp_page *p = pp_page_new((int)i, 100, 100);
        char *name = pp_arena_strdup(p->arena, i % 2 ? "odd" : "even");
        add_text(p, name, 0, (double)i);
        if (i <= 2) add_dest(p, name);
        assert_int_equal(pp_render_pipe_page(pipe, p, &d), PP_OK);
    }
    double drawn = -1;
    assert_int_equal(pp_render_pipe_close(pipe, &d, &drawn), PP_OK);
    assert_true(drawn >= 0);
    pp_render_pipe_free(pipe);
    assert_int_equal(d.count + d2.count, 0);
    pp_backend_free(b[0]);
    pp_backend_free(b[1]);
    pp_diags_clear(&d);
    pp_diags_clear(&d2);
}

static void the_pipe_draws_what_one_thread_draws(void **state)
{
    (void)state;
    rec t1, t2, s1, s2;
    pipe_run(true, 3, 40, &t1, &t2);
    pipe_run(false, 3, 40, &s1, &s2);
    assert_string_equal(t1.log, s1.log);
    assert_string_equal(t2.log, s2.log);
    /* every page, in order, on both */
    assert_non_null(strstr(s1.log, "begin 39\ntext odd font=Test.ttf utf8=yes clusters=0\nend 39\n"
                                   "begin 40\ntext even"));
    assert_non_null(strstr(s2.log, "end 1\nbegin 2\n"));
    /* a ring of one page works too */
    pipe_run(true, 1, 5, &t1, &t2);
    pipe_run(false, 1, 5, &s1, &s2);
    assert_string_equal(t1.log, s1.log);
}

/* A backend that fails stops the layout (the producer hears of it at a
 * later page) and its diagnostic reaches the caller at close; the other
 * backend draws on, every page is freed. */
static void a_failing_backend_stops_the_pipe(void **state)
{
    (void)state;
    for (int threads = 0; threads < 2; threads++) {
        rec r1, r2;
        pp_diags d, d2;
        pp_backend *b[2] = {new_rec(&r1, &STRUCTURED, &d), NULL};
        b[1] = new_rec(&r2, &FLAT, &d2);
        r2.fail_end_page = true;
        pp_render_pipe *pipe;
        assert_int_equal(pp_render_pipe_new(b, 2, 2, threads, &d, &pipe), PP_OK);
        pp_status st = PP_OK;
        size_t handed = 0;
        while (st == PP_OK && handed < 1000)
            st = pp_render_pipe_page(pipe, pp_page_new((int)++handed, 100, 100), &d);
        assert_int_equal(st, PP_ERR_ENV);
        assert_true(handed <= 4); /* within the ring's depth of the failure */
        assert_int_equal(pp_render_pipe_close(pipe, &d, NULL), PP_ERR_ENV);
        assert_true(has_diag(&d, "0:0: error: disk full"));
        assert_int_equal(d.errors, 1);
        assert_non_null(strstr(r2.log, "end 1\n"));
        assert_null(strstr(r2.log, "begin 2\n")); /* nothing drawn after the failure */
        pp_render_pipe_free(pipe);
        pp_backend_free(b[0]);
        pp_backend_free(b[1]);
        pp_diags_clear(&d);
        pp_diags_clear(&d2);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(broken_items_never_reach_the_backend),
        cmocka_unit_test(text_mapping_is_checked),
        cmocka_unit_test(unknown_font_is_an_internal_error),
        cmocka_unit_test(tags_are_balanced_and_wrapped),
        cmocka_unit_test(destinations_links_and_outline),
        cmocka_unit_test(files_are_published_only_at_the_end),
        cmocka_unit_test(a_failed_document_leaves_nothing),
        cmocka_unit_test(pages_go_to_every_backend_in_order),
        cmocka_unit_test(the_pipe_draws_what_one_thread_draws),
        cmocka_unit_test(a_failing_backend_stops_the_pipe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
