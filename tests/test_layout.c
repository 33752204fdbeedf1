/* The layout on the display list of the Pistoia-Prato Relazione: nothing
 * outside the margins, header rows on every page of a split table, no
 * heading last on a page, INDICE numbers equal to the headings' pages, the
 * same list twice; and documents made to break pagination (a 5,000-character
 * word in a cell, tiny pages) stay inside their boxes and terminate. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "layout.h"
#include "testlayout.h"
#include "testutil.h"

#define FIXTURE PP_SOURCE_DIR "/fixtures/pistoia-prato-relazione-2022.xml"
#define MINIMO PP_SOURCE_DIR "/fixtures/esempio-minimo.xml"
#define LAYOUT PP_SOURCE_DIR "/layouts/relazione.xml"
#define PI 3.14159265358979323846

/* ---- checks of the pages the layout returns ------------------------------------- */

typedef struct {
    const pp_layout *lay;
    double tol; /* points an item may stray (rounding) */
    size_t pages, outside, tables_continued, heading_last, cells_overflow, th_missing;
    size_t heads_checked;
    /* the tables' borders: cells, their edges no border line covers, cells
     * stroked one by one, border paths */
    size_t cells, edges_bare, cells_stroked, grid_paths;
    uint64_t digest;
    /* destinations and INDICE entries, to compare page numbers */
    char dest_name[512][16];
    int dest_page[512];
    size_t ndests;
    char toc_dest[512][16];
    int toc_number[512];
    size_t ntoc;
    char first_failure[256];
} check;

static void fail_once(check *c, const char *fmt, int page, double a, double b)
{
    if (c->first_failure[0]) return;
    snprintf(c->first_failure, sizeof c->first_failure, fmt, page, a, b);
}

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

static uint64_t mix_d(uint64_t h, double v)
{
    long long q = llround(v * 1000);
    return mix(h, &q, sizeof q);
}

static uint64_t mix_s(uint64_t h, const char *s) { return s ? mix(h, s, strlen(s) + 1) : mix(h, "", 1); }

static uint64_t digest_item(uint64_t h, const pp_dl_item *it)
{
    h = mix(h, &it->kind, sizeof it->kind);
    switch (it->kind) {
    case PP_DL_TEXT:
        h = mix_d(mix_d(mix_d(h, it->u.text.x), it->u.text.y), it->u.text.size);
        h = mix_s(h, it->u.text.utf8);
        for (size_t g = 0; g < it->u.text.nglyphs; g++) h = mix(h, &it->u.text.glyphs[g].id, 4);
        return mix(h, &it->u.text.font, sizeof it->u.text.font);
    case PP_DL_RECT:
        return mix_d(mix_d(mix_d(mix_d(h, it->u.rect.x), it->u.rect.y), it->u.rect.w), it->u.rect.h);
    case PP_DL_LINE:
        return mix_d(mix_d(mix_d(mix_d(h, it->u.line.x1), it->u.line.y1), it->u.line.x2),
                     it->u.line.y2);
    case PP_DL_PATH:
        for (size_t s = 0; s < it->u.path.nsteps; s++)
            h = mix_d(mix_d(h, it->u.path.steps[s].x), it->u.path.steps[s].y);
        return h;
    case PP_DL_TAG_BEGIN:
    case PP_DL_TAG_END: return mix_s(mix_s(h, it->u.tag.name), it->u.tag.alt);
    case PP_DL_LINK: return mix_s(mix_d(mix_d(h, it->u.link.x), it->u.link.y), it->u.link.dest);
    case PP_DL_DEST: return mix_s(mix_d(h, it->u.dest.y), it->u.dest.name);
    case PP_DL_IMAGE: return mix_s(mix_d(h, it->u.image.x), it->u.image.file);
    }
    return h;
}

/* ---- boxes ------------------------------------------------------------------------- */

typedef struct {
    double x0, y0, x1, y1;
} box;

static void grow_box(box *b, double x, double y)
{
    if (x < b->x0) b->x0 = x;
    if (x > b->x1) b->x1 = x;
    if (y < b->y0) b->y0 = y;
    if (y > b->y1) b->y1 = y;
}

/* The extent of an arc: its ends and the compass points it passes. */
static void arc_box(box *b, const pp_path_step *s)
{
    double a1 = s->a1, a2 = s->a2;
    if (a2 < a1) a2 += 2 * PI * ceil((a1 - a2) / (2 * PI));
    grow_box(b, s->cx + s->r * cos(a1), s->cy + s->r * sin(a1));
    grow_box(b, s->cx + s->r * cos(a2), s->cy + s->r * sin(a2));
    for (double k = ceil(a1 / (PI / 2)); k * PI / 2 <= a2 && k < ceil(a1 / (PI / 2)) + 8; k++)
        grow_box(b, s->cx + s->r * cos(k * PI / 2), s->cy + s->r * sin(k * PI / 2));
}

/* The ink box of an item (text: from the ascent to the descent). false for
 * items without extent. */
static bool item_box(const pp_dl_item *it, box *b)
{
    *b = (box){INFINITY, INFINITY, -INFINITY, -INFINITY};
    switch (it->kind) {
    case PP_DL_TEXT:
        if (it->u.text.nglyphs == 0) return false;
        *b = (box){it->u.text.x, it->u.text.y - 0.8 * it->u.text.size,
                   it->u.text.x + it->u.text.width, it->u.text.y + 0.2 * it->u.text.size};
        return true;
    case PP_DL_RECT:
        *b = (box){it->u.rect.x, it->u.rect.y, it->u.rect.x + it->u.rect.w, it->u.rect.y + it->u.rect.h};
        return true;
    case PP_DL_LINE:
        grow_box(b, it->u.line.x1, it->u.line.y1);
        grow_box(b, it->u.line.x2, it->u.line.y2);
        return true;
    case PP_DL_PATH:
        for (size_t i = 0; i < it->u.path.nsteps; i++) {
            const pp_path_step *s = &it->u.path.steps[i];
            if (s->op == PP_PATH_ARC) arc_box(b, s);
            else if (s->op == PP_PATH_CURVE) {
                grow_box(b, s->x1, s->y1);
                grow_box(b, s->x2, s->y2);
                grow_box(b, s->x, s->y);
            } else if (s->op != PP_PATH_CLOSE) grow_box(b, s->x, s->y);
        }
        return it->u.path.nsteps > 0;
    case PP_DL_IMAGE:
        *b = (box){it->u.image.x, it->u.image.y, it->u.image.x + it->u.image.w,
                   it->u.image.y + it->u.image.h};
        return true;
    case PP_DL_LINK:
        *b = (box){it->u.link.x, it->u.link.y, it->u.link.x + it->u.link.w, it->u.link.y + it->u.link.h};
        return true;
    default: return false;
    }
}

static bool inside(const box *in, const box *out, double tol)
{
    return in->x0 >= out->x0 - tol && in->x1 <= out->x1 + tol && in->y0 >= out->y0 - tol &&
           in->y1 <= out->y1 + tol;
}

/* ---- the checks, page by page -------------------------------------------------------- */

static bool is_heading(const char *tag)
{
    return tag && tag[0] == 'H' && tag[1] >= '1' && tag[1] <= '6' && !tag[2];
}

static void check_margins(check *c, const pp_page *p)
{
    pp_layout_box lb = pp_layout_page_box(c->lay, p->width > p->height);
    box margins = {lb.x0, lb.y0, lb.x1, lb.y1};
    for (size_t i = 0; i < p->nitems; i++) {
        box b;
        if (!item_box(&p->items[i], &b)) continue;
        if (!inside(&b, &margins, c->tol)) {
            if (c->outside < 8 && getenv("LAYOUT_DEBUG"))
                print_message("outside p%d item %zu kind %d box %.1f %.1f %.1f %.1f (%s)\n", p->number, i,
                              p->items[i].kind, b.x0, b.y0, b.x1, b.y1,
                              p->items[i].kind == PP_DL_TEXT ? p->items[i].u.text.utf8 : "");
            c->outside++;
            fail_once(c, "page %d: item outside the margins at (%.1f, %.1f)", p->number, b.x0, b.y0);
        }
    }
}

