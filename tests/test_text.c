/* Text shaping on the bundled fonts: line breaking, fonts resolved to the
 * bundled files, emitted runs inside their box, exact character mapping. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "text.h"

#define FONTS PP_SOURCE_DIR "/fonts"
#define EPS 0.01

static const char *LOREM =
    "La Relazione sulla performance evidenzia, a consuntivo, i risultati organizzativi e "
    "individuali raggiunti rispetto ai singoli obiettivi programmati e alle risorse, con "
    "rilevazione degli eventuali scostamenti. Il grado di raggiungimento complessivo è pari "
    "al 97,98 % e il costo medio è di 2,47 € per pratica; più di 1.146.100,00 euro sono stati "
    "destinati alle attività di città, perché così prevedeva il Piano.";

static pp_font_spec serif = {.family = "DejaVu Serif", .size = 10};
static pp_font_spec title = {.family = "Titillium Web", .size = 16, .bold = true};

static int setup(void **state)
{
    pp_diags d;
    pp_diags_init(&d, "fonts");
    pp_text *t = NULL;
    pp_status st = pp_text_new(FONTS, &d, &t);
    pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    *state = t;
    return st == PP_OK ? 0 : -1;
}

static int teardown(void **state)
{
    pp_text_free(*state);
    return 0;
}

static void missing_folder(void **state)
{
    (void)state;
    pp_diags d;
    pp_diags_init(&d, "fonts");
    pp_text *t = (pp_text *)&d;
    assert_int_equal(pp_text_new("/nonexistent/fonts", &d, &t), PP_ERR_ENV);
    assert_null(t);
    assert_true(d.errors > 0);
    assert_non_null(strstr(d.items[0].message, "/nonexistent/fonts"));
    pp_diags_clear(&d);
    /* A folder with no fonts in it. */
    pp_diags_init(&d, "fonts");
    assert_int_equal(pp_text_new(PP_SOURCE_DIR "/src", &d, &t), PP_ERR_ENV);
    assert_null(t);
    pp_diags_clear(&d);
    pp_diags_init(&d, "fonts");
    assert_int_equal(pp_text_new(NULL, &d, &t), PP_ERR_ENV);
    pp_diags_clear(&d);
}

static void families(void **state)
{
    pp_text *t = *state;
    assert_true(pp_text_has_family(t, "Titillium Web"));
    assert_true(pp_text_has_family(t, "dejavu serif"));
    assert_true(pp_text_has_family(t, "DejaVu Sans"));
    assert_false(pp_text_has_family(t, "Comic Sans MS"));
    assert_non_null(pp_fonts_dir_default());
}

static void wraps_more_when_narrower(void **state)
{
    pp_text *t = *state;
    pp_lines *one = pp_text_shape(t, LOREM, &serif, 0, PP_ALIGN_LEFT);
    pp_lines *wide = pp_text_shape(t, LOREM, &serif, 450, PP_ALIGN_LEFT);
    pp_lines *narrow = pp_text_shape(t, LOREM, &serif, 200, PP_ALIGN_LEFT);
    assert_non_null(one);
    assert_non_null(wide);
    assert_non_null(narrow);
    assert_int_equal(pp_lines_count(one), 1);
    assert_true(pp_lines_count(wide) >= 2);
    assert_true(pp_lines_count(narrow) > pp_lines_count(wide));
    assert_true(pp_lines_width(wide) <= 450 + EPS);
    assert_true(pp_lines_width(narrow) <= 200 + EPS);
    assert_true(pp_lines_width(one) > 450);
    /* Heights add up, and more lines are taller. */
    double sum = 0;
    for (size_t i = 0; i < pp_lines_count(narrow); i++)
        sum += pp_lines_height(narrow, i, 1);
    assert_float_equal(sum, pp_lines_total_height(narrow), 1e-9);
    assert_true(pp_lines_total_height(narrow) > pp_lines_total_height(wide));
    assert_true(pp_lines_baseline(narrow, 0) > 0);
    assert_true(pp_lines_baseline(narrow, 0) < pp_lines_height(narrow, 0, 1));
    pp_lines_free(one);
    pp_lines_free(wide);
    pp_lines_free(narrow);
}

