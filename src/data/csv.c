/* CSV reading for import and merge: encoding (UTF-8, with or without BOM;
 * Windows-1252 with a warning), delimiter detection, RFC 4180 quoting, and
 * every problem reported at its row and column. */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

#include "datawrite.h"
#include "encoding.h"
#include "xmlsafe.h"
#include "files.h"
#include "grow.h"

typedef struct {
    const char *p, *end;
    char delim;
    int row;    /* record being read */
    size_t col; /* field being read, 1-based */
    pp_diags *d;
    pp_csv *t;
    char *buf; /* the field being read */
    size_t len, cap;
    const char **fields; /* the record being read */
    size_t nfields, fcap;
    bool oom, stop;
} parser;

/* ---- growing buffers ------------------------------------------------------ */

static void put_char(parser *P, char c)
{
    if (P->len >= PP_CSV_MAX_FIELD) {
        if (P->len == PP_CSV_MAX_FIELD)
            pp_error(P->d, P->row, (int)P->col, "field longer than %u characters",
                     PP_CSV_MAX_FIELD);
        P->len = PP_CSV_MAX_FIELD + 1; /* report once, keep the first part */
        return;
    }
    if (!pp_grow(&P->buf, &P->cap, P->len + 2, 1, 256)) { /* the char and a '\0' */
        P->oom = P->stop = true;
        return;
    }
    P->buf[P->len++] = c;
}

static void end_field(parser *P)
{
    size_t n = P->len > PP_CSV_MAX_FIELD ? PP_CSV_MAX_FIELD : P->len;
    const char *text = P->buf ? P->buf : "";
    unsigned bad = 0;
    if (!pp_utf8_valid(text, n))
        pp_error(P->d, P->row, (int)P->col, "invalid UTF-8 text: save the sheet as \"CSV UTF-8\"");
    else if ((bad = pp_non_xml_char(text, n)) != 0)
        pp_error(P->d, P->row, (int)P->col,
                 "a control character (U+%04X) in the cell: a document cannot hold it", bad);
    char *f = pp_arena_strndup(P->t->arena, text, n);
    P->len = 0;
    /* The apostrophe `export --format csv-it` puts before a cell a
     * spreadsheet would run as a formula (datawrite.h): only in files that
     * look like that format (';' or a BOM), so that a plain csv is read
     * exactly as written. */
    if (f && (P->delim == ';' || P->t->bom) && pp_csv_guarded(f)) f++;
    if (P->nfields >= PP_CSV_MAX_FIELDS) {
        if (P->nfields == PP_CSV_MAX_FIELDS)
            pp_error(P->d, P->row, (int)P->col, "more than %u columns", PP_CSV_MAX_FIELDS);
        P->nfields = PP_CSV_MAX_FIELDS + 1;
        return;
    }
    if (!pp_grow(&P->fields, &P->fcap, P->nfields + 1, sizeof *P->fields, 32)) {
        P->oom = P->stop = true;
        return;
    }
    if (!f) P->oom = P->stop = true;
    P->fields[P->nfields++] = f ? f : "";
}

static void end_record(parser *P)
{
    pp_csv *t = P->t;
    size_t n = P->nfields > PP_CSV_MAX_FIELDS ? PP_CSV_MAX_FIELDS : P->nfields;
    P->nfields = 0;
    if (!pp_grow(&t->rows, &t->cap, t->nrows + 1, sizeof *t->rows, 64)) {
        P->oom = P->stop = true;
        return;
    }
    const char **fs = pp_arena_alloc(t->arena, n * sizeof *fs + 1);
    if (!fs) {
        P->oom = P->stop = true;
        return;
    }
    if (n) memcpy(fs, P->fields, n * sizeof *fs); /* no fields array yet when out of memory */
    t->rows[t->nrows++] = (pp_csv_row){P->row, n, fs};
}

/* ---- fields --------------------------------------------------------------- */

static bool at_line_end(const parser *P) { return *P->p == '\n' || *P->p == '\r'; }

/* "...", with "" for a quote; the opening quote is at P->p. */
static void quoted_field(parser *P)
{
    int open_row = P->row;
    P->p++;
    for (;;) {
        if (P->p >= P->end) {
            pp_error(P->d, open_row, (int)P->col,
                     "unterminated quoted field: the closing \" is missing");
            return;
        }
        char c = *P->p++;
        if (c == '"') {
            if (P->p < P->end && *P->p == '"') P->p++;
            else break;
        }
        put_char(P, c); /* new lines inside a cell stay in the same row */
    }
    /* After the closing quote only a delimiter or the end of the record. */
    if (P->p < P->end && *P->p != P->delim && !at_line_end(P)) {
        pp_error(P->d, open_row, (int)P->col,
                 "text after the closing quote: a quote inside a quoted field is written \"\"");
        while (P->p < P->end && *P->p != P->delim && !at_line_end(P)) put_char(P, *P->p++);
    }
}

static void plain_field(parser *P)
{
    while (P->p < P->end && *P->p != P->delim && !at_line_end(P)) put_char(P, *P->p++);
}

/* Spaces before an opening quote are tolerated (hand-edited files). */
static bool quote_ahead(const parser *P)
{
    const char *q = P->p;
    while (q < P->end && *q == ' ') q++;
    return q < P->end && *q == '"';
}

