/* The generator of valid documents of any size (see scale_gen.h). A
 * document is a fixed Relazione whose text fields, or the count of one
 * kind of element, grow with n. Everything is written as it is generated:
 * a 20 MB document needs no memory. */
#include "scale_gen.h"

#include <stdlib.h>
#include <string.h>

typedef enum {
    T_PLAIN,     /* short texts */
    T_WORD,      /* every text field one word of n letters */
    T_TEXT,      /* every text field n characters of words */
    T_COMBINING, /* every text field 'e' and n - 1 combining acute accents */
} text_kind;

typedef enum {
    C_NONE,
    C_AREAS,        /* n areas, each with one objective and indicator */
    C_STRATEGIC,    /* n strategic objectives in one area */
    C_OPERATIONAL,  /* n operational objectives in one strategic objective */
    C_INDICATORS,   /* n indicators in one operational objective */
    C_NOTES,        /* n notes on an operational objective and on an indicator */
    C_REVISIONS,    /* n revisions of one target */
    C_HISTORY,      /* n values in a SerieStorica */
    C_PEOPLE,       /* n people with two individual objectives each */
    C_PERSON_OBJ,   /* one person with n individual objectives */
    C_UNITS,        /* n units side by side */
    C_UNIT_CHAIN,   /* n units, each the parent of the next */
    C_SECTIONS,     /* n narrative sections */
    C_PARAGRAPHS,   /* n paragraphs in one section */
    C_LIST_ITEMS,   /* one list of n items */
    C_TABLE_ROWS,   /* one table of n rows */
    C_TABLE_COLS,   /* one table of n columns */
    C_SPANS,        /* one paragraph of n alternating bold and plain spans */
    C_TEXT_NODES,   /* one paragraph of n text nodes split by empty elements */
    C_NESTED,       /* n sections, each inside the previous (up to the depth limit) */
    C_REFERENCED,   /* n people and n indicators naming long texts */
} count_kind;

typedef struct {
    const char *name;
    text_kind text;
    count_kind count;
    long max;
    const char *what;
} shape;

static const shape shapes[] = {
    {"word", T_WORD, C_NONE, 100000, "every text field one word of n letters"},
    {"text", T_TEXT, C_NONE, 100000, "every text field n characters of words"},
    {"combining", T_COMBINING, C_NONE, 100000,
     "every text field an 'e' with n - 1 combining accents (U+0301)"},
    {"areas", T_PLAIN, C_AREAS, 1000000, "n areas"},
    {"strategic", T_PLAIN, C_STRATEGIC, 1000000, "n strategic objectives in one area"},
    {"operational", T_PLAIN, C_OPERATIONAL, 1000000,
     "n operational objectives in one strategic objective"},
    {"indicators", T_PLAIN, C_INDICATORS, 1000000, "n indicators in one operational objective"},
    {"notes", T_PLAIN, C_NOTES, 1000000, "n notes on an objective and n on an indicator"},
    {"revisions", T_PLAIN, C_REVISIONS, 1000000, "n revisions of one target"},
    {"history", T_PLAIN, C_HISTORY, 1000000, "n values in one SerieStorica"},
    {"people", T_PLAIN, C_PEOPLE, 1000000, "n people, two individual objectives each"},
    {"person-objectives", T_PLAIN, C_PERSON_OBJ, 1000000,
     "one person with n individual objectives"},
    {"units", T_PLAIN, C_UNITS, 1000000, "n organisational units side by side"},
    {"unit-chain", T_PLAIN, C_UNIT_CHAIN, 1000000, "n units, each the parent (padre) of the next"},
    {"sections", T_PLAIN, C_SECTIONS, 1000000, "n narrative sections"},
    {"paragraphs", T_PLAIN, C_PARAGRAPHS, 1000000, "n paragraphs in one section"},
    {"list-items", T_PLAIN, C_LIST_ITEMS, 1000000, "one list of n items"},
    {"table-rows", T_PLAIN, C_TABLE_ROWS, 1000000, "one table of n rows"},
    {"table-cols", T_PLAIN, C_TABLE_COLS, 100000, "one table of n columns"},
    {"spans", T_PLAIN, C_SPANS, 1000000, "one paragraph of n bold and plain spans"},
    {"text-nodes", T_PLAIN, C_TEXT_NODES, 1000000,
     "one paragraph of n pieces of text split by empty elements"},
    {"nested-sections", T_PLAIN, C_NESTED, 200, "n sections nested in one another"},
    {"referenced-texts", T_PLAIN, C_REFERENCED, 1000000,
     "bands' words and an objective's title of 100,000 letters, printed beside n indicators "
     "and in the tables of n people"},
};

