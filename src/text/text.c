/* Text shaping with Pango on the bundled fonts.
 *
 * A paragraph is laid out once by a PangoLayout, then copied into a compact
 * form (lines -> runs -> glyphs, in points) and the layout is freed: what
 * the layout measures is exactly what is later emitted, and emitting never
 * shapes again. Hinting is off and metrics are unhinted, so positions do not
 * depend on a resolution and the same input always gives the same output. */
#include "text.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "fonts.h"
#include "grow.h"

struct pp_text {
    FcConfig *cfg;
    PangoFontMap *map;
    PangoContext *ctx;
    pp_font_set fonts;
};

/* A run: consecutive glyphs of one font on one line. */
typedef struct {
    int font;
    size_t glyph0, nglyphs;
    size_t cluster0, nclusters; /* nclusters 0: no mapping (right-to-left) */
    size_t text0, ntext;        /* bytes of pp_lines.text */
    double x, width;            /* pen origin from the line's left edge */
} text_run;

typedef struct {
    size_t run0, nruns;
    double x;      /* left edge from the paragraph's left (alignment) */
    double width;  /* logical width */
    double ascent; /* top of the logical box to the baseline */
    double height; /* logical height, before line spacing */
} text_line;

struct pp_lines {
    double size, spacing;
    char *text; /* the runs' characters, one after the other */
    size_t ntext, cap_text;
    text_line *lines;
    size_t nlines, cap_lines;
    text_run *runs;
    size_t nruns, cap_runs;
    pp_glyph *glyphs;
    size_t nglyphs, cap_glyphs;
    pp_cluster *clusters;
    size_t nclusters, cap_clusters;
};

/* Known leaks of the libraries, for LeakSanitizer (sanitizer builds; a
 * plain function otherwise): Pango 1.50 never releases the FcConfig given
 * to pango_fc_font_map_set_config (one per pp_text), and its FT2 backend
 * loads fontconfig's default configuration in a thread (FcInit) that is
 * never freed. Both are allocated inside fontconfig, so perfpdf's own
 * allocations are still checked. Here, not in a file of options, so every
 * program using the text module (tests and perfpdf) gets it. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

/* ---- the font set -------------------------------------------------------- */

static void set_context_options(PangoContext *ctx)
{
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(ctx, 72.0); /* 1 device unit = 1 point */
    pango_context_set_round_glyph_positions(ctx, FALSE);
    pango_context_set_base_dir(ctx, PANGO_DIRECTION_LTR);
    pango_context_set_language(ctx, pango_language_from_string("it-it"));
}

pp_status pp_text_new(const char *fonts_dir, pp_diags *d, pp_text **out)
{
    *out = NULL;
    pp_text *t = calloc(1, sizeof *t);
    if (!t) {
        pp_error(d, 0, 0, "out of memory");
        return PP_ERR_ENV;
    }
    pp_font_set_init(&t->fonts);
    if (!(t->cfg = pp_fonts_config_new(fonts_dir, d))) {
        pp_font_set_clear(&t->fonts);
        free(t);
        return PP_ERR_ENV;
    }
    t->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!t->map) {
        pp_error(d, 0, 0, "cannot create a FreeType font map (Pango/cairo without FreeType?)");
        pp_text_free(t);
        return PP_ERR_ENV;
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(t->map), t->cfg);
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(t->map), 72.0);
    t->ctx = pango_font_map_create_context(t->map);
    set_context_options(t->ctx);
    *out = t;
    return PP_OK;
}

void pp_text_free(pp_text *t)
{
    if (!t)
        return;
    pp_font_set_clear(&t->fonts);
    if (t->ctx)
        g_object_unref(t->ctx);
    if (t->map)
        g_object_unref(t->map);
    if (t->cfg)
        FcConfigDestroy(t->cfg);
    free(t);
}

bool pp_text_has_family(const pp_text *t, const char *family)
{
    return pp_fonts_config_has_family(t->cfg, family);
}

/* Both may be called from a backend's drawing thread while the layout
 * adds faces: the set is locked inside (fonts.h). */
size_t pp_text_nfonts(const pp_text *t)
{
    return pp_font_set_count((pp_font_set *)&t->fonts);
}

