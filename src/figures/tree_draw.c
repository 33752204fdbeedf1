/* One box of the tree diagram: code and title (at most three lines), the
 * weight ("peso 16,66 %") and the achievement ("96,16 %") after a traffic
 * light, with a stripe in the band's colour down the left side. The ente
 * and the areas sit on a light grey ground, so levels read apart in grey. */
#include <math.h>

#include "fig_tree.h"
#include "score.h"

bool tree_draw_box(const pp_tree_diagram *td, const tnode *t, pp_page *p, double x, double y)
{
    const pp_figure_style *s = &td->style;
    const pp_result *r = &t->n->result;
    const pp_smvp *smvp = s->bands ? s->bands : &td->doc->smvp;
    bool ente = t->n->level == PP_LEVEL_ENTE, area = t->n->level == PP_LEVEL_AMBITO;
    double w = t->box_w, h = t->box_h, lw = ente ? 1.0 : 0.6;
    pp_rgb ground = ente || area ? (pp_rgb){0.94, 0.94, 0.94} : FIG_WHITE;
    /* the document's band, or, when it defines none, the layout's */
    int band = !r->has_achievement          ? -1
               : td->doc->smvp.nbands > 0 ? r->band
                                          : pp_band_of(smvp, r->achievement);
    if (!fig_rect(p, x + lw / 2, y + lw / 2, w - lw, h - lw,
                  fig_fill_stroke(ground, s->line, lw)) ||
        !fig_rect(p, x + lw, y + lw, TREE_STRIPE, h - 2 * lw,
                  fig_fill(fig_band_colour(smvp, band, FIG_GREY))))
        return false;
    double tx = x + TREE_STRIPE + TREE_PAD, inner = w - TREE_STRIPE - 2 * TREE_PAD;
    double my = y + TREE_PAD + pp_lines_total_height(t->title) + 2;
    if (!fig_emit(t->title, p, tx, y + TREE_PAD, s->text) ||
        !fig_emit(t->weight, p, tx, my, s->muted))
        return false;
    /* The achievement, right-aligned, with its light just before it; in a
     * box too narrow for the figure, the light alone. */
    double vy = t->meta_two_lines ? my + td->lh : my;
    double room = td->lh * 0.84 + 3, radius = td->lh * 0.42;
    bool figure = inner - room >= 1.5 * s->label.size;
    double lx = figure ? tx + inner - pp_lines_width(t->value) - 3 - radius : tx + radius;
    if (figure && !fig_emit(t->value, p, tx + room, vy, s->text)) return false;
    return inner < 2 * radius ||
           fig_light(p, smvp, band, fmax(lx, tx + radius), vy + td->lh / 2, radius);
}