/* In every table on the page, a header cell comes before any data cell;
 * a table reopened at the top of the page (its continuation) counts. */
static void check_tables(check *c, const pp_page *p)
{
    bool in_table = false, seen_th = false, first_item_table = false;
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        if (it->kind != PP_DL_TAG_BEGIN) continue;
        const char *t = it->u.tag.name;
        if (strcmp(t, "Table") == 0) {
            in_table = true;
            seen_th = false;
            if (i == 0) first_item_table = true;
        } else if (in_table && strcmp(t, "TH") == 0) seen_th = true;
        else if (in_table && strcmp(t, "TD") == 0 && !seen_th) {
            c->th_missing++;
            fail_once(c, "page %d: a table shows data before its header row%.0f%.0f", p->number, 0, 0);
            in_table = false;
        }
    }
    if (first_item_table) c->tables_continued++;
}

/* The last structure element that begins on a page is not a heading. */
static void check_heading_last(check *c, const pp_page *p)
{
    const char *last = NULL;
    for (size_t i = 0; i < p->nitems; i++)
        if (p->items[i].kind == PP_DL_TAG_BEGIN) last = p->items[i].u.tag.name;
    if (is_heading(last) && strcmp(last, "H1") != 0) { /* H1 alone: the INDICE's title */
        c->heading_last++;
        fail_once(c, "page %d ends with a heading%.0f%.0f", p->number, 0, 0);
    }
    if (is_heading(last) && strcmp(last, "H1") == 0) {
        /* an H1 that ends a page must be the INDICE title followed by its TOC */
        bool toc = false;
        for (size_t i = 0; i < p->nitems; i++)
            if (p->items[i].kind == PP_DL_DEST && strcmp(p->items[i].u.dest.name, "toc") == 0) toc = true;
        if (!toc) {
            c->heading_last++;
            fail_once(c, "page %d ends with an H1%.0f%.0f", p->number, 0, 0);
        }
    }
    c->heads_checked++;
}

/* Text of a cell stays inside the cell's box (the first RECT in the TD). */
static void check_cells(check *c, const pp_page *p)
{
    bool in_cell = false, have_box = false;
    box cell = {0};
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        if (it->kind == PP_DL_TAG_BEGIN &&
            (strcmp(it->u.tag.name, "TD") == 0 || strcmp(it->u.tag.name, "TH") == 0)) {
            in_cell = true;
            have_box = false;
        } else if (it->kind == PP_DL_TAG_END && in_cell &&
                   (strcmp(it->u.tag.name, "TD") == 0 || strcmp(it->u.tag.name, "TH") == 0)) {
            in_cell = false;
        } else if (in_cell && it->kind == PP_DL_RECT && !have_box) {
            item_box(it, &cell);
            have_box = true;
        } else if (in_cell && have_box && it->kind == PP_DL_TEXT) {
            box b;
            if (item_box(it, &b) && !inside(&b, &cell, 0.6)) {
                if (c->cells_overflow < 8 && getenv("LAYOUT_DEBUG"))
                    print_message("cell p%d box %.1f %.1f %.1f %.1f text %.1f %.1f %.1f %.1f (%s)\n",
                                  p->number, cell.x0, cell.y0, cell.x1, cell.y1, b.x0, b.y0, b.x1,
                                  b.y1, it->u.text.utf8);
                c->cells_overflow++;
                fail_once(c, "page %d: text outside its cell at (%.1f, %.1f)", p->number, b.x0, b.y0);
            }
        }
    }
}

/* Does a stroked line of path `it` cover the segment from (x0, y0) to
 * (x1, y1) (horizontal or vertical), with the half line width past both
 * ends that a stroked rectangle's corner would cover? */
static bool covered(const pp_dl_item *it, double x0, double y0, double x1, double y1)
{
    const pp_path_step *s = it->u.path.steps;
    double hw = it->u.path.paint.line_width / 2, e = 1e-3;
    for (size_t i = 0; i + 1 < it->u.path.nsteps; i++) {
        if (s[i].op != PP_PATH_MOVE || s[i + 1].op != PP_PATH_LINE) continue;
        double ax = fmin(s[i].x, s[i + 1].x), bx = fmax(s[i].x, s[i + 1].x);
        double ay = fmin(s[i].y, s[i + 1].y), by = fmax(s[i].y, s[i + 1].y);
        if (y0 == y1 && fabs(ay - y0) < e && fabs(by - y0) < e && ax <= x0 - hw + e &&
            bx >= x1 + hw - e)
            return true;
        if (x0 == x1 && fabs(ax - x0) < e && fabs(bx - x0) < e && ay <= y0 - hw + e &&
            by >= y1 + hw - e)
            return true;
    }
    return false;
}

static bool covered_on_page(const pp_page *p, double x0, double y0, double x1, double y1)
{
    for (size_t i = 0; i < p->nitems; i++)
        if (p->items[i].kind == PP_DL_PATH && p->items[i].u.path.paint.stroke &&
            covered(&p->items[i], x0, y0, x1, y1))
            return true;
    return false;
}

/* Every cell's box (the first RECT in its TD/TH) has its four edges on the
 * lines of a border path of its page, and no cell is stroked on its own. */
static void check_grid(check *c, const pp_page *p)
{
    bool in_cell = false, have_box = false;
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        if (it->kind == PP_DL_TAG_BEGIN &&
            (strcmp(it->u.tag.name, "TD") == 0 || strcmp(it->u.tag.name, "TH") == 0)) {
            in_cell = true;
            have_box = false;
        } else if (it->kind == PP_DL_TAG_END &&
                   (strcmp(it->u.tag.name, "TD") == 0 || strcmp(it->u.tag.name, "TH") == 0)) {
            in_cell = false;
        } else if (it->kind == PP_DL_PATH && it->u.path.paint.stroke && it->u.path.nsteps > 0 &&
                   it->u.path.steps[0].op == PP_PATH_MOVE && !in_cell) {
            c->grid_paths++;
        } else if (in_cell && it->kind == PP_DL_RECT && !have_box) {
            have_box = true;
            c->cells++;
            c->cells_stroked += it->u.rect.paint.stroke;
            double x0 = it->u.rect.x, y0 = it->u.rect.y;
            double x1 = x0 + it->u.rect.w, y1 = y0 + it->u.rect.h;
            size_t bare = !covered_on_page(p, x0, y0, x1, y0) + !covered_on_page(p, x0, y1, x1, y1) +
                          !covered_on_page(p, x0, y0, x0, y1) + !covered_on_page(p, x1, y0, x1, y1);
            if (bare) fail_once(c, "page %d: a cell at (%.1f, %.1f) without its borders", p->number, x0, y0);
            c->edges_bare += bare;
        }
    }
}

/* Destinations of headings, and INDICE entries (link + page number). */
static void collect_toc(check *c, const pp_page *p)
{
    const char *link = NULL, *last_text = NULL;
    for (size_t i = 0; i < p->nitems; i++) {
        const pp_dl_item *it = &p->items[i];
        if (it->kind == PP_DL_DEST && c->ndests < 512) {
            snprintf(c->dest_name[c->ndests], 16, "%s", it->u.dest.name);
            c->dest_page[c->ndests++] = p->number;
        } else if (it->kind == PP_DL_TAG_BEGIN && strcmp(it->u.tag.name, "TOCI") == 0) {
            link = last_text = NULL;
        } else if (it->kind == PP_DL_TEXT) {
            last_text = it->u.text.utf8;
        } else if (it->kind == PP_DL_LINK) {
            link = it->u.link.dest;
        } else if (it->kind == PP_DL_TAG_END && strcmp(it->u.tag.name, "TOCI") == 0 && link &&
                   last_text && c->ntoc < 512) {
            snprintf(c->toc_dest[c->ntoc], 16, "%s", link);
            c->toc_number[c->ntoc++] = atoi(last_text);
        }
    }
}

