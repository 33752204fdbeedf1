/* The schede (<schede/>, layouts/schede.xml): one sheet per strategic
 * objective, as seed 001 prints them. A band with the ambito, the kind
 * and the span of the objective and its description; its indicators
 * (indicator, algorithm, one target per year, note number), a revised
 * target printed as the old value struck through beside the new one with
 * the reason under them; each operational objective with its responsible
 * service and its indicators; the comment; the notes table (nota, fonte,
 * serie storica); and a small trend chart per indicator that has three
 * values or more. A plan: nothing here prints a result. */
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

static const char *const dash = "\u2013";

static const char *text_or_dash(const char *s) { return s && *s ? s : dash; }

/* ---- the band ------------------------------------------------------------------------ */

static const char *kind_word(ly_ctx *c, const pp_node *s)
{
    const char *t = s->cls.tipo;
    if (t && strcmp(t, "comune") == 0) return ly_lbl(c, LY_L_SCHEDA_COMUNE);
    if (t && strcmp(t, "specifico") == 0) return ly_lbl(c, LY_L_SCHEDA_SPECIFICO);
    if (t && strcmp(t, "ente") == 0) return ly_lbl(c, LY_L_SCHEDA_ENTE);
    return ly_lbl(c, LY_L_SCHEDA_KIND);
}

/* "2022–2024", "2023" for a one-year objective, NULL without dal/al. */
static const char *span(ly_ctx *c, const pp_node *s)
{
    int from = s->cls.year_from, to = s->cls.year_to;
    if (!from && !to) return NULL;
    if (!from || !to || from == to) {
        const char *y = pp_arena_printf(c->arena, "%d", from ? from : to);
        if (!y) c->oom = true;
        return y;
    }
    char a[16], b[16];
    snprintf(a, sizeof a, "%d", from);
    snprintf(b, sizeof b, "%d", to);
    const char *kv[] = {"dal", a, "al", b, NULL};
    const char *r = ly_subst(c->arena, ly_lbl(c, LY_L_SCHEDA_SPAN), kv);
    if (!r) c->oom = true;
    return r;
}

/* The kind and span in the table's head colours, the ambito in the band
 * colour, then the description. */
static bool band(ly_ctx *c, const pp_node *s)
{
    static const double w[] = {72, 28};
    ly_table *t = tb_new(c, w, 2);
    if (!t) return false;
    const char *sp = span(c, s);
    ly_row *r = tb_row(t, true);
    ly_cell *k = tb_cell(t, r, sp ? 1 : 2);
    tb_fill(k, ly_col(c, LY_C_HEAD_BG));
    bool ok = tb_text(t, k, kind_word(c, s), LY_F_TABLE_HEAD, PP_ALIGN_LEFT,
                      ly_col(c, LY_C_HEAD_FG), false);
    if (ok && sp) {
        ly_cell *y = tb_cell(t, r, 1);
        tb_fill(y, ly_col(c, LY_C_HEAD_BG));
        ok = tb_text(t, y, sp, LY_F_TABLE_HEAD, PP_ALIGN_RIGHT, ly_col(c, LY_C_HEAD_FG), false);
    }
    const pp_node *area = s->parent;
    if (ok && area && area->title) {
        ly_cell *a = tb_cell(t, tb_row(t, false), 2);
        tb_fill(a, ly_col(c, LY_C_BAND_BG));
        ok = tb_text(t, a, area->title, LY_F_BAND, PP_ALIGN_LEFT, ly_col(c, LY_C_BAND_FG), false);
    }
    if (ok && s->description && *s->description)
        ok = tb_text(t, tb_cell(t, tb_row(t, false), 2), s->description, LY_F_TABLE,
                     PP_ALIGN_LEFT, ly_col(c, LY_C_TEXT), false);
    ok = ok && tb_place(t);
    tb_free(t);
    fl_gap(c, c->lay->paragraph_gap);
    return ok;
}

/* ---- the indicators ------------------------------------------------------------------ */

/* The vocabulary has no note number: the seed's reading puts the printed
 * "Nota 19 bis" first among the indicator's Nota elements (see the Riviere
 * fixture), so a first Nota that starts "Nota " gives the number, up to
 * its colon. Anything else has no number (a dash). */
#define MAX_NOTE_NUMBER 16

