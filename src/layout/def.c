/* Layout definitions (layouts/NAME.xml) -> pp_layout. Every setting has a
 * default here, so a definition only states what it changes; whatever it
 * states is checked, and every problem is reported with its position. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_def.h"
#include "numfmt.h"
#include "xmlsafe.h"
#include "files.h"

/* ---- names ---------------------------------------------------------------- */

static const char *const font_names[] = {
    "body", "h1", "h2", "h3", "h4", "table", "table-head", "band", "note", "caption",
    "toc-title", "toc1", "toc2", "header", "footer", "cover-admin", "cover-title",
    "cover-subtitle", "cover-approval", "figure-label", "figure-value"};

static const char *const colour_names[] = {
    "text", "muted", "rule", "border", "head-bg", "head-fg",
    "band-bg", "band-fg", "group-bg", "accent", "mark"};

static const char *const label_names[] = {
    "toc", "approval", "header", "footer", "ente", "areas", "summary", "legend",
    "legend-lt", "legend-between", "legend-ge", "col-objective", "col-weight",
    "col-achievement", "col-outcome", "area-heading", "strategic-heading",
    "operational-list", "strategic-indicators", "person-heading", "nd", "not-evaluated",
    "note-nd", "note-override", "note-revised", "continued", "deadline", "source",
    "ente-caption", "tree-too-large", "keywords", "subject", "no-people", "legend-nd",
    "col-band-range", "note-weights", "legend-assumed", "not-completed", "not-measured",
    "note-not-completed", "note-left-out", "approval-date", "approval-organ", "approval-number", "change-act",
    "change-date", "note-moved", "note-moved-objective", "note-removed", "note-removed-counted",
    "note-redefined", "person-total", "own-objective", "unit-heading", "unit-total", "no-units",
    "status-descriptive", "note-revised-date", "status-removed",
    "smvp-rule-lineare", "smvp-rule-soglia", "smvp-rule-binaria", "smvp-deadline",
    "smvp-deadline-days", "smvp-tolerance-strategico", "smvp-tolerance-operativo",
    "smvp-tolerance-indicatore", "smvp-mix", "smvp-mix-operativi", "smvp-mix-indicatori",
    "smvp-weights", "smvp-bands", "col-budget", "area-total", "ente-total", "cover-title",
    "cover-subtitle",
    "dashboard-heading", "no-dashboards", "col-code", "col-dash-item", "col-dash-target",
    "col-monitoring", "col-partial", "col-units", "col-holders", "monitoring-at",
    "person-dashboard-heading",
    "note-revised-reason", "note-revised-here",
    "scheda-area", "scheda-heading", "scheda-kind", "scheda-comune", "scheda-specifico",
    "scheda-ente", "scheda-span", "scheda-indicators", "scheda-operational",
    "scheda-responsible", "scheda-comment", "scheda-notes", "scheda-trends", "col-algorithm",
    "col-note", "col-fonte", "col-series", "col-indicator", "col-target-year",
    "scheda-reason",
    "smvp-mean-ente", "smvp-mean-ambito", "smvp-mean-strategico", "smvp-mean-operativo",
    "calendar-caption", "col-number", "col-activity", "col-actors",
    "col-objective-indicator", "col-unit",
    "strategy-map", "strategy-map-too-large", "footer-front",
    "variations-summary", "variations-none", "col-element", "col-variation", "col-piano",
    "col-relazione", "col-recorded", "variation-act", "variation-act-number",
    "variation-unrecorded", "variation-no-act",
    "trends-caption", "trends-chart", "col-trends", "trends-indicators", "trends-note",
    "lost-intro", "lost-chart", "lost-areas-chart", "lost-unit", "lost-col-share",
    "lost-col-points", "lost-area", "lost-objective", "lost-others", "lost-total",
    "lost-note-bands", "lost-chart-all", "lost-chart-one",
    "trends-series", "trends-series-note", "variation-other-prior", "trends-ente"};

