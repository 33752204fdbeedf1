/* Figures: every item lies inside the figure's box (rects, lines, paths
 * with their arcs and curves, text runs), on ordinary and on degenerate
 * input (no bands, NaN, 200 points, 60 objectives, 5,000-character
 * titles); gauge needle angles; light symbols; pie slices summing to a
 * full turn; the tree diagram of Pistoia-Prato fitting the width and its
 * slices never taller than asked. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fig_chart.h"
#include "testutil.h"

#define FIXTURE PP_SOURCE_DIR "/fixtures/pistoia-prato-relazione-2022.xml"
#define PI 3.14159265358979323846
#define EPS 0.01

static pp_text *text;
static pp_doc *pistoia;

static const pp_figure_style style = {
    .label = {.family = "Titillium Web", .size = 8},
    .value = {.family = "Titillium Web", .size = 22, .bold = true},
    .text = {0.1, 0.1, 0.1},
    .line = {0.3, 0.3, 0.3},
    .muted = {0.4, 0.4, 0.4},
};

static char long_title[5001];

static int setup(void **state)
{
    (void)state;
    pp_diags d;
    pp_diags_init(&d, FIXTURE);
    if (pp_text_new(PP_SOURCE_DIR "/fonts", &d, &text) != PP_OK ||
        pp_open_document(FIXTURE, &d, &pistoia) != PP_OK) {
        pp_diags_print(&d, stderr);
        pp_diags_clear(&d);
        return -1;
    }
    pp_diags_clear(&d);
    pp_score(pistoia);
    /* Words of varied length, and one very long word in the middle. */
    for (size_t i = 0; i < sizeof long_title - 1; i++)
        long_title[i] = (i % 7 == 6 && (i < 2000 || i > 2600)) ? ' ' : "abcdefghij"[i % 10];
    long_title[sizeof long_title - 1] = '\0';
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    pp_doc_free(pistoia);
    pp_text_free(text);
    return 0;
}

/* ---- bounding boxes of display-list items -------------------------------- */

typedef struct {
    double x0, y0, x1, y1;
    bool empty;
} bbox;

static void grow(bbox *b, double x, double y)
{
    if (b->empty) {
        *b = (bbox){x, y, x, y, false};
        return;
    }
    b->x0 = fmin(b->x0, x), b->y0 = fmin(b->y0, y);
    b->x1 = fmax(b->x1, x), b->y1 = fmax(b->y1, y);
}

static void grow_arc(bbox *b, const pp_path_step *s)
{
    double a1 = s->a1, a2 = s->a2;
    while (a2 < a1) a2 += 2 * PI; /* cairo's rule */
    grow(b, s->cx + s->r * cos(a1), s->cy + s->r * sin(a1));
    grow(b, s->cx + s->r * cos(a2), s->cy + s->r * sin(a2));
    for (double q = ceil(a1 / (PI / 2)) * (PI / 2); q < a2; q += PI / 2)
        grow(b, s->cx + s->r * cos(q), s->cy + s->r * sin(q));
}

static bbox path_bbox(const pp_dl_item *it)
{
    bbox b = {.empty = true};
    double px = 0, py = 0;
    for (size_t i = 0; i < it->u.path.nsteps; i++) {
        const pp_path_step *s = &it->u.path.steps[i];
        switch (s->op) {
        case PP_PATH_MOVE:
        case PP_PATH_LINE:
            grow(&b, s->x, s->y);
            px = s->x, py = s->y;
            break;
        case PP_PATH_CURVE:
            for (int k = 0; k <= 32; k++) { /* the curve itself, not its hull */
                double t = k / 32.0, u = 1 - t;
                grow(&b,
                     u * u * u * px + 3 * u * u * t * s->x1 + 3 * u * t * t * s->x2 +
                         t * t * t * s->x,
                     u * u * u * py + 3 * u * u * t * s->y1 + 3 * u * t * t * s->y2 +
                         t * t * t * s->y);
            }
            px = s->x, py = s->y;
            break;
        case PP_PATH_ARC:
            grow_arc(&b, s);
            px = s->cx + s->r * cos(s->a2), py = s->cy + s->r * sin(s->a2);
            break;
        case PP_PATH_CLOSE: break;
        }
    }
    return b;
}