static const char *note_number(ly_ctx *c, const pp_node *n, const char **rest)
{
    *rest = NULL;
    if (n->nnotes == 0 || strncmp(n->notes[0], "Nota ", 5) != 0) return NULL;
    const char *num = n->notes[0] + 5, *colon = strchr(num, ':');
    size_t len = colon ? (size_t)(colon - num) : strlen(num);
    while (len > 0 && num[len - 1] == ' ') len--;
    if (len == 0 || len > MAX_NOTE_NUMBER) return NULL;
    if (colon) {
        *rest = colon + 1;
        while (**rest == ' ') (*rest)++;
        if (!**rest) *rest = NULL;
    }
    const char *s = pp_arena_strndup(c->arena, num, len);
    if (!s) c->oom = true;
    return s;
}

typedef struct {
    int from, to;
    double *w;
    const char **labels;
    size_t ncols;
} ind_columns;

/* Indicatore, Algoritmo, a target per year of the Triennio, Nota. */
static bool columns(ly_ctx *c, ind_columns *k)
{
    ly_triennio(c, &k->from, &k->to);
    size_t years = (size_t)(k->to - k->from + 1);
    k->ncols = years + 3;
    k->w = pp_arena_alloc(c->arena, k->ncols * sizeof *k->w);
    k->labels = pp_arena_alloc(c->arena, k->ncols * sizeof *k->labels);
    if (!k->w || !k->labels) return !(c->oom = true);
    double each = years > 3 ? 36.0 / (double)years : 12;
    k->w[0] = 30;
    k->w[1] = 28;
    k->labels[0] = ly_lbl(c, LY_L_COL_INDICATOR);
    k->labels[1] = ly_lbl(c, LY_L_COL_ALGORITHM);
    for (size_t i = 0; i < years; i++) {
        k->w[2 + i] = each;
        char year[16];
        snprintf(year, sizeof year, "%d", k->from + (int)i);
        const char *kv[] = {"anno", year, NULL};
        k->labels[2 + i] = ly_subst(c->arena, ly_lbl(c, LY_L_COL_TARGET_YEAR), kv);
        if (!k->labels[2 + i]) return !(c->oom = true);
    }
    k->w[k->ncols - 1] = 7;
    k->labels[k->ncols - 1] = ly_lbl(c, LY_L_COL_NOTE);
    return true;
}

/* A target: its previous values struck through, then the value. */
static bool target(ly_table *t, ly_cell *cell, const pp_node *n, const pp_target *tg)
{
    ly_ctx *c = t->c;
    if (!tg) return tb_text(t, cell, dash, LY_F_TABLE, PP_ALIGN_RIGHT, ly_col(c, LY_C_TEXT), false);
    return ly_target_cell(t, cell, n, tg);
}

/* The reasons of the revised targets of a row, once each with the years
 * it covers ("Target 2023, 2024 rivisti: ..."): the seed gives one reason
 * for both years of a row, which a target column is too narrow to hold. */
static bool reasons_row(ly_table *t, const ind_columns *k, const pp_node *n)
{
    ly_ctx *c = t->c;
    const pp_indicator *ind = n->ind;
    for (int y = k->from; y <= k->to; y++) {
        const pp_target *tg = pp_indicator_target(ind, y);
        for (size_t i = 0; tg && i < tg->nrevisions; i++) {
            const char *why = tg->revisions[i].reason;
            if (!why || !*why) continue;
            /* said already for an earlier year */
            bool said = false;
            for (int e = k->from; e < y && !said; e++) {
                const pp_target *te = pp_indicator_target(ind, e);
                for (size_t j = 0; te && j < te->nrevisions && !said; j++)
                    said = te->revisions[j].reason && strcmp(te->revisions[j].reason, why) == 0;
            }
            if (said) continue;
            const char *years = pp_arena_printf(c->arena, "%d", y);
            for (int l = y + 1; years && l <= k->to; l++) {
                const pp_target *tl = pp_indicator_target(ind, l);
                for (size_t j = 0; tl && j < tl->nrevisions; j++)
                    if (tl->revisions[j].reason && strcmp(tl->revisions[j].reason, why) == 0) {
                        years = pp_arena_printf(c->arena, "%s, %d", years, l);
                        break;
                    }
            }
            const char *kv[] = {"anni", years ? years : "", "motivo", why, NULL};
            const char *text = years ? ly_subst(c->arena, ly_lbl(c, LY_L_SCHEDA_REASON), kv) : NULL;
            ly_row *r = text ? tb_row(t, false) : NULL;
            if (!r) return !(c->oom = true);
            ly_cell *cell = tb_cell(t, r, (int)k->ncols);
            tb_fill(cell, ly_col(c, LY_C_GROUP_BG));
            if (!tb_text(t, cell, text, LY_F_NOTE, PP_ALIGN_LEFT, ly_col(c, LY_C_TEXT), false))
                return false;
        }
    }
    return true;
}

