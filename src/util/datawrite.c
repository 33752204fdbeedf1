/* Writers of open-data formats shared by score and export: JSON strings
 * and numbers, RFC 4180 CSV fields. */
#include "datawrite.h"

#include <string.h>

#include "numfmt.h"

void pp_json_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(out, "\\%c", *p);
        else if (*p == '\n') fputs("\\n", out);
        else if (*p == '\t') fputs("\\t", out);
        else if (*p < 0x20) fprintf(out, "\\u%04x", *p);
        else fputc(*p, out);
    }
    fputc('"', out);
}

void pp_json_number(FILE *out, bool present, double v)
{
    char buf[PP_FMT_DATA_SIZE];
    pp_fmt_data(v, buf, sizeof buf);
    fputs(present ? buf : "null", out);
}

void pp_csv_write_field(FILE *out, const char *s, char delimiter)
{
    if (!s) return;
    char specials[] = {delimiter, '"', '\r', '\n', '\0'};
    if (!strpbrk(s, specials)) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static bool formula_start(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

bool pp_csv_guarded(const char *cell)
{
    return cell && cell[0] == '\'' && (formula_start(cell[1]) || cell[1] == '\'');
}

bool pp_csv_needs_guard(const char *text)
{
    return text && (formula_start(text[0]) || pp_csv_guarded(text));
}

void pp_csv_write_text(FILE *out, const char *s, char delimiter, bool guard)
{
    if (!s) return;
    if (!guard || !pp_csv_needs_guard(s)) {
        pp_csv_write_field(out, s, delimiter);
        return;
    }
    /* the apostrophe inside the quotes, when the field needs quotes */
    char specials[] = {delimiter, '"', '\r', '\n', '\0'};
    bool quoted = strpbrk(s, specials) != NULL;
    fputs(quoted ? "\"'" : "'", out);
    for (; *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s, out);
    }
    if (quoted) fputc('"', out);
}

void pp_csv_write_number(FILE *out, bool present, double v, bool comma)
{
    char buf[PP_FMT_DATA_SIZE];
    if (!present) return;
    pp_fmt_data(v, buf, sizeof buf);
    if (strcmp(buf, "null") == 0) return;
    char *dot = comma ? strchr(buf, '.') : NULL;
    if (dot) *dot = ',';
    fputs(buf, out);
}
