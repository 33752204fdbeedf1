/* `perfpdf compare` output: one line per difference for a person, JSON
 * and CSV for tools (field names in English as in `score`, values in the
 * vocabulary's Italian). */
#include <string.h>

#include "compare.h"
#include "datawrite.h"

bool pp_compare_parse_format(const char *s, pp_compare_format *f)
{
    if (strcmp(s, "text") == 0) *f = PP_CMP_TEXT;
    else if (strcmp(s, "json") == 0) *f = PP_CMP_JSON;
    else if (strcmp(s, "csv") == 0) *f = PP_CMP_CSV;
    else return false;
    return true;
}

static void date_text(pp_date d, char buf[16])
{
    if (d.y) pp_date_format_it(d, buf);
    else buf[0] = '\0';
}

char *pp_difference_record_text(const pp_difference *df, pp_arena *arena)
{
    char date[16];
    date_text(df->date, date);
    if (df->recorded)
        return *date ? pp_arena_printf(arena, "delibera n. %s del %s", df->delibera, date)
                     : pp_arena_printf(arena, "delibera n. %s", df->delibera);
    if (df->record_prior)
        return *date ? pp_arena_printf(arena, "non registrata (la delibera n. %s del %s rivede "
                                              "%s, non il valore del Piano)",
                                       df->delibera, date, df->record_prior)
                     : pp_arena_printf(arena, "non registrata (la delibera n. %s rivede %s, "
                                              "non il valore del Piano)",
                                       df->delibera, df->record_prior);
    if (df->record_found && *date)
        return pp_arena_printf(arena, "non registrata (variazione del %s senza delibera)", date);
    return pp_arena_strdup(arena, "non registrata");
}

char *pp_difference_describe(const pp_difference *df, pp_arena *arena)
{
    const char *kind = pp_diff_kind_name(df->kind, df->level);
    const char *level = pp_diff_level_word(df->level);
    const char *code = df->code ? df->code : "", *title = df->title ? df->title : "";
    if (!df->old_value && !df->new_value)
        return pp_arena_printf(arena, "%s: %s %s \"%s\"", kind, level, code, title);
    return pp_arena_printf(arena, "%s: %s %s \"%s\": %s -> %s", kind, level, code, title,
                           df->old_value ? df->old_value : "-",
                           df->new_value ? df->new_value : "-");
}

/* ---- text ------------------------------------------------------------------- */

static void side(FILE *out, const char *path, pp_pos pos)
{
    if (pos.line) fprintf(out, "%s:%d", path ? path : "", pos.line);
    else fputs("(assente)", out);
}

static bool write_text(const pp_compare_result *r, FILE *out)
{
    pp_arena *a = pp_arena_new_sized(4096);
    if (!a) return false;
    bool ok = true;
    for (size_t i = 0; i < r->count && ok; i++) {
        const pp_difference *df = &r->items[i];
        char *rec = pp_difference_record_text(df, a);
        char *what = pp_difference_describe(df, a);
        if (!rec || !what) {
            ok = false;
            break;
        }
        side(out, r->piano_path, df->piano_pos);
        fputs(" -> ", out);
        side(out, r->rel_path, df->rel_pos);
        fprintf(out, ": %s; %s\n", what, df->recorded ? rec : "NON REGISTRATA");
        if (!df->recorded && df->record_found) fprintf(out, "    (%s)\n", rec);
    }
    pp_arena_free(a);
    if (!ok) return false;
    if (r->count == 0) fputs("Nessuna variazione rispetto al Piano\n", out);
    else
        fprintf(out, "%zu %s, di cui %zu non %s\n", r->count,
                r->count == 1 ? "variazione" : "variazioni", r->unrecorded,
                r->unrecorded == 1 ? "registrata" : "registrate");
    return true;
}

/* ---- JSON ------------------------------------------------------------------- */

