/* Narrative content (<Testi>) -> pp_section / pp_block. */
#include <string.h>

#include "grow.h"
#include "load_internal.h"

/* The spans of one paragraph as they are collected: the text of the span
 * being built grows in one buffer (text nodes split by comments or empty
 * elements join the span before them), and goes to the arena once, when
 * the style changes. Joining each piece to a copy of the span was
 * quadratic: 32,000 pieces took 780 MB. */
typedef struct {
    pp_span *spans;
    size_t n, cap;
    char *text; /* the span being built: len bytes, `style` */
    size_t len, room;
    int style;
} span_buf;

static void flush_span(loader *L, span_buf *b)
{
    if (b->len == 0) return;
    char *text = pp_arena_strndup(L->a, b->text, b->len);
    b->len = 0;
    if (!text) {
        L->oom = true;
        return;
    }
    if (!pp_grow_arena(L->a, &b->spans, &b->cap, b->n, b->n + 1, sizeof *b->spans, 4)) {
        L->oom = true;
        return;
    }
    b->spans[b->n++] = (pp_span){text, b->style};
}

/* Appends a text node, its white space collapsed, to the span of its style. */
static void add_text(loader *L, span_buf *b, const char *text, int style)
{
    size_t n = strlen(text);
    if (n == 0) return;
    if (style != b->style) flush_span(L, b);
    b->style = style;
    if (b->len + n + 1 > b->room) {
        size_t room = b->room ? b->room : 64;
        while (room < b->len + n + 1) room *= 2;
        char *t = realloc(b->text, room);
        if (!t) {
            L->oom = true;
            return;
        }
        b->text = t;
        b->room = room;
    }
    memcpy(b->text + b->len, text, n + 1);
    b->len += strlen(ld_collapse(b->text + b->len, false));
}

/* Depth is bounded by the parser (256 levels), so recursion is safe. */
static void collect_spans(loader *L, const xmlNode *x, int style, span_buf *b)
{
    for (const xmlNode *c = x->children; c && !L->oom; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            add_text(L, b, (const char *)c->content, style);
        } else if (c->type == XML_ELEMENT_NODE) {
            int s = style;
            if (strcmp((const char *)c->name, "Grassetto") == 0) s |= PP_SPAN_BOLD;
            else if (strcmp((const char *)c->name, "Corsivo") == 0) s |= PP_SPAN_ITALIC;
            collect_spans(L, c, s, b);
        }
    }
}

static pp_rich load_rich(loader *L, const xmlNode *x)
{
    span_buf b = {0};
    collect_spans(L, x, PP_SPAN_PLAIN, &b);
    flush_span(L, &b);
    free(b.text);
    /* trim the paragraph as a whole: leading spans that were only a space
     * are skipped, not moved out one by one */
    size_t first = 0;
    while (first < b.n && b.spans[first].text[0] == ' ') {
        b.spans[first].text++;
        if (!*b.spans[first].text) first++;
    }
    pp_span *spans = b.n ? b.spans + first : NULL;
    size_t n = b.n - first;
    while (n > 0) {
        pp_span *last = &spans[n - 1];
        size_t len = strlen(last->text);
        if (len == 0) {
            n--;
            continue;
        }
        if (last->text[len - 1] != ' ') break;
        last->text = pp_arena_strndup(L->a, last->text, len - 1);
        if (!last->text) {
            L->oom = true;
            n--;
        }
    }
    return (pp_rich){n ? spans : NULL, n};
}

static pp_row *load_row(loader *L, const xmlNode *x)
{
    pp_row *r = pp_arena_alloc(L->a, sizeof *r);
    if (!r) {
        L->oom = true;
        return NULL;
    }
    r->ncells = ld_count(x, "Cella");
    r->cells = ld_array(L, r->ncells, sizeof *r->cells);
    if (!r->cells) r->ncells = 0;
    size_t i = 0;
    for (xmlNode *c = ld_first(x, "Cella"); c && i < r->ncells; c = ld_next(c, "Cella"))
        r->cells[i++] = load_rich(L, c);
    return r;
}

static pp_cell_align parse_align(const char *s)
{
    if (!s) return PP_CELL_AUTO;
    if (strcmp(s, "sinistra") == 0) return PP_CELL_LEFT;
    if (strcmp(s, "centro") == 0) return PP_CELL_CENTER;
    if (strcmp(s, "destra") == 0) return PP_CELL_RIGHT;
    return PP_CELL_AUTO; /* the schema reports anything else */
}

static void load_columns(loader *L, const xmlNode *x, pp_block *b)
{
    if (!x) return;
    b->ncolumns = ld_count(x, "Colonna");
    b->columns = ld_array(L, b->ncolumns, sizeof *b->columns);
    if (!b->columns) b->ncolumns = 0;
    size_t i = 0;
    for (xmlNode *c = ld_first(x, "Colonna"); c && i < b->ncolumns; c = ld_next(c, "Colonna")) {
        pp_table_column *col = &b->columns[i++];
        if (ld_number(L, c, "larghezza", &col->width, NULL) != LD_OK || !(col->width > 0))
            col->width = 0;
        col->align = parse_align(ld_attr(L, c, "allineamento"));
    }
}