static void check_page(check *c, const pp_page *p)
{
    c->pages++;
    for (size_t i = 0; i < p->nitems; i++) c->digest = digest_item(c->digest, &p->items[i]);
    c->digest = mix_d(mix_d(c->digest, p->width), p->height);
    check_margins(c, p);
    check_tables(c, p);
    check_heading_last(c, p);
    check_cells(c, p);
    check_grid(c, p);
    collect_toc(c, p);
}

static void check_outline(check *c, const pp_outline_entry *o, size_t n)
{
    for (size_t i = 0; i < n; i++) c->digest = mix_s(mix_s(c->digest, o[i].title), o[i].dest);
}

/* ---- running the layout ---------------------------------------------------------------- */

typedef struct {
    pp_doc *doc;
    pp_layout *lay;
    pp_text *text;
} fixture;

static pp_doc *open_scored_file(const char *path)
{
    pp_diags d;
    pp_diags_init(&d, path);
    pp_doc *doc = NULL;
    pp_status st = pp_open_document(path, &d, &doc);
    pp_diags_clear(&d);
    if (st != PP_OK) return NULL;
    pp_score(doc);
    return doc;
}

static pp_layout *load_layout_text(const char *xml)
{
    pp_diags d;
    pp_diags_init(&d, "layout.xml");
    pp_layout *l = NULL;
    pp_status st = xml ? pp_layout_parse(xml, strlen(xml), &d, &l) : pp_layout_load(LAYOUT, &d, &l);
    if (st != PP_OK) pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    return l;
}

static check *run_tol(pp_doc *doc, const pp_layout *lay, pp_text *text, double tol)
{
    check *c = calloc(1, sizeof *c);
    assert_non_null(c);
    c->lay = lay;
    c->tol = tol;
    c->digest = 1469598103934665603ull;
    pp_diags d;
    pp_diags_init(&d, "render");
    pp_pages pages;
    pp_status st = pp_layout_document(doc, lay, text, &pages, &d);
    if (st != PP_OK) pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    assert_int_equal(st, PP_OK);
    for (size_t i = 0; i < pages.npages; i++) check_page(c, pages.pages[i]);
    check_outline(c, pages.outline, pages.noutline);
    pp_pages_free(&pages);
    return c;
}

static check *run(pp_doc *doc, const pp_layout *lay, pp_text *text)
{
    return run_tol(doc, lay, text, 0.6);
}

/* Pages that hold: nothing outside the margins or a cell, every table's
 * header rows there, no heading left last on a page. */
static void assert_pages_hold(const check *c)
{
    assert_int_equal(c->outside, 0);
    assert_int_equal(c->cells_overflow, 0);
    assert_int_equal(c->th_missing, 0);
    assert_int_equal(c->heading_last, 0);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    pp_diags d;
    pp_diags_init(&d, "fonts");
    if (!f || pp_text_new(pp_fonts_dir_default(), &d, &f->text) != PP_OK) {
        pp_diags_print(&d, stderr);
        return -1;
    }
    pp_diags_clear(&d);
    f->doc = open_scored_file(FIXTURE);
    f->lay = load_layout_text(NULL);
    *state = f;
    return f->doc && f->lay ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    pp_doc_free(f->doc);
    pp_layout_free(f->lay);
    pp_text_free(f->text);
    free(f);
    return 0;
}

static void report(const check *c)
{
    if (c->first_failure[0]) print_message("first failure: %s\n", c->first_failure);
}

/* ---- the tests ------------------------------------------------------------------------------ */

static void fixture_pages_hold(void **state)
{
    fixture *f = *state;
    check *c = run(f->doc, f->lay, f->text);
    report(c);
    assert_true(c->pages > 20);
    assert_int_equal(c->outside, 0);
    assert_int_equal(c->th_missing, 0);
    assert_true(c->tables_continued > 0); /* some table is split, and repeats its header */
    assert_int_equal(c->heading_last, 0);
    assert_int_equal(c->cells_overflow, 0);
    /* the borders: every cell's edges drawn, by a few paths (one per
     * table per page) rather than one stroke per cell */
    assert_true(c->cells > 1000);
    assert_int_equal(c->edges_bare, 0);
    assert_int_equal(c->cells_stroked, 0);
    assert_true(c->grid_paths > 0 && c->grid_paths * 8 < c->cells);
    free(c);
}

/* The default layout with the results per unit turned on: Pistoia-Prato's
 * six units, each a table with its total row, hold on the page like the
 * rest (and the people's tables now end with their total). */
static void units_section_holds(void **state)
{
    fixture *f = *state;
    char *xml = read_file(LAYOUT, NULL);
    assert_non_null(xml);
    const char *at = strstr(xml, "    <section role=\"processo\"");
    assert_non_null(at);
    const char *units = "    <section title=\"Risultati per struttura organizzativa\" "
                        "new-page=\"true\"><units/></section>\n";
    size_t head = (size_t)(at - xml), len = strlen(xml) + strlen(units) + 1;
    char *with = malloc(len);
    snprintf(with, len, "%.*s%s%s", (int)head, xml, units, at);
    pp_layout *lay = load_layout_text(with);
    assert_non_null(lay);
    check *plain = run(f->doc, f->lay, f->text);
    check *c = run(f->doc, lay, f->text);
    assert_true(c->pages > plain->pages);
    assert_pages_hold(c);
    free(plain);
    free(c);
    pp_layout_free(lay);
    free(with);
    free(xml);
}

static void toc_numbers_are_heading_pages(void **state)
{
    fixture *f = *state;
    check *c = run(f->doc, f->lay, f->text);
    assert_true(c->ntoc > 10);
    for (size_t i = 0; i < c->ntoc; i++) {
        int page = 0;
        for (size_t k = 0; k < c->ndests; k++)
            if (strcmp(c->dest_name[k], c->toc_dest[i]) == 0) page = c->dest_page[k];
        if (page != c->toc_number[i])
            print_message("entry %zu (%s): printed %d, heading on page %d\n", i, c->toc_dest[i],
                          c->toc_number[i], page);
        assert_int_equal(page, c->toc_number[i]);
    }
    free(c);
}

static void same_list_twice(void **state)
{
    fixture *f = *state;
    check *a = run(f->doc, f->lay, f->text);
    pp_layout *again = load_layout_text(NULL);
    assert_non_null(again);
    check *b = run(f->doc, again, f->text);
    assert_int_equal(a->pages, b->pages);
    assert_true(a->digest == b->digest);
    pp_layout_free(again);
    free(a);
    free(b);
}

/* ---- pages streamed to a sink ---------------------------------------------------------- */

typedef struct {
    check *c;
    int next;        /* the number the next page must have */
    int refuse_at;   /* refuse the page of this number (0: none) */
} stream_sink;

static pp_status take_page(void *ctx, pp_page *page, pp_diags *d)
{
    stream_sink *s = ctx;
    pp_status st = PP_OK;
    if (page->number != s->next) fail_once(s->c, "page %d out of order (%g, %g)", page->number, 0, 0);
    s->next++;
    check_page(s->c, page);
    if (page->number == s->refuse_at) {
        pp_error(d, 0, 0, "the sink refused page %d", page->number);
        st = PP_ERR_INPUT;
    }
    pp_page_free(page); /* the sink owns it */
    return st;
}

/* The pages handed one by one as they are finished are the pages
 * pp_layout_document collects: the same count, in order, the same items
 * (INDICE numbers, headers and footers included), the same outline. */
