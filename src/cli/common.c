/* What every subcommand shares: opening a document with its diagnostics
 * printed, marking the run's inputs so no output can replace them, and the
 * exit status of a pp_status. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outfile.h"
#include "score.h"
#include "validate.h"

int pp_exit_code(pp_status st) { return st == PP_OK ? 0 : st == PP_ERR_INPUT ? 2 : 1; }

bool pp_cli_protect(const char *path)
{
    if (pp_outfile_protect(path)) return true;
    fputs("perfpdf: out of memory\n", stderr);
    return false;
}

static bool protect_named(const pp_doc *doc, const char *file, pp_pos pos, void *ctx)
{
    (void)pos, (void)ctx;
    char *path = pp_doc_file_path(doc, file);
    bool ok = path && pp_cli_protect(path);
    free(path);
    return ok;
}

pp_status pp_cli_open(const char *path, pp_doc **doc)
{
    pp_diags d;
    pp_diags_init(&d, path);
    pp_status st = pp_open_document(path, &d, doc);
    pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    /* The document and every file it names are inputs of this run. */
    if (st == PP_OK && (!pp_cli_protect(path) || !pp_doc_each_file(*doc, protect_named, NULL))) {
        pp_doc_free(*doc);
        *doc = NULL;
        st = PP_ERR_ENV;
    }
    return st;
}

pp_status pp_cli_open_scored(const char *path, pp_doc **doc)
{
    pp_status st = pp_cli_open(path, doc);
    if (st == PP_OK) pp_score(*doc);
    return st;
}

pp_status pp_cli_emit(const char *cmd, const char *out, const char *data, size_t len)
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
