/* Shared by the files of the importer (import*.c). */
#ifndef PP_IMPORT_INTERNAL_H
#define PP_IMPORT_INTERNAL_H

#include <libxml/tree.h>

#include "columns.h"
#include "csv.h"
#include "import.h"
#include "parse_it.h"
#include "strmap.h"
#include "xmlsafe.h"

/* A node of the tree being built: an objective gathers the cells of all
 * its rows, an indicator is one row (its element is built at once). */
typedef struct inode inode;
struct inode {
    pp_level level;
    int row, col;                /* where it is first named */
    const char *val[PP_F_COUNT]; /* objectives: the first value given */
    int vrow[PP_F_COUNT];        /* ... and its row */
    bool weight_given; /* a peso was written (maybe malformed) */
    bool has_weight;   /* ... and weight is it */
    pp_number weight;
    int wrow, wcol;
    const char *id; /* final id */
    xmlNode *el;    /* indicators: built from the row */
    inode *parent, *first, *last, *next;
    size_t nchildren;
};

typedef struct {
    pp_arena *a;
    pp_diags *d;
    size_t errors0; /* errors in d before the import began */
    const pp_csv *csv;
    pp_header h;
    pp_numstyle style;
    pp_xmldoc x;
    xmlNs *ns;
    bool relazione;
    bool mix; /* the SMVP weighs a strategic objective's indicators apart */
    int year; /* reference year: a plain "target" column is for it */
    inode root;
    xmlNode *root_el; /* <DocumentoPerformance> */
    xmlNode *holder;  /* indicators until they find their objective */
    pp_strmap objectives; /* by parent and key */
    bool oom;
} importer;

/* ---- helpers (import.c) ---- */
/* s without blanks around, in the arena; NULL when empty. */
const char *im_trim(importer *I, const char *s);
/* The cell trimmed, in the arena; NULL when empty or absent. */
const char *im_cell(importer *I, const pp_csv_row *r, pp_level l, pp_field f);
int im_col(const importer *I, pp_level l, pp_field f);
/* The entry of `names` that s is, case and accents aside; NULL if none. */
const char *im_one_of(const char *s, const char *const *names, size_t n);
/* The header of a column as the user wrote it (for messages). */
const char *im_colname(const importer *I, int col);
/* An element of our namespace at (row, col); NULL when out of memory. */
xmlNode *im_el(importer *I, const char *name, int row, int col);
/* A child element with text content (nothing when text is NULL). */
xmlNode *im_text_el(importer *I, xmlNode *parent, const char *name, const char *text, int row,
                    int col);
void im_attr(importer *I, xmlNode *n, const char *name, const char *value);
/* A number in the file's style, reported at (row, col) when malformed. */
bool im_number(importer *I, const char *s, int row, int col, pp_number *out);

/* ---- rows -> tree (import_tree.c) ---- */
void im_rows(importer *I);

/* ---- one row -> <Indicatore> (import_ind.c) ---- */
xmlNode *im_indicator(importer *I, const pp_csv_row *r);
/* One <Nota> per line of a cell. */
void im_notes(importer *I, xmlNode *parent, const char *cell, int row, int col);

/* ---- ids and weights (import_ids.c) ---- */
void im_finish(importer *I);

/* ---- tree -> <Albero>, appended to the root (import_xml.c) ---- */
xmlNode *im_albero(importer *I);

/* ---- the rest of the document (import_head.c) ---- */
typedef struct {
    const pp_import_opts *o;
    pp_xmldoc tpl;   /* the template's tree (doc NULL when none) */
    const char *tpl_kind; /* its Tipo */
    int tpl_year;
    bool tpl_mix; /* its ComposizioneStrategica */
    int min_year, max_year; /* of the target columns */
    bool any_actual;
} im_head;
/* DatiGenerali, Sistema, Organizzazione, Persone (before `albero`) and
 * Testi, from the template or the defaults. */
bool im_document(importer *I, im_head *H, xmlNode *albero);

#endif
