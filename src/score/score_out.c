/* `perfpdf score` output: every node's achievement as text, CSV or JSON. */
#include "score_out.h"

#include <string.h>

#include "datawrite.h"
#include "numfmt.h"

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

/* ---- the columns of the score contract ---------------------------------------- */

typedef struct emit_ctx emit_ctx;

/* One value of a node: a string (NULL: absent) or a number. */
typedef struct {
    bool is_number, present, is_bool;
    const char *str;
    double num;
} value;

#define NCOLUMNS 11
static const char *const column_names[NCOLUMNS] = {
    "id",     "code",        "level", "title",    "parent",    "weight", "effective_weight",
    "actual", "achievement", "band",  "overridden"};

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

static bool emit_json(pp_node *n, void *ctx)
{
    emit_ctx *e = ctx;
    fputs(e->first ? "\n    {" : ",\n    {", e->out);
    e->first = false;
    pp_json_node_fields(e->doc, n, e->out);
    fputc('}', e->out);
    return true;
}

static void write_json(const pp_doc *doc, FILE *out)
{
    emit_ctx e = {doc, out, true};
    fputs("{\n  \"document\": ", out);
    pp_json_string(out, doc->title);
    fprintf(out, ",\n  \"year\": %d,\n  \"nodes\": [", doc->year);
    pp_tree_walk(doc->root, emit_json, &e);
    fputs("\n  ]\n}\n", out);
}

/* ---- CSV (RFC 4180) --------------------------------------------------------- */

static void csv_header(FILE *out)
{
    for (int i = 0; i < NCOLUMNS; i++) fprintf(out, "%s%s", i ? "," : "", column_names[i]);
    fputs("\r\n", out);
}

static bool emit_csv(pp_node *n, void *ctx)
{
    emit_ctx *e = ctx;
    value v[NCOLUMNS];
    node_values(e->doc, n, v);
    for (int i = 0; i < NCOLUMNS; i++) {
        if (i) fputc(',', e->out);
        if (v[i].is_number) pp_csv_write_number(e->out, v[i].present, v[i].num, false);
        else pp_csv_write_field(e->out, v[i].str, ',');
    }
    fputs("\r\n", e->out);
    return true;
}

/* ---- text ------------------------------------------------------------------- */

static bool emit_text(pp_node *n, void *ctx)
{
    emit_ctx *e = ctx;
    const pp_result *r = &n->result;
    char pct[32], w[32];
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
    if (not_completed(n)) fputs("  [non completato]", e->out);
    /* "non oggetto di misurazione" is said in place of the percentage */
    if (!r->counted && n->level != PP_LEVEL_ENTE && r->why_not_counted && !r->not_measured)
        fprintf(e->out, "  [non conteggiato: %s]", r->why_not_counted);
    fputc('\n', e->out);
    return true;
}

bool pp_write_scores(const pp_doc *doc, pp_format f, FILE *out)
{
    emit_ctx e = {doc, out, true};
    switch (f) {
    case PP_FORMAT_JSON:
        write_json(doc, out);
        break;
    case PP_FORMAT_CSV:
        csv_header(out);
        pp_tree_walk(doc->root, emit_csv, &e);
        break;
    case PP_FORMAT_TEXT:
        pp_tree_walk(doc->root, emit_text, &e);
        break;
    }
    return fflush(out) == 0 && !ferror(out);
}
