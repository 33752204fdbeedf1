/* Everything around the tree: from the template document when given
 * (copied as written, comments included), else DatiGenerali from the
 * options and the target years, and the usual SMVP (DOMAIN §4: linear
 * rule, bands from 0, 60 and 80 %). */
#include "import_internal.h"

#include <stdio.h>
#include <string.h>

#include "load.h"

static void set_text(importer *I, xmlNode *el, const char *text)
{
    if (!el || !text) return;
    while (el->children) {
        xmlNode *c = el->children;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
    }
    if (!xmlAddChild(el, xmlNewDocText(I->x.doc, (const xmlChar *)text))) I->oom = true;
}

/* ---- copies from the template ------------------------------------------------------ */

/* Copied elements remember their place in the template, as negative
 * lines: import.c sends their diagnostics to the template's list. */
static void copy_positions(importer *I, const xmlNode *from, xmlNode *to)
{
    for (; from && to; from = from->next, to = to->next) {
        to->_private = NULL;
        if (pp_xml_is(to, NULL, NULL) &&
            !pp_xml_set_pos(&I->x, to, -pp_xml_line(from), pp_xml_col(from)))
            I->oom = true;
        copy_positions(I, from->children, to->children);
    }
}

static xmlNode *copy_part(importer *I, const im_head *H, const char *name)
{
    xmlNode *src =
        H->tpl.doc ? pp_xml_first(xmlDocGetRootElement(H->tpl.doc), PP_NS, name) : NULL;
    xmlNode *copy = NULL;
    if (!src) return NULL;
    if (xmlDOMWrapCloneNode(NULL, H->tpl.doc, src, &copy, I->x.doc, I->root_el, 1, 0) != 0 ||
        !copy) {
        I->oom = true;
        return NULL;
    }
    copy_positions(I, src, copy); /* copy has no siblings yet: only src is walked */
    return copy;
}

/* ---- defaults ------------------------------------------------------------------------- */

static xmlNode *add(importer *I, xmlNode *parent, const char *name, const char *text)
{
    xmlNode *el = text ? im_text_el(I, parent, name, text, 0, 0) : im_el(I, name, 0, 0);
    if (el && !text) xmlAddChild(parent, el);
    return el;
}

static void default_general(importer *I, const im_head *H, xmlNode *g)
{
    char title[160], year[8], from[8], to[8];
    bool span = H->min_year && H->max_year > H->min_year;
    int lo = span && H->min_year < I->year ? H->min_year : I->year;
    if (I->relazione) snprintf(title, sizeof title, "Relazione sulla performance %d", I->year);
    else if (span) snprintf(title, sizeof title, "Piano della performance %d-%d", lo, H->max_year);
    else snprintf(title, sizeof title, "Piano della performance %d", I->year);
    snprintf(year, sizeof year, "%d", I->year);
    add(I, g, "Tipo", I->relazione ? "relazione" : "piano");
    add(I, g, "Titolo", H->o->title ? H->o->title : title);
    add(I, g, "AnnoRiferimento", year);
    if (span) {
        xmlNode *t = add(I, g, "Triennio", NULL);
        snprintf(from, sizeof from, "%d", lo);
        snprintf(to, sizeof to, "%d", H->max_year);
        im_attr(I, t, "da", from);
        im_attr(I, t, "a", to);
    }
    xmlNode *a = add(I, g, "Amministrazione", NULL);
    add(I, a, "Denominazione", H->o->ente ? H->o->ente : "Amministrazione");
}

static xmlNode *default_system(importer *I)
{
    static const char *bands[][4] = {{"0", "non raggiunto", "#C62828", "FUORI TARGET"},
                                     {"60", "parzialmente raggiunto", "#F9A825", "IN LINEA"},
                                     {"80", "raggiunto", "#2E7D32", "IN LINEA"}};
    xmlNode *s = im_el(I, "Sistema", 0, 0);
    if (!s) return NULL;
    add(I, s, "RegolaPredefinita", "lineare");
    xmlNode *fasce = add(I, s, "Fasce", NULL);
    im_attr(I, fasce, "statoNonValutato", "DA VALUTARE");
    for (int i = 0; i < 3; i++) {
        xmlNode *f = add(I, fasce, "Fascia", NULL);
        im_attr(I, f, "da", bands[i][0]);
        im_attr(I, f, "etichetta", bands[i][1]);
        im_attr(I, f, "colore", bands[i][2]);
        im_attr(I, f, "stato", bands[i][3]);
    }
    return s;
}

/* The options override what the template says. */
static void override_general(importer *I, const im_head *H, xmlNode *g)
{
    char year[8];
    if (H->o->kind) set_text(I, pp_xml_first(g, PP_NS, "Tipo"), H->o->kind);
    if (H->o->title) set_text(I, pp_xml_first(g, PP_NS, "Titolo"), H->o->title);
    if (H->o->year) {
        snprintf(year, sizeof year, "%d", H->o->year);
        set_text(I, pp_xml_first(g, PP_NS, "AnnoRiferimento"), year);
    }
    if (H->o->ente) {
        xmlNode *admin = pp_xml_first(g, PP_NS, "Amministrazione");
        set_text(I, pp_xml_first(admin, PP_NS, "Denominazione"), H->o->ente);
    }
}

static xmlNode *general(importer *I, const im_head *H)
{
    xmlNode *g = copy_part(I, H, "DatiGenerali");
    if (g) {
        override_general(I, H, g);
        return g;
    }
    g = im_el(I, "DatiGenerali", 0, 0);
    if (g) default_general(I, H, g);
    return g;
}

static void before(importer *I, xmlNode *albero, xmlNode *part)
{
    if (part && !xmlAddPrevSibling(albero, part)) {
        xmlFreeNode(part);
        I->oom = true;
    }
}

bool im_document(importer *I, im_head *H, xmlNode *albero)
{
    before(I, albero, general(I, H));
    xmlNode *sys = copy_part(I, H, "Sistema");
    before(I, albero, sys ? sys : H->tpl.doc ? NULL : default_system(I));
    before(I, albero, copy_part(I, H, "Organizzazione"));
    before(I, albero, copy_part(I, H, "Persone"));
    xmlNode *testi = copy_part(I, H, "Testi");
    if (testi && !xmlAddNextSibling(albero, testi)) {
        xmlFreeNode(testi);
        I->oom = true;
    }
    return !I->oom;
}
