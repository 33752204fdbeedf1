/* CSV (one row per indicator, the columns of columns.h) -> a document.
 *
 * The tree comes from the CSV; DatiGenerali, Sistema, Organizzazione,
 * Persone and Testi from a template document when one is given, else a
 * DatiGenerali made of the options and defaults and the usual SMVP (linear
 * rule, bands 0 / 60 / 80). The result is checked as any document is
 * before it is handed back: its problems are reported at the CSV row and
 * column they come from. */
#ifndef PP_IMPORT_H
#define PP_IMPORT_H

#include <stddef.h>

#include "diag.h"

typedef struct {
    const char *csv_path;
    const char *template_path; /* NULL: none */
    const char *kind;          /* "piano", "relazione"; NULL: the template's, else
                                  relazione when some consuntivo is given, else piano */
    const char *title;         /* NULL: the template's, else from kind and years */
    const char *ente;          /* NULL: the template's, else "Amministrazione" */
    int year;                  /* 0: the template's, else the first target year */
} pp_import_opts;

/* On PP_OK *xml is the document text (malloc'ed, validated). Problems of
 * the CSV (and of the document built from it) go to csv_d, those of the
 * template to tpl_d. */
pp_status pp_import(const pp_import_opts *o, pp_diags *csv_d, pp_diags *tpl_d, char **xml,
                    size_t *len);
/* The same from a CSV already in memory (named csv_name in messages). */
pp_status pp_import_mem(const pp_import_opts *o, const char *csv, size_t csv_len,
                        pp_diags *csv_d, pp_diags *tpl_d, char **xml, size_t *len);

#endif