static bool indicator_row(ly_table *t, const ind_columns *k, const pp_node *n)
{
    ly_ctx *c = t->c;
    const pp_indicator *ind = n->ind;
    pp_rgb text = ly_col(c, LY_C_TEXT);
    ly_row *r = tb_row(t, false);
    const char *name = ind->name ? ind->name : n->title;
    bool ok = r && tb_text(t, tb_cell(t, r, 1), text_or_dash(name), LY_F_TABLE, PP_ALIGN_LEFT,
                           text, false) &&
              tb_text(t, tb_cell(t, r, 1), text_or_dash(ind->algorithm), LY_F_TABLE,
                      PP_ALIGN_LEFT, text, false);
    for (int y = k->from; ok && y <= k->to; y++)
        ok = target(t, tb_cell(t, r, 1), n, pp_indicator_target(ind, y));
    const char *rest;
    const char *num = ok ? note_number(c, n, &rest) : NULL;
    return ok && !c->oom &&
           tb_text(t, tb_cell(t, r, 1), num ? num : dash, LY_F_TABLE, PP_ALIGN_CENTER, text,
                   false) &&
           reasons_row(t, k, n);
}

static size_t count_indicators(const pp_node *n)
{
    size_t k = 0;
    for (size_t i = 0; i < n->nchildren; i++)
        if (n->children[i]->level == PP_LEVEL_INDICATORE && n->children[i]->ind) k++;
    return k;
}

/* The table of n's indicators under a band with `title` and, when given,
 * a line under it (the responsible service). */
static bool indicators(ly_ctx *c, const pp_node *n, const char *title, const char *sub)
{
    ind_columns k;
    if (!columns(c, &k)) return false;
    ly_table *t = tb_new(c, k.w, k.ncols);
    if (!t) return false;
    ly_row *r = tb_row(t, true);
    ly_cell *b = tb_cell(t, r, (int)k.ncols);
    tb_fill(b, ly_col(c, LY_C_BAND_BG));
    bool ok = tb_text(t, b, title, LY_F_BAND, PP_ALIGN_LEFT, ly_col(c, LY_C_BAND_FG), false);
    if (ok && sub) {
        ly_cell *s = tb_cell(t, tb_row(t, true), (int)k.ncols);
        tb_fill(s, ly_col(c, LY_C_GROUP_BG));
        ok = tb_text(t, s, sub, LY_F_NOTE, PP_ALIGN_LEFT, ly_col(c, LY_C_TEXT), false);
    }
    ok = ok && ly_head_row(t, k.labels, k.ncols);
    for (size_t i = 0; ok && i < n->nchildren; i++)
        if (n->children[i]->level == PP_LEVEL_INDICATORE && n->children[i]->ind)
            ok = indicator_row(t, &k, n->children[i]);
    ok = ok && tb_place(t);
    tb_free(t);
    fl_gap(c, c->lay->paragraph_gap * 1.5);
    return ok;
}

/* ---- operational objectives ------------------------------------------------------------ */

/* The responsible service: the unit its Classificazione names, else the
 * person; NULL when neither. */
static const char *responsible(ly_ctx *c, const pp_node *o)
{
    const char *name = NULL;
    for (size_t i = 0; o->cls.unit_ref && i < c->doc->nunits && !name; i++)
        if (c->doc->units[i].id && strcmp(c->doc->units[i].id, o->cls.unit_ref) == 0)
            name = c->doc->units[i].name;
    for (size_t i = 0; !name && o->cls.manager_ref && i < c->doc->npeople; i++)
        if (c->doc->people[i].id && strcmp(c->doc->people[i].id, o->cls.manager_ref) == 0)
            name = c->doc->people[i].name;
    if (!name || !*name) return NULL;
    const char *kv[] = {"nome", name, NULL};
    const char *s = ly_subst(c->arena, ly_lbl(c, LY_L_SCHEDA_RESPONSIBLE), kv);
    if (!s) c->oom = true;
    return s;
}

