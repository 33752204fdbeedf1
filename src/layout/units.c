/* Results per organisational unit (layout block <units/>): for each unit
 * that answers for some objective, a table of those objectives (strategic
 * and operational, in document order) with grado and valutazione, closed
 * by the unit's result, computed by score/units.c. */
#include "layout_internal.h"
#include "score.h"

typedef struct {
    ly_table *t;
    const pp_unit_org *unit;
    bool ok;
} unit_rows;

static bool unit_row(pp_node *n, void *ctx)
{
    unit_rows *w = ctx;
    if (!w->ok) return false;
    if (!pp_unit_names(w->unit, n)) return true;
    ly_ctx *c = w->t->c;
    ly_row *r = tb_row(w->t, false);
    w->ok = r && tb_text(w->t, tb_cell(w->t, r, 1), ly_code_title(c, n), LY_F_TABLE,
                         PP_ALIGN_LEFT, ly_col(c, LY_C_TEXT), false) &&
            ly_score_cells(w->t, r, n, LY_F_TABLE);
    return w->ok;
}

bool ly_unit(ly_ctx *c, const pp_unit_org *u)
{
    static const double w[] = {66, 15, 19};
    ly_table *t = tb_new(c, w, 3);
    if (!t) return false;
    const char *labels[] = {ly_lbl(c, LY_L_COL_OBJECTIVE), ly_lbl(c, LY_L_COL_ACHIEVEMENT),
                            ly_lbl(c, LY_L_COL_OUTCOME)};
    unit_rows rows = {t, u, ly_head_row(t, labels, 3)};
    /* the tree walk wants a mutable node; nothing here changes it */
    if (rows.ok) pp_tree_walk((pp_node *)c->doc->root, unit_row, &rows);
    bool ok = rows.ok &&
              ly_total_row(t, ly_lbl(c, LY_L_UNIT_TOTAL), u->has_result, u->result, u->band) &&
              tb_place(t);
    tb_free(t);
    fl_gap(c, c->lay->paragraph_gap * 2);
    return ok;
}