static const char *const label_defaults[] = {
    "INDICE",
    "Adottata con Deliberazione di {organo} n. {numero} del {data}",
    "{amministrazione} \u2014 {titolo}",
    "Pagina {n} di {m}",
    "Performance di ente",
    "Performance delle aree strategiche",
    "Sintesi dei risultati: aree strategiche, obiettivi strategici e obiettivi operativi",
    "Legenda",
    "inferiore a {a} %",
    "da {a} % a meno di {b} %",
    "pari o superiore a {a} %",
    "Obiettivo",
    "Peso",
    "Grado",
    "Valutazione",
    "Ambito strategico {codice} \u2013 {titolo}",
    "Obiettivo strategico {codice} \u2013 {titolo}",
    "Obiettivo operativo",
    "Indicatori dell'obiettivo strategico",
    "{nome}",
    "N/D",
    "DA VALUTARE",
    "{codice}: consuntivo non disponibile (N/D) \u2013 {motivo}",
    "{codice}: \u25b2 valore attribuito: {motivo}",
    "{codice}: target rivisto ({vecchio} \u2192 {nuovo}) con deliberazione n. {delibera} del {data}",
    "(segue)",
    "Entro {data}",
    "Fonte: {fonte}",
    "Performance complessiva dell'ente",
    ("Albero della performance: il diagramma non entra nella pagina; i gradi di raggiungimento "
     "sono nelle tabelle che seguono."),
    "performance; {tipo}; {anno}; {amministrazione}",
    "{titolo} \u2013 {amministrazione}",
    "Il documento non assegna obiettivi individuali.",
    "consuntivo non disponibile (N/D): non conteggiato",
    "Grado di raggiungimento",
    ("Peso previsto \u2192 peso effettivo (fuori dal calcolo: {codici}): i pesi degli altri "
     "sono riproporzionati a 100 %."),
    ("Il documento non indica fasce di valutazione: i giudizi usano le fasce qui sopra, "
     "assunte dal modello di impaginazione."),
    "non completato",
    "non oggetto di misurazione",
    "{codice}: non completato \u2013 {motivo}",
    ("{codice}: escluso dalla composizione dell'obiettivo strategico (peso come da "
     "documento, non conteggiato)"),
    "Approvata il {data}",
    "Adottata con Deliberazione di {organo} del {data}",
    "Adottata con Deliberazione n. {numero} del {data}",
    "con Delibera n. {delibera} del {data}",
    "il {data}",
    "{codice}: indicatore spostato dall'obiettivo {obiettivo} {atto} \u2013 {motivo}",
    "{codice}: obiettivo spostato dall'obiettivo strategico {obiettivo} {atto} \u2013 {motivo}",
    "{codice}: rimosso in corso d'anno {atto}, non conteggiato \u2013 {motivo}",
    "{codice}: rimosso in corso d'anno {atto}, conteggiato per decisione dell'amministrazione \u2013 {motivo}",
    "{codice}: indicatore ridefinito {atto} (in precedenza: {prima}) \u2013 {motivo}",
    "Risultato complessivo",
    "Obiettivo individuale {codice} \u2013 {titolo}",
    "{nome}",
    "Risultato della struttura (media semplice degli obiettivi)",
    "Nessun obiettivo del documento indica una struttura responsabile.",
    "INFORMATIVO",
    "{codice}: target rivisto ({vecchio} \u2192 {nuovo}) il {data}",
    "RIMOSSO",
    ("Il grado di raggiungimento di un indicatore \u00e8 il rapporto tra il valore raggiunto e "
     "il target, fino al 100 % (per un target da non superare, il rapporto inverso)."),
    ("Il grado di raggiungimento di un indicatore cresce in proporzione dalla soglia indicata "
     "per l'indicatore (0 %) al target (100 %)."),
    "Un indicatore conta 100 % se raggiunge il target, 0 % altrimenti.",
    ("Un'attivit\u00e0 con scadenza conta 100 % se \u00e8 conclusa entro la data prevista, "
     "0 % se \u00e8 conclusa dopo."),
    ("Un'attivit\u00e0 con scadenza conta 100 % se \u00e8 conclusa entro la data prevista; un "
     "ritardo riduce il grado in proporzione, fino a 0 % dopo {giorni} giorni."),
    ("Un obiettivo strategico che raggiunge almeno il {da} % \u00e8 considerato raggiunto "
     "(conta 100 %); sotto il {critico} % non \u00e8 considerato raggiunto (conta 0 %)."),
    ("Un obiettivo operativo che raggiunge almeno il {da} % \u00e8 considerato raggiunto "
     "(conta 100 %); sotto il {critico} % non \u00e8 considerato raggiunto (conta 0 %)."),
    ("Un indicatore che raggiunge almeno il {da} % del target \u00e8 considerato raggiunto "
     "(conta 100 %); sotto il {critico} % non \u00e8 considerato raggiunto (conta 0 %)."),
    ("Il grado di un obiettivo strategico \u00e8 per il {operativi} % la media dei suoi "
     "obiettivi operativi e per il {indicatori} % quella dei suoi indicatori."),
    ("Il grado di un obiettivo strategico \u00e8 la media dei suoi obiettivi operativi; i suoi "
     "indicatori sono riportati ma non concorrono al grado."),
    ("Il grado di un obiettivo strategico \u00e8 la media dei suoi indicatori; i suoi "
     "obiettivi operativi sono riportati ma non concorrono al grado."),
    ("Il grado di ogni obiettivo, ambito e dell'ente \u00e8 la media dei gradi dei suoi "
     "elementi, pesata con i pesi indicati in questo Piano; un elemento senza consuntivo non "
     "\u00e8 conteggiato e i pesi degli altri sono riproporzionati."),
    "Il grado di raggiungimento \u00e8 letto secondo le fasce: {fasce}.",
    "Risorse (\u20ac)",
    "Totale {titolo}",
    "Totale ente",
    "{titolo}",
    "{sottotitolo}",
    "{codice} \u2013 {nome}",
    "Nessun obiettivo del documento indica le unit\u00e0 organizzative che vi partecipano.",
    "Codice",
    "Obiettivo / indicatore",
    "Target {anno}",
    "Risultato al {data}",
    "% realizz.",
    "Uffici",
    "Assegnato a",
    "al {data}",
    "{nome} \u2013 {incarico}",
    "{nota} \u2013 {motivo}",
    "{codice}: target rivisto ({vecchio} \u2192 {nuovo}) con il presente documento",
    "{titolo}",
    "{titolo}",
    "Obiettivo strategico",
    "Obiettivo strategico comune",
    "Obiettivo strategico specifico",
    "Obiettivo di ente",
    "{dal}\u2013{al}",
    "Indicatori dell'obiettivo strategico",
    "Obiettivo operativo \u2013 {titolo}",
    "Responsabile: {nome}",
    "Commento",
    "Note agli indicatori",
    "Andamento degli indicatori: serie storica e target",
    "Algoritmo",
    "Nota",
    "Fonte",
    "Serie storica",
    "Indicatore",
    "Target {anno}",
    "Target rivisto ({anni}): {motivo}",
    "Il grado dell'ente \u00e8 la media semplice dei suoi ambiti strategici.",
    "Il grado di un ambito strategico \u00e8 la media semplice dei suoi obiettivi strategici.",
    ("Nel grado di un obiettivo strategico i suoi obiettivi operativi e i suoi indicatori "
     "contano ciascuno allo stesso modo (media semplice, senza pesi)."),
    "Il grado di un obiettivo operativo \u00e8 la media semplice dei suoi indicatori.",
    "Calendario delle fasi",
    "N.",
    "Attivit\u00e0",
    "Attori",
    "Obiettivo / indicatore",
    "Unit\u00e0",
    "Mappa strategica",
    ("Mappa strategica: gli obiettivi strategici sono troppi per disegnarla in una pagina; "
     "sono elencati nelle sezioni che seguono."),
    "Pagina {n}",
    "Confronto con il {piano}. Variazioni: {n}; non registrate da un atto: {m} (evidenziate).",
    "La Relazione riporta obiettivi, indicatori, pesi e target del {piano} come adottato.",
    "Elemento",
    "Variazione",
    "Piano",
    "Relazione",
    "Registrata",
    "delibera n. {delibera} del {data}",
    "delibera n. {delibera}",
    "NON REGISTRATA",
    "NON REGISTRATA (variazione del {data} senza delibera)",
    "Grado di raggiungimento negli anni: ente, ambiti e obiettivi strategici",
    "Grado di raggiungimento negli anni: ente e ambiti strategici",
    "Ente, ambito, obiettivo strategico",
    "Consuntivi degli indicatori negli anni",
    ("\u2013: non presente nella Relazione di quell'anno. Obiettivi e indicatori sono "
     "confrontati per codice."),
    ("L'ente ha raggiunto il {ente}: {persi} punti sotto il 100 %. Ogni indicatore ne ha "
     "persi (100 \u2212 grado) \u00d7 il suo peso sull'ente, il prodotto dei pesi effettivi "
     "dall'indicatore fino all'ente: i punti persi da tutti gli indicatori sommano quelli "
     "dell'ente. Un grado basso in un obiettivo leggero pu\u00f2 costare meno di un grado alto "
     "in un ambito pesante."),
    "I {n} indicatori che sono costati pi\u00f9 punti all'ente",
    "Punti persi per ambito strategico",
    "punti persi",
    "Peso sull'ente",
    "Punti persi",
    "{codice} {titolo}: {punti} punti persi",
    "{obiettivo}",
    "Altri {n} indicatori dell'ambito",
    "Punti persi dall'ente",
    ("Dove un obiettivo \u00e8 valutato per fasce di tolleranza (conta 100 % o 0 % anche se "
     "la media dei suoi indicatori \u00e8 un'altra), i punti che l'obiettivo perde sono "
     "ripartiti tra i suoi indicatori in proporzione a quelli che perderebbero per i soli "
     "pesi."),
    "Gli indicatori che sono costati punti all'ente",
    "L'indicatore che \u00e8 costato punti all'ente",
    "serie storica: {valore}",
    ("Serie storica: il valore che il presente documento riporta per quell'anno, dove manca "
     "la Relazione di quell'anno o dove il suo consuntivo \u00e8 un altro."),
    "NON REGISTRATA (la delibera n. {delibera} del {data} rivede {valore}, non il valore del Piano)",
    "Ente"};