static bbox item_bbox(const pp_dl_item *it)
{
    bbox b = {.empty = true};
    double half = 0;
    switch (it->kind) {
    case PP_DL_TEXT:
        grow(&b, it->u.text.x, it->u.text.y - it->u.text.size);
        grow(&b, it->u.text.x + it->u.text.width, it->u.text.y);
        return b;
    case PP_DL_RECT:
        grow(&b, it->u.rect.x, it->u.rect.y);
        grow(&b, it->u.rect.x + it->u.rect.w, it->u.rect.y + it->u.rect.h);
        half = it->u.rect.paint.stroke ? it->u.rect.paint.line_width / 2 : 0;
        break;
    case PP_DL_LINE:
        grow(&b, it->u.line.x1, it->u.line.y1);
        grow(&b, it->u.line.x2, it->u.line.y2);
        half = it->u.line.paint.line_width / 2;
        break;
    case PP_DL_PATH:
        b = path_bbox(it);
        half = it->u.path.paint.stroke ? it->u.path.paint.line_width / 2 : 0;
        break;
    default: return b;
    }
    b.x0 -= half, b.y0 -= half, b.x1 += half, b.y1 += half;
    return b;
}

/* Every drawn item of p from item `first` lies inside the box; tags
 * balance; the figure is one "Figure" element with an alternative text. */
static void assert_inside(const pp_page *p, size_t first, double x, double y, double w, double h)
{
    int depth = 0;
    for (size_t i = first; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        if (it->kind == PP_DL_TAG_BEGIN) {
            if (depth++ == 0) {
                assert_string_equal(it->u.tag.name, "Figure");
                assert_non_null(it->u.tag.alt);
                assert_true(it->u.tag.alt[0] != '\0');
            }
            continue;
        }
        if (it->kind == PP_DL_TAG_END) {
            if (depth == 1) assert_string_equal(it->u.tag.name, "Figure");
            depth--;
            assert_true(depth >= 0);
            continue;
        }
        assert_true(depth > 0); /* nothing outside the Figure element */
        bbox b = item_bbox(it);
        if (b.empty) continue;
        if (!(b.x0 >= x - EPS && b.y0 >= y - EPS && b.x1 <= x + w + EPS && b.y1 <= y + h + EPS)) {
            print_error("item %zu (kind %d) [%g %g %g %g] outside box [%g %g %g %g]%s%s\n", i,
                        it->kind, b.x0, b.y0, b.x1, b.y1, x, y, x + w, y + h,
                        it->kind == PP_DL_TEXT ? ": " : "",
                        it->kind == PP_DL_TEXT ? it->u.text.utf8 : "");
            fail();
        }
    }
    assert_int_equal(depth, 0);
}

static bool has_text(const pp_page *p, const char *s)
{
    for (size_t i = 0; i < p->nitems; i++)
        if (p->items[i].kind == PP_DL_TEXT && strstr(p->items[i].u.text.utf8, s)) return true;
    return false;
}

static bool same_rgb(pp_rgb a, pp_rgb b)
{
    return fabs(a.r - b.r) < 1e-9 && fabs(a.g - b.g) < 1e-9 && fabs(a.b - b.b) < 1e-9;
}

/* ---- gauge ----------------------------------------------------------------- */

static void gauge_stays_inside(void **state)
{
    (void)state;
    static const double widths[] = {40, 60, 90, 150, 240, 600};
    static const double values[] = {97.98, 0, 50, 100, 150, -20, NAN, INFINITY};
    const char *captions[] = {NULL, "", "Performance di ente", long_title};
    for (size_t wi = 0; wi < 6; wi++)
        for (size_t vi = 0; vi < 8; vi++)
            for (size_t ci = 0; ci < 4; ci++) {
                pp_page *p = pp_page_new(1, 842, 595);
                double w = widths[wi];
                double h = pp_gauge_height(text, &style, w, captions[ci]);
                assert_true(h > 0 && h < 600);
                assert_true(pp_gauge_draw(p, text, &style, &pistoia->smvp, values[vi], captions[ci],
                                          20, 30, w));
                assert_inside(p, 0, 20, 30, w, h);
                pp_page_free(p);
            }
}

static void gauge_alt_text(void **state)
{
    (void)state;
    pp_page *p = pp_page_new(1, 842, 595);
    assert_true(
        pp_gauge_draw(p, text, &style, &pistoia->smvp, 97.98, "Performance di ente", 0, 0, 200));
    assert_int_equal(p->items[0].kind, PP_DL_TAG_BEGIN);
    assert_string_equal(p->items[0].u.tag.alt, "Performance di ente: 97,98 %, raggiunto");
    assert_true(has_text(p, "97,98"));
    pp_page_free(p);
}

