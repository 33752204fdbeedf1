/* `perfpdf score` output: every node's achievement as text, CSV or JSON. */
#include "score_out.h"

#include <string.h>

#include "datawrite.h"
#include "numfmt.h"
#include "score.h"

bool pp_parse_format(const char *s, pp_format *f)
{
    if (strcmp(s, "text") == 0) *f = PP_FORMAT_TEXT;
    else if (strcmp(s, "csv") == 0) *f = PP_FORMAT_CSV;
    else if (strcmp(s, "json") == 0) *f = PP_FORMAT_JSON;
    else return false;
    return true;
}

static const char *band_label(const pp_doc *doc, const pp_node *n)
{
    int b = n->result.band;
    return b >= 0 && (size_t)b < doc->smvp.nbands ? doc->smvp.bands[b].label : NULL;
}

/* A Piano has targets, not results: nothing of it is measured yet (a
 * consuntivo in a Piano is ignored, with a warning of validation). */
static bool is_plan(const pp_doc *doc) { return doc->kind == PP_DOC_PIANO; }

#define NOT_YET "non ancora misurato"

/* ---- the columns of the score contract ---------------------------------------- */

typedef struct emit_ctx emit_ctx;

/* One value of a node: a string (NULL: absent) or a number. */
typedef struct {
    bool is_number, present, is_bool;
    const char *str;
    double num;
} value;

/* points_lost: the points of the ente's percentage lost through the node
 * (score.h pp_score_points_lost); empty where the node is not counted. */
#define NCOLUMNS 12
static const char *const column_names[NCOLUMNS] = {
    "id",     "code",        "level", "title",    "parent",    "weight", "effective_weight",
    "actual", "achievement", "band",  "overridden", "points_lost"};

static value str(const char *s) { return (value){false, s != NULL, false, s, 0}; }
static value num(bool present, double v) { return (value){true, present, false, NULL, v}; }

/* The columns of `score` for one node, in the order of column_names. */
static void node_values(const pp_doc *doc, const pp_node *n, value v[NCOLUMNS])
{
    const pp_result *r = &n->result;
    bool actual = n->ind && n->ind->actual.kind == PP_ACTUAL_VALUE;
    v[0] = str(n->id);
    v[1] = str(n->code);
    v[2] = str(pp_level_name(n->level));
    v[3] = str(n->title);
    v[4] = str(n->parent ? n->parent->id : NULL);
    v[5] = num(n->weight == n->weight, n->weight);
    v[6] = num(true, r->effective_weight);
    v[7] = num(actual, actual ? n->ind->actual.value : 0);
    v[8] = num(r->has_achievement, r->achievement);
    v[9] = str(r->has_achievement ? band_label(doc, n) : NULL);
    v[10] = (value){false, true, true, r->overridden ? "true" : "false", 0};
    v[11] = num(r->has_points_lost, pp_points_lost_rounded(r->points_lost));
}

struct emit_ctx {
    const pp_doc *doc;
    FILE *out;
    bool first;
};

/* ---- JSON ------------------------------------------------------------------ */

static bool not_completed(const pp_node *n)
{
    return n->ind && n->ind->actual.kind == PP_ACTUAL_NOT_COMPLETED;
}

/* JSON also says what CSV's fixed columns cannot: an objective "non
 * oggetto di misurazione" (measured: false; its achievement is null) and
 * a deadline never completed (not_completed: true; it scores 0). */
void pp_json_node_fields(const pp_doc *doc, const pp_node *n, FILE *out)
{
    value v[NCOLUMNS];
    node_values(doc, n, v);
    for (int i = 0; i < NCOLUMNS; i++) {
        fprintf(out, "%s\"%s\": ", i ? ", " : "", column_names[i]);
        if (v[i].is_number) pp_json_number(out, v[i].present, v[i].num);
        else if (v[i].is_bool) fputs(v[i].str, out);
        else pp_json_string(out, v[i].str);
    }
    fprintf(out, ", \"measured\": %s, \"not_completed\": %s",
            n->result.not_measured ? "false" : "true", not_completed(n) ? "true" : "false");
}

/* ---- earlier years (--precedenti) ------------------------------------------------ */

/* n's node in the earlier document i (matched by code), or NULL. */
static const pp_node *past(const pp_node *n, size_t i) { return n->past ? n->past[i] : NULL; }

static bool past_actual(const pp_node *p)
{
    return p->ind && p->ind->actual.kind == PP_ACTUAL_VALUE;
}

/* "earlier_years": the years whose Relazione has the node, oldest first:
 * year, achievement, and for an indicator its consuntivo (null: N/D or a
 * deadline). Only when precedenti were given. */
