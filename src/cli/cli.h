/* The command line: what every subcommand shares, and the subcommands.
 * Only the command line prints diagnostics and chooses exit codes. */
#ifndef PP_CLI_H
#define PP_CLI_H

#include "diag.h"
#include "model.h"

/* 0 success, 2 bad input or usage, 1 environment or internal failure. */
int pp_exit_code(pp_status st);
/* Marks a file as an input of this run: no output may replace it
 * (util/outfile.h). False, with "out of memory" printed, on failure. */
bool pp_cli_protect(const char *path);
/* Reads and validates FILE, prints its diagnostics (warnings too) to
 * stderr; on PP_OK *doc is the model, and
 * FILE and the files it names are protected inputs. */
pp_status pp_cli_open(const char *path, pp_doc **doc);
/* The same, then scores the document. */
pp_status pp_cli_open_scored(const char *path, pp_doc **doc);

/* The subcommands: argc/argv after the command's name; the exit status. */
int pp_cmd_render(int argc, char **argv);
int pp_cmd_import(int argc, char **argv);
int pp_cmd_merge(int argc, char **argv);
int pp_cmd_export(int argc, char **argv);

#endif