/* Direction of the needle's tip from the pivot; false when no needle. */
static bool needle_direction(const pp_page *p, double *dx, double *dy)
{
    double px = NAN, py = NAN, tx = NAN, ty = NAN;
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        if (it->kind != PP_DL_PATH || !same_rgb(it->u.path.paint.fill_color, style.text)) continue;
        const pp_path_step *s = it->u.path.steps;
        if (it->u.path.nsteps == 3 && s[1].op == PP_PATH_ARC && s[1].a2 - s[1].a1 > 6.28)
            px = s[1].cx, py = s[1].cy; /* the pivot disc */
        if (it->u.path.nsteps == 4 && s[0].op == PP_PATH_MOVE && s[1].op == PP_PATH_LINE &&
            s[2].op == PP_PATH_LINE && s[3].op == PP_PATH_CLOSE)
            tx = s[0].x, ty = s[0].y; /* the needle's tip */
    }
    assert_false(isnan(px));
    if (isnan(tx)) return false;
    double len = hypot(tx - px, ty - py);
    *dx = (tx - px) / len, *dy = (ty - py) / len;
    return true;
}

static void gauge_needle_angle(void **state)
{
    (void)state;
    static const struct {
        double value, expected; /* needle angle, clockwise from 3 o'clock */
    } cases[] = {{0, PI},       {50, 1.5 * PI}, {100, 2 * PI},  {25, 1.25 * PI},
                 {150, 2 * PI}, {-20, PI},      {1e300, 2 * PI}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pp_page *p = pp_page_new(1, 842, 595);
        assert_true(pp_gauge_draw(p, text, &style, &pistoia->smvp, cases[i].value, "x", 0, 0, 160));
        double dx, dy;
        assert_true(needle_direction(p, &dx, &dy));
        assert_true(fabs(dx - cos(cases[i].expected)) < 1e-6);
        assert_true(fabs(dy - sin(cases[i].expected)) < 1e-6);
        pp_page_free(p);
    }
    /* NaN: no needle, "N/D". 150 prints as the clamped 100,00 %. */
    pp_page *p = pp_page_new(1, 842, 595);
    assert_true(pp_gauge_draw(p, text, &style, &pistoia->smvp, NAN, "x", 0, 0, 160));
    double dx, dy;
    assert_false(needle_direction(p, &dx, &dy));
    assert_true(has_text(p, "N/D"));
    pp_page_free(p);
    p = pp_page_new(1, 842, 595);
    assert_true(pp_gauge_draw(p, text, &style, &pistoia->smvp, 150, "x", 0, 0, 160));
    assert_true(has_text(p, "100,00"));
    pp_page_free(p);
}

/* The needle at a band limit does not cover the number printed there:
 * its triangle's box (the tip and the base) clears every tick label's box
 * (text in the muted colour). */
static void gauge_needle_clears_the_labels(void **state)
{
    (void)state;
    static const double values[] = {60, 61, 79, 80, 81, 0, 100, 50};
    for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
        pp_page *p = pp_page_new(1, 842, 595);
        assert_true(pp_gauge_draw(p, text, &style, &pistoia->smvp, values[v], "x", 0, 0, 240));
        bbox needle = {.empty = true};
        for (size_t i = 0; i < p->nitems; i++) {
            const pp_dl_item *it = &p->items[i];
            if (it->kind == PP_DL_PATH && it->u.path.nsteps == 4 &&
                same_rgb(it->u.path.paint.fill_color, style.text))
                needle = path_bbox(it);
        }
        assert_false(needle.empty);
        size_t labels = 0;
        for (size_t i = 0; i < p->nitems; i++) {
            const pp_dl_item *it = &p->items[i];
            if (it->kind != PP_DL_TEXT || !same_rgb(it->u.text.color, style.muted)) continue;
            bbox t = item_bbox(it);
            labels++;
            bool apart = t.x1 < needle.x0 || t.x0 > needle.x1 || t.y1 < needle.y0 ||
                         t.y0 > needle.y1;
            if (!apart)
                print_message("value %g: needle over the label '%s'\n", values[v],
                              it->u.text.utf8);
            assert_true(apart);
        }
        assert_true(labels >= 4); /* 0, 60, 80, 100 */
        pp_page_free(p);
    }
}

static void gauge_without_bands_is_grey(void **state)
{
    (void)state;
    pp_smvp none = {0};
    pp_page *p = pp_page_new(1, 842, 595);
    double h = pp_gauge_height(text, &style, 150, "Senza fasce");
    assert_true(pp_gauge_draw(p, text, &style, &none, 40, "Senza fasce", 10, 10, 150));
    assert_inside(p, 0, 10, 10, 150, h);
    size_t sectors = 0;
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        if (it->kind != PP_DL_PATH || !it->u.path.paint.fill) continue;
        pp_rgb c = it->u.path.paint.fill_color;
        if (fabs(c.r - c.g) < 1e-9 && fabs(c.g - c.b) < 1e-9 && c.r > 0.5) sectors++;
    }
    assert_true(sectors >= 1);
    /* Null style or text: refused, nothing drawn. */
    assert_false(pp_gauge_draw(p, NULL, &style, &none, 40, "", 0, 0, 100));
    pp_page_free(p);
}

