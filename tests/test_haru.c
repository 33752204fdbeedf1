/* The libharu backend on the sample document of the backend tests: the
 * PDF/A copy is valid (qpdf), PDF 1.4, its fonts embedded with a usable
 * ToUnicode map (text copied reads right, accents and € included), its
 * XMP, OutputIntent, link and outline in place; its pages and words where
 * the cairo copy has them; the same bytes on every run, protected or not;
 * a PNG with transparency flattened on white; a font libharu cannot embed
 * and a file that cannot be written reported, leaving no file. */
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cmocka.h>

#include <stdio.h> /* before jpeglib.h, which uses FILE */
#include <jpeglib.h>

#include "backend_cairo.h"
#include "backend_haru.h"
#include "sample_doc.h"

static pp_status open_pdfa(const char *path, const pp_dl_meta *meta, pp_font_table fonts,
                           pp_diags *d, pp_backend **out)
{
    pp_haru_options o = {.pdfa = true};
    return pp_backend_haru_pdf(path, meta, fonts, &o, d, out);
}

static pp_status open_protected(const char *path, const pp_dl_meta *meta, pp_font_table fonts,
                                pp_diags *d, pp_backend **out)
{
    pp_haru_options o = {.protect = true, .owner_password = "proprietario"};
    return pp_backend_haru_pdf(path, meta, fonts, &o, d, out);
}

static int setup(void **state) { return setup_in(state, "test_haru"); }

static char *render_to(fixture *fx, open_backend_fn open, const char *name)
{
    static char path[300];
    snprintf(path, sizeof path, "%s/%s", fx->dir, name);
    pp_diags d;
    pp_diags_init(&d, "test");
    pp_status st = render_sample(fx, open, path, &d);
    pp_diags_print(&d, stderr);
    assert_int_equal(st, PP_OK);
    assert_int_equal(d.count, 0);
    pp_diags_clear(&d);
    return path;
}

static void assert_has(const char *cmd_out, const char *what)
{
    if (!strstr(cmd_out, what)) fprintf(stderr, "not found: %s\nin:\n%s\n", what, cmd_out);
    assert_non_null(strstr(cmd_out, what));
}

static void pdfa_is_valid_and_complete(void **state)
{
    fixture *fx = *state;
    if (!have_tools()) skip();
    const char *path = render_to(fx, open_pdfa, "archivio.pdf");
    char *s = run("qpdf --check '%s'", path);
    assert_non_null(s);
    assert_has(s, "No syntax or stream encoding errors");
    free(s);
    s = run("pdfinfo -isodates '%s'", path);
    assert_has(s, "PDF version:     1.4");
    assert_has(s, "Pages:           2");
    assert_has(s, "Encrypted:       no");
    assert_has(s, "Metadata Stream: yes");
    assert_has(s, "Title:           Relazione sulla performance 2022");
    assert_has(s, "CreationDate:    2023-06-30T00:00:00Z");
    free(s);
    s = run("pdfinfo -f 1 -l 2 '%s' | grep 'size'", path);
    assert_has(s, "595.276 x 841.89");
    assert_has(s, "841.89 x 595.276");
    free(s);
    /* text copied from the file reads right */
    s = run("pdftotext '%s' -", path);
    assert_has(s, "2,47 €");
    assert_has(s, "città");
    assert_has(s, "97,98 %");
    assert_has(s, "Sezione 2 – Obiettivi");
    free(s);
    /* every font embedded, subset, with its ToUnicode map; poppler warns
     * of nothing (libharu's own map makes it say "begincidrange") */
    s = run("pdffonts '%s' 2>&1", path);
    int fonts = 0;
    for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "name", 4) == 0 || strncmp(line, "----", 4) == 0) continue;
        assert_non_null(strstr(line, "yes yes yes"));
        fonts++;
    }
    assert_int_equal(fonts, 4);
    free(s);
    s = run("pdftotext '%s' - 2>&1 >/dev/null", path);
    assert_string_equal(s, "");
    free(s);
    s = run("qpdf --qdf --object-streams=disable '%s' - | grep -a -c -e begincidrange -e "
            "'/SMask' -e '/Encrypt' || true", path);
    assert_int_equal(atoi(s), 0);
    free(s);
    /* the file's objects as text: grep -a, since font programs hold NULs */
    const char *must[] = {"beginbfrange", "<pdfaid:part>1</pdfaid:part>", "/S /GTS_PDFA1",
                          "/Subtype /Link", "/F 4", "/Count", "/XYZ"};
    for (size_t i = 0; i < sizeof must / sizeof must[0]; i++) {
        s = run("qpdf --qdf --object-streams=disable '%s' - | grep -a -c -F -e '%s' || true",
                path, must[i]);
        if (atoi(s) == 0) fprintf(stderr, "not in the file: %s\n", must[i]);
        assert_true(atoi(s) > 0);
        free(s);
    }
}