static void load_table(loader *L, const xmlNode *x, pp_block *b)
{
    b->caption = ld_child_text(L, x, "Didascalia");
    load_columns(L, ld_first(x, "Colonne"), b);
    b->source = ld_child_text(L, x, "Fonte");
    const xmlNode *h = ld_first(x, "Intestazione");
    if (h) b->header = load_row(L, h);
    b->nrows = ld_count(x, "Riga");
    b->rows = ld_array(L, b->nrows, sizeof *b->rows);
    if (!b->rows) b->nrows = 0;
    size_t i = 0;
    for (xmlNode *r = ld_first(x, "Riga"); r && i < b->nrows; r = ld_done(L, r, "Riga")) {
        pp_row *row = load_row(L, r);
        if (row) b->rows[i++] = *row;
    }
}

static void load_chart(loader *L, const xmlNode *x, pp_block *b)
{
    b->caption = ld_child_text(L, x, "Titolo");
    b->alt = ld_child_text(L, x, "TestoAlternativo");
    b->chart_type = ld_attr(L, x, "tipo");
    b->chart_unit = ld_attr(L, x, "unita");
    b->nseries = ld_count(x, "Serie");
    b->series = ld_array(L, b->nseries, sizeof *b->series);
    if (!b->series) b->nseries = 0;
    size_t i = 0;
    for (xmlNode *s = ld_first(x, "Serie"); s && i < b->nseries; s = ld_next(s, "Serie"), i++) {
        pp_series *se = &b->series[i];
        se->name = ld_attr(L, s, "nome");
        se->npoints = ld_count(s, "Punto");
        se->points = ld_array(L, se->npoints, sizeof *se->points);
        if (!se->points) se->npoints = 0;
        size_t k = 0;
        for (xmlNode *p = ld_first(s, "Punto"); p && k < se->npoints; p = ld_next(p, "Punto"), k++) {
            se->points[k].label = ld_attr(L, p, "etichetta");
            ld_number(L, p, "valore", &se->points[k].value, NULL);
        }
    }
}

static pp_section *load_section(loader *L, const xmlNode *x);

static void load_block(loader *L, const xmlNode *x, pp_block *b)
{
    const char *name = (const char *)x->name;
    b->pos = ld_pos(x);
    if (strcmp(name, "Paragrafo") == 0) {
        b->kind = PP_BLOCK_PARAGRAPH;
        b->text = load_rich(L, x);
    } else if (strcmp(name, "Elenco") == 0) {
        b->kind = PP_BLOCK_LIST;
        ld_bool(L, x, "numerato", &b->numbered);
        b->nitems = ld_count(x, "Voce");
        b->items = ld_array(L, b->nitems, sizeof *b->items);
        if (!b->items) b->nitems = 0;
        size_t i = 0;
        for (xmlNode *v = ld_first(x, "Voce"); v && i < b->nitems; v = ld_done(L, v, "Voce"))
            b->items[i++] = load_rich(L, v);
    } else if (strcmp(name, "Tabella") == 0) {
        b->kind = PP_BLOCK_TABLE;
        load_table(L, x, b);
    } else if (strcmp(name, "Grafico") == 0) {
        b->kind = PP_BLOCK_CHART;
        load_chart(L, x, b);
    } else if (strcmp(name, "Immagine") == 0) {
        b->kind = PP_BLOCK_IMAGE;
        b->file = ld_attr(L, x, "file");
        b->alt = ld_attr(L, x, "testoAlternativo");
        ld_number(L, x, "larghezza", &b->width_percent, NULL);
    } else if (strcmp(name, "InterruzionePagina") == 0) {
        b->kind = PP_BLOCK_PAGEBREAK;
    } else {
        b->kind = PP_BLOCK_SECTION;
        b->section = load_section(L, x);
    }
}

static pp_section *load_section(loader *L, const xmlNode *x)
{
    pp_section *s = pp_arena_alloc(L->a, sizeof *s);
    if (!s) {
        L->oom = true;
        return NULL;
    }
    s->id = ld_attr(L, x, "id");
    s->role = ld_attr(L, x, "ruolo");
    s->title = ld_child_text(L, x, "Titolo");
    s->pos = ld_pos(x);
    size_t n = 0;
    for (xmlNode *c = ld_first(x, NULL); c; c = ld_next(c, NULL))
        if (strcmp((const char *)c->name, "Titolo") != 0) n++;
    s->blocks = ld_array(L, n, sizeof *s->blocks);
    if (!s->blocks) return s;
    for (xmlNode *c = ld_first(x, NULL); c; c = ld_done(L, c, NULL))
        if (strcmp((const char *)c->name, "Titolo") != 0) load_block(L, c, &s->blocks[s->nblocks++]);
    return s;
}

void ld_sections(loader *L, const xmlNode *testi)
{
    pp_doc *doc = L->doc;
    if (!testi) return;
    doc->nsections = ld_count(testi, "Sezione");
    doc->sections = ld_array(L, doc->nsections, sizeof *doc->sections);
    if (!doc->sections) {
        doc->nsections = 0;
        return;
    }
    size_t i = 0;
    for (xmlNode *s = ld_first(testi, "Sezione"); s && i < doc->nsections;
         s = ld_done(L, s, "Sezione")) {
        pp_section *sec = load_section(L, s);
        if (sec) doc->sections[i++] = *sec;
    }
    doc->nsections = i;
}