static void stream_gives_the_same_pages(void **state)
{
    fixture *f = *state;
    check *whole = run(f->doc, f->lay, f->text);
    check *c = calloc(1, sizeof *c);
    assert_non_null(c);
    c->lay = f->lay;
    c->tol = 0.6;
    c->digest = 1469598103934665603ull;
    stream_sink s = {c, 1, 0};
    pp_diags d;
    pp_diags_init(&d, "render");
    pp_pages out;
    pp_status st = pp_layout_stream(f->doc, f->lay, f->text, &(pp_page_sink){take_page, &s},
                                    &out, &d);
    assert_int_equal(st, PP_OK);
    assert_int_equal(d.errors, 0);
    assert_null(out.pages);
    assert_int_equal(out.npages, whole->pages);
    check_outline(c, out.outline, out.noutline);
    report(c);
    assert_string_equal(c->first_failure, whole->first_failure);
    assert_int_equal(c->pages, whole->pages);
    assert_int_equal((size_t)s.next - 1, whole->pages);
    assert_true(c->digest == whole->digest);
    assert_int_equal(c->heads_checked, whole->heads_checked);
    pp_pages_free(&out);
    pp_diags_clear(&d);
    free(c);
    free(whole);
}

/* A sink that fails (a backend that cannot write) stops the layout at
 * once, with the sink's status and message and nothing else. */
static void sink_refusal_stops_the_layout(void **state)
{
    fixture *f = *state;
    check *c = calloc(1, sizeof *c);
    assert_non_null(c);
    c->lay = f->lay;
    c->tol = 0.6;
    stream_sink s = {c, 1, 3};
    pp_diags d;
    pp_diags_init(&d, "render");
    pp_pages out;
    pp_status st = pp_layout_stream(f->doc, f->lay, f->text, &(pp_page_sink){take_page, &s},
                                    &out, &d);
    assert_int_equal(st, PP_ERR_INPUT);
    assert_int_equal(s.next, 4); /* pages 1, 2, 3 and no more */
    assert_int_equal(d.errors, 1);
    assert_string_equal(d.items[0].message, "the sink refused page 3");
    assert_null(out.pages);
    assert_null(out.outline);
    pp_pages_free(&out);
    pp_diags_clear(&d);
    free(c);
}

/* The minimal document with a 5,000-character word as an indicator's name. */
static char *with_long_word(void)
{
    size_t n;
    char *src = read_file(MINIMO, &n);
    assert_non_null(src);
    const char *name = "Brevetti, modelli, marchi e seguiti";
    char *at = strstr(src, name);
    assert_non_null(at);
    char *out = malloc(n + 6000);
    size_t pre = (size_t)(at - src);
    memcpy(out, src, pre);
    for (size_t i = 0; i < 5000; i++) out[pre + i] = "abcdefghij"[i % 10];
    strcpy(out + pre + 5000, at + strlen(name));
    free(src);
    return out;
}

/* Lays out a generated document (xml is freed) with the default layout;
 * the document comes back in *doc for the caller to free. */
static check *run_xml(fixture *f, char *xml, pp_doc **doc)
{
    *doc = scored(xml);
    free(xml);
    assert_non_null(*doc);
    check *c = run(*doc, f->lay, f->text);
    report(c);
    return c;
}

static void long_word_stays_in_its_cell(void **state)
{
    pp_doc *doc;
    check *c = run_xml(*state, with_long_word(), &doc);
    assert_pages_hold(c);
    free(c);
    pp_doc_free(doc);
}

/* Pages barely larger than the minimum: everything splits, and ends. (The
 * tree diagram is left out: on such pages its slices are the figures
 * module's concern.) */
static void tiny_pages_terminate(void **state)
{
    fixture *f = *state;
    pp_layout *tiny = load_layout_text(
        "<layout><page width=\"200\" height=\"200\" margin-top=\"20\" margin-bottom=\"20\" "
        "margin-left=\"20\" margin-right=\"20\" header=\"0\" footer=\"0\"/>"
        "<outline><cover/><toc/><section role=\"premessa\" title=\"P\"/>"
        "<section role=\"risultati\" title=\"R\"><results/></section>"
        "<section title=\"O\" orientation=\"landscape\"><objectives/></section>"
        "<section role=\"individuali\" title=\"I\"><people/></section><others/></outline></layout>");
    assert_non_null(tiny);
    /* a cell 9 pt wide holds a glyph plus the hyphen Pango adds when it
     * breaks inside a word: that may stray a point */
    check *c = run_tol(f->doc, tiny, f->text, 1.5);
    report(c);
    print_message("tiny: %zu pages, %zu outside, %zu cells overflow, %zu without header\n",
                  c->pages, c->outside, c->cells_overflow, c->th_missing);
    assert_true(c->pages > 100);
    assert_int_equal(c->outside, 0);
    /* (header rows taller than half a page are not repeated here) */
    free(c);
    pp_layout_free(tiny);
}

/* A tree of 3 areas x 25 strategic objectives: the diagram takes several
 * landscape pages, and its first slice must fit under the section's
 * heading (it used to be cut to a whole page and run past the margin). */
static char *big_tree(void)
{
    size_t cap = 1 << 20, n = 0;
    char *s = malloc(cap);
    n += (size_t)snprintf(s + n, cap - n, "%s<Albero>", DOC_HEAD("relazione"));
    for (int a = 0; a < 3; a++) {
        n += (size_t)snprintf(s + n, cap - n,
                              "<Ambito id=\"a%d\" codice=\"%d\" peso=\"%s\"><Titolo>Area "
                              "strategica numero %d</Titolo>",
                              a, a + 1, a < 2 ? "33.33" : "33.34", a + 1);
        for (int k = 0; k < 25; k++)
            n += (size_t)snprintf(
                s + n, cap - n,
                "<ObiettivoStrategico id=\"s%d_%d\" codice=\"%02d_%02d\" peso=\"4\"><Titolo>"
                "Obiettivo strategico con un titolo di media lunghezza %d.%d</Titolo>"
                "<ObiettivoOperativo id=\"o%d_%d\" peso=\"100\"><Titolo>Operativo</Titolo>"
                "<Indicatore id=\"i%d_%d\" peso=\"100\"><Nome>Indicatore</Nome><Unita>N.</Unita>"
                "<Target anno=\"2022\" operatore=\"ge\" valore=\"10\"/><Consuntivo "
                "valore=\"%d\"/></Indicatore></ObiettivoOperativo></ObiettivoStrategico>",
                a, k, a + 1, k + 1, a + 1, k + 1, a, k, a, k, k % 12);
        n += (size_t)snprintf(s + n, cap - n, "</Ambito>");
    }
    snprintf(s + n, cap - n, "</Albero>%s", DOC_TAIL);
    return s;
}

static void big_tree_fits_under_its_heading(void **state)
{
    pp_doc *doc;
    check *c = run_xml(*state, big_tree(), &doc);
    assert_int_equal(c->outside, 0);
    assert_int_equal(c->heading_last, 0);
    free(c);
    pp_doc_free(doc);
}

/* ---- what the pages print ------------------------------------------------------------- */

/* The text runs of every page, one per line, pages separated by "\f"; in
 * *landscape (when given) a bit per page: wider than high. */
static char *page_text(pp_doc *doc, const pp_layout *lay, pp_text *text, unsigned *landscape)
{
    pp_diags d;
    pp_diags_init(&d, "render");
    pp_pages pages;
    pp_status st = pp_layout_document(doc, lay, text, &pages, &d);
    if (st != PP_OK) pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    assert_int_equal(st, PP_OK);
    size_t cap = 1 << 16, n = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    if (landscape) *landscape = 0;
    for (size_t i = 0; i < pages.npages; i++) {
        const pp_page *p = pages.pages[i];
        if (landscape && i < 32 && p->width > p->height) *landscape |= 1u << i;
        for (size_t k = 0; k <= p->nitems; k++) {
            const char *u = k < p->nitems && p->items[k].kind == PP_DL_TEXT
                                ? p->items[k].u.text.utf8 : k == p->nitems ? "\f" : NULL;
            if (!u) continue;
            size_t len = strlen(u);
            while (n + len + 2 > cap) out = realloc(out, cap *= 2);
            assert_non_null(out);
            memcpy(out + n, u, len);
            n += len;
            out[n++] = '\n';
        }
    }
    out[n] = '\0';
    pp_pages_free(&pages);
    return out;
}