static const char *const column_names[] = {
    "peso", "indicatore", "target", "consuntivo", "grado", "stato",
    "numeratore", "denominatore", "scostamento", "tipologia", "target-successivo", "soglia",
    "algoritmo", "target-anno", "unita", "storico"};

static const char *const column_labels[] = {
    "Peso", "Indicatore", "Target", "Consuntivo", "Grado", "Stato",
    "Numeratore", "Denominatore", "Scostamento", "Tipologia", "Target {anno}", "Soglia",
    "Algoritmo", "Target {anno}", "Unità di misura", "Anni precedenti"};

/* every name has its entry (a missing one would be a NULL at run time) */
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
_Static_assert(COUNT(font_names) == LY_F_COUNT, "font_names");
_Static_assert(COUNT(colour_names) == LY_C_COUNT, "colour_names");
_Static_assert(COUNT(label_names) == LY_L_COUNT, "label_names");
_Static_assert(COUNT(label_defaults) == LY_L_COUNT, "label_defaults");
_Static_assert(COUNT(column_names) == LY_COL_COUNT, "column_names");
_Static_assert(COUNT(column_labels) == LY_COL_COUNT, "column_labels");

static const char *const roles[] = {
    "presentazione", "premessa", "sintesi", "risultati", "identita", "contesto", "strategia",
    "albero", "obiettivi", "valutazione", "individuali", "processo", "allegati", "altro"};

static int find_name(const char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0) return (int)i;
    return -1;
}

/* ---- defaults -------------------------------------------------------------- */

static void set_font(pp_layout *l, ly_font_role r, const char *family, double size, int weight,
                     double spacing, double before, double after)
{
    ly_font *f = &l->fonts[r];
    f->spec = (pp_font_spec){.family = family, .size = size, .bold = weight >= 600,
                             .weight = weight, .line_spacing = spacing};
    f->color = (pp_rgb){0.1, 0.1, 0.1};
    f->space_before = before;
    f->space_after = after;
}

static void set_defaults(pp_layout *l)
{
    l->page_w = 595.28;
    l->page_h = 841.89;
    l->margin_top = l->margin_bottom = 42.5;
    l->margin_left = l->margin_right = 56.7;
    l->header_h = 28;
    l->footer_h = 26;
    l->toc_depth = 2;
    l->number_depth = 2;
    l->keep_numbers = true;
    l->decimals = 2;
    l->count_decimals = -1;
    l->planned_weight = true;
    l->wide_tables_landscape = true;
    l->paragraph_gap = 6;
    l->cell_pad = 3;
    const char *sans = "Titillium Web", *serif = "DejaVu Serif";
    set_font(l, LY_F_BODY, serif, 9.5, 400, 1.3, 0, 6);
    set_font(l, LY_F_H1, sans, 17, 700, 1.1, 18, 10);
    set_font(l, LY_F_H2, sans, 14, 700, 1.1, 14, 8);
    set_font(l, LY_F_H3, sans, 12, 600, 1.1, 12, 6);
    set_font(l, LY_F_H4, sans, 11, 600, 1.1, 10, 5);
    set_font(l, LY_F_TABLE, sans, 8.5, 400, 1.05, 0, 0);
    set_font(l, LY_F_TABLE_HEAD, sans, 8.5, 700, 1.05, 0, 0);
    set_font(l, LY_F_BAND, sans, 9.5, 700, 1.05, 0, 0);
    set_font(l, LY_F_NOTE, sans, 8, 400, 1.1, 2, 0);
    set_font(l, LY_F_CAPTION, sans, 9, 600, 1.1, 4, 3);
    set_font(l, LY_F_TOC_TITLE, sans, 18, 700, 1.1, 0, 14);
    set_font(l, LY_F_TOC1, sans, 11, 700, 1.15, 6, 0);
    set_font(l, LY_F_TOC2, sans, 10, 400, 1.15, 2, 0);
    set_font(l, LY_F_HEADER, sans, 8, 400, 1.0, 0, 0);
    set_font(l, LY_F_FOOTER, sans, 8, 400, 1.0, 0, 0);
    set_font(l, LY_F_COVER_ADMIN, sans, 20, 600, 1.15, 0, 0);
    set_font(l, LY_F_COVER_TITLE, sans, 30, 700, 1.1, 0, 0);
    set_font(l, LY_F_COVER_SUBTITLE, sans, 16, 400, 1.15, 0, 0);
    set_font(l, LY_F_COVER_APPROVAL, sans, 12, 400, 1.2, 0, 0);
    set_font(l, LY_F_FIG_LABEL, sans, 8, 400, 1.05, 0, 0);
    set_font(l, LY_F_FIG_VALUE, sans, 14, 700, 1.0, 0, 0);
    for (int r = LY_F_H1; r <= LY_F_H4; r++) l->fonts[r].color = (pp_rgb){0.0, 0.2, 0.4};
    l->fonts[LY_F_TOC_TITLE].color = (pp_rgb){0.0, 0.2, 0.4};
    l->fonts[LY_F_COVER_TITLE].color = (pp_rgb){0.0, 0.2, 0.4};
    l->fonts[LY_F_HEADER].color = l->fonts[LY_F_FOOTER].color = (pp_rgb){0.35, 0.35, 0.35};
    l->fonts[LY_F_TABLE_HEAD].color = (pp_rgb){1, 1, 1};
    l->fonts[LY_F_BAND].color = (pp_rgb){0.0, 0.2, 0.4};
    pp_rgb c[LY_C_COUNT] = {
        [LY_C_TEXT] = {0.1, 0.1, 0.1},     [LY_C_MUTED] = {0.4, 0.4, 0.4},
        [LY_C_RULE] = {0.0, 0.4, 0.8},     [LY_C_BORDER] = {0.6, 0.6, 0.6},
        [LY_C_HEAD_BG] = {0.0, 0.2, 0.4},  [LY_C_HEAD_FG] = {1, 1, 1},
        [LY_C_BAND_BG] = {0.85, 0.9, 0.95}, [LY_C_BAND_FG] = {0.0, 0.2, 0.4},
        [LY_C_GROUP_BG] = {0.94, 0.95, 0.97}, [LY_C_ACCENT] = {0.0, 0.4, 0.8},
        [LY_C_MARK] = {0.6, 0.1, 0.1}};
    memcpy(l->colours, c, sizeof c);
    for (int i = 0; i < LY_L_COUNT; i++) l->labels[i] = label_defaults[i];
}