const pp_dl_font *pp_text_font(const pp_text *t, int index)
{
    return pp_font_set_get((pp_font_set *)&t->fonts, index);
}

static size_t table_count(const void *ctx)
{
    return pp_text_nfonts(ctx);
}

static const pp_dl_font *table_get(const void *ctx, int index)
{
    return pp_text_font(ctx, index);
}

pp_font_table pp_text_font_table(const pp_text *t)
{
    return (pp_font_table){.count = table_count, .get = table_get, .ctx = t};
}

/* ---- building the layout ------------------------------------------------- */

/* Sizes Pango can hold (it stores size * 1024 in an int). */
static double spec_size(const pp_font_spec *f)
{
    if (!(f->size > 0) || !isfinite(f->size))
        return 10.0;
    return f->size < 0.5 ? 0.5 : f->size > 1000 ? 1000 : f->size;
}

static int base_weight(const pp_font_spec *f)
{
    if (f->weight > 0)
        return f->weight < 100 ? 100 : f->weight > 1000 ? 1000 : f->weight;
    return f->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
}

static PangoFontDescription *describe(const pp_font_spec *f)
{
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, f->family && *f->family ? f->family : "DejaVu Serif");
    pango_font_description_set_absolute_size(fd, spec_size(f) * PANGO_SCALE);
    pango_font_description_set_weight(fd, base_weight(f));
    pango_font_description_set_style(fd, f->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    return fd;
}

/* ---- preparing the text ------------------------------------------------ */

/* Pango's line breaking costs, on each line, time in proportion to the
 * rest of its item when it has to break inside a word, and HarfBuzz merges
 * a grapheme cluster in time quadratic in its length: a 90,000-letter
 * word took 31 s. So, before Pango sees a text:
 *  - a grapheme cluster keeps at most MAX_CLUSTER characters (Unicode's
 *    stream-safe format allows 30 combining marks; more is never text);
 *  - past LONG_WORD characters without a break opportunity, a zero-width
 *    space (U+200B) goes before every further grapheme, so Pango finds a
 *    break on every line instead of retrying character by character (the
 *    lines are those of a character break; the spaces are taken out again
 *    when the lines are copied);
 *  - a wrapped paragraph is laid out a few lines at a time (see shape). */
enum { MAX_CLUSTER = 32, LONG_WORD = 200, CHUNK = 64, CHUNK_LINES = 6 };

#define ZWSP "\xE2\x80\x8B"
#define ZWSP_LEN 3

/* Bold / italic spans as byte ranges of the text. */
typedef struct {
    size_t start, end;
    int style;
} style_range;

typedef struct {
    char *text;
    size_t len;
    style_range *ranges;
    size_t nranges;
} prepared;

static bool is_zwsp(const char *p)
{
    return memcmp(p, ZWSP, ZWSP_LEN) == 0;
}

/* Concatenates the spans (made valid UTF-8), noting the styled ranges. */
static void join_spans(const pp_rich *text, prepared *out)
{
    GString *s = g_string_new(NULL);
    size_t n = text ? text->nspans : 0;
    out->ranges = g_new(style_range, n ? n : 1);
    out->nranges = 0;
    for (size_t i = 0; i < n; i++) {
        const char *span = text->spans[i].text ? text->spans[i].text : "";
        char *valid = g_utf8_make_valid(span, -1);
        size_t start = s->len;
        g_string_append(s, valid);
        g_free(valid);
        int style = text->spans[i].style & (PP_SPAN_BOLD | PP_SPAN_ITALIC);
        if (style && s->len > start)
            out->ranges[out->nranges++] = (style_range){start, s->len, style};
    }
    out->len = s->len;
    out->text = g_string_free(s, FALSE);
}

/* Where the text of the ranges goes in the prepared text: boundaries are
 * moved as characters are dropped and spaces inserted before them. */
typedef struct {
    style_range *r;
    size_t n, next; /* next boundary to map: 2 * range + (0 start, 1 end) */
} range_map;

static void map_ranges(range_map *m, size_t in, size_t out)
{
    while (m->next < 2 * m->n) {
        style_range *r = &m->r[m->next / 2];
        size_t *b = m->next % 2 ? &r->end : &r->start;
        if (*b > in) break;
        *b = out;
        m->next++;
    }
}

