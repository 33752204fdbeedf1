/* import, merge, export: their options, printing and exit codes only. */

#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outfile.h"
#include "export.h"
#include "import.h"
#include "validate.h"
#include "merge.h"
#include "score.h"


static void print(pp_diags *d)
{
    pp_diags_sort(d);
    pp_diags_print(d, stderr);
}

/* ---- import ---------------------------------------------------------------------- */

/* --kind and --year, checked, into o. */
static bool import_options(const pp_cli_spec *spec, pp_import_opts *o, const char *kind,
                           const char *year)
{
    if (kind && strcmp(kind, "piano") != 0 && strcmp(kind, "relazione") != 0) {
        pp_cli_usage_error(spec, "--kind is piano or relazione, not '%s'", kind);
        return false;
    }
    o->kind = kind;
    char *end = NULL;
    long y = year ? strtol(year, &end, 10) : 0;
    if (year && (*end || y < 1990 || y > 2199)) {
        pp_cli_usage_error(spec, "--year is a year (1990-2199), not '%s'", year);
        return false;
    }
    o->year = (int)y;
    return true;
}

int pp_cmd_import(int argc, char **argv)
{
    pp_import_opts o = {0};
    const char *out = NULL, *kind = NULL, *year = NULL, *pos[1];
    const pp_cli_option opts[] = {
        {.names = {"-o", "--output"}, .value = &out, .nonempty = "a file name", .required = true},
        {.names = {"--kind"}, .value = &kind},
        {.names = {"--template"}, .value = &o.template_path, .nonempty = "a file name"},
        {.names = {"--title"}, .value = &o.title, .text = true},
        {.names = {"--ente"}, .value = &o.ente, .text = true},
        {.names = {"--year"}, .value = &year},
        {.names = {NULL}},
    };
    const pp_cli_spec spec = {"import",
                              "perfpdf import INDICATORS.csv -o DOC.xml [--kind piano|relazione] "
                              "[--template DOC.xml] [--title T] [--ente NAME] [--year YYYY]",
                              opts, 1, 1, "one INDICATORS.csv"};
    int npos, rc = pp_cli_parse(&spec, argc, argv, pos, &npos);
    if (rc != PP_CLI_RUN) return rc;
    if (!import_options(&spec, &o, kind, year)) return 2;
    o.csv_path = pos[0];
    if (!pp_cli_protect(o.csv_path) || !pp_cli_protect(o.template_path)) return 1;
    pp_diags csv_d, tpl_d;
    pp_diags_init(&csv_d, o.csv_path);
    pp_diags_init(&tpl_d, o.template_path ? o.template_path : "");
    char *xml = NULL;
    size_t len = 0;
    pp_status st = pp_import(&o, &csv_d, &tpl_d, &xml, &len);
    st = pp_diags_status(&tpl_d, pp_diags_status(&csv_d, st));
    print(&tpl_d);
    print(&csv_d);
    size_t errors = csv_d.errors + tpl_d.errors;
    if (st == PP_ERR_INPUT)
        fprintf(stderr, "perfpdf import: %zu error%s, nothing written\n", errors,
                errors == 1 ? "" : "s");
    if (st == PP_OK) st = pp_cli_emit("import", out, xml, len);
    free(xml);
    pp_diags_clear(&csv_d);
    pp_diags_clear(&tpl_d);
    return pp_exit_code(st);
}

/* ---- merge ------------------------------------------------------------------------- */