/* The built-in layout with `extra` (elements of <layout>) before its
 * outline: later elements override earlier ones. */
static pp_layout *layout_with(const char *extra)
{
    char *xml = read_file(LAYOUT, NULL);
    assert_non_null(xml);
    const char *mark = "  <outline>\n    <cover/>";
    char *at = strstr(xml, mark);
    assert_non_null(at);
    size_t pre = (size_t)(at - xml);
    char *out = malloc(strlen(xml) + strlen(extra) + 1);
    assert_non_null(out);
    memcpy(out, xml, pre);
    strcpy(out + pre, extra);
    strcat(out, at);
    free(xml);
    pp_layout *l = load_layout_text(out);
    free(out);
    assert_non_null(l);
    return l;
}

static const char *const BANDS =
    "<Sistema><Fasce statoNonValutato=\"NON VALUTATO\">"
    "<Fascia da=\"0\" etichetta=\"non raggiunto\" colore=\"#C62828\" stato=\"FUORI TARGET\"/>"
    "<Fascia da=\"60\" etichetta=\"parzialmente raggiunto\" colore=\"#F9A825\"/>"
    "<Fascia da=\"80\" etichetta=\"raggiunto\" colore=\"#2E7D32\" stato=\"IN LINEA\"/>"
    "</Fasce></Sistema>\n";

/* Counts, a soglia, an algorithm, measures with units. */
static char *numbers_doc(void)
{
    const char *tree = ONE_OBJECTIVE(
        "<Indicatore id=\"conti\" codice=\"C1\" peso=\"50\"><Nome>Pratiche evase</Nome>"
        "<Algoritmo>N. pratiche evase nell'anno</Algoritmo><Unita>N.</Unita>"
        "<Target anno=\"2022\" operatore=\"ge\" valore=\"200\"/><Soglia valore=\"120\"/>"
        "<Consuntivo valore=\"1150\"/></Indicatore>\n"
        "<Indicatore id=\"quota\" codice=\"C2\" peso=\"25\"><Nome>Quota</Nome>"
        "<Numeratore valore=\"45\" unita=\"N.\">Imprese aderenti</Numeratore>"
        "<Denominatore valore=\"50\" unita=\"N.\">Imprese attive</Denominatore>"
        "<Unita>%</Unita><Target anno=\"2022\" operatore=\"ge\" valore=\"80\"/>"
        "</Indicatore>\n"
        "<Indicatore id=\"fte\" codice=\"C3\" peso=\"25\"><Nome>Risorse</Nome>"
        "<Unita>fte</Unita><Target anno=\"2022\" operatore=\"le\" valore=\"14\"/>"
        "<Consuntivo valore=\"16.4\"/></Indicatore>\n");
    size_t n = strlen(DOC_HEAD("relazione")) + strlen(BANDS) + strlen(tree) + 64;
    char *s = malloc(n);
    snprintf(s, n, "%s%s%s%s", DOC_HEAD("relazione"), BANDS, tree, DOC_TAIL);
    return s;
}

static void numbers_as_the_source_writes_them(void **state)
{
    fixture *f = *state;
    char *xml = numbers_doc();
    pp_doc *doc = scored(xml);
    free(xml);
    assert_non_null(doc);
    /* the built-in layout: counts as written, other units with two decimals, ">=" */
    char *t = page_text(doc, f->lay, f->text, NULL);
    assert_non_null(strstr(t, ">= 200 N."));
    assert_non_null(strstr(t, "1.150 N."));
    assert_non_null(strstr(t, "<= 14,00 fte"));
    assert_non_null(strstr(t, "16,40 fte"));
    assert_null(strstr(t, "\u2265"));
    assert_null(strstr(t, "Soglia"));
    free(t);
    /* signs, a fixed precision for counts, and the optional columns */
    pp_layout *l = layout_with(
        "<numbers operators=\"symbols\" count-decimals=\"2\" decimals=\"source\"/>"
        "<indicator-table><column key=\"indicatore\" width=\"20\"/>"
        "<column key=\"algoritmo\" width=\"20\"/><column key=\"numeratore\" width=\"15\"/>"
        "<column key=\"denominatore\" width=\"15\"/><column key=\"target\" width=\"15\"/>"
        "<column key=\"soglia\" width=\"15\"/><column key=\"consuntivo\" width=\"15\"/>"
        "</indicator-table>");
    t = page_text(doc, l, f->text, NULL);
    assert_non_null(strstr(t, "\u2265 200,00 N."));
    assert_non_null(strstr(t, "1.150,00 N."));
    /* the fte indicator writes one decimal (16.4): its target takes it too */
    assert_non_null(strstr(t, "\u2264 14,0 fte"));
    assert_non_null(strstr(t, "16,4 fte"));
    assert_non_null(strstr(t, "90,00 %")); /* from 45 / 50 */
    assert_non_null(strstr(t, "Soglia"));
    assert_non_null(strstr(t, "120,00 N."));
    assert_non_null(strstr(t, "Algoritmo"));
    assert_non_null(strstr(t, "pratiche evase"));
    assert_non_null(strstr(t, "45,00 N."));
    assert_non_null(strstr(t, "50,00 N."));
    free(t);
    pp_layout_free(l);
    pp_doc_free(doc);
}

/* One N/D among three: the planned weights stay, the changed ones show
 * their effective weight and a note says why; weight="effective" prints
 * what seed 000 prints (0,00 % on the N/D row). */
static void planned_weights_stay_visible(void **state)
{
    fixture *f = *state;
    pp_doc *doc = scored(DOC_HEAD("relazione") ONE_OBJECTIVE(
        IND("a", "50", "N.", "ge", "10", "10") IND("b", "25", "N.", "ge", "10", "5")
            IND_ND("c", "25")) DOC_TAIL);
    assert_non_null(doc);
    char *t = page_text(doc, f->lay, f->text, NULL);
    assert_non_null(strstr(t, "66,67 %")); /* "→ 66,67 %": the arrow is a run of its own font */
    assert_non_null(strstr(t, "33,33 %"));
    assert_non_null(strstr(t, "\u2192"));
    assert_non_null(strstr(t, "50,00 %"));
    assert_non_null(strstr(t, "peso effettivo (fuori dal calcolo: c, consuntivo non disponibile (N/D))"));
    free(t);
    /* the same document as seed 000 prints it */
    pp_layout *l = layout_with("<indicator-table weight=\"effective\"><column key=\"peso\"/>"
                               "<column key=\"indicatore\"/></indicator-table>");
    t = page_text(doc, l, f->text, NULL);
    assert_non_null(strstr(t, "0,00 %\nc\n"));
    assert_non_null(strstr(t, "66,67 %"));
    assert_null(strstr(t, "\u2192"));
    assert_null(strstr(t, "Peso previsto"));
    free(t);
    pp_layout_free(l);
    pp_doc_free(doc);
    /* an objective with no consuntivo at all: its sibling's weight changes
     * in the summary tables too, with the note naming it */
    doc = scored(DOC_HEAD("relazione")
                 "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"
                 "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>"
                 "<ObiettivoOperativo id=\"o1\" codice=\"OP1\" peso=\"40\"><Titolo>O1</Titolo>\n"
                 IND("a", "100", "N.", "ge", "10", "10") "</ObiettivoOperativo>"
                 "<ObiettivoOperativo id=\"o2\" codice=\"OP2\" peso=\"60\"><Titolo>O2</Titolo>\n"
                 IND_ND("n", "100") "</ObiettivoOperativo>"
                 "</ObiettivoStrategico></Ambito></Albero>\n" DOC_TAIL);
    assert_non_null(doc);
    t = page_text(doc, f->lay, f->text, NULL);
    assert_non_null(strstr(t, "40,00 %"));
    assert_non_null(strstr(t, "100,00 %"));
    assert_non_null(strstr(t, "peso effettivo (fuori dal calcolo: OP2, nessun consuntivo disponibile)"));
    free(t);
    pp_doc_free(doc);
}