/* ---- reading helpers ---------------------------------------------------------- */

/* The layout file has no namespace: its elements (pp_xml_first and friends
 * with ns NULL) are matched by name only. */

typedef struct {
    pp_layout *l;
    pp_diags *d;
    bool oom;
} reader;

#define ERR(r, n, ...) pp_error((r)->d, pp_xml_line(n), pp_xml_col(n), __VA_ARGS__)

enum { LY_MAX_LAYOUT_TEXT = 500 };


/* Attribute value copied into the layout's arena; NULL when absent. A
 * layout's words are printed again and again (a footer on every page, a
 * column label on every page of every table, "Entro {data}" on every
 * deadline): so they are short, and longer values are refused. */
static const char *attr(reader *r, const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v) return NULL;
    size_t chars = 0;
    for (const xmlChar *p = v; *p; p++) chars += (*p & 0xC0) != 0x80;
    if (chars > LY_MAX_LAYOUT_TEXT)
        ERR(r, n, "<%s %s=\"...\">: %zu characters, more than the %d a layout's words may have",
            (const char *)n->name, name, chars, LY_MAX_LAYOUT_TEXT);
    char *s = pp_arena_strdup(r->l->arena, (const char *)v);
    xmlFree(v);
    if (!s) r->oom = true;
    return s;
}

/* Every attribute must be one of `allowed` (NULL-terminated). */
static void check_attrs(reader *r, const xmlNode *n, const char *const *allowed)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        bool ok = false;
        for (const char *const *p = allowed; *p && !ok; p++) ok = strcmp(*p, (const char *)a->name) == 0;
        if (!ok) ERR(r, n, "<%s>: unknown attribute '%s'", (const char *)n->name, (const char *)a->name);
    }
}

static bool num(reader *r, const xmlNode *n, const char *name, double lo, double hi, double *out)
{
    const char *s = attr(r, n, name);
    if (!s) return false;
    double v;
    if (!pp_parse_decimal(s, &v, NULL) || v < lo || v > hi) {
        ERR(r, n, "<%s %s=\"%s\">: expected a number from %g to %g", (const char *)n->name, name, s,
            lo, hi);
        return false;
    }
    *out = v;
    return true;
}

static bool boolean(reader *r, const xmlNode *n, const char *name, bool *out)
{
    const char *s = attr(r, n, name);
    if (!s) return false;
    if (strcmp(s, "true") == 0) *out = true;
    else if (strcmp(s, "false") == 0) *out = false;
    else {
        ERR(r, n, "<%s %s=\"%s\">: expected true or false", (const char *)n->name, name, s);
        return false;
    }
    return true;
}

static void colour(reader *r, const xmlNode *n, const char *name, pp_rgb *out)
{
    const char *s = attr(r, n, name);
    if (s && !pp_rgb_parse(s, out))
        ERR(r, n, "<%s %s=\"%s\">: expected a colour #RRGGBB", (const char *)n->name, name, s);
}

/* ---- elements ------------------------------------------------------------------- */

static void read_page(reader *r, const xmlNode *n)
{
    static const char *const ok[] = {"width", "height", "margin-top", "margin-bottom",
                                     "margin-left", "margin-right", "header", "footer", NULL};
    check_attrs(r, n, ok);
    pp_layout *l = r->l;
    num(r, n, "width", 144, 14400, &l->page_w);
    num(r, n, "height", 144, 14400, &l->page_h);
    num(r, n, "margin-top", 0, 7200, &l->margin_top);
    num(r, n, "margin-bottom", 0, 7200, &l->margin_bottom);
    num(r, n, "margin-left", 0, 7200, &l->margin_left);
    num(r, n, "margin-right", 0, 7200, &l->margin_right);
    num(r, n, "header", 0, 7200, &l->header_h);
    num(r, n, "footer", 0, 7200, &l->footer_h);
}

static void read_spacing(reader *r, const xmlNode *n)
{
    static const char *const ok[] = {"paragraph", "cell-padding", NULL};
    check_attrs(r, n, ok);
    num(r, n, "paragraph", 0, 200, &r->l->paragraph_gap);
    num(r, n, "cell-padding", 0, 50, &r->l->cell_pad);
}

static void read_numbering(reader *r, const xmlNode *n)
{
    static const char *const ok[] = {"depth", "toc-depth", "renumber", "front-matter", NULL};
    check_attrs(r, n, ok);
    double v;
    if (num(r, n, "depth", 0, 6, &v)) r->l->number_depth = (int)v;
    if (num(r, n, "toc-depth", 0, 6, &v)) r->l->toc_depth = (int)v;
    bool renumber;
    if (boolean(r, n, "renumber", &renumber)) r->l->keep_numbers = !renumber;
    const char *front = attr(r, n, "front-matter");
    if (front) {
        if (strcmp(front, "roman") == 0) r->l->roman_front = true;
        else if (strcmp(front, "arabic") != 0)
            ERR(r, n, "<numbering front-matter=\"%s\">: expected roman or arabic", front);
    }
}

/* A number of decimals, or "source": as many as the document writes. */
static void decimals(reader *r, const xmlNode *n, const char *name, int *out)
{
    const char *s = attr(r, n, name);
    if (!s) return;
    double v;
    if (strcmp(s, "source") == 0) *out = -1;
    else if (pp_parse_decimal(s, &v, NULL) && v >= 0 && v <= 6 && v == (int)v) *out = (int)v;
    else ERR(r, n, "<%s %s=\"%s\">: expected a number from 0 to 6 or source",
             (const char *)n->name, name, s);
}

