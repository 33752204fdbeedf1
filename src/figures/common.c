/* What the figures share: text placed and measured through the text
 * module, colours of the bands, boxes, legends and the path helpers. */
#include "fig_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"

pp_paint fig_fill(pp_rgb c) { return (pp_paint){.fill = true, .fill_color = c}; }

pp_paint fig_stroke(pp_rgb c, double line_width)
{
    return (pp_paint){.stroke = true, .stroke_color = c, .line_width = line_width};
}

pp_paint fig_fill_stroke(pp_rgb fill, pp_rgb stroke, double line_width)
{
    return (pp_paint){.fill = true,
                      .stroke = true,
                      .fill_color = fill,
                      .stroke_color = stroke,
                      .line_width = line_width};
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool pp_rgb_parse(const char *hex, pp_rgb *out)
{
    if (!hex || hex[0] != '#' || strlen(hex) != 7) return false;
    int v[6];
    for (int i = 0; i < 6; i++)
        if ((v[i] = hex_digit(hex[1 + i])) < 0) return false;
    if (out) {
        out->r = (v[0] * 16 + v[1]) / 255.0;
        out->g = (v[2] * 16 + v[3]) / 255.0;
        out->b = (v[4] * 16 + v[5]) / 255.0;
    }
    return true;
}

pp_rgb fig_band_colour(const pp_smvp *s, int band, pp_rgb fallback)
{
    pp_rgb c;
    if (!s || band < 0 || (size_t)band >= s->nbands) return fallback;
    return pp_rgb_parse(s->bands[band].colour, &c) ? c : fallback;
}

const char *fig_band_label(const pp_smvp *s, int band)
{
    if (!s || band < 0 || (size_t)band >= s->nbands || !s->bands[band].label) return "non valutato";
    return s->bands[band].label;
}

double fig_grey_level(pp_rgb c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b; }

pp_rgb fig_darker(pp_rgb c, double k) { return (pp_rgb){c.r * k, c.g * k, c.b * k}; }

/* ---- items ---------------------------------------------------------------- */

bool fig_tag_begin(pp_page *p, const char *name, const char *alt)
{
    pp_dl_item it = {.kind = PP_DL_TAG_BEGIN};
    it.u.tag.name = name;
    it.u.tag.alt = alt ? pp_arena_strdup(p->arena, alt) : NULL;
    if (alt && !it.u.tag.alt) return false;
    return pp_page_add(p, &it) != NULL;
}

bool fig_tag_end(pp_page *p, const char *name)
{
    pp_dl_item it = {.kind = PP_DL_TAG_END};
    it.u.tag.name = name; /* backends check it against the open element */
    return pp_page_add(p, &it) != NULL;
}

bool fig_rect(pp_page *p, double x, double y, double w, double h, pp_paint paint)
{
    if (!(w > 0 && h > 0)) return true; /* nothing to show */
    pp_dl_item it = {.kind = PP_DL_RECT};
    it.u.rect.x = x;
    it.u.rect.y = y;
    it.u.rect.w = w;
    it.u.rect.h = h;
    it.u.rect.paint = paint;
    return pp_page_add(p, &it) != NULL;
}

bool fig_line(pp_page *p, double x1, double y1, double x2, double y2, pp_rgb c, double lw)
{
    pp_dl_item it = {.kind = PP_DL_LINE};
    it.u.line.x1 = x1;
    it.u.line.y1 = y1;
    it.u.line.x2 = x2;
    it.u.line.y2 = y2;
    it.u.line.paint = fig_stroke(c, lw);
    return pp_page_add(p, &it) != NULL;
}

/* ---- paths ---------------------------------------------------------------- */

void fig_path_init(fig_path *fp)
{
    fp->n = 0;
    fp->overflow = false;
}

static pp_path_step *step(fig_path *fp, pp_path_op op)
{
    if (fp->n >= FIG_PATH_MAX) {
        fp->overflow = true;
        return NULL;
    }
    pp_path_step *s = &fp->steps[fp->n++];
    memset(s, 0, sizeof *s);
    s->op = op;
    return s;
}

void fig_move(fig_path *fp, double x, double y)
{
    pp_path_step *s = step(fp, PP_PATH_MOVE);
    if (s) s->x = x, s->y = y;
}

void fig_lineto(fig_path *fp, double x, double y)
{
    pp_path_step *s = step(fp, PP_PATH_LINE);
    if (s) s->x = x, s->y = y;
}

void fig_curve(fig_path *fp, double x1, double y1, double x2, double y2, double x3, double y3)
{
    pp_path_step *s = step(fp, PP_PATH_CURVE);
    if (!s) return;
    s->x1 = x1, s->y1 = y1, s->x2 = x2, s->y2 = y2;
    s->x = x3, s->y = y3; /* the end point */
}

void fig_arc(fig_path *fp, double cx, double cy, double r, double a1, double a2)
{
    pp_path_step *s = step(fp, PP_PATH_ARC);
    if (s) s->cx = cx, s->cy = cy, s->r = r, s->a1 = a1, s->a2 = a2;
}

void fig_arc_ccw(fig_path *fp, double cx, double cy, double r, double a1, double a2)
{
    fig_lineto(fp, cx + r * cos(a1), cy + r * sin(a1));
    /* Pieces of at most a quarter turn: the cubic error stays under 0.03 %
     * of the radius. */
    int pieces = (int)ceil((a1 - a2) / (FIG_PI / 2) - 1e-9);
    if (pieces < 1) pieces = 1;
    double d = (a2 - a1) / pieces;
    double k = 4.0 / 3.0 * tan(d / 4);
    for (int i = 0; i < pieces; i++) {
        double s = a1 + d * i, e = s + d;
        double x0 = cx + r * cos(s), y0 = cy + r * sin(s);
        double x3 = cx + r * cos(e), y3 = cy + r * sin(e);
        fig_curve(fp, x0 - k * r * sin(s), y0 + k * r * cos(s), x3 + k * r * sin(e),
                  y3 - k * r * cos(e), x3, y3);
    }
}

void fig_close(fig_path *fp) { step(fp, PP_PATH_CLOSE); }

bool fig_path_emit(const fig_path *fp, pp_page *p, pp_paint paint)
{
    if (fp->overflow || fp->n == 0) return true;
    pp_path_step *steps = pp_arena_alloc(p->arena, fp->n * sizeof *steps);
    if (!steps) return false;
    memcpy(steps, fp->steps, fp->n * sizeof *steps);
    pp_dl_item it = {.kind = PP_DL_PATH};
    it.u.path.nsteps = fp->n;
    it.u.path.steps = steps;
    it.u.path.paint = paint;
    return pp_page_add(p, &it) != NULL;
}

bool fig_disc(pp_page *p, double cx, double cy, double r, pp_paint paint)
{
    if (!(r > 0)) return true;
    fig_path fp;
    fig_path_init(&fp);
    fig_move(&fp, cx + r, cy);
    fig_arc(&fp, cx, cy, r, 0, 2 * FIG_PI);
    fig_close(&fp);
    return fig_path_emit(&fp, p, paint);
}

bool fig_ring_sector(pp_page *p, double cx, double cy, double r_in, double r_out, double a1,
                     double a2, pp_paint paint)
{
    if (!(a2 > a1) || !(r_out > r_in)) return true;
    fig_path fp;
    fig_path_init(&fp);
    fig_move(&fp, cx + r_out * cos(a1), cy + r_out * sin(a1));
    fig_arc(&fp, cx, cy, r_out, a1, a2);
    if (r_in > 0)
        fig_arc_ccw(&fp, cx, cy, r_in, a2, a1);
    else
        fig_lineto(&fp, cx, cy);
    fig_close(&fp);
    return fig_path_emit(&fp, p, paint);
}

bool fig_thick_segment(pp_page *p, double x1, double y1, double x2, double y2, double t, pp_rgb c)
{
    double dx = x2 - x1, dy = y2 - y1, len = hypot(dx, dy);
    double h = t / 2;
    if (len > 1e-9) {
        double nx = -dy / len * h, ny = dx / len * h;
        fig_path fp;
        fig_path_init(&fp);
        fig_move(&fp, x1 + nx, y1 + ny);
        fig_lineto(&fp, x2 + nx, y2 + ny);
        fig_lineto(&fp, x2 - nx, y2 - ny);
        fig_lineto(&fp, x1 - nx, y1 - ny);
        fig_close(&fp);
        if (!fig_path_emit(&fp, p, fig_fill(c))) return false;
    }
    return fig_disc(p, x1, y1, h, fig_fill(c)) && fig_disc(p, x2, y2, h, fig_fill(c));
}

/* ---- text ------------------------------------------------------------------ */

/* Copy of s with every run of white space (new lines of the XML source
 * included) made one space, and no space at either end. */
static char *squeeze(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1), *o = out;
    if (!out) return NULL;
    bool space = false;
    for (const char *c = s; *c; c++) {
        bool ws = *c == ' ' || *c == '\t' || *c == '\n' || *c == '\r';
        if (ws) {
            space = o > out;
            continue;
        }
        if (space) *o++ = ' ';
        space = false;
        *o++ = *c;
    }
    *o = '\0';
    return out;
}

