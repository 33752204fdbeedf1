/* The spreadsheet columns: one catalogue shared by import (which reads
 * them), merge (which reads the values) and export (which writes them), so
 * that an exported file imports back unchanged. One row per indicator; the
 * columns of the objectives above it repeat on each of its rows.
 *
 * A column is a level of the tree and a field: "strategico_peso",
 * "indicatore_codice", "target_2022". Headers are matched loosely, as
 * people write them: "Unità di misura", "Target 2022" and "PESO" work. */
#ifndef PP_COLUMNS_H
#define PP_COLUMNS_H

#include <stdbool.h>

#include "csv.h"
#include "model.h"
#include "parse_it.h"

typedef enum {
    /* every node */
    PP_F_ID, PP_F_CODICE, PP_F_TITOLO, PP_F_DESCRIZIONE, PP_F_PESO,
    /* objectives: Classificazione, comment, notes */
    PP_F_TIPO, PP_F_UNITA, PP_F_RESPONSABILE, PP_F_PROSPETTIVA, PP_F_MISSIONE,
    PP_F_PROGRAMMA, PP_F_COFOG, PP_F_RISORSE, PP_F_GENERE, PP_F_COMMENTO, PP_F_NOTE,
    /* indicators */
    PP_F_TIPOLOGIA, PP_F_REGOLA, PP_F_ALGORITMO, PP_F_NUMERATORE, PP_F_NUMERATORE_VALORE,
    PP_F_DENOMINATORE, PP_F_DENOMINATORE_VALORE, PP_F_UNITA_MISURA, PP_F_OPERATORE,
    PP_F_TARGET, PP_F_SOGLIA, PP_F_FONTE, PP_F_SERIE_STORICA, PP_F_CONSUNTIVO,
    PP_F_MOTIVO_ND, PP_F_ATTRIBUITO, PP_F_MOTIVO_ATTRIBUITO,
    /* computed by perfpdf: written by export, ignored when read */
    PP_F_NOME_ENTE, PP_F_PESO_EFFETTIVO, PP_F_RAGGIUNGIMENTO, PP_F_FASCIA, PP_F_STATO,
    PP_F_SCOSTAMENTO,
    PP_F_PUNTI_PERSI, /* points of the ente lost through the node (issue 14) */
    PP_F_COUNT
} pp_field;

#define PP_NLEVELS 5
#define PP_MAX_TARGET_COLUMNS 20

typedef struct {
    const char *name; /* "strategico_peso"; "target" stands for target_YYYY */
    pp_level level;
    pp_field field;
    bool computed;
} pp_column;

/* The catalogue in the order export writes it. */
extern const pp_column pp_columns_all[];
extern const unsigned pp_columns_count;

typedef struct {
    int year; /* 0: a plain "target" column, for the reference year */
    int col;  /* 0-based */
} pp_target_column;

/* Where each column is in one file. */
typedef struct {
    int where[PP_NLEVELS][PP_F_COUNT]; /* 0-based column, -1 when absent */
    pp_target_column targets[PP_MAX_TARGET_COLUMNS];
    unsigned ntargets;
} pp_header;

/* Reads the header row. Unknown columns are warnings (ignored), repeated
 * ones errors; positions are (row, column). */
void pp_header_read(const pp_csv_row *row, pp_header *h, pp_diags *d);
bool pp_header_has(const pp_header *h, pp_level l, pp_field f);
/* 1-based column number, for messages; 0 when absent. */
int pp_header_col(const pp_header *h, pp_level l, pp_field f);
/* The cell, or "" when the column is absent or the row short. */
const char *pp_header_cell(const pp_header *h, const pp_csv_row *r, pp_level l, pp_field f);
/* The number style of the file, from the cells of its number columns: a
 * decimal comma anywhere makes it IT; else a dot that cannot group
 * thousands makes it C; else the delimiter decides (';' is what an Italian
 * spreadsheet writes). */
pp_numstyle pp_header_number_style(const pp_header *h, const pp_csv *csv);
/* A header as matched: lower case, accents dropped, runs of anything but
 * letters and digits as one '_' ("Unità di misura" -> "unita_di_misura"). */
void pp_header_normalise(const char *s, char *buf, size_t size);

#endif