enum { NSHAPES = sizeof shapes / sizeof shapes[0] };

typedef struct {
    FILE *f;
    const shape *s;
    long n;
} gen;

const char *pp_gen_shape(int i, const char **what)
{
    if (i < 0 || i >= NSHAPES) return NULL;
    if (what) *what = shapes[i].what;
    return shapes[i].name;
}

static const shape *find(const char *name)
{
    for (int i = 0; i < NSHAPES; i++)
        if (strcmp(shapes[i].name, name) == 0) return &shapes[i];
    return NULL;
}

long pp_gen_max(const char *name)
{
    const shape *s = find(name);
    return s ? s->max : 0;
}

/* ---- texts ------------------------------------------------------------------ */

/* n letters, cycling through the alphabet so that no font can take a
 * shortcut on a repeated glyph. */
static void word(FILE *f, long n)
{
    for (long i = 0; i < n; i++) fputc('a' + (int)(i % 26), f);
}

/* n characters of Italian-looking words of 2 to 12 letters. */
static void words(FILE *f, long n)
{
    static const char *const w[] = {"performance", "obiettivo", "della", "indicatore", "di",
                                    "valore", "amministrazione", "pubblica", "servizi", "e"};
    long i = 0;
    for (unsigned k = 0; i < n; k++) {
        const char *s = w[(k * 7) % 10];
        long len = (long)strlen(s);
        if (i + len > n) len = n - i;
        fwrite(s, 1, (size_t)len, f);
        i += len;
        if (i < n) {
            fputc(' ', f);
            i++;
        }
    }
}

/* A text field: the short text of a plain document, else the long one. */
static void text(gen *g, const char *plain)
{
    switch (g->s->text) {
    case T_PLAIN: fputs(plain, g->f); break;
    case T_WORD: word(g->f, g->n); break;
    case T_TEXT: words(g->f, g->n); break;
    case T_COMBINING:
        fputc('e', g->f);
        for (long i = 1; i < g->n; i++) fputs("\xCC\x81", g->f); /* U+0301 */
        break;
    }
}

/* A text printed once for every row that names it: long in the shape
 * referenced-texts, whatever n. */
static void referenced(gen *g, const char *plain)
{
    if (g->s->count == C_REFERENCED) word(g->f, 100000);
    else text(g, plain);
}

/* <name>text</name> */
static void el(gen *g, const char *name, const char *plain)
{
    fprintf(g->f, "<%s>", name);
    text(g, plain);
    fprintf(g->f, "</%s>", name);
}

/* name="text" */
static void attr(gen *g, const char *name, const char *plain)
{
    fprintf(g->f, " %s=\"", name);
    text(g, plain);
    fputc('"', g->f);
}

/* codice="...": unique in a plain document (prefix and numbers). */
static void code(gen *g, const char *prefix, long a, long b)
{
    char plain[64];
    snprintf(plain, sizeof plain, "%s%ld_%ld", prefix, a, b);
    attr(g, "codice", plain);
}

/* The weight of sibling i of n, in millionths so that they sum to 100. */
static void weight(gen *g, long i, long n)
{
    long each = 100000000 / n, w = i < n - 1 ? each : 100000000 - each * (n - 1);
    fprintf(g->f, " peso=\"%ld.%06ld\"", w / 1000000, w % 1000000);
}

static long count(const gen *g, count_kind k) { return g->s->count == k ? g->n : 1; }

/* ---- the document ------------------------------------------------------------ */

static void general(gen *g)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<DocumentoPerformance xmlns=\"urn:perfpdf:documento:1\" versione=\"1.0\">\n"
          "<DatiGenerali><Tipo>relazione</Tipo>",
          g->f);
    el(g, "Titolo", "Relazione sulla performance 2022");
    el(g, "Sottotitolo", "Documento di prova");
    fputs("<AnnoRiferimento>2022</AnnoRiferimento><Triennio da=\"2022\" a=\"2024\"/>"
          "<Amministrazione>",
          g->f);
    el(g, "Denominazione", "Comune di Prova");
    el(g, "DenominazioneBreve", "Prova");
    fputs("</Amministrazione><Approvazione>", g->f);
    el(g, "Organo", "Giunta");
    el(g, "NumeroDelibera", "12/23");
    fputs("<Data>2023-05-30</Data></Approvazione></DatiGenerali>\n", g->f);
    fputs("<Sistema><RegolaPredefinita>lineare</RegolaPredefinita><Fasce", g->f);
    fputs(" statoNonValutato=\"", g->f);
    referenced(g, "DA VALUTARE");
    fputs("\"><Fascia da=\"0\" colore=\"#C62828\" etichetta=\"", g->f);
    referenced(g, "non raggiunto");
    fputs("\" stato=\"", g->f);
    referenced(g, "FUORI TARGET");
    fputs("\"/><Fascia da=\"80\" colore=\"#2E7D32\" etichetta=\"", g->f);
    referenced(g, "raggiunto");
    fputs("\" stato=\"", g->f);
    referenced(g, "IN LINEA");
    fputc('"', g->f);
    fputs("/></Fasce></Sistema>\n", g->f);
}