static void json_pos(FILE *out, const char *name, pp_pos p)
{
    fprintf(out, ", \"%s_line\": ", name);
    pp_json_number(out, p.line > 0, p.line);
    fprintf(out, ", \"%s_col\": ", name);
    pp_json_number(out, p.line > 0, p.col);
}

static void json_difference(const pp_difference *df, FILE *out)
{
    char date[16];
    date_text(df->date, date);
    fprintf(out, "{\"kind\": \"%s\", \"level\": \"%s\", \"code\": ",
            pp_diff_kind_name(df->kind, df->level), pp_level_name(df->level));
    pp_json_string(out, df->code);
    fputs(", \"title\": ", out);
    pp_json_string(out, df->title);
    fputs(", \"old\": ", out);
    pp_json_string(out, df->old_value);
    fputs(", \"new\": ", out);
    pp_json_string(out, df->new_value);
    fprintf(out, ", \"recorded\": %s, \"delibera\": ", df->recorded ? "true" : "false");
    pp_json_string(out, df->delibera);
    fputs(", \"date\": ", out);
    pp_json_string(out, *date ? date : NULL);
    fputs(", \"revised_value\": ", out);
    pp_json_string(out, df->record_prior);
    json_pos(out, "piano", df->piano_pos);
    json_pos(out, "relazione", df->rel_pos);
    fputc('}', out);
}

static void write_json(const pp_compare_result *r, FILE *out)
{
    fputs("{\n  \"piano\": ", out);
    pp_json_string(out, r->piano_path);
    fputs(",\n  \"relazione\": ", out);
    pp_json_string(out, r->rel_path);
    fprintf(out, ",\n  \"year\": %d,\n  \"changes\": %zu,\n  \"unrecorded\": %zu,\n"
                 "  \"differences\": [",
            r->year, r->count, r->unrecorded);
    for (size_t i = 0; i < r->count; i++) {
        fputs(i ? ",\n    " : "\n    ", out);
        json_difference(&r->items[i], out);
    }
    fputs(r->count ? "\n  ]\n}\n" : "]\n}\n", out);
}

/* ---- CSV -------------------------------------------------------------------- */

static void csv_line(FILE *out, int line)
{
    fputc(',', out);
    if (line > 0) fprintf(out, "%d", line);
}

static void write_csv(const pp_compare_result *r, FILE *out)
{
    fputs("kind,level,code,title,old,new,recorded,delibera,date,piano_file,piano_line,"
          "relazione_file,relazione_line,revised_value\r\n",
          out);
    for (size_t i = 0; i < r->count; i++) {
        const pp_difference *df = &r->items[i];
        char date[16];
        date_text(df->date, date);
        fprintf(out, "%s,%s,", pp_diff_kind_name(df->kind, df->level), pp_level_name(df->level));
        const char *texts[] = {df->code, df->title, df->old_value, df->new_value};
        for (size_t k = 0; k < 4; k++) {
            pp_csv_write_text(out, texts[k], ',', true);
            fputc(',', out);
        }
        fputs(df->recorded ? "true," : "false,", out);
        pp_csv_write_text(out, df->delibera, ',', true);
        fprintf(out, ",%s,", date);
        pp_csv_write_text(out, df->piano_pos.line ? r->piano_path : NULL, ',', true);
        csv_line(out, df->piano_pos.line);
        fputc(',', out);
        pp_csv_write_text(out, df->rel_pos.line ? r->rel_path : NULL, ',', true);
        csv_line(out, df->rel_pos.line);
        fputc(',', out);
        pp_csv_write_text(out, df->record_prior, ',', true);
        fputs("\r\n", out);
    }
}

bool pp_compare_write(const pp_compare_result *r, pp_compare_format f, FILE *out)
{
    if (f == PP_CMP_TEXT) {
        if (!write_text(r, out)) return false;
    } else if (f == PP_CMP_JSON) {
        write_json(r, out);
    } else {
        write_csv(r, out);
    }
    return !ferror(out);
}
