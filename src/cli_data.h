/* The data commands of the command line:
 *   perfpdf import INDICATORS.csv -o DOC.xml [--kind piano|relazione]
 *                  [--template DOC.xml] [--title T] [--ente NAME] [--year Y]
 *   perfpdf merge PLAN.xml VALUES.csv -o RELAZIONE.xml [--missing error|nd]
 *                  [--nd-reason TEXT] [--title T]
 *   perfpdf export FILE [--format csv|csv-it|json] [-o OUT]
 * argv holds the arguments after the command; each returns the exit status. */
#ifndef PP_CLI_DATA_H
#define PP_CLI_DATA_H

int pp_cmd_import(int argc, char **argv);
int pp_cmd_merge(int argc, char **argv);
int pp_cmd_export(int argc, char **argv);

#endif
