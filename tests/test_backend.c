/* The cairo backends: a page with text, shapes, an image, links and an
 * outline becomes a valid PDF (qpdf --check), with its text extractable,
 * its fonts embedded and subset, its language set, the same bytes on every
 * run; write failures leave no file behind. PNG output: one file a page. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <cairo.h>

#include "backend_cairo.h"
#include "pdf_compact.h"
#include "sample_doc.h"

static pp_status render(fixture *fx, const char *path, pp_diags *d)
{
    return render_sample(fx, pp_backend_cairo_pdf, path, d);
}

static int setup(void **state) { return setup_in(state, "test_backend"); }

/* ---- tests -------------------------------------------------------------------- */

static void pdf_is_valid_and_complete(void **state)
{
    fixture *fx = *state;
    if (!have_tools())
        skip();
    char path[300];
    snprintf(path, sizeof path, "%s/relazione.pdf", fx->dir);
    pp_diags d;
    pp_diags_init(&d, "test");
    assert_int_equal(render(fx, path, &d), PP_OK);
    pp_diags_print(&d, stderr);
    assert_int_equal(d.count, 0);
    pp_diags_clear(&d);

    char *s = run("qpdf --check '%s'", path);
    assert_non_null(s);
    assert_non_null(strstr(s, "No syntax or stream encoding errors"));
    free(s);

    s = run("pdftotext -layout '%s' -", path);
    assert_non_null(s);
    assert_non_null(strstr(s, "Relazione sulla performance 2022"));
    assert_non_null(strstr(s, "2,47 €"));
    assert_non_null(strstr(s, "città"));
    assert_non_null(strstr(s, "97,98 %"));
    assert_non_null(strstr(s, "Sezione 2 – Obiettivi"));
    free(s);

    /* Every font embedded and subset; the bundled faces are the ones used. */
    s = run("pdffonts '%s'", path);
    assert_non_null(s);
    int fonts = 0;
    for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "name", 4) == 0 || strncmp(line, "----", 4) == 0)
            continue;
        fonts++;
        assert_non_null(strstr(line, "yes yes"));
    }
    free(s);
    assert_true(fonts >= 4);
    s = run("pdffonts '%s' | grep -c -e TitilliumWeb -e DejaVuSerif", path);
    assert_non_null(s);
    assert_int_equal(atoi(s), fonts);
    free(s);

    s = run("pdfinfo '%s'", path);
    assert_non_null(s);
    assert_non_null(strstr(s, "Title:           Relazione sulla performance 2022"));
    assert_non_null(strstr(s, "Author:          Comune di Prova"));
    assert_non_null(strstr(s, "Pages:           2"));
    assert_non_null(strstr(s, "Tagged:          yes"));
    assert_non_null(strstr(s, "CreationDate:    Fri Jun 30 00:00:00 2023"));
    free(s);
    /* Page sizes: portrait then landscape. */
    s = run("pdfinfo -f 1 -l 2 '%s' | grep 'size'", path);
    assert_non_null(s);
    assert_non_null(strstr(s, "595.276 x 841.89"));
    assert_non_null(strstr(s, "841.89 x 595.276"));
    free(s);

    /* Language and viewer preferences in the (updated) catalog, dates with D:. */
    s = run("qpdf --show-object=trailer '%s'", path);
    assert_non_null(s);
    free(s);
    s = run("qpdf --qdf --object-streams=disable '%s' - | grep -a -e /Lang -e "
            "/DisplayDocTitle -e /CreationDate",
            path);
    assert_non_null(s);
    assert_non_null(strstr(s, "/Lang (it-IT)"));
    assert_non_null(strstr(s, "/DisplayDocTitle true"));
    assert_non_null(strstr(s, "/CreationDate (D:20230630000000)"));
    free(s);
    /* The figure's alternative text (cairo 1.16 cannot write it). */
    s = run("qpdf --qdf --object-streams=disable '%s' - | grep -a '/Alt'", path);
    assert_non_null(s);
    assert_non_null(strstr(s, "/Alt (Logo: un cerchio rosso su fondo blu)"));
    free(s);

    /* The outline, two levels, pointing at the named destinations. */
    s = run("qpdf --json --json-key=outlines '%s'", path);
    assert_non_null(s);
    assert_non_null(strstr(s, "\"title\": \"Relazione sulla performance\""));
    assert_non_null(strstr(s, "\"title\": \"Sezione 2 – Obiettivi\""));
    /* qpdf resolves the names: page 2, at the heading (595.276 - 56.7). */
    assert_non_null(strstr(s, "\"destpageposfrom1\": 2"));
    assert_non_null(strstr(s, "538.576"));
    free(s);
    /* The link annotation goes to the destination of page 2. */
    s = run("qpdf --qdf --object-streams=disable '%s' - | grep -a -c '/Dest (sez-2)'", path);
    assert_non_null(s);
    assert_true(atoi(s) >= 2); /* the link and the outline entry */
    free(s);
    s = run("pdfimages -list '%s' | grep -c image", path);
    assert_non_null(s);
    assert_int_equal(atoi(s), 1);
    free(s);
}