static void organisation(gen *g)
{
    long units = g->s->count == C_UNITS || g->s->count == C_UNIT_CHAIN ? g->n : 2;
    fputs("<Organizzazione>\n", g->f);
    for (long i = 0; i < units; i++) {
        fprintf(g->f, "<Unita id=\"u%ld\" tipo=\"ufficio\"", i);
        if (i > 0) fprintf(g->f, " padre=\"u%ld\"", g->s->count == C_UNIT_CHAIN ? i - 1 : 0L);
        if (i == 0) fputs(" responsabile=\"p0\"", g->f);
        fputc('>', g->f);
        text(g, "Ufficio");
        fputs("</Unita>\n", g->f);
    }
    fputs("</Organizzazione>\n<Persone>\n", g->f);
    long people = g->s->count == C_PEOPLE || g->s->count == C_REFERENCED ? g->n : 1;
    long objectives = count(g, C_PERSON_OBJ);
    for (long i = 0; i < people; i++) {
        fprintf(g->f, "<Persona id=\"p%ld\" unita=\"u0\">", i);
        el(g, "Nome", "Mario Rossi");
        el(g, "Incarico", "Dirigente");
        /* no peso: a person's weights go on all of the objectives or none */
        for (long k = 0; k < objectives; k++)
            fputs("<ObiettivoIndividuale rif=\"o0_0_0\"/>", g->f);
        fputs("<ObiettivoIndividuale rif=\"s0_0\"/></Persona>\n", g->f);
    }
    fputs("</Persone>\n", g->f);
}

/* Indicator k of an objective: a number, an N/D, a set-by-hand value and a
 * revised target in turn, so that every kind of note is printed. */
static void indicator(gen *g, const char *id, long serial, long k, long n)
{
    fprintf(g->f, "<Indicatore id=\"%s\"", id);
    weight(g, k, n);
    code(g, "IND_", serial, k);
    fputs(" tipologia=\"Efficacia\">", g->f);
    el(g, "Nome", "Pratiche evase nei termini");
    el(g, "Descrizione", "Quota delle pratiche evase entro i termini di legge");
    el(g, "Algoritmo", "Pratiche evase / pratiche ricevute");
    fputs("<Numeratore>", g->f);
    text(g, "Pratiche evase");
    fputs("</Numeratore><Denominatore>", g->f);
    text(g, "Pratiche ricevute");
    fputs("</Denominatore><Unita>%</Unita><Target anno=\"2022\" operatore=\"ge\" valore=\"80\">",
          g->f);
    long revisions = k % 4 == 3 ? count(g, C_REVISIONS) : 0;
    for (long r = 0; r < revisions; r++) {
        fputs("<Revisione valorePrecedente=\"85\" data=\"2022-07-15\"", g->f);
        attr(g, "delibera", "Delibera di Giunta n. 80/22");
        fputs("/>", g->f);
    }
    fputs("</Target><Target anno=\"2023\" operatore=\"ge\" valore=\"85\"/>", g->f);
    el(g, "Fonte", "Protocollo informatico");
    fputs("<SerieStorica>", g->f);
    long history = count(g, C_HISTORY);
    for (long h = 0; h < history; h++)
        fprintf(g->f, "<Valore anno=\"%ld\" valore=\"%ld\"/>", 2021 - h % 30, 70 + h % 20);
    fputs("</SerieStorica>", g->f);
    if (k % 4 == 1) {
        fputs("<Consuntivo nd=\"true\">", g->f);
        text(g, "Dato non pervenuto");
        fputs("</Consuntivo>", g->f);
    } else {
        fprintf(g->f, "<Consuntivo valore=\"%ld\"/>", 60 + k % 41);
    }
    if (k % 4 == 2) {
        fputs("<RaggiungimentoAttribuito valore=\"90\">", g->f);
        text(g, "Grado attribuito dall'OIV");
        fputs("</RaggiungimentoAttribuito>", g->f);
    }
    long notes = k == 0 ? count(g, C_NOTES) : 0;
    for (long i = 0; i < notes; i++) el(g, "Nota", "Nota dell'indicatore");
    fputs("</Indicatore>\n", g->f);
}

