/* import, merge, export: option parsing, printing and exit codes only. */

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


/* ---- options ------------------------------------------------------------------ */

typedef struct {
    const char *name; /* "--kind" */
    const char **value;
} option;

/* "--name VALUE" or "--name=VALUE" into the options; the rest are the
 * positional arguments (at most `max`). False, with a message, on misuse. */
static bool parse(const char *cmd, int argc, char **argv, option *opts, const char **pos,
                  int max, int *npos)
{
    *npos = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        option *o = NULL;
        const char *eq = strchr(a, '=');
        size_t len = eq && a[0] == '-' ? (size_t)(eq - a) : strlen(a);
        for (option *p = opts; p->name && !o; p++)
            if (strlen(p->name) == len && strncmp(a, p->name, len) == 0) o = p;
        if (o && eq) {
            *o->value = eq + 1;
        } else if (o && i + 1 < argc) {
            *o->value = argv[++i];
        } else if (o || (a[0] == '-' && a[1])) {
            fprintf(stderr, "perfpdf %s: %s '%s'\n", cmd, o ? "no value for" : "unknown option", a);
            return false;
        } else if (*npos == max) {
            fprintf(stderr, "perfpdf %s: unexpected argument '%s'\n", cmd, a);
            return false;
        } else {
            pos[(*npos)++] = a;
        }
    }
    return true;
}

static void print(pp_diags *d)
{
    pp_diags_sort(d);
    pp_diags_print(d, stderr);
}

/* Writes the result to OUT ("-": standard output). */
static pp_status emit(const char *cmd, const char *out, const char *data, size_t len)
{
    if (strcmp(out, "-") == 0)
        return fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0 ? PP_OK : PP_ERR_ENV;
    pp_diags d;
    pp_diags_init(&d, out);
    pp_status st = pp_diags_status(&d, pp_write_file(out, data, len, &d));
    pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    if (st == PP_OK) fprintf(stderr, "perfpdf %s: wrote %s\n", cmd, out);
    return st;
}

/* ---- import ---------------------------------------------------------------------- */

static bool import_options(pp_import_opts *o, const char *kind, const char *year)
{
    if (kind && strcmp(kind, "piano") != 0 && strcmp(kind, "relazione") != 0) {
        fprintf(stderr, "perfpdf import: --kind is piano or relazione, not '%s'\n", kind);
        return false;
    }
    o->kind = kind;
    char *end = NULL;
    long y = year ? strtol(year, &end, 10) : 0;
    if (year && (*end || y < 1990 || y > 2199)) {
        fprintf(stderr, "perfpdf import: --year is a year (1990-2199), not '%s'\n", year);
        return false;
    }
    o->year = (int)y;
    return true;
}

int pp_cmd_import(int argc, char **argv)
{
    pp_import_opts o = {0};
    const char *out = NULL, *kind = NULL, *year = NULL, *pos[1];
    option opts[] = {{"-o", &out},         {"--output", &out}, {"--kind", &kind},
                     {"--template", &o.template_path},         {"--title", &o.title},
                     {"--ente", &o.ente},  {"--year", &year},  {NULL, NULL}};
    int npos;
    if (!parse("import", argc, argv, opts, pos, 1, &npos) || !import_options(&o, kind, year))
        return 2;
    if (npos != 1 || !out) {
        fputs("usage: perfpdf import INDICATORS.csv -o DOC.xml [--kind piano|relazione] "
              "[--template DOC.xml] [--title T] [--ente NAME] [--year YYYY]\n", stderr);
        return 2;
    }
    o.csv_path = pos[0];
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
    if (st == PP_OK) st = emit("import", out, xml, len);
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
    option opts[] = {{"-o", &out},           {"--output", &out}, {"--missing", &missing},
                     {"--nd-reason", &o.nd_reason},              {"--title", &o.title},
                     {NULL, NULL}};
    int npos;
    if (!parse("merge", argc, argv, opts, pos, 2, &npos)) return 2;
    if (missing && strcmp(missing, "nd") != 0 && strcmp(missing, "error") != 0) {
        fprintf(stderr, "perfpdf merge: --missing is error or nd, not '%s'\n", missing);
        return 2;
    }
    if (npos != 2 || !out) {
        fputs("usage: perfpdf merge PLAN.xml VALUES.csv -o RELAZIONE.xml [--missing error|nd] "
              "[--nd-reason TEXT] [--title T]\n", stderr);
        return 2;
    }
    o.plan_path = pos[0];
    o.values_path = pos[1];
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
    if (st == PP_OK) st = emit("merge", out, xml, len);
    free(xml);
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
    option opts[] = {{"--format", &format}, {"-o", &out}, {"--output", &out}, {NULL, NULL}};
    int npos;
    pp_export_format f;
    if (!parse("export", argc, argv, opts, pos, 1, &npos)) return 2;
    if (!pp_parse_export_format(format, &f)) {
        fprintf(stderr, "perfpdf export: unknown format '%s' (csv, csv-it, json)\n", format);
        return 2;
    }
    if (npos != 1) {
        fputs("usage: perfpdf export FILE [--format csv|csv-it|json] [-o OUT]\n", stderr);
        return 2;
    }
    pp_doc *doc = NULL;
    pp_status st = pp_cli_open_scored(pos[0], &doc);
    if (st != PP_OK) return pp_exit_code(st);
    char *data = NULL;
    size_t len = 0;
    if (!export_to_memory(doc, f, &data, &len)) {
        perror("perfpdf export");
        st = PP_ERR_ENV;
    }
    if (st == PP_OK) st = emit("export", out, data, len);
    free(data);
    pp_doc_free(doc);
    return pp_exit_code(st);
}