int pp_cmd_merge(int argc, char **argv)
{
    pp_merge_opts o = {0};
    const char *out = NULL, *missing = NULL, *pos[2];
    const pp_cli_option opts[] = {
        {.names = {"-o", "--output"}, .value = &out, .nonempty = "a file name", .required = true},
        {.names = {"--missing"}, .value = &missing},
        {.names = {"--nd-reason"}, .value = &o.nd_reason, .text = true},
        {.names = {"--title"}, .value = &o.title, .text = true},
        {.names = {NULL}},
    };
    const pp_cli_spec spec = {"merge",
                              "perfpdf merge PLAN.xml VALUES.csv -o RELAZIONE.xml "
                              "[--missing error|nd] [--nd-reason TEXT] [--title T]",
                              opts, 2, 2, "PLAN.xml and VALUES.csv"};
    int npos, rc = pp_cli_parse(&spec, argc, argv, pos, &npos);
    if (rc != PP_CLI_RUN) return rc;
    if (missing && strcmp(missing, "nd") != 0 && strcmp(missing, "error") != 0)
        return pp_cli_usage_error(&spec, "--missing is error or nd, not '%s'", missing);
    o.plan_path = pos[0];
    o.values_path = pos[1];
    if (!pp_cli_protect(o.plan_path) || !pp_cli_protect(o.values_path)) return 1;
    o.missing = missing && strcmp(missing, "nd") == 0 ? PP_MISSING_ND : PP_MISSING_ERROR;
    pp_diags plan_d, csv_d;
    pp_diags_init(&plan_d, o.plan_path);
    pp_diags_init(&csv_d, o.values_path);
    pp_merge_report rep;
    char *xml = NULL;
    size_t len = 0;
    pp_status st = pp_merge(&o, &plan_d, &csv_d, &xml, &len, &rep);
    st = pp_diags_status(&plan_d, pp_diags_status(&csv_d, st));
    print(&csv_d);
    print(&plan_d);
    if (st == PP_OK || rep.filled || rep.unknown || rep.missing)
        fprintf(stderr,
                "perfpdf merge: %zu value%s filled, %zu row%s naming no indicator, %zu "
                "indicator%s without a value\n",
                rep.filled, rep.filled == 1 ? "" : "s", rep.unknown, rep.unknown == 1 ? "" : "s",
                rep.missing, rep.missing == 1 ? "" : "s");
    if (st == PP_ERR_INPUT) fputs("perfpdf merge: nothing written\n", stderr);
    if (st == PP_OK) st = pp_cli_emit("merge", out, xml, len);
    free(xml);
    pp_merge_report_clear(&rep);
    pp_diags_clear(&plan_d);
    pp_diags_clear(&csv_d);
    return pp_exit_code(st);
}

/* ---- export -------------------------------------------------------------------------- */

/* The export in memory, so that -o writes the whole file or nothing. */
static bool export_to_memory(const pp_doc *doc, pp_export_format f, char **data, size_t *len)
{
    FILE *mem = open_memstream(data, len);
    if (!mem) return false;
    bool ok = pp_export(doc, f, mem);
    return fclose(mem) == 0 && ok;
}

int pp_cmd_export(int argc, char **argv)
{
    const char *format = "csv", *out = "-", *pos[1];
    const pp_cli_option opts[] = {
        {.names = {"--format"}, .value = &format},
        {.names = {"-o", "--output"}, .value = &out, .nonempty = "a file name"},
        {.names = {NULL}},
    };
    const pp_cli_spec spec = {"export", "perfpdf export FILE [--format csv|csv-it|json] [-o OUT]",
                              opts, 1, 1, "one FILE"};
    int npos, rc = pp_cli_parse(&spec, argc, argv, pos, &npos);
    if (rc != PP_CLI_RUN) return rc;
    pp_export_format f;
    if (!pp_parse_export_format(format, &f))
        return pp_cli_usage_error(&spec, "unknown format '%s' (csv, csv-it, json)", format);
    pp_doc *doc = NULL;
    pp_status st = pp_cli_open_scored(pos[0], &doc);
    if (st != PP_OK) return pp_exit_code(st);
    char *data = NULL;
    size_t len = 0;
    if (!export_to_memory(doc, f, &data, &len)) {
        perror("perfpdf export");
        st = PP_ERR_ENV;
    }
    if (st == PP_OK) st = pp_cli_emit("export", out, data, len);
    free(data);
    pp_doc_free(doc);
    return pp_exit_code(st);
}