static void line_spacing(void **state)
{
    pp_text *t = *state;
    pp_font_spec loose = serif;
    loose.line_spacing = 1.5;
    pp_lines *a = pp_text_shape(t, LOREM, &serif, 300, PP_ALIGN_LEFT);
    pp_lines *b = pp_text_shape(t, LOREM, &loose, 300, PP_ALIGN_LEFT);
    assert_int_equal(pp_lines_count(a), pp_lines_count(b));
    assert_float_equal(pp_lines_total_height(b), 1.5 * pp_lines_total_height(a), 1e-6);
    pp_lines_free(a);
    pp_lines_free(b);
}

/* Every glyph of every emitted run lies in [x, x + width]. */
static void assert_runs_inside(const pp_page *p, double x, double width)
{
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        assert_int_equal(it->kind, PP_DL_TEXT);
        assert_true(it->u.text.x >= x - EPS);
        assert_true(it->u.text.x + it->u.text.width <= x + width + EPS);
        for (size_t g = 0; g < it->u.text.nglyphs; g++)
            assert_true(it->u.text.x + it->u.text.glyphs[g].x >= x - EPS);
    }
}

static void long_word_breaks_inside(void **state)
{
    pp_text *t = *state;
    char *word = malloc(5001);
    for (int i = 0; i < 5000; i++)
        word[i] = "abcdefghij"[i % 10];
    word[5000] = '\0';
    pp_lines *l = pp_text_shape(t, word, &serif, 120, PP_ALIGN_JUSTIFY);
    assert_non_null(l);
    assert_true(pp_lines_count(l) > 50);
    assert_true(pp_lines_width(l) <= 120 + EPS);
    pp_page *p = pp_page_new(1, 595, 842);
    assert_true(pp_lines_emit(l, 0, pp_lines_count(l), p, 40, 30, (pp_rgb){0, 0, 0}, false));
    assert_runs_inside(p, 40, 120);
    /* Every character comes out once. */
    size_t chars = 0;
    for (size_t i = 0; i < p->nitems; i++)
        chars += strlen(p->items[i].u.text.utf8);
    assert_int_equal(chars, 5000);
    pp_page_free(p);
    pp_lines_free(l);
    free(word);
}

static void emitted_runs_in_box(void **state)
{
    pp_text *t = *state;
    for (int a = PP_ALIGN_LEFT; a <= PP_ALIGN_JUSTIFY; a++) {
        pp_lines *l = pp_text_shape(t, LOREM, &serif, 230, (pp_align)a);
        pp_page *p = pp_page_new(1, 595, 842);
        assert_true(pp_lines_emit(l, 0, pp_lines_count(l), p, 72, 100, (pp_rgb){0, 0, 0}, false));
        assert_runs_inside(p, 72, 230);
        /* Baselines go down the page, one per line. */
        double last = 0;
        for (size_t i = 0; i < p->nitems; i++) {
            assert_true(p->items[i].u.text.y >= last - EPS);
            last = p->items[i].u.text.y;
        }
        assert_true(last > 100 + pp_lines_total_height(l) - pp_lines_height(l, 0, 1));
        assert_true(last < 100 + pp_lines_total_height(l));
        pp_page_free(p);
        pp_lines_free(l);
    }
}

static void justified_lines_fill_the_width(void **state)
{
    pp_text *t = *state;
    pp_lines *l = pp_text_shape(t, LOREM, &serif, 230, PP_ALIGN_JUSTIFY);
    pp_page *p = pp_page_new(1, 595, 842);
    size_t n = pp_lines_count(l);
    assert_true(n >= 3);
    /* Emit line by line: the right edge of every line but the last is at
     * the right margin (trailing spaces aside). */
    for (size_t i = 0; i + 1 < n; i++) {
        p->nitems = 0;
        assert_true(pp_lines_emit(l, i, 1, p, 0, 0, (pp_rgb){0, 0, 0}, false));
        const pp_dl_item *last = &p->items[p->nitems - 1];
        double right = last->u.text.x + last->u.text.width;
        assert_true(right > 225 && right <= 230 + EPS);
    }
    pp_page_free(p);
    pp_lines_free(l);
}