typedef struct {
    pp_text *t;
    const pp_font_spec *font;
    const char *bold; /* NULL when none */
    const char *text;
    double width;
    pp_align align;
    char *buf; /* text prefix + ellipsis */
} clamp_job;

/* Shapes bold + the first n bytes of text (+ "…" when cut). */
static pp_lines *shape_prefix(clamp_job *j, size_t n, bool ellipsis)
{
    memcpy(j->buf, j->text, n);
    while (ellipsis && n > 0 && (j->buf[n - 1] == ' ' || j->buf[n - 1] == ','))
        n--; /* "parola…", not "parola ,…" */
    strcpy(j->buf + n, ellipsis ? "\xE2\x80\xA6" : "");
    if (!j->bold) return pp_text_shape(j->t, j->buf, j->font, j->width, j->align);
    pp_span spans[2] = {{j->bold, PP_SPAN_BOLD}, {j->buf, PP_SPAN_PLAIN}};
    pp_rich rich = {spans, j->buf[0] ? 2 : 1};
    return pp_text_shape_rich(j->t, &rich, j->font, j->width, j->align);
}

/* Characters that max_lines could hold even in the narrowest glyphs: a
 * longer text cannot fit, and a longer prefix is never tried. */
static size_t fit_cap(const clamp_job *j, size_t max_lines)
{
    double size = j->font->size > 0 ? j->font->size : 10;
    double width = isfinite(j->width) && j->width > 0 ? fmin(j->width, 1e5) : 0;
    return (size_t)(fmin(max_lines, 1000) * (width / (0.15 * size) + 2)) + 8;
}