static void same_input_same_bytes(void **state)
{
    fixture *fx = *state;
    char a[300], b[300];
    snprintf(a, sizeof a, "%s/a.pdf", fx->dir);
    snprintf(b, sizeof b, "%s/b.pdf", fx->dir);
    pp_diags d;
    pp_diags_init(&d, "test");
    assert_int_equal(render(fx, a, &d), PP_OK);
    sleep(1); /* a clock in the output would show now */
    assert_int_equal(render(fx, b, &d), PP_OK);
    pp_diags_clear(&d);
    size_t na, nb;
    char *x = read_file(a, &na), *y = read_file(b, &nb);
    assert_non_null(x);
    assert_non_null(y);
    assert_int_equal(na, nb);
    assert_memory_equal(x, y, na);
    free(x);
    free(y);
}

/* Whether the n bytes at b contain the string. */
static bool has(const char *b, size_t n, const char *what, size_t len)
{
    for (size_t i = 0; i + len <= n; i++)
        if (memcmp(b + i, what, len) == 0) return true;
    return false;
}

/* The structure tree in object streams, a cross-reference stream, no
 * classic xref table left (pdf_compact.h). */
static void pdf_has_object_streams(void **state)
{
    fixture *fx = *state;
    if (!have_tools()) skip();
    char path[300];
    snprintf(path, sizeof path, "%s/objstm.pdf", fx->dir);
    pp_diags d;
    pp_diags_init(&d, "test");
    assert_int_equal(render(fx, path, &d), PP_OK);
    assert_int_equal(d.count, 0);
    pp_diags_clear(&d);
    size_t n;
    char *pdf = read_file(path, &n);
    assert_non_null(pdf);
    assert_true(has(pdf, n, "/Type /ObjStm", 13));
    assert_true(has(pdf, n, "/Type /XRef", 11));
    assert_false(has(pdf, n, "\nxref\n", 6));
    assert_false(has(pdf, n, "/StructElem", 11)); /* all compressed */
    free(pdf);
    char *s = run("qpdf --show-xref '%s' | grep -c 'compressed; stream'", path);
    assert_true(atoi(s) > 20);
    free(s);
    s = run("qpdf --qdf --object-streams=disable '%s' - | grep -ac '/Type /StructElem'", path);
    assert_true(atoi(s) >= 5); /* Document, headings, paragraphs, the figure... */
    free(s);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

/* A file not laid out as cairo writes it (no xref table, an older version,
 * one already compacted) is left as it is, with a warning; a file that
 * cannot be read is an error. */
static void compact_leaves_other_files_alone(void **state)
{
    fixture *fx = *state;
    char path[300];
    snprintf(path, sizeof path, "%s/other.pdf", fx->dir);
    const char *texts[] = {
        "%PDF-1.5\nnot a PDF\n",
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n"
        "0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\n"
        "startxref\n45\n%%EOF\n",
        "%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n"
        "0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\n"
        "startxref\n4800\n%%EOF\n", /* startxref past the end */
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        write_text(path, texts[i]);
        pp_diags d;
        pp_diags_init(&d, "test");
        assert_int_equal(pp_pdf_compact(path, &d), PP_OK);
        assert_int_equal(d.warnings, 1);
        assert_int_equal(d.errors, 0);
        pp_diags_clear(&d);
        size_t n;
        char *back = read_file(path, &n);
        assert_non_null(back);
        assert_int_equal(n, strlen(texts[i]));
        assert_memory_equal(back, texts[i], n);
        free(back);
    }

    /* A classic file of one object is packed; packing it again changes nothing. */
    write_text(path, "%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n"
                     "0000000000 65535 f \n0000000009 00000 n \ntrailer\n"
                     "<< /Size 2 /Root 1 0 R >>\nstartxref\n45\n%%EOF\n");
    pp_diags d;
    pp_diags_init(&d, "test");
    assert_int_equal(pp_pdf_compact(path, &d), PP_OK);
    assert_int_equal(d.count, 0);
    size_t n1, n2;
    char *once = read_file(path, &n1);
    assert_true(has(once, n1, "/Type /ObjStm /N 1", 18));
    assert_int_equal(pp_pdf_compact(path, &d), PP_OK);
    assert_int_equal(d.warnings, 1);
    char *twice = read_file(path, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(once, twice, n1);
    free(once);
    free(twice);
    pp_diags_clear(&d);

    snprintf(path, sizeof path, "%s/missing.pdf", fx->dir);
    pp_diags_init(&d, "test");
    assert_int_equal(pp_pdf_compact(path, &d), PP_ERR_ENV);
    assert_int_equal(d.errors, 1);
    pp_diags_clear(&d);
}

/* A failed write: PP_ERR_ENV with a message naming the file, nothing left. */
static void write_errors_leave_nothing(void **state)
{
    assert_write_errors_leave_nothing(*state, pp_backend_cairo_pdf);
}

static void destroy_without_finish_removes_the_file(void **state)
{
    fixture *fx = *state;
    char path[300];
    snprintf(path, sizeof path, "%s/abandoned.pdf", fx->dir);
    int before = count_files(fx->dir);
    pp_diags d;
    pp_diags_init(&d, "test");
    pp_backend *b;
    assert_int_equal(pp_backend_cairo_pdf(path, &META, pp_text_font_table(fx->text), &d, &b),
                     PP_OK);
    pp_page *p = page_two(fx->text);
    assert_int_equal(pp_backend_page(b, p, &d), PP_OK);
    assert_int_equal(count_files(fx->dir), before + 1); /* the temporary */
    pp_backend_free(b);
    pp_page_free(p);
    assert_int_equal(count_files(fx->dir), before);
    assert_false(exists(path));
    /* A good file already there survives a failed run. */
    FILE *f = fopen(path, "w");
    fputs("previous", f);
    fclose(f);
    assert_int_equal(pp_backend_cairo_pdf(path, &META, pp_text_font_table(fx->text), &d, &b),
                     PP_OK);
    pp_backend_free(b);
    size_t n;
    char *s = read_file(path, &n);
    assert_string_equal(s, "previous");
    free(s);
    unlink(path);
    pp_diags_clear(&d);
}

static void bad_items_do_not_break_the_document(void **state)
{
    fixture *fx = *state;
    if (!have_tools())
        skip();
    char path[300];
    snprintf(path, sizeof path, "%s/odd.pdf", fx->dir);
    pp_diags d;
    pp_diags_init(&d, "test");
    pp_backend *b;
    assert_int_equal(pp_backend_cairo_pdf(path, NULL, pp_text_font_table(fx->text), &d, &b),
                     PP_OK);
    pp_page *p = page_two(fx->text);
    tag(p, PP_DL_TAG_END, "Table");   /* never opened */
    tag(p, PP_DL_TAG_BEGIN, "Table"); /* never closed */
    tag(p, PP_DL_TAG_BEGIN, "bad name");
    tag(p, PP_DL_TAG_END, "bad name");
    pp_dl_item it = {.kind = PP_DL_RECT};
    it.u.rect = (__typeof__(it.u.rect)){NAN, 0, 10, 10, {.fill = true}};
    add(p, it);
    it = (pp_dl_item){.kind = PP_DL_LINK};
    it.u.link = (__typeof__(it.u.link)){0, 0, 10, 10, "nowhere"};
    add(p, it);
    it = (pp_dl_item){.kind = PP_DL_DEST};
    it.u.dest = (__typeof__(it.u.dest)){"sez-2", 0, 0}; /* twice */
    add(p, it);
    assert_int_equal(pp_backend_page(b, p, &d), PP_OK);
    pp_outline_entry bad[] = {{3, "Deep first", "sez-2"}, {1, "Lost", "missing"}};
    assert_int_equal(pp_backend_finish(b, bad, 2, &d), PP_OK);
    assert_int_equal(pp_backend_publish(b, &d), PP_OK);
    pp_backend_free(b);
    pp_page_free(p);
    assert_true(d.warnings >= 4);
    assert_int_equal(d.errors, 0);
    pp_diags_clear(&d);
    char *s = run("qpdf --check '%s'", path);
    assert_non_null(s);
    free(s);
    /* An unknown font is an internal error, not a crash. */
    pp_diags_init(&d, "test");
    assert_int_equal(pp_backend_cairo_pdf(path, NULL, pp_text_font_table(fx->text), &d, &b),
                     PP_OK);
    p = pp_page_new(1, 595, 842);
    pp_glyph g = {1, 0, 0};
    it = (pp_dl_item){.kind = PP_DL_TEXT};
    it.u.text.font = 999;
    it.u.text.size = 10;
    it.u.text.nglyphs = 1;
    it.u.text.glyphs = &g;
    it.u.text.width = 5;
    add(p, it);
    assert_int_equal(pp_backend_page(b, p, &d), PP_ERR_ENV);
    assert_int_equal(pp_backend_finish(b, NULL, 0, &d), PP_ERR_ENV);
    pp_backend_free(b);
    pp_page_free(p);
    pp_diags_clear(&d);
    /* A missing image is the input's fault. */
    pp_diags_init(&d, "test");
    char other[300];
    snprintf(other, sizeof other, "%s/img.pdf", fx->dir);
    assert_int_equal(pp_backend_cairo_pdf(other, NULL, pp_text_font_table(fx->text), &d, &b),
                     PP_OK);
    p = pp_page_new(1, 595, 842);
    it = (pp_dl_item){.kind = PP_DL_IMAGE};
    it.u.image = (__typeof__(it.u.image)){"/nonexistent/logo.png", 0, 0, 10, 10};
    add(p, it);
    assert_int_equal(pp_backend_page(b, p, &d), PP_ERR_INPUT);
    pp_backend_free(b);
    pp_page_free(p);
    assert_false(exists(other));
    pp_diags_clear(&d);
}

static void jpeg_is_embedded_as_is(void **state)
{
    fixture *fx = *state;
    if (!have_tools())
        skip();
    char src[300], jpg[300], path[300];
    snprintf(src, sizeof src, "%s/src.pdf", fx->dir);
    snprintf(path, sizeof path, "%s/jpeg.pdf", fx->dir);
    pp_diags d;
    pp_diags_init(&d, "test");
    assert_int_equal(render(fx, src, &d), PP_OK);
    char *s = run("pdftoppm -jpeg -r 20 -f 1 -l 1 -singlefile '%s' '%s/photo'", src, fx->dir);
    free(s);
    snprintf(jpg, sizeof jpg, "%s/photo.jpg", fx->dir);
    assert_true(exists(jpg));
    assert_int_equal(
        image_page(fx, pp_backend_cairo_pdf, jpg, 50, 50, 300, 424, 595, 842, path, &d), PP_OK);
    pp_diags_clear(&d);
    s = run("pdfimages -list '%s' | grep -c ' jpeg '", path);
    assert_non_null(s);
    assert_int_equal(atoi(s), 1);
    free(s);
}

/* Width and height from a PNG header. */
static void png_size(const char *path, unsigned *w, unsigned *h)
{
    size_t n;
    unsigned char *b = (unsigned char *)read_file(path, &n);
    assert_non_null(b);
    assert_true(n > 24);
    *w = (unsigned)b[16] << 24 | b[17] << 16 | b[18] << 8 | b[19];
    *h = (unsigned)b[20] << 24 | b[21] << 16 | b[22] << 8 | b[23];
    free(b);
}

static void png_pages(void **state)
{
    fixture *fx = *state;
    char prefix[300], png[300], f1[320], f2[320];
    snprintf(prefix, sizeof prefix, "%s/anteprima", fx->dir);
    snprintf(png, sizeof png, "%s/logo.png", fx->dir);
    make_png(png);
    pp_diags d;
    pp_diags_init(&d, "test");
    pp_backend *b;
    assert_int_equal(pp_backend_cairo_png(prefix, 50, pp_text_font_table(fx->text), &d, &b),
                     PP_OK);
    pp_page *pages[2] = {page_one(fx->text, png), page_two(fx->text)};
    assert_int_equal(pp_backend_page(b, pages[0], &d), PP_OK);
    assert_int_equal(pp_backend_page(b, pages[1], &d), PP_OK);
    assert_int_equal(pp_backend_finish(b, OUTLINE, 2, &d), PP_OK);
    assert_int_equal(pp_backend_publish(b, &d), PP_OK);
    pp_backend_free(b);
    pp_page_free(pages[0]);
    pp_page_free(pages[1]);
    assert_int_equal(d.count, 0);
    snprintf(f1, sizeof f1, "%s-001.png", prefix);
    snprintf(f2, sizeof f2, "%s-002.png", prefix);
    unsigned w, h;
    png_size(f1, &w, &h);
    assert_int_equal(w, 414); /* ceil(595.276 * 50 / 72) */
    assert_int_equal(h, 585);
    png_size(f2, &w, &h);
    assert_int_equal(w, 585);
    assert_int_equal(h, 414);
    /* Something was drawn: dark pixels where the title is. */
    cairo_surface_t *img = cairo_image_surface_create_from_png(f1);
    unsigned char *px = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img), dark = 0;
    for (int y = 40; y < 70; y++)
        for (int x = 40; x < 300; x++)
            dark += px[y * stride + 4 * x + 1] < 100;
    cairo_surface_destroy(img);
    assert_true(dark > 50);
    /* Unwritable prefix: an error naming the file. */
    assert_int_equal(pp_backend_cairo_png("/proc/x", 50, pp_text_font_table(fx->text), &d, &b),
                     PP_OK);
    pp_page *p = page_two(fx->text);
    assert_int_equal(pp_backend_page(b, p, &d), PP_ERR_ENV);
    assert_int_equal(pp_backend_finish(b, NULL, 0, &d), PP_ERR_ENV);
    pp_backend_free(b);
    pp_page_free(p);
    assert_true(d.errors > 0);
    pp_diags_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pdf_is_valid_and_complete),
        cmocka_unit_test(same_input_same_bytes),
        cmocka_unit_test(pdf_has_object_streams),
        cmocka_unit_test(compact_leaves_other_files_alone),
        cmocka_unit_test(write_errors_leave_nothing),
        cmocka_unit_test(destroy_without_finish_removes_the_file),
        cmocka_unit_test(bad_items_do_not_break_the_document),
        cmocka_unit_test(jpeg_is_embedded_as_is),
        cmocka_unit_test(png_pages),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
