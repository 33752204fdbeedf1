/* Semicircular gauge: a ring of band-coloured sectors over 0-100 %, a
 * needle at the value, the value printed large under the pivot after the
 * band's traffic light (on a grey printout red and green sectors look the
 * same; the light's symbol and the numbers at the band limits still tell
 * them apart) and a caption under it. Height and drawing share one layout
 * function, so the height the layout reserves is exactly the height drawn. */
#include <math.h>
#include <stdio.h>

#include "fig_common.h"
#include "numfmt.h"
#include "score.h"

#define PAD 2.0 /* clear space at the box edges */
#define MAX_RADIUS 120.0
#define OUTLINE 0.75 /* line width of the dial's outline */
#define INNER 0.6    /* inner radius of the ring, as a share of the outer */
#define NEEDLE 0.9   /* needle length, as a share of the outer radius */
#define GAP 4.0      /* pivot -> value, value -> caption */
#define LIGHT 0.32   /* radius of the light before the value, in value font sizes */

typedef struct {
    double r;       /* outer radius of the dial (outline included) */
    double pivot_r; /* radius of the pivot disc */
    double cy;      /* pivot, from the top of the box */
    pp_font_spec value_font, tick_font;
    bool ticks;     /* numbers at the band limits (when the dial is big enough) */
    double tick_h, tick_w; /* tick_w: of a two-digit number */
    double value_top, value_h;
    pp_lines *caption;
    double caption_top;
    double height;
} gauge_geo;

/* The widest value ever printed sets the size of the value font. */
#define WIDEST_VALUE "100,00 %"

static bool gauge_layout(pp_text *t, const pp_figure_style *s, double w, const char *caption,
                         gauge_geo *g)
{
    *g = (gauge_geo){0};
    g->r = fmin((w - 2 * PAD) / 2, MAX_RADIUS);
    g->pivot_r = fmax(2.5, 0.07 * g->r);
    g->cy = PAD + g->r;
    g->tick_font = fig_font(&s->label, s->label.size * 0.85, false);
    g->value_font = fig_font(&s->value, s->value.size, s->value.bold);
    pp_lines *probe = pp_text_shape(t, WIDEST_VALUE, &g->value_font, 0, PP_ALIGN_LEFT);
    if (!probe) return false;
    double natural = pp_lines_width(probe);
    pp_lines_free(probe);
    /* The light and its gap grow with the font, like the text. */
    double light = (2 * LIGHT + 0.25) * g->value_font.size;
    if (natural + light > w - 2 * PAD && natural + light > 0)
        g->value_font.size *= (w - 2 * PAD) / (natural + light) * 0.98;
    /* The slot of the value is measured on a fixed string, so the height
     * does not depend on the value. */
    probe = pp_text_shape(t, WIDEST_VALUE "N/D", &g->value_font, 0, PP_ALIGN_LEFT);
    if (!probe) return false;
    g->value_h = pp_lines_total_height(probe);
    pp_lines_free(probe);
    g->value_top = g->cy + g->pivot_r + GAP;
    g->ticks = g->r >= 50;
    if (g->ticks) { /* "0" and "100" stand under the feet of the dial */
        probe = pp_text_shape(t, "0", &g->tick_font, 0, PP_ALIGN_LEFT);
        if (!probe) return false;
        g->tick_h = pp_lines_total_height(probe);
        pp_lines_free(probe);
        probe = pp_text_shape(t, "00", &g->tick_font, 0, PP_ALIGN_LEFT);
        if (!probe) return false;
        g->tick_w = pp_lines_width(probe);
        pp_lines_free(probe);
        g->value_top = g->cy + fmax(g->pivot_r + GAP, g->tick_h + 2);
    }
    g->height = g->value_top + g->value_h;
    if (caption && caption[0]) {
        g->caption =
            fig_shape_clamped(t, &s->label, NULL, caption, w - 2 * PAD, PP_ALIGN_CENTER, 3);
        if (!g->caption) return false;
        g->caption_top = g->height + GAP / 2;
        g->height = g->caption_top + pp_lines_total_height(g->caption);
    }
    g->height += PAD;
    return true;
}

/* Smallest width at which a gauge is still drawn. */
static bool too_narrow(double w) { return !(w >= 40) || !isfinite(w); }