/* The bundled file that shaped item 0 of a one-line text. */
static const char *font_file_of(pp_text *t, const char *s, const pp_font_spec *f)
{
    pp_lines *l = pp_text_shape(t, s, f, 0, PP_ALIGN_LEFT);
    pp_page *p = pp_page_new(1, 595, 842);
    assert_true(pp_lines_emit(l, 0, 1, p, 0, 0, (pp_rgb){0, 0, 0}, false));
    assert_true(p->nitems >= 1);
    const pp_dl_font *font = pp_text_font(t, p->items[0].u.text.font);
    assert_non_null(font);
    const char *slash = strrchr(font->file, '/');
    pp_page_free(p);
    pp_lines_free(l);
    return slash ? slash + 1 : font->file;
}

static void fonts_are_the_bundled_files(void **state)
{
    pp_text *t = *state;
    assert_string_equal(font_file_of(t, "Relazione", &title), "TitilliumWeb_700Bold.ttf");
    assert_string_equal(font_file_of(t, "testo", &serif), "DejaVuSerif.ttf");
    pp_font_spec semi = {.family = "Titillium Web", .size = 12, .weight = 600};
    assert_string_equal(font_file_of(t, "Sezione", &semi), "TitilliumWeb_600SemiBold.ttf");
    pp_font_spec it = {.family = "DejaVu Serif", .size = 10, .italic = true};
    assert_string_equal(font_file_of(t, "corsivo", &it), "DejaVuSerif-Italic.ttf");
    /* Every font of the table is a file of the fonts folder. */
    pp_font_table ft = pp_text_font_table(t);
    assert_true(ft.count(ft.ctx) >= 4);
    for (size_t i = 0; i < ft.count(ft.ctx); i++) {
        const pp_dl_font *f = ft.get(ft.ctx, (int)i);
        assert_true(f->face_index >= 0);
        assert_memory_equal(f->file, FONTS "/", strlen(FONTS "/"));
    }
    assert_null(ft.get(ft.ctx, -1));
    assert_null(ft.get(ft.ctx, 1000));
}

static void rich_spans_and_euro(void **state)
{
    pp_text *t = *state;
    pp_span spans[] = {{"Costo: ", PP_SPAN_PLAIN},
                       {"2,47 €", PP_SPAN_BOLD},
                       {" per pratica ", PP_SPAN_ITALIC},
                       {"(città)", PP_SPAN_BOLD | PP_SPAN_ITALIC}};
    pp_rich rich = {spans, 4};
    pp_lines *l = pp_text_shape_rich(t, &rich, &serif, 0, PP_ALIGN_LEFT);
    pp_page *p = pp_page_new(1, 595, 842);
    assert_true(pp_lines_emit(l, 0, 1, p, 0, 0, (pp_rgb){0, 0, 0}, true));
    assert_int_equal(p->nitems, 8); /* one run per style, each with its strike line */
    const char *files[] = {"DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
                           "DejaVuSerif-BoldItalic.ttf"};
    for (size_t i = 0; i < 4; i++) {
        const pp_dl_item *it = &p->items[2 * i], *line = &p->items[2 * i + 1];
        assert_string_equal(it->u.text.utf8, spans[i].text);
        /* struck: a line across the run, a little above its middle */
        assert_int_equal(line->kind, PP_DL_LINE);
        assert_true(fabs(line->u.line.x1 - it->u.text.x) < 1e-9);
        assert_true(fabs(line->u.line.x2 - (it->u.text.x + it->u.text.width)) < 1e-9);
        assert_true(line->u.line.y1 < it->u.text.y && line->u.line.y1 > it->u.text.y - it->u.text.size);
        const char *file = pp_text_font(t, it->u.text.font)->file;
        assert_string_equal(strrchr(file, '/') + 1, files[i]);
        /* No missing glyph (.notdef is glyph 0). */
        for (size_t g = 0; g < it->u.text.nglyphs; g++)
            assert_int_not_equal(it->u.text.glyphs[g].id, 0);
        /* Clusters cover the run's bytes and glyphs exactly. */
        size_t bytes = 0, glyphs = 0;
        for (size_t c = 0; c < it->u.text.nclusters; c++) {
            bytes += (size_t)it->u.text.clusters[c].nbytes;
            glyphs += (size_t)it->u.text.clusters[c].nglyphs;
        }
        assert_true(it->u.text.nclusters > 0);
        assert_int_equal(bytes, strlen(it->u.text.utf8));
        assert_int_equal(glyphs, it->u.text.nglyphs);
    }
    pp_page_free(p);
    pp_lines_free(l);
}