static void operational(gen *g, long a, long s, long o, long n)
{
    fprintf(g->f, "<ObiettivoOperativo id=\"o%ld_%ld_%ld\"", a, s, o);
    weight(g, o, n);
    code(g, "OO_", a + s, o);
    fputs("><Titolo>", g->f);
    referenced(g, "Tutela della proprieta industriale");
    fputs("</Titolo>", g->f);
    el(g, "Descrizione", "Descrizione dell'obiettivo operativo");
    fputs("<Classificazione prospettiva=\"Processi interni\" tipo=\"comune\" unita=\"u0\" "
          "responsabile=\"p0\" risorse=\"1000\" genere=\"true\"",
          g->f);
    attr(g, "missione", "Missione 1");
    attr(g, "programma", "Programma 1");
    attr(g, "cofog", "01.3");
    fputs("/>\n", g->f);
    bool first = a == 0 && s == 0 && o == 0;
    long inds = first ? (g->s->count == C_REFERENCED ? g->n : count(g, C_INDICATORS)) : 1;
    if (first && inds < 4 && g->s->count != C_AREAS && g->s->count != C_STRATEGIC &&
        g->s->count != C_OPERATIONAL)
        inds = 4; /* one indicator of each kind */
    char id[96];
    for (long k = 0; k < inds; k++) {
        snprintf(id, sizeof id, "i%ld_%ld_%ld_%ld", a, s, o, k);
        indicator(g, id, a + s + o, k, inds);
    }
    long notes = first ? count(g, C_NOTES) : 0;
    for (long i = 0; i < notes; i++) el(g, "Nota", "Nota dell'obiettivo");
    fputs("</ObiettivoOperativo>\n", g->f);
}

static void strategic(gen *g, long a, long s, long n)
{
    fprintf(g->f, "<ObiettivoStrategico id=\"s%ld_%ld\"", a, s);
    weight(g, s, n);
    code(g, "OS_", a, s);
    fputc('>', g->f);
    el(g, "Titolo", "Digitalizzazione");
    el(g, "Descrizione", "Descrizione dell'obiettivo strategico");
    long ops = a == 0 && s == 0 ? count(g, C_OPERATIONAL) : 1;
    for (long o = 0; o < ops; o++) operational(g, a, s, o, ops);
    el(g, "Commento", "Commento dell'obiettivo strategico");
    fputs("</ObiettivoStrategico>\n", g->f);
}

static void tree(gen *g)
{
    fputs("<Albero>\n", g->f);
    long areas = count(g, C_AREAS);
    for (long a = 0; a < areas; a++) {
        fprintf(g->f, "<Ambito id=\"a%ld\"", a);
        weight(g, a, areas);
        code(g, "A_", a, 0);
        fputc('>', g->f);
        el(g, "Titolo", "Competitivita del territorio");
        el(g, "Descrizione", "Descrizione dell'ambito");
        long strats = a == 0 ? count(g, C_STRATEGIC) : 1;
        for (long s = 0; s < strats; s++) strategic(g, a, s, strats);
        fputs("</Ambito>\n", g->f);
    }
    fputs("</Albero>\n", g->f);
}

/* ---- narrative ------------------------------------------------------------------ */

static void paragraph(gen *g)
{
    fputs("<Paragrafo>", g->f);
    text(g, "Un paragrafo di testo con una parte ");
    fputs("<Grassetto>", g->f);
    text(g, "in grassetto");
    fputs("</Grassetto> e una <Corsivo>", g->f);
    text(g, "in corsivo");
    fputs("</Corsivo>.</Paragrafo>\n", g->f);
}

static void table(gen *g)
{
    long rows = count(g, C_TABLE_ROWS), cols = count(g, C_TABLE_COLS);
    if (cols == 1) cols = 3;
    fputs("<Tabella>", g->f);
    el(g, "Didascalia", "Personale per categoria");
    fputs("<Intestazione>", g->f);
    for (long c = 0; c < cols; c++) el(g, "Cella", "Categoria");
    fputs("</Intestazione>\n", g->f);
    for (long r = 0; r < rows; r++) {
        fputs("<Riga>", g->f);
        for (long c = 0; c < cols; c++) el(g, "Cella", c == 0 ? "D" : "12");
        fputs("</Riga>\n", g->f);
    }
    el(g, "Fonte", "Ufficio personale");
    fputs("</Tabella>\n", g->f);
}