/* ---- traffic light ----------------------------------------------------------- */

static void light_symbol_per_band(void **state)
{
    (void)state;
    const pp_smvp *s = &pistoia->smvp; /* 3 bands: non raggiunto, parzialmente, raggiunto */
    assert_int_equal(fig_light_symbol(s, 2), FIG_SYMBOL_CHECK);
    assert_int_equal(fig_light_symbol(s, 1), FIG_SYMBOL_BANG);
    assert_int_equal(fig_light_symbol(s, 0), FIG_SYMBOL_CROSS);
    assert_int_equal(fig_light_symbol(s, -1), FIG_SYMBOL_QUESTION);
    assert_int_equal(fig_light_symbol(s, 7), FIG_SYMBOL_QUESTION);
    assert_int_equal(fig_light_symbol(NULL, 0), FIG_SYMBOL_QUESTION);
    pp_smvp one = {.bands = s->bands + 2, .nbands = 1};
    assert_int_equal(fig_light_symbol(&one, 0), FIG_SYMBOL_CHECK);

    static const char *alt[] = {"non valutato", "non raggiunto", "parzialmente raggiunto",
                                "raggiunto"};
    for (int band = -1; band <= 2; band++) {
        pp_page *p = pp_page_new(1, 842, 595);
        double r = 10;
        assert_true(pp_light_draw(p, text, s, band, 100, 100, r));
        assert_string_equal(p->items[0].u.tag.alt, alt[band + 1]);
        assert_string_equal(p->items[p->nitems - 1].u.tag.name, "Figure");
        assert_inside(p, 0, 100 - r, 100 - r, 2 * r, 2 * r);
        /* Paths only (no glyph), the disc first, then the symbol in an ink
         * that stays apart from the disc in grey. */
        pp_rgb disc = {0};
        size_t paths = 0, curves = 0, centred_quads = 0;
        for (size_t i = 0; i < p->nitems; i++) {
            const pp_dl_item *it = &p->items[i];
            assert_true(it->kind != PP_DL_TEXT);
            if (it->kind != PP_DL_PATH) continue;
            if (paths++ == 0) {
                disc = it->u.path.paint.fill_color;
                continue;
            }
            assert_true(fabs(fig_grey_level(it->u.path.paint.fill_color) - fig_grey_level(disc)) >
                        0.3);
            double mx = 0, my = 0;
            for (size_t k = 0; k < it->u.path.nsteps; k++) {
                curves += it->u.path.steps[k].op == PP_PATH_CURVE;
                mx += it->u.path.steps[k].x / 4, my += it->u.path.steps[k].y / 4;
            }
            if (it->u.path.nsteps == 5 && hypot(mx - 100, my - 100) < 0.5) centred_quads++;
        }
        if (band == -1) assert_true(curves > 0);                      /* the hook of "?" */
        if (band == 0) assert_int_equal(centred_quads, 2);            /* two crossing bars */
        if (band == 1) assert_int_equal(paths, 1 + 3 + 1);            /* bar, two ends, dot */
        if (band == 2) assert_true(paths == 7 && centred_quads == 0); /* two bars, 4 ends */
        pp_page_free(p);
    }
    /* No radius, or not a number: the tags only. */
    static const double radii[] = {0, -3, NAN, INFINITY};
    for (size_t i = 0; i < 4; i++) {
        pp_page *p = pp_page_new(1, 842, 595);
        assert_true(pp_light_draw(p, text, s, 2, 10, 10, radii[i]));
        assert_int_equal(p->nitems, 2);
        pp_page_free(p);
    }
}

/* ---- charts -------------------------------------------------------------------- */

typedef struct {
    pp_series series[3];
    pp_point points[3][210];
    char labels[210][24];
    pp_block block;
} chart_fixture;

/* n points per series, values from fn. */
static void make_chart(chart_fixture *c, const char *type, size_t nseries, size_t n,
                       double (*fn)(size_t s, size_t i))
{
    memset(c, 0, sizeof *c);
    static const char *names[] = {"2021", "2022", "Previsione 2023"};
    for (size_t s = 0; s < nseries; s++) {
        for (size_t i = 0; i < n; i++) {
            snprintf(c->labels[i], sizeof c->labels[i], "Categoria %zu", i + 1);
            c->points[s][i] = (pp_point){c->labels[i], fn(s, i)};
        }
        c->series[s] = (pp_series){names[s], c->points[s], n};
    }
    c->block = (pp_block){.kind = PP_BLOCK_CHART,
                          .chart_type = type,
                          .chart_unit = "Euro",
                          .caption = "Titolo",
                          .series = c->series,
                          .nseries = nseries};
}

