/* Reading CSV files as spreadsheets actually save them (RFC 4180 and what
 * LibreOffice Calc and Excel in an Italian locale write): UTF-8 with or
 * without BOM (Windows-1252 accepted with a warning), ';' ',' or tab
 * detected from the header row, quoted fields with delimiters, quotes and
 * new lines inside, CRLF / LF / CR line ends, an Excel "sep=;" first line.
 *
 * Rows are numbered as a spreadsheet numbers them (the first record is row
 * 1), columns from 1: a diagnostic's line is the row, its col the column.
 * Sizes are bounded, and every problem is reported (parsing goes on). */
#ifndef PP_CSV_H
#define PP_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

#define PP_CSV_MAX_FILE (64u * 1024 * 1024)
#define PP_CSV_MAX_FIELD 100000u /* the longest text the schema accepts */
#define PP_CSV_MAX_FIELDS 1000u  /* per row */
#define PP_CSV_MAX_ROWS 100000u  /* ten times the largest plan */

typedef struct {
    int line;            /* row number: 1 for the first record */
    size_t nfields;
    /* NUL-terminated, exactly as written (unquoted); in a ';' or BOM file
     * without the apostrophe export --format csv-it puts before a cell
     * that a spreadsheet would run as a formula (datawrite.h) */
    const char **fields;
} pp_csv_row;

typedef struct {
    pp_arena *arena; /* owns rows and fields */
    char delimiter;
    bool bom;        /* the file started with a UTF-8 BOM */
    bool cp1252;     /* the file was not UTF-8 and was read as Windows-1252 */
    pp_csv_row *rows;
    size_t nrows, cap;
} pp_csv;

/* Parses a whole file / buffer. PP_OK: *out is the table (free it with
 * pp_csv_free) and d holds warnings only. PP_ERR_INPUT: errors in d, and
 * *out is what could be read (free it too; NULL when nothing could), so
 * the caller can go on and report the problems of the cells as well.
 * PP_ERR_ENV: cannot read, out of memory; *out NULL. */
pp_status pp_csv_read(const char *path, pp_diags *d, pp_csv **out);
pp_status pp_csv_parse(const char *data, size_t len, pp_diags *d, pp_csv **out);
void pp_csv_free(pp_csv *t);

/* Field `col` (0-based) of a row; "" when the row is shorter. */
const char *pp_csv_field(const pp_csv_row *r, size_t col);
/* True when every field of the row is empty or blank. */
bool pp_csv_row_blank(const pp_csv_row *r);

#endif