/* Every word of the archival copy stands where the tagged copy has it. */
static void words_where_cairo_puts_them(void **state)
{
    fixture *fx = *state;
    if (!have_tools()) skip();
    char a[300], c[300];
    snprintf(a, sizeof a, "%s", render_to(fx, open_pdfa, "a.pdf"));
    snprintf(c, sizeof c, "%s", render_to(fx, pp_backend_cairo_pdf, "c.pdf"));
    const char *fmt = "pdftotext -bbox '%s' - | sed -n 's/.*xMin=\"\\([0-9.]*\\)\" "
                      "yMin=\"\\([0-9.]*\\)\".*>\\(.*\\)<\\/word>/\\3 \\1 \\2/p'";
    char *wa = run(fmt, a), *wc = run(fmt, c);
    assert_non_null(wa);
    assert_non_null(wc);
    int n = 0;
    char *sa, *sc;
    char *la = strtok_r(wa, "\n", &sa), *lc = strtok_r(wc, "\n", &sc);
    for (; la && lc; la = strtok_r(NULL, "\n", &sa), lc = strtok_r(NULL, "\n", &sc), n++) {
        char wordA[200], wordC[200];
        double xa, ya, xc, yc;
        assert_int_equal(sscanf(la, "%199s %lf %lf", wordA, &xa, &ya), 3);
        assert_int_equal(sscanf(lc, "%199s %lf %lf", wordC, &xc, &yc), 3);
        assert_string_equal(wordA, wordC);
        if (fabs(xa - xc) > 0.5 || fabs(ya - yc) > 0.5)
            fprintf(stderr, "%s at %g,%g; cairo %g,%g\n", wordA, xa, ya, xc, yc);
        assert_true(fabs(xa - xc) <= 0.5 && fabs(ya - yc) <= 0.5);
    }
    assert_null(la);
    assert_null(lc);
    assert_true(n > 40);
    free(wa);
    free(wc);
}

static void assert_same_file(const char *a, const char *b)
{
    size_t na, nb;
    char *x = read_file(a, &na), *y = read_file(b, &nb);
    assert_non_null(x);
    assert_non_null(y);
    assert_int_equal(na, nb);
    assert_memory_equal(x, y, na);
    free(x);
    free(y);
}

static void same_input_same_bytes(void **state)
{
    fixture *fx = *state;
    char a[300], b[300];
    snprintf(a, sizeof a, "%s", render_to(fx, open_pdfa, "a1.pdf"));
    sleep(1); /* a clock in the output would show now */
    snprintf(b, sizeof b, "%s", render_to(fx, open_pdfa, "a2.pdf"));
    assert_same_file(a, b);
    snprintf(a, sizeof a, "%s", render_to(fx, open_protected, "p1.pdf"));
    snprintf(b, sizeof b, "%s", render_to(fx, open_protected, "p2.pdf"));
    assert_same_file(a, b); /* the file identifier does not come from the clock */
}

static void protected_copy(void **state)
{
    fixture *fx = *state;
    if (!have_tools()) skip();
    const char *path = render_to(fx, open_protected, "protetto.pdf");
    char *s = run("pdfinfo '%s'", path);
    assert_has(s, "Encrypted:       yes (print:yes copy:yes change:no addNotes:no");
    free(s);
    s = run("qpdf --password=proprietario --show-encryption '%s'", path);
    assert_has(s, "Supplied password is owner password");
    assert_has(s, "extract for accessibility: allowed");
    assert_has(s, "modify anything: not allowed");
    free(s);
    s = run("pdftotext '%s' -", path);
    assert_has(s, "città");
    free(s);
}