static double wave(size_t s, size_t i) { return 40 + 35 * sin((double)(i + 3 * s)); }
static double zeros(size_t s, size_t i)
{
    (void)s, (void)i;
    return 0;
}
static double negatives(size_t s, size_t i) { return -(double)(i + 1) * (double)(s + 1); }
static double huge(size_t s, size_t i) { return (i + s) % 2 ? 1e308 : -1e308; }
static double with_nan(size_t s, size_t i) { return (i + s) % 3 ? (double)i : NAN; }
static double tiny(size_t s, size_t i) { return (double)(i + s) * 1e-12; }

static void draw_and_check_chart(const pp_block *b, double w, double h)
{
    pp_page *p = pp_page_new(1, 842, 595);
    assert_true(pp_chart_draw(p, text, &style, b, 15, 25, w, h));
    assert_inside(p, 0, 15, 25, w, h);
    pp_page_free(p);
}

static void charts_stay_inside(void **state)
{
    (void)state;
    static chart_fixture c;
    double (*fns[])(size_t, size_t) = {wave, zeros, negatives, huge, with_nan, tiny};
    static const size_t npoints[] = {0, 1, 5, 200};
    static const double widths[] = {10, 80, 250, 500};
    const char *types[] = {"barre", "torta", "sconosciuto", NULL, "barre-orizzontali"};
    for (size_t ti = 0; ti < 5; ti++)
        for (size_t fi = 0; fi < 6; fi++)
            for (size_t ni = 0; ni < 4; ni++)
                for (size_t ns = 0; ns <= 3; ns += 1)
                    for (size_t wi = 0; wi < 4; wi++) {
                        make_chart(&c, types[ti], ns, npoints[ni], fns[fi]);
                        double w = widths[wi], h = pp_chart_height(&c.block, w);
                        assert_true(h >= 0 && h <= 600);
                        draw_and_check_chart(&c.block, w, h);
                        draw_and_check_chart(&c.block, w, h / 3);
                    }
    /* Labels and names 5,000 characters long. */
    make_chart(&c, "barre", 2, 5, wave);
    c.points[0][0].label = long_title;
    c.series[1].name = long_title;
    draw_and_check_chart(&c.block, 400, pp_chart_height(&c.block, 400));
    c.block.chart_type = "torta";
    draw_and_check_chart(&c.block, 400, pp_chart_height(&c.block, 400));
    draw_and_check_chart(&c.block, 150, 300);
}

/* Grid lines of the value axis: 4 to 6 ticks. */
static size_t ticks(const pp_page *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->nitems; i++)
        n += p->items[i].kind == PP_DL_LINE && p->items[i].u.line.paint.line_width == 0.4;
    return n;
}

static double two_values(size_t s, size_t i)
{
    (void)s;
    return i == 0 ? 10 : -7.5;
}

static void bars_axis_and_zero_line(void **state)
{
    (void)state;
    static chart_fixture c;
    double (*fns[])(size_t, size_t) = {wave, zeros, negatives, tiny, two_values};
    for (size_t fi = 0; fi < 5; fi++) {
        make_chart(&c, "barre", 1, 2, fns[fi]);
        pp_page *p = pp_page_new(1, 842, 595);
        assert_true(pp_chart_draw(p, text, &style, &c.block, 0, 0, 400, 250));
        assert_in_range(ticks(p), 4, 6);
        pp_page_free(p);
    }
    /* 10 goes up from the zero line, -7,5 down from it. */
    pp_page *p = pp_page_new(1, 842, 595);
    assert_true(pp_chart_draw(p, text, &style, &c.block, 0, 0, 400, 250));
    double zero = NAN;
    for (size_t i = 0; i < p->nitems; i++)
        if (p->items[i].kind == PP_DL_LINE && p->items[i].u.line.paint.line_width == 0.75)
            zero = p->items[i].u.line.y1;
    assert_false(isnan(zero));
    size_t up = 0, down = 0;
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        if (it->kind != PP_DL_RECT || !same_rgb(it->u.rect.paint.fill_color, chart_colour(0)))
            continue;
        if (fabs(it->u.rect.y + it->u.rect.h - zero) < 1e-6) up++;
        if (fabs(it->u.rect.y - zero) < 1e-6) down++;
    }
    assert_int_equal(up, 1);
    assert_int_equal(down, 1);
    assert_true(has_text(p, "-5") || has_text(p, "-2,5"));
    pp_page_free(p);
}

static double ranking(size_t s, size_t i)
{
    (void)s;
    return (double[]){0.21, 0.17, 0.0425}[i];
}

