/* The spreadsheet columns of an indicator row: their names, the aliases
 * import accepts, and reading and writing each cell. One table serves import,
 * merge and export, so what export writes imports back. */
#include "columns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define A PP_LEVEL_AMBITO
#define S PP_LEVEL_STRATEGICO
#define O PP_LEVEL_OPERATIVO
#define I PP_LEVEL_INDICATORE
#define E PP_LEVEL_ENTE

/* Classificazione of an objective, as columns. */
#define CLASS(p, L)                                                                       \
    {p "_tipo", L, PP_F_TIPO, false}, {p "_unita", L, PP_F_UNITA, false},                 \
    {p "_responsabile", L, PP_F_RESPONSABILE, false},                                     \
    {p "_prospettiva", L, PP_F_PROSPETTIVA, false},                                       \
    {p "_missione", L, PP_F_MISSIONE, false}, {p "_programma", L, PP_F_PROGRAMMA, false}, \
    {p "_cofog", L, PP_F_COFOG, false}, {p "_risorse", L, PP_F_RISORSE, false},           \
    {p "_genere", L, PP_F_GENERE, false}

#define NODE(p, L)                                                                        \
    {p "_id", L, PP_F_ID, false}, {p "_codice", L, PP_F_CODICE, false},                   \
    {p "_titolo", L, PP_F_TITOLO, false}, {p "_descrizione", L, PP_F_DESCRIZIONE, false}, \
    {p "_peso", L, PP_F_PESO, false}

#define SCORES(p, L)                                                                      \
    {p "_peso_effettivo", L, PP_F_PESO_EFFETTIVO, true},                                  \
    {p "_raggiungimento", L, PP_F_RAGGIUNGIMENTO, true}, {p "_fascia", L, PP_F_FASCIA, true}

const pp_column pp_columns_all[] = {
    NODE("ambito", A),
    NODE("strategico", S), CLASS("strategico", S), {"strategico_commento", S, PP_F_COMMENTO, false},
    NODE("operativo", O), CLASS("operativo", O), {"operativo_note", O, PP_F_NOTE, false},
    {"indicatore_id", I, PP_F_ID, false},
    {"indicatore_codice", I, PP_F_CODICE, false},
    {"indicatore_nome", I, PP_F_TITOLO, false},
    {"indicatore_descrizione", I, PP_F_DESCRIZIONE, false},
    {"tipologia", I, PP_F_TIPOLOGIA, false},
    {"regola", I, PP_F_REGOLA, false},
    {"algoritmo", I, PP_F_ALGORITMO, false},
    {"numeratore", I, PP_F_NUMERATORE, false},
    {"numeratore_valore", I, PP_F_NUMERATORE_VALORE, false},
    {"denominatore", I, PP_F_DENOMINATORE, false},
    {"denominatore_valore", I, PP_F_DENOMINATORE_VALORE, false},
    {"unita_misura", I, PP_F_UNITA_MISURA, false},
    {"operatore", I, PP_F_OPERATORE, false},
    {"target", I, PP_F_TARGET, false},
    {"soglia", I, PP_F_SOGLIA, false},
    {"indicatore_peso", I, PP_F_PESO, false},
    {"fonte", I, PP_F_FONTE, false},
    {"serie_storica", I, PP_F_SERIE_STORICA, false},
    {"consuntivo", I, PP_F_CONSUNTIVO, false},
    {"motivo_nd", I, PP_F_MOTIVO_ND, false},
    {"raggiungimento_attribuito", I, PP_F_ATTRIBUITO, false},
    {"motivo_attribuito", I, PP_F_MOTIVO_ATTRIBUITO, false},
    {"note", I, PP_F_NOTE, false},
    {"ente", E, PP_F_NOME_ENTE, true},
    {"ente_raggiungimento", E, PP_F_RAGGIUNGIMENTO, true},
    {"ente_fascia", E, PP_F_FASCIA, true},
    SCORES("ambito", A), SCORES("strategico", S), SCORES("operativo", O), SCORES("indicatore", I),
    {"indicatore_stato", I, PP_F_STATO, true},
    {"scostamento", I, PP_F_SCOSTAMENTO, true},
    /* points of the ente lost through the node, after the other columns so
     * that files made before them keep their places */
    {"ambito_punti_persi", A, PP_F_PUNTI_PERSI, true},
    {"strategico_punti_persi", S, PP_F_PUNTI_PERSI, true},
    {"operativo_punti_persi", O, PP_F_PUNTI_PERSI, true},
    {"indicatore_punti_persi", I, PP_F_PUNTI_PERSI, true},
};
const unsigned pp_columns_count = sizeof pp_columns_all / sizeof *pp_columns_all;