static void impossible_options_refused(void **state)
{
    fixture *fx = *state;
    pp_diags d;
    pp_diags_init(&d, "test");
    pp_backend *b = NULL;
    char path[300];
    snprintf(path, sizeof path, "%s/x.pdf", fx->dir);
    pp_haru_options both = {.pdfa = true, .protect = true, .owner_password = "x"};
    assert_int_equal(pp_backend_haru_pdf(path, &META, pp_text_font_table(fx->text), &both, &d, &b),
                     PP_ERR_ENV);
    assert_null(b);
    pp_haru_options no_password = {.protect = true};
    assert_int_equal(
        pp_backend_haru_pdf(path, &META, pp_text_font_table(fx->text), &no_password, &d, &b),
        PP_ERR_ENV);
    assert_int_equal(d.errors, 2);
    pp_diags_clear(&d);
    assert_false(exists(path));
}

/* A font table whose only face is no TrueType font. */
static size_t one(const void *ctx) { return (void)ctx, 1; }
static const pp_dl_font *not_a_font(const void *ctx, int i)
{
    static const pp_dl_font f = {PP_SOURCE_DIR "/fonts/OFL.txt", 0};
    return (void)ctx, (void)i, &f;
}

static void font_libharu_cannot_embed(void **state)
{
    fixture *fx = *state;
    char path[300];
    snprintf(path, sizeof path, "%s/font.pdf", fx->dir);
    pp_font_table fonts = {one, not_a_font, NULL};
    pp_diags d;
    pp_diags_init(&d, "test");
    pp_backend *b = NULL;
    pp_haru_options o = {.pdfa = true};
    assert_int_equal(pp_backend_haru_pdf(path, &META, fonts, &o, &d, &b), PP_OK);
    pp_page *p = pp_page_new(1, 595, 842);
    pp_glyph g = {36, 0, 0};
    pp_dl_item it = {.kind = PP_DL_TEXT};
    it.u.text.size = 10;
    it.u.text.x = it.u.text.y = 100;
    it.u.text.utf8 = "A";
    it.u.text.nglyphs = 1;
    it.u.text.glyphs = &g;
    it.u.text.width = 6;
    add(p, it);
    assert_int_equal(pp_backend_page(b, p, &d), PP_ERR_ENV);
    pp_backend_free(b);
    pp_page_free(p);
    bool named = false;
    for (size_t i = 0; i < d.count; i++)
        named |= strstr(d.items[i].message, "libharu cannot embed the font") &&
                 strstr(d.items[i].message, "OFL.txt");
    if (!named) pp_diags_print(&d, stderr);
    assert_true(named);
    pp_diags_clear(&d);
    assert_false(exists(path));
}

/* A PNG with an alpha channel: PDF/A-1 allows no soft mask, so the
 * transparent half is white in the file. */
static void transparency_flattened_on_white(void **state)
{
    fixture *fx = *state;
    if (!have_tools()) skip();
    char png[300], path[300];
    snprintf(png, sizeof png, "%s/alpha.png", fx->dir);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 20);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgba(cr, 0, 0, 0.8, 1);
    cairo_rectangle(cr, 0, 0, 20, 20);
    cairo_fill(cr);
    cairo_destroy(cr);
    assert_int_equal(cairo_surface_write_to_png(s, png), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
    snprintf(path, sizeof path, "%s/alpha.pdf", fx->dir);
    pp_diags d;
    pp_diags_init(&d, "test");
    assert_int_equal(image_page(fx, open_pdfa, png, 0, 0, 200, 100, 200, 100, path, &d), PP_OK);
    pp_diags_clear(&d);
    char *out = run("pdfimages -list '%s' | awk 'NR > 2 { print $3, $6 }'", path);
    assert_string_equal(out, "image rgb\n"); /* no smask */
    free(out);
    /* the right half, transparent in the PNG, is white; the left blue */
    char ppm[300];
    snprintf(ppm, sizeof ppm, "%s/alpha.ppm", fx->dir);
    free(run("pdftoppm -r 36 '%s' > '%s'", path, ppm));
    size_t n;
    char *img = read_file(ppm, &n);
    int w, h, max, off = 0;
    assert_non_null(img);
    assert_int_equal(sscanf(img, "P6 %d %d %d%n", &w, &h, &max, &off), 3);
    const unsigned char *px = (const unsigned char *)img + off + 1;
    const unsigned char *left = px + 3 * (h / 2 * w + w / 4), *right = px + 3 * (h / 2 * w + 3 * w / 4);
    assert_true(left[0] < 20 && left[1] < 20 && left[2] > 180);
    assert_true(right[0] == 255 && right[1] == 255 && right[2] == 255);
    free(img);
}