/* True when prepare could change nothing, found without Pango's break
 * analysis (which cost a tenth of all shaping): a text of at most
 * LONG_WORD characters has no word long enough, and one with at most
 * MAX_CLUSTER - 2 characters outside ASCII has no cluster to cap (a
 * cluster holds at most two ASCII characters: CR LF, or a base after a
 * prepended mark). Table cells and names are such texts. */
static bool nothing_to_prepare(const prepared *p, glong nchars)
{
    if (nchars <= MAX_CLUSTER)
        return true;
    if (nchars > LONG_WORD)
        return false;
    size_t wide = 0; /* characters outside ASCII: their lead bytes */
    for (size_t i = 0; i < p->len; i++)
        wide += ((unsigned char)p->text[i] & 0xC0) == 0xC0;
    return wide <= MAX_CLUSTER - 2;
}

/* Clusters capped and long words given break opportunities (see above);
 * linear in the length of the text. */
static void prepare(prepared *p)
{
    glong nchars = g_utf8_strlen(p->text, (gssize)p->len);
    if (nothing_to_prepare(p, nchars))
        return;
    PangoLogAttr *la = g_new0(PangoLogAttr, nchars + 1); /* Pango leaves some bits unset */
    pango_get_log_attrs(p->text, (int)p->len, -1, pango_language_from_string("it-it"), la,
                        (int)nchars + 1);
    GString *o = g_string_sized_new(p->len + 16);
    range_map m = {p->ranges, p->nranges, 0};
    size_t cluster = 0, word = 0;
    const char *c = p->text;
    for (glong i = 0; i < nchars; i++) {
        const char *next = g_utf8_next_char(c);
        map_ranges(&m, (size_t)(c - p->text), o->len);
        if (la[i].is_line_break)
            word = 0;
        if (la[i].is_cursor_position) {
            cluster = 0;
            if (word++ >= LONG_WORD)
                g_string_append_len(o, ZWSP, ZWSP_LEN);
        }
        if (++cluster <= MAX_CLUSTER)
            g_string_append_len(o, c, next - c);
        c = next;
    }
    map_ranges(&m, p->len, o->len);
    g_free(la);
    g_free(p->text);
    p->len = o->len;
    p->text = g_string_free(o, FALSE);
}

static PangoAttrList *range_attrs(const prepared *p, size_t from, size_t to,
                                  const pp_font_spec *f)
{
    PangoAttrList *attrs = pango_attr_list_new();
    int bold = base_weight(f) > PANGO_WEIGHT_BOLD ? base_weight(f) : PANGO_WEIGHT_BOLD;
    /* The ranges are in order and do not overlap: bisect to the first one
     * that reaches into the chunk, so each chunk costs only its own. */
    size_t lo = 0, hi = p->nranges;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->ranges[mid].end <= from)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < p->nranges && p->ranges[i].start < to; i++) {
        const style_range *r = &p->ranges[i];
        guint start = (guint)((r->start > from ? r->start : from) - from);
        guint end = (guint)((r->end < to ? r->end : to) - from);
        PangoAttribute *a;
        if (r->style & PP_SPAN_BOLD) {
            a = pango_attr_weight_new(bold);
            a->start_index = start, a->end_index = end;
            pango_attr_list_insert(attrs, a);
        }
        if (r->style & PP_SPAN_ITALIC) {
            a = pango_attr_style_new(PANGO_STYLE_ITALIC);
            a->start_index = start, a->end_index = end;
            pango_attr_list_insert(attrs, a);
        }
    }
    return attrs;
}

