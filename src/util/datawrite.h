/* Writers of open-data formats, shared by `score` and `export`: JSON
 * strings and numbers, RFC 4180 CSV fields. Numbers are "C" numbers
 * (numfmt.h pp_fmt_data) unless said otherwise. */
#ifndef PP_DATAWRITE_H
#define PP_DATAWRITE_H

#include <stdbool.h>
#include <stdio.h>

/* A JSON string ("null" for NULL). */
void pp_json_string(FILE *out, const char *s);
/* A JSON number ("null" when !present or not finite). */
void pp_json_number(FILE *out, bool present, double v);
/* A CSV field: quoted when it holds the delimiter, a quote or a line end;
 * nothing for NULL. */
void pp_csv_write_field(FILE *out, const char *s, char delimiter);
/* A number for a CSV cell, nothing when !present; `comma`: with a decimal
 * comma, as an Italian spreadsheet reads it ("1234,5"). */
void pp_csv_write_number(FILE *out, bool present, double v, bool comma);

/* Spreadsheet formulas. Excel and Calc run a cell that starts with '=',
 * '+', '-' or '@' (also after a tab or a carriage return) as a formula,
 * so a title like "=HYPERLINK(...)" would act when the file is opened. A
 * text cell meant for a spreadsheet is neutralised by an apostrophe in
 * front, which spreadsheets read as "this is text". To read such a file
 * back exactly, a text that itself starts with an apostrophe followed by
 * one of those characters or by another apostrophe gets one too: taking
 * off one apostrophe wherever pp_csv_guarded says so gives back the text.
 * Numbers are never neutralised: -5 stays a number. */
bool pp_csv_needs_guard(const char *text);
/* The cell (as read) starts with the apostrophe of pp_csv_needs_guard. */
bool pp_csv_guarded(const char *cell);
/* A text CSV field, neutralised for spreadsheets when `guard`. */
void pp_csv_write_text(FILE *out, const char *s, char delimiter, bool guard);

#endif