static void chart(gen *g, const char *type)
{
    fprintf(g->f, "<Grafico tipo=\"%s\"", type);
    attr(g, "unita", "%");
    fputc('>', g->f);
    el(g, "Titolo", "Andamento");
    for (int s = 0; s < 2; s++) {
        fputs("<Serie", g->f);
        attr(g, "nome", "Serie");
        fputc('>', g->f);
        for (int p = 0; p < 4; p++) {
            fprintf(g->f, "<Punto valore=\"%d\"", 10 + 7 * p + s);
            attr(g, "etichetta", "2021");
            fputs("/>", g->f);
        }
        fputs("</Serie>", g->f);
        if (strcmp(type, "torta") == 0) break; /* a pie has one series */
    }
    el(g, "TestoAlternativo", "Grafico dell'andamento");
    fputs("</Grafico>\n", g->f);
}

static void rich_pieces(gen *g)
{
    fputs("<Paragrafo>", g->f);
    for (long i = 0; i < g->n; i++) {
        if (g->s->count == C_SPANS)
            fputs(i % 2 ? "<Grassetto>grassetto</Grassetto>" : " normale ", g->f);
        else
            fputs(i % 2 ? "<Corsivo/>" : "testo ", g->f);
    }
    fputs("</Paragrafo>\n", g->f);
}

static void section_body(gen *g)
{
    long paras = count(g, C_PARAGRAPHS);
    for (long i = 0; i < paras; i++) paragraph(g);
    if (g->s->count == C_SPANS || g->s->count == C_TEXT_NODES) rich_pieces(g);
    fputs("<Elenco numerato=\"true\">", g->f);
    long items = count(g, C_LIST_ITEMS);
    if (items == 1) items = 2;
    for (long i = 0; i < items; i++) el(g, "Voce", "Una voce dell'elenco");
    fputs("</Elenco>\n", g->f);
    table(g);
    chart(g, "barre");
    chart(g, "torta");
}

static void narrative(gen *g)
{
    fputs("<Testi>\n<Sezione ruolo=\"premessa\" id=\"premessa\">", g->f);
    el(g, "Titolo", "Premessa");
    section_body(g);
    long nested = count(g, C_NESTED);
    for (long i = 0; i < nested; i++) {
        fprintf(g->f, "<Sezione id=\"n%ld\">", i);
        el(g, "Titolo", "Sezione annidata");
        paragraph(g);
    }
    for (long i = 0; i < nested; i++) fputs("</Sezione>", g->f);
    fputs("</Sezione>\n", g->f);
    long sections = count(g, C_SECTIONS);
    for (long i = 0; i < sections; i++) {
        fprintf(g->f, "<Sezione ruolo=\"contesto\" id=\"c%ld\">", i);
        el(g, "Titolo", "Contesto");
        paragraph(g);
        fputs("</Sezione>\n", g->f);
    }
    fputs("</Testi>\n", g->f);
}

bool pp_gen_write(FILE *f, const char *name, long n)
{
    const shape *s = find(name);
    if (!s || n < 1 || n > s->max) return false;
    gen g = {f, s, n};
    general(&g);
    organisation(&g);
    tree(&g);
    narrative(&g);
    fputs("</DocumentoPerformance>\n", f);
    return !ferror(f);
}

/* ---- the layout --------------------------------------------------------------- */

bool pp_gen_layout(FILE *f, const char *layout, long n)
{
    FILE *in = fopen(layout, "rb");
    if (!in) return false;
    /* Copies the file, replacing the value of text="..." in <label>s. */
    char line[4096];
    while (fgets(line, sizeof line, in)) {
        char *lab = strstr(line, "<label "), *t = lab ? strstr(lab, " text=\"") : NULL;
        char *end = t ? strchr(t + 7, '"') : NULL;
        if (!end) {
            fputs(line, f);
            continue;
        }
        fwrite(line, 1, (size_t)(t + 7 - line), f);
        /* keep the placeholders, so that the labels still say something */
        for (char *p = t + 7; p < end; p++)
            if (*p == '{') {
                char *close = strchr(p, '}');
                if (close && close < end) {
                    fwrite(p, 1, (size_t)(close + 1 - p), f);
                    p = close;
                }
            }
        word(f, n);
        fputs(end, f);
    }
    fclose(in);
    return !ferror(f);
}