double pp_gauge_height(pp_text *t, const pp_figure_style *s, double w, const char *caption)
{
    if (!t || !s || too_narrow(w)) return 0;
    gauge_geo g;
    bool ok = gauge_layout(t, s, w, caption, &g);
    pp_lines_free(g.caption);
    return ok ? g.height : 0;
}

static double angle_of(double v) { return FIG_PI + FIG_PI * fig_clamp(v, 0, 100) / 100; }

/* Sectors of the bands; grey where no band applies. */
static bool dial(pp_page *p, const pp_smvp *smvp, double cx, double cy, double r_in, double r_out)
{
    pp_rgb none = {0.85, 0.85, 0.85};
    size_t n = smvp ? smvp->nbands : 0;
    double first = n ? fig_clamp(smvp->bands[0].from, 0, 100) : 100;
    if (!isfinite(first)) first = 0;
    if (first > 0 &&
        !fig_ring_sector(p, cx, cy, r_in, r_out, angle_of(0), angle_of(first), fig_fill(none)))
        return false;
    for (size_t i = 0; i < n; i++) {
        double from = fig_clamp(smvp->bands[i].from, 0, 100);
        double to = i + 1 < n ? fig_clamp(smvp->bands[i + 1].from, 0, 100) : 100;
        if (!(to > from)) continue;
        pp_rgb c = fig_band_colour(smvp, (int)i, none);
        if (!fig_ring_sector(p, cx, cy, r_in, r_out, angle_of(from), angle_of(to), fig_fill(c)))
            return false;
    }
    return true;
}

/* The numbers where bands start, 0 and 100, inside the ring. */
static bool tick_labels(pp_page *p, pp_text *t, const gauge_geo *g, const pp_figure_style *s,
                        const pp_smvp *smvp, double cx, double cy, double r_in)
{
    size_t n = smvp ? smvp->nbands : 0;
    double prev = -100;
    for (size_t i = 0; i <= n + 1; i++) {
        double v = i == 0 ? 0 : i <= n ? smvp->bands[i - 1].from : 100;
        if (!isfinite(v) || v < 0 || v > 100 || v - prev < 5) continue;
        if (i <= n && v == 100) continue; /* printed once, at the end */
        prev = v;
        char buf[32];
        pp_fmt_it(v, v == floor(v) ? 0 : 1, buf, sizeof buf);
        pp_lines *l = pp_text_shape(t, buf, &g->tick_font, 0, PP_ALIGN_LEFT);
        if (!l) return false;
        double a = angle_of(v), lw = pp_lines_width(l), lh = pp_lines_total_height(l);
        double rr = r_in - 2 - 0.5 * fmax(lw, lh);
        double tx = cx + rr * cos(a) - lw / 2;
        double ty = fmin(cy + rr * sin(a) - lh / 2, cy - lh - 1);
        if (v == 0 || v == 100) { /* under the foot of the ring, clear of the needle */
            tx = cx + (v == 0 ? -1 : 1) * (r_in + g->r) / 2 - lw / 2;
            ty = cy + 1;
        }
        bool ok = fig_emit(l, p, tx, ty, s->muted);
        pp_lines_free(l);
        if (!ok) return false;
    }
    return true;
}

static bool needle(pp_page *p, double cx, double cy, double len, double base, double v, pp_rgb c)
{
    double a = angle_of(v), ux = cos(a), uy = sin(a);
    fig_path fp;
    fig_path_init(&fp);
    fig_move(&fp, cx + len * ux, cy + len * uy);
    fig_lineto(&fp, cx - base * uy, cy + base * ux);
    fig_lineto(&fp, cx + base * uy, cy - base * ux);
    fig_close(&fp);
    return fig_path_emit(&fp, p, fig_fill(c));
}

/* The needle at the value. With numbers inside the ring it stops short of
 * them (a needle at 60 % used to cover the "60"), and a mark across the
 * ring shows the value there instead. */