static void json_earlier(const pp_doc *doc, const pp_node *n, FILE *out)
{
    if (doc->nprecedenti == 0) return;
    fputs(", \"earlier_years\": [", out);
    bool first = true;
    for (size_t i = 0; i < doc->nprecedenti; i++) {
        const pp_node *p = past(n, i);
        if (!p) continue;
        fprintf(out, "%s{\"year\": %d, \"achievement\": ", first ? "" : ", ",
                doc->precedenti[i]->year);
        pp_json_number(out, p->result.has_achievement, p->result.achievement);
        if (n->level == PP_LEVEL_INDICATORE) {
            fputs(", \"actual\": ", out);
            pp_json_number(out, past_actual(p), past_actual(p) ? p->ind->actual.value : 0);
        }
        fputc('}', out);
        first = false;
    }
    fputc(']', out);
}

static bool emit_json(pp_node *n, void *ctx)
{
    emit_ctx *e = ctx;
    fputs(e->first ? "\n    {" : ",\n    {", e->out);
    e->first = false;
    pp_json_node_fields(e->doc, n, e->out);
    json_earlier(e->doc, n, e->out);
    fputc('}', e->out);
    return true;
}

static const char *band_name(const pp_doc *doc, bool has, int b)
{
    return has && b >= 0 && (size_t)b < doc->smvp.nbands ? doc->smvp.bands[b].label : NULL;
}

/* One person: total and objectives; an own objective with its nodes (the
 * objective, then its indicators), one per line. Keys are not "id", so
 * that a line holding "id" is always a node of the tree or of an own
 * objective. */
static void json_person(const pp_doc *doc, const pp_person *p, FILE *out)
{
    fputs("{\"person\": ", out);
    pp_json_string(out, p->id);
    fputs(", \"name\": ", out);
    pp_json_string(out, p->name);
    fputs(", \"unit\": ", out);
    pp_json_string(out, p->unit_ref);
    fputs(", \"achievement\": ", out);
    pp_json_number(out, p->has_total, p->total);
    fputs(", \"band\": ", out);
    pp_json_string(out, band_name(doc, p->has_total, p->band));
    fputs(", \"objectives\": [", out);
    for (size_t i = 0; i < p->nobjectives; i++) {
        const pp_individual *io = &p->objectives[i];
        const pp_node *n = pp_individual_node(io);
        fputs(i ? ",\n      {\"objective\": " : "\n      {\"objective\": ", out);
        pp_json_string(out, n ? n->id : io->ref);
        fprintf(out, ", \"own\": %s, \"weight\": ", io->own ? "true" : "false");
        pp_json_number(out, io->has_weight, io->weight);
        fputs(", \"effective_weight\": ", out);
        pp_json_number(out, true, io->effective_weight);
        fputs(", \"achievement\": ", out);
        pp_json_number(out, n && n->result.has_achievement, n ? n->result.achievement : 0);
        if (io->own) {
            emit_ctx e = {doc, out, true};
            fputs(", \"nodes\": [", out);
            pp_tree_walk(io->own, emit_json, &e);
            fputs("]", out);
        }
        fputc('}', out);
    }
    fputs(p->nobjectives ? "\n    ]}" : "]}", out);
}

static void json_unit(const pp_doc *doc, const pp_unit_org *u, FILE *out)
{
    fputs("{\"unit\": ", out);
    pp_json_string(out, u->id);
    fputs(", \"name\": ", out);
    pp_json_string(out, u->name);
    fputs(", \"parent\": ", out);
    pp_json_string(out, u->parent_ref);
    fprintf(out, ", \"objectives\": %zu, \"counted\": %zu, \"achievement\": ", u->nobjectives,
            u->ncounted);
    pp_json_number(out, u->has_result, u->result);
    fputs(", \"band\": ", out);
    pp_json_string(out, band_name(doc, u->has_result, u->band));
    fputc('}', out);
}

static void write_json(const pp_doc *doc, FILE *out)
{
    emit_ctx e = {doc, out, true};
    fputs("{\n  \"document\": ", out);
    pp_json_string(out, doc->title);
    /* kind and plan: a plan's achievements are null because nothing is
     * measured yet, not because a consuntivo is missing */
    fprintf(out, ",\n  \"year\": %d,\n  \"kind\": \"%s\",\n  \"plan\": %s,\n  \"nodes\": [",
            doc->year, doc->kind == PP_DOC_PIANO ? "piano" : doc->kind == PP_DOC_SCHEDE ? "schede" : "relazione",
            is_plan(doc) ? "true" : "false");
    pp_tree_walk(doc->root, emit_json, &e);
    fputs("\n  ],\n  \"people\": [", out);
    for (size_t i = 0; i < doc->npeople; i++) {
        fputs(i ? ",\n    " : "\n    ", out);
        json_person(doc, &doc->people[i], out);
    }
    fputs(doc->npeople ? "\n  ],\n  \"units\": [" : "],\n  \"units\": [", out);
    for (size_t i = 0; i < doc->nunits; i++) {
        fputs(i ? ",\n    " : "\n    ", out);
        json_unit(doc, &doc->units[i], out);
    }
    fputs(doc->nunits ? "\n  ]\n}\n" : "]\n}\n", out);
}

