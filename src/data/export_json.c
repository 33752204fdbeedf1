/* Export as JSON: the fields of `score --format json` for every node,
 * plus what a reader of open data needs to make sense of them. */
#include "export.h"

#include <string.h>

#include "datawrite.h"
#include "parse_it.h"
#include "score_out.h"

static void key(FILE *out, const char *k)
{
    fprintf(out, ", \"%s\": ", k);
}

static void string_field(FILE *out, const char *k, const char *v)
{
    key(out, k);
    pp_json_string(out, v);
}

static void number_field(FILE *out, const char *k, bool present, double v)
{
    key(out, k);
    pp_json_number(out, present, v);
}

static void date_field(FILE *out, const char *k, pp_date d)
{
    char buf[16];
    pp_date_format_iso(d, buf);
    string_field(out, k, d.y ? buf : NULL);
}

static void targets(FILE *out, const pp_indicator *ind)
{
    key(out, "targets");
    fputc('[', out);
    for (size_t i = 0; i < ind->ntargets; i++) {
        const pp_target *t = &ind->targets[i];
        fprintf(out, "%s{\"year\": %d, \"operator\": \"%s\"", i ? ", " : "", t->year,
                pp_op_name(t->op));
        number_field(out, "value", t->has_value, t->value);
        date_field(out, "date", t->date);
        fputc('}', out);
    }
    fputc(']', out);
}

static const char *actual_kind(const pp_actual *a)
{
    static const char *names[] = {NULL, "value", "date", "nd"};
    return names[a->kind];
}

static void indicator(FILE *out, const pp_doc *doc, const pp_node *n)
{
    const pp_indicator *ind = n->ind;
    const pp_result *r = &n->result;
    string_field(out, "unit", ind->unit == PP_UNIT_DATE   ? "data"
                              : ind->unit == PP_UNIT_NONE ? NULL /* descriptive */
                                                          : pp_unit_symbol(ind->unit));
    string_field(out, "algorithm", ind->algorithm);
    string_field(out, "tipologia", ind->tipologia);
    string_field(out, "rule", pp_rule_name(ind->rule_set ? ind->rule : doc->smvp.default_rule));
    targets(out, ind);
    number_field(out, "soglia", ind->has_soglia, ind->soglia);
    string_field(out, "actual_kind", actual_kind(&ind->actual));
    date_field(out, "actual_date", ind->actual.kind == PP_ACTUAL_DATE ? ind->actual.date
                                                                      : (pp_date){0, 0, 0});
    string_field(out, "nd_reason", ind->actual.kind == PP_ACTUAL_ND ? ind->actual.nd_reason : NULL);
    string_field(out, "override_reason", ind->has_override ? ind->override_reason : NULL);
    number_field(out, "deviation", r->has_deviation, r->deviation);
    const pp_smvp *s = &doc->smvp;
    const char *status = !r->has_achievement ? s->status_not_counted
                         : r->band >= 0 && (size_t)r->band < s->nbands ? s->bands[r->band].status
                                                                        : NULL;
    string_field(out, "status", status);
}

typedef struct {
    const pp_doc *doc;
    FILE *out;
    bool first;
} jctx;

static bool node(pp_node *n, void *ctx)
{
    jctx *J = ctx;
    fputs(J->first ? "\n    {" : ",\n    {", J->out);
    J->first = false;
    pp_json_node_fields(J->doc, n, J->out);
    fprintf(J->out, ", \"counted\": %s", n->result.counted ? "true" : "false");
    string_field(J->out, "description", n->description);
    if (n->ind) indicator(J->out, J->doc, n);
    fputc('}', J->out);
    return true;
}

static void document(const pp_doc *doc, FILE *out)
{
    static const char *kinds[] = {"piano", "relazione", "schede"};
    fprintf(out, "  \"document\": {\"kind\": \"%s\"", kinds[doc->kind]);
    string_field(out, "title", doc->title);
    fprintf(out, ", \"year\": %d", doc->year);
    if (doc->span_from) fprintf(out, ", \"span\": [%d, %d]", doc->span_from, doc->span_to);
    string_field(out, "administration", doc->admin_name);
    date_field(out, "date", doc->document_date);
    fputs("},\n", out);
}

static void bands(const pp_doc *doc, FILE *out)
{
    const pp_smvp *s = &doc->smvp;
    fputs("  \"bands\": [", out);
    for (size_t i = 0; i < s->nbands; i++) {
        fprintf(out, "%s\n    {\"from\": ", i ? "," : "");
        pp_json_number(out, true, s->bands[i].from);
        string_field(out, "label", s->bands[i].label);
        string_field(out, "colour", s->bands[i].colour);
        string_field(out, "status", s->bands[i].status);
        fputc('}', out);
    }
    fputs(s->nbands ? "\n  ],\n" : "],\n", out);
    fputs("  \"status_not_counted\": ", out);
    pp_json_string(out, s->status_not_counted);
    fputs(",\n", out);
}

bool pp_export_json(const pp_doc *doc, FILE *out)
{
    jctx J = {doc, out, true};
    fputs("{\n", out);
    document(doc, out);
    bands(doc, out);
    fputs("  \"nodes\": [", out);
    pp_tree_walk(doc->root, node, &J);
    fputs("\n  ]\n}\n", out);
    return fflush(out) == 0 && !ferror(out);
}

bool pp_parse_export_format(const char *s, pp_export_format *f)
{
    if (strcmp(s, "csv") == 0) *f = PP_EXPORT_CSV;
    else if (strcmp(s, "csv-it") == 0) *f = PP_EXPORT_CSV_IT;
    else if (strcmp(s, "json") == 0) *f = PP_EXPORT_JSON;
    else return false;
    return true;
}

bool pp_export(const pp_doc *doc, pp_export_format f, FILE *out)
{
    return f == PP_EXPORT_JSON ? pp_export_json(doc, out)
                               : pp_export_csv(doc, f == PP_EXPORT_CSV_IT, out);
}