static bool operational(ly_ctx *c, const pp_node *o)
{
    const char *kv[] = {"codice", o->code ? o->code : "", "titolo", o->title ? o->title : "",
                        NULL};
    const char *title = ly_subst(c->arena, ly_lbl(c, LY_L_SCHEDA_OPERATIONAL), kv);
    const char *who = responsible(c, o);
    if (!title || c->oom) return !(c->oom = true);
    const char *sub = who;
    if (o->description && *o->description)
        sub = who ? pp_arena_printf(c->arena, "%s \u00b7 %s", who, o->description)
                  : o->description;
    if (!sub && who) return !(c->oom = true);
    return indicators(c, o, title, sub);
}

/* ---- comment, notes, trends -------------------------------------------------------------- */

static bool comment(ly_ctx *c, const pp_node *s)
{
    if (!s->comment || !*s->comment) return true;
    /* the word "Commento" never ends a page alone: two lines go with it */
    const ly_font *cap = ly_font_of(c, LY_F_CAPTION), *body = ly_font_of(c, LY_F_BODY);
    double keep = cap->spec.size * 1.5 + cap->space_before + cap->space_after +
                  2 * body->spec.size * body->spec.line_spacing;
    return fl_need(c, keep) &&
           ly_text_para(c, ly_lbl(c, LY_L_SCHEDA_COMMENT), LY_F_CAPTION, PP_ALIGN_LEFT, "P") &&
           ly_text_para(c, s->comment, LY_F_BODY, PP_ALIGN_JUSTIFY, "P");
}

/* "2020: n.d. · 2021: 0,17 % · 2022: 0,16 %" */
static const char *series(ly_ctx *c, const pp_indicator *ind)
{
    const char *s = "";
    for (size_t i = 0; s && i < ind->nhistory; i++) {
        const pp_history *h = &ind->history[i];
        const char *v = h->available ? ly_history_value(c, h->value, ind) : "n.d.";
        s = v ? pp_arena_printf(c->arena, "%s%s%d: %s", s, i ? " \u00b7 " : "", h->year, v) : NULL;
    }
    if (!s) c->oom = true;
    return s && *s ? s : dash;
}

static bool note_row(ly_table *t, const pp_node *n)
{
    ly_ctx *c = t->c;
    const pp_indicator *ind = n->ind;
    pp_rgb text = ly_col(c, LY_C_TEXT), muted = ly_col(c, LY_C_MUTED);
    const char *rest;
    const char *num = note_number(c, n, &rest);
    ly_row *r = tb_row(t, false);
    const char *name = ind->name ? ind->name : n->title;
    ly_cell *first = tb_cell(t, r, 1);
    bool ok = r && !c->oom &&
              tb_text(t, first, num ? num : dash, LY_F_TABLE, PP_ALIGN_LEFT, text, false) &&
              tb_text(t, first, text_or_dash(name), LY_F_NOTE, PP_ALIGN_LEFT, muted, false) &&
              tb_text(t, tb_cell(t, r, 1), text_or_dash(ind->fonte), LY_F_TABLE, PP_ALIGN_LEFT,
                      text, false);
    ly_cell *sc = tb_cell(t, r, 1);
    ok = ok && tb_text(t, sc, series(c, ind), LY_F_TABLE, PP_ALIGN_LEFT, text, false);
    /* the note's own words and the further notes: the seed prints them in
     * the serie storica column (Num/Den, "dato al monitoraggio"...) */
    if (ok && rest) ok = tb_text(t, sc, rest, LY_F_NOTE, PP_ALIGN_LEFT, muted, false);
    for (size_t i = num ? 1 : 0; ok && i < n->nnotes; i++)
        ok = tb_text(t, sc, n->notes[i], LY_F_NOTE, PP_ALIGN_LEFT, muted, false);
    return ok;
}

static bool notes_of(ly_table *t, const pp_node *n, bool *ok)
{
    for (size_t i = 0; *ok && i < n->nchildren; i++) {
        const pp_node *ch = n->children[i];
        if (ch->level == PP_LEVEL_INDICATORE && ch->ind) *ok = note_row(t, ch);
        else if (ch->level == PP_LEVEL_OPERATIVO) notes_of(t, ch, ok);
    }
    return *ok;
}