/* The document's statoNonValutato on rows, objectives and legend alike. */
static void one_wording_for_not_assessed(void **state)
{
    fixture *f = *state;
    size_t n = 4096;
    char *xml = malloc(n);
    snprintf(xml, n, "%s%s%s%s", DOC_HEAD("relazione"), BANDS,
             ONE_OBJECTIVE(IND_ND("x", "100")), DOC_TAIL);
    pp_doc *doc = scored(xml);
    free(xml);
    assert_non_null(doc);
    char *t = page_text(doc, f->lay, f->text, NULL);
    assert_null(strstr(t, "DA VALUTARE"));
    size_t count = 0;
    for (const char *p = t; (p = strstr(p, "NON VALUTATO")); p++) count++;
    assert_true(count >= 4); /* legend, summary, objective band, indicator row */
    free(t);
    pp_doc_free(doc);
}

/* No context section: the numbers stay the layout's ("3.0"); with
 * renumber="true" the sections close up. */
static void section_numbers_come_from_the_layout(void **state)
{
    fixture *f = *state;
    pp_doc *doc = scored(DOC_HEAD("relazione") ONE_OBJECTIVE(IND("a", "100", "N.", "ge", "1", "1"))
                             DOC_TAIL);
    assert_non_null(doc);
    char *t = page_text(doc, f->lay, f->text, NULL);
    assert_non_null(strstr(t, "3.0\u2002Albero della performance"));
    assert_null(strstr(t, "2.0\u2002"));
    free(t);
    pp_layout *l = layout_with("<numbering renumber=\"true\"/>");
    t = page_text(doc, l, f->text, NULL);
    assert_non_null(strstr(t, "2.0\u2002Albero della performance"));
    free(t);
    pp_layout_free(l);
    pp_doc_free(doc);
}

/* No <Fasce>: validation says so, the legend says the bands are assumed,
 * and a partial band uses its short label where the long one would wrap. */
static void assumed_bands_are_said(void **state)
{
    fixture *f = *state;
    const char *xml = DOC_HEAD("relazione") ONE_OBJECTIVE(
        IND("a", "100", "N.", "ge", "10", "7")) DOC_TAIL;
    pp_diags d;
    pp_doc *doc = NULL;
    assert_int_equal(open_text(xml, &d, &doc), PP_OK);
    bool warned = false;
    for (size_t i = 0; i < d.count; i++)
        warned |= strstr(d.items[i].message, "no bands given") != NULL;
    pp_diags_clear(&d);
    assert_true(warned);
    pp_score(doc);
    char *t = page_text(doc, f->lay, f->text, NULL);
    assert_non_null(strstr(t, "Il documento non indica fasce di valutazione"));
    assert_non_null(strstr(t, "\nPARZIALE\n"));                /* in the tables */
    assert_non_null(strstr(t, "PARZIALMENTE RAGGIUNTO (PARZIALE)")); /* in the legend */
    assert_null(strstr(t, "PARZIALMENTE\nRAGGIUNTO"));         /* never wrapped */
    free(t);
    pp_doc_free(doc);
    /* the fixture states its bands: no such note */
    t = page_text(f->doc, f->lay, f->text, NULL);
    assert_null(strstr(t, "Il documento non indica fasce"));
    free(t);
}

/* A 14-column calendar (phase, twelve months, who): too wide for a
 * portrait page, so its page is landscape, and no "10-30" or month name is
 * broken; the page after it is portrait again. landscape="never" keeps it
 * portrait. */
static char *calendar_doc(void)
{
    static const char *const months[] = {"Gennaio", "Febbraio", "Marzo", "Aprile",
                                         "Maggio", "Giugno", "Luglio", "Agosto",
                                         "Settembre", "Ottobre", "Novembre", "Dicembre"};
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    n += (size_t)snprintf(s + n, cap - n, "%s%s<Testi><Sezione ruolo=\"processo\" id=\"p\">"
                          "<Titolo>Il processo</Titolo><Paragrafo>Prima.</Paragrafo><Tabella>"
                          "<Didascalia>Calendario delle fasi</Didascalia><Colonne>"
                          "<Colonna larghezza=\"3\"/>",
                          DOC_HEAD("relazione"), ONE_OBJECTIVE(IND("a", "100", "N.", "ge", "1", "1")));
    for (int m = 0; m < 12; m++)
        n += (size_t)snprintf(s + n, cap - n, "<Colonna larghezza=\"1\" allineamento=\"centro\"/>");
    n += (size_t)snprintf(s + n, cap - n, "<Colonna larghezza=\"2\"/></Colonne><Intestazione>"
                                          "<Cella>Fase</Cella>");
    for (int m = 0; m < 12; m++) n += (size_t)snprintf(s + n, cap - n, "<Cella>%s</Cella>", months[m]);
    n += (size_t)snprintf(s + n, cap - n, "<Cella>Responsabile</Cella></Intestazione>");
    for (int r = 0; r < 4; r++) {
        n += (size_t)snprintf(s + n, cap - n, "<Riga><Cella>Fase di programmazione %d</Cella>", r);
        for (int m = 0; m < 12; m++)
            n += (size_t)snprintf(s + n, cap - n, "<Cella>%s</Cella>", (m + r) % 3 ? "" : "10-30");
        n += (size_t)snprintf(s + n, cap - n, "<Cella>Controllo di gestione</Cella></Riga>");
    }
    snprintf(s + n, cap - n, "</Tabella><Paragrafo>Dopo.</Paragrafo></Sezione></Testi>%s",
             DOC_TAIL);
    return s;
}

/* Index of the page (split at "\f") holding needle, -1 when none. */
static int page_holding(const char *t, const char *needle)
{
    const char *at = strstr(t, needle);
    if (!at) return -1;
    int page = 0;
    for (const char *p = t; p < at; p++) page += *p == '\f';
    return page;
}

static void wide_table_turns_the_page(void **state)
{
    fixture *f = *state;
    char *xml = calendar_doc();
    pp_doc *doc = scored(xml);
    free(xml);
    assert_non_null(doc);
    unsigned land;
    char *t = page_text(doc, f->lay, f->text, &land);
    int cal = page_holding(t, "Calendario delle fasi");
    assert_true(cal > 0 && cal < 31);
    assert_true(land & (1u << cal));
    assert_false(land & (1u << page_holding(t, "Prima.")));
    assert_false(land & (1u << page_holding(t, "Dopo.")));
    size_t whole = 0;
    for (const char *p = t; (p = strstr(p, "\n10-30\n")); p++) whole++;
    assert_int_equal(whole, 16); /* every one a run of its own: not broken */
    assert_non_null(strstr(t, "\nSettembre\n"));
    free(t);
    pp_layout *l = layout_with("<narrative-table landscape=\"never\"/>");
    t = page_text(doc, l, f->text, &land);
    assert_false(land & (1u << page_holding(t, "Calendario delle fasi")));
    free(t);
    pp_layout_free(l);
    pp_doc_free(doc);
}

/* Classifications, descriptions and who is responsible: printed only when
 * the layout asks, in a row under the objective's band or in a block. */
