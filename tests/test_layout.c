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
    free(c);
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

/* The minimal document with a 5,000-character word as an indicator's name. */
static char *with_long_word(void)
{
    FILE *fp = fopen(MINIMO, "rb");
    assert_non_null(fp);
    char *src = calloc(1, 1 << 16);
    size_t n = fread(src, 1, (1 << 16) - 1, fp);
    fclose(fp);
    src[n] = '\0';
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
    assert_int_equal(c->outside, 0);
    assert_int_equal(c->cells_overflow, 0);
    assert_int_equal(c->th_missing, 0);
    assert_int_equal(c->heading_last, 0);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(long_label_refused),
        cmocka_unit_test(fixture_pages_hold),
        cmocka_unit_test(toc_numbers_are_heading_pages),
        cmocka_unit_test(same_list_twice),
        cmocka_unit_test(long_word_stays_in_its_cell),
        cmocka_unit_test(tiny_pages_terminate),
        cmocka_unit_test(big_tree_fits_under_its_heading),
        cmocka_unit_test(bad_layout_says_where),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
