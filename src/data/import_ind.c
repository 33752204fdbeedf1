/* One CSV row -> one <Indicatore>, its elements in the schema's order. The
 * id and the weight are set later (import_xml.c), when all rows are read. */
#include "import_internal.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    importer *I;
    const pp_csv_row *r;
    int row;
    xmlNode *el;
    bool has_unit;
    pp_unit unit;
} row_ctx;

#define L_IND PP_LEVEL_INDICATORE

static const char *cell(row_ctx *C, pp_field f, int *col)
{
    *col = im_col(C->I, L_IND, f);
    return im_cell(C->I, C->r, L_IND, f);
}

static void fail(row_ctx *C, int col, const char *what, const char *value)
{
    pp_error(C->I->d, C->row, col, "%s: '%s' %s", im_colname(C->I, col), value, what);
}

static void kind_attributes(row_ctx *C)
{
    /* the usual ones in their usual spelling; any other text as written */
    static const char *const tipologie[] = {"Efficacia", "Efficienza", "Qualità",
                                            "Volume", "Outcome", "Salute economica"};
    static const char *const regole[] = {"lineare", "soglia", "binaria"};
    int col;
    const char *v = cell(C, PP_F_CODICE, &col);
    im_attr(C->I, C->el, "id", ""); /* set with the weight, when all rows are read */
    im_attr(C->I, C->el, "codice", v);
    im_attr(C->I, C->el, "peso", "");
    if ((v = cell(C, PP_F_TIPOLOGIA, &col)) != NULL) {
        const char *t = im_one_of(v, tipologie, 6);
        im_attr(C->I, C->el, "tipologia", t ? t : v);
    }
    if ((v = cell(C, PP_F_REGOLA, &col)) != NULL) {
        const char *t = im_one_of(v, regole, 3);
        if (t) im_attr(C->I, C->el, "regola", t);
        else fail(C, col, "is not a rule (lineare, soglia, binaria)", v);
    }
}

static void texts(row_ctx *C)
{
    int col;
    const char *name = cell(C, PP_F_TITOLO, &col);
    if (!name) pp_error(C->I->d, C->row, col, "%s: the indicator has no name", im_colname(C->I, col));
    im_text_el(C->I, C->el, "Nome", name, C->row, col);
    const char *v = cell(C, PP_F_DESCRIZIONE, &col);
    im_text_el(C->I, C->el, "Descrizione", v, C->row, col);
    v = cell(C, PP_F_ALGORITMO, &col);
    im_text_el(C->I, C->el, "Algoritmo", v, C->row, col);
}

static void measure(row_ctx *C, pp_field text_f, pp_field value_f, const char *name)
{
    int tcol, vcol;
    const char *text = cell(C, text_f, &tcol);
    const char *value = cell(C, value_f, &vcol);
    if (!text && !value) return;
    xmlNode *m = im_text_el(C->I, C->el, name, text ? text : name, C->row, text ? tcol : vcol);
    pp_number n;
    if (value && im_number(C->I, value, C->row, vcol, &n)) im_attr(C->I, m, "valore", n.text);
}

/* True when the row has a target in some year. */
static bool row_has_target(row_ctx *C)
{
    const pp_header *h = &C->I->h;
    for (unsigned i = 0; i < h->ntargets; i++)
        if (im_trim(C->I, pp_csv_field(C->r, (size_t)h->targets[i].col))) return true;
    return false;
}

static void unit(row_ctx *C)
{
    int col;
    const char *v = cell(C, PP_F_UNITA_MISURA, &col);
    if (!v && !row_has_target(C)) return; /* a descriptive indicator: no unit needed */
    if (!v) {
        pp_error(C->I->d, C->row, col, "%s: no unit of measure (N., %%, €, gg, h, fte, data)",
                 im_colname(C->I, col));
        return;
    }
    if (!pp_parse_unit_it(v, &C->unit)) {
        fail(C, col, "is not a unit (N., %, €, gg, h, fte, data)", v);
        return;
    }
    C->has_unit = true;
    const char *sym = C->unit == PP_UNIT_DATE ? "data" : pp_unit_symbol(C->unit);
    im_text_el(C->I, C->el, "Unita", sym, C->row, col);
}

/* ---- targets -------------------------------------------------------------- */

typedef struct {
    int year, col;
    const char *text;
} target_cell;

static int target_year(const row_ctx *C, const pp_target_column *t)
{
    return t->year ? t->year : C->I->year;
}