static const char *const DETAILED =
    DOC_HEAD("relazione")
    "<Organizzazione><Unita id=\"u1\" tipo=\"area\" responsabile=\"p1\">Area promozione</Unita>"
    "</Organizzazione><Persone><Persona id=\"p1\"><Nome>Mario Rossi</Nome>"
    "<Incarico>Dirigente</Incarico></Persona></Persone>"
    "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"
    "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>"
    "<Descrizione>Sostenere le imprese del territorio</Descrizione>"
    "<Classificazione prospettiva=\"Processi interni\" missione=\"012\" programma=\"004\" "
    "cofog=\"04.1\" risorse=\"12000\"/>"
    "<ObiettivoOperativo id=\"o\" peso=\"100\"><Titolo>O</Titolo>"
    "<Classificazione unita=\"u1\"/>\n" IND("a", "100", "N.", "ge", "1", "1")
    "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>\n" DOC_TAIL;

static void objective_details_as_the_layout_says(void **state)
{
    fixture *f = *state;
    pp_doc *doc = scored(DETAILED);
    assert_non_null(doc);
    char *t = page_text(doc, f->lay, f->text, NULL);
    assert_null(strstr(t, "Prospettiva"));
    assert_null(strstr(t, "Mario Rossi (Dirigente)")); /* section 4 names him, without role */
    free(t);
    pp_layout *l = layout_with(
        "<objective-details><field key=\"descrizione\" label=\"\"/><field key=\"prospettiva\"/>"
        "<field key=\"missione\"/><field key=\"cofog\"/><field key=\"risorse\"/>"
        "<field key=\"unita\"/><field key=\"responsabile\"/></objective-details>");
    t = page_text(doc, l, f->text, NULL);
    assert_non_null(strstr(t, "Sostenere le imprese del territorio"));
    assert_non_null(strstr(t, "Processi interni"));
    assert_non_null(strstr(t, "012 / 004"));
    assert_non_null(strstr(t, "04.1"));
    assert_non_null(strstr(t, "12.000,00"));
    assert_non_null(strstr(t, "Area promozione"));
    assert_non_null(strstr(t, "Mario Rossi (Dirigente)"));
    check *c = run(doc, l, f->text);
    assert_int_equal(c->outside, 0);
    assert_int_equal(c->cells_overflow, 0);
    assert_int_equal(c->th_missing, 0);
    free(c);
    free(t);
    pp_layout_free(l);
    l = layout_with("<objective-details place=\"block\"><field key=\"unita\"/></objective-details>");
    t = page_text(doc, l, f->text, NULL);
    assert_non_null(strstr(t, "Area promozione"));
    free(t);
    pp_layout_free(l);
    pp_doc_free(doc);
}

/* The built-in layout with one string replaced. */
static pp_layout *layout_replacing(const char *old, const char *new_text)
{
    char *xml = read_file(LAYOUT, NULL);
    assert_non_null(xml);
    char *at = strstr(xml, old);
    assert_non_null(at);
    char *out = malloc(strlen(xml) + strlen(new_text) + 1);
    assert_non_null(out);
    size_t pre = (size_t)(at - xml);
    memcpy(out, xml, pre);
    strcpy(out + pre, new_text);
    strcat(out, at + strlen(old));
    free(xml);
    pp_layout *l = load_layout_text(out);
    free(out);
    assert_non_null(l);
    return l;
}

/* The fixture's tree with its operational objectives used to end with a
 * landscape page holding one box (01_06_06); the diagram is drawn a little
 * smaller instead, and that box shares its page with 01_05. */
static void tree_leaves_no_stub_page(void **state)
{
    fixture *f = *state;
    pp_layout *l = layout_replacing("<tree operational=\"false\"/>\n      </section>",
                                    "<tree operational=\"true\"/>\n      </section>");
    unsigned land;
    char *t = page_text(f->doc, l, f->text, &land);
    /* the text from the first landscape page on: the tree's */
    int first = 0;
    while (first < 32 && !(land & (1u << first))) first++;
    assert_true(first < 32);
    const char *tree = t;
    for (int k = 0; k < first; k++) tree = strchr(tree, '\f') + 1;
    int last = first + page_holding(tree, "01_06_06");
    assert_true(last >= first && last < 32 && (land & (1u << last)));
    assert_int_equal(first + page_holding(tree, "Imprenditorialità, lavoro ed occupazione"), last);
    size_t pages = 0;
    for (int i = 0; i < 32; i++) pages += (land >> i) & 1u;
    assert_int_equal(pages, 3);
    check *c = run(f->doc, l, f->text);
    assert_int_equal(c->outside, 0);
    assert_int_equal(c->heading_last, 0);
    free(c);
    free(t);
    pp_layout_free(l);
}

/* A Piano with the layout compiled in for its kind: the pages hold, and
 * print no result (no N/D, grado, valutazione), a target column per year
 * of the Triennio and the Sistema in words; the Relazione's kind still
 * gets the Relazione's layout. */
static void plan_prints_no_results(void **state)
{
    fixture *f = *state;
    size_t len, rlen;
    const char *xml = pp_layout_builtin(PP_DOC_PIANO, &len);
    const char *rel = pp_layout_builtin(PP_DOC_RELAZIONE, &rlen);
    assert_non_null(xml);
    assert_non_null(rel);
    assert_ptr_not_equal(xml, rel);
    assert_string_equal(pp_layout_file_name(PP_DOC_PIANO), "piano.xml");
    assert_string_equal(pp_layout_file_name(PP_DOC_RELAZIONE), "relazione.xml");
    pp_diags d;
    pp_diags_init(&d, "piano.xml");
    pp_layout *l = NULL;
    assert_int_equal(pp_layout_parse(xml, len, &d, &l), PP_OK);
    pp_diags_clear(&d);
    pp_doc *doc = open_scored_file(PP_SOURCE_DIR "/fixtures/piano-piccolo-2024.xml");
    assert_non_null(doc);
    char *t = page_text(doc, l, f->text, NULL);
    assert_null(strstr(t, "N/D"));
    assert_null(strstr(t, "Grado"));
    assert_null(strstr(t, "Valutazione"));
    assert_null(strstr(t, "DA VALUTARE"));
    assert_non_null(strstr(t, "Target 2024"));
    assert_non_null(strstr(t, "Target 2026"));
    assert_non_null(strstr(t, "Risorse (\u20ac)"));
    assert_non_null(strstr(t, "Totale ente"));
    check *c = run(doc, l, f->text);
    assert_int_equal(c->outside, 0);
    assert_int_equal(c->heading_last, 0);
    free(c);
    free(t);
    pp_doc_free(doc);
    pp_layout_free(l);
}

/* The layout xml is refused, with a message at `line` that contains
 * `what`. */
static void refused_saying(const char *xml, int line, const char *what)
{
    pp_diags d;
    pp_diags_init(&d, "bad.xml");
    pp_layout *l = NULL;
    assert_int_equal(pp_layout_parse(xml, strlen(xml), &d, &l), PP_ERR_INPUT);
    assert_null(l);
    bool said = false;
    for (size_t i = 0; i < d.count; i++)
        said |= d.items[i].line == line && strstr(d.items[i].message, what) != NULL;
    if (!said) pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    assert_true(said);
}

static void bad_layout_kind(void **state)
{
    (void)state;
    refused_saying("<layout kind=\"bilancio\">\n  <outline><cover/></outline>\n</layout>\n", 1,
                   "bilancio");
    /* the front matter is numbered roman or arabic, nothing else */
    refused_saying("<layout>\n  <numbering front-matter=\"greek\"/>\n  <outline><cover/>"
                   "</outline>\n</layout>\n",
                   2, "<numbering front-matter=\"greek\">: expected roman or arabic");
}

static void bad_layout_says_where(void **state)
{
    (void)state;
    const char *xml = "<layout>\n  <page width=\"10\"/>\n  <frobnicate/>\n"
                      "  <font role=\"body\" size=\"big\"/>\n</layout>\n";
    pp_diags d;
    pp_diags_init(&d, "bad.xml");
    pp_layout *l = NULL;
    assert_int_equal(pp_layout_parse(xml, strlen(xml), &d, &l), PP_ERR_INPUT);
    assert_null(l);
    bool page = false, unknown = false, font = false, outline = false;
    for (size_t i = 0; i < d.count; i++) {
        const pp_diag *g = &d.items[i];
        if (g->line == 2 && g->col == 3 && strstr(g->message, "width")) page = true;
        if (g->line == 3 && g->col == 3 && strstr(g->message, "frobnicate")) unknown = true;
        if (g->line == 4 && strstr(g->message, "size")) font = true;
        if (strstr(g->message, "outline")) outline = true;
    }
    pp_diags_clear(&d);
    assert_true(page && unknown && font && outline);
}

