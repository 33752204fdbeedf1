/* Section 3.1/3.2 of the Relazione: per area and strategic objective a
 * summary of its children, and one table per operational objective (and
 * for the strategic objective's own indicators): a header band with code,
 * title, achievement and band, the column labels the layout asks for, a
 * row per indicator, then the notes (objective and indicator notes, N/D
 * reasons, values set by the evaluator, revised targets). */
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

/* ---- rows shared by every score table ------------------------------------------- */

bool ly_score_cells(ly_table *t, ly_row *r, const pp_node *n, ly_font_role f)
{
    ly_ctx *c = t->c;
    int band = ly_band(c, n);
    pp_rgb text = ly_col(c, LY_C_TEXT);
    ly_cell *g = tb_cell(t, r, 1);
    if (band >= 0) tb_fill(g, ly_band_tint(c, band));
    const char *ach = ly_achievement(c, n);
    if (n->result.overridden) ach = pp_arena_printf(c->arena, "%s \u25b2", ach);
    bool ok = ach && tb_text(t, g, ach, f, PP_ALIGN_RIGHT,
                             n->result.has_achievement ? text : ly_col(c, LY_C_MARK), false);
    ly_cell *w = tb_cell(t, r, 1);
    return ok && tb_light_text(t, w, band, n->level == PP_LEVEL_INDICATORE
                                               ? ly_status_word(c, n) : ly_band_word(c, band),
                               f, text);
}

bool ly_weighted_row(ly_table *t, const pp_node *n)
{
    ly_ctx *c = t->c;
    pp_rgb text = ly_col(c, LY_C_TEXT);
    ly_row *r = tb_row(t, false);
    return r &&
           tb_text(t, tb_cell(t, r, 1), ly_percent(c, n->result.effective_weight), LY_F_TABLE,
                   PP_ALIGN_RIGHT, text, false) &&
           tb_text(t, tb_cell(t, r, 1), ly_code_title(c, n), LY_F_TABLE, PP_ALIGN_LEFT, text,
                   false) &&
           ly_score_cells(t, r, n, LY_F_TABLE);
}

bool ly_band_row(ly_table *t, const char *title, const pp_node *n)
{
    ly_ctx *c = t->c;
    ly_row *r = tb_row(t, true);
    int span = t->ncols >= 3 ? (int)t->ncols - 2 : (int)t->ncols;
    ly_cell *cell = tb_cell(t, r, span);
    tb_fill(cell, ly_col(c, LY_C_BAND_BG));
    bool ok = tb_text(t, cell, title, LY_F_BAND, PP_ALIGN_LEFT, ly_col(c, LY_C_BAND_FG), false);
    if (t->ncols < 3) return ok;
    /* the band's figures in the table's bold face: "PARZIALMENTE RAGGIUNTO"
     * must fit the stato column */
    ok = ok && ly_score_cells(t, r, n, LY_F_TABLE_HEAD);
    /* the valutazione cell carries the band colour too, beside its word */
    if (ok) tb_fill(&r->cells[r->ncells - 1], ly_col(c, LY_C_BAND_BG));
    return ok;
}

bool ly_head_row(ly_table *t, const char *const *labels, size_t n)
{
    ly_ctx *c = t->c;
    ly_row *r = tb_row(t, true);
    bool ok = r != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        ly_cell *cell = tb_cell(t, r, 1);
        tb_fill(cell, ly_col(c, LY_C_HEAD_BG));
        ok = tb_text(t, cell, labels[i], LY_F_TABLE_HEAD, PP_ALIGN_LEFT,
                     ly_col(c, LY_C_HEAD_FG), false);
    }
    return ok;
}

/* ---- summaries: area and strategic objective ---------------------------------------------- */

/* A table of the children of `parent` at `level`: peso, code and title,
 * grado, valutazione. */
