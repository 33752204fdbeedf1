/* Section 1 (principali risultati): a gauge for the ente and one per area,
 * the summary table area -> strategic -> operational with achievements
 * tinted by band beside the band's word (so it reads in grey), and the
 * legend of the bands. Also the tree diagram (3.0) and the overall
 * assessment's figure (3.3). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"
#include "numfmt.h"

#define GAUGES_PER_ROW 3
#define GAUGE_GAP 12

/* ---- gauges ------------------------------------------------------------------------ */

static double node_value(const pp_node *n)
{
    return n->result.has_achievement ? n->result.achievement : NAN;
}

static bool ente_gauge(ly_ctx *c, const char *caption)
{
    const pp_node *root = c->doc->root;
    double w = fmin(230, fl_width(c) * 0.5);
    double h = pp_gauge_height(c->text, &c->fig, w, caption);
    if (!fl_need(c, h)) return false;
    double x = c->flow.x0 + (fl_width(c) - w) / 2;
    if (!pp_gauge_draw(fl_page(c), c->text, &c->fig, &c->smvp, node_value(root), caption, x,
                       c->flow.y, w)) {
        c->oom = true;
        return false;
    }
    fl_advance(c, h);
    fl_gap(c, c->lay->paragraph_gap * 2);
    return true;
}

static const char *area_caption(ly_ctx *c, const pp_node *a) { return ly_code_title(c, a); }

static bool area_gauges(ly_ctx *c)
{
    const pp_node *root = c->doc->root;
    size_t n = root->nchildren;
    if (n == 0) return true;
    size_t per_row = n < GAUGES_PER_ROW ? n : GAUGES_PER_ROW;
    double w = (fl_width(c) - GAUGE_GAP * (GAUGES_PER_ROW - 1)) / GAUGES_PER_ROW;
    for (size_t first = 0; first < n; first += per_row) {
        size_t k = n - first < per_row ? n - first : per_row;
        double h = 0;
        for (size_t i = 0; i < k; i++)
            h = fmax(h, pp_gauge_height(c->text, &c->fig, w,
                                        area_caption(c, root->children[first + i])));
        if (h > fl_body_height(c) * 0.8) h = fl_body_height(c) * 0.8;
        if (first == 0) { /* the title goes with the first row of gauges */
            const ly_font *f = ly_font_of(c, LY_F_CAPTION);
            double th = 2 * f->spec.size * 1.4 + f->space_before + f->space_after;
            if (!fl_need(c, th + h) ||
                !ly_text_para(c, ly_lbl(c, LY_L_AREAS), LY_F_CAPTION, PP_ALIGN_CENTER, "P"))
                return false;
        }
        if (!fl_need(c, h)) return false;
        double row_w = k * w + (k - 1) * GAUGE_GAP;
        double x = c->flow.x0 + (fl_width(c) - row_w) / 2;
        for (size_t i = 0; i < k; i++) {
            const pp_node *a = root->children[first + i];
            if (!pp_gauge_draw(fl_page(c), c->text, &c->fig, &c->smvp, node_value(a),
                               area_caption(c, a), x + i * (w + GAUGE_GAP), c->flow.y, w)) {
                c->oom = true;
                return false;
            }
        }
        fl_advance(c, h);
        fl_gap(c, GAUGE_GAP);
    }
    return true;
}

/* ---- summary table ------------------------------------------------------------------------ */

/* The summary table's state: whether a weight shows an arrow, and the
 * nodes left out, for the note under it. */
typedef struct {
    bool changed;
    const char *uncounted;
} summary_notes;

static bool summary_row(ly_table *t, const pp_node *n, int depth, summary_notes *sn)
{
    ly_ctx *c = t->c;
    ly_row *r = tb_row(t, false);
    ly_font_role f = depth == 0 ? LY_F_TABLE_HEAD : LY_F_TABLE;
    pp_rgb text = ly_col(c, LY_C_TEXT);
    ly_cell *title = tb_cell(t, r, 1);
    ly_cell *weight = tb_cell(t, r, 1);
    if (depth == 0) {
        tb_fill(title, ly_col(c, LY_C_GROUP_BG));
        tb_fill(weight, ly_col(c, LY_C_GROUP_BG));
    }
    bool ok = tb_text_at(t, title, ly_code_title(c, n), f, PP_ALIGN_LEFT, text, false, depth * 12) &&
              ly_weight_cell(t, weight, n, &sn->changed) && ly_score_cells(t, r, n, f);
    sn->uncounted = ly_add_uncounted(c, sn->uncounted, n);
    return ok && sn->uncounted;
}

