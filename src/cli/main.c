/* perfpdf: the command line. It only wires the stages together
 * (read -> validate -> model -> score -> output) and is the one place that
 * prints diagnostics and chooses the exit status:
 *   0 success, 2 bad input or usage, 1 environment or internal failure. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "outfile.h"
#include "validate.h"
#include "score.h"
#include "score_out.h"
#include "xmlsafe.h"

#define PP_VERSION "0.1.0"

void pp_cli_usage(FILE *out)
{
    fputs("usage: perfpdf COMMAND [OPTIONS] FILE\n"
          "\n"
          "Commands:\n"
          "  validate FILE [--piano PIANO.xml]  check a document (schema and content); with\n"
          "                                     --piano, warn about changes no act records\n"
          "  score FILE [--format text|csv|json] compute and print every achievement\n"
          "  render FILE [-o OUT.pdf] [--layout FILE] [--png DIR] [--timings]\n"
          "         [--pdfa | --protect [--owner-password PW]] [--pdfa-output OUT-A.pdf]\n"
          "         [--piano PIANO.xml]\n"
          "                                     the document as PDF (default out/FILE.pdf): tagged\n"
          "                                     for publication, or PDF/A-1b for the archive\n"
          "  score/render FILE --precedenti EARLIER.xml...\n"
          "                                     with the results of earlier Relazioni beside\n"
          "                                     (the trend over the years; the list ends at the\n"
          "                                     next option)\n"
          "  import INDICATORS.csv -o DOC.xml [--kind piano|relazione] [--template DOC.xml]\n"
          "         [--title T] [--ente NAME] [--year YYYY]\n"
          "                                     a document from a spreadsheet, one row per indicator\n"
          "  merge PLAN.xml VALUES.csv -o RELAZIONE.xml [--missing error|nd] [--nd-reason T]\n"
          "                                     measured values into a Piano: the Relazione\n"
          "  export FILE [--format csv|csv-it|json] [-o OUT]\n"
          "                                     the scored tree as open data (the CSV imports back)\n"
          "  compare PIANO.xml RELAZIONE.xml [--format text|json|csv] [-o OUT]\n"
          "                                     what changed since the Piano, recorded or not\n"
          "                                     (exit 3 when some change is not recorded)\n"
          "  help                               this text\n"
          "  version                            the program's version\n"
          "\n"
          "Exit status: 0 success, 2 bad input or usage, 1 environment failure;\n"
          "compare: 3 when the Relazione has changes no act records.\n",
          out);
}

static int cmd_validate(int argc, char **argv)
{
    const char *file = NULL, *piano_path = NULL;
    pp_cli_list precedenti = {0};
    const pp_cli_option opts[] = {
        {.names = {"--piano"}, .value = &piano_path, .nonempty = "a file name"},
        {.names = {"--precedenti"}, .list = &precedenti, .nonempty = "a file name"},
        {.names = {NULL}}};
    const pp_cli_spec spec = {
        "validate", "perfpdf validate FILE [--piano PIANO.xml] [--precedenti EARLIER.xml...]",
        opts, 1, 1, "one FILE"};
    int npos, rc = pp_cli_parse(&spec, argc, argv, &file, &npos);
    if (rc != PP_CLI_RUN) {
        free(precedenti.items);
        return rc;
    }
    pp_diags d;
    pp_diags_init(&d, file);
    pp_doc *doc = NULL, *piano = NULL;
    pp_status st = pp_open_document(file, &d, &doc);
    /* a Relazione against its Piano: a warning per change no act records */
    if (st == PP_OK && piano_path) st = pp_cli_open_piano(piano_path, doc, &d, &piano);
    pp_diags_print(&d, stderr);
    /* the earlier Relazioni it will be rendered beside: the same refusals
     * and warnings as render and score give, before the Giunta meets */
    pp_cli_precedenti prev = {0};
    bool earlier_refused = false;
    if (st == PP_OK) {
        st = pp_cli_open_precedenti(doc, &precedenti, &prev);
        earlier_refused = st == PP_ERR_INPUT;
    }
    free(precedenti.items);
    size_t warnings = d.warnings + prev.warnings;
    if (st == PP_OK)
        fprintf(stderr, "%s: valid (%zu warning%s)\n", file, warnings, warnings == 1 ? "" : "s");
    else if (earlier_refused)
        fprintf(stderr, "%s: valid, but not with the earlier Relazioni given (see above)\n", file);
    else if (st == PP_ERR_INPUT)
        fprintf(stderr, "%s: %zu error%s, %zu warning%s\n", file, d.errors,
                d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s");
    pp_diags_clear(&d);
    pp_doc_free(doc);
    pp_doc_free(piano);
    pp_cli_precedenti_free(&prev);
    return pp_exit_code(st);
}