/* ---- CSV (RFC 4180) --------------------------------------------------------- */

/* A plan's CSV has one more column, plan = true on every row: its empty
 * achievements are "not yet measured", not N/D. */
static void csv_header(const pp_doc *doc, FILE *out)
{
    for (int i = 0; i < NCOLUMNS; i++) fprintf(out, "%s%s", i ? "," : "", column_names[i]);
    if (is_plan(doc)) fputs(",plan", out);
    /* with --precedenti, two columns per earlier year, oldest first */
    for (size_t i = 0; i < doc->nprecedenti; i++)
        fprintf(out, ",achievement_%d,actual_%d", doc->precedenti[i]->year,
                doc->precedenti[i]->year);
    fputs("\r\n", out);
}

/* A row's values; n: the node whose earlier years follow (NULL: a person
 * or a unit, empty there). */
static void csv_values(const pp_doc *doc, FILE *out, const value v[NCOLUMNS], const pp_node *n)
{
    for (int i = 0; i < NCOLUMNS; i++) {
        if (i) fputc(',', out);
        if (v[i].is_number) pp_csv_write_number(out, v[i].present, v[i].num, false);
        else pp_csv_write_field(out, v[i].str, ',');
    }
    if (is_plan(doc)) fputs(",true", out);
    for (size_t i = 0; i < doc->nprecedenti; i++) {
        const pp_node *p = n ? past(n, i) : NULL;
        fputc(',', out);
        pp_csv_write_number(out, p && p->result.has_achievement,
                            p ? p->result.achievement : 0, false);
        fputc(',', out);
        pp_csv_write_number(out, p && past_actual(p), p && past_actual(p) ? p->ind->actual.value : 0,
                            false);
    }
    fputs("\r\n", out);
}

/* An own objective and its indicators: the objective's parent is the
 * person. */
typedef struct {
    const pp_doc *doc;
    FILE *out;
    const char *person;
} own_ctx;

static bool emit_own_csv(pp_node *n, void *ctx)
{
    own_ctx *o = ctx;
    value v[NCOLUMNS];
    node_values(o->doc, n, v);
    if (!n->parent) v[4] = str(o->person);
    csv_values(o->doc, o->out, v, NULL);
    return true;
}

/* After the tree: a row per person (level "persona", achievement = the
 * total, parent = the person's unit) preceded by its own objectives, then
 * a row per unit (level "struttura", parent = the unit above). */
static void csv_groups(const pp_doc *doc, FILE *out)
{
    for (size_t i = 0; i < doc->npeople; i++) {
        const pp_person *p = &doc->people[i];
        own_ctx o = {doc, out, p->id};
        for (size_t k = 0; k < p->nobjectives; k++)
            if (p->objectives[k].own) pp_tree_walk(p->objectives[k].own, emit_own_csv, &o);
        value v[NCOLUMNS] = {str(p->id), str(NULL), str("persona"), str(p->name),
                             str(p->unit_ref), num(false, 0), num(false, 0), num(false, 0),
                             num(p->has_total, p->total),
                             str(band_name(doc, p->has_total, p->band)),
                             (value){false, true, true, "false", 0}, num(false, 0)};
        csv_values(doc, out, v, NULL);
    }
    for (size_t i = 0; i < doc->nunits; i++) {
        const pp_unit_org *u = &doc->units[i];
        value v[NCOLUMNS] = {str(u->id), str(NULL), str("struttura"), str(u->name),
                             str(u->parent_ref), num(false, 0), num(false, 0), num(false, 0),
                             num(u->has_result, u->result),
                             str(band_name(doc, u->has_result, u->band)),
                             (value){false, true, true, "false", 0}, num(false, 0)};
        csv_values(doc, out, v, NULL);
    }
}

static bool emit_csv(pp_node *n, void *ctx)
{
    emit_ctx *e = ctx;
    value v[NCOLUMNS];
    node_values(e->doc, n, v);
    csv_values(e->doc, e->out, v, n);
    return true;
}

/* ---- text ------------------------------------------------------------------- */

/* A plan's node: its planned weight, and "non ancora misurato" rather
 * than N/D, 0,00 % weights and "non conteggiato". */