/* A ranking (the points lost): one bar per point, top to bottom in the
 * order given, from the same zero, lengths in proportion, each value
 * written; a Figure that says its bars. */
static void hbars_ranking(void **state)
{
    (void)state;
    static chart_fixture c;
    make_chart(&c, "barre-orizzontali", 1, 3, ranking);
    double h = pp_chart_height(&c.block, 400);
    pp_page *p = pp_page_new(1, 842, 595);
    assert_true(pp_chart_draw(p, text, &style, &c.block, 0, 0, 400, h));
    assert_inside(p, 0, 0, 0, 400, h);
    assert_int_equal(p->items[0].kind, PP_DL_TAG_BEGIN);
    assert_string_equal(p->items[0].u.tag.alt, "Grafico a barre orizzontali: Titolo. 2021: "
                                               "Categoria 1 0,21; Categoria 2 0,17; Categoria 3 0,04");
    const pp_dl_item *bars[3];
    size_t n = 0;
    for (size_t i = 0; i < p->nitems; i++)
        if (p->items[i].kind == PP_DL_RECT &&
            same_rgb(p->items[i].u.rect.paint.fill_color, chart_colour(0)) && n < 3)
            bars[n++] = &p->items[i];
    assert_int_equal(n, 3);
    for (size_t i = 1; i < 3; i++) {
        assert_true(bars[i]->u.rect.y > bars[i - 1]->u.rect.y); /* below the one before */
        assert_float_equal(bars[i]->u.rect.x, bars[0]->u.rect.x, 1e-9);
        assert_float_equal(bars[i]->u.rect.w / bars[0]->u.rect.w, ranking(0, i) / 0.21, 1e-9);
    }
    assert_true(has_text(p, "0,21") && has_text(p, "0,17") && has_text(p, "0,04"));
    assert_true(has_text(p, "0,25")); /* the axis: 0 to 0,25 */
    pp_page_free(p);
}

/* Sum of the slices' angles; *n receives the number of slices. */
static double pie_turn(const pp_page *p, size_t *n)
{
    double sum = 0;
    *n = 0;
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        if (it->kind != PP_DL_PATH) continue;
        for (size_t k = 0; k < it->u.path.nsteps; k++)
            if (it->u.path.steps[k].op == PP_PATH_ARC) {
                sum += it->u.path.steps[k].a2 - it->u.path.steps[k].a1;
                (*n)++;
            }
    }
    return sum;
}

static double mixed(size_t s, size_t i)
{
    (void)s;
    return (double[]){0, -4, 1, 3, NAN}[i % 5];
}
static double many(size_t s, size_t i)
{
    (void)s;
    return (double)(i % 17) + 0.5;
}

static void pie_full_turn(void **state)
{
    (void)state;
    static chart_fixture c;
    make_chart(&c, "torta", 1, 5, mixed);
    pp_page *p = pp_page_new(1, 842, 595);
    assert_true(pp_chart_draw(p, text, &style, &c.block, 0, 0, 400, 200));
    size_t n;
    assert_true(fabs(pie_turn(p, &n) - 2 * PI) < 1e-9);
    assert_int_equal(n, 2); /* 1 and 3: zero, negative and NaN are left out */
    assert_true(has_text(p, "25,0 %"));
    assert_true(has_text(p, "75,0 %"));
    pp_page_free(p);

    make_chart(&c, "torta", 1, 200, many);
    p = pp_page_new(1, 842, 595);
    assert_true(pp_chart_draw(p, text, &style, &c.block, 0, 0, 400, 200));
    assert_true(fabs(pie_turn(p, &n) - 2 * PI) < 1e-9);
    assert_in_range(n, 2, CHART_NCOLOURS);
    assert_true(has_text(p, "Altre voci"));
    pp_page_free(p);

    make_chart(&c, "torta", 1, 4, zeros);
    p = pp_page_new(1, 842, 595);
    assert_true(pp_chart_draw(p, text, &style, &c.block, 0, 0, 400, 200));
    assert_true(pie_turn(p, &n) == 0 && n == 0);
    pp_page_free(p);
}

/* ---- tree diagram ----------------------------------------------------------------- */

/* Draws every slice; checks the width, the heights and that each box is
 * drawn exactly once. When max_h is less than a box, each slice holds one
 * box. Returns the number of slices. */
