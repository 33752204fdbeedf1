/* Helpers shared by the unit tests: documents built from XML snippets,
 * diagnostics compared with their expected text, whole files read. */
#ifndef PP_TESTUTIL_H
#define PP_TESTUTIL_H

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testdiag.h"
#include "validate.h"
#include "score.h"
#include "score_out.h"

#define DOC_HEAD(kind)                                                                  \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                      \
    "<DocumentoPerformance xmlns=\"urn:perfpdf:documento:1\" versione=\"1.0\">\n"       \
    "<DatiGenerali><Tipo>" kind "</Tipo><Titolo>Test</Titolo>"                          \
    "<AnnoRiferimento>2022</AnnoRiferimento><Triennio da=\"2022\" a=\"2024\"/>"         \
    "<Amministrazione><Denominazione>Ente di prova</Denominazione></Amministrazione>"   \
    "</DatiGenerali>\n"

/* One area, one strategic objective, one operational objective "o" holding
 * the given indicators. */
#define ONE_OBJECTIVE(indicators)                                                          \
    "<Albero><Ambito id=\"amb\" peso=\"100\"><Titolo>A</Titolo>"                             \
    "<ObiettivoStrategico id=\"s\" peso=\"100\"><Titolo>S</Titolo>"                        \
    "<ObiettivoOperativo id=\"o\" peso=\"100\"><Titolo>O</Titolo>\n" indicators            \
    "</ObiettivoOperativo></ObiettivoStrategico></Ambito></Albero>\n"

/* <Indicatore> with a numeric target and a value. */
#define IND(id, peso, unit, op, target, actual)                                             \
    "<Indicatore id=\"" id "\" peso=\"" peso "\"><Nome>" id "</Nome><Unita>" unit "</Unita>" \
    "<Target anno=\"2022\" operatore=\"" op "\" valore=\"" target "\"/>"                    \
    "<Consuntivo valore=\"" actual "\"/></Indicatore>\n"

#define IND_ND(id, peso)                                                                    \
    "<Indicatore id=\"" id "\" peso=\"" peso "\"><Nome>" id "</Nome><Unita>N.</Unita>"      \
    "<Target anno=\"2022\" operatore=\"ge\" valore=\"1\"/>"                                 \
    "<Consuntivo nd=\"true\">Dato non pervenuto</Consuntivo></Indicatore>\n"

#define DOC_TAIL "</DocumentoPerformance>\n"

/* Opens an in-memory document; diagnostics into d (initialised here). */
static inline pp_status open_text(const char *xml, pp_diags *d, pp_doc **doc)
{
    pp_diags_init(d, "test.xml");
    return pp_open_document_mem(xml, strlen(xml), "test.xml", d, doc);
}

/* Opens and scores len bytes of XML; NULL (diagnostics on stderr) when the
 * document is not valid. */
static inline pp_doc *scored_n(const char *xml, size_t len)
{
    pp_diags d;
    pp_diags_init(&d, "test.xml");
    pp_doc *doc = NULL;
    if (pp_open_document_mem(xml, len, "test.xml", &d, &doc) != PP_OK) {
        pp_diags_print(&d, stderr);
        pp_diags_clear(&d);
        return NULL;
    }
    pp_diags_clear(&d);
    pp_score(doc);
    return doc;
}

static inline pp_doc *scored(const char *xml) { return scored_n(xml, strlen(xml)); }

/* Opens a fixture file and scores it, its diagnostics on stderr; NULL when
 * it does not validate, or when it has more warnings than max_warnings. */
static inline pp_doc *open_fixture(const char *path, size_t max_warnings)
{
    pp_diags d;
    pp_diags_init(&d, path);
    pp_doc *doc = NULL;
    pp_status st = pp_open_document(path, &d, &doc);
    pp_diags_print(&d, stderr);
    size_t warnings = d.warnings;
    pp_diags_clear(&d);
    if (st == PP_OK && warnings > max_warnings) {
        fprintf(stderr, "%s: %zu warnings, expected at most %zu\n", path, warnings, max_warnings);
        pp_doc_free(doc);
        return NULL;
    }
    if (st != PP_OK) return NULL;
    pp_score(doc);
    return doc;
}

typedef struct {
    const char *id;
    pp_node *found;
} find_ctx;

static inline bool find_visit(pp_node *n, void *ctx)
{
    find_ctx *f = ctx;
    if (n->id && strcmp(n->id, f->id) == 0) {
        f->found = n;
        return false;
    }
    return true;
}

static inline pp_node *node(pp_doc *doc, const char *id)
{
    find_ctx f = {id, NULL};
    pp_tree_walk(doc->root, find_visit, &f);
    return f.found;
}

/* A whole file, NUL-terminated (the caller frees it), its size in *len
 * unless len is NULL; NULL (size 0), with the reason on stderr, when it
 * cannot be read. Plain stdio, so that what checks the program does not
 * use the program's own reader. */
static inline char *read_file(const char *path, size_t *len)
{
    if (len) *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *data = malloc(cap);
    while (data) {
        n += fread(data + n, 1, cap - n - 1, f);
        if (n < cap - 1) break; /* end of file, or an error */
        cap *= 2;
        char *more = realloc(data, cap);
        if (!more) free(data);
        data = more;
    }
    bool failed = ferror(f) || !data;
    fclose(f);
    if (failed) {
        fprintf(stderr, "%s: cannot read the whole file\n", path);
        free(data);
        return NULL;
    }
    data[n] = '\0';
    if (len) *len = n;
    return data;
}

/* What `perfpdf score` prints for doc in format f (malloc'ed), NULL when
 * it cannot be written. */
static inline char *scores_printed(const pp_doc *doc, pp_format f)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out) return NULL;
    bool ok = pp_write_scores(doc, f, out);
    if (fclose(out) != 0 || !ok) {
        free(buf);
        return NULL;
    }
    return buf;
}

#endif