/* Largest prefix of j->text, cut at a character (at a word when one is
 * near), that fits max_lines with an ellipsis. */
static pp_lines *clamp_search(clamp_job *j, size_t max_lines)
{
    size_t len = strlen(j->text);
    /* Byte offsets of character starts, searched by bisection, up to the
     * cap: a 100,000-character title costs a few short shapings. */
    size_t cap = fit_cap(j, max_lines);
    size_t n = len < cap ? len : cap;
    size_t *starts = malloc((n + 1) * sizeof *starts), nc = 0, i;
    if (!starts) return NULL;
    for (i = 0; i < len; i++) {
        if (((unsigned char)j->text[i] & 0xC0) == 0x80) continue;
        if (nc == n) break;
        starts[nc++] = i;
    }
    starts[nc] = i;         /* end of the last character taken */
    size_t lo = 0, hi = nc; /* chars: lo fits (assumed), hi unknown */
    pp_lines *best = NULL;
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        pp_lines *l = shape_prefix(j, starts[mid], true);
        if (!l) break;
        if (pp_lines_count(l) <= max_lines) {
            pp_lines_free(best);
            best = l;
            lo = mid;
        } else {
            pp_lines_free(l);
            hi = mid - 1;
        }
    }
    size_t cut = starts[lo];
    /* Prefer ending at a word when one ends in the last third. */
    size_t word = cut;
    while (word > 0 && j->text[word] != ' ') word--;
    if (word < cut && j->text[word] == ' ' && word * 3 >= cut * 2) {
        pp_lines *l = shape_prefix(j, word, true);
        if (l && pp_lines_count(l) <= max_lines) {
            pp_lines_free(best);
            best = l;
        } else {
            pp_lines_free(l);
        }
    }
    if (!best) best = shape_prefix(j, 0, true);
    free(starts);
    return best;
}