static void same_input_same_glyphs(void **state)
{
    pp_text *t = *state;
    pp_lines *a = pp_text_shape(t, LOREM, &serif, 250, PP_ALIGN_JUSTIFY);
    pp_lines *b = pp_text_shape(t, LOREM, &serif, 250, PP_ALIGN_JUSTIFY);
    pp_page *pa = pp_page_new(1, 595, 842), *pb = pp_page_new(1, 595, 842);
    assert_true(pp_lines_emit(a, 0, 99, pa, 10, 10, (pp_rgb){0, 0, 0}, false));
    assert_true(pp_lines_emit(b, 0, 99, pb, 10, 10, (pp_rgb){0, 0, 0}, false));
    assert_int_equal(pa->nitems, pb->nitems);
    for (size_t i = 0; i < pa->nitems; i++) {
        const pp_dl_item *x = &pa->items[i], *y = &pb->items[i];
        assert_int_equal(x->u.text.nglyphs, y->u.text.nglyphs);
        assert_true(x->u.text.x == y->u.text.x && x->u.text.y == y->u.text.y);
        assert_memory_equal(x->u.text.glyphs, y->u.text.glyphs,
                            x->u.text.nglyphs * sizeof(pp_glyph));
    }
    pp_page_free(pa);
    pp_page_free(pb);
    pp_lines_free(a);
    pp_lines_free(b);
}

static void odd_inputs(void **state)
{
    pp_text *t = *state;
    /* Empty text: one empty line with a height. */
    pp_lines *l = pp_text_shape(t, "", &serif, 100, PP_ALIGN_LEFT);
    assert_int_equal(pp_lines_count(l), 1);
    assert_true(pp_lines_total_height(l) > 0);
    pp_lines_free(l);
    /* Invalid UTF-8, control characters, no family, silly sizes. */
    pp_font_spec odd = {.family = NULL, .size = -3, .line_spacing = NAN};
    l = pp_text_shape(t, "a\xff\xfe b\tc\x01 d\ne", &odd, 1e-3, PP_ALIGN_RIGHT);
    assert_non_null(l);
    assert_true(isfinite(pp_lines_total_height(l)));
    pp_lines_free(l);
    l = pp_text_shape(t, NULL, &serif, INFINITY, (pp_align)42);
    assert_non_null(l);
    pp_lines_free(l);
    pp_font_spec huge = {.family = "Titillium Web", .size = 1e12, .weight = 99999};
    l = pp_text_shape(t, "grande", &huge, 100, PP_ALIGN_LEFT);
    assert_non_null(l);
    assert_true(pp_lines_count(l) >= 1 && isfinite(pp_lines_total_height(l)));
    pp_lines_free(l);
    l = pp_text_shape(t, "senza stile", NULL, 100, PP_ALIGN_LEFT);
    assert_non_null(l);
    pp_lines_free(l);
    /* Out-of-range queries. */
    assert_int_equal(pp_lines_count(NULL), 0);
    assert_float_equal(pp_lines_baseline(NULL, 3), 0, 0);
}