static bool children_table(ly_ctx *c, const pp_node *parent, pp_level level, const char *col)
{
    size_t count = 0;
    for (size_t i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->level == level) count++;
    if (count == 0) return true;
    static const double w[] = {11, 57, 14, 18};
    ly_table *t = tb_new(c, w, 4);
    if (!t) return false;
    const char *labels[] = {ly_lbl(c, LY_L_COL_WEIGHT), col, ly_lbl(c, LY_L_COL_ACHIEVEMENT),
                            ly_lbl(c, LY_L_COL_OUTCOME)};
    bool ok = ly_band_row(t, ly_code_title(c, parent), parent) && ly_head_row(t, labels, 4);
    for (size_t i = 0; ok && i < parent->nchildren; i++)
        if (parent->children[i]->level == level) ok = ly_weighted_row(t, parent->children[i]);
    ok = ok && tb_place(t);
    tb_free(t);
    fl_gap(c, c->lay->paragraph_gap * 1.5);
    return ok;
}

bool ly_area(ly_ctx *c, const pp_node *area)
{
    return children_table(c, area, PP_LEVEL_STRATEGICO, ly_lbl(c, LY_L_COL_OBJECTIVE));
}

static bool indicator_table(ly_ctx *c, const pp_node *parent, const char *title);

bool ly_strategic(ly_ctx *c, const pp_node *s)
{
    if (!children_table(c, s, PP_LEVEL_OPERATIVO, ly_lbl(c, LY_L_OPERATIONAL_LIST)))
        return false;
    for (size_t i = 0; i < s->nchildren; i++)
        if (s->children[i]->level == PP_LEVEL_INDICATORE)
            return indicator_table(c, s, ly_lbl(c, LY_L_STRATEGIC_INDICATORS));
    return true;
}

bool ly_operational(ly_ctx *c, const pp_node *o)
{
    return indicator_table(c, o, ly_code_title(c, o));
}

/* ---- the indicator table ----------------------------------------------------------------- */

static const char *dash = "\u2013";

static const char *measure(ly_ctx *c, const pp_measure *m)
{
    if (!m->has_value) return dash;
    return ly_number(c, m->value);
}

static bool target_cell(ly_table *t, ly_cell *cell, const pp_node *n, const pp_target *tg)
{
    ly_ctx *c = t->c;
    const pp_indicator *ind = n->ind;
    pp_rgb text = ly_col(c, LY_C_TEXT), mark = ly_col(c, LY_C_MARK);
    bool ok = true;
    for (size_t i = 0; tg && ok && i < tg->nrevisions; i++) {
        const pp_revision *r = &tg->revisions[i];
        ok = tb_text(t, cell,
                     ly_target_value(c, tg->op, r->has_value, r->old_value, r->old_date, ind->unit),
                     LY_F_TABLE, PP_ALIGN_RIGHT, mark, true);
    }
    return ok && tb_text(t, cell, ly_target(c, tg, ind->unit), LY_F_TABLE, PP_ALIGN_RIGHT, text,
                         false);
}

static bool indicator_cell(ly_table *t, ly_cell *cell, const pp_node *n)
{
    ly_ctx *c = t->c;
    pp_span spans[3];
    size_t k = 0;
    if (n->code && *n->code) {
        spans[k++] = (pp_span){n->code, PP_SPAN_BOLD};
        spans[k++] = (pp_span){" ", PP_SPAN_PLAIN};
    }
    const char *name = n->ind && n->ind->name ? n->ind->name : n->title ? n->title : "";
    spans[k++] = (pp_span){name, PP_SPAN_PLAIN};
    pp_rich rich = {spans, k};
    return tb_rich(t, cell, &rich, LY_F_TABLE, PP_ALIGN_LEFT, ly_col(c, LY_C_TEXT));
}

