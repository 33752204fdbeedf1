/* The strategy map on generated plans of 3, 10, 20 and 30 strategic
 * objectives over 1 to 4 perspectives, some in two adjacent ones, with
 * cause-effect links: the figure fits the room it is given (every item
 * inside it), one box per objective, no two boxes overlapping, every
 * box's text inside its box, a box across the line between two bands for
 * each objective in two adjacent perspectives, one arrowhead per link; and
 * in a whole Piano, the caption and the map inside the page frame, or
 * nothing when no objective has a perspective, or a note when no page
 * holds it; an area's own risorse in the plan-tree; and every figure of
 * every fixture inside its page's frame. */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "figures.h"
#include "layout.h"
#include "testlayout.h"
#include "testutil.h"

#define EPS 0.01

static pp_text *text;

static const pp_figure_style style = {
    .label = {.family = "Titillium Web", .size = 8},
    .value = {.family = "Titillium Web", .size = 14, .bold = true},
    .text = {0.1, 0.1, 0.1},
    .line = {0.3, 0.3, 0.3},
    .muted = {0.4, 0.4, 0.4},
};

static const char *const persp[] = {"Utenti-imprese-territorio", "Processi interni",
                                    "Apprendimento e crescita", "Economico-finanziaria"};

static int setup(void **state)
{
    (void)state;
    pp_diags d;
    pp_diags_init(&d, "fonts");
    pp_status st = pp_text_new(PP_SOURCE_DIR "/fonts", &d, &text);
    pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    return st == PP_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pp_text_free(text);
    return 0;
}

/* ---- generated plans -------------------------------------------------------------- */

typedef struct {
    size_t n;          /* strategic objectives */
    int nperspectives; /* used, from the top of the order */
    size_t span_every; /* objective i is in two perspectives when i % span_every == 0 */
    size_t nlinks;
    bool long_titles;
    bool no_perspective; /* no Classificazione at all */
} plan;

typedef struct {
    char *s;
    size_t len, cap;
} buf;