static PangoLayout *make_layout(pp_text *t, const char *utf8, size_t len, PangoAttrList *attrs,
                                const pp_font_spec *font, double width, pp_align align)
{
    PangoLayout *lay = pango_layout_new(t->ctx);
    PangoFontDescription *fd = describe(font);
    pango_layout_set_font_description(lay, fd);
    pango_font_description_free(fd);
    if (width > 0 && isfinite(width)) {
        double w = width * PANGO_SCALE;
        pango_layout_set_width(lay, w > G_MAXINT / 2 ? G_MAXINT / 2 : (int)w);
        pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
    }
    static const PangoAlignment al[] = {
        [PP_ALIGN_LEFT] = PANGO_ALIGN_LEFT, [PP_ALIGN_CENTER] = PANGO_ALIGN_CENTER,
        [PP_ALIGN_RIGHT] = PANGO_ALIGN_RIGHT, [PP_ALIGN_JUSTIFY] = PANGO_ALIGN_LEFT};
    pango_layout_set_alignment(lay, (unsigned)align <= PP_ALIGN_JUSTIFY ? al[align]
                                                                         : PANGO_ALIGN_LEFT);
    pango_layout_set_justify(lay, align == PP_ALIGN_JUSTIFY);
    pango_layout_set_text(lay, utf8, (int)len);
    pango_layout_set_attributes(lay, attrs);
    return lay;
}

/* ---- copying the layout into pp_lines ----------------------------------- */

#define GROW(l, arr, n, cap, extra) \
    pp_grow(&(l)->arr, &(l)->cap, (l)->n + (extra), sizeof *(l)->arr, 16)

/* Bytes of text in [p, p + n) once the zero-width spaces are taken out. */
static size_t kept_bytes(const char *p, size_t n)
{
    size_t kept = n;
    for (size_t i = 0; i + ZWSP_LEN <= n; i++)
        if ((unsigned char)p[i] == 0xE2 && is_zwsp(p + i))
            kept -= ZWSP_LEN, i += ZWSP_LEN - 1;
    return kept;
}

/* Glyph clusters of a left-to-right run: consecutive glyphs with the same
 * log_clusters value came from the same characters. Empty glyphs are not
 * stored, so a cluster may have 0 glyphs (cairo accepts that); a cluster
 * left with neither bytes nor glyphs (a zero-width space) is dropped. */
static bool copy_clusters(pp_lines *l, text_run *r, const PangoGlyphItem *gi, const char *item)
{
    const PangoGlyphString *gs = gi->glyphs;
    r->cluster0 = l->nclusters;
    if (gs->num_glyphs == 0 || gs->log_clusters[0] != 0)
        return true; /* leave the run unmapped */
    for (int i = 1; i < gs->num_glyphs; i++)
        if (gs->log_clusters[i] < gs->log_clusters[i - 1])
            return true; /* not left-to-right */
    for (int i = 0; i < gs->num_glyphs;) {
        int k = i, nglyphs = 0; /* glyphs [i, k) are one cluster */
        while (k < gs->num_glyphs && gs->log_clusters[k] == gs->log_clusters[i])
            nglyphs += gs->glyphs[k++].glyph != PANGO_GLYPH_EMPTY;
        int end = k < gs->num_glyphs ? gs->log_clusters[k] : gi->item->length;
        size_t bytes = kept_bytes(item + gs->log_clusters[i], (size_t)(end - gs->log_clusters[i]));
        i = k;
        if (bytes == 0 && nglyphs == 0)
            continue;
        if (!GROW(l, clusters, nclusters, cap_clusters, 1))
            return false;
        l->clusters[l->nclusters++] = (pp_cluster){(int)bytes, nglyphs};
    }
    r->nclusters = l->nclusters - r->cluster0;
    return true;
}

/* The run's characters, without zero-width spaces, appended to l->text. */
static bool copy_text(pp_lines *l, text_run *r, const char *item, size_t n)
{
    if (!GROW(l, text, ntext, cap_text, n + 1))
        return false;
    r->text0 = l->ntext;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)item[i] == 0xE2 && i + ZWSP_LEN <= n && is_zwsp(item + i)) {
            i += ZWSP_LEN - 1;
            continue;
        }
        l->text[l->ntext++] = item[i];
    }
    l->text[l->ntext] = '\0';
    r->ntext = l->ntext - r->text0;
    return true;
}