static void read_field(parser *P)
{
    if (quote_ahead(P)) {
        while (*P->p == ' ') P->p++;
        quoted_field(P);
    } else {
        plain_field(P);
    }
    end_field(P);
}

static void read_record(parser *P)
{
    P->col = 1;
    for (;;) {
        read_field(P);
        if (P->stop || P->p >= P->end) break;
        if (*P->p == P->delim) {
            P->p++;
            P->col++;
            continue;
        }
        /* end of line: CRLF, LF or a lone CR */
        if (*P->p == '\r') P->p++;
        if (P->p < P->end && *P->p == '\n') P->p++;
        break;
    }
    end_record(P);
}

/* ---- the file as a whole ---------------------------------------------------- */

/* The delimiter used most often outside quotes in the first record. */
static char detect_delimiter(const char *p, const char *end)
{
    size_t semi = 0, comma = 0, tab = 0;
    bool quoted = false;
    for (; p < end; p++) {
        if (*p == '"') quoted = !quoted;
        else if (!quoted && (*p == '\n' || *p == '\r')) break;
        else if (!quoted && *p == ';') semi++;
        else if (!quoted && *p == ',') comma++;
        else if (!quoted && *p == '\t') tab++;
    }
    if (semi >= comma && semi >= tab && semi > 0) return ';';
    if (tab > comma) return '\t';
    return ',';
}

/* Excel's "sep=;" first line names the delimiter. */
static const char *sep_line(const char *p, const char *end, char *delim)
{
    if (end - p < 5 || strncmp(p, "sep=", 4) != 0) return p;
    const char *q = p + 5;
    if (q < end && *q == '\r') q++;
    if (q < end && *q != '\n') return p;
    *delim = p[4];
    return q < end ? q + 1 : q;
}

static bool refuse_binary(const char *data, size_t len, pp_diags *d)
{
    if (len >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE) &&
        ((unsigned char)data[1] == 0xFE || (unsigned char)data[1] == 0xFF)) {
        pp_error(d, 0, 0, "UTF-16 text: save the sheet as \"CSV UTF-8\" (or CSV with ';')");
        return true;
    }
    if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
        pp_error(d, 0, 0, "this is a spreadsheet (.xlsx / .ods), not a CSV file: save it as CSV");
        return true;
    }
    if (memchr(data, '\0', len)) {
        pp_error(d, 0, 0, "the file contains NUL bytes: not a text file");
        return true;
    }
    return false;
}

static pp_status parse_text(pp_csv *t, const char *p, const char *end, pp_diags *d)
{
    char delim = 0;
    parser P = {0};
    P.p = sep_line(p, end, &delim);
    if (P.p != p) P.row = 1; /* the sep= line is row 1 */
    P.end = end;
    P.delim = delim ? delim : detect_delimiter(P.p, end);
    P.d = d;
    P.t = t;
    t->delimiter = P.delim;
    size_t errors = d->errors;
    while (P.p < P.end && !P.stop) {
        if (++P.row > (int)PP_CSV_MAX_ROWS) {
            pp_error(d, P.row, 1, "more than %u rows", PP_CSV_MAX_ROWS);
            break;
        }
        read_record(&P);
    }
    free(P.buf);
    free(P.fields);
    if (P.oom) return pp_diag_oom(d);
    return d->errors > errors ? PP_ERR_INPUT : PP_OK;
}

pp_status pp_csv_parse(const char *data, size_t len, pp_diags *d, pp_csv **out)
{
    *out = NULL;
    if (refuse_binary(data, len, d)) return PP_ERR_INPUT;
    pp_csv *t = calloc(1, sizeof *t);
    if (t) t->arena = pp_arena_new();
    if (!t || !t->arena) {
        pp_csv_free(t);
        return pp_diag_oom(d);
    }
    t->bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
    if (t->bom) data += 3, len -= 3;
    char *converted = NULL;
    if (!t->bom && !pp_utf8_valid(data, len)) {
        converted = pp_cp1252_to_utf8(data, len, &len);
        if (!converted) {
            pp_csv_free(t);
            return pp_diag_oom(d);
        }
        t->cp1252 = true;
        data = converted;
        pp_warning(d, 0, 0, "not UTF-8: read as Windows-1252 (save as \"CSV UTF-8\" to be sure)");
    }
    pp_status st = parse_text(t, data, data + len, d);
    free(converted);
    if (st == PP_ERR_ENV) {
        pp_csv_free(t);
        return st;
    }
    *out = t;
    return st;
}

pp_status pp_csv_read(const char *path, pp_diags *d, pp_csv **out)
{
    char *data;
    size_t len;
    *out = NULL;
    pp_status st = pp_read_file(path, PP_CSV_MAX_FILE, &data, &len, d);
    if (st != PP_OK) return st;
    st = pp_csv_parse(data, len, d, out);
    free(data);
    return st;
}

void pp_csv_free(pp_csv *t)
{
    if (!t) return;
    pp_arena_free(t->arena);
    free(t->rows);
    free(t);
}

const char *pp_csv_field(const pp_csv_row *r, size_t col)
{
    return r && col < r->nfields ? r->fields[col] : "";
}

bool pp_csv_row_blank(const pp_csv_row *r)
{
    for (size_t i = 0; i < r->nfields; i++)
        for (const char *s = r->fields[i]; *s; s++)
            if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n') return false;
    return true;
}