static void read_numbers(reader *r, const xmlNode *n)
{
    static const char *const ok[] = {"decimals", "count-decimals", "operators", NULL};
    check_attrs(r, n, ok);
    decimals(r, n, "decimals", &r->l->decimals);
    decimals(r, n, "count-decimals", &r->l->count_decimals);
    const char *o = attr(r, n, "operators");
    if (!o) return;
    if (strcmp(o, "symbols") == 0) r->l->op_symbols = true;
    else if (strcmp(o, "ascii") == 0) r->l->op_symbols = false;
    else ERR(r, n, "<numbers operators=\"%s\">: expected ascii or symbols", o);
}

static void read_narrative_table(reader *r, const xmlNode *n)
{
    static const char *const ok[] = {"landscape", NULL};
    check_attrs(r, n, ok);
    const char *s = attr(r, n, "landscape");
    if (!s) return;
    if (strcmp(s, "auto") == 0) r->l->wide_tables_landscape = true;
    else if (strcmp(s, "never") == 0) r->l->wide_tables_landscape = false;
    else ERR(r, n, "<narrative-table landscape=\"%s\">: expected auto or never", s);
}

static void read_font(reader *r, const xmlNode *n)
{
    static const char *const ok[] = {"role", "family", "size", "weight", "italic", "line-spacing",
                                     "colour", "before", "after", NULL};
    check_attrs(r, n, ok);
    const char *role = attr(r, n, "role");
    int i = role ? find_name(font_names, LY_F_COUNT, role) : -1;
    if (i < 0) {
        ERR(r, n, "<font>: role '%s' is not one of body, h1-h4, table, table-head, band, note, "
                  "caption, toc-title, toc1, toc2, header, footer, cover-admin, cover-title, "
                  "cover-subtitle, cover-approval, figure-label, figure-value",
            role ? role : "");
        return;
    }
    ly_font *f = &r->l->fonts[i];
    const char *family = attr(r, n, "family");
    if (family) {
        if (!*family) ERR(r, n, "<font>: empty family");
        else f->spec.family = family;
    }
    num(r, n, "size", 2, 200, &f->spec.size);
    double w;
    if (num(r, n, "weight", 100, 900, &w)) {
        f->spec.weight = (int)w;
        f->spec.bold = w >= 600;
    }
    boolean(r, n, "italic", &f->spec.italic);
    num(r, n, "line-spacing", 0.5, 4, &f->spec.line_spacing);
    colour(r, n, "colour", &f->color);
    num(r, n, "before", 0, 500, &f->space_before);
    num(r, n, "after", 0, 500, &f->space_after);
}

static void read_colour(reader *r, const xmlNode *n)
{
    static const char *const ok[] = {"name", "value", NULL};
    check_attrs(r, n, ok);
    const char *name = attr(r, n, "name");
    int i = name ? find_name(colour_names, LY_C_COUNT, name) : -1;
    if (i < 0) {
        ERR(r, n, "<colour>: unknown name '%s'", name ? name : "");
        return;
    }
    if (!attr(r, n, "value")) ERR(r, n, "<colour>: missing value");
    colour(r, n, "value", &r->l->colours[i]);
}

static void read_band(reader *r, const xmlNode *n, size_t cap)
{
    static const char *const ok[] = {"from", "label", "colour", "status", "short", NULL};
    check_attrs(r, n, ok);
    pp_layout *l = r->l;
    if (l->nbands == cap) return;
    pp_band *b = &l->bands[l->nbands];
    if (!num(r, n, "from", 0, 100, &b->from)) {
        ERR(r, n, "<band>: missing or bad 'from'");
        return;
    }
    if (l->nbands > 0 && b->from <= l->bands[l->nbands - 1].from)
        ERR(r, n, "<band>: bands must be in ascending order of 'from'");
    b->label = attr(r, n, "label");
    b->colour = attr(r, n, "colour");
    b->status = attr(r, n, "status");
    b->short_label = attr(r, n, "short");
    pp_rgb tmp;
    if (!b->label) ERR(r, n, "<band>: missing label");
    if (!b->colour || !pp_rgb_parse(b->colour, &tmp)) ERR(r, n, "<band>: colour must be #RRGGBB");
    b->pos = (pp_pos){pp_xml_line(n), pp_xml_col(n)};
    l->nbands++;
}

static void read_label(reader *r, const xmlNode *n)
{
    static const char *const ok[] = {"key", "text", NULL};
    check_attrs(r, n, ok);
    const char *key = attr(r, n, "key"), *text = attr(r, n, "text");
    int i = key ? find_name(label_names, LY_L_COUNT, key) : -1;
    if (i < 0) ERR(r, n, "<label>: unknown key '%s'", key ? key : "");
    else if (!text) ERR(r, n, "<label key=\"%s\">: missing text", key);
    else r->l->labels[i] = text;
}

static void read_columns(reader *r, const xmlNode *n)
{
    static const char *const attrs[] = {"weight", NULL};
    check_attrs(r, n, attrs);
    const char *weight = attr(r, n, "weight");
    if (weight) {
        if (strcmp(weight, "planned") == 0) r->l->planned_weight = true;
        else if (strcmp(weight, "effective") == 0) r->l->planned_weight = false;
        else ERR(r, n, "<indicator-table weight=\"%s\">: expected planned or effective", weight);
    }
    size_t cap = pp_xml_count(n, NULL, NULL);
    r->l->columns = pp_arena_alloc(r->l->arena, (cap ? cap : 1) * sizeof(ly_column));
    r->l->ncolumns = 0;
    if (!r->l->columns) {
        r->oom = true;
        return;
    }
    for (const xmlNode *c = pp_xml_first(n, NULL, NULL); c; c = pp_xml_next(c, NULL, NULL)) {
        if (strcmp((const char *)c->name, "column") != 0) {
            ERR(r, c, "<indicator-table>: unexpected <%s> (only <column>)", (const char *)c->name);
            continue;
        }
        static const char *const ok[] = {"key", "width", "label", NULL};
        check_attrs(r, c, ok);
        const char *key = attr(r, c, "key");
        int k = key ? find_name(column_names, LY_COL_COUNT, key) : -1;
        ly_column col = {.width = 10};
        if (k < 0) {
            ERR(r, c, "<column>: unknown key '%s' (peso, indicatore, target, consuntivo, grado, "
                      "stato, numeratore, denominatore, scostamento, tipologia, target-successivo, "
                      "soglia, algoritmo, target-anno, unita)",
                key ? key : "");
            continue;
        }
        col.key = (ly_column_key)k;
        num(r, c, "width", 0.1, 1000, &col.width);
        col.label = attr(r, c, "label");
        if (!col.label) col.label = column_labels[k];
        r->l->columns[r->l->ncolumns++] = col;
    }
    if (r->l->ncolumns == 0) ERR(r, n, "<indicator-table>: at least one <column> is needed");
}

