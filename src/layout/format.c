/* Values as the Italian page prints them (DOMAIN §7): "93,75 %",
 * ">= 400,00 N.", "Entro 30/11/2022", "N/D", and the band a figure falls
 * in. Strings live in the rendering's arena. */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "layout_internal.h"
#include "numfmt.h"
#include "score.h"

/* A string made in the arena, or "" (and the out-of-memory flag). */
static const char *kept(ly_ctx *c, const char *s)
{
    if (!s) c->oom = true;
    return s ? s : "";
}

static const char *keep(ly_ctx *c, const char *s) { return kept(c, pp_arena_strdup(c->arena, s)); }

/* ---- bands -------------------------------------------------------------------------- */

int ly_band(const ly_ctx *c, const pp_node *n)
{
    if (!n->result.has_achievement || c->smvp.nbands == 0) return -1;
    if (c->doc->smvp.nbands > 0 && n->result.band >= 0 && (size_t)n->result.band < c->smvp.nbands)
        return n->result.band;
    return pp_band_of(&c->smvp, n->result.achievement);
}

pp_rgb ly_band_rgb(const ly_ctx *c, int band)
{
    pp_rgb rgb = ly_col(c, LY_C_MUTED);
    if (band >= 0 && (size_t)band < c->smvp.nbands && c->smvp.bands[band].colour)
        pp_rgb_parse(c->smvp.bands[band].colour, &rgb);
    return rgb;
}

/* A light tint of the band's colour: dark text stays readable on it. */
pp_rgb ly_band_tint(const ly_ctx *c, int band)
{
    pp_rgb k = ly_band_rgb(c, band);
    const double a = 0.28;
    return (pp_rgb){1 - a + a * k.r, 1 - a + a * k.g, 1 - a + a * k.b};
}

char *ly_upper(ly_ctx *c, const char *s)
{
    char *u = pp_arena_strdup(c->arena, s ? s : "");
    if (!u) {
        c->oom = true;
        return (char *)"";
    }
    for (char *p = u; *p; p++)
        if ((unsigned char)*p < 128) *p = (char)toupper((unsigned char)*p);
    return u;
}

/* The document's own words for "not assessed" (statoNonValutato), the
 * layout's label only when it states none: one wording on every row,
 * band and legend. */
const char *ly_not_assessed(const ly_ctx *c)
{
    return c->smvp.status_not_counted ? c->smvp.status_not_counted
                                      : ly_lbl(c, LY_L_NOT_EVALUATED);
}

const char *ly_band_word(ly_ctx *c, int band)
{
    if (band < 0 || (size_t)band >= c->smvp.nbands) return ly_not_assessed(c);
    return ly_upper(c, c->smvp.bands[band].label);
}

const char *ly_band_short(ly_ctx *c, int band)
{
    if (band < 0 || (size_t)band >= c->smvp.nbands || !c->smvp.bands[band].short_label)
        return NULL;
    return ly_upper(c, c->smvp.bands[band].short_label);
}

/* An indicator without any target and without a value set by hand, that
 * reports a value: it informs, it is never scored, so "N/D" or "DA
 * VALUTARE" would mislead. Without a value it stays N/D, as seed 000
 * prints it. */
bool ly_descriptive(const pp_node *n)
{
    return n->ind && n->ind->ntargets == 0 && !n->ind->has_override &&
           (n->ind->actual.kind == PP_ACTUAL_VALUE || n->ind->actual.kind == PP_ACTUAL_DATE);
}

/* Removed during the year and not counted (itself, or an indicator with no
 * value under a removed objective): "DA VALUTARE" would promise an
 * evaluation that will not come. */
static bool removed(const pp_node *n)
{
    const pp_change *rm = pp_node_removal(n);
    return (rm && !rm->counted) || (!n->result.has_achievement && pp_node_dropped(n));
}

/* The node or an objective above it is "non oggetto di misurazione": its
 * indicators were not measured by design, not missing. */
