/* Section 3.1/3.2 of the Relazione: per area and strategic objective a
 * summary of its children, and one table per operational objective (and
 * for the strategic objective's own indicators): a header band with code,
 * title, achievement and band, the column labels the layout asks for, a
 * row per indicator, then the notes (objective and indicator notes, N/D
 * reasons, values set by the evaluator, revised targets). */
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "layout_internal.h"
#include "numfmt.h"

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
    if (n->level == PP_LEVEL_INDICATORE)
        return ok && tb_light_text(t, w, band, ly_status_word(c, n), f, text);
    const pp_change *rm = pp_node_removal(n);
    if (rm && !rm->counted)
        return ok && tb_light_text(t, w, band, ly_lbl(c, LY_L_STATUS_REMOVED), f, text);
    if (n->result.not_measured)
        return ok && tb_light_text(t, w, -1, ly_lbl(c, LY_L_NOT_MEASURED), f, text);
    return ok && tb_light_text_fit(t, w, band, ly_band_word(c, band), ly_band_short(c, band), f,
                                   text);
}

/* True when N/D re-weighting changed n's weight: a sibling is not counted
 * while n is. (Rounding alone, weights summing 99,99 %, is not a change.) */
/* Whether a weighted sibling of n was left out. The answer is the parent's
 * (and the level's), kept for the next row: a strategic objective may
 * have thousands of operational ones, each a row of its table, and asking
 * the siblings again for each made the table quadratic. */
static bool reweighted(ly_ctx *c, const pp_node *n)
{
    const pp_node *p = n->parent;
    if (!p || !n->result.counted) return false;
    if (c->rw_parent == p && c->rw_level == (int)n->level) return c->rw_dropped;
    bool dropped = false;
    for (size_t i = 0; i < p->nchildren && !dropped; i++)
        dropped = p->children[i]->level == n->level && !p->children[i]->result.counted &&
                  p->children[i]->weight > 0;
    c->rw_parent = p;
    c->rw_level = (int)n->level;
    c->rw_dropped = dropped;
    return dropped;
}

/* The weight column: with planned_weight, the weight as the document
 * writes it, and under it "→ 25,00 %" where re-weighting changed it (a
 * note under the table says why); otherwise the effective weight only. */
bool ly_weight_cell(ly_table *t, ly_cell *cell, const pp_node *n, bool *changed)
{
    ly_ctx *c = t->c;
    pp_rgb text = ly_col(c, LY_C_TEXT), mark = ly_col(c, LY_C_MARK);
    pp_rgb col = n->result.counted ? text : mark;
    /* A plain mean writes no weights: none is invented here (a dash in
     * the text colour: nothing is missing). */
    if (!n->weight_printed)
        return tb_text(t, cell, "\u2013", LY_F_TABLE, PP_ALIGN_RIGHT, text, false);
    /* a plan: the weight as planned; nothing is counted or left out yet */
    if (c->lay->plan)
        return tb_text(t, cell, ly_percent(c, n->weight), LY_F_TABLE, PP_ALIGN_RIGHT, text, false);
    /* Left out by the strategic composition: the weight the document
     * printed, marked as not counted (a note says why). */
    if (n->result.left_out)
        return tb_text(t, cell, ly_percent(c, n->weight), LY_F_TABLE, PP_ALIGN_RIGHT, mark, false);
    if (!c->lay->planned_weight)
        return tb_text(t, cell, ly_percent(c, n->result.effective_weight), LY_F_TABLE,
                       PP_ALIGN_RIGHT, col, false);
    bool ok = tb_text(t, cell, ly_percent(c, n->weight), LY_F_TABLE, PP_ALIGN_RIGHT, col, false);
    if (!ok || !reweighted(c, n)) return ok;
    const char *eff = ly_percent(c, n->result.effective_weight);
    if (strcmp(eff, ly_percent(c, n->weight)) == 0) return ok;
    if (changed) *changed = true;
    return tb_text(t, cell, pp_arena_printf(c->arena, "\u2192\u00a0%s", eff), LY_F_TABLE,
                   PP_ALIGN_RIGHT, mark, false);
}

/* Why a node with a weight is left out of its parent's mean, as the note
 * says it: the scoring's own reason, "N/D" spelled out. */
static const char *left_out_why(const pp_node *n)
{
    const char *why = n->result.why_not_counted;
    if (!why || strcmp(why, "N/D") == 0) return "consuntivo non disponibile (N/D)";
    if (strcmp(why, "nessun elemento conteggiato") == 0) return "nessun consuntivo disponibile";
    return why;
}