static bool indicator_row(ly_table *t, const pp_node *n)
{
    ly_ctx *c = t->c;
    const pp_indicator *ind = n->ind;
    const pp_target *tg = n->result.target ? n->result.target
                                           : pp_indicator_target(ind, c->doc->year);
    pp_rgb text = ly_col(c, LY_C_TEXT), mark = ly_col(c, LY_C_MARK);
    ly_row *r = tb_row(t, false);
    bool ok = r != NULL;
    for (size_t i = 0; ok && i < c->lay->ncolumns; i++) {
        ly_column_key key = c->lay->columns[i].key;
        if (key == LY_COL_ACHIEVEMENT) { /* grado and stato go together when adjacent */
            bool pair = i + 1 < c->lay->ncolumns && c->lay->columns[i + 1].key == LY_COL_STATUS;
            if (pair) {
                ok = ly_score_cells(t, r, n, LY_F_TABLE);
                i++;
                continue;
            }
        }
        ly_cell *cell = tb_cell(t, r, 1);
        switch (key) {
        case LY_COL_WEIGHT:
            ok = tb_text(t, cell, ly_percent(c, n->result.effective_weight), LY_F_TABLE,
                         PP_ALIGN_RIGHT, n->result.counted ? text : mark, false);
            break;
        case LY_COL_INDICATOR: ok = indicator_cell(t, cell, n); break;
        case LY_COL_TARGET: ok = target_cell(t, cell, n, tg); break;
        case LY_COL_ACTUAL: {
            bool nd = ind->actual.kind == PP_ACTUAL_ND || ind->actual.kind == PP_ACTUAL_NONE;
            ok = tb_text(t, cell, ly_actual(c, ind), LY_F_TABLE, PP_ALIGN_RIGHT, nd ? mark : text,
                         false);
            break;
        }
        case LY_COL_ACHIEVEMENT: {
            int band = ly_band(c, n);
            if (band >= 0) tb_fill(cell, ly_band_tint(c, band));
            const char *a = ly_achievement(c, n);
            if (n->result.overridden) a = pp_arena_printf(c->arena, "%s \u25b2", a);
            ok = a && tb_text(t, cell, a, LY_F_TABLE, PP_ALIGN_RIGHT,
                              n->result.has_achievement ? text : mark, false);
            break;
        }
        case LY_COL_STATUS:
            ok = tb_light_text(t, cell, ly_band(c, n), ly_status_word(c, n), LY_F_TABLE, text);
            break;
        case LY_COL_NUMERATOR:
            ok = tb_text(t, cell, measure(c, &ind->numerator), LY_F_TABLE, PP_ALIGN_RIGHT, text,
                         false);
            break;
        case LY_COL_DENOMINATOR:
            ok = tb_text(t, cell, measure(c, &ind->denominator), LY_F_TABLE, PP_ALIGN_RIGHT, text,
                         false);
            break;
        case LY_COL_DEVIATION:
            ok = tb_text(t, cell, ly_deviation(c, n), LY_F_TABLE, PP_ALIGN_RIGHT, text, false);
            break;
        case LY_COL_TYPE:
            ok = tb_text(t, cell, ind->tipologia ? ind->tipologia : dash, LY_F_TABLE,
                         PP_ALIGN_LEFT, text, false);
            break;
        case LY_COL_TARGET_NEXT: {
            const pp_target *nx = pp_indicator_target(ind, c->doc->year + 1);
            ok = tb_text(t, cell, nx ? ly_target(c, nx, ind->unit) : dash, LY_F_TABLE,
                         PP_ALIGN_RIGHT, text, false);
            break;
        }
        case LY_COL_COUNT: break;
        }
    }
    return ok;
}

/* ---- notes ---------------------------------------------------------------------------------- */

typedef struct {
    const char **items;
    size_t n, cap;
    bool oom;
} note_list;

static void note(note_list *l, const char *s)
{
    if (!s) {
        l->oom = true;
        return;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        const char **p = realloc(l->items, cap * sizeof *p);
        if (!p) {
            l->oom = true;
            return;
        }
        l->items = p;
        l->cap = cap;
    }
    l->items[l->n++] = s;
}

