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

/* ---- JSON ------------------------------------------------------------------ */

static bool has_actual(const pp_node *n)
{
    return n->ind && n->ind->actual.kind == PP_ACTUAL_VALUE;
}

typedef struct {
    const pp_doc *doc;
    FILE *out;
    bool first;
} emit_ctx;

void pp_json_node_fields(const pp_doc *doc, const pp_node *n, FILE *out)
{
    const pp_result *r = &n->result;
    fputs("\"id\": ", out);
    pp_json_string(out, n->id);
    fputs(", \"code\": ", out);
    pp_json_string(out, n->code);
    fprintf(out, ", \"level\": \"%s\", \"title\": ", pp_level_name(n->level));
    pp_json_string(out, n->title);
    fputs(", \"parent\": ", out);
    pp_json_string(out, n->parent ? n->parent->id : NULL);
    fputs(", \"weight\": ", out);
    pp_json_number(out, n->weight == n->weight, n->weight);
    fputs(", \"effective_weight\": ", out);
    pp_json_number(out, true, r->effective_weight);
    fputs(", \"actual\": ", out);
    pp_json_number(out, has_actual(n), has_actual(n) ? n->ind->actual.value : 0);
    fputs(", \"achievement\": ", out);
    pp_json_number(out, r->has_achievement, r->achievement);
    fputs(", \"band\": ", out);
    pp_json_string(out, r->has_achievement ? band_label(doc, n) : NULL);
    fprintf(out, ", \"overridden\": %s", r->overridden ? "true" : "false");
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

static void csv_field(FILE *out, const char *s) { pp_csv_write_field(out, s, ','); }

static void csv_number(FILE *out, bool present, double v)
{
    pp_csv_write_number(out, present, v, false);
}

static bool emit_csv(pp_node *n, void *ctx)
{
    emit_ctx *e = ctx;
    FILE *out = e->out;
    const pp_result *r = &n->result;
    csv_field(out, n->id);
    fputc(',', out);
    csv_field(out, n->code);
    fprintf(out, ",%s,", pp_level_name(n->level));
    csv_field(out, n->title);
    fputc(',', out);
    csv_field(out, n->parent ? n->parent->id : NULL);
    fputc(',', out);
    csv_number(out, n->weight == n->weight, n->weight);
    fputc(',', out);
    csv_number(out, true, r->effective_weight);
    fputc(',', out);
    csv_number(out, has_actual(n), has_actual(n) ? n->ind->actual.value : 0);
    fputc(',', out);
    csv_number(out, r->has_achievement, r->achievement);
    fputc(',', out);
    csv_field(out, r->has_achievement ? band_label(e->doc, n) : NULL);
    fprintf(out, ",%s\r\n", r->overridden ? "true" : "false");
    return true;
}

/* ---- text ------------------------------------------------------------------- */

static bool emit_text(pp_node *n, void *ctx)
{
    emit_ctx *e = ctx;
    const pp_result *r = &n->result;
    char pct[32], w[32];
    if (r->has_achievement) pp_fmt_percent_it(r->achievement, pct, sizeof pct);
    else snprintf(pct, sizeof pct, "N/D");
    pp_fmt_percent_it(r->effective_weight, w, sizeof w);
    const char *band = r->has_achievement ? band_label(e->doc, n) : NULL;
    int indent = 2 * (int)n->level;
    fprintf(e->out, "%*s%s%s%s  %s", indent, "", n->code ? n->code : "", n->code ? " " : "",
            n->title ? n->title : "", pct);
    if (n->level != PP_LEVEL_ENTE) fprintf(e->out, "  (peso %s)", w);
    if (band) fprintf(e->out, "  %s", band);
    if (r->overridden) fputs("  [attribuito]", e->out);
    if (!r->counted && n->level != PP_LEVEL_ENTE && r->why_not_counted)
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
        fputs("id,code,level,title,parent,weight,effective_weight,actual,achievement,band,"
              "overridden\r\n",
              out);
        pp_tree_walk(doc->root, emit_csv, &e);
        break;
    case PP_FORMAT_TEXT:
        pp_tree_walk(doc->root, emit_text, &e);
        break;
    }
    return fflush(out) == 0 && !ferror(out);
}
