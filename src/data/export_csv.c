/* Export as CSV: one row per indicator, the columns of columns.h. */
#include "export.h"

#include <stdio.h>
#include <string.h>

#include "columns.h"
#include "datawrite.h"
#include "numfmt.h"
#include "parse_it.h"
#include "score.h"

typedef struct {
    const pp_doc *doc;
    FILE *out;
    bool it; /* Italian spreadsheet style */
    char delim;
    int years[PP_MAX_TARGET_COLUMNS];
    unsigned nyears;
    const pp_node *at[PP_NLEVELS]; /* the row's node of each level; NULL for none */
} xctx;

/* Text cells; for Excel and Calc (csv-it) neutralised where a spreadsheet
 * would run them as a formula (datawrite.h). The plain csv stays exact. */
static void text(xctx *X, const char *s) { pp_csv_write_text(X->out, s, X->delim, X->it); }

static void number(xctx *X, bool present, double v) { pp_csv_write_number(X->out, present, v, X->it); }

static void date(xctx *X, pp_date d)
{
    char buf[16];
    if (X->it) pp_date_format_it(d, buf);
    else pp_date_format_iso(d, buf);
    fputs(buf, X->out);
}

/* A weight with the decimals it was written with (they tell the rounding
 * the checks allow). */
static void weight(xctx *X, const pp_node *n)
{
    char buf[64];
    if (n->weight != n->weight) return;
    snprintf(buf, sizeof buf, "%.*f", n->weight_decimals, n->weight);
    char *dot = X->it ? strchr(buf, '.') : NULL;
    if (dot) *dot = ',';
    fputs(buf, X->out);
}

/* Notes, one per line of the cell (always quoted: they hold new lines). */
static void lines(xctx *X, const char *const *items, size_t n)
{
    if (!n) return;
    fputc('"', X->out);
    if (X->it && pp_csv_needs_guard(items[0])) fputc('\'', X->out);
    for (size_t i = 0; i < n; i++) {
        if (i) fputc('\n', X->out);
        for (const char *s = items[i]; *s; s++) {
            if (*s == '"') fputc('"', X->out);
            fputc(*s, X->out);
        }
    }
    fputc('"', X->out);
}

static const char *band_of(const xctx *X, const pp_node *n, bool status)
{
    const pp_result *r = &n->result;
    const pp_smvp *s = &X->doc->smvp;
    if (!r->has_achievement) return status ? s->status_not_counted : NULL;
    if (r->band < 0 || (size_t)r->band >= s->nbands) return NULL;
    return status ? s->bands[r->band].status : s->bands[r->band].label;
}

/* ---- cells of any node --------------------------------------------------------- */

static bool class_cell(xctx *X, const pp_node *n, pp_field f)
{
    const pp_class *c = &n->cls;
    switch (f) {
    case PP_F_TIPO: text(X, c->tipo); return true;
    case PP_F_UNITA: text(X, c->unit_ref); return true;
    case PP_F_RESPONSABILE: text(X, c->manager_ref); return true;
    case PP_F_PROSPETTIVA: text(X, c->prospettiva); return true;
    case PP_F_MISSIONE: text(X, c->missione); return true;
    case PP_F_PROGRAMMA: text(X, c->programma); return true;
    case PP_F_COFOG: text(X, c->cofog); return true;
    case PP_F_RISORSE: number(X, c->has_budget, c->budget); return true;
    case PP_F_GENERE: text(X, !c->has_gender ? NULL : c->gender ? "sì" : "no"); return true;
    default: return false;
    }
}

static void node_cell(xctx *X, const pp_node *n, pp_field f)
{
    const pp_result *r = &n->result;
    if (class_cell(X, n, f)) return;
    switch (f) {
    case PP_F_ID: text(X, n->id); break;
    case PP_F_CODICE: text(X, n->code); break;
    case PP_F_TITOLO: text(X, n->title); break;
    case PP_F_DESCRIZIONE: text(X, n->description); break;
    case PP_F_PESO: weight(X, n); break;
    case PP_F_COMMENTO: text(X, n->comment); break;
    case PP_F_NOTE: lines(X, n->notes, n->nnotes); break;
    case PP_F_NOME_ENTE: text(X, n->title); break;
    case PP_F_PESO_EFFETTIVO: number(X, true, r->effective_weight); break;
    case PP_F_RAGGIUNGIMENTO: number(X, r->has_achievement, r->achievement); break;
    case PP_F_FASCIA: text(X, band_of(X, n, false)); break;
    case PP_F_STATO: text(X, band_of(X, n, true)); break;
    case PP_F_SCOSTAMENTO: number(X, r->has_deviation, r->deviation); break;
    case PP_F_PUNTI_PERSI:
        number(X, r->has_points_lost, pp_points_lost_rounded(r->points_lost));
        break;
    default: break;
    }
}

/* ---- cells of an indicator ------------------------------------------------------------ */

/* The operator of the reference year's target (else of the first). */
static const pp_target *main_target(const xctx *X, const pp_indicator *ind)
{
    const pp_target *t = pp_indicator_target(ind, X->doc->year);
    return t ? t : ind->ntargets ? &ind->targets[0] : NULL;
}

static void target_cell(xctx *X, const pp_indicator *ind, int year)
{
    const pp_target *t = pp_indicator_target(ind, year), *m = main_target(X, ind);
    if (!t) return;
    if (m && t->op != m->op) fprintf(X->out, "%s ", pp_op_name(t->op));
    if (t->op == PP_OP_ENTRO) date(X, t->date);
    else number(X, t->has_value, t->value);
}