static size_t check_tree(pp_tree_diagram *td, double w, double max_h, size_t nboxes)
{
    size_t n = pp_tree_diagram_slices(td, max_h);
    assert_true(n >= 1);
    size_t boxes = 0;
    for (size_t i = 0; i < n; i++) {
        double h = pp_tree_diagram_slice_height(td, i);
        pp_page *p = pp_page_new(1, 842, 595);
        assert_true(pp_tree_diagram_draw(td, i, p, 36, 40));
        assert_inside(p, 0, 36, 40, w, h);
        size_t here = 0;
        for (size_t k = 0; k < p->nitems; k++)
            here += p->items[k].kind == PP_DL_RECT && p->items[k].u.rect.paint.stroke;
        assert_true(h >= 0);
        if (h > max_h + EPS) assert_int_equal(here, 1);
        boxes += here;
        if (i > 0) assert_true(has_text(p, "segue"));
        pp_page_free(p);
    }
    assert_int_equal(boxes, nboxes);
    assert_false(pp_tree_diagram_draw(td, n, NULL, 0, 0));
    return n;
}

static void tree_of_pistoia_fits(void **state)
{
    (void)state;
    pp_tree_diagram *td = pp_tree_diagram_new(text, &style, pistoia, true, 770);
    assert_non_null(td);
    assert_true(check_tree(td, 770, 480, 1 + 3 + 8 + 46) > 1);
    assert_true(check_tree(td, 770, 250, 1 + 3 + 8 + 46) > 2);
    assert_int_equal(check_tree(td, 770, INFINITY, 1 + 3 + 8 + 46), 1);
    pp_tree_diagram_free(td);

    td = pp_tree_diagram_new(text, &style, pistoia, false, 770);
    assert_int_equal(check_tree(td, 770, 480, 1 + 3 + 8), 1);
    pp_page *p = pp_page_new(1, 842, 595);
    assert_true(pp_tree_diagram_draw(td, 0, p, 0, 0));
    assert_true(has_text(p, "97,98"));
    assert_true(has_text(p, "peso 16,66"));
    assert_non_null(strstr(p->items[0].u.tag.alt, "3 aree"));
    pp_page_free(p);
    pp_tree_diagram_free(td);

    /* A portrait page and a narrow column. */
    td = pp_tree_diagram_new(text, &style, pistoia, true, 500);
    check_tree(td, 500, 700, 58);
    pp_tree_diagram_free(td);
    td = pp_tree_diagram_new(text, &style, pistoia, true, 90);
    check_tree(td, 90, 700, 58);
    pp_tree_diagram_free(td);
    td = pp_tree_diagram_new(text, &style, pistoia, false, 160); /* a 200 x 200 pt page */
    check_tree(td, 160, 160, 12);
    pp_tree_diagram_free(td);
    td = pp_tree_diagram_new(text, &style, pistoia, true, 160);
    check_tree(td, 160, 160, 58);
    pp_tree_diagram_free(td);
}

/* The first slice in the room left under a heading, the others on pages. */
static void tree_first_slice(void **state)
{
    (void)state;
    pp_tree_diagram *td = pp_tree_diagram_new(text, &style, pistoia, true, 770);
    size_t full = pp_tree_diagram_slices(td, 480);
    size_t n = pp_tree_diagram_slices_after(td, 200, 480);
    assert_true(n >= full);
    assert_true(pp_tree_diagram_slice_height(td, 0) <= 200);
    assert_true(pp_tree_diagram_slice_height(td, 0) > 0);
    for (size_t i = 1; i < n; i++) assert_true(pp_tree_diagram_slice_height(td, i) <= 480);
    /* No room for the ente's box: an empty first slice that draws nothing. */
    n = pp_tree_diagram_slices_after(td, 10, 480);
    assert_int_equal(n, full + 1);
    assert_true(pp_tree_diagram_slice_height(td, 0) == 0);
    pp_page *p = pp_page_new(1, 842, 595);
    assert_true(pp_tree_diagram_draw(td, 0, p, 0, 0));
    assert_int_equal(p->nitems, 0);
    assert_true(pp_tree_diagram_draw(td, 1, p, 0, 0));
    assert_false(has_text(p, "segue"));
    assert_true(has_text(p, "97,98"));
    pp_page_free(p);
    /* NaN or negative first room: as pp_tree_diagram_slices. */
    assert_int_equal(pp_tree_diagram_slices_after(td, NAN, 480), full);
    assert_int_equal(pp_tree_diagram_slices_after(td, -1, 480), full);
    pp_tree_diagram_free(td);
}

/* A tree built in code: an ente, one area, n strategic objectives. */
typedef struct {
    pp_doc *doc;
    pp_node root, area, strat[60];
    pp_node *area_kids[60], *root_kids[1];
} synthetic;

