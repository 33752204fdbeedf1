/* --precedenti FILE...: earlier Relazioni of the same administration
 * beside the document, for the trend over the years (render, score). Each
 * goes through the one front end and is scored like the document itself;
 * then they are put in order of year and refused when they cannot stand
 * beside it, and the document's nodes are matched with theirs by code. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "score.h"
#include "validate.h"

void pp_cli_precedenti_free(pp_cli_precedenti *p)
{
    for (size_t i = 0; i < p->n; i++) pp_doc_free(p->docs[i]);
    free(p->docs);
    p->docs = NULL;
    p->n = 0;
}

/* Oldest first; of two of one year, the one named first goes first (the
 * second is the one refused). */
static void sort_by_year(pp_doc **docs, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        pp_doc *x = docs[i];
        size_t k = i;
        for (; k > 0 && docs[k - 1]->year > x->year; k--) docs[k] = docs[k - 1];
        docs[k] = x;
    }
}

/* The refusals, one file at a time; PP_ERR_INPUT when any. */
static pp_status check_all(const pp_doc *doc, const pp_cli_precedenti *p)
{
    pp_status st = PP_OK;
    for (size_t i = 0; i < p->n; i++) {
        pp_diags d;
        pp_diags_init(&d, p->docs[i]->path);
        pp_check_precedente(doc, p->docs[i], (const pp_doc *const *)p->docs, i, &d);
        pp_diags_print(&d, stderr);
        pp_status one = pp_diags_status(&d, d.errors ? PP_ERR_INPUT : PP_OK);
        if (one == PP_ERR_ENV || st == PP_OK) st = one;
        pp_diags_clear(&d);
    }
    return st;
}

/* After linking: an earlier document that shares no code with doc. */
static pp_status warn_unmatched(const pp_doc *doc, pp_cli_precedenti *p)
{
    pp_status st = PP_OK;
    for (size_t i = 0; i < p->n; i++) {
        pp_diags d;
        pp_diags_init(&d, p->docs[i]->path);
        pp_check_precedente_matches(doc, i, &d);
        pp_diags_print(&d, stderr);
        p->warnings += d.warnings;
        st = pp_diags_status(&d, st);
        pp_diags_clear(&d);
    }
    return st;
}

pp_status pp_cli_open_precedenti(pp_doc *doc, const pp_cli_list *files, pp_cli_precedenti *out)
{
    out->docs = NULL;
    out->n = 0;
    out->warnings = 0;
    if (files->n == 0) return PP_OK;
    out->docs = calloc(files->n, sizeof *out->docs);
    if (!out->docs) {
        fputs("perfpdf: out of memory\n", stderr);
        return PP_ERR_ENV;
    }
    pp_status st = PP_OK;
    for (size_t i = 0; i < files->n && st == PP_OK; i++) {
        st = pp_cli_open_scored(files->items[i], &out->docs[i]);
        if (st == PP_OK) out->n++;
    }
    if (st == PP_OK) {
        sort_by_year(out->docs, out->n);
        st = check_all(doc, out);
    }
    if (st == PP_OK && !pp_doc_link_precedenti(doc, (const pp_doc *const *)out->docs, out->n)) {
        fputs("perfpdf: out of memory\n", stderr);
        st = PP_ERR_ENV;
    }
    if (st == PP_OK) st = warn_unmatched(doc, out);
    if (st != PP_OK) {
        pp_doc_link_precedenti(doc, NULL, 0);
        pp_cli_precedenti_free(out);
    }
    return st;
}