/* The row's target cells in ascending years; a year given twice is an error. */
static size_t target_cells(row_ctx *C, target_cell *out)
{
    const pp_header *h = &C->I->h;
    size_t n = 0;
    for (unsigned i = 0; i < h->ntargets; i++) {
        const char *v = im_trim(C->I, pp_csv_field(C->r, (size_t)h->targets[i].col));
        if (!v) continue;
        target_cell t = {target_year(C, &h->targets[i]), h->targets[i].col + 1, v};
        size_t k = 0;
        while (k < n && out[k].year != t.year) k++;
        if (k < n) {
            pp_error(C->I->d, C->row, t.col, "a second target for %d (column %d)", t.year,
                     out[k].col);
            continue;
        }
        for (k = n; k > 0 && out[k - 1].year > t.year; k--) out[k] = out[k - 1];
        out[k] = t;
        n++;
    }
    return n;
}

/* The operatore column: false when empty; *bad when not an operator. */
static bool default_op(row_ctx *C, pp_op *op, bool *bad)
{
    int col;
    const char *v = cell(C, PP_F_OPERATORE, &col);
    *bad = false;
    if (!v) return false;
    if (pp_parse_op_it(v, op)) return true;
    fail(C, col, "is not an operator (>=, <=, =, >, <, entro)", v);
    *bad = true;
    return false;
}

static void target(row_ctx *C, const target_cell *t, bool has_op, pp_op op)
{
    const char *rest = t->text;
    pp_op own;
    if (pp_parse_op_prefix(t->text, &own, &rest)) op = own, has_op = true;
    pp_date date;
    bool is_date = pp_parse_date_it(rest, &date);
    const char *bad_year = is_date ? NULL : pp_date_it_problem(rest);
    if (bad_year) { /* a date, but of a year no document can hold */
        fail(C, t->col, bad_year, rest);
        return;
    }
    if (!has_op && !is_date) {
        pp_error(C->I->d, C->row, t->col,
                 "%s: no operator for '%s': fill the column operatore or write it in the cell "
                 "('>= 400', 'Entro 30/06/2022')", im_colname(C->I, t->col), t->text);
        return;
    }
    if (!has_op) op = PP_OP_ENTRO;
    xmlNode *el = im_el(C->I, "Target", C->row, t->col);
    if (!el) return;
    xmlAddChild(C->el, el);
    char buf[16];
    snprintf(buf, sizeof buf, "%d", t->year);
    im_attr(C->I, el, "anno", buf);
    im_attr(C->I, el, "operatore", pp_op_name(op));
    pp_number n;
    if (op == PP_OP_ENTRO && !is_date)
        fail(C, t->col, "is not a date (dd/mm/yyyy) for a deadline", rest);
    else if (op != PP_OP_ENTRO && is_date)
        fail(C, t->col, "is a date: a deadline is written 'Entro dd/mm/yyyy'", rest);
    else if (is_date)
        pp_date_format_iso(date, buf), im_attr(C->I, el, "data", buf);
    else if (im_number(C->I, rest, C->row, t->col, &n))
        im_attr(C->I, el, "valore", n.text);
}

static void targets(row_ctx *C)
{
    target_cell cells[PP_MAX_TARGET_COLUMNS];
    size_t n = target_cells(C, cells);
    pp_op op = PP_OP_GE;
    bool bad;
    bool has_op = default_op(C, &op, &bad);
    for (size_t i = 0; i < n && !bad; i++) target(C, &cells[i], has_op, op);
}

/* ---- soglia, fonte, history ------------------------------------------------ */

static void soglia_and_fonte(row_ctx *C)
{
    int col;
    pp_number n;
    const char *v = cell(C, PP_F_SOGLIA, &col);
    if (v && im_number(C->I, v, C->row, col, &n)) {
        xmlNode *s = im_el(C->I, "Soglia", C->row, col);
        if (s) xmlAddChild(C->el, s);
        im_attr(C->I, s, "valore", n.text);
    }
    v = cell(C, PP_F_FONTE, &col);
    im_text_el(C->I, C->el, "Fonte", v, C->row, col);
}

/* "2021: 245" or "2022: N/D" */
static bool history_item(row_ctx *C, xmlNode *serie, char *item, int col)
{
    char *p = item;
    while (*p == ' ') p++;
    int year = 0, digits = 0;
    for (; *p >= '0' && *p <= '9' && digits < 5; p++, digits++) year = year * 10 + (*p - '0');
    while (*p == ' ' || *p == ':' || *p == '=') p++;
    if (digits != 4 || !*p) return false;
    xmlNode *v = im_el(C->I, "Valore", C->row, col);
    if (!v) return true;
    xmlAddChild(serie, v);
    char buf[16]; /* year has 4 digits, but say so to the compiler too */
    snprintf(buf, sizeof buf, "%d", year);
    im_attr(C->I, v, "anno", buf);
    pp_number n;
    if (pp_is_nd(p)) im_attr(C->I, v, "nd", "true");
    else if (im_number(C->I, p, C->row, col, &n)) im_attr(C->I, v, "valore", n.text);
    return true;
}

