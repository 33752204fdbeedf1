/* What every subcommand shares: opening a document with its diagnostics
 * printed, and the exit status of a pp_status. */
#include "cli.h"

#include "validate.h"
#include "score.h"

int pp_exit_code(pp_status st) { return st == PP_OK ? 0 : st == PP_ERR_INPUT ? 2 : 1; }

pp_status pp_cli_open(const char *path, pp_doc **doc)
{
    pp_diags d;
    pp_diags_init(&d, path);
    pp_status st = pp_open_document(path, &d, doc);
    pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    return st;
}

pp_status pp_cli_open_scored(const char *path, pp_doc **doc)
{
    pp_status st = pp_cli_open(path, doc);
    if (st == PP_OK) pp_score(*doc);
    return st;
}