/* ---- long texts: bounded work per character ---------------------------------- */

/* The text of line i, as emitted. */
static char *line_text(const pp_lines *l, size_t i)
{
    pp_page *p = pp_page_new(1, 595, 842);
    assert_true(pp_lines_emit(l, i, 1, p, 0, 0, (pp_rgb){0, 0, 0}, false));
    size_t n = 0;
    for (size_t k = 0; k < p->nitems; k++) n += strlen(p->items[k].u.text.utf8);
    char *s = malloc(n + 1), *o = s;
    for (size_t k = 0; k < p->nitems; k++) o = stpcpy(o, p->items[k].u.text.utf8);
    *o = '\0';
    pp_page_free(p);
    return s;
}

static double shape_seconds(pp_text *t, const char *text, double width, size_t *nlines)
{
    clock_t t0 = clock();
    pp_lines *l = pp_text_shape(t, text, &serif, width, PP_ALIGN_JUSTIFY);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_non_null(l);
    *nlines = pp_lines_count(l);
    pp_lines_free(l);
    return s;
}

static char *letters(size_t n)
{
    char *w = malloc(n + 1);
    for (size_t i = 0; i < n; i++) w[i] = (char)('a' + i % 26);
    w[n] = '\0';
    return w;
}

/* A word of 100,000 letters (Pango alone retries every line of it
 * character by character: 31 s for 90,000) costs about 4 times one of
 * 25,000, and each letter comes out once, with no zero-width space. */
static void long_word_linear(void **state)
{
    pp_text *t = *state;
    char *small = letters(25000), *big = letters(100000);
    size_t n1, n4;
    double t1 = shape_seconds(t, small, 120, &n1), t4 = shape_seconds(t, big, 120, &n4);
    fprintf(stderr, "word of 25,000 letters: %.3f s, of 100,000: %.3f s\n", t1, t4);
    assert_true(n4 > 3 * n1);
    assert_true(t4 < 10 * t1 + 0.05);
    pp_lines *l = pp_text_shape(t, big, &serif, 120, PP_ALIGN_LEFT);
    pp_page *p = pp_page_new(1, 595, 842);
    assert_true(pp_lines_emit(l, 0, pp_lines_count(l), p, 40, 30, (pp_rgb){0, 0, 0}, false));
    assert_runs_inside(p, 40, 120);
    size_t chars = 0;
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        chars += strlen(it->u.text.utf8);
        assert_null(strstr(it->u.text.utf8, "\xE2\x80\x8B"));
        size_t bytes = 0;
        for (size_t c = 0; c < it->u.text.nclusters; c++)
            bytes += (size_t)it->u.text.clusters[c].nbytes;
        assert_int_equal(bytes, strlen(it->u.text.utf8));
    }
    assert_int_equal(chars, 100000);
    pp_page_free(p);
    pp_lines_free(l);
    free(small);
    free(big);
}

/* A paragraph is laid out a few lines at a time: its lines are still the
 * greedy ones (each full: its text and the next word would not fit), and
 * the time per character does not grow with the paragraph. */
static void long_paragraph_lines(void **state)
{
    pp_text *t = *state;
    size_t unit = strlen(LOREM) + 1, reps = 300;
    char *big = malloc(unit * reps + 1), *o = big;
    for (size_t i = 0; i < reps; i++) o += sprintf(o, "%s ", LOREM);
    o[-1] = '\0';
    size_t n1, n4;
    big[unit * reps / 4 - 1] = '\0';
    double t1 = shape_seconds(t, big, 230, &n1);
    big[unit * reps / 4 - 1] = ' ';
    double t4 = shape_seconds(t, big, 230, &n4);
    fprintf(stderr, "paragraph of %zu bytes: %.3f s, of %zu: %.3f s\n", unit * reps / 4, t1,
            unit * reps, t4);
    assert_true(n4 > 3 * n1);
    assert_true(t4 < 10 * t1 + 0.05);
    pp_lines *l = pp_text_shape(t, big, &serif, 230, PP_ALIGN_JUSTIFY);
    size_t n = pp_lines_count(l), total = 0;
    for (size_t i = 0; i < n; i++) {
        char *s = line_text(l, i);
        total += strlen(s);
        if (i + 1 < n) {
            char *next = line_text(l, i + 1), *space = strchr(next, ' ');
            if (space) *space = '\0';
            char *both = malloc(strlen(s) + strlen(next) + 1);
            strcpy(stpcpy(both, s), next);
            pp_lines *one = pp_text_shape(t, both, &serif, 0, PP_ALIGN_LEFT);
            assert_true(pp_lines_width(one) > 230);
            pp_lines_free(one);
            free(both);
            free(next);
        }
        free(s);
    }
    assert_int_equal(total, strlen(big));
    pp_lines_free(l);
    free(big);
}