static void history(row_ctx *C)
{
    int col;
    const char *v = cell(C, PP_F_SERIE_STORICA, &col);
    if (!v) return;
    xmlNode *serie = im_el(C->I, "SerieStorica", C->row, col);
    char *copy = pp_arena_strdup(C->I->a, v);
    if (!serie || !copy) {
        xmlFreeNode(serie);
        C->I->oom = true;
        return;
    }
    xmlAddChild(C->el, serie);
    for (char *item = copy, *next; item; item = next) {
        next = strpbrk(item, ";\n");
        if (next) *next++ = '\0';
        if (im_trim(C->I, item) && !history_item(C, serie, item, col))
            fail(C, col, "is not a value of a year ('2021: 245; 2022: N/D')", item);
    }
}

/* ---- consuntivo, achievement set by hand, notes ---------------------------------- */

static void actual_value(row_ctx *C, xmlNode *el, const char *v, int col)
{
    pp_date date;
    pp_number n;
    bool is_date = pp_parse_date_it(v, &date);
    bool deadline = C->has_unit && C->unit == PP_UNIT_DATE;
    const char *bad_year = is_date ? NULL : pp_date_it_problem(v);
    char buf[16];
    if (bad_year)
        fail(C, col, bad_year, v);
    else if (deadline && !is_date)
        fail(C, col, "is not a date (dd/mm/yyyy): the indicator is a deadline", v);
    else if (is_date && C->has_unit && !deadline)
        fail(C, col, "is a date, but the indicator is measured in a number", v);
    else if (is_date)
        pp_date_format_iso(date, buf), im_attr(C->I, el, "data", buf);
    else if (im_number(C->I, v, C->row, col, &n))
        im_attr(C->I, el, "valore", n.text);
}

static void actual(row_ctx *C)
{
    int col, rcol;
    const char *v = cell(C, PP_F_CONSUNTIVO, &col);
    const char *reason = cell(C, PP_F_MOTIVO_ND, &rcol);
    if (!v || !C->I->relazione) return;
    xmlNode *el = im_el(C->I, "Consuntivo", C->row, col);
    if (!el) return;
    xmlAddChild(C->el, el);
    if (!pp_is_nd(v)) {
        actual_value(C, el, v, col);
        return;
    }
    im_attr(C->I, el, "nd", "true");
    if (reason) xmlAddChild(el, xmlNewDocText(C->I->x.doc, (const xmlChar *)reason));
    else pp_error(C->I->d, C->row, col, "%s: N/D needs the reason, in the column motivo_nd",
                  im_colname(C->I, col));
}

static void override(row_ctx *C)
{
    int col, rcol;
    const char *v = cell(C, PP_F_ATTRIBUITO, &col);
    const char *reason = cell(C, PP_F_MOTIVO_ATTRIBUITO, &rcol);
    pp_number n;
    if (!v || !C->I->relazione || !im_number(C->I, v, C->row, col, &n)) return;
    if (n.value < 0 || n.value > 100) {
        fail(C, col, "is not a percentage between 0 and 100", v);
        return;
    }
    if (!reason) {
        pp_error(C->I->d, C->row, col,
                 "%s: an achievement set by hand needs the reason, in the column "
                 "motivo_attribuito", im_colname(C->I, col));
        return;
    }
    xmlNode *el = im_text_el(C->I, C->el, "RaggiungimentoAttribuito", reason, C->row, col);
    im_attr(C->I, el, "valore", n.text);
}

/* One <Nota> per line of the cell. */
void im_notes(importer *I, xmlNode *parent, const char *cellv, int row, int col)
{
    char *copy = cellv ? pp_arena_strdup(I->a, cellv) : NULL;
    if (cellv && !copy) I->oom = true;
    for (char *line = copy, *next; line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        im_text_el(I, parent, "Nota", im_trim(I, line), row, col);
    }
}

xmlNode *im_indicator(importer *I, const pp_csv_row *r)
{
    row_ctx C = {I, r, r->line, NULL, false, PP_UNIT_N};
    int col = im_col(I, L_IND, PP_F_TITOLO);
    C.el = im_el(I, "Indicatore", r->line, col);
    if (!C.el) return NULL;
    xmlAddChild(I->holder, C.el);
    kind_attributes(&C);
    texts(&C);
    measure(&C, PP_F_NUMERATORE, PP_F_NUMERATORE_VALORE, "Numeratore");
    measure(&C, PP_F_DENOMINATORE, PP_F_DENOMINATORE_VALORE, "Denominatore");
    unit(&C);
    targets(&C);
    soglia_and_fonte(&C);
    history(&C);
    actual(&C);
    override(&C);
    im_notes(I, C.el, cell(&C, PP_F_NOTE, &col), C.row, col);
    return C.el;
}