static const char *const detail_names[] = {
    "descrizione", "commento", "prospettiva", "missione", "cofog", "tipo", "risorse", "unita",
    "responsabile", "genere"};
static const char *const detail_labels[] = {
    "Descrizione", "Commento", "Prospettiva", "Missione/programma", "COFOG", "Tipo",
    "Risorse", "Unit\u00e0 responsabile", "Responsabile", "Rilevante in ottica di genere"};
_Static_assert(COUNT(detail_names) == LY_D_COUNT, "detail_names");
_Static_assert(COUNT(detail_labels) == LY_D_COUNT, "detail_labels");

static void read_details(reader *r, const xmlNode *n)
{
    static const char *const attrs[] = {"place", NULL};
    check_attrs(r, n, attrs);
    const char *place = attr(r, n, "place");
    r->l->details_place = LY_DETAILS_TABLE;
    if (place) {
        if (strcmp(place, "table") == 0) r->l->details_place = LY_DETAILS_TABLE;
        else if (strcmp(place, "block") == 0) r->l->details_place = LY_DETAILS_BLOCK;
        else if (strcmp(place, "none") == 0) r->l->details_place = LY_DETAILS_NONE;
        else ERR(r, n, "<objective-details place=\"%s\">: expected table, block or none", place);
    }
    size_t cap = pp_xml_count(n, NULL, NULL);
    r->l->details = pp_arena_alloc(r->l->arena, (cap ? cap : 1) * sizeof(ly_detail));
    r->l->ndetails = 0;
    if (!r->l->details) {
        r->oom = true;
        return;
    }
    for (const xmlNode *c = pp_xml_first(n, NULL, NULL); c; c = pp_xml_next(c, NULL, NULL)) {
        if (strcmp((const char *)c->name, "field") != 0) {
            ERR(r, c, "<objective-details>: unexpected <%s> (only <field>)", (const char *)c->name);
            continue;
        }
        static const char *const ok[] = {"key", "label", NULL};
        check_attrs(r, c, ok);
        const char *key = attr(r, c, "key");
        int k = key ? find_name(detail_names, LY_D_COUNT, key) : -1;
        if (k < 0) {
            ERR(r, c, "<field>: unknown key '%s' (descrizione, commento, prospettiva, missione, "
                      "cofog, tipo, risorse, unita, responsabile, genere)",
                key ? key : "");
            continue;
        }
        const char *label = attr(r, c, "label");
        r->l->details[r->l->ndetails++] = (ly_detail){(ly_detail_key)k,
                                                      label ? label : detail_labels[k]};
    }
}

static void default_columns(reader *r)
{
    static const struct { ly_column_key k; double w; } def[] = {
        {LY_COL_WEIGHT, 10}, {LY_COL_INDICATOR, 33}, {LY_COL_TARGET, 16},
        {LY_COL_ACTUAL, 14}, {LY_COL_ACHIEVEMENT, 10}, {LY_COL_STATUS, 17}};
    size_t n = sizeof def / sizeof def[0];
    r->l->columns = pp_arena_alloc(r->l->arena, n * sizeof(ly_column));
    if (!r->l->columns) {
        r->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++)
        r->l->columns[i] = (ly_column){def[i].k, def[i].w, column_labels[def[i].k]};
    r->l->ncolumns = n;
}

/* ---- the outline ------------------------------------------------------------------ */

static bool read_part(reader *r, const xmlNode *n, ly_part *p, int depth);

static void read_children(reader *r, const xmlNode *n, ly_part *p, int depth)
{
    size_t k = pp_xml_count(n, NULL, NULL);
    p->children = k ? pp_arena_alloc(r->l->arena, k * sizeof(ly_part)) : NULL;
    if (k && !p->children) {
        r->oom = true;
        return;
    }
    for (const xmlNode *c = pp_xml_first(n, NULL, NULL); c; c = pp_xml_next(c, NULL, NULL))
        if (read_part(r, c, &p->children[p->nchildren], depth + 1)) p->nchildren++;
}

static void read_section(reader *r, const xmlNode *n, ly_part *p, int depth)
{
    static const char *const ok[] = {"role", "title", "numbered", "first-number",
                                     "orientation", "new-page", "number", NULL};
    check_attrs(r, n, ok);
    p->number = attr(r, n, "number");
    p->role = attr(r, n, "role");
    if (p->role && find_name(roles, sizeof roles / sizeof roles[0], p->role) < 0)
        ERR(r, n, "<section>: unknown role '%s'", p->role);
    p->title = attr(r, n, "title");
    if (!p->role && !p->title) ERR(r, n, "<section>: needs a role or a title");
    boolean(r, n, "numbered", &p->numbered);
    double v;
    if (num(r, n, "first-number", 0, 1000, &v)) p->first_number = (int)v;
    boolean(r, n, "new-page", &p->new_page);
    const char *o = attr(r, n, "orientation");
    if (o) {
        if (strcmp(o, "portrait") == 0) p->orientation = 0;
        else if (strcmp(o, "landscape") == 0) p->orientation = 1;
        else ERR(r, n, "<section orientation=\"%s\">: expected portrait or landscape", o);
    }
    if (depth > 6) {
        ERR(r, n, "<section>: sections nest at most 6 deep");
        return;
    }
    read_children(r, n, p, depth);
}