/* A small JPEG of the given colour channels (3 RGB, 4 CMYK). */
static void make_jpeg(const char *path, int components)
{
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr err;
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    jpeg_stdio_dest(&c, f);
    c.image_width = 16;
    c.image_height = 8;
    c.input_components = components;
    c.in_color_space = components == 4 ? JCS_CMYK : JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_start_compress(&c, TRUE);
    unsigned char row[16 * 4];
    for (int i = 0; i < 16 * components; i++) row[i] = (unsigned char)(i * 13);
    JSAMPROW r = row;
    while (c.next_scanline < c.image_height) jpeg_write_scanlines(&c, &r, 1);
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    fclose(f);
}

/* An RGB JPEG goes in as it is; a CMYK one is refused in the PDF/A copy
 * (no sRGB equivalent without its profile), kept in the protected one. */
static void jpeg_kept_cmyk_refused_in_pdfa(void **state)
{
    fixture *fx = *state;
    if (!have_tools()) skip();
    char rgb[300], cmyk[300], pdf[300];
    snprintf(rgb, sizeof rgb, "%s/rgb.jpg", fx->dir);
    snprintf(cmyk, sizeof cmyk, "%s/cmyk.jpg", fx->dir);
    make_jpeg(rgb, 3);
    make_jpeg(cmyk, 4);
    pp_diags d;
    pp_diags_init(&d, "test");
    snprintf(pdf, sizeof pdf, "%s/rgb.pdf", fx->dir);
    assert_int_equal(image_page(fx, open_pdfa, rgb, 10, 10, 160, 80, 200, 100, pdf, &d), PP_OK);
    char *s = run("pdfimages -list '%s' | awk 'NR > 2 { print $3, $4, $5, $6, $9 }'", pdf);
    assert_string_equal(s, "image 16 8 rgb jpeg\n");
    free(s);
    snprintf(pdf, sizeof pdf, "%s/cmyk.pdf", fx->dir);
    assert_int_equal(image_page(fx, open_pdfa, cmyk, 10, 10, 160, 80, 200, 100, pdf, &d), PP_ERR_INPUT);
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(d.items[0].message, "is a CMYK JPEG: the PDF/A copy (sRGB) cannot hold it"));
    assert_false(exists(pdf));
    assert_int_equal(image_page(fx, open_protected, cmyk, 10, 10, 160, 80, 200, 100, pdf, &d), PP_OK);
    pp_diags_clear(&d);
}

static void write_errors_leave_nothing(void **state)
{
    assert_write_errors_leave_nothing(*state, open_pdfa);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(pdfa_is_valid_and_complete, setup, teardown),
        cmocka_unit_test_setup_teardown(words_where_cairo_puts_them, setup, teardown),
        cmocka_unit_test_setup_teardown(same_input_same_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(protected_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(impossible_options_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(font_libharu_cannot_embed, setup, teardown),
        cmocka_unit_test_setup_teardown(transparency_flattened_on_white, setup, teardown),
        cmocka_unit_test_setup_teardown(jpeg_kept_cmyk_refused_in_pdfa, setup, teardown),
        cmocka_unit_test_setup_teardown(write_errors_leave_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