static bool pointer(pp_page *p, const gauge_geo *g, double cx, double cy, double r_in,
                    double r_out, double v, pp_rgb c)
{
    double len = NEEDLE * g->r, base = 0.6 * g->pivot_r;
    if (!g->ticks) return needle(p, cx, cy, len, base, v, c);
    len = fmax(r_in - 2 - fmax(g->tick_w, g->tick_h) - 3, 0.4 * g->r);
    double a = angle_of(v);
    return needle(p, cx, cy, len, base, v, c) &&
           fig_line(p, cx + r_in * cos(a), cy + r_in * sin(a), cx + r_out * cos(a),
                    cy + r_out * sin(a), c, 2.5);
}

static char *gauge_alt(pp_page *p, const pp_smvp *smvp, double value, const char *caption)
{
    char num[64];
    fig_percent(value, num, sizeof num);
    const char *judgement = "";
    if (isfinite(value) && smvp && smvp->nbands)
        judgement = fig_band_label(smvp, pp_band_of(smvp, fig_clamp(value, 0, 100)));
    bool cap = caption && caption[0];
    return pp_arena_printf(p->arena, "%s%s%s%s%s", cap ? caption : "", cap ? ": " : "", num,
                           judgement[0] ? ", " : "", judgement);
}

static bool gauge_body(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_smvp *smvp,
                       double value, const gauge_geo *g, double x, double y, double w)
{
    double cx = x + w / 2, cy = y + g->cy;
    double r_out = g->r - OUTLINE / 2, r_in = INNER * g->r;
    if (!dial(p, smvp, cx, cy, r_in, r_out)) return false;
    /* Separators between bands, so neighbouring greys stay apart. */
    for (size_t i = 1; smvp && i < smvp->nbands; i++) {
        double a = angle_of(smvp->bands[i].from);
        if (smvp->bands[i].from <= 0 || smvp->bands[i].from >= 100) continue;
        if (!fig_line(p, cx + r_in * cos(a), cy + r_in * sin(a), cx + r_out * cos(a),
                      cy + r_out * sin(a), FIG_WHITE, 1))
            return false;
    }
    fig_path outline;
    fig_path_init(&outline);
    fig_move(&outline, cx - r_out, cy);
    fig_arc(&outline, cx, cy, r_out, FIG_PI, 2 * FIG_PI);
    fig_arc_ccw(&outline, cx, cy, r_in, 2 * FIG_PI, FIG_PI);
    fig_close(&outline);
    if (!fig_path_emit(&outline, p, fig_stroke(s->line, OUTLINE))) return false;
    if (g->ticks && !tick_labels(p, t, g, s, smvp, cx, cy, r_in)) return false;
    if (isfinite(value) && !pointer(p, g, cx, cy, r_in, r_out, value, s->text)) return false;
    if (!fig_disc(p, cx, cy, g->pivot_r, fig_fill(s->text))) return false;

    char num[64];
    fig_percent(isfinite(value) ? fig_clamp(value, 0, 100) : value, num, sizeof num);
    pp_lines *l = pp_text_shape(t, num, &g->value_font, 0, PP_ALIGN_LEFT);
    if (!l) return false;
    /* The light and the value, centred together. */
    bool bands = smvp && smvp->nbands;
    double r = LIGHT * g->value_font.size, gap = 0.25 * g->value_font.size;
    double lw = bands ? 2 * r + gap : 0, vw = pp_lines_width(l);
    double left = x + fmax(PAD, (w - lw - vw) / 2);
    int band = isfinite(value) && bands ? pp_band_of(smvp, fig_clamp(value, 0, 100)) : -1;
    bool ok =
        (!bands || fig_light(p, smvp, band, left + r, y + g->value_top + g->value_h / 2, r)) &&
        fig_emit(l, p, left + lw, y + g->value_top, s->text);
    pp_lines_free(l);
    return ok && fig_emit(g->caption, p, x + PAD, y + g->caption_top, s->text);
}

bool pp_gauge_draw(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_smvp *smvp,
                   double value, const char *caption, double x, double y, double w)
{
    if (!p || !t || !s) return false;
    if (too_narrow(w) || !isfinite(x) || !isfinite(y)) return true;
    gauge_geo g = {0};
    char *alt = gauge_alt(p, smvp, value, caption);
    bool ok = alt && gauge_layout(t, s, w, caption, &g) && fig_tag_begin(p, "Figure", alt) &&
              gauge_body(p, t, s, smvp, value, &g, x, y, w) && fig_tag_end(p, "Figure");
    pp_lines_free(g.caption);
    return ok;
}