static void make_tree(synthetic *s, size_t n, const char *title)
{
    memset(s, 0, sizeof *s);
    s->doc = pp_doc_new();
    s->doc->smvp = pistoia->smvp;
    s->doc->admin_name = title;
    s->root = (pp_node){.level = PP_LEVEL_ENTE, .title = title};
    s->area = (pp_node){
        .level = PP_LEVEL_AMBITO, .code = "I", .title = title, .weight = 100, .parent = &s->root};
    for (size_t i = 0; i < n; i++) {
        s->strat[i] = (pp_node){.level = PP_LEVEL_STRATEGICO,
                                .code = "01_01",
                                .title = title,
                                .weight = 100.0 / (double)n,
                                .parent = &s->area};
        s->strat[i].result = (pp_result){.has_achievement = i % 4 != 3,
                                         .achievement = (double)(i * 7 % 101),
                                         .band = i % 4 == 3 ? -1 : (int)(i % 3)};
        s->area_kids[i] = &s->strat[i];
    }
    s->area.children = s->area_kids;
    s->area.nchildren = n;
    s->root_kids[0] = &s->area;
    s->root.children = n ? s->root_kids : NULL;
    s->root.nchildren = n ? 1 : 0;
    s->doc->root = &s->root;
}

static void tree_degenerate(void **state)
{
    (void)state;
    static synthetic s;
    make_tree(&s, 60, long_title);
    pp_tree_diagram *td = pp_tree_diagram_new(text, &style, s.doc, true, 770);
    assert_non_null(td);
    assert_true(check_tree(td, 770, 480, 62) > 1);
    check_tree(td, 770, 30, 62); /* smaller than a box: one box per slice, still ends */
    pp_tree_diagram_free(td);
    s.doc->root = NULL;
    pp_doc_free(s.doc);

    make_tree(&s, 0, "Ente solo");
    td = pp_tree_diagram_new(text, &style, s.doc, false, 770);
    assert_int_equal(check_tree(td, 770, 480, 1), 1);
    pp_tree_diagram_free(td);
    s.doc->root = NULL;
    pp_doc_free(s.doc);

    /* No tree, and widths too small or not numbers: an empty diagram. */
    pp_doc *empty = pp_doc_new();
    td = pp_tree_diagram_new(text, &style, empty, true, 770);
    assert_int_equal(pp_tree_diagram_slices(td, 400), 1);
    assert_true(pp_tree_diagram_slice_height(td, 0) == 0);
    pp_tree_diagram_free(td);
    pp_doc_free(empty);
    static const double widths[] = {0, -5, 20, NAN, INFINITY};
    for (size_t i = 0; i < 5; i++) {
        td = pp_tree_diagram_new(text, &style, pistoia, true, widths[i]);
        assert_non_null(td);
        assert_int_equal(pp_tree_diagram_slices(td, 400), 1);
        pp_page *p = pp_page_new(1, 842, 595);
        assert_true(pp_tree_diagram_draw(td, 0, p, 0, 0));
        assert_inside(p, 0, 0, 0, 0, 0);
        pp_page_free(p);
        pp_tree_diagram_free(td);
    }
    /* Height asked before slicing: one slice, the whole tree. */
    td = pp_tree_diagram_new(text, &style, pistoia, true, 770);
    assert_true(pp_tree_diagram_slice_height(td, 0) > 1000);
    assert_true(pp_tree_diagram_slice_height(td, 1) == 0);
    pp_tree_diagram_free(td);
}

static void rgb_parse(void **state)
{
    (void)state;
    pp_rgb c;
    assert_true(pp_rgb_parse("#2E7D32", &c));
    assert_true(fabs(c.r - 0x2E / 255.0) < 1e-12 && fabs(c.g - 0x7D / 255.0) < 1e-12 &&
                fabs(c.b - 0x32 / 255.0) < 1e-12);
    assert_true(pp_rgb_parse("#ffffff", &c) && c.r == 1 && c.g == 1 && c.b == 1);
    assert_false(pp_rgb_parse("2E7D32", &c));
    assert_false(pp_rgb_parse("#2E7D3", &c));
    assert_false(pp_rgb_parse("#2E7D32A", &c));
    assert_false(pp_rgb_parse("#GG0000", &c));
    assert_false(pp_rgb_parse(NULL, &c));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rgb_parse),
        cmocka_unit_test(gauge_stays_inside),
        cmocka_unit_test(gauge_alt_text),
        cmocka_unit_test(gauge_needle_angle),
        cmocka_unit_test(gauge_needle_clears_the_labels),
        cmocka_unit_test(gauge_without_bands_is_grey),
        cmocka_unit_test(light_symbol_per_band),
        cmocka_unit_test(charts_stay_inside),
        cmocka_unit_test(hbars_ranking),
        cmocka_unit_test(bars_axis_and_zero_line),
        cmocka_unit_test(pie_full_turn),
        cmocka_unit_test(tree_of_pistoia_fits),
        cmocka_unit_test(tree_first_slice),
        cmocka_unit_test(tree_degenerate),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