static bool not_measured(const pp_node *n)
{
    for (; n; n = n->parent)
        if (n->result.not_measured || pp_objective_not_measured(n)) return true;
    return false;
}

const char *ly_status_word(ly_ctx *c, const pp_node *ind)
{
    if (not_measured(ind)) return ly_lbl(c, LY_L_NOT_MEASURED);
    if (ly_descriptive(ind)) return ly_lbl(c, LY_L_STATUS_DESCRIPTIVE);
    if (removed(ind)) return ly_lbl(c, LY_L_STATUS_REMOVED);
    int b = ly_band(c, ind);
    if (b < 0) return ly_not_assessed(c);
    const pp_band *band = &c->smvp.bands[b];
    return band->status ? band->status : ly_upper(c, band->label);
}

/* ---- numbers ------------------------------------------------------------------------- */

const char *ly_percent(ly_ctx *c, double v)
{
    char buf[PP_FMT_PERCENT_SIZE];
    pp_fmt_percent_it(v, buf, sizeof buf);
    return keep(c, buf);
}

const char *ly_achievement(ly_ctx *c, const pp_node *n)
{
    if (not_measured(n) || ly_descriptive(n)) return "\u2013";
    if (!n->result.has_achievement) return ly_lbl(c, LY_L_ND);
    return ly_percent(c, n->result.achievement);
}

const char *ly_number(ly_ctx *c, double v)
{
    char buf[PP_FMT_IT_SIZE];
    pp_fmt_it(v, 2, buf, sizeof buf);
    return keep(c, buf);
}

/* What goes between a number and its unit: a space, or nothing when the
 * unit has no symbol. Values with units are printed straight into the
 * arena, so that no buffer has to guess how long a number and a symbol
 * can be together, and none is ever cut. */
static const char *gap(const char *sym) { return *sym ? " " : ""; }

/* The decimals an indicator's values are printed with: the layout's fixed
 * number, or (-1) the most the source writes for the indicator, so that
 * "1150" stays "1.150 N." and "16.4" "16,40 fte" only when asked. A value
 * computed from numerator and denominator has no written precision: two. */
int ly_decimals(const ly_ctx *c, const pp_indicator *ind)
{
    int d = ind->unit == PP_UNIT_N ? c->lay->count_decimals : c->lay->decimals;
    if (d >= 0) return d;
    d = ind->decimals;
    if (ind->actual.from_ratio && d < 2) d = 2;
    return d > 6 ? 6 : d;
}

const char *ly_op(const ly_ctx *c, pp_op op)
{
    if (c->lay->op_symbols) {
        if (op == PP_OP_GE) return "\u2265";
        if (op == PP_OP_LE) return "\u2264";
    }
    return pp_op_symbol(op);
}

const char *ly_number_with(ly_ctx *c, double v, int decimals, pp_unit u)
{
    char num[PP_FMT_IT_SIZE];
    pp_fmt_it(v, decimals, num, sizeof num);
    const char *sym = pp_unit_symbol(u);
    return kept(c, pp_arena_printf(c->arena, "%s%s%s", num, gap(sym), sym));
}

const char *ly_value(ly_ctx *c, double v, const pp_indicator *ind)
{
    return ly_number_with(c, v, ly_decimals(c, ind), ind->unit);
}

const char *ly_date(ly_ctx *c, pp_date d)
{
    if (!pp_date_valid(d)) return ly_lbl(c, LY_L_ND);
    char buf[16];
    pp_date_format_it(d, buf);
    return keep(c, buf);
}

const char *ly_target_value(ly_ctx *c, pp_op op, bool has_value, double v, pp_date date,
                            const pp_indicator *ind)
{
    if (op == PP_OP_ENTRO) {
        const char *kv[] = {"data", ly_date(c, date), NULL};
        return kept(c, ly_subst(c->arena, ly_lbl(c, LY_L_DEADLINE), kv));
    }
    if (!has_value) return ly_lbl(c, LY_L_ND);
    return kept(c, pp_arena_printf(c->arena, "%s %s", ly_op(c, op), ly_value(c, v, ind)));
}