static bool read_part(reader *r, const xmlNode *n, ly_part *p, int depth)
{
    static const struct { const char *name; ly_part_kind kind; } kinds[] = {
        {"cover", LY_P_COVER},       {"toc", LY_P_TOC},           {"section", LY_P_SECTION},
        {"narrative", LY_P_NARRATIVE}, {"results", LY_P_RESULTS}, {"tree", LY_P_TREE},
        {"objectives", LY_P_OBJECTIVES}, {"ente", LY_P_ENTE},     {"people", LY_P_PEOPLE},
        {"units", LY_P_UNITS},       {"others", LY_P_OTHERS},     {"page-break", LY_P_PAGEBREAK},
        {"sistema", LY_P_SISTEMA},   {"plan-tree", LY_P_PLAN_TREE},
        {"dashboards", LY_P_DASHBOARDS}, {"schede", LY_P_SCHEDE},
        {"calendar", LY_P_CALENDAR}, {"indicator-tree", LY_P_INDICATOR_TREE},
        {"strategy-map", LY_P_STRATEGY_MAP}, {"variations", LY_P_VARIATIONS},
        {"trends", LY_P_TRENDS}, {"points-lost", LY_P_POINTS_LOST}};
    const char *name = (const char *)n->name;
    *p = (ly_part){.pos = {pp_xml_line(n), pp_xml_col(n)}, .numbered = true, .first_number = 1,
                   .orientation = -1};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strcmp(kinds[i].name, name) != 0) continue;
        p->kind = kinds[i].kind;
        if (p->kind == LY_P_SECTION) {
            read_section(r, n, p, depth);
        } else {
            static const char *const none[] = {NULL}, *const tree[] = {"operational", NULL},
                                     *const objs[] = {"show", NULL},
                                     *const people[] = {"categoria", NULL},
                                     *const narr[] = {"blocks", NULL},
                                     *const lost[] = {"top", NULL};
            check_attrs(r, n, p->kind == LY_P_TREE         ? tree
                              : p->kind == LY_P_OBJECTIVES ? objs
                              : p->kind == LY_P_PEOPLE     ? people
                              : p->kind == LY_P_NARRATIVE  ? narr
                              : p->kind == LY_P_POINTS_LOST ? lost
                                                           : none);
            double top = 15;
            if (p->kind == LY_P_POINTS_LOST && num(r, n, "top", 1, 100, &top) &&
                top != floor(top))
                ERR(r, n, "<points-lost top=\"%g\">: expected a whole number", top);
            p->top = (size_t)top;
            const char *kind = p->kind == LY_P_PEOPLE ? attr(r, n, "categoria") : NULL;
            if (kind && !pp_person_kind_parse(kind, &p->person_kind))
                ERR(r, n, "<people categoria=\"%s\">: expected segretario, dirigente, po or "
                          "dipendente", kind);
            const char *blocks = p->kind == LY_P_NARRATIVE ? attr(r, n, "blocks") : NULL;
            if (blocks) {
                if (strcmp(blocks, "intro") == 0) p->blocks = LY_BLOCKS_INTRO;
                else if (strcmp(blocks, "rest") == 0) p->blocks = LY_BLOCKS_REST;
                else if (strcmp(blocks, "all") != 0)
                    ERR(r, n, "<narrative blocks=\"%s\">: expected all, intro or rest", blocks);
            }
            if (p->kind == LY_P_TREE) boolean(r, n, "operational", &p->operational);
            const char *show = p->kind == LY_P_OBJECTIVES ? attr(r, n, "show") : NULL;
            if (show) {
                if (strcmp(show, "strategic") == 0) p->show = LY_SHOW_STRATEGIC;
                else if (strcmp(show, "operational") == 0) p->show = LY_SHOW_OPERATIONAL;
                else if (strcmp(show, "all") != 0)
                    ERR(r, n, "<objectives show=\"%s\">: expected all, strategic or operational",
                        show);
            }
            if (pp_xml_count(n, NULL, NULL)) ERR(r, n, "<%s>: takes no content", name);
            if (depth <= 1 && p->kind != LY_P_COVER && p->kind != LY_P_TOC &&
                p->kind != LY_P_OTHERS && p->kind != LY_P_PAGEBREAK && p->kind != LY_P_SCHEDE)
                ERR(r, n, "<%s>: belongs inside a <section>", name);
        }
        return true;
    }
    ERR(r, n, "<outline>: unknown element <%s>", name);
    return false;
}

/* ---- the whole file -------------------------------------------------------------------- */

static void read_root(reader *r, const xmlNode *root)
{
    if (strcmp((const char *)root->name, "layout") != 0) {
        ERR(r, root, "the root element must be <layout>, not <%s>", (const char *)root->name);
        return;
    }
    static const char *const ok[] = {"kind", NULL};
    check_attrs(r, root, ok);
    const char *kind = attr(r, root, "kind");
    if (kind) {
        /* schede are a plan too: targets, no results */
        if (strcmp(kind, "piano") == 0 || strcmp(kind, "schede") == 0) r->l->plan = true;
        else if (strcmp(kind, "relazione") != 0 && strcmp(kind, "schede") != 0)
            ERR(r, root, "<layout kind=\"%s\">: expected relazione, piano or schede", kind);
    }
    size_t nbands = pp_xml_count(root, NULL, "band");
    r->l->bands = nbands ? pp_arena_alloc(r->l->arena, nbands * sizeof(pp_band)) : NULL;
    if (nbands && !r->l->bands) r->oom = true;
    bool have_outline = false, have_columns = false;
    for (const xmlNode *c = pp_xml_first(root, NULL, NULL); c && !r->oom;
         c = pp_xml_next(c, NULL, NULL)) {
        const char *name = (const char *)c->name;
        if (strcmp(name, "page") == 0) read_page(r, c);
        else if (strcmp(name, "spacing") == 0) read_spacing(r, c);
        else if (strcmp(name, "numbering") == 0) read_numbering(r, c);
        else if (strcmp(name, "numbers") == 0) read_numbers(r, c);
        else if (strcmp(name, "narrative-table") == 0) read_narrative_table(r, c);
        else if (strcmp(name, "objective-details") == 0) read_details(r, c);
        else if (strcmp(name, "font") == 0) read_font(r, c);
        else if (strcmp(name, "colour") == 0) read_colour(r, c);
        else if (strcmp(name, "band") == 0) read_band(r, c, nbands);
        else if (strcmp(name, "label") == 0) read_label(r, c);
        else if (strcmp(name, "indicator-table") == 0) {
            read_columns(r, c);
            have_columns = true;
        } else if (strcmp(name, "outline") == 0) {
            if (have_outline) ERR(r, c, "<outline>: only one is allowed");
            check_attrs(r, c, (const char *const[]){NULL});
            r->l->root = (ly_part){.kind = LY_P_SECTION, .numbered = true, .first_number = 1,
                                   .orientation = 0};
            read_children(r, c, &r->l->root, 1);
            have_outline = true;
        } else ERR(r, c, "<layout>: unknown element <%s>", name);
    }
    if (!have_outline) ERR(r, root, "<layout>: missing <outline>");
    if (!have_columns && !r->oom) default_columns(r);
}

/* The page must leave room for content: everything else (a line, a row, a
 * figure) is then guaranteed to fit an empty page, which is what keeps
 * pagination finite. */
