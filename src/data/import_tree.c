/* Rows -> the tree: the objectives named on each row are found (or made)
 * by their id, else codice, else titolo, under their parent; the cells of
 * an objective may repeat on each of its rows but must not disagree. */
#include "import_internal.h"

#include <string.h>

static const char *level_word(pp_level l)
{
    return l == PP_LEVEL_AMBITO ? "ambito" : l == PP_LEVEL_STRATEGICO ? "strategic objective"
                                                                      : "operational objective";
}

/* "i:ID", "c:CODICE" or "t:TITOLO"; NULL when the row names none. */
static const char *key_of(importer *I, const pp_csv_row *r, pp_level l, int *col)
{
    static const pp_field by[] = {PP_F_ID, PP_F_CODICE, PP_F_TITOLO};
    static const char *tag[] = {"i:", "c:", "t:"};
    for (int k = 0; k < 3; k++) {
        const char *v = im_cell(I, r, l, by[k]);
        if (!v) continue;
        *col = im_col(I, l, by[k]);
        const char *key = pp_arena_printf(I->a, "%s%s", tag[k], v);
        if (!key) I->oom = true;
        return key;
    }
    return NULL;
}

static void append(inode *parent, inode *n)
{
    n->parent = parent;
    if (parent->last) parent->last->next = n;
    else parent->first = n;
    parent->last = n;
    parent->nchildren++;
}

/* Objective fields gathered from the rows (everything before tipologia). */
static void gather(importer *I, inode *n, const pp_csv_row *r)
{
    for (int f = PP_F_ID; f <= PP_F_NOTE; f++) {
        const char *v = im_cell(I, r, n->level, (pp_field)f);
        if (!v) continue;
        if (!n->val[f]) {
            n->val[f] = v;
            n->vrow[f] = r->line;
        } else if (strcmp(n->val[f], v) != 0) {
            int col = im_col(I, n->level, (pp_field)f);
            pp_error(I->d, r->line, col, "%s: '%s' here, '%s' at row %d for the same %s",
                     im_colname(I, col), v, n->val[f], n->vrow[f], level_word(n->level));
        }
    }
}

static inode *objective(importer *I, inode *parent, pp_level l, const pp_csv_row *r)
{
    int col = 0;
    const char *key = key_of(I, r, l, &col);
    if (!key) {
        if (l != PP_LEVEL_OPERATIVO && !I->oom)
            pp_error(I->d, r->line, im_col(I, l, PP_F_TITOLO) ? im_col(I, l, PP_F_TITOLO) : 1,
                     "the row names no %s (its id, codice or titolo)", level_word(l));
        return NULL;
    }
    const char *where = pp_arena_printf(I->a, "%p/%s", (void *)parent, key);
    pp_strmap_slot *s = where ? pp_strmap_put(&I->objectives, where) : NULL;
    if (!s) { /* out of memory: the map has room for every row's objectives */
        I->oom = true;
        return NULL;
    }
    if (!s->value) {
        inode *n = pp_arena_alloc(I->a, sizeof *n);
        if (!n) {
            I->oom = true;
            return NULL;
        }
        n->level = l;
        n->row = r->line;
        n->col = col;
        append(parent, n);
        s->value = n;
    }
    gather(I, s->value, r);
    return s->value;
}

static void indicator_weight(importer *I, inode *n, const pp_csv_row *r)
{
    const char *w = im_cell(I, r, PP_LEVEL_INDICATORE, PP_F_PESO);
    n->wrow = r->line;
    n->wcol = im_col(I, PP_LEVEL_INDICATORE, PP_F_PESO);
    n->weight_given = w != NULL;
    if (w) n->has_weight = im_number(I, w, n->wrow, n->wcol, &n->weight);
}

static void indicator(importer *I, inode *parent, const pp_csv_row *r)
{
    inode *n = pp_arena_alloc(I->a, sizeof *n);
    if (!n) {
        I->oom = true;
        return;
    }
    n->level = PP_LEVEL_INDICATORE;
    n->row = r->line;
    n->col = im_col(I, PP_LEVEL_INDICATORE, PP_F_TITOLO);
    n->val[PP_F_ID] = im_cell(I, r, PP_LEVEL_INDICATORE, PP_F_ID);
    n->vrow[PP_F_ID] = r->line;
    n->val[PP_F_CODICE] = im_cell(I, r, PP_LEVEL_INDICATORE, PP_F_CODICE);
    indicator_weight(I, n, r);
    n->el = im_indicator(I, r);
    append(parent, n);
}

static void one_row(importer *I, const pp_csv_row *r)
{
    inode *amb = objective(I, &I->root, PP_LEVEL_AMBITO, r);
    inode *str = amb ? objective(I, amb, PP_LEVEL_STRATEGICO, r) : NULL;
    if (!str) return;
    inode *op = objective(I, str, PP_LEVEL_OPERATIVO, r);
    indicator(I, op ? op : str, r);
}

void im_rows(importer *I)
{
    I->root.level = PP_LEVEL_ENTE;
    if (!pp_strmap_init(&I->objectives, I->a, 3 * I->csv->nrows)) {
        I->oom = true;
        return;
    }
    for (size_t i = 1; i < I->csv->nrows && !I->oom; i++) {
        const pp_csv_row *r = &I->csv->rows[i];
        if (!pp_csv_row_blank(r)) one_row(I, r);
    }
}