/* Other names people give the indicator's columns (after normalising). */
static const struct {
    const char *alias, *name;
} aliases[] = {
    {"id", "indicatore_id"},           {"codice", "indicatore_codice"},
    {"codice_indicatore", "indicatore_codice"}, {"nome", "indicatore_nome"},
    {"indicatore", "indicatore_nome"}, {"nome_indicatore", "indicatore_nome"},
    {"peso", "indicatore_peso"},       {"peso_indicatore", "indicatore_peso"},
    {"unita", "unita_misura"},         {"unita_di_misura", "unita_misura"},
    {"um", "unita_misura"},            {"descrizione", "indicatore_descrizione"},
    {"valore", "consuntivo"},          {"valore_misurato", "consuntivo"},
    {"motivo", "motivo_nd"},           {"motivazione", "motivo_nd"},
    {"motivo_n_d", "motivo_nd"},       {"motivazione_n_d", "motivo_nd"},
    {"motivazione_nd", "motivo_nd"},
    {"ambito", "ambito_titolo"},       {"area_strategica", "ambito_titolo"},
    {"obiettivo_strategico", "strategico_titolo"},
    {"obiettivo_operativo", "operativo_titolo"},
};

/* Two-byte UTF-8 accented vowels (U+00C0-U+00FF) to their plain letter. */
static char plain_letter(unsigned char second)
{
    static const char map[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
    unsigned c = second & 0x1F; /* the same letter upper and lower case */
    return second >= 0x80 && second <= 0xBF ? map[c] : 0;
}

void pp_header_normalise(const char *s, char *buf, size_t size)
{
    size_t o = 0;
    bool sep = false;
    for (const unsigned char *p = (const unsigned char *)s; *p && o + 2 < size; p++) {
        char c = 0;
        if (*p >= 'A' && *p <= 'Z') c = (char)(*p - 'A' + 'a');
        else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) c = (char)*p;
        else if ((*p == 0xC3) && p[1] && (c = plain_letter(p[1])) != 0) p++;
        if (c && c != '/') {
            if (sep && o > 0) buf[o++] = '_';
            buf[o++] = c;
            sep = false;
        } else {
            sep = true;
        }
    }
    buf[o] = '\0';
}

/* "target_2022", "target2022" -> 2022; "target" -> 0; else -1. */
static int target_year(const char *name)
{
    if (strncmp(name, "target", 6) != 0) return -1;
    const char *p = name + 6;
    if (*p == '\0') return 0;
    if (*p == '_') p++;
    char *end;
    long y = strtol(p, &end, 10);
    return *end == '\0' && end - p == 4 && y >= 1990 && y <= 2199 ? (int)y : -1;
}

static const pp_column *exact_column(const char *name)
{
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strcmp(name, aliases[i].alias) == 0) name = aliases[i].name;
    for (unsigned i = 0; i < pp_columns_count; i++)
        if (strcmp(name, pp_columns_all[i].name) == 0) return &pp_columns_all[i];
    return NULL;
}

/* How people name the levels, and the catalogue's word for each. */
static const struct {
    const char *spoken, *level;
} level_words[] = {{"obiettivo_strategico", "strategico"}, {"obiettivo_operativo", "operativo"},
                   {"area_strategica", "ambito"},         {"strategico", "strategico"},
                   {"operativo", "operativo"},            {"ambito", "ambito"},
                   {"indicatore", "indicatore"}};

/* "codice_obiettivo_strategico" and "obiettivo_strategico_codice" are
 * "strategico_codice": the level named first or last. */