static void check_geometry(reader *r, const xmlNode *root)
{
    pp_layout *l = r->l;
    double short_side = l->page_w < l->page_h ? l->page_w : l->page_h;
    double body_w = short_side - l->margin_left - l->margin_right;
    double body_h = short_side - l->margin_top - l->margin_bottom - l->header_h - l->footer_h;
    if (body_w < 144 || body_h < 144)
        ERR(r, root, "<page>: margins, header and footer leave %.0f x %.0f pt for content; at "
                     "least 144 x 144 pt are needed (also in landscape)",
            body_w, body_h);
    for (int i = 0; i < LY_F_COUNT; i++) {
        const ly_font *f = &l->fonts[i];
        double line = f->spec.size * (f->spec.line_spacing > 0 ? f->spec.line_spacing : 1) * 1.6;
        if (line + f->space_before + f->space_after > 120)
            ERR(r, root, "<font role=\"%s\">: size and spacing too large for a page",
                font_names[i]);
    }
}

static pp_status parse(const char *data, size_t len, pp_diags *d, pp_layout **out)
{
    *out = NULL;
    pp_xmldoc x;
    size_t before = d->errors;
    pp_status st = pp_xml_parse(data, len, d, &x);
    if (st != PP_OK) return st;
    pp_layout *l = calloc(1, sizeof *l);
    pp_arena *a = pp_arena_new();
    if (!l || !a) {
        free(l);
        pp_arena_free(a);
        pp_xml_free(&x);
        pp_error(d, 0, 0, "out of memory");
        return PP_ERR_ENV;
    }
    l->arena = a;
    set_defaults(l);
    reader r = {l, d, false};
    const xmlNode *root = xmlDocGetRootElement(x.doc);
    if (root) {
        read_root(&r, root);
        check_geometry(&r, root);
    } else pp_error(d, 1, 1, "empty layout definition");
    pp_xml_free(&x);
    if (r.oom) pp_error(d, 0, 0, "out of memory");
    if (r.oom || d->errors > before) {
        pp_layout_free(l);
        return r.oom ? PP_ERR_ENV : PP_ERR_INPUT;
    }
    *out = l;
    return PP_OK;
}

pp_status pp_layout_parse(const char *data, size_t len, pp_diags *d, pp_layout **out)
{
    return parse(data, len, d, out);
}

pp_status pp_layout_load(const char *path, pp_diags *d, pp_layout **out)
{
    *out = NULL;
    char *data;
    size_t len;
    pp_status st = pp_read_file(path, 4u * 1024 * 1024, &data, &len, d);
    if (st != PP_OK) return st;
    st = parse(data, len, d, out);
    free(data);
    return st;
}

void pp_layout_free(pp_layout *l)
{
    if (!l) return;
    pp_arena_free(l->arena);
    free(l);
}

extern const unsigned char pp_layout_relazione_xml[];
extern const size_t pp_layout_relazione_xml_len;
extern const unsigned char pp_layout_piano_xml[];
extern const size_t pp_layout_piano_xml_len;
extern const unsigned char pp_layout_schede_xml[];
extern const size_t pp_layout_schede_xml_len;

/* A Piano and the schede have their own layouts; the Relazione's serves
 * the rest. */
const char *pp_layout_builtin(pp_doc_kind kind, size_t *len)
{
    if (kind == PP_DOC_PIANO) {
        *len = pp_layout_piano_xml_len;
        return (const char *)pp_layout_piano_xml;
    }
    if (kind == PP_DOC_SCHEDE) {
        *len = pp_layout_schede_xml_len;
        return (const char *)pp_layout_schede_xml;
    }
    *len = pp_layout_relazione_xml_len;
    return (const char *)pp_layout_relazione_xml;
}

const char *pp_layout_file_name(pp_doc_kind kind)
{
    return kind == PP_DOC_PIANO ? "piano.xml" : kind == PP_DOC_SCHEDE ? "schede.xml" : "relazione.xml";
}

void pp_layout_check_fonts(const pp_layout *l, const pp_text *t, pp_diags *d)
{
    for (int i = 0; i < LY_F_COUNT; i++) {
        const char *fam = l->fonts[i].spec.family;
        bool seen = false;
        for (int j = 0; j < i && !seen; j++) seen = strcmp(l->fonts[j].spec.family, fam) == 0;
        if (!seen && !pp_text_has_family(t, fam))
            pp_warning(d, 0, 0, "font family '%s' (role %s) is not among the bundled fonts; "
                                "another face will be used",
                       fam, font_names[i]);
    }
}

pp_layout_box pp_layout_page_box(const pp_layout *l, bool landscape)
{
    double w = l->page_w, h = l->page_h;
    if (landscape != (w > h)) {
        double t = w;
        w = h;
        h = t;
    }
    return (pp_layout_box){w, h, l->margin_left, l->margin_top, w - l->margin_right,
                           h - l->margin_bottom};
}

/* ---- labels -------------------------------------------------------------------------------- */

/* Value of the placeholder starting at s ("{name}"), NULL when s does not
 * start one of kv; *len receives the placeholder's length. */
static const char *placeholder(const char *s, const char *const *kv, size_t *len)
{
    if (*s != '{') return NULL;
    const char *close = strchr(s, '}');
    if (!close) return NULL;
    size_t n = (size_t)(close - s - 1);
    for (const char *const *p = kv; p && p[0]; p += 2)
        if (strlen(p[0]) == n && strncmp(s + 1, p[0], n) == 0) {
            *len = n + 2;
            return p[1] ? p[1] : "";
        }
    return NULL;
}

/* Two passes: measure, then write, so any number of uses fits. An empty
 * value takes one of its surrounding spaces with it ("Ambito strategico
 * {codice} – {titolo}" without a code has no double space). */
char *ly_subst(pp_arena *a, const char *tmpl, const char *const *kv)
{
    size_t total = 0, klen;
    for (const char *s = tmpl; *s;) {
        const char *v = placeholder(s, kv, &klen);
        total += v ? strlen(v) : 1;
        s += v ? klen : 1;
    }
    char *out = pp_arena_alloc(a, total + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (const char *s = tmpl; *s;) {
        const char *v = placeholder(s, kv, &klen);
        if (v) {
            size_t n = strlen(v);
            memcpy(out + o, v, n);
            o += n;
            s += klen;
            if (n == 0 && *s == ' ' && (o == 0 || out[o - 1] == ' ')) s++;
        } else out[o++] = *s++;
    }
    out[o] = '\0';
    return out;
}
