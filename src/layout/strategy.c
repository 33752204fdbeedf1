/* <strategy-map/>: the BSC strategy map of the strategic objectives
 * (figures/strategy_map.c) under the caption "Mappa strategica" (label
 * strategy-map). The map is arranged for a whole page and placed under
 * what precedes it when it fits there, else on the next page, so that it
 * looks the same wherever it falls. */
#include "layout_internal.h"

bool ly_strategy_map(ly_ctx *c)
{
    const ly_font *f = ly_font_of(c, LY_F_CAPTION);
    double cap = f->spec.size * 1.5 + f->space_before + f->space_after;
    pp_strategy_map *sm = pp_strategy_map_new(c->text, &c->fig, c->doc, fl_width(c),
                                              fl_body_height(c) - cap);
    if (!sm) {
        c->oom = true;
        return false;
    }
    double h = pp_strategy_map_height(sm);
    if (!(h <= fl_body_height(c) - cap + 0.5)) {
        pp_strategy_map_free(sm);
        pp_warning(c->d, 0, 0, "the strategy map does not fit the page of the layout: it is "
                               "left out");
        return ly_text_para(c, ly_lbl(c, LY_L_STRATEGY_MAP_TOO_LARGE), LY_F_NOTE, PP_ALIGN_LEFT,
                            "P");
    }
    bool ok = true;
    if (cap + h > fl_room_under_headings(c)) ok = fl_break(c);
    ok = ok && fl_need(c, cap + h) &&
         ly_text_para(c, ly_lbl(c, LY_L_STRATEGY_MAP), LY_F_CAPTION, PP_ALIGN_LEFT, "Caption") &&
         fl_need(c, h);
    if (ok && !pp_strategy_map_draw(sm, fl_page(c), c->flow.x0, c->flow.y)) {
        c->oom = true;
        ok = false;
    }
    pp_strategy_map_free(sm);
    if (!ok) return false;
    fl_advance(c, h);
    fl_gap(c, c->lay->paragraph_gap * 2);
    return true;
}