/* A layout's words come back on every page and every row: more than 500
 * characters is refused, where it is written (a footer of 5,000 letters
 * made 67,000 pages of a 500-area document in 350 s and 9 GB). */
static void long_label_refused(void **state)
{
    (void)state;
    char xml[2048], *o = xml;
    o += sprintf(o, "<layout>\n  <label key=\"footer\" text=\"");
    for (int i = 0; i < 501; i++) *o++ = 'x';
    sprintf(o, "\"/>\n  <outline><toc/></outline>\n</layout>\n");
    pp_diags d;
    pp_diags_init(&d, "long.xml");
    pp_layout *l = NULL;
    assert_int_equal(pp_layout_parse(xml, strlen(xml), &d, &l), PP_ERR_INPUT);
    assert_null(l);
    assert_true(d.count >= 1);
    assert_int_equal(d.items[0].line, 2);
    assert_int_equal(d.items[0].col, 3);
    assert_non_null(strstr(d.items[0].message, "501 characters, more than the 500"));
    pp_diags_clear(&d);
    o = xml + sprintf(xml, "<layout>\n  <label key=\"footer\" text=\"");
    for (int i = 0; i < 500; i++) o += sprintf(o, "\u00e8"); /* characters, not bytes */
    sprintf(o, "\"/>\n  <outline><toc/></outline>\n</layout>\n");
    pp_diags_init(&d, "long.xml");
    assert_int_equal(pp_layout_parse(xml, strlen(xml), &d, &l), PP_OK);
    pp_layout_free(l);
    pp_diags_clear(&d);
}

/* Massa-Carrara 2019 with the Piano's layout: the landscape dashboards of
 * Allegati 2-3 stay in their pages and cells, headings never last on a
 * page; the monitoring columns are there (the fixture has Monitoraggio). */
static void dashboards_hold(void **state)
{
    fixture *f = *state;
    pp_layout *l = builtin_layout(PP_DOC_PIANO);
    assert_non_null(l);
    pp_doc *doc = open_scored_file(PP_SOURCE_DIR "/fixtures/massa-carrara-piano-2019.xml");
    assert_non_null(doc);
    char *t = page_text(doc, l, f->text, NULL);
    assert_non_null(strstr(t, "Allegato 2 \u2013 Cruscotti degli uffici"));
    assert_non_null(strstr(t, "U0.1 \u2013 Ufficio Programmazione"));
    assert_non_null(strstr(t, "Risultato al"));     /* 30/06/2019 wraps under it */
    assert_non_null(strstr(t, "% realizz."));
    assert_non_null(strstr(t, "PO5 \u2013 Servizio risorse finanziarie"));
    check *c = run(doc, l, f->text);
    assert_int_equal(c->outside, 0);
    assert_int_equal(c->heading_last, 0);
    assert_int_equal(c->cells_overflow, 0);
    free(c);
    free(t);
    pp_doc_free(doc);
    pp_layout_free(l);
}

static void people_categoria_is_checked(void **state)
{
    (void)state;
    refused_saying("<layout kind=\"piano\">\n  <outline><section title=\"x\">\n"
                   "    <people categoria=\"capo\"/></section></outline>\n</layout>\n",
                   3, "<people categoria=\"capo\">: expected segretario, dirigente, po or "
                      "dipendente");
}

/* The Valpiccola Relazione laid out against its Piano: the annex
 * "Variazioni rispetto al Piano" holds on its pages (header rows repeated,
 * nothing outside the margins or its cells) and names every unrecorded
 * change; without the Piano it is not there at all. */
static void variations_annex_holds(void **state)
{
    fixture *f = *state;
    pp_doc *piano = open_scored_file(PP_SOURCE_DIR "/fixtures/piano-piccolo-2024.xml");
    pp_doc *rel = open_scored_file(PP_SOURCE_DIR "/fixtures/valpiccola-relazione-2024.xml");
    assert_non_null(piano);
    assert_non_null(rel);
    check *without = run(rel, f->lay, f->text);
    char *t0 = page_text(rel, f->lay, f->text, NULL);
    assert_null(strstr(t0, "Variazioni rispetto al Piano"));
    rel->piano = piano;
    check *c = run(rel, f->lay, f->text);
    char *t = page_text(rel, f->lay, f->text, NULL);
    assert_non_null(strstr(t, "Variazioni rispetto al Piano"));
    size_t unrecorded = 0;
    for (const char *at = t; (at = strstr(at, "NON REGISTRATA")); at++) unrecorded++;
    assert_int_equal(unrecorded, 8);
    assert_true(c->pages >= without->pages + 1);
    assert_true(c->tables_continued > without->tables_continued); /* 18 rows: two pages */
    assert_pages_hold(c);
    free(c);
    free(without);
    free(t);
    free(t0);
    pp_doc_free(rel);
    pp_doc_free(piano);
}

/* Where only the operational objectives are shown (3.2), a strategic
 * objective measured by its own indicators alone (2.2 of the Valpiccola
 * Relazione 2024) gets no heading there: it would stand with nothing under
 * it. It keeps its heading among the strategic objectives (3.1). */
static void no_heading_without_operational_objectives(void **state)
{
    fixture *f = *state;
    pp_doc *rel = open_scored_file(PP_SOURCE_DIR "/fixtures/valpiccola-relazione-2024.xml");
    assert_non_null(rel);
    pp_pages p = {0};
    assert_true(laid_out(rel, f->lay, f->text, &p));
    size_t s22 = 0, s21 = 0;
    for (size_t i = 0; i < p.noutline; i++) {
        if (strstr(p.outline[i].title, "Obiettivo strategico 2.2 ")) s22++;
        if (strstr(p.outline[i].title, "Obiettivo strategico 2.1 ")) s21++;
    }
    assert_int_equal(s21, 2); /* 3.1 and 3.2 */
    assert_int_equal(s22, 1); /* 3.1 only */
    pp_pages_free(&p);
    pp_doc_free(rel);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(long_label_refused),
        cmocka_unit_test(fixture_pages_hold),
        cmocka_unit_test(toc_numbers_are_heading_pages),
        cmocka_unit_test(units_section_holds),
        cmocka_unit_test(same_list_twice),
        cmocka_unit_test(stream_gives_the_same_pages),
        cmocka_unit_test(sink_refusal_stops_the_layout),
        cmocka_unit_test(long_word_stays_in_its_cell),
        cmocka_unit_test(tiny_pages_terminate),
        cmocka_unit_test(big_tree_fits_under_its_heading),
        cmocka_unit_test(bad_layout_says_where),
        cmocka_unit_test(bad_layout_kind),
        cmocka_unit_test(numbers_as_the_source_writes_them),
        cmocka_unit_test(planned_weights_stay_visible),
        cmocka_unit_test(one_wording_for_not_assessed),
        cmocka_unit_test(section_numbers_come_from_the_layout),
        cmocka_unit_test(assumed_bands_are_said),
        cmocka_unit_test(wide_table_turns_the_page),
        cmocka_unit_test(objective_details_as_the_layout_says),
        cmocka_unit_test(tree_leaves_no_stub_page),
        cmocka_unit_test(plan_prints_no_results),
        cmocka_unit_test(dashboards_hold),
        cmocka_unit_test(people_categoria_is_checked),
        cmocka_unit_test(variations_annex_holds),
        cmocka_unit_test(no_heading_without_operational_objectives),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
