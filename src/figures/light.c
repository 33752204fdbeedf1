/* Traffic-light mark: a disc in the band's colour with a symbol drawn as
 * paths (never a font glyph, so it does not depend on a font's coverage),
 * so the judgement stays readable on a grey printout. */
#include <math.h>

#include "fig_common.h"

/* Symbol strokes in units of the disc radius. */
#define STROKE 0.2

static bool check_mark(pp_page *p, double cx, double cy, double r, pp_rgb c)
{
    double t = STROKE * r;
    return fig_thick_segment(p, cx - 0.42 * r, cy + 0.02 * r, cx - 0.12 * r, cy + 0.32 * r, t, c) &&
           fig_thick_segment(p, cx - 0.12 * r, cy + 0.32 * r, cx + 0.44 * r, cy - 0.28 * r, t, c);
}

static bool cross(pp_page *p, double cx, double cy, double r, pp_rgb c)
{
    double t = STROKE * r, a = 0.32 * r;
    return fig_thick_segment(p, cx - a, cy - a, cx + a, cy + a, t, c) &&
           fig_thick_segment(p, cx - a, cy + a, cx + a, cy - a, t, c);
}

static bool exclamation(pp_page *p, double cx, double cy, double r, pp_rgb c)
{
    return fig_thick_segment(p, cx, cy - 0.46 * r, cx, cy + 0.12 * r, 0.22 * r, c) &&
           fig_disc(p, cx, cy + 0.40 * r, 0.13 * r, fig_fill(c));
}

static bool question(pp_page *p, double cx, double cy, double r, pp_rgb c)
{
    double t = STROKE * r, hr = 0.24 * r, hy = cy - 0.18 * r;
    /* The hook: from the left, over the top, down to the middle. */
    double a1 = FIG_PI + 0.15, a2 = 2.5 * FIG_PI;
    double sx = cx + hr * cos(a1), sy = hy + hr * sin(a1);
    return fig_ring_sector(p, cx, hy, hr - t / 2, hr + t / 2, a1, a2, fig_fill(c)) &&
           fig_disc(p, sx, sy, t / 2, fig_fill(c)) &&
           fig_thick_segment(p, cx, hy + hr, cx, cy + 0.16 * r, t, c) &&
           fig_disc(p, cx, cy + 0.42 * r, 0.12 * r, fig_fill(c));
}

bool fig_light(pp_page *p, const pp_smvp *smvp, int band, double cx, double cy, double radius)
{
    if (!(radius > 0) || !isfinite(cx) || !isfinite(cy) || !isfinite(radius)) return true;
    size_t nbands = smvp ? smvp->nbands : 0;
    if (band < 0 || (size_t)band >= nbands) band = -1;
    pp_rgb colour = fig_band_colour(smvp, band, FIG_GREY);
    double lw = fmax(0.4, 0.08 * radius);
    if (lw > radius / 2) lw = radius / 2;
    /* A thin darker rim keeps a light yellow disc visible on white paper. */
    if (!fig_disc(p, cx, cy, radius - lw / 2, fig_fill_stroke(colour, fig_darker(colour, 0.6), lw)))
        return false;
    /* White on dark colours, near-black on light ones: the contrast a grey
     * printout keeps. */
    pp_rgb ink = fig_grey_level(colour) > 0.6 ? (pp_rgb){0.13, 0.13, 0.13} : FIG_WHITE;
    double r = radius - lw;
    switch (fig_light_symbol(smvp, band)) {
    case FIG_SYMBOL_QUESTION: return question(p, cx, cy, r, ink);
    case FIG_SYMBOL_CHECK: return check_mark(p, cx, cy, r, ink);
    case FIG_SYMBOL_CROSS: return cross(p, cx, cy, r, ink);
    case FIG_SYMBOL_BANG: break;
    }
    return exclamation(p, cx, cy, r, ink);
}

fig_symbol fig_light_symbol(const pp_smvp *smvp, int band)
{
    size_t nbands = smvp ? smvp->nbands : 0;
    if (band < 0 || (size_t)band >= nbands) return FIG_SYMBOL_QUESTION;
    /* The top band (a single band is read as "met": the only judgement). */
    if ((size_t)band == nbands - 1) return FIG_SYMBOL_CHECK;
    if (band == 0) return FIG_SYMBOL_CROSS;
    return FIG_SYMBOL_BANG;
}

bool pp_light_draw(pp_page *p, pp_text *t, const pp_smvp *smvp, int band, double cx, double cy,
                   double radius)
{
    (void)t; /* the symbol is drawn, not set in a font */
    if (!p) return false;
    size_t nbands = smvp ? smvp->nbands : 0;
    const char *label =
        band >= 0 && (size_t)band < nbands ? fig_band_label(smvp, band) : "non valutato";
    return fig_tag_begin(p, "Figure", label) && fig_light(p, smvp, band, cx, cy, radius) &&
           fig_tag_end(p, "Figure");
}