static const pp_column *find_column(const char *name)
{
    const pp_column *c = exact_column(name);
    size_t len = strlen(name);
    for (size_t i = 0; !c && i < sizeof level_words / sizeof *level_words; i++) {
        const char *w = level_words[i].spoken;
        size_t wl = strlen(w);
        char buf[160];
        if (len > wl + 1 && strncmp(name, w, wl) == 0 && name[wl] == '_')
            snprintf(buf, sizeof buf, "%s_%s", level_words[i].level, name + wl + 1);
        else if (len > wl + 1 && strcmp(name + len - wl, w) == 0 && name[len - wl - 1] == '_')
            snprintf(buf, sizeof buf, "%s_%.*s", level_words[i].level, (int)(len - wl - 1), name);
        else
            continue;
        c = exact_column(buf);
    }
    return c;
}

static void add_target(pp_header *h, int year, int col, int line, pp_diags *d)
{
    for (unsigned i = 0; i < h->ntargets; i++)
        if (h->targets[i].year == year) {
            pp_error(d, line, col + 1, "a second target column for %d (the first is column %d)",
                     year, h->targets[i].col + 1);
            return;
        }
    if (h->ntargets == PP_MAX_TARGET_COLUMNS) {
        pp_error(d, line, col + 1, "more than %d target columns", PP_MAX_TARGET_COLUMNS);
        return;
    }
    h->targets[h->ntargets++] = (pp_target_column){year, col};
}

static void add_column(pp_header *h, const pp_column *c, int col, int line, pp_diags *d,
                       const char *written)
{
    int *w = &h->where[c->level][c->field];
    if (*w >= 0)
        pp_error(d, line, col + 1, "column '%s' repeats column %d ('%s')", written, *w + 1,
                 c->name);
    else
        *w = col;
}

void pp_header_read(const pp_csv_row *row, pp_header *h, pp_diags *d)
{
    memset(h, 0xff, sizeof h->where); /* all -1 */
    h->ntargets = 0;
    for (size_t i = 0; i < row->nfields; i++) {
        char name[128];
        pp_header_normalise(row->fields[i], name, sizeof name);
        int year = target_year(name);
        const pp_column *c = year >= 0 ? NULL : find_column(name);
        if (year >= 0) add_target(h, year, (int)i, row->line, d);
        else if (c) add_column(h, c, (int)i, row->line, d, row->fields[i]);
        else if (name[0]) pp_warning(d, row->line, (int)i + 1, "unknown column '%s': ignored",
                                     row->fields[i]);
    }
}

bool pp_header_has(const pp_header *h, pp_level l, pp_field f) { return h->where[l][f] >= 0; }

int pp_header_col(const pp_header *h, pp_level l, pp_field f) { return h->where[l][f] + 1; }

const char *pp_header_cell(const pp_header *h, const pp_csv_row *r, pp_level l, pp_field f)
{
    int c = h->where[l][f];
    return c >= 0 ? pp_csv_field(r, (size_t)c) : "";
}

/* ---- the file's number style ------------------------------------------------- */

static const pp_field number_fields[] = {PP_F_PESO, PP_F_RISORSE, PP_F_NUMERATORE_VALORE,
                                         PP_F_DENOMINATORE_VALORE, PP_F_SOGLIA,
                                         PP_F_CONSUNTIVO, PP_F_ATTRIBUITO};

static void tally(const char *s, int *it, int *c)
{
    pp_op op;
    const char *rest;
    pp_numstyle st = pp_number_style(pp_parse_op_prefix(s, &op, &rest) ? rest : s);
    *it += st == PP_NUMSTYLE_IT;
    *c += st == PP_NUMSTYLE_C;
}

pp_numstyle pp_header_number_style(const pp_header *h, const pp_csv *csv)
{
    int it = 0, c = 0;
    for (size_t i = 1; i < csv->nrows; i++) {
        const pp_csv_row *r = &csv->rows[i];
        for (pp_level l = PP_LEVEL_AMBITO; l <= PP_LEVEL_INDICATORE; l++)
            for (size_t k = 0; k < sizeof number_fields / sizeof *number_fields; k++)
                tally(pp_header_cell(h, r, l, number_fields[k]), &it, &c);
        for (unsigned t = 0; t < h->ntargets; t++)
            tally(pp_csv_field(r, (size_t)h->targets[t].col), &it, &c);
    }
    if (it) return PP_NUMSTYLE_IT;
    if (c) return PP_NUMSTYLE_C;
    return csv->delimiter == ',' ? PP_NUMSTYLE_C : PP_NUMSTYLE_IT;
}