static bool copy_run(pp_text *t, pp_lines *l, const PangoGlyphItem *gi, double pen,
                     const char *text)
{
    const PangoGlyphString *gs = gi->glyphs;
    const char *item = text + gi->item->offset;
    int font = pp_font_set_index(&t->fonts, gi->item->analysis.font);
    if (font < 0 || !GROW(l, runs, nruns, cap_runs, 1) ||
        !GROW(l, glyphs, nglyphs, cap_glyphs, (size_t)gs->num_glyphs))
        return false;
    text_run *r = &l->runs[l->nruns];
    *r = (text_run){.font = font, .glyph0 = l->nglyphs, .x = pen};
    if (!copy_text(l, r, item, (size_t)gi->item->length))
        return false;
    double x = 0;
    for (int i = 0; i < gs->num_glyphs; i++) {
        const PangoGlyphInfo *g = &gs->glyphs[i];
        if (g->glyph != PANGO_GLYPH_EMPTY) {
            /* A character no bundled font has: show the font's .notdef box. */
            uint32_t id = (g->glyph & PANGO_GLYPH_UNKNOWN_FLAG) ? 0 : g->glyph;
            l->glyphs[l->nglyphs++] =
                (pp_glyph){id, (float)(x + (double)g->geometry.x_offset / PANGO_SCALE),
                           (float)((double)g->geometry.y_offset / PANGO_SCALE)};
        }
        x += (double)g->geometry.width / PANGO_SCALE;
    }
    r->nglyphs = l->nglyphs - r->glyph0;
    r->width = x;
    if (!copy_clusters(l, r, gi, item))
        return false;
    l->nruns++;
    return true;
}

static bool copy_line(pp_text *t, pp_lines *l, PangoLayoutIter *it, const char *text)
{
    PangoLayoutLine *pl = pango_layout_iter_get_line_readonly(it);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, NULL, &logical);
    int baseline = pango_layout_iter_get_baseline(it);
    if (!GROW(l, lines, nlines, cap_lines, 1))
        return false;
    text_line *ln = &l->lines[l->nlines];
    *ln = (text_line){.run0 = l->nruns,
                      .x = (double)logical.x / PANGO_SCALE,
                      .width = (double)logical.width / PANGO_SCALE,
                      .ascent = (double)(baseline - logical.y) / PANGO_SCALE,
                      .height = (double)logical.height / PANGO_SCALE};
    double pen = 0;
    for (GSList *s = pl->runs; s; s = s->next) {
        const PangoGlyphItem *gi = s->data;
        if (!copy_run(t, l, gi, pen, text))
            return false;
        pen += l->runs[l->nruns - 1].width;
    }
    l->lines[l->nlines].nruns = l->nruns - l->lines[l->nlines].run0;
    l->nlines++;
    return true;
}

/* Copies the lines of a layout of p->text[from, to); all of them when `to`
 * is the end of the text, else all but the last, which the next chunk
 * starts with (*next: its offset). Fewer than two lines and more text to
 * come: nothing copied, *next = from (the chunk was too short). */
static bool copy_chunk(pp_text *t, pp_lines *l, PangoLayout *lay, const prepared *p, size_t from,
                       size_t to, size_t *next)
{
    bool last_chunk = to >= p->len;
    int nlines = pango_layout_get_line_count(lay);
    *next = to;
    if (!last_chunk && nlines < 2) {
        *next = from;
        return true;
    }
    const char *text = pango_layout_get_text(lay);
    PangoLayoutIter *it = pango_layout_get_iter(lay);
    bool ok = true;
    for (int i = 0; ok; i++) {
        if (!last_chunk && i == nlines - 1) {
            *next = from + (size_t)pango_layout_iter_get_line_readonly(it)->start_index;
            break;
        }
        ok = copy_line(t, l, it, text);
        if (!pango_layout_iter_next_line(it))
            break;
    }
    pango_layout_iter_free(it);
    return ok;
}

/* The end of a chunk starting at `from`: about `size` bytes on, moved back
 * to the start of a character. */
static size_t chunk_end(const prepared *p, size_t from, size_t size)
{
    if (p->len - from <= size)
        return p->len;
    size_t end = from + size;
    while (end > from && ((unsigned char)p->text[end] & 0xC0) == 0x80)
        end--;
    return end;
}

