/* The imported tree -> <Albero>, elements in the schema's order:
 * Titolo, Descrizione, Classificazione, then strategic indicators before
 * operational objectives, then Commento / Nota. */
#include "import_internal.h"

#include <string.h>

static const char *element_name(pp_level l)
{
    return l == PP_LEVEL_AMBITO ? "Ambito" : l == PP_LEVEL_STRATEGICO ? "ObiettivoStrategico"
                                   : l == PP_LEVEL_OPERATIVO    ? "ObiettivoOperativo"
                                                                : "Indicatore";
}

static void value_el(importer *I, xmlNode *parent, const inode *n, pp_field f, const char *name)
{
    im_text_el(I, parent, name, n->val[f], n->vrow[f], im_col(I, n->level, f));
}

/* ---- Classificazione ----------------------------------------------------------- */

typedef struct {
    pp_field f;
    const char *attr;
    const char *const *choices; /* NULL: free text */
    size_t nchoices;
} class_attr;

static const char *const tipi[] = {"comune", "specifico", "ente"};
static const char *const prospettive[] = {"Utenti-imprese-territorio", "Processi interni",
                                          "Apprendimento e crescita", "Economico-finanziaria"};

static const class_attr class_attrs[] = {
    {PP_F_PROSPETTIVA, "prospettiva", prospettive, 4},
    {PP_F_MISSIONE, "missione", NULL, 0},
    {PP_F_PROGRAMMA, "programma", NULL, 0},
    {PP_F_COFOG, "cofog", NULL, 0},
    {PP_F_TIPO, "tipo", tipi, 3},
    {PP_F_UNITA, "unita", NULL, 0},
    {PP_F_RESPONSABILE, "responsabile", NULL, 0},
};

static void class_choice(importer *I, xmlNode *el, const inode *n, const class_attr *a)
{
    const char *v = n->val[a->f];
    int col = im_col(I, n->level, a->f);
    const char *c = a->choices ? im_one_of(v, a->choices, a->nchoices) : v;
    if (c) {
        im_attr(I, el, a->attr, c);
        return;
    }
    pp_error(I->d, n->vrow[a->f], col, "%s: '%s' is not one of: %s%s%s%s%s%s%s",
             im_colname(I, col), v, a->choices[0], a->nchoices > 1 ? ", " : "",
             a->nchoices > 1 ? a->choices[1] : "", a->nchoices > 2 ? ", " : "",
             a->nchoices > 2 ? a->choices[2] : "", a->nchoices > 3 ? ", " : "",
             a->nchoices > 3 ? a->choices[3] : "");
}

static void class_budget_gender(importer *I, xmlNode *el, const inode *n)
{
    static const char *const yes[] = {"sì", "si", "true", "yes", "x", "1", "vero"};
    static const char *const no[] = {"no", "false", "0", "falso"};
    const char *v = n->val[PP_F_RISORSE];
    int col = im_col(I, n->level, PP_F_RISORSE);
    pp_number num;
    if (v && im_number(I, v, n->vrow[PP_F_RISORSE], col, &num)) im_attr(I, el, "risorse", num.text);
    v = n->val[PP_F_GENERE];
    col = im_col(I, n->level, PP_F_GENERE);
    if (!v) return;
    if (im_one_of(v, yes, 7)) im_attr(I, el, "genere", "true");
    else if (im_one_of(v, no, 4)) im_attr(I, el, "genere", "false");
    else pp_error(I->d, n->vrow[PP_F_GENERE], col, "%s: '%s' is not sì or no", im_colname(I, col), v);
}

static void classification(importer *I, xmlNode *parent, const inode *n)
{
    pp_field first = PP_F_COUNT;
    for (int f = PP_F_TIPO; f <= PP_F_GENERE; f++)
        if (n->val[f] && (first == PP_F_COUNT || n->vrow[f] < n->vrow[first])) first = (pp_field)f;
    if (first == PP_F_COUNT) return;
    xmlNode *el = im_el(I, "Classificazione", n->vrow[first], im_col(I, n->level, first));
    if (!el) return;
    xmlAddChild(parent, el);
    for (size_t i = 0; i < sizeof class_attrs / sizeof *class_attrs; i++)
        if (n->val[class_attrs[i].f]) class_choice(I, el, n, &class_attrs[i]);
    class_budget_gender(I, el, n);
}

/* ---- nodes ------------------------------------------------------------------------- */

static void node_attributes(importer *I, xmlNode *el, const inode *n)
{
    im_attr(I, el, "id", n->id);
    if (n->level != PP_LEVEL_INDICATORE) im_attr(I, el, "codice", n->val[PP_F_CODICE]);
    im_attr(I, el, "peso", n->has_weight ? n->weight.text : NULL);
}

static void emit(importer *I, xmlNode *parent, inode *n);

static void children(importer *I, xmlNode *el, inode *n, bool indicators)
{
    for (inode *c = n->first; c; c = c->next)
        if ((c->level == PP_LEVEL_INDICATORE) == indicators) emit(I, el, c);
}

static void objective(importer *I, xmlNode *el, inode *n)
{
    if (!n->val[PP_F_TITOLO]) {
        int col = im_col(I, n->level, PP_F_TITOLO);
        pp_error(I->d, n->row, col ? col : n->col, "the %s '%s' has no titolo", element_name(n->level),
                 n->val[PP_F_CODICE] ? n->val[PP_F_CODICE] : n->id);
    }
    value_el(I, el, n, PP_F_TITOLO, "Titolo");
    value_el(I, el, n, PP_F_DESCRIZIONE, "Descrizione");
    if (n->level != PP_LEVEL_AMBITO) classification(I, el, n);
    children(I, el, n, true);
    children(I, el, n, false);
    if (n->level == PP_LEVEL_STRATEGICO) value_el(I, el, n, PP_F_COMMENTO, "Commento");
    if (n->level == PP_LEVEL_OPERATIVO)
        im_notes(I, el, n->val[PP_F_NOTE], n->vrow[PP_F_NOTE], im_col(I, n->level, PP_F_NOTE));
}

static void emit(importer *I, xmlNode *parent, inode *n)
{
    xmlNode *el = n->el;
    if (el) xmlUnlinkNode(el); /* an indicator, from the holder */
    else el = im_el(I, element_name(n->level), n->row, n->col);
    if (!el) return;
    xmlAddChild(parent, el);
    node_attributes(I, el, n);
    if (n->level != PP_LEVEL_INDICATORE) objective(I, el, n);
}

xmlNode *im_albero(importer *I)
{
    xmlNode *albero = im_el(I, "Albero", I->csv->rows[0].line, 1);
    if (!albero) return NULL;
    xmlAddChild(I->root_el, albero);
    im_finish(I);
    for (inode *c = I->root.first; c; c = c->next) emit(I, albero, c);
    return albero;
}