static bool summary_table(ly_ctx *c)
{
    static const double w[] = {60, 11, 13, 16};
    ly_table *t = tb_new(c, w, 4);
    if (!t) return false;
    t->caption = ly_lbl(c, LY_L_SUMMARY);
    const char *labels[] = {ly_lbl(c, LY_L_COL_OBJECTIVE), ly_lbl(c, LY_L_COL_WEIGHT),
                            ly_lbl(c, LY_L_COL_ACHIEVEMENT), ly_lbl(c, LY_L_COL_OUTCOME)};
    const pp_node *root = c->doc->root;
    bool ok = ly_band_row(t, ly_lbl(c, LY_L_ENTE), root) && ly_head_row(t, labels, 4);
    summary_notes sn = {false, ""};
    for (size_t a = 0; ok && a < root->nchildren; a++) {
        const pp_node *area = root->children[a];
        ok = summary_row(t, area, 0, &sn);
        for (size_t s = 0; ok && s < area->nchildren; s++) {
            const pp_node *so = area->children[s];
            if (so->level != PP_LEVEL_STRATEGICO) continue;
            ok = summary_row(t, so, 1, &sn);
            for (size_t o = 0; ok && o < so->nchildren; o++)
                if (so->children[o]->level == PP_LEVEL_OPERATIVO)
                    ok = summary_row(t, so->children[o], 2, &sn);
        }
    }
    ok = ok && tb_place(t);
    tb_free(t);
    if (ok && sn.changed) {
        const char *note = ly_weights_note(c, sn.uncounted);
        ok = note && ly_text_para(c, note, LY_F_NOTE, PP_ALIGN_LEFT, "P");
    }
    fl_gap(c, c->lay->paragraph_gap * 2);
    return ok;
}

/* ---- legend ------------------------------------------------------------------------------- */

/* "60" for a whole number, "59,5" otherwise. */
static void fmt_short(double v, char *buf, size_t size)
{
    if (pp_nearly_equal(v, round(v))) snprintf(buf, size, "%.0f", v);
    else pp_fmt_it(v, 2, buf, size);
}

const char *ly_band_range(ly_ctx *c, size_t i)
{
    const pp_smvp *s = &c->smvp;
    char a[32], b[32];
    fmt_short(s->bands[i].from, a, sizeof a);
    if (i + 1 < s->nbands) fmt_short(s->bands[i + 1].from, b, sizeof b);
    const char *kv[] = {"a", i == 0 && s->nbands > 1 ? b : a, "b", b, NULL};
    ly_label k = s->nbands == 1        ? LY_L_LEGEND_GE
                 : i == 0              ? LY_L_LEGEND_LT
                 : i + 1 == s->nbands ? LY_L_LEGEND_GE
                                       : LY_L_LEGEND_BETWEEN;
    char *r = ly_subst(c->arena, ly_lbl(c, k), kv);
    if (!r) c->oom = true;
    return r ? r : "";
}

static bool legend(ly_ctx *c)
{
    if (c->smvp.nbands == 0) return true;
    static const double w[] = {35, 65};
    ly_table *t = tb_new(c, w, 2);
    if (!t) return false;
    t->caption = ly_lbl(c, LY_L_LEGEND);
    const char *labels[] = {ly_lbl(c, LY_L_COL_OUTCOME), ly_lbl(c, LY_L_COL_BAND_RANGE)};
    bool ok = ly_head_row(t, labels, 2);
    pp_rgb text = ly_col(c, LY_C_TEXT);
    for (size_t i = c->smvp.nbands; ok && i-- > 0;) {
        ly_row *r = tb_row(t, false);
        /* the short label the tables may use, beside the whole one */
        const char *word = ly_band_word(c, (int)i), *brief = ly_band_short(c, (int)i);
        if (brief && strcmp(brief, word) != 0)
            word = pp_arena_printf(c->arena, "%s (%s)", word, brief);
        if (!word) return !(c->oom = true);
        ok = tb_light_text(t, tb_cell(t, r, 1), (int)i, word, LY_F_TABLE, text) &&
             tb_text(t, tb_cell(t, r, 1), ly_band_range(c, i), LY_F_TABLE, PP_ALIGN_LEFT, text, false);
    }
    if (ok) {
        ly_row *r = tb_row(t, false);
        const char *nd = ly_not_assessed(c);
        ok = tb_light_text(t, tb_cell(t, r, 1), -1, nd, LY_F_TABLE, text) &&
             tb_text(t, tb_cell(t, r, 1), ly_lbl(c, LY_L_LEGEND_ND), LY_F_TABLE, PP_ALIGN_LEFT,
                     text, false);
    }
    ok = ok && tb_place(t);
    tb_free(t);
    /* the legend states only what the document states: bands it does not
     * give are said to be assumed */
    if (ok && c->doc->smvp.nbands == 0)
        ok = ly_text_para(c, ly_lbl(c, LY_L_LEGEND_ASSUMED), LY_F_NOTE, PP_ALIGN_LEFT, "P");
    fl_gap(c, c->lay->paragraph_gap * 2);
    return ok;
}

bool ly_results(ly_ctx *c)
{
    return ente_gauge(c, ly_lbl(c, LY_L_ENTE)) && area_gauges(c) && summary_table(c) &&
           legend(c);
}

/* ---- 3.0 and 3.3 ----------------------------------------------------------------------------- */