/* Lays out the text in chunks (all at once when not wrapped): breaking is
 * greedy, so every line but a chunk's last is the line the whole
 * paragraph would have. Pango reshapes the rest of a chunk on every line,
 * so a chunk is kept to about CHUNK_LINES lines, measured on the lines
 * of the previous one; one that gives a single line (characters of no
 * width) is doubled and tried again. Linear in the length of the text. */
static bool shape(pp_text *t, pp_lines *l, const prepared *p, const pp_font_spec *font,
                  double width, pp_align align)
{
    bool wrapped = width > 0 && isfinite(width);
    /* first guess: glyphs a quarter of an em wide, two bytes each */
    double guess = wrapped ? CHUNK_LINES * 2 * width / (0.25 * spec_size(font)) : 0;
    size_t from = 0, size = guess < CHUNK ? CHUNK : guess > 1e6 ? 1000000 : (size_t)guess;
    bool ok = true;
    do {
        size_t to = wrapped ? chunk_end(p, from, size) : p->len, next;
        size_t lines_before = l->nlines;
        PangoAttrList *attrs = range_attrs(p, from, to, font);
        PangoLayout *lay = make_layout(t, p->text + from, to - from, attrs, font, width, align);
        ok = copy_chunk(t, l, lay, p, from, to, &next);
        g_object_unref(lay);
        pango_attr_list_unref(attrs);
        if (next == from) {
            size = size < p->len / 2 ? size * 2 : p->len;
        } else {
            size_t per_line = (next - from) / (l->nlines - lines_before);
            size = per_line * CHUNK_LINES + CHUNK;
        }
        from = next;
    } while (ok && from < p->len);
    return ok;
}

/* Gives back what the arrays grew past their use: a layout keeps the
 * lines of every cell of a table until the table is placed, and most hold
 * a few glyphs in arrays that grew to 16 entries or more. */
static void shrink(pp_lines *l)
{
    void *p;
#define SHRINK(arr, n, cap)                                                    \
    if (l->n < l->cap && l->n > 0 && (p = realloc(l->arr, l->n * sizeof *l->arr))) { \
        l->arr = p;                                                            \
        l->cap = l->n;                                                         \
    }
    SHRINK(lines, nlines, cap_lines)
    SHRINK(runs, nruns, cap_runs)
    SHRINK(glyphs, nglyphs, cap_glyphs)
    SHRINK(clusters, nclusters, cap_clusters)
#undef SHRINK
    if (l->ntext + 1 < l->cap_text && (p = realloc(l->text, l->ntext + 1))) {
        l->text = p;
        l->cap_text = l->ntext + 1;
    }
}

pp_lines *pp_text_shape_rich(pp_text *t, const pp_rich *text, const pp_font_spec *font,
                             double width, pp_align align)
{
    static const pp_font_spec body = {.family = "DejaVu Serif", .size = 10};
    if (!font)
        font = &body;
    pp_lines *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->size = spec_size(font);
    l->spacing = font->line_spacing > 0 && isfinite(font->line_spacing) ? font->line_spacing : 1.0;
    prepared p;
    join_spans(text, &p);
    prepare(&p);
    bool ok = shape(t, l, &p, font, width, align);
    g_free(p.text);
    g_free(p.ranges);
    if (!ok) {
        pp_lines_free(l);
        return NULL;
    }
    shrink(l);
    return l;
}

pp_lines *pp_text_shape(pp_text *t, const char *utf8, const pp_font_spec *font, double width,
                        pp_align align)
{
    pp_span span = {.text = utf8 ? utf8 : "", .style = PP_SPAN_PLAIN};
    pp_rich rich = {.spans = &span, .nspans = 1};
    return pp_text_shape_rich(t, &rich, font, width, align);
}

size_t pp_lines_bytes(const pp_lines *l)
{
    if (!l)
        return 0;
    return sizeof *l + l->cap_text + l->cap_lines * sizeof *l->lines +
           l->cap_runs * sizeof *l->runs + l->cap_glyphs * sizeof *l->glyphs +
           l->cap_clusters * sizeof *l->clusters;
}

void pp_lines_free(pp_lines *l)
{
    if (!l)
        return;
    free(l->text);
    free(l->lines);
    free(l->runs);
    free(l->glyphs);
    free(l->clusters);
    free(l);
}