const char *ly_target(ly_ctx *c, const pp_target *t, const pp_indicator *ind)
{
    if (!t) return ly_lbl(c, LY_L_ND);
    return ly_target_value(c, t->op, t->has_value, t->value, t->date, ind);
}

const char *ly_unbroken(ly_ctx *c, const char *s)
{
    const char *sp = strrchr(s, ' ');
    if (!sp) return s;
    const char *t = pp_arena_printf(c->arena, "%.*s\u00a0%s", (int)(sp - s), s, sp + 1);
    if (!t) c->oom = true;
    return t ? t : s;
}

/* The model keeps no decimals for the serie storica, and the targets' may
 * be fewer ("14 %" beside a history of 13,85 %): as many as the value
 * needs, up to three, and never fewer than the targets'. */
const char *ly_history_value(ly_ctx *c, double v, const pp_indicator *ind)
{
    int d = ly_decimals(c, ind);
    while (d < 3 && fabs(v * pow(10, d) - round(v * pow(10, d))) > 1e-6) d++;
    return ly_number_with(c, v, d, ind->unit);
}

const char *ly_actual(ly_ctx *c, const pp_indicator *ind)
{
    switch (ind->actual.kind) {
    case PP_ACTUAL_VALUE: return ly_value(c, ind->actual.value, ind);
    case PP_ACTUAL_DATE: return ly_date(c, ind->actual.date);
    case PP_ACTUAL_NOT_COMPLETED: return ly_lbl(c, LY_L_NOT_COMPLETED);
    default: return ly_lbl(c, LY_L_ND);
    }
}

/* "+12 gg" for a deadline, "-3,50 %" otherwise. */
const char *ly_deviation(ly_ctx *c, const pp_node *n)
{
    if (!n->result.has_deviation || !isfinite(n->result.deviation)) return "\u2013";
    double v = n->result.deviation;
    const char *sign = v > 0 ? "+" : "";
    char num[PP_FMT_IT_SIZE];
    const pp_target *t = n->result.target;
    if (t && t->op == PP_OP_ENTRO) {
        pp_fmt_it(v, 0, num, sizeof num);
        return kept(c, pp_arena_printf(c->arena, "%s%s gg", sign, num));
    }
    pp_fmt_it(v, n->ind ? ly_decimals(c, n->ind) : 2, num, sizeof num);
    const char *sym = pp_unit_symbol(n->ind ? n->ind->unit : PP_UNIT_N);
    return kept(c, pp_arena_printf(c->arena, "%s%s%s%s", sign, num, gap(sym), sym));
}

const char *ly_clip(ly_ctx *c, const char *s, size_t max)
{
    if (!s) return NULL;
    size_t chars = 0, cut = 0;
    const char *p = s;
    for (; *p; p++)
        if (((unsigned char)*p & 0xC0) != 0x80 && chars++ == max) {
            cut = (size_t)(p - s);
            break;
        }
    if (!*p) return s; /* short enough */
    size_t word = cut;
    while (word > 0 && s[word] != ' ') word--;
    if (word * 4 >= cut * 3) cut = word; /* end at a word in the last quarter */
    char *k = pp_arena_printf(c->arena, "%.*s\u2026", (int)cut, s);
    if (!k) c->oom = true;
    return k ? k : "";
}

const char *ly_code_title_ref(ly_ctx *c, const pp_node *n)
{
    const char *t = ly_clip(c, n->title ? n->title : "", LY_MAX_REFERENCE);
    if (!n->code || !*n->code) return t;
    char *s = pp_arena_printf(c->arena, "%s %s", ly_clip(c, n->code, LY_MAX_REFERENCE), t);
    if (!s) c->oom = true;
    return s ? s : t;
}

const char *ly_code_title(ly_ctx *c, const pp_node *n)
{
    const char *t = n->title ? n->title : "";
    if (!n->code || !*n->code) return t;
    char *s = pp_arena_printf(c->arena, "%s %s", n->code, t);
    if (!s) c->oom = true;
    return s ? s : t;
}