static void plan_text(const pp_node *n, FILE *out)
{
    char w[32];
    int indent = 2 * (int)n->level;
    fprintf(out, "%*s%s%s%s  %s", indent, "", n->code ? n->code : "", n->code ? " " : "",
            n->title ? n->title : "", n->result.not_measured ? "non oggetto di misurazione" : NOT_YET);
    if (n->level != PP_LEVEL_ENTE && n->weight_printed && n->weight == n->weight) {
        pp_fmt_percent_it(n->weight, w, sizeof w);
        fprintf(out, "  (peso %s)", w);
    }
    fputc('\n', out);
}

/* "  [2022: 76,00 %; 2023: 96,80 %]": the earlier years that have the node. */
static void text_earlier(const pp_doc *doc, const pp_node *n, FILE *out)
{
    bool first = true;
    for (size_t i = 0; i < doc->nprecedenti; i++) {
        const pp_node *p = past(n, i);
        if (!p) continue;
        char pct[32];
        if (p->result.has_achievement) pp_fmt_percent_it(p->result.achievement, pct, sizeof pct);
        else snprintf(pct, sizeof pct, "N/D");
        fprintf(out, "%s%d: %s", first ? "  [" : "; ", doc->precedenti[i]->year, pct);
        first = false;
    }
    if (!first) fputc(']', out);
}

static bool emit_text(pp_node *n, void *ctx)
{
    emit_ctx *e = ctx;
    const pp_result *r = &n->result;
    char pct[32], w[32];
    if (is_plan(e->doc)) {
        plan_text(n, e->out);
        return true;
    }
    if (r->has_achievement) pp_fmt_percent_it(r->achievement, pct, sizeof pct);
    else snprintf(pct, sizeof pct, "%s", r->not_measured ? "non oggetto di misurazione" : "N/D");
    pp_fmt_percent_it(r->effective_weight, w, sizeof w);
    const char *band = r->has_achievement ? band_label(e->doc, n) : NULL;
    int indent = 2 * (int)n->level;
    fprintf(e->out, "%*s%s%s%s  %s", indent, "", n->code ? n->code : "", n->code ? " " : "",
            n->title ? n->title : "", pct);
    if (n->level != PP_LEVEL_ENTE) fprintf(e->out, "  (peso %s)", w);
    if (band) fprintf(e->out, "  %s", band);
    if (r->overridden) fputs("  [attribuito]", e->out);
    if (r->has_points_lost && r->points_lost >= 0.005 && n->level != PP_LEVEL_ENTE) {
        char lost[PP_FMT_IT_SIZE];
        pp_fmt_it(r->points_lost, 2, lost, sizeof lost);
        fprintf(e->out, "  (punti persi %s)", lost);
    }
    if (not_completed(n)) fputs("  [non completato]", e->out);
    /* "non oggetto di misurazione" is said in place of the percentage */
    if (!r->counted && n->level != PP_LEVEL_ENTE && r->why_not_counted && !r->not_measured)
        fprintf(e->out, "  [non conteggiato: %s]", r->why_not_counted);
    text_earlier(e->doc, n, e->out);
    fputc('\n', e->out);
    return true;
}

static void text_total(const pp_doc *doc, FILE *out, const char *what, const char *name,
                       bool has, double v, int band)
{
    char pct[32];
    if (has) pp_fmt_percent_it(v, pct, sizeof pct);
    else snprintf(pct, sizeof pct, "%s", is_plan(doc) ? NOT_YET : "N/D");
    const char *b = band_name(doc, has, band);
    fprintf(out, "%s %s  %s%s%s\n", what, name ? name : "", pct, b ? "  " : "", b ? b : "");
}

/* People (total, then each own objective as a tree below it) and units. */
static void text_groups(const pp_doc *doc, FILE *out)
{
    emit_ctx e = {doc, out, true};
    for (size_t i = 0; i < doc->npeople; i++) {
        const pp_person *p = &doc->people[i];
        text_total(doc, out, "Persona", p->name, p->has_total, p->total, p->band);
        for (size_t k = 0; k < p->nobjectives; k++)
            if (p->objectives[k].own) pp_tree_walk(p->objectives[k].own, emit_text, &e);
    }
    for (size_t i = 0; i < doc->nunits; i++) {
        const pp_unit_org *u = &doc->units[i];
        if (u->nobjectives > 0)
            text_total(doc, out, "Struttura", u->name, u->has_result, u->result, u->band);
    }
}

bool pp_write_scores(const pp_doc *doc, pp_format f, FILE *out)
{
    emit_ctx e = {doc, out, true};
    switch (f) {
    case PP_FORMAT_JSON:
        write_json(doc, out);
        break;
    case PP_FORMAT_CSV:
        csv_header(doc, out);
        pp_tree_walk(doc->root, emit_csv, &e);
        csv_groups(doc, out);
        break;
    case PP_FORMAT_TEXT:
        pp_tree_walk(doc->root, emit_text, &e);
        text_groups(doc, out);
        break;
    }
    return fflush(out) == 0 && !ferror(out);
}