static void indicator_notes(ly_ctx *c, const pp_node *n, note_list *l)
{
    const pp_indicator *ind = n->ind;
    const char *code = n->code && *n->code ? n->code : ind->name ? ind->name : "";
    for (size_t i = 0; i < n->nnotes; i++)
        note(l, pp_arena_printf(c->arena, "%s: %s", code, n->notes[i]));
    if (ind->actual.kind == PP_ACTUAL_ND) {
        const char *kv[] = {"codice", code, "motivo",
                            ind->actual.nd_reason ? ind->actual.nd_reason : "", NULL};
        note(l, ly_subst(c->arena, ly_lbl(c, LY_L_NOTE_ND), kv));
    }
    if (n->result.overridden || ind->has_override) {
        const char *kv[] = {"codice", code, "motivo",
                            ind->override_reason ? ind->override_reason : "", NULL};
        note(l, ly_subst(c->arena, ly_lbl(c, LY_L_NOTE_OVERRIDE), kv));
    }
    const pp_target *tg = n->result.target;
    for (size_t i = 0; tg && i < tg->nrevisions; i++) {
        const pp_revision *r = &tg->revisions[i];
        const char *nuovo = i + 1 < tg->nrevisions
                                ? ly_target_value(c, tg->op, tg->revisions[i + 1].has_value,
                                                  tg->revisions[i + 1].old_value,
                                                  tg->revisions[i + 1].old_date, ind->unit)
                                : ly_target(c, tg, ind->unit);
        const char *kv[] = {"codice", code,
                            "vecchio", ly_target_value(c, tg->op, r->has_value, r->old_value,
                                                       r->old_date, ind->unit),
                            "nuovo", nuovo, "delibera", r->delibera ? r->delibera : "",
                            "data", pp_date_valid(r->date) ? ly_date(c, r->date) : "", NULL};
        note(l, ly_subst(c->arena, ly_lbl(c, LY_L_NOTE_REVISED), kv));
    }
}

static void collect_notes(ly_ctx *c, const pp_node *parent, note_list *l)
{
    for (size_t i = 0; i < parent->nnotes; i++) note(l, parent->notes[i]);
    for (size_t i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->level == PP_LEVEL_INDICATORE && parent->children[i]->ind)
            indicator_notes(c, parent->children[i], l);
    if (l->oom) c->oom = true;
}

/* The notes, shaped once: their height decides what must stay with the
 * table's last row (all of them when they are short, else the first line),
 * and the same lines are then placed. */
typedef struct {
    pp_lines **lines;
    size_t n;
    double height, first;
} shaped_notes;

static bool shape_notes(ly_ctx *c, const note_list *l, shaped_notes *sn)
{
    const ly_font *f = ly_font_of(c, LY_F_NOTE);
    *sn = (shaped_notes){calloc(l->n ? l->n : 1, sizeof(pp_lines *)), 0, 0, 0};
    if (!sn->lines) return !(c->oom = true);
    for (size_t i = 0; i < l->n; i++) {
        sn->lines[i] = pp_text_shape(c->text, l->items[i], &f->spec, fl_width(c), PP_ALIGN_LEFT);
        if (!sn->lines[i]) return !(c->oom = true);
        sn->n++;
        sn->height += f->space_before + pp_lines_total_height(sn->lines[i]) + f->space_after;
        if (i == 0) sn->first = f->space_before + pp_lines_height(sn->lines[0], 0, 1);
    }
    return true;
}

static bool place_notes(ly_ctx *c, shaped_notes *sn)
{
    const ly_font *f = ly_font_of(c, LY_F_NOTE);
    bool ok = true;
    for (size_t i = 0; i < sn->n && ok; i++) {
        fl_gap(c, f->space_before);
        ly_para p = {.lines = sn->lines[i], .color = f->color, .tag = "P"};
        ok = fl_para(c, &p);
        fl_gap(c, f->space_after);
    }
    return ok;
}

static void free_notes(shaped_notes *sn)
{
    for (size_t i = 0; i < sn->n; i++) pp_lines_free(sn->lines[i]);
    free(sn->lines);
}