pp_lines *fig_shape_clamped(pp_text *t, const pp_font_spec *font, const char *bold,
                            const char *text, double width, pp_align align, size_t max_lines)
{
    if (!t || !font) return NULL;
    if (max_lines == 0) max_lines = 1;
    char *clean = squeeze(text ? text : "");
    char *clean_bold = bold && bold[0] ? squeeze(bold) : NULL;
    bool oom = bold && bold[0] && !clean_bold;
    if (clean_bold && !clean_bold[0]) {
        free(clean_bold);
        clean_bold = NULL;
    }
    if (clean && clean_bold && clean[0]) { /* the title follows the code after a space */
        char *spaced = malloc(strlen(clean) + 2);
        if (spaced) {
            spaced[0] = ' ';
            strcpy(spaced + 1, clean);
        }
        free(clean);
        clean = spaced;
    }
    char *buf = clean ? malloc(strlen(clean) + 8) : NULL;
    pp_lines *l = NULL;
    if (buf && !oom) {
        clamp_job j = {t, font, clean_bold, clean, width, align, buf};
        /* whole only when it might fit: shaping all of a long text just to
         * count its lines was the cost of every box of the tree */
        size_t chars = 0;
        for (const char *p = clean; *p; p++) chars += ((unsigned char)*p & 0xC0) != 0x80;
        l = chars <= fit_cap(&j, max_lines) ? shape_prefix(&j, strlen(clean), false) : NULL;
        if (!l || pp_lines_count(l) > max_lines) {
            pp_lines_free(l);
            l = clamp_search(&j, max_lines);
        }
        if (l && pp_lines_count(l) > max_lines && clean_bold) {
            /* A code too long for the lines on its own: cut it as text. */
            pp_lines_free(l);
            char *both = malloc(strlen(clean_bold) + strlen(clean) + 8);
            if (both) {
                sprintf(both, "%s%s", clean_bold, clean);
                free(buf);
                buf = malloc(strlen(both) + 8);
                clamp_job k = {t, font, NULL, both, width, align, buf};
                l = buf ? clamp_search(&k, max_lines) : NULL;
            } else {
                l = NULL;
            }
            free(both);
        }
    }
    free(buf);
    free(clean);
    free(clean_bold);
    return l;
}

bool fig_emit(const pp_lines *l, pp_page *p, double x, double y, pp_rgb c)
{
    if (!l) return true;
    return pp_lines_emit(l, 0, pp_lines_count(l), p, x, y, c, false);
}

double fig_height(const pp_lines *l) { return l ? pp_lines_total_height(l) : 0; }

pp_font_spec fig_font(const pp_font_spec *base, double size, bool bold)
{
    pp_font_spec f = *base;
    f.size = size;
    f.bold = bold;
    /* An explicit weight would override `bold`. */
    if (bold && f.weight > 0 && f.weight < 700) f.weight = 700;
    if (!bold && f.weight >= 600) f.weight = 0;
    return f;
}

void fig_percent(double v, char *buf, size_t size)
{
    if (!isfinite(v))
        snprintf(buf, size, "N/D");
    else
        pp_fmt_percent_it(v, buf, size);
}