const char *ly_add_uncounted(ly_ctx *c, const char *codes, const pp_node *n)
{
    if (!codes || n->result.counted || !(n->weight > 0)) return codes;
    const char *code = n->code && *n->code ? n->code : n->title ? n->title : "";
    const char *s = pp_arena_printf(c->arena, "%s%s%s, %s", codes, *codes ? "; " : "", code,
                                    left_out_why(n));
    if (!s) c->oom = true;
    return s;
}

const char *ly_weights_note(ly_ctx *c, const char *codes)
{
    if (!codes) return NULL;
    const char *kv[] = {"codici", codes, NULL};
    return ly_subst(c->arena, ly_lbl(c, LY_L_NOTE_WEIGHTS), kv);
}

/* The note that explains the arrows of the weight column: which siblings
 * were left out. */
static const char *weights_note(ly_ctx *c, const pp_node *parent, pp_level level)
{
    const char *codes = "";
    for (size_t i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->level == level)
            codes = ly_add_uncounted(c, codes, parent->children[i]);
    return ly_weights_note(c, codes);
}

static bool weighted_row(ly_table *t, const pp_node *n, bool *changed)
{
    ly_ctx *c = t->c;
    pp_rgb text = ly_col(c, LY_C_TEXT);
    ly_row *r = tb_row(t, false);
    return r && ly_weight_cell(t, tb_cell(t, r, 1), n, changed) &&
           tb_text(t, tb_cell(t, r, 1), ly_code_title(c, n), LY_F_TABLE, PP_ALIGN_LEFT, text,
                   false) &&
           (c->lay->plan || ly_score_cells(t, r, n, LY_F_TABLE));
}

bool ly_weighted_row(ly_table *t, const pp_node *n, bool *changed)
{
    return weighted_row(t, n, changed);
}