static void history_cell(xctx *X, const pp_indicator *ind)
{
    char buf[PP_FMT_DATA_SIZE];
    if (!ind->nhistory) return;
    fputc('"', X->out); /* "; " always needs quotes in a ';' file: quote in both */
    for (size_t i = 0; i < ind->nhistory; i++) {
        const pp_history *h = &ind->history[i];
        pp_fmt_data(h->value, buf, sizeof buf);
        char *dot = X->it ? strchr(buf, '.') : NULL;
        if (dot) *dot = ',';
        fprintf(X->out, "%s%d: %s", i ? "; " : "", h->year, h->available ? buf : "N/D");
    }
    fputc('"', X->out);
}

static void actual_cell(xctx *X, const pp_actual *a)
{
    if (a->kind == PP_ACTUAL_VALUE && !a->from_ratio) number(X, true, a->value);
    else if (a->kind == PP_ACTUAL_DATE) date(X, a->date);
    else if (a->kind == PP_ACTUAL_ND) text(X, "N/D");
}

static void unit_cell(xctx *X, const pp_indicator *ind)
{
    text(X, ind->unit == PP_UNIT_DATE ? "data" : pp_unit_symbol(ind->unit));
}

static void indicator_cell(xctx *X, const pp_node *n, pp_field f, int year)
{
    const pp_indicator *ind = n->ind;
    const pp_target *m = main_target(X, ind);
    switch (f) {
    case PP_F_TIPOLOGIA: text(X, ind->tipologia); break;
    case PP_F_REGOLA: text(X, ind->rule_set ? pp_rule_name(ind->rule) : NULL); break;
    case PP_F_ALGORITMO: text(X, ind->algorithm); break;
    case PP_F_NUMERATORE: text(X, ind->numerator.text); break;
    case PP_F_NUMERATORE_VALORE: number(X, ind->numerator.has_value, ind->numerator.value); break;
    case PP_F_DENOMINATORE: text(X, ind->denominator.text); break;
    case PP_F_DENOMINATORE_VALORE:
        number(X, ind->denominator.has_value, ind->denominator.value);
        break;
    case PP_F_UNITA_MISURA: unit_cell(X, ind); break;
    case PP_F_OPERATORE: text(X, m ? pp_op_name(m->op) : NULL); break;
    case PP_F_TARGET: target_cell(X, ind, year); break;
    case PP_F_SOGLIA: number(X, ind->has_soglia, ind->soglia); break;
    case PP_F_FONTE: text(X, ind->fonte); break;
    case PP_F_SERIE_STORICA: history_cell(X, ind); break;
    case PP_F_CONSUNTIVO: actual_cell(X, &ind->actual); break;
    case PP_F_MOTIVO_ND: text(X, ind->actual.kind == PP_ACTUAL_ND ? ind->actual.nd_reason : NULL); break;
    case PP_F_ATTRIBUITO: number(X, ind->has_override, ind->override_value); break;
    case PP_F_MOTIVO_ATTRIBUITO: text(X, ind->has_override ? ind->override_reason : NULL); break;
    default: node_cell(X, n, f); break;
    }
}

/* ---- rows ------------------------------------------------------------------------------- */

static void cell(xctx *X, const pp_column *c, int year)
{
    const pp_node *n = X->at[c->level];
    if (!n) return;
    if (c->level == PP_LEVEL_INDICATORE) indicator_cell(X, n, c->field, year);
    else node_cell(X, n, c->field);
}

static void each_column(xctx *X, bool header)
{
    bool first = true;
    for (unsigned i = 0; i < pp_columns_count; i++) {
        const pp_column *c = &pp_columns_all[i];
        unsigned reps = c->field == PP_F_TARGET ? X->nyears : 1;
        for (unsigned k = 0; k < reps; k++) {
            if (!first) fputc(X->delim, X->out);
            first = false;
            int year = c->field == PP_F_TARGET ? X->years[k] : 0;
            if (header && year) fprintf(X->out, "target_%d", year);
            else if (header) fputs(c->name, X->out);
            else cell(X, c, year);
        }
    }
    fputs("\r\n", X->out);
}

static bool emit_row(pp_node *n, void *ctx)
{
    xctx *X = ctx;
    if (n->level != PP_LEVEL_INDICATORE) return true;
    memset(X->at, 0, sizeof X->at);
    for (const pp_node *p = n; p; p = p->parent) X->at[p->level] = p;
    each_column(X, false);
    return true;
}

/* The years that have a target somewhere, ascending. */
static bool collect_years(pp_node *n, void *ctx)
{
    xctx *X = ctx;
    for (size_t i = 0; n->ind && i < n->ind->ntargets; i++) {
        int y = n->ind->targets[i].year;
        unsigned k = 0;
        while (k < X->nyears && X->years[k] < y) k++;
        if ((k < X->nyears && X->years[k] == y) || X->nyears == PP_MAX_TARGET_COLUMNS) continue;
        memmove(&X->years[k + 1], &X->years[k], (X->nyears - k) * sizeof *X->years);
        X->years[k] = y;
        X->nyears++;
    }
    return true;
}

bool pp_export_csv(const pp_doc *doc, bool italian, FILE *out)
{
    xctx X = {doc, out, italian, italian ? ';' : ',', {0}, 0, {NULL}};
    pp_tree_walk(doc->root, collect_years, &X);
    if (italian) fputs("\xEF\xBB\xBF", out); /* Excel reads UTF-8 only with a BOM */
    each_column(&X, true);
    pp_tree_walk(doc->root, emit_row, &X);
    return fflush(out) == 0 && !ferror(out);
}
