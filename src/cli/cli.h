/* The command line: what every subcommand shares, and the subcommands.
 * Only the command line prints diagnostics and chooses exit codes. */
#ifndef PP_CLI_H
#define PP_CLI_H

#include <stdbool.h>
#include <stdio.h>

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

/* Writes data to OUT ("-": standard output; else atomically through
 * util/outfile.h, then "perfpdf CMD: wrote OUT" on stderr). */
pp_status pp_cli_emit(const char *cmd, const char *out, const char *data, size_t len);

/* ---- options (options.c) ---- */

/* The values of a list option (malloc'ed array of argv's strings; the
 * caller frees items). */
typedef struct {
    const char **items;
    size_t n, cap;
} pp_cli_list;

/* One option of a subcommand; exactly one of value, flag and list is set.
 * A given option's last occurrence wins, but for a list. */
typedef struct {
    const char *names[2]; /* {"-o", "--output"}, or {"--layout"} */
    const char **value;   /* where the value goes: the option takes one */
    bool *flag;           /* or where true goes: the option is a flag */
    /* Set when the value names something and so may not be empty:
     * "a file name" gives "-o needs a file name". */
    const char *nonempty;
    /* The option must be given (its value's variable starts NULL). */
    bool required;
    /* The value is printed in the document (a title, a name, a reason):
     * it must be UTF-8 text without control characters. */
    bool text;
    /* Or where a list of values goes: "--name A B C" takes every argument
     * up to the next option (or "--"), and a repeated option adds to it. */
    pp_cli_list *list;
} pp_cli_option;

/* A subcommand's command line. */
typedef struct {
    const char *cmd;               /* "render" */
    const char *usage;             /* "perfpdf render FILE [-o OUT.pdf] ..." */
    const pp_cli_option *options;  /* ends with an entry without names */
    int pos_min, pos_max;          /* how many positional arguments */
    const char *pos_what;          /* "one FILE": "expected one FILE" */
} pp_cli_spec;

/* pp_cli_parse() when the command should go ahead. */
#define PP_CLI_RUN (-1)

/* Parses the arguments after the command's name by spec: values and flags
 * into the options' variables, positionals into pos (room for pos_max),
 * their count into *npos. PP_CLI_RUN, or the exit status to return now:
 * 0 after -h/--help (the usage on stdout), 2 after a misuse (the message
 * and the command's usage line on stderr), 1 when a list's values found
 * no memory. */
int pp_cli_parse(const pp_cli_spec *spec, int argc, char **argv, const char **pos, int *npos);
/* "perfpdf CMD: MESSAGE" and the usage line on stderr; returns 2. */
int pp_cli_usage_error(const pp_cli_spec *spec, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The usage of every command (main.c). */
void pp_cli_usage(FILE *out);

/* ---- earlier Relazioni (precedenti.c) ---- */

/* The documents of --precedenti, opened, checked and scored, oldest
 * first; doc's `precedenti` point into docs. */
typedef struct {
    pp_doc **docs;
    size_t n;
    size_t warnings; /* given about them beside doc (no code in common) */
} pp_cli_precedenti;

/* Opens each file of `files` as an earlier Relazione of doc (schema,
 * checks, scoring), sorts them by year, refuses those that cannot stand
 * beside doc (validate.h: pp_check_precedente) and links doc to them
 * (pp_doc_link_precedenti); diagnostics printed. Nothing to do for an
 * empty list. On failure everything is freed. */
pp_status pp_cli_open_precedenti(pp_doc *doc, const pp_cli_list *files, pp_cli_precedenti *out);
void pp_cli_precedenti_free(pp_cli_precedenti *p);

/* ---- subcommands ---- */

/* The subcommands: argc/argv after the command's name; the exit status. */
int pp_cmd_render(int argc, char **argv);
int pp_cmd_import(int argc, char **argv);
int pp_cmd_merge(int argc, char **argv);
int pp_cmd_export(int argc, char **argv);
int pp_cmd_compare(int argc, char **argv);
/* Exit status of `compare` when the Relazione has changes no act records. */
#define PP_EXIT_UNRECORDED 3
/* --piano of validate and render: opens the Piano PATH (diagnostics
 * printed), checks that rel reports on it and sets rel->piano; a warning
 * in d for every change the Relazione does not record. The caller frees
 * *piano after rel is done with it. */
pp_status pp_cli_open_piano(const char *path, pp_doc *rel, pp_diags *d, pp_doc **piano);

#endif