bool ly_band_row(ly_table *t, const char *title, const pp_node *n)
{
    ly_ctx *c = t->c;
    ly_row *r = tb_row(t, true);
    /* a plan has no grado or valutazione to show beside the title */
    int span = t->ncols >= 3 && !c->lay->plan ? (int)t->ncols - 2 : (int)t->ncols;
    ly_cell *cell = tb_cell(t, r, span);
    tb_fill(cell, ly_col(c, LY_C_BAND_BG));
    bool ok = tb_text(t, cell, title, LY_F_BAND, PP_ALIGN_LEFT, ly_col(c, LY_C_BAND_FG), false);
    if (t->ncols < 3 || c->lay->plan) return ok;
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

/* ---- details: classifications, descriptions, who is responsible ------------------------- */

static const pp_unit_org *unit_by_id(const pp_doc *d, const char *id)
{
    for (size_t i = 0; id && i < d->nunits; i++)
        if (d->units[i].id && strcmp(d->units[i].id, id) == 0) return &d->units[i];
    return NULL;
}

static const pp_person *person_by_id(const pp_doc *d, const char *id)
{
    for (size_t i = 0; id && i < d->npeople; i++)
        if (d->people[i].id && strcmp(d->people[i].id, id) == 0) return &d->people[i];
    return NULL;
}

/* "Mario Rossi (Dirigente)": the objective's responsible, else its unit's. */
static const char *manager(ly_ctx *c, const pp_node *n)
{
    const char *ref = n->cls.manager_ref;
    const pp_unit_org *u = unit_by_id(c->doc, n->cls.unit_ref);
    if (!ref && u) ref = u->manager_ref;
    const pp_person *p = person_by_id(c->doc, ref);
    if (!p || !p->name) return NULL;
    if (!p->role || !*p->role) return p->name;
    return pp_arena_printf(c->arena, "%s (%s)", p->name, p->role);
}

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

/* Every perspective of a Classificazione: "Processi interni /
 * Economico-finanziaria". */
static const char *perspectives(ly_ctx *c, const pp_class *cl)
{
    const char *s = cl->nperspectives ? cl->perspectives[0] : NULL;
    for (size_t i = 1; s && i < cl->nperspectives; i++)
        s = pp_arena_printf(c->arena, "%s / %s", s, cl->perspectives[i]);
    if (cl->nperspectives && !s) c->oom = true;
    return nonempty(s);
}

/* The value a field prints for n, NULL when the document gives none. */
static const char *detail_value(ly_ctx *c, const pp_node *n, ly_detail_key k)
{
    const pp_class *cl = &n->cls;
    switch (k) {
    case LY_D_DESCRIPTION: return nonempty(n->description);
    case LY_D_COMMENT: return nonempty(n->comment);
    case LY_D_PERSPECTIVE: return perspectives(c, cl);
    case LY_D_MISSION:
        if (nonempty(cl->missione) && nonempty(cl->programma))
            return pp_arena_printf(c->arena, "%s / %s", cl->missione, cl->programma);
        return nonempty(cl->missione) ? cl->missione : nonempty(cl->programma);
    case LY_D_COFOG: return nonempty(cl->cofog);
    case LY_D_KIND: return nonempty(cl->tipo);
    case LY_D_BUDGET: {
        if (!cl->has_budget) return NULL;
        char num[PP_FMT_IT_SIZE];
        pp_fmt_it(cl->budget, 2, num, sizeof num);
        return pp_arena_printf(c->arena, "%s \u20ac", num);
    }
    case LY_D_UNIT: {
        const pp_unit_org *u = unit_by_id(c->doc, cl->unit_ref);
        return u ? nonempty(u->name) : NULL;
    }
    case LY_D_MANAGER: return manager(c, n);
    case LY_D_GENDER: return cl->has_gender && cl->gender ? "s\u00ec" : NULL;
    case LY_D_COUNT: break;
    }
    return NULL;
}

/* "Prospettiva: Processi interni · Unità responsabile: …" with the labels
 * in bold; false (and *out empty) when the document gives none of the
 * fields the layout asks for. */
static bool details_text(ly_ctx *c, const pp_node *n, pp_rich *out)
{
    const pp_layout *lay = c->lay;
    *out = (pp_rich){0};
    if (lay->details_place == LY_DETAILS_NONE || lay->ndetails == 0) return false;
    pp_span *sp = pp_arena_alloc(c->arena, 3 * lay->ndetails * sizeof *sp);
    if (!sp) {
        c->oom = true;
        return false;
    }
    size_t k = 0;
    for (size_t i = 0; i < lay->ndetails; i++) {
        const char *v = detail_value(c, n, lay->details[i].key);
        if (!v) continue;
        const char *label = lay->details[i].label;
        if (k > 0) sp[k++] = (pp_span){"  \u00b7  ", PP_SPAN_PLAIN};
        if (label && *label)
            sp[k++] = (pp_span){pp_arena_printf(c->arena, "%s: ", label), PP_SPAN_BOLD};
        sp[k++] = (pp_span){v, PP_SPAN_PLAIN};
        if (!sp[k - 1].text || (label && *label && !sp[k - 2].text)) {
            c->oom = true;
            return false;
        }
    }
    *out = (pp_rich){sp, k};
    return k > 0;
}

/* The details as a row across the table, under the objective's band (a
 * header row: it comes back with the band on every page of the table). */
static bool details_row(ly_table *t, const pp_node *n)
{
    ly_ctx *c = t->c;
    pp_rich rich;
    if (c->lay->details_place != LY_DETAILS_TABLE || !details_text(c, n, &rich)) return !c->oom;
    ly_row *r = tb_row(t, true);
    ly_cell *cell = tb_cell(t, r, (int)t->ncols);
    tb_fill(cell, ly_col(c, LY_C_GROUP_BG));
    return cell && tb_rich(t, cell, &rich, LY_F_NOTE, PP_ALIGN_LEFT, ly_col(c, LY_C_TEXT));
}

/* The details as a paragraph above the objective's table. */
static bool details_block(ly_ctx *c, const pp_node *n)
{
    pp_rich rich;
    if (c->lay->details_place != LY_DETAILS_BLOCK || !details_text(c, n, &rich)) return !c->oom;
    return ly_rich_para(c, &rich, LY_F_NOTE, PP_ALIGN_LEFT, 0, "P");
}

/* ---- summaries: area and strategic objective ---------------------------------------------- */

static bool children_change_notes(ly_ctx *c, const pp_node *parent, pp_level level);

/* A table of the children of `parent` at `level`: peso, code and title,
 * grado, valutazione; under it the changes of those children. */
static bool children_table(ly_ctx *c, const pp_node *parent, pp_level level, const char *col)
{
    size_t count = 0;
    for (size_t i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->level == level) count++;
    if (count == 0) return true;
    static const double w[] = {11, 57, 14, 18};
    /* a plan: peso and objective only */
    size_t ncols = c->lay->plan ? 2 : 4;
    ly_table *t = tb_new(c, w, ncols);
    if (!t) return false;
    const char *labels[] = {ly_lbl(c, LY_L_COL_WEIGHT), col, ly_lbl(c, LY_L_COL_ACHIEVEMENT),
                            ly_lbl(c, LY_L_COL_OUTCOME)};
    bool ok = details_block(c, parent) && ly_band_row(t, ly_code_title(c, parent), parent) &&
              details_row(t, parent) && ly_head_row(t, labels, ncols);
    bool changed = false;
    for (size_t i = 0; ok && i < parent->nchildren; i++)
        if (parent->children[i]->level == level)
            ok = weighted_row(t, parent->children[i], &changed);
    ok = ok && tb_place(t);
    tb_free(t);
    if (ok && changed) {
        const char *note = weights_note(c, parent, level);
        ok = note && ly_text_para(c, note, LY_F_NOTE, PP_ALIGN_LEFT, "P");
    }
    ok = ok && children_change_notes(c, parent, level);
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

/* "45 N.": the measure's value with its unit when the document gives one,
 * in the decimals the layout's <numbers> asks for that unit. */
static const char *measure(ly_ctx *c, const pp_measure *m)
{
    if (!m->has_value) return dash;
    bool count = !m->has_unit || m->unit == PP_UNIT_N;
    int d = count ? c->lay->count_decimals : c->lay->decimals;
    if (d < 0) d = m->decimals > 6 ? 6 : m->decimals;
    if (!m->has_unit) {
        char num[PP_FMT_IT_SIZE];
        pp_fmt_it(m->value, d, num, sizeof num);
        const char *s = pp_arena_strdup(c->arena, num);
        if (!s) c->oom = true;
        return s ? s : "";
    }
    return ly_number_with(c, m->value, d, m->unit);
}

/* Whether the layout's table has a unita column: the targets then print
 * without the unit (">= 12" under "N."), as the seeds' three-year tables do. */
static bool has_unit_column(const ly_ctx *c)
{
    for (size_t i = 0; i < c->lay->ncolumns; i++)
        if (c->lay->columns[i].key == LY_COL_UNIT) return true;
    return false;
}

static const char *target_text(ly_ctx *c, const pp_target *tg, const pp_indicator *ind)
{
    if (!tg || tg->op == PP_OP_ENTRO || !tg->has_value || !has_unit_column(c))
        return ly_target(c, tg, ind);
    char num[PP_FMT_IT_SIZE];
    pp_fmt_it(tg->value, ly_decimals(c, ind), num, sizeof num);
    const char *s = pp_arena_printf(c->arena, "%s %s", ly_op(c, tg->op), num);
    if (!s) c->oom = true;
    return s ? s : "";
}

static bool target_cell(ly_table *t, ly_cell *cell, const pp_node *n, const pp_target *tg)
{
    ly_ctx *c = t->c;
    const pp_indicator *ind = n->ind;
    pp_rgb text = ly_col(c, LY_C_TEXT), mark = ly_col(c, LY_C_MARK);
    bool ok = true;
    if (ly_descriptive(n)) /* there is no target to miss */
        return tb_text(t, cell, dash, LY_F_TABLE, PP_ALIGN_RIGHT, text, false);
    for (size_t i = 0; tg && ok && i < tg->nrevisions; i++) {
        const pp_revision *r = &tg->revisions[i];
        ok = tb_text(t, cell,
                     ly_target_value(c, tg->op, r->has_value, r->old_value, r->old_date, ind),
                     LY_F_TABLE, PP_ALIGN_RIGHT, mark, true);
    }
    return ok && tb_text(t, cell, target_text(c, tg, ind), LY_F_TABLE, PP_ALIGN_RIGHT, text, false);
}

bool ly_target_cell(ly_table *t, ly_cell *cell, const pp_node *n, const pp_target *tg)
{
    return target_cell(t, cell, n, tg);
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

static bool indicator_row(ly_table *t, const pp_node *n, bool *changed)
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
        if (key == LY_COL_TARGET_YEARS) { /* one cell per year of the Triennio */
            int from, to;
            ly_triennio(c, &from, &to);
            for (int y = from; ok && y <= to; y++) {
                const pp_target *ty = pp_indicator_target(ind, y);
                ly_cell *cell = tb_cell(t, r, 1);
                ok = cell && (ty ? target_cell(t, cell, n, ty)
                                 : tb_text(t, cell, dash, LY_F_TABLE, PP_ALIGN_RIGHT, text,
                                           false));
            }
            continue;
        }
        ly_cell *cell = tb_cell(t, r, 1);
        switch (key) {
        case LY_COL_WEIGHT: ok = ly_weight_cell(t, cell, n, changed); break;
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
            ok = tb_text(t, cell, nx ? ly_target(c, nx, ind) : dash, LY_F_TABLE,
                         PP_ALIGN_RIGHT, text, false);
            break;
        }
        case LY_COL_SOGLIA:
            ok = tb_text(t, cell, ind->has_soglia ? ly_value(c, ind->soglia, ind) : dash,
                         LY_F_TABLE, PP_ALIGN_RIGHT, text, false);
            break;
        case LY_COL_ALGORITHM:
            ok = tb_text(t, cell, ind->algorithm && *ind->algorithm ? ind->algorithm : dash,
                         LY_F_TABLE, PP_ALIGN_LEFT, text, false);
            break;
        case LY_COL_UNIT: {
            const char *u = pp_unit_symbol(ind->unit); /* "" for dates: "Entro ..." says it */
            ok = tb_text(t, cell, u && *u ? u : dash, LY_F_TABLE, PP_ALIGN_LEFT, text, false);
            break;
        }
        case LY_COL_HISTORY: ok = ly_history_cell(t, cell, n); break;
        case LY_COL_TARGET_YEARS:
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
    if (!pp_grow(&l->items, &l->cap, l->n + 1, sizeof *l->items, 8)) {
        l->oom = true;
        return;
    }
    l->items[l->n++] = s;
}

/* "con Delibera n. 12 del 15/03/2023", or "il 15/03/2023" for a change
 * made without a numbered act. */
static const char *change_act(ly_ctx *c, const pp_change *ch)
{
    const char *kv[] = {"delibera", ch->delibera ? ch->delibera : "", "data",
                        ly_date(c, ch->date), NULL};
    return ly_subst(c->arena, ly_lbl(c, ch->delibera ? LY_L_CHANGE_ACT : LY_L_CHANGE_DATE), kv);
}

/* One note per Variazione of n, in document order. */
static void change_notes(ly_ctx *c, const pp_node *n, note_list *l)
{
    const char *code = n->code && *n->code ? n->code : n->title ? n->title : "";
    for (size_t i = 0; i < n->nchanges; i++) {
        const pp_change *ch = &n->changes[i];
        const char *act = change_act(c, ch);
        if (!act) {
            l->oom = true;
            return;
        }
        const char *from = ch->from ? (ch->from->code && *ch->from->code ? ch->from->code
                                                                          : ch->from->id)
                                    : ch->from_ref ? ch->from_ref : "";
        const char *before = ch->old_name && ch->old_algorithm
                                 ? pp_arena_printf(c->arena, "%s; %s", ch->old_name,
                                                   ch->old_algorithm)
                                 : ch->old_name ? ch->old_name : ch->old_algorithm;
        if (ch->old_name && ch->old_algorithm && !before) {
            l->oom = true;
            return;
        }
        const char *kv[] = {"codice", code, "atto", act, "motivo", ch->reason ? ch->reason : "",
                            "obiettivo", from, "prima", before ? before : "", NULL};
        ly_label which = LY_L_NOTE_REDEFINED;
        if (ch->kind == PP_CHANGE_MOVE)
            which = n->level == PP_LEVEL_INDICATORE ? LY_L_NOTE_MOVED : LY_L_NOTE_MOVED_OBJECTIVE;
        else if (ch->kind == PP_CHANGE_REMOVAL)
            which = ch->counted ? LY_L_NOTE_REMOVED_COUNTED : LY_L_NOTE_REMOVED;
        note(l, ly_subst(c->arena, ly_lbl(c, which), kv));
    }
}

/* The note of a revision, with its Motivazione after it when it has one
 * (in the label's own {motivo} when it places it there). */
static const char *revision_reason(ly_ctx *c, const char *label, const char *const *kv,
                                   const char *reason)
{
    if (!reason || !*reason || strstr(label, "{motivo}")) {
        const char *with[32];
        size_t k = 0;
        for (; kv[k] && k < 28; k++) with[k] = kv[k];
        with[k++] = "motivo";
        with[k++] = reason ? reason : "";
        with[k] = NULL;
        return ly_subst(c->arena, label, with);
    }
    const char *kv2[] = {"nota", ly_subst(c->arena, label, kv), "motivo", reason, NULL};
    return kv2[1] ? ly_subst(c->arena, ly_lbl(c, LY_L_NOTE_REVISED_REASON), kv2) : NULL;
}

static void indicator_notes(ly_ctx *c, const pp_node *n, note_list *l)
{
    const pp_indicator *ind = n->ind;
    const char *code = n->code && *n->code ? n->code : ind->name ? ind->name : "";
    for (size_t i = 0; i < n->nnotes; i++)
        note(l, pp_arena_printf(c->arena, "%s: %s", code, n->notes[i]));
    if (ind->actual.kind == PP_ACTUAL_ND ||
        (ind->actual.kind == PP_ACTUAL_NOT_COMPLETED && ind->actual.nd_reason)) {
        const char *kv[] = {"codice", code, "motivo",
                            ind->actual.nd_reason ? ind->actual.nd_reason : "", NULL};
        int key = ind->actual.kind == PP_ACTUAL_ND ? LY_L_NOTE_ND : LY_L_NOTE_NOT_COMPLETED;
        note(l, ly_subst(c->arena, ly_lbl(c, key), kv));
    }
    if (n->result.left_out) {
        const char *kv[] = {"codice", code, NULL};
        note(l, ly_subst(c->arena, ly_lbl(c, LY_L_NOTE_LEFT_OUT), kv));
    }
    if (n->result.overridden || ind->has_override) {
        const char *kv[] = {"codice", code, "motivo",
                            ind->override_reason ? ind->override_reason : "", NULL};
        note(l, ly_subst(c->arena, ly_lbl(c, LY_L_NOTE_OVERRIDE), kv));
    }
    change_notes(c, n, l);
    const pp_target *tg = n->result.target;
    for (size_t i = 0; tg && i < tg->nrevisions; i++) {
        const pp_revision *r = &tg->revisions[i];
        const char *nuovo = i + 1 < tg->nrevisions
                                ? ly_target_value(c, tg->op, tg->revisions[i + 1].has_value,
                                                  tg->revisions[i + 1].old_value,
                                                  tg->revisions[i + 1].old_date, ind)
                                : ly_target(c, tg, ind);
        const char *kv[] = {"codice", code,
                            "vecchio", ly_target_value(c, tg->op, r->has_value, r->old_value,
                                                       r->old_date, ind),
                            "nuovo", nuovo, "delibera", r->delibera ? r->delibera : "",
                            "data", pp_date_valid(r->date) ? ly_date(c, r->date) : "", NULL};
        /* a revision made without a numbered act says when it was made;
         * one made by this document says so */
        ly_label which = r->in_document ? LY_L_NOTE_REVISED_HERE
                         : r->delibera  ? LY_L_NOTE_REVISED
                                        : LY_L_NOTE_REVISED_DATE;
        note(l, revision_reason(c, ly_lbl(c, which), kv, r->reason));
    }
}

static void collect_notes(ly_ctx *c, const pp_node *parent, note_list *l)
{
    for (size_t i = 0; i < parent->nnotes; i++) note(l, parent->notes[i]);
    change_notes(c, parent, l);
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

/* Adds a shaped note before the others. */
static bool prepend_note(ly_ctx *c, shaped_notes *sn, const char *text)
{
    if (!text) return !(c->oom = true);
    const ly_font *f = ly_font_of(c, LY_F_NOTE);
    pp_lines *l = pp_text_shape(c->text, text, &f->spec, fl_width(c), PP_ALIGN_LEFT);
    pp_lines **grown = l ? realloc(sn->lines, (sn->n + 1) * sizeof *grown) : NULL;
    if (!grown) {
        pp_lines_free(l);
        return !(c->oom = true);
    }
    memmove(grown + 1, grown, sn->n * sizeof *grown);
    grown[0] = l;
    sn->lines = grown;
    sn->n++;
    sn->first = f->space_before + pp_lines_height(l, 0, 1);
    sn->height += f->space_before + pp_lines_total_height(l) + f->space_after;
    return true;
}

/* Under a summary table: the changes during the year of the objectives it
 * lists (moved, removed, redefined), so a row shown but not counted is
 * explained where it is shown. */
static bool children_change_notes(ly_ctx *c, const pp_node *parent, pp_level level)
{
    note_list notes = {0};
    for (size_t i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->level == level) change_notes(c, parent->children[i], &notes);
    if (notes.oom) c->oom = true;
    shaped_notes sn = {0};
    bool ok = !notes.oom && (notes.n == 0 || (shape_notes(c, &notes, &sn) && place_notes(c, &sn)));
    free_notes(&sn);
    free(notes.items);
    return ok;
}

/* The columns as printed: target-anno becomes one column per year of the
 * Triennio ("Target 2023", "Target 2024", ...), each as wide as written. */
static size_t table_columns(ly_ctx *c, double **w, const char ***labels)
{
    const pp_layout *lay = c->lay;
    int from, to;
    ly_triennio(c, &from, &to);
    size_t n = 0;
    for (size_t i = 0; i < lay->ncolumns; i++)
        n += lay->columns[i].key == LY_COL_TARGET_YEARS ? (size_t)(to - from + 1) : 1;
    *w = calloc(n ? n : 1, sizeof **w);
    *labels = calloc(n ? n : 1, sizeof **labels);
    if (!*w || !*labels) {
        c->oom = true;
        return 0;
    }
    char next[16];
    snprintf(next, sizeof next, "%d", c->doc->year + 1);
    size_t k = 0;
    for (size_t i = 0; i < lay->ncolumns; i++) {
        bool years = lay->columns[i].key == LY_COL_TARGET_YEARS;
        for (int y = years ? from : 0; y <= (years ? to : 0); y++) {
            char year[16];
            snprintf(year, sizeof year, "%d", y);
            const char *kv[] = {"anno", years ? year : next, NULL};
            (*w)[k] = lay->columns[i].width;
            (*labels)[k] = ly_subst(c->arena, lay->columns[i].label, kv);
            if (!(*labels)[k]) (*labels)[k] = "";
            k++;
        }
    }
    return n;
}

static bool indicator_table(ly_ctx *c, const pp_node *parent, const char *title)
{
    double *w = NULL;
    const char **labels = NULL;
    size_t ncols = table_columns(c, &w, &labels);
    if (!ncols) {
        free(w);
        free(labels);
        return false;
    }
    note_list notes = {0};
    shaped_notes sn = {0};
    collect_notes(c, parent, &notes);
    ly_table *t = tb_new(c, w, ncols);
    /* the strategic objective's own indicators: its details are in its summary */
    bool own = parent->level == PP_LEVEL_STRATEGICO;
    bool ok = t && !notes.oom && shape_notes(c, &notes, &sn) && (own || details_block(c, parent)) &&
              ly_band_row(t, title, parent) && (own || details_row(t, parent)) &&
              ly_head_row(t, labels, ncols);
    bool changed = false;
    for (size_t i = 0; ok && i < parent->nchildren; i++)
        if (parent->children[i]->level == PP_LEVEL_INDICATORE && parent->children[i]->ind)
            ok = indicator_row(t, parent->children[i], &changed);
    /* the note on re-weighted weights is known once the rows are made; it
     * goes first, above the notes of single indicators */
    if (ok && changed && !prepend_note(c, &sn, weights_note(c, parent, PP_LEVEL_INDICATORE)))
        ok = false;
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

/* One row: peso (when the person's objectives have weights), the objective,
 * its grado and valutazione; an unresolved reference prints as N/D. */
/* Whether a person's objective was left out of the total while weighted:
 * its weight is shared out among the others. */
static bool person_left_out(const pp_individual *io)
{
    return io->has_weight && io->weight > 0 && !(io->effective_weight > 0);
}

/* The person's weight column: as planned, and "→ x %" under it where an
 * objective left out of the total changed it (a note under the table). */
static bool person_weight(ly_table *t, ly_cell *cell, const pp_individual *io, bool reweighted)
{
    ly_ctx *c = t->c;
    pp_rgb text = ly_col(c, LY_C_TEXT), mark = ly_col(c, LY_C_MARK);
    if (!io->has_weight) return tb_text(t, cell, dash, LY_F_TABLE, PP_ALIGN_RIGHT, text, false);
    const char *planned = ly_percent(c, io->weight), *eff = ly_percent(c, io->effective_weight);
    if (c->lay->plan) return tb_text(t, cell, planned, LY_F_TABLE, PP_ALIGN_RIGHT, text, false);
    bool ok = tb_text(t, cell, planned, LY_F_TABLE, PP_ALIGN_RIGHT,
                      person_left_out(io) ? mark : text, false);
    if (!ok || !reweighted || person_left_out(io) || strcmp(planned, eff) == 0) return ok;
    return tb_text(t, cell, pp_arena_printf(c->arena, "\u2192\u00a0%s", eff), LY_F_TABLE,
                   PP_ALIGN_RIGHT, mark, false);
}

static bool person_row(ly_table *t, const pp_individual *io, bool weights, bool reweighted)
{
    ly_ctx *c = t->c;
    pp_rgb text = ly_col(c, LY_C_TEXT);
    ly_row *r = tb_row(t, false);
    bool ok = r != NULL;
    if (ok && weights) ok = person_weight(t, tb_cell(t, r, 1), io, reweighted);
    const pp_node *n = pp_individual_node(io);
    if (!ok) return false;
    if (n)
        return tb_text(t, tb_cell(t, r, 1), ly_code_title_ref(c, n), LY_F_TABLE, PP_ALIGN_LEFT,
                       text, false) &&
               (c->lay->plan || ly_score_cells(t, r, n, LY_F_TABLE));
    const char *ref = io->ref ? ly_clip(c, io->ref, LY_MAX_REFERENCE) : "";
    return ref && tb_text(t, tb_cell(t, r, 1), ref, LY_F_TABLE, PP_ALIGN_LEFT, text, false) &&
           (c->lay->plan || /* a plan has no grado to miss */
            (tb_text(t, tb_cell(t, r, 1), ly_lbl(c, LY_L_ND), LY_F_TABLE, PP_ALIGN_RIGHT,
                     ly_col(c, LY_C_MARK), false) &&
             tb_light_text(t, tb_cell(t, r, 1), -1, ly_not_assessed(c), LY_F_TABLE, text)));
}

/* The note under a person's table when an objective was left out of the
 * total: which, and why (as for the tree's tables). */
static const char *person_weights_note(ly_ctx *c, const pp_person *p)
{
    const char *codes = "";
    for (size_t i = 0; codes && i < p->nobjectives; i++) {
        const pp_node *n = pp_individual_node(&p->objectives[i]);
        if (n && person_left_out(&p->objectives[i])) {
            const char *code = n->code && *n->code ? n->code : n->title ? n->title : "";
            const char *why = n->result.why_not_counted ? n->result.why_not_counted
                              : n->result.has_achievement ? ""
                                                          : "senza grado di raggiungimento";
            codes = pp_arena_printf(c->arena, "%s%s%s%s%s", codes, *codes ? "; " : "", code,
                                    *why ? ", " : "", why);
        }
    }
    if (!codes) c->oom = true;
    return codes && *codes ? ly_weights_note(c, codes) : NULL;
}

/* The closing row of a person's or a unit's table: the total in the
 * table's bold face, with the band colour and word. */
bool ly_total_row(ly_table *t, const char *label, bool has, double value, int band)
{
    ly_ctx *c = t->c;
    /* the score cells read a node's result: a node that only carries it */
    pp_node total = {.level = PP_LEVEL_OPERATIVO};
    total.result.has_achievement = total.result.counted = has;
    total.result.achievement = value;
    total.result.band = band;
    ly_row *r = tb_row(t, false);
    if (!r) return false;
    ly_cell *cell = tb_cell(t, r, (int)t->ncols - 2);
    tb_fill(cell, ly_col(c, LY_C_BAND_BG));
    return tb_text(t, cell, label, LY_F_TABLE_HEAD, PP_ALIGN_LEFT, ly_col(c, LY_C_BAND_FG),
                   false) &&
           ly_score_cells(t, r, &total, LY_F_TABLE_HEAD);
}

bool ly_person(ly_ctx *c, const pp_person *p)
{
    bool weights = false;
    for (size_t i = 0; i < p->nobjectives; i++) weights |= p->objectives[i].has_weight;
    static const double w4[] = {11, 57, 14, 18}, w3[] = {66, 15, 19};
    /* a plan: peso (when given) and objective; no grado, no total */
    bool plan = c->lay->plan;
    size_t ncols = (weights ? 4 : 3) - (plan ? 2 : 0);
    ly_table *t = weights ? tb_new(c, w4, ncols) : tb_new(c, w3, ncols);
    if (!t) return false;
    const char *l4[] = {ly_lbl(c, LY_L_COL_WEIGHT), ly_lbl(c, LY_L_COL_OBJECTIVE),
                        ly_lbl(c, LY_L_COL_ACHIEVEMENT), ly_lbl(c, LY_L_COL_OUTCOME)};
    bool ok = ly_head_row(t, weights ? l4 : l4 + 1, ncols);
    const char *note = weights && !plan ? person_weights_note(c, p) : NULL;
    for (size_t i = 0; ok && i < p->nobjectives; i++)
        ok = person_row(t, &p->objectives[i], weights, note != NULL);
    if (ok && p->nobjectives > 0 && !plan)
        ok = ly_total_row(t, ly_lbl(c, LY_L_PERSON_TOTAL), p->has_total, p->total, p->band);
    ok = ok && tb_place(t);
    tb_free(t);
    if (ok && note) ok = ly_text_para(c, note, LY_F_NOTE, PP_ALIGN_LEFT, "P");
    fl_gap(c, c->lay->paragraph_gap * 2);
    /* then the indicators of the person's own objectives, as in 3.2 */
    for (size_t i = 0; ok && i < p->nobjectives; i++) {
        const pp_node *own = p->objectives[i].own;
        if (!own) continue;
        const char *kv[] = {"codice", own->code ? own->code : "", "titolo",
                            own->title ? own->title : "", NULL};
        const char *title = ly_subst(c->arena, ly_lbl(c, LY_L_OWN_OBJECTIVE), kv);
        ok = title && indicator_table(c, own, title);
        if (!title) c->oom = true;
    }
    return ok;
}