/* The scores of file, with the earlier years' beside them. */
static int write_scores(const char *file, const pp_cli_list *precedenti, pp_format format)
{
    pp_doc *doc = NULL;
    pp_status st = pp_cli_open_scored(file, &doc);
    if (st != PP_OK) return pp_exit_code(st);
    pp_cli_precedenti prev;
    st = pp_cli_open_precedenti(doc, precedenti, &prev);
    /* A failed write is reported once, by main (close_stdout). */
    int rc = st != PP_OK ? pp_exit_code(st) : pp_write_scores(doc, format, stdout) ? 0 : 1;
    pp_doc_free(doc);
    pp_cli_precedenti_free(&prev);
    return rc;
}

static int cmd_score(int argc, char **argv)
{
    const char *format_name = NULL, *file = NULL;
    pp_cli_list precedenti = {0};
    const pp_cli_option opts[] = {
        {.names = {"--format"}, .value = &format_name},
        {.names = {"--precedenti"}, .list = &precedenti, .nonempty = "a file name"},
        {.names = {NULL}}};
    const pp_cli_spec spec = {
        "score", "perfpdf score FILE [--format text|csv|json] [--precedenti EARLIER.xml...]",
        opts, 1, 1, "one FILE"};
    int npos, rc = pp_cli_parse(&spec, argc, argv, &file, &npos);
    pp_format format = PP_FORMAT_TEXT;
    if (rc == PP_CLI_RUN && format_name && !pp_parse_format(format_name, &format))
        rc = pp_cli_usage_error(&spec, "unknown format '%s' (text, csv, json)", format_name);
    if (rc == PP_CLI_RUN) rc = write_scores(file, &precedenti, format);
    free(precedenti.items);
    return rc;
}

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"validate", cmd_validate}, {"score", cmd_score},   {"render", pp_cmd_render},
    {"import", pp_cmd_import},  {"merge", pp_cmd_merge}, {"export", pp_cmd_export},
    {"compare", pp_cmd_compare},
};

static bool is_help(const char *a)
{
    return strcmp(a, "help") == 0 || strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0;
}

/* Every write to standard output is checked here once, at the end: a
 * full disk or a closed pipe behind `>` is a failure with its reason, not
 * a silent exit 0 (or a silent exit 1). */
static int close_stdout(int rc)
{
    if (fflush(stdout) == 0 && !ferror(stdout)) return rc;
    int err = errno ? errno : EIO;
    fprintf(stderr, "perfpdf: cannot write the standard output: %s\n", strerror(err));
    return rc == 2 ? 2 : 1;
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        pp_cli_usage(stderr);
        return 2;
    }
    pp_xml_init();
    /* Past a file size limit (ulimit -f) a write must fail with EFBIG, so
     * the output code can remove its temporary file and say why, rather
     * than the process being killed with half a file on disk. */
    signal(SIGXFSZ, SIG_IGN);
    /* An interrupted run leaves no hidden temporary behind. */
    pp_outfile_cleanup_on_signals();
    const char *cmd = argv[1];
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(cmd, commands[i].name) != 0) continue;
        /* The usage covers every command; -h and --help anywhere are
         * options of every command (options.c), the word only alone. */
        if (argc == 3 && strcmp(argv[2], "help") == 0) {
            pp_cli_usage(stdout);
            return 0;
        }
        return commands[i].run(argc - 2, argv + 2);
    }
    if (is_help(cmd)) {
        pp_cli_usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        puts("perfpdf " PP_VERSION);
        return 0;
    }
    fprintf(stderr, "perfpdf: unknown command '%s'\n", cmd);
    pp_cli_usage(stderr);
    return 2;
}

int main(int argc, char **argv)
{
    int rc = run(argc, argv);
    pp_outfile_unprotect_all();
    return close_stdout(rc);
}