/* Bold words stay bold across the pieces a long paragraph is laid out in. */
static void long_rich_paragraph(void **state)
{
    pp_text *t = *state;
    enum { N = 4000 };
    pp_span *spans = malloc(N * sizeof *spans);
    for (int i = 0; i < N; i++)
        spans[i] = (pp_span){i % 2 ? "GRASSETTO" : " tondo ", i % 2 ? PP_SPAN_BOLD : PP_SPAN_PLAIN};
    pp_rich rich = {spans, N};
    pp_lines *l = pp_text_shape_rich(t, &rich, &serif, 200, PP_ALIGN_LEFT);
    pp_page *p = pp_page_new(1, 595, 842);
    assert_true(pp_lines_emit(l, 0, pp_lines_count(l), p, 0, 0, (pp_rgb){0, 0, 0}, false));
    size_t bold = 0;
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        const char *file = strrchr(pp_text_font(t, it->u.text.font)->file, '/') + 1;
        bool is_bold = strcmp(file, "DejaVuSerif-Bold.ttf") == 0;
        if (strstr(it->u.text.utf8, "GRASSETTO")) {
            assert_true(is_bold);
            bold++;
        }
        if (strstr(it->u.text.utf8, "tondo")) assert_false(is_bold);
    }
    assert_int_equal(bold, N / 2);
    pp_page_free(p);
    pp_lines_free(l);
    free(spans);
}

/* An 'e' with 50,000 combining accents is one grapheme cluster, which
 * HarfBuzz merges in quadratic time: it keeps 31 of them (Unicode's
 * stream-safe text allows 30), and costs little. */
static void combining_marks_capped(void **state)
{
    pp_text *t = *state;
    size_t marks = 50000;
    char *s = malloc(1 + 2 * marks + 1), *o = s;
    *o++ = 'e';
    for (size_t i = 0; i < marks; i++) o = stpcpy(o, "\xCC\x81");
    size_t n;
    double secs = shape_seconds(t, s, 120, &n);
    assert_true(secs < 2);
    pp_lines *l = pp_text_shape(t, s, &serif, 120, PP_ALIGN_LEFT);
    char *out = line_text(l, 0);
    assert_int_equal(pp_lines_count(l), 1);
    assert_int_equal(strlen(out), 1 + 31 * 2);
    free(out);
    pp_lines_free(l);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(missing_folder),
        cmocka_unit_test(families),
        cmocka_unit_test(wraps_more_when_narrower),
        cmocka_unit_test(line_spacing),
        cmocka_unit_test(long_word_breaks_inside),
        cmocka_unit_test(emitted_runs_in_box),
        cmocka_unit_test(justified_lines_fill_the_width),
        cmocka_unit_test(fonts_are_the_bundled_files),
        cmocka_unit_test(rich_spans_and_euro),
        cmocka_unit_test(same_input_same_glyphs),
        cmocka_unit_test(odd_inputs),
        cmocka_unit_test(long_word_linear),
        cmocka_unit_test(long_paragraph_lines),
        cmocka_unit_test(long_rich_paragraph),
        cmocka_unit_test(combining_marks_capped),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