static bool indicator_table(ly_ctx *c, const pp_node *parent, const char *title)
{
    const pp_layout *lay = c->lay;
    double *w = calloc(lay->ncolumns ? lay->ncolumns : 1, sizeof *w);
    const char **labels = calloc(lay->ncolumns ? lay->ncolumns : 1, sizeof *labels);
    if (!w || !labels) {
        free(w);
        free(labels);
        c->oom = true;
        return false;
    }
    char next[16];
    snprintf(next, sizeof next, "%d", c->doc->year + 1);
    const char *kv[] = {"anno", next, NULL};
    for (size_t i = 0; i < lay->ncolumns; i++) {
        w[i] = lay->columns[i].width;
        labels[i] = ly_subst(c->arena, lay->columns[i].label, kv);
        if (!labels[i]) labels[i] = "";
    }
    note_list notes = {0};
    shaped_notes sn = {0};
    collect_notes(c, parent, &notes);
    ly_table *t = tb_new(c, w, lay->ncolumns);
    bool ok = t && !notes.oom && shape_notes(c, &notes, &sn) && ly_band_row(t, title, parent) &&
              ly_head_row(t, labels, lay->ncolumns);
    for (size_t i = 0; ok && i < parent->nchildren; i++)
        if (parent->children[i]->level == PP_LEVEL_INDICATORE && parent->children[i]->ind)
            ok = indicator_row(t, parent->children[i]);
    if (ok && sn.n > 0) t->keep_after = sn.height <= fl_body_height(c) / 4 ? sn.height : sn.first;
    ok = ok && tb_place(t);
    tb_free(t);
    free(w);
    free(labels);
    ok = ok && place_notes(c, &sn);
    free_notes(&sn);
    free(notes.items);
    fl_gap(c, c->lay->paragraph_gap * 2);
    return ok;
}

/* ---- individual objectives (section 4) ---------------------------------------------------------- */

bool ly_person(ly_ctx *c, const pp_person *p)
{
    bool weights = false;
    for (size_t i = 0; i < p->nobjectives; i++) weights |= p->objectives[i].has_weight;
    static const double w4[] = {11, 57, 14, 18}, w3[] = {66, 15, 19};
    ly_table *t = weights ? tb_new(c, w4, 4) : tb_new(c, w3, 3);
    if (!t) return false;
    const char *l4[] = {ly_lbl(c, LY_L_COL_WEIGHT), ly_lbl(c, LY_L_COL_OBJECTIVE),
                        ly_lbl(c, LY_L_COL_ACHIEVEMENT), ly_lbl(c, LY_L_COL_OUTCOME)};
    bool ok = ly_head_row(t, weights ? l4 : l4 + 1, weights ? 4 : 3);
    pp_rgb text = ly_col(c, LY_C_TEXT);
    for (size_t i = 0; ok && i < p->nobjectives; i++) {
        const pp_individual *io = &p->objectives[i];
        ly_row *r = tb_row(t, false);
        if (weights)
            ok = tb_text(t, tb_cell(t, r, 1), io->has_weight ? ly_percent(c, io->weight) : dash,
                         LY_F_TABLE, PP_ALIGN_RIGHT, text, false);
        if (!ok) break;
        if (io->objective) {
            ok = tb_text(t, tb_cell(t, r, 1), ly_code_title_ref(c, io->objective), LY_F_TABLE,
                         PP_ALIGN_LEFT, text, false) &&
                 ly_score_cells(t, r, io->objective, LY_F_TABLE);
        } else {
            const char *ref = io->ref ? ly_clip(c, io->ref, LY_MAX_REFERENCE) : "";
            ok = tb_text(t, tb_cell(t, r, 1), ref, LY_F_TABLE, PP_ALIGN_LEFT,
                         text, false) &&
                 tb_text(t, tb_cell(t, r, 1), ly_lbl(c, LY_L_ND), LY_F_TABLE, PP_ALIGN_RIGHT,
                         ly_col(c, LY_C_MARK), false) &&
                 tb_light_text(t, tb_cell(t, r, 1), -1, ly_lbl(c, LY_L_NOT_EVALUATED),
                               LY_F_TABLE, text);
        }
    }
    ok = ok && tb_place(t);
    tb_free(t);
    fl_gap(c, c->lay->paragraph_gap * 2);
    return ok;
}