/* ---- measuring ----------------------------------------------------------- */

size_t pp_lines_count(const pp_lines *l)
{
    return l ? l->nlines : 0;
}

/* Each line takes its logical height times the spacing; the extra space
 * is shared above and below the line (like CSS half-leading). */
static double pitch(const pp_lines *l, size_t i)
{
    return l->lines[i].height * l->spacing;
}

double pp_lines_height(const pp_lines *l, size_t first, size_t n)
{
    double h = 0;
    for (size_t i = first; l && i < l->nlines && i - first < n; i++)
        h += pitch(l, i);
    return h;
}

double pp_lines_total_height(const pp_lines *l)
{
    return pp_lines_height(l, 0, pp_lines_count(l));
}

double pp_lines_width(const pp_lines *l)
{
    double w = 0;
    for (size_t i = 0; l && i < l->nlines; i++)
        if (l->lines[i].width > w)
            w = l->lines[i].width;
    return w;
}

double pp_lines_baseline(const pp_lines *l, size_t i)
{
    if (!l || i >= l->nlines)
        return 0;
    return (pitch(l, i) - l->lines[i].height) / 2 + l->lines[i].ascent;
}

/* ---- emitting ------------------------------------------------------------ */

/* A struck-through run (a revised target's old value) is the run and a
 * line across it, at three tenths of the size above the baseline, in the
 * text's colour: a line item of its own, so that every backend draws it
 * the same and a reader of the display list sees it. */
static bool strike_through(pp_page *p, const pp_dl_item *run)
{
    double size = run->u.text.size, y = run->u.text.y - 0.3 * size;
    pp_dl_item line = {.kind = PP_DL_LINE};
    line.u.line.x1 = run->u.text.x;
    line.u.line.x2 = run->u.text.x + run->u.text.width;
    line.u.line.y1 = line.u.line.y2 = y;
    line.u.line.paint = (pp_paint){.stroke = true, .stroke_color = run->u.text.color,
                                   .line_width = size / 16};
    return pp_page_add(p, &line) != NULL;
}

static bool emit_run(const pp_lines *l, const text_run *r, pp_page *p, double x, double y,
                     pp_rgb color, bool strike)
{
    pp_dl_item it = {.kind = PP_DL_TEXT};
    it.u.text.font = r->font;
    it.u.text.size = l->size;
    it.u.text.color = color;
    it.u.text.x = x + r->x;
    it.u.text.y = y;
    it.u.text.width = r->width;
    it.u.text.utf8 = pp_arena_strndup(p->arena, l->text + r->text0, r->ntext);
    it.u.text.nglyphs = r->nglyphs;
    it.u.text.glyphs = pp_arena_alloc(p->arena, (r->nglyphs ? r->nglyphs : 1) * sizeof(pp_glyph));
    if (!it.u.text.utf8 || !it.u.text.glyphs)
        return false;
    memcpy(it.u.text.glyphs, l->glyphs + r->glyph0, r->nglyphs * sizeof(pp_glyph));
    if (r->nclusters) {
        it.u.text.clusters = pp_arena_alloc(p->arena, r->nclusters * sizeof(pp_cluster));
        if (!it.u.text.clusters)
            return false;
        memcpy(it.u.text.clusters, l->clusters + r->cluster0, r->nclusters * sizeof(pp_cluster));
        it.u.text.nclusters = r->nclusters;
    }
    if (!pp_page_add(p, &it))
        return false;
    return !strike || strike_through(p, &it);
}

bool pp_lines_emit(const pp_lines *l, size_t first, size_t n, pp_page *p, double x, double y,
                   pp_rgb color, bool strike)
{
    for (size_t i = first; l && i < l->nlines && i - first < n; i++) {
        const text_line *ln = &l->lines[i];
        double base = y + pp_lines_baseline(l, i);
        for (size_t k = 0; k < ln->nruns; k++) {
            const text_run *r = &l->runs[ln->run0 + k];
            if (r->nglyphs == 0 && r->ntext == 0)
                continue;
            if (!emit_run(l, r, p, x + ln->x, base, color, strike))
                return false;
        }
        y += pitch(l, i);
    }
    return true;
}