static void put(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    assert_true(n >= 0);
    while (b->len + (size_t)n + 1 > b->cap) {
        b->cap = b->cap ? 2 * b->cap : 4096;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static bool spans(const plan *pl, size_t i)
{
    return pl->nperspectives > 1 && pl->span_every && i % pl->span_every == 0;
}

/* Objective i's link k: 1 to n - 1 objectives further on (never itself;
 * the links of one objective, fewer than n - 1, are distinct). */
static size_t link_target(const plan *pl, size_t i, size_t k)
{
    return (i + 1 + (i * 3 + k) % (pl->n - 1)) % pl->n;
}

static size_t links_of(const plan *pl, size_t i)
{
    size_t per = (pl->nlinks + pl->n - 1) / pl->n, before = i * per;
    if (before >= pl->nlinks) return 0;
    return pl->nlinks - before < per ? pl->nlinks - before : per;
}

static void objective(buf *b, const plan *pl, size_t i)
{
    put(b, "<ObiettivoStrategico id=\"s%zu\" codice=\"%zu.%zu\"><Titolo>Obiettivo %zu: ", i,
        i / 5 + 1, i % 5 + 1, i);
    size_t words = pl->long_titles ? 30 + i % 7 * 10 : 2 + i % 4 * 3;
    for (size_t w = 0; w < words; w++) put(b, "%s ", w % 3 ? "sviluppo" : "competitività");
    put(b, "finale</Titolo>");
    if (!pl->no_perspective) {
        int p = (int)(i % (size_t)pl->nperspectives);
        put(b, "<Classificazione prospettiva=\"%s", persp[p]);
        if (spans(pl, i)) put(b, " %s", persp[p + 1 < pl->nperspectives ? p + 1 : p - 1]);
        put(b, "\"/>");
    }
    for (size_t k = 0; k < links_of(pl, i); k++)
        put(b, "<Collegamento verso=\"s%zu\"/>", link_target(pl, i, k));
    put(b, "<ObiettivoOperativo id=\"o%zu\"><Titolo>Azione</Titolo>"
           "<Indicatore id=\"i%zu\"><Nome>Pratiche</Nome><Unita>N.</Unita>"
           "<Target anno=\"2022\" operatore=\"ge\" valore=\"10\"/></Indicatore>"
           "</ObiettivoOperativo></ObiettivoStrategico>\n",
        i, i);
}

/* A Piano whose every level is a plain mean (no weights to invent): the
 * objectives in ceil(n / 5) areas. */
static pp_doc *generate(const plan *pl)
{
    buf b = {0};
    put(&b, "%s", DOC_HEAD("piano"));
    put(&b, "<Sistema><RegolaPredefinita>lineare</RegolaPredefinita>"
            "<Aggregazione livello=\"ente\" metodo=\"media\"/>"
            "<Aggregazione livello=\"ambito\" metodo=\"media\"/>"
            "<Aggregazione livello=\"strategico\" metodo=\"media\"/>"
            "<Aggregazione livello=\"operativo\" metodo=\"media\"/></Sistema><Albero>\n");
    size_t nareas = (pl->n + 4) / 5;
    for (size_t a = 0; a < nareas; a++) {
        put(&b, "<Ambito id=\"a%zu\" codice=\"%zu\"><Titolo>Area strategica numero %zu</Titolo>\n",
            a, a + 1, a + 1);
        for (size_t i = a * 5; i < pl->n && i < a * 5 + 5; i++) objective(&b, pl, i);
        put(&b, "</Ambito>\n");
    }
    put(&b, "</Albero>%s", DOC_TAIL);
    pp_doc *doc = scored_n(b.s, b.len);
    free(b.s);
    assert_non_null(doc);
    return doc;
}

/* ---- what the map drew ---------------------------------------------------------- */

typedef struct {
    double x0, y0, x1, y1;
} bbox;

static bbox item_bbox(const pp_dl_item *it, bool *drawn)
{
    bbox b = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    double half = 0;
    *drawn = true;
    switch (it->kind) {
    case PP_DL_TEXT:
        return (bbox){it->u.text.x, it->u.text.y - it->u.text.size,
                      it->u.text.x + it->u.text.width, it->u.text.y};
    case PP_DL_RECT:
        b = (bbox){it->u.rect.x, it->u.rect.y, it->u.rect.x + it->u.rect.w,
                   it->u.rect.y + it->u.rect.h};
        half = it->u.rect.paint.stroke ? it->u.rect.paint.line_width / 2 : 0;
        break;
    case PP_DL_LINE:
        b = (bbox){fmin(it->u.line.x1, it->u.line.x2), fmin(it->u.line.y1, it->u.line.y2),
                   fmax(it->u.line.x1, it->u.line.x2), fmax(it->u.line.y1, it->u.line.y2)};
        half = it->u.line.paint.line_width / 2;
        break;
    case PP_DL_PATH:
        /* the map's paths are straight; other figures' curves lie in the
         * hull of their control points, arcs in their whole circle (both
         * bounds generous, which is the safe side here) */
        for (size_t i = 0; i < it->u.path.nsteps; i++) {
            const pp_path_step *s = &it->u.path.steps[i];
            if (s->op == PP_PATH_CLOSE) continue;
            double xs[3] = {s->x, s->x1, s->x2}, ys[3] = {s->y, s->y1, s->y2};
            int n = s->op == PP_PATH_CURVE ? 3 : 1;
            if (s->op == PP_PATH_ARC) {
                xs[0] = s->cx - s->r, xs[1] = s->cx + s->r;
                ys[0] = s->cy - s->r, ys[1] = s->cy + s->r;
                n = 2;
            }
            for (int k = 0; k < n; k++) {
                b.x0 = fmin(b.x0, xs[k]), b.y0 = fmin(b.y0, ys[k]);
                b.x1 = fmax(b.x1, xs[k]), b.y1 = fmax(b.y1, ys[k]);
            }
        }
        half = it->u.path.paint.stroke ? it->u.path.paint.line_width / 2 : 0;
        break;
    default: *drawn = false; return b;
    }
    return (bbox){b.x0 - half, b.y0 - half, b.x1 + half, b.y1 + half};
}

/* A box of the map: filled and stroked with the boxes' line (0.6). */
static bool is_box(const pp_dl_item *it)
{
    return it->kind == PP_DL_RECT && it->u.rect.paint.fill && it->u.rect.paint.stroke &&
           fabs(it->u.rect.paint.line_width - 0.6) < 1e-9;
}

static bool is_head(const pp_dl_item *it)
{
    return it->kind == PP_DL_PATH && it->u.path.paint.fill && !it->u.path.paint.stroke;
}

typedef struct {
    size_t boxes, heads, crossing; /* crossing: boxes across a band line */
    size_t also;                   /* "anche: ..." under a title */
    const char *alt;
} seen;

static seen check_map(const pp_page *p, double x, double y, double w, double h)
{
    seen s = {0};
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        if (it->kind == PP_DL_TAG_BEGIN) {
            assert_string_equal(it->u.tag.name, "Figure");
            s.alt = it->u.tag.alt;
        }
        bool drawn;
        bbox b = item_bbox(it, &drawn);
        if (drawn && !(b.x0 >= x - EPS && b.y0 >= y - EPS && b.x1 <= x + w + EPS &&
                       b.y1 <= y + h + EPS)) {
            print_error("item %zu (kind %d) [%g %g %g %g] outside [%g %g %g %g]\n", i, it->kind,
                        b.x0, b.y0, b.x1, b.y1, x, y, x + w, y + h);
            fail();
        }
        s.heads += is_head(it);
        s.also += it->kind == PP_DL_TEXT && strncmp(it->u.text.utf8, "anche: ", 7) == 0;
        if (!is_box(it)) continue;
        s.boxes++;
        const double bx = it->u.rect.x, by = it->u.rect.y, bw = it->u.rect.w, bh = it->u.rect.h;
        /* its text follows it; the top allows for the ascent being less
         * than the size */
        for (size_t k = i + 1; k < p->nitems && p->items[k].kind == PP_DL_TEXT; k++) {
            const pp_dl_item *t = &p->items[k];
            if (!(t->u.text.x >= bx && t->u.text.x + t->u.text.width <= bx + bw + EPS &&
                  t->u.text.y - t->u.text.size >= by - 1.5 &&
                  t->u.text.y + 0.25 * t->u.text.size <= by + bh + EPS)) {
                print_error("text '%s' outside its box [%g %g %g %g]\n", t->u.text.utf8, bx, by,
                            bx + bw, by + bh);
                fail();
            }
        }
        for (size_t k = 0; k < p->nitems; k++) {
            const pp_dl_item *o = &p->items[k];
            if (o->kind == PP_DL_LINE && o->u.line.y1 == o->u.line.y2 && o->u.line.y1 > by + 1 &&
                o->u.line.y1 < by + bh - 1) {
                s.crossing++;
                break;
            }
            if (k == i || !is_box(o)) continue;
            double ox = fmin(bx + bw, o->u.rect.x + o->u.rect.w) - fmax(bx, o->u.rect.x);
            double oy = fmin(by + bh, o->u.rect.y + o->u.rect.h) - fmax(by, o->u.rect.y);
            if (ox > EPS && oy > EPS) {
                print_error("boxes %zu and %zu overlap\n", i, k);
                fail();
            }
        }
    }
    return s;
}

static size_t count_spans(const plan *pl)
{
    size_t n = 0;
    for (size_t i = 0; i < pl->n; i++) n += spans(pl, i);
    return n;
}

/* The map of pl drawn in w x max_h at (40, 50). */
static void map_fits(const plan *pl, double w, double max_h)
{
    pp_doc *doc = generate(pl);
    assert_int_equal(pp_strategy_map_objectives(doc), pl->no_perspective ? 0 : pl->n);
    pp_strategy_map *sm = pp_strategy_map_new(text, &style, doc, w, max_h);
    assert_non_null(sm);
    double h = pp_strategy_map_height(sm);
    if (!(h > 0 && h <= max_h)) fail_msg("%zu objectives: height %g for %g", pl->n, h, max_h);
    pp_page *p = pp_page_new(1, 595.28, 841.89);
    assert_non_null(p);
    assert_true(pp_strategy_map_draw(sm, p, 40, 50));
    seen s = check_map(p, 40, 50, w, h);
    assert_int_equal(s.boxes, pl->n);
    assert_int_equal(s.heads, pl->nlinks);
    /* each objective in two adjacent perspectives: across their line, or,
     * when that line's row is full, in its first band naming the other */
    assert_int_equal(s.crossing + s.also, count_spans(pl));
    if (pl->n <= 10) assert_int_equal(s.also, 0);
    char prefix[64];
    snprintf(prefix, sizeof prefix, "Mappa strategica: %zu obiettivi strategici in %d band",
             pl->n, pl->no_perspective ? 1 : pl->nperspectives);
    assert_non_null(s.alt);
    assert_memory_equal(s.alt, prefix, strlen(prefix));
    pp_page_free(p);
    pp_strategy_map_free(sm);
    pp_doc_free(doc);
}

/* A4 portrait's body (piano.xml): 481.9 x 649 under a caption. */
static void three_to_thirty(void **state)
{
    (void)state;
    const plan plans[] = {
        {3, 1, 0, 1, false, false},   {3, 3, 2, 2, false, false},
        {10, 2, 4, 4, false, false},  {10, 4, 3, 6, true, false},
        {20, 4, 5, 8, false, false},  {20, 3, 7, 10, true, false},
        {30, 4, 3, 12, false, false}, {30, 4, 6, 30, true, false},
        {30, 1, 0, 5, true, false},
    };
    for (size_t i = 0; i < sizeof plans / sizeof plans[0]; i++) map_fits(&plans[i], 481.9, 649);
}

/* Less room than whole titles need: fewer lines per box, still inside. */
static void small_room(void **state)
{
    (void)state;
    const plan pl = {30, 4, 3, 10, true, false};
    map_fits(&pl, 481.9, 300);
    /* half a page wide: two boxes a row, so at most two objectives across
     * one line between bands (here one on each of two lines) */
    const plan narrow = {20, 4, 10, 8, false, false};
    map_fits(&narrow, 240, 500);
}

/* Objectives without a perspective: a band "Senza prospettiva", but no
 * map is asked for (pp_strategy_map_objectives is 0). */
static void without_perspectives(void **state)
{
    (void)state;
    const plan pl = {5, 1, 0, 2, false, true};
    map_fits(&pl, 481.9, 649);
}

/* ---- in a whole Piano ------------------------------------------------------------- */

static size_t render_piano(const plan *pl, size_t *figures, size_t *too_large)
{
    pp_doc *doc = generate(pl);
    pp_layout *l = builtin_layout(PP_DOC_PIANO);
    assert_non_null(l);
    pp_pages pages;
    assert_true(laid_out(doc, l, text, &pages));
    size_t captions = 0;
    *figures = *too_large = 0;
    for (size_t i = 0; i < pages.npages; i++) {
        const pp_page *p = pages.pages[i];
        pp_layout_box box = pp_layout_page_box(l, p->width > p->height);
        for (size_t k = 0; k < p->nitems; k++) {
            const pp_dl_item *it = &p->items[k];
            if (it->kind == PP_DL_TEXT && strcmp(it->u.text.utf8, "Mappa strategica") == 0)
                captions++;
            if (it->kind == PP_DL_TEXT &&
                strncmp(it->u.text.utf8, "Mappa strategica: gli", 21) == 0)
                (*too_large)++;
            if (it->kind == PP_DL_TAG_BEGIN && it->u.tag.alt &&
                strncmp(it->u.tag.alt, "Mappa strategica:", 17) == 0) {
                (*figures)++;
                /* the map's items up to its end tag, inside the page frame */
                for (size_t j = k + 1; j < p->nitems && p->items[j].kind != PP_DL_TAG_END; j++) {
                    bool drawn;
                    bbox b = item_bbox(&p->items[j], &drawn);
                    if (drawn && !(b.x0 >= box.x0 - EPS && b.x1 <= box.x1 + EPS &&
                                   b.y0 >= box.y0 - EPS && b.y1 <= box.y1 + EPS))
                        fail_msg("page %zu: map item %zu outside the frame", i + 1, j);
                }
            }
        }
    }
    pp_pages_free(&pages);
    pp_layout_free(l);
    pp_doc_free(doc);
    return captions;
}

static void in_the_piano(void **state)
{
    (void)state;
    size_t figures, too_large;
    const plan thirty = {30, 4, 3, 12, true, false};
    assert_int_equal(render_piano(&thirty, &figures, &too_large), 1);
    assert_int_equal(figures, 1);
    assert_int_equal(too_large, 0);
    const plan none = {6, 1, 0, 0, false, true};
    assert_int_equal(render_piano(&none, &figures, &too_large), 0);
    assert_int_equal(figures + too_large, 0);
    /* more objectives than a page holds even in one-line boxes: a note */
    const plan many = {320, 4, 0, 40, false, false};
    assert_int_equal(render_piano(&many, &figures, &too_large), 0);
    assert_int_equal(figures, 0);
    assert_int_equal(too_large, 1);
}

/* An area's own risorse is its total in the plan-tree (not the sum of its
 * objectives'), and the ente's total adds it: 1.000 + 50 = 1.050, where
 * the objectives alone would make 300 + 50 = 350. */
static void area_budget_in_the_plan_tree(void **state)
{
    (void)state;
    const char *xml =
        DOC_HEAD("piano")
        "<Albero><Ambito id=\"a1\" codice=\"A1\" peso=\"50\"><Titolo>Prima</Titolo>"
        "<Classificazione prospettiva=\"Processi interni\" risorse=\"1000\"/>"
        "<ObiettivoStrategico id=\"s1\" peso=\"100\"><Titolo>S1</Titolo>"
        "<Classificazione prospettiva=\"Processi interni\" risorse=\"300\"/>"
        "<ObiettivoOperativo id=\"o1\" peso=\"100\"><Titolo>O1</Titolo>"
        "<Indicatore id=\"i1\" peso=\"100\"><Nome>N</Nome><Unita>N.</Unita>"
        "<Target anno=\"2022\" operatore=\"ge\" valore=\"1\"/></Indicatore>"
        "</ObiettivoOperativo></ObiettivoStrategico></Ambito>"
        "<Ambito id=\"a2\" codice=\"A2\" peso=\"50\"><Titolo>Seconda</Titolo>"
        "<ObiettivoStrategico id=\"s2\" peso=\"100\"><Titolo>S2</Titolo>"
        "<Classificazione risorse=\"50\"/>"
        "<ObiettivoOperativo id=\"o2\" peso=\"100\"><Titolo>O2</Titolo>"
        "<Indicatore id=\"i2\" peso=\"100\"><Nome>N</Nome><Unita>N.</Unita>"
        "<Target anno=\"2022\" operatore=\"ge\" valore=\"1\"/></Indicatore>"
        "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>" DOC_TAIL;
    pp_doc *doc = scored(xml);
    assert_non_null(doc);
    pp_layout *l = builtin_layout(PP_DOC_PIANO);
    assert_non_null(l);
    pp_pages pages;
    assert_true(laid_out(doc, l, text, &pages));
    size_t area = 0, ente = 0, sum = 0;
    for (size_t i = 0; i < pages.npages; i++)
        for (size_t k = 0; k < pages.pages[i]->nitems; k++) {
            const pp_dl_item *it = &pages.pages[i]->items[k];
            if (it->kind != PP_DL_TEXT) continue;
            area += strcmp(it->u.text.utf8, "1.000,00") == 0;
            ente += strcmp(it->u.text.utf8, "1.050,00") == 0;
            sum += strcmp(it->u.text.utf8, "350,00") == 0;
        }
    assert_true(area >= 1);
    assert_int_equal(ente, 1);
    assert_int_equal(sum, 0);
    pp_pages_free(&pages);
    pp_layout_free(l);
    pp_doc_free(doc);
}

/* Every fixture in its own layout: every item of every figure (the map,
 * gauges, charts, the tree) inside the frame of its page. */
static void every_figure_of_every_fixture(void **state)
{
    (void)state;
    DIR *dir = opendir(PP_SOURCE_DIR "/fixtures");
    assert_non_null(dir);
    size_t files = 0, figures = 0;
    for (struct dirent *e; (e = readdir(dir));) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0) continue;
        char path[512];
        snprintf(path, sizeof path, "%s/fixtures/%s", PP_SOURCE_DIR, e->d_name);
        pp_doc *doc = open_fixture(path, 100);
        assert_non_null(doc);
        pp_score(doc);
        pp_layout *l = builtin_layout(doc->kind);
        assert_non_null(l);
        pp_pages pages;
        assert_true(laid_out(doc, l, text, &pages));
        for (size_t i = 0; i < pages.npages; i++) {
            const pp_page *p = pages.pages[i];
            pp_layout_box box = pp_layout_page_box(l, p->width > p->height);
            int depth = 0;
            for (size_t k = 0; k < p->nitems; k++) {
                const pp_dl_item *it = &p->items[k];
                if (it->kind == PP_DL_TAG_BEGIN && strcmp(it->u.tag.name, "Figure") == 0) {
                    figures += depth == 0;
                    depth++;
                } else if (it->kind == PP_DL_TAG_END && depth > 0 &&
                           strcmp(it->u.tag.name, "Figure") == 0) {
                    depth--;
                }
                bool drawn;
                bbox b = depth > 0 ? item_bbox(it, &drawn) : (bbox){0};
                if (depth > 0 && drawn && !(b.x0 >= box.x0 - EPS && b.x1 <= box.x1 + EPS &&
                                            b.y0 >= box.y0 - EPS && b.y1 <= box.y1 + EPS))
                    fail_msg("%s page %zu: figure item %zu (kind %d) at %g,%g-%g,%g outside the "
                             "frame %g,%g-%g,%g", e->d_name, i + 1, k, (int)it->kind, b.x0, b.y0,
                             b.x1, b.y1, box.x0, box.y0, box.x1, box.y1);
            }
        }
        pp_pages_free(&pages);
        pp_layout_free(l);
        pp_doc_free(doc);
        files++;
    }
    closedir(dir);
    assert_true(files >= 7);
    assert_true(figures >= 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(three_to_thirty),
        cmocka_unit_test(small_room),
        cmocka_unit_test(without_perspectives),
        cmocka_unit_test(in_the_piano),
        cmocka_unit_test(area_budget_in_the_plan_tree),
        cmocka_unit_test(every_figure_of_every_fixture),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
