/* Values as the Italian page prints them (DOMAIN §7): "93,75 %",
 * ">= 400,00 N.", "Entro 30/11/2022", "N/D", and the band a figure falls
 * in. Strings live in the rendering's arena. */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "layout_internal.h"
#include "numfmt.h"
#include "score.h"

static const char *keep(ly_ctx *c, const char *s)
{
    char *k = pp_arena_strdup(c->arena, s);
    if (!k) c->oom = true;
    return k ? k : "";
}

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

const char *ly_band_word(ly_ctx *c, int band)
{
    if (band < 0 || (size_t)band >= c->smvp.nbands) return ly_lbl(c, LY_L_NOT_EVALUATED);
    return ly_upper(c, c->smvp.bands[band].label);
}

const char *ly_status_word(ly_ctx *c, const pp_node *ind)
{
    int b = ly_band(c, ind);
    if (b < 0)
        return c->smvp.status_not_counted ? c->smvp.status_not_counted
                                          : ly_lbl(c, LY_L_NOT_EVALUATED);
    const pp_band *band = &c->smvp.bands[b];
    return band->status ? band->status : ly_upper(c, band->label);
}

/* ---- numbers ------------------------------------------------------------------------- */

const char *ly_percent(ly_ctx *c, double v)
{
    char buf[96];
    pp_fmt_percent_it(v, buf, sizeof buf);
    return keep(c, buf);
}

const char *ly_achievement(ly_ctx *c, const pp_node *n)
{
    if (!n->result.has_achievement) return ly_lbl(c, LY_L_ND);
    return ly_percent(c, n->result.achievement);
}

const char *ly_number(ly_ctx *c, double v)
{
    char buf[96];
    pp_fmt_it(v, 2, buf, sizeof buf);
    return keep(c, buf);
}

static void value_buf(double v, pp_unit u, char *buf, size_t size)
{
    char n[96];
    pp_fmt_it(v, 2, n, sizeof n);
    const char *sym = pp_unit_symbol(u);
    if (*sym) snprintf(buf, size, "%s %s", n, sym);
    else snprintf(buf, size, "%s", n);
}

const char *ly_value(ly_ctx *c, double v, pp_unit u)
{
    char buf[128];
    value_buf(v, u, buf, sizeof buf);
    return keep(c, buf);
}

const char *ly_date(ly_ctx *c, pp_date d)
{
    if (!pp_date_valid(d)) return ly_lbl(c, LY_L_ND);
    char buf[16];
    pp_date_format_it(d, buf);
    return keep(c, buf);
}

const char *ly_target_value(ly_ctx *c, pp_op op, bool has_value, double v, pp_date date,
                            pp_unit u)
{
    if (op == PP_OP_ENTRO) {
        const char *kv[] = {"data", ly_date(c, date), NULL};
        char *s = ly_subst(c->arena, ly_lbl(c, LY_L_DEADLINE), kv);
        if (!s) c->oom = true;
        return s ? s : "";
    }
    if (!has_value) return ly_lbl(c, LY_L_ND);
    char val[128], buf[160];
    value_buf(v, u, val, sizeof val);
    snprintf(buf, sizeof buf, "%s %s", pp_op_symbol(op), val);
    return keep(c, buf);
}

const char *ly_target(ly_ctx *c, const pp_target *t, pp_unit u)
{
    if (!t) return ly_lbl(c, LY_L_ND);
    return ly_target_value(c, t->op, t->has_value, t->value, t->date, u);
}

const char *ly_actual(ly_ctx *c, const pp_indicator *ind)
{
    switch (ind->actual.kind) {
    case PP_ACTUAL_VALUE: return ly_value(c, ind->actual.value, ind->unit);
    case PP_ACTUAL_DATE: return ly_date(c, ind->actual.date);
    default: return ly_lbl(c, LY_L_ND);
    }
}

const char *ly_deviation(ly_ctx *c, const pp_node *n)
{
    if (!n->result.has_deviation || !isfinite(n->result.deviation)) return "\u2013";
    double v = n->result.deviation;
    char num[96], buf[128];
    const pp_target *t = n->result.target;
    if (t && t->op == PP_OP_ENTRO) {
        pp_fmt_it(v, 0, num, sizeof num);
        snprintf(buf, sizeof buf, "%s%s gg", v > 0 ? "+" : "", num);
    } else {
        value_buf(v, n->ind ? n->ind->unit : PP_UNIT_N, num, sizeof num);
        snprintf(buf, sizeof buf, "%s%s", v > 0 ? "+" : "", num);
    }
    return keep(c, buf);
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
