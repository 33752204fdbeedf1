/* "Variazioni rispetto al Piano" (layout block <variations/>): what the
 * Relazione changed from the Piano it reports on (doc->piano, set by the
 * caller), one row per difference (compare/), with the act that records
 * it or NON REGISTRATA highlighted, so the OIV sees at once what no
 * deliberation covers. Without a Piano the plan leaves the block out. */
#include "layout_internal.h"

bool ly_variations_compare(ly_ctx *c)
{
    if (c->variations || c->variations_failed) return true;
    pp_compare_result *r = pp_arena_alloc(c->arena, sizeof *r);
    pp_status st = r ? pp_compare(c->doc->piano, c->doc, c->arena, r, c->d) : PP_ERR_ENV;
    if (st == PP_ERR_ENV) c->oom = true;
    if (st != PP_OK) c->variations_failed = true;
    else c->variations = r;
    return !c->oom;
}

static const char *piano_name(const ly_ctx *c)
{
    const pp_doc *p = c->doc->piano;
    return p->title ? p->title : "Piano";
}

static bool summary(ly_ctx *c, const pp_compare_result *r)
{
    char n[24], m[24];
    snprintf(n, sizeof n, "%zu", r->count);
    snprintf(m, sizeof m, "%zu", r->unrecorded);
    const char *kv[] = {"piano", piano_name(c), "n", n, "m", m, NULL};
    const char *text = ly_subst(c->arena, ly_lbl(c, r->count ? LY_L_VARIATIONS_SUMMARY
                                                                : LY_L_VARIATIONS_NONE),
                                kv);
    if (!text) {
        c->oom = true;
        return false;
    }
    return ly_text_para(c, text, LY_F_BODY, PP_ALIGN_LEFT, "P");
}

/* "delibera n. 48/24 del 20/06/2024", or NON REGISTRATA. */
static const char *record_text(ly_ctx *c, const pp_difference *df)
{
    char date[16] = "";
    if (df->date.y) pp_date_format_it(df->date, date);
    const char *kv[] = {"delibera", df->delibera ? df->delibera : "", "data", date, NULL};
    if (df->record_prior) {
        /* the act revises another value than the Piano's */
        const char *kv2[] = {"delibera", df->delibera ? df->delibera : "", "data", date,
                             "valore", ly_unbroken(c, df->record_prior), NULL};
        return ly_subst(c->arena, ly_lbl(c, LY_L_VARIATION_OTHER_PRIOR), kv2);
    }
    ly_label which = df->recorded        ? (*date ? LY_L_VARIATION_ACT : LY_L_VARIATION_ACT_NUMBER)
                     : df->record_found && *date ? LY_L_VARIATION_NO_ACT
                                                 : LY_L_VARIATION_UNRECORDED;
    return ly_subst(c->arena, ly_lbl(c, which), kv);
}

static bool cell(ly_table *t, ly_row *r, const char *text, pp_rgb colour)
{
    return tb_text(t, tb_cell(t, r, 1), text ? text : "\u2013", LY_F_TABLE, PP_ALIGN_LEFT,
                   colour, false);
}

static bool row(ly_table *t, const pp_difference *df)
{
    ly_ctx *c = t->c;
    ly_row *r = tb_row(t, false);
    const char *rec = record_text(c, df);
    const char *element = df->title ? pp_arena_printf(c->arena, "%s \u2013 %s",
                                                      pp_diff_level_word(df->level), df->title)
                                    : pp_diff_level_word(df->level);
    if (!r || !rec || !element) return false;
    pp_rgb text = ly_col(c, LY_C_TEXT);
    bool ok = cell(t, r, df->code, text) && cell(t, r, element, text) &&
              cell(t, r, pp_diff_kind_name(df->kind, df->level), text) &&
              cell(t, r, df->old_value, text) && cell(t, r, df->new_value, text);
    if (!ok) return false;
    /* in words as well as in colour: the page may be printed in grey */
    ly_cell *last = tb_cell(t, r, 1);
    if (!df->recorded) tb_fill(last, ly_col(c, LY_C_GROUP_BG));
    return tb_text(t, last, rec, LY_F_TABLE, PP_ALIGN_LEFT,
                   ly_col(c, df->recorded ? LY_C_TEXT : LY_C_MARK), false);
}

bool ly_variations(ly_ctx *c)
{
    const pp_compare_result *r = c->variations;
    if (!r) return true; /* could not be made, and reported: nothing to print */
    if (!summary(c, r)) return false;
    if (r->count == 0) return true;
    static const double w[] = {10, 26, 11, 17, 17, 19};
    ly_table *t = tb_new(c, w, 6);
    if (!t) return false;
    const char *labels[] = {ly_lbl(c, LY_L_COL_CODE),      ly_lbl(c, LY_L_COL_ELEMENT),
                            ly_lbl(c, LY_L_COL_VARIATION), ly_lbl(c, LY_L_COL_PIANO),
                            ly_lbl(c, LY_L_COL_RELAZIONE), ly_lbl(c, LY_L_COL_RECORDED)};
    bool ok = ly_head_row(t, labels, 6);
    for (size_t i = 0; ok && i < r->count; i++) ok = row(t, &r->items[i]);
    ok = ok && tb_place(t);
    tb_free(t);
    fl_gap(c, c->lay->paragraph_gap * 2);
    return ok;
}