/* A slice taller than the page (a box with a very long title on a very
 * small page) cannot be drawn inside the margins: the diagram is left out
 * with a warning and a line saying so; the same figures are in the
 * tables of the report. */
static bool tree_too_tall(ly_ctx *c, pp_tree_diagram *td, size_t n)
{
    for (size_t s = 0; s < n; s++)
        if (pp_tree_diagram_slice_height(td, s) > fl_body_height(c) + 0.5) {
            pp_warning(c->d, 0, 0, "the performance tree does not fit the page of the layout: "
                                   "it is left out");
            return true;
        }
    return false;
}

/* The diagram with its text `scale` times the layout's size. */
static pp_tree_diagram *tree_scaled(ly_ctx *c, bool operational, double scale)
{
    pp_figure_style s = c->fig;
    s.label.size *= scale;
    s.value.size *= scale;
    pp_tree_diagram *td = pp_tree_diagram_new(c->text, &s, c->doc, operational, fl_width(c));
    if (!td) c->oom = true;
    return td;
}

/* A last slice of a few boxes would take a page of its own: a slightly
 * smaller diagram (text down to 88 %) that needs one page less is taken
 * instead. *td and *n are replaced when one is found. */
static bool tree_without_short_last_page(ly_ctx *c, bool operational, pp_tree_diagram **td, size_t *n)
{
    static const double scales[] = {0.94, 0.88};
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++) {
        if (*n < 2 || pp_tree_diagram_slice_boxes(*td, *n - 1) > 3) return true;
        pp_tree_diagram *small = tree_scaled(c, operational, scales[i]);
        if (!small) return false;
        size_t m = pp_tree_diagram_slices_after(small, fl_room_under_headings(c),
                                                fl_body_height(c));
        if (m > 0 && m < *n && pp_tree_diagram_slice_height(small, 0) > 0) {
            pp_tree_diagram_free(*td);
            *td = small;
            *n = m;
            return true;
        }
        pp_tree_diagram_free(small);
    }
    return true;
}

bool ly_tree(ly_ctx *c, bool operational)
{
    pp_tree_diagram *td = tree_scaled(c, operational, 1);
    if (!td) return false;
    /* The first slice goes under the section's heading, so it gets the room
     * left there; when not even the first box fits (slice 0 empty), the
     * heading and the diagram start on the next page together. */
    size_t n = pp_tree_diagram_slices_after(td, fl_room_under_headings(c), fl_body_height(c));
    if (n > 0 && pp_tree_diagram_slice_height(td, 0) <= 0) {
        if (!fl_break(c)) {
            pp_tree_diagram_free(td);
            return false;
        }
        n = pp_tree_diagram_slices_after(td, fl_room_under_headings(c), fl_body_height(c));
    }
    bool ok = tree_without_short_last_page(c, operational, &td, &n);
    if (ok && tree_too_tall(c, td, n)) {
        n = 0;
        ok = ly_text_para(c, ly_lbl(c, LY_L_TREE_TOO_LARGE), LY_F_NOTE, PP_ALIGN_LEFT, "P");
    }
    for (size_t s = 0; s < n && ok; s++) {
        double h = pp_tree_diagram_slice_height(td, s);
        ok = fl_need(c, h);
        if (ok && !pp_tree_diagram_draw(td, s, fl_page(c), c->flow.x0, c->flow.y)) {
            c->oom = true;
            ok = false;
        }
        if (ok) fl_advance(c, h);
        if (ok && s + 1 < n) ok = fl_break(c);
    }
    pp_tree_diagram_free(td);
    fl_gap(c, c->lay->paragraph_gap * 2);
    return ok;
}

bool ly_ente(ly_ctx *c)
{
    const pp_node *root = c->doc->root;
    if (!ente_gauge(c, ly_lbl(c, LY_L_ENTE_CAPTION))) return false;
    static const double w[] = {11, 57, 14, 18};
    ly_table *t = tb_new(c, w, 4);
    if (!t) return false;
    const char *labels[] = {ly_lbl(c, LY_L_COL_WEIGHT), ly_lbl(c, LY_L_COL_OBJECTIVE),
                            ly_lbl(c, LY_L_COL_ACHIEVEMENT), ly_lbl(c, LY_L_COL_OUTCOME)};
    bool ok = ly_band_row(t, ly_lbl(c, LY_L_ENTE), root) && ly_head_row(t, labels, 4);
    bool changed = false;
    const char *uncounted = "";
    for (size_t i = 0; ok && i < root->nchildren; i++) {
        ok = ly_weighted_row(t, root->children[i], &changed);
        uncounted = ly_add_uncounted(c, uncounted, root->children[i]);
    }
    ok = ok && tb_place(t);
    tb_free(t);
    if (ok && changed) {
        const char *note = ly_weights_note(c, uncounted);
        ok = note && ly_text_para(c, note, LY_F_NOTE, PP_ALIGN_LEFT, "P");
    }
    return ok;
}