static size_t count_all(const pp_node *s)
{
    size_t k = count_indicators(s);
    for (size_t i = 0; i < s->nchildren; i++)
        if (s->children[i]->level == PP_LEVEL_OPERATIVO) k += count_indicators(s->children[i]);
    return k;
}

static bool notes_table(ly_ctx *c, const pp_node *s)
{
    if (count_all(s) == 0) return true;
    static const double w[] = {20, 38, 42};
    ly_table *t = tb_new(c, w, 3);
    if (!t) return false;
    ly_row *r = tb_row(t, true);
    ly_cell *b = tb_cell(t, r, 3);
    tb_fill(b, ly_col(c, LY_C_BAND_BG));
    const char *labels[] = {ly_lbl(c, LY_L_COL_NOTE), ly_lbl(c, LY_L_COL_FONTE),
                            ly_lbl(c, LY_L_COL_SERIES)};
    bool ok = tb_text(t, b, ly_lbl(c, LY_L_SCHEDA_NOTES), LY_F_BAND, PP_ALIGN_LEFT,
                      ly_col(c, LY_C_BAND_FG), false) &&
              ly_head_row(t, labels, 3);
    ok = ok && notes_of(t, s, &ok) && tb_place(t);
    tb_free(t);
    fl_gap(c, c->lay->paragraph_gap * 1.5);
    return ok;
}

/* Trend charts two to a row, each box as tall as TREND_H. */
#define TREND_H 118.0
#define TREND_GAP 10.0

typedef struct {
    const pp_node *items[2];
    size_t n;
    bool caption_placed;
} trend_row;

static bool place_trends(ly_ctx *c, trend_row *row)
{
    if (row->n == 0) return true;
    double w = (fl_width(c) - TREND_GAP) / 2;
    const ly_font *f = ly_font_of(c, LY_F_CAPTION);
    if (!row->caption_placed) { /* the caption stays with the first row */
        if (!fl_need(c, f->spec.size * 1.5 + f->space_before + f->space_after + TREND_H) ||
            !ly_text_para(c, ly_lbl(c, LY_L_SCHEDA_TRENDS), LY_F_CAPTION, PP_ALIGN_LEFT, "Caption"))
            return false;
        row->caption_placed = true;
    }
    if (!fl_need(c, TREND_H)) return false;
    for (size_t i = 0; i < row->n; i++) {
        const pp_node *n = row->items[i];
        const char *name = n->ind->name ? n->ind->name : n->title ? n->title : "";
        const char *alt = pp_arena_printf(c->arena, "Andamento dell'indicatore \u00ab%s\u00bb: "
                                                    "serie storica e target per anno", name);
        if (!alt) return !(c->oom = true);
        if (!pp_trend_draw(fl_page(c), c->text, &c->fig, n->ind, name, alt,
                           c->flow.x0 + (double)i * (w + TREND_GAP), c->flow.y, w, TREND_H))
            return !(c->oom = true);
    }
    fl_advance(c, TREND_H);
    fl_gap(c, TREND_GAP);
    row->n = 0;
    return true;
}

static bool trends_of(ly_ctx *c, const pp_node *n, trend_row *row)
{
    bool ok = true;
    for (size_t i = 0; ok && i < n->nchildren; i++) {
        const pp_node *ch = n->children[i];
        if (ch->level == PP_LEVEL_OPERATIVO) ok = trends_of(c, ch, row);
        if (ch->level != PP_LEVEL_INDICATORE || !ch->ind || pp_trend_values(ch->ind) < 3)
            continue;
        row->items[row->n++] = ch;
        if (row->n == 2) ok = place_trends(c, row);
    }
    return ok;
}

/* ---- the sheet ------------------------------------------------------------------------------- */

bool ly_scheda(ly_ctx *c, const pp_node *s)
{
    bool ok = band(c, s);
    if (ok && count_indicators(s) > 0)
        ok = indicators(c, s, ly_lbl(c, LY_L_SCHEDA_INDICATORS), NULL);
    for (size_t i = 0; ok && i < s->nchildren; i++)
        if (s->children[i]->level == PP_LEVEL_OPERATIVO) ok = operational(c, s->children[i]);
    ok = ok && comment(c, s) && notes_table(c, s);
    trend_row row = {{NULL, NULL}, 0, false};
    ok = ok && trends_of(c, s, &row) && place_trends(c, &row);
    return ok && !c->oom;
}
